import * as z from 'zod/mini';
import type { MessageId } from '../i18n/index.js';
import { requiredCheck } from './text.js';

/**
 * Phones are typed in any usual French way (06 12 34 56 78, 06.12.34.56.78, 0612345678,
 * +33 6 12 34 56 78, +33 (0)6 12 34 56 78, 0033 6 …) or as an international number starting with
 * + (overseas: +262, +590, +594, +596, +508 …); they travel normalised (E.164, what the contract's
 * Phone accepts) and are shown grouped by pairs as the French write them.
 * A 10-digit number is stored under +33 even when it belongs to an overseas département
 * (0262 …, 0692 …): the conservatory dials from France, the backend already holds such numbers under
 * +33, and guessing the overseas code from ARCEP's blocks would silently rewrite them.
 * formatPhone and toE164 round-trip: what is shown parses back to what is stored.
 */

const E164 = /^\+[1-9]\d{6,14}$/;

/** A French number written nationally: 0 then 9 digits, the first not 0. */
const fromNational = (national: string): string | null => (/^0[1-9]\d{8}$/.test(national) ? `+33${national.slice(1)}` : null);

/** The E.164 form of a typed number, '' for nothing typed, null when it cannot be a phone number. */
export function toE164(input: string): string | null {
  const typed = input.normalize('NFKC').trim();
  if (typed === '') return '';
  if (!/^\+?[\d\s.\-/()]+$/u.test(typed)) return null;
  // « +33 (0)6 … »: the bracketed trunk 0 is not dialled from abroad.
  const withoutTrunk = typed.startsWith('+') ? typed.replace(/\(\s*0\s*\)/u, '') : typed;
  let digits = withoutTrunk.replace(/[\s.\-/()]/gu, '');
  if (!/^\+?\d+$/.test(digits)) return null;
  if (digits.startsWith('00')) digits = `+${digits.slice(2)}`;
  if (digits.startsWith('+33')) {
    const rest = digits.slice(3);
    return fromNational(rest.startsWith('0') ? rest : `0${rest}`);
  }
  if (digits.startsWith('+')) return E164.test(digits) ? digits : null;
  return fromNational(digits);
}

/** Country calling codes of 1 or 2 digits (ITU-T E.164 assignments); every other one has 3. */
const TWO_DIGIT_CODES = new Set(
  '20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58 60 61 62 63 64 65 66 81 82 84 86 90 91 92 93 94 95 98'.split(' '),
);

const pairs = (digits: string) => {
  const head = digits.length % 2 === 1 ? digits.slice(0, 3) : '';
  const tail = digits.slice(head.length).match(/\d{2}/g) ?? [];
  return [head, ...tail].filter(Boolean).join(' ');
};

/**
 * How a stored number reads: « 06 12 34 56 78 » under +33, « +41 791 23 45 67 » or
 * « +262 692 12 34 56 » under another code. Anything else is shown as stored.
 */
export function formatPhone(stored: string): string {
  const e164 = toE164(stored);
  if (!e164) return stored;
  if (e164.startsWith('+33') && e164.length === 12) return pairs(`0${e164.slice(3)}`);
  const digits = e164.slice(1);
  const ccLength = digits[0] === '1' || digits[0] === '7' ? 1 : TWO_DIGIT_CODES.has(digits.slice(0, 2)) ? 2 : 3;
  return `+${digits.slice(0, ccLength)} ${pairs(digits.slice(ccLength))}`;
}

/** A number as « Éléments modifiés » compares it: E.164 when it parses, else as typed (trimmed). */
export const phoneKey = (v: string) => toE164(v) ?? v.trim();

/** Same number, however written. */
export const samePhone = (a: string, b: string) => phoneKey(a) === phoneKey(b);

export const phone = (m: { required?: MessageId; format: MessageId }) =>
  z.string({ error: m.format }).check(
    z.overwrite((v: string) => v.trim()),
    ...requiredCheck(m.required),
    z.refine((v: string) => toE164(v) !== null, { error: m.format, abort: true }),
    z.overwrite((v: string) => toE164(v) ?? v),
  );
