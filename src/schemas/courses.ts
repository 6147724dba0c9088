import * as z from 'zod/mini';
import { t } from '../i18n/index.js';
import { run } from './text.js';

/**
 * Step 4's one check: the additional information within the campaign's limit. The input's
 * maxlength already stops typing past it; a longer text comes from an older draft or a lowered limit.
 */
export const additionalInfo = (max: number) =>
  z.string({ error: 'courses.additionalInfo.tooLong' }).check(z.maxLength(max, { error: 'courses.additionalInfo.tooLong' }));

/** The message as the parent reads it, with the limit and how much to cut; undefined when within it. */
export function additionalInfoError(text: string, max: number): string | undefined {
  const result = run(additionalInfo(max), text, 'courses.additionalInfo.tooLong');
  return result.ok ? undefined : t('courses.additionalInfo.tooLong', { max, over: text.length - max });
}
