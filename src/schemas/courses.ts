import * as z from 'zod/mini';
import type { RegistrationAnswers } from '../api/contract.js';
import { t, type MessageId } from '../i18n/index.js';
import { hasControlCharacters, hasHiddenCharacters } from './characters.js';
import { hasLetterOrDigit, run } from './text.js';

/**
 * Step 4's checks: the additional information, kept as typed (line breaks, tabs and emoji are the
 * parent's), without controls or bidi overrides (characters.ts), within the campaign's limit. The
 * input's maxlength already stops typing past it; a longer text comes from an older draft or a
 * lowered limit.
 */
export const additionalInfo = (max: number) =>
  z.string({ error: 'courses.additionalInfo.tooLong' }).check(
    z.refine((v: string) => !hasControlCharacters(v), { error: 'validation.controlCharacters', abort: true }),
    z.maxLength(max, { error: 'courses.additionalInfo.tooLong' }),
  );

/**
 * The message as the parent reads it, with the limit and how much to cut; undefined when the text
 * is fine. Lengths are zod's, in code points (an emoji counts once), as the contract measures them.
 */
export function additionalInfoError(text: string, max: number): string | undefined {
  const result = run(additionalInfo(max), text, 'courses.additionalInfo.tooLong');
  if (result.ok) return undefined;
  if (result.error === 'validation.controlCharacters') return t('validation.controlCharacters');
  return t('courses.additionalInfo.tooLong', { max, over: [...text].length - max });
}

/** Longest instrument or day kept (the contract's limit). */
export const ADMINISTRATIVE_MAX = 100;

export type AdministrativeField = 'instrument' | 'day';

/**
 * A short free text, required: at least one letter or digit, no hidden character (characters.ts),
 * within the contract's limit. It travels as typed, so the limit is the typed length's.
 */
const detail = (required: MessageId, tooLong: MessageId) =>
  z.string({ error: required }).check(
    z.refine((v: string) => hasLetterOrDigit(v), { error: required, abort: true }),
    z.refine((v: string) => !hasHiddenCharacters(v), { error: 'validation.controlCharacters', abort: true }),
    z.refine((v: string) => v.length <= ADMINISTRATIVE_MAX, { error: tooLong }),
  );

export const administrativeInstrument = detail('courses.administrative.instrument.required', 'courses.administrative.instrument.tooLong');
export const administrativeDay = detail('courses.administrative.day.required', 'courses.administrative.day.tooLong');

/**
 * « Réinscription administrative » checked: the instrument and the day are then required (the
 * conservatory cannot place the student without them). Unchecked, or where it does not apply, nothing is asked.
 */
export function administrativeErrors(
  answers: Pick<RegistrationAnswers, 'administrativeReregistration' | 'administrativeDetails'>,
  o: { applies: boolean },
): Partial<Record<AdministrativeField, MessageId>> {
  if (!o.applies || !answers.administrativeReregistration) return {};
  const details = answers.administrativeDetails ?? { instrument: '', day: '' };
  const errors: Partial<Record<AdministrativeField, MessageId>> = {};
  const instrument = run(administrativeInstrument, details.instrument, 'courses.administrative.instrument.required');
  if (!instrument.ok) errors.instrument = instrument.error;
  const day = run(administrativeDay, details.day, 'courses.administrative.day.required');
  if (!day.ok) errors.day = day.error;
  return errors;
}
