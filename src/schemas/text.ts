import * as z from 'zod/mini';
import { isMessageId, type MessageId } from '../i18n/index.js';
import { hasHiddenCharacters } from './characters.js';
import '../i18n/fr/steps-catalogue.js';

/**
 * Shared plumbing of the French validators. Every schema here reports a message id of our own
 * catalogue as the issue message; zod's built-in (English, or « Entrée invalide ») messages never
 * reach the user, so no zod locale is loaded.
 */

export type Checked<T> = { ok: true; value: T } | { ok: false; error: MessageId };

/**
 * Runs a schema and keeps the first issue only: one message per field, the most basic problem
 * first (checks are ordered and abort, so « empty » is never followed by « wrong format »).
 * `fallback` is only reached if a check forgot its id; the property tests make sure none does.
 */
export function run<T>(schema: z.ZodMiniType<T>, input: unknown, fallback: MessageId): Checked<T> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const message = result.error.issues[0]?.message ?? '';
  return { ok: false, error: isMessageId(message) ? message : fallback };
}

/** The `required` check, when the field is: empty stops the rest there. An optional field accepts ''. */
export const requiredCheck = (required: MessageId | undefined) => (required ? [z.minLength(1, { error: required, abort: true })] : []);

/** A check of what was typed: '' is `required`'s business (requiredCheck), never this check's. */
export const whenTyped = (test: (value: string) => boolean, error: MessageId) =>
  z.refine<string>((value) => value === '' || test(value), { error, abort: true });

/**
 * Spaces of every kind (a non-breaking space pasted from a PDF, a tab, a newline) become one
 * space; NFC so that « é » typed on a Mac and on Windows compare equal.
 */
export function collapseSpaces(value: string): string {
  return value.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** Typographic and keyboard look-alikes of the apostrophe all become ' (D’Agostino = D'Agostino). */
export function straightApostrophes(value: string): string {
  return value.replace(/[’‘ʼ`´′]/gu, "'");
}

/** Collapsed spaces and straight apostrophes: the stored form of every free text. */
export function normaliseText(value: string): string {
  return straightApostrophes(collapseSpaces(value));
}

/** Holds at least one letter or digit, so « - » or « ... » alone is not an answer. */
export const hasLetterOrDigit = (value: string) => /[\p{L}\p{N}]/u.test(value);

/**
 * A one-line free text with a maximum length and an allowed character set. A character the parent
 * cannot see (a control, a tab, a bidi override, a zero width: characters.ts) is refused first,
 * with its own message, before spaces are collapsed: a name or an address is stored as it was
 * seen. Then `required` (which stops the rest; an optional field accepts the empty string), the
 * length, the characters.
 */
export function textSchema(o: {
  required?: MessageId;
  max: number;
  tooLong: MessageId;
  characters: MessageId;
  allowed: RegExp;
  normalise?: (value: string) => string;
}) {
  const normalise = o.normalise ?? normaliseText;
  return z.string({ error: o.characters }).check(
    z.refine((value: string) => !hasHiddenCharacters(value), { error: 'validation.controlCharacters', abort: true }),
    z.overwrite(normalise),
    ...requiredCheck(o.required),
    z.maxLength(o.max, { error: o.tooLong, abort: true }),
    whenTyped((value) => o.allowed.test(value) && hasLetterOrDigit(value), o.characters),
  );
}

/** A code chosen from a list; the prefilled value is accepted too even when today's list lacks it. */
export function listSchema(o: { codes: readonly string[]; keep?: string; required?: MessageId; notInList: MessageId; normalise?: (value: string) => string }) {
  return z.string({ error: o.notInList }).check(
    z.overwrite(o.normalise ?? ((value: string) => value.trim())),
    ...requiredCheck(o.required),
    whenTyped((value) => o.codes.includes(value) || (o.keep !== undefined && o.keep !== '' && value === o.keep), o.notInList),
  );
}
