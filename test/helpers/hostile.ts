/**
 * Hostile input for the fuzz tests (test/schemas/fuzz.test.ts, test/elements/forms.fuzz.test.ts):
 * what a paste from a PDF, a spreadsheet, a chat or an attacker can put in a field. Every string
 * here is written with escapes, so no source file holds a raw control character.
 */
import { executeServerCommand } from '@web/test-runner-commands';
import fc from 'fast-check';

/** What `npm run fuzz` asks for (scripts/fuzz.mjs sets `globalThis.__FUZZ__`); `npm test` sets nothing. */
interface FuzzGlobal {
  runs?: number;
  formRuns?: number;
  seed?: number | null;
}
const fuzzGlobal = (globalThis as { __FUZZ__?: FuzzGlobal }).__FUZZ__;

export interface FuzzSettings {
  runs: number;
  seed?: number;
}

/** Runs per property (`runs` for the schemas, `formRuns` for the forms), and fast-check's seed when one is given. */
export function fuzzSettings(key: 'runs' | 'formRuns', defaultRuns: number): FuzzSettings {
  const seed = fuzzGlobal?.seed;
  return { runs: fuzzGlobal?.[key] ?? defaultRuns, ...(seed === undefined || seed === null ? {} : { seed }) };
}

// ---------------------------------------------------------------- running a property, with figures

export type Outcome = 'accepted' | 'refused';

interface Figure {
  suite: string;
  name: string;
  runs: number;
  accepted: number;
  refused: number;
  ms: number;
}
const figures: Figure[] = [];

/** Sends the figures to scripts/fuzz.mjs, whose plugin answers this command; under `npm test`, nothing. */
export async function sendFigures(): Promise<void> {
  if (fuzzGlobal && figures.length) await executeServerCommand('fuzz-figures', figures.splice(0));
}

/** A counterexample as one short line: escaped (controls and bidi stay readable), long strings cut. */
export function shown(value: unknown): string {
  const text = JSON.stringify(value, (_, v: unknown) => (v === undefined ? '(undefined)' : v)) ?? String(value);
  const escaped = text.replace(/[^\x20-\x7e\u00a0-\u024f]/gu, (c) => `\\u{${(c.codePointAt(0) ?? 0).toString(16)}}`);
  return escaped.length > 400 ? `${escaped.slice(0, 400)}… (${text.length} characters)` : escaped;
}

/**
 * Runs `body` on `what.runs` values of `input` and keeps the figures (how many were accepted,
 * how many refused, how long it took). A failure names the property, the cause, the shrunk
 * counterexample (cut to one line) and the seed and path that replay it (`npm run fuzz -- --seed N`).
 */
export async function checkProperty<T>(
  what: { suite: string; name: string } & FuzzSettings,
  input: fc.Arbitrary<T>,
  body: (value: T) => Outcome | Promise<Outcome>,
): Promise<void> {
  let accepted = 0;
  let refused = 0;
  const started = performance.now();
  const details = await fc.check(
    fc.asyncProperty(input, async (value) => {
      if ((await body(value)) === 'accepted') accepted += 1;
      else refused += 1;
    }),
    { numRuns: what.runs, ...(what.seed === undefined ? {} : { seed: what.seed }) },
  );
  if (details.failed) {
    const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    throw new Error(
      `${what.name}: ${cause}\n  counterexample: ${shown(details.counterexample?.[0])}\n  seed ${details.seed}, path "${details.counterexamplePath ?? ''}"`,
    );
  }
  figures.push({ suite: what.suite, name: what.name, runs: what.runs, accepted, refused, ms: Math.round(performance.now() - started) });
}

/** Explicit bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): the « Trojan Source » characters. */
export const BIDI = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];

/** Zero width space, non-joiner, joiner, and the byte order mark (zero width no-break space). */
export const ZERO_WIDTH = ['\u200b', '\u200c', '\u200d', '\ufeff'];

/** NUL and every C0 control (U+0000–U+001F), and DEL. */
export const C0 = [...Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)), '\u007f'];

/** Emoji sequences a splitter must keep whole: ZWJ families, the rainbow flag, skin tones, flags, keycaps, tag sequences. */
export const EMOJI = [
  '\u{1f468}\u200d\u{1f469}\u200d\u{1f467}\u200d\u{1f466}',
  '\u{1f3f3}\ufe0f\u200d\u{1f308}',
  '\u{1f9d1}\u{1f3fd}\u200d\u{1f4bb}',
  '\u{1f469}\u200d\u2764\ufe0f\u200d\u{1f468}',
  '\u{1f1eb}\u{1f1f7}',
  '1\ufe0f\u20e3',
  '\u{1f3f4}\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}',
  '\u2764\ufe0f',
  '\u{1f600}',
];

export const MARKUP = [
  '<img src=x onerror=alert(1)>',
  '</script>',
  '"><svg onload=alert(1)>',
  '<b>gras</b>',
  '&lt;b&gt;&amp;',
  '${alert(1)}',
  '{{constructor.constructor("alert(1)")()}}',
  "'; DROP TABLE familles; --",
];

/** Combining marks: alone, on a letter, stacked (« Zalgo »). */
export const COMBINING = ['\u0301', 'e\u0301', 'n\u0303o', `a${'\u0300'.repeat(60)}`, 'Z\u0351\u0334\u0321\u0327a\u0338l\u0336g\u0335o', '\u0915\u094d\u0937'];

/** Halves of a surrogate pair, alone or next to a letter. */
export const LONE_SURROGATES = ['\ud800', '\udbff', '\udc00', '\udfff', 'a\ud83d', '\ude00b'];

/** Spaces of every kind, which normalisation folds. */
export const SPACES = [' ', '\u00a0', '\u202f', '\u2003', '\u3000', '\u2028', '\u2029', '  '];

export const LONG_LENGTH = 10_000;

export const HOSTILE_FRAGMENTS = [...BIDI, ...ZERO_WIDTH, ...C0, ...EMOJI, ...MARKUP, ...COMBINING, ...LONE_SURROGATES, ...SPACES];

/** One hostile piece, or a short random one (any code unit, any grapheme). */
export const fragment: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_FRAGMENTS) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
);

/** `value` with 1 to 3 hostile pieces put in at random places (a code unit index, so a pair may be cut too). */
export const around = (value: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.tuple(value, fc.array(fc.tuple(fc.nat(), fragment), { minLength: 1, maxLength: 3 })).map(([v, pieces]) =>
    pieces.reduce((s, [at, piece]) => {
      const i = at % (s.length + 1);
      return s.slice(0, i) + piece + s.slice(i);
    }, v),
  );

/** 10,000 characters: the value repeated, or padded with a fragment before or after it. */
export const long = (value: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.tuple(value, fragment, fc.constantFrom('repeat', 'start', 'end') as fc.Arbitrary<'repeat' | 'start' | 'end'>).map(([v, piece, how]) => {
    const filler = (how === 'repeat' ? v || piece : piece) || 'a';
    const pad = filler.repeat(Math.ceil(LONG_LENGTH / filler.length)).slice(0, Math.max(0, LONG_LENGTH - (how === 'repeat' ? 0 : v.length)));
    return how === 'repeat' ? pad : how === 'start' ? pad + v : v + pad;
  });

/**
 * What a parent might type, paste, or an attacker send, near the real shapes of a field: its
 * `examples` as they are, with hostile pieces put in, 10,000 characters long, pieces alone, or random.
 */
export function hostile(examples: readonly string[]): fc.Arbitrary<string> {
  const example = examples.length ? fc.constantFrom(...examples) : fc.constant('');
  return fc.oneof(
    { weight: 2, arbitrary: example },
    { weight: 4, arbitrary: around(example) },
    { weight: 1, arbitrary: long(example) },
    { weight: 2, arbitrary: fc.array(fragment, { maxLength: 6 }).map((a) => a.join('')) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  );
}

/** Not a string at all: what a broken integration or an old draft may hand a schema. */
export const notAString: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(undefined, null, true, 0, Number.NaN, {}, [], ['a']),
  fc.integer(),
  fc.object({ maxDepth: 1 }),
);

// ---------------------------------------------------------------- what the properties look for

/** C0 controls, DEL, and the bidi embeddings, overrides and isolates: never in a name or an address. */
export const FORBIDDEN_IN_NAMES = new RegExp(`[${C0.join('')}\u202a-\u202e\u2066-\u2069]`, 'u');

/** Any control or format character (C0, C1, bidi marks, zero widths, BOM…), or half a surrogate pair. */
export const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}]/u;

const segmenter = new Intl.Segmenter('fr', { granularity: 'grapheme' });

export const graphemes = (s: string): string[] => [...segmenter.segment(s)].map((g) => g.segment);

const PICTOGRAPHIC = /\p{Extended_Pictographic}|\p{Regional_Indicator}|^[0-9#*]\ufe0f?\u20e3/u;

/** The emoji of a text, each as its whole grapheme (a family, a flag, a keycap). */
export const emojiOf = (s: string): string[] => graphemes(s).filter((g) => PICTOGRAPHIC.test(g));

/** Whether every surrogate of `s` is half of a pair (String.prototype.isWellFormed, ES2024). */
export function isWellFormed(s: string): boolean {
  for (let i = 0; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      i += 1;
    } else if (c >= 0xdc00 && c <= 0xdfff) return false;
  }
  return true;
}
