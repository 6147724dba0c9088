import type { MessageId } from '../i18n/index.js';
import { normaliseText, textSchema } from './text.js';

/**
 * Names and places. A real name must never be rejected: any script's letters and combining marks,
 * spaces, apostrophes (D'AGOSTINO, N’Diaye), hyphens (Jean-Marc), dots (St. John) and ligatures
 * (Œillet) pass. What is refused is what cannot be part of a name: digits, @, emoji, markup, and,
 * with their own message, characters nobody sees (NUL and other controls, tabs, bidi overrides, zero
 * widths: characters.ts). Places also take digits and parentheses (« Lyon 3e », « Saint-Denis (La Réunion) »).
 */

/** Generous enough for several given names or a double-barrelled name; matches the backend's limit. */
export const NAME_MAX = 100;
export const PLACE_MAX = 100;

/** Dashes pasted from a word processor in a compound name mean a hyphen. */
export const normaliseName = (value: string) => normaliseText(value).replace(/[\u2010-\u2013\u2212]/gu, '-');

const NAME_CHARS = /^[\p{L}\p{M}' .-]+$/u;
const PLACE_CHARS = /^[\p{L}\p{M}\p{N}' .,()/-]+$/u;

export interface TextMessages {
  required?: MessageId;
  characters: MessageId;
}

export const personName = (m: TextMessages) =>
  textSchema({ ...m, max: NAME_MAX, tooLong: 'validation.name.tooLong', allowed: NAME_CHARS, normalise: normaliseName });

export const placeName = (m: TextMessages) =>
  textSchema({ ...m, max: PLACE_MAX, tooLong: 'validation.place.tooLong', allowed: PLACE_CHARS, normalise: normaliseName });

/**
 * Addresses (street, number, « bis », « BP 12 », « Résidence Les Tilleuls, bât. B » …), and the
 * profession, the emergency contact (« Marie Martin (grand-mère) ») and the school: words, numbers
 * and the usual punctuation.
 */
const FREE_CHARS = /^[\p{L}\p{M}\p{N}' .,;:()/°º#&+"«»_*-]+$/u;

export const ADDRESS_MAX = 200;

export const address = (m: TextMessages) => textSchema({ ...m, max: ADDRESS_MAX, tooLong: 'validation.address.tooLong', allowed: FREE_CHARS });

export const PROFESSION_MAX = 100;
export const EMERGENCY_CONTACT_MAX = 200;
export const SCHOOL_MAX = 200;

export const profession = (m: TextMessages) => textSchema({ ...m, max: PROFESSION_MAX, tooLong: 'validation.profession.tooLong', allowed: FREE_CHARS });

export const emergencyContact = (m: TextMessages) =>
  textSchema({ ...m, max: EMERGENCY_CONTACT_MAX, tooLong: 'validation.emergencyContact.tooLong', allowed: FREE_CHARS });

export const school = (m: TextMessages) => textSchema({ ...m, max: SCHOOL_MAX, tooLong: 'validation.school.tooLong', allowed: FREE_CHARS });
