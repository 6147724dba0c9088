import * as z from 'zod/mini';
import type { MessageId } from '../i18n/index.js';
import { run } from './text.js';

export type Question = 'image' | 'sortie';
export type Answer = 'oui' | 'non';

export const QUESTIONS: readonly Question[] = ['image', 'sortie'];

/** An explicit Oui or Non: an unanswered question is `null`, never a default. */
export const answered = (required: MessageId) => z.enum(['oui', 'non'], { error: required });

/** What each question asks for when unanswered; « sortie » is worded for an adult student (18 on 1 September). */
const required = (q: Question, adult: boolean): MessageId => {
  if (q === 'image') return 'authorisations.image.required';
  return adult ? 'authorisations.sortie.adultRequired' : 'authorisations.sortie.required';
};

/** Step 2's check: each question answered. */
export function authorisationErrors(
  answers: Readonly<Record<Question, Answer | null | undefined>>,
  o: { adult: boolean },
): Partial<Record<Question, MessageId>> {
  const errors: Partial<Record<Question, MessageId>> = {};
  for (const q of QUESTIONS) {
    const message = required(q, o.adult);
    const result = run(answered(message), answers[q], message);
    if (!result.ok) errors[q] = result.error;
  }
  return errors;
}
