import * as z from 'zod/mini';
import type { MessageId } from '../i18n/index.js';
import { collapseSpaces, requiredCheck, whenTyped } from './text.js';

/**
 * French postcodes: 5 digits. Only what cannot exist is refused: another length, or a code
 * starting with 00, 96 or 99 (no département has them). Corsica (20xxx), overseas (971xx–976xx,
 * 986xx–988xx), Monaco (980xx) and CEDEX codes all pass: la Poste's list changes, a real address
 * must not be blocked by a stale copy of it. Spaces typed inside (« 69 760 ») are dropped.
 */
export const FRENCH_POSTCODE = /^\d{5}$/;
const IMPOSSIBLE_PREFIX = /^(00|96|99)/;

export const compactPostcode = (value: string) => value.replace(/\s+/gu, '');

export const isFrenchPostcode = (value: string) => {
  const v = compactPostcode(value);
  return FRENCH_POSTCODE.test(v) && !IMPOSSIBLE_PREFIX.test(v);
};

export interface PostcodeMessages {
  required?: MessageId;
  format: MessageId;
  unknown: MessageId;
}

export const frenchPostcode = (m: PostcodeMessages) =>
  z.string({ error: m.format }).check(
    z.overwrite(compactPostcode),
    ...requiredCheck(m.required),
    whenTyped((v) => FRENCH_POSTCODE.test(v), m.format),
    whenTyped((v) => !IMPOSSIBLE_PREFIX.test(v), m.unknown),
  );

/**
 * Abroad, formats vary (« 1200 », « SW1A 1AA », « D02 X285 ») and some countries have none, so
 * only the shape is checked: letters, digits, spaces and hyphens, 12 characters at most (the
 * longest real ones have 10).
 */
export const FOREIGN_POSTCODE_MAX = 12;

export const foreignPostcode = (m: { format: MessageId }) =>
  z.string({ error: m.format }).check(
    z.overwrite((v: string) => collapseSpaces(v).toUpperCase()),
    whenTyped((v) => v.length <= FOREIGN_POSTCODE_MAX && /^[A-Z0-9][A-Z0-9 -]*$/u.test(v), m.format),
  );
