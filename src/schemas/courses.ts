import * as z from 'zod/mini';
import type { RegistrationAnswers } from '../api/contract.js';
import { t, type MessageId } from '../i18n/index.js';
import { hasLetterOrDigit, normaliseText, run } from './text.js';

/**
 * Step 4's checks: the additional information within the campaign's limit. The input's
 * maxlength already stops typing past it; a longer text comes from an older draft or a lowered limit.
 */
export const additionalInfo = (max: number) =>
  z.string({ error: 'courses.additionalInfo.tooLong' }).check(z.maxLength(max, { error: 'courses.additionalInfo.tooLong' }));

/** The message as the parent reads it, with the limit and how much to cut; undefined when within it. */
export function additionalInfoError(text: string, max: number): string | undefined {
  const result = run(additionalInfo(max), text, 'courses.additionalInfo.tooLong');
  return result.ok ? undefined : t('courses.additionalInfo.tooLong', { max, over: text.length - max });
}

/** Longest instrument or day kept (the contract's limit). */
export const ADMINISTRATIVE_MAX = 100;

export type AdministrativeField = 'instrument' | 'day';

/** A short free text, required: at least one letter or digit, within the contract's limit. */
const detail = (required: MessageId, tooLong: MessageId) =>
  z.string({ error: required }).check(
    z.refine((v) => hasLetterOrDigit(v), { error: required }),
    z.refine((v) => normaliseText(v).length <= ADMINISTRATIVE_MAX, { error: tooLong }),
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
