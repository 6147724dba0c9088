/**
 * Characters a parent cannot see, and cutting a text without breaking what they can. Pure, with
 * no import: the login path's schemas (email.ts) use it without loading the steps' catalogue.
 */

/**
 * Emoji sequences (a family, the rainbow flag, a skin tone, the flag of Scotland): the joiners and
 * tags inside them belong to the emoji, they are not hidden characters. A field that takes no emoji
 * refuses them by its own character rule.
 */
const EMOJI_SEQUENCE = /\p{Extended_Pictographic}(?:[\p{M}\p{Emoji_Modifier}\u{e0020}-\u{e007f}]|\u200d\p{Extended_Pictographic})*/gu;

/**
 * Controls (C0 such as NUL or a tab, DEL, C1), format characters (bidi embeddings, overrides,
 * isolates and marks, zero widths, the BOM, the soft hyphen) and half a surrogate pair.
 */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Cs}]/u;

/**
 * Whether a one-line text holds a character that shows as nothing (or as a box), outside an emoji.
 * A name or an address with one would not match the same name typed again, and bidi overrides
 * reorder what the secretary reads (« Trojan Source »): such a value is refused, never cleaned
 * silently, so what is stored is what the parent saw.
 */
// Each emoji becomes a space, not nothing: two halves of a pair on either side must not join into one.
export const hasHiddenCharacters = (value: string): boolean => HIDDEN.test(value.replace(EMOJI_SEQUENCE, ' '));

/**
 * In a multi-line free text, where tabs and line breaks are the parent's own: the other controls,
 * the bidi embeddings, overrides and isolates, and half a surrogate pair. Zero widths and joiners
 * stay (emoji, scripts that need them).
 */
const FREE_TEXT_CONTROLS = /(?![\t\n\r])[\p{Cc}\p{Cs}\u202a-\u202e\u2066-\u2069]/u;

export const hasControlCharacters = (value: string): boolean => FREE_TEXT_CONTROLS.test(value);

/** Line breaks and tabs of a stored one-line value (an address typed on two lines elsewhere) as one space. */
export const oneLine = (value: string): string => value.replace(/[\t\n\v\f\r\u0085\u2028\u2029]+/gu, ' ');

const graphemes = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('fr', { granularity: 'grapheme' }) : undefined;

/**
 * At most `max` UTF-16 code units, cut between two graphemes: never inside an emoji, a flag, a
 * letter and its accents, or a surrogate pair (a single grapheme longer than `max`, only seen in
 * abuse, gives ''). Without Intl.Segmenter (older browsers), never inside a surrogate pair at least.
 */
export function truncate(value: string, max: number): string {
  if (value.length <= max) return value;
  if (graphemes) {
    let end = 0;
    for (const { index, segment } of graphemes.segment(value)) {
      if (index + segment.length > max) break;
      end = index + segment.length;
    }
    return value.slice(0, end);
  }
  const low = value.charCodeAt(max);
  return value.slice(0, low >= 0xdc00 && low <= 0xdfff ? max - 1 : max);
}
