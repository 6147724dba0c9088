import type { RegistrationAnswers } from '../api/contract.js';
import type { AnswersPatch } from '../events.js';

/** Applies a step's patch to the answers (authorisations answer by answer). */
export function mergeAnswers(answers: RegistrationAnswers, patch: AnswersPatch): RegistrationAnswers {
  return { ...answers, ...patch, authorisations: { ...answers.authorisations, ...patch.authorisations } };
}
