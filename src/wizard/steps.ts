/**
 * The six step elements and what the wizard computes only for them, loaded when a parent first
 * opens a re-registration: the login and the family home (what everyone sees first) stay small.
 *
 * Everything this chunk provides is an export that `loadSteps()` uses (`defineSteps()`), never a
 * side effect of an import: a bundler that believes a module pure (package.json `sideEffects`)
 * drops side-effect-only imports without a word, and the built widget then stops at step 1.
 */
import type { Campaign, Registration, RegistrationAnswers, UploadedDocument } from '../api/contract.js';
import { define } from '../define.js';
import { ReinscriptionAuthorisations } from '../elements/authorisations/authorisations.js';
import { ReinscriptionConfirmation } from '../elements/confirmation/confirmation.js';
import { ReinscriptionCoordinates } from '../elements/coordinates/coordinates.js';
import { ReinscriptionCourses } from '../elements/courses/courses.js';
import { ReinscriptionDocuments } from '../elements/documents/documents.js';
import { ReinscriptionRecap } from '../elements/recap/recap.js';
import { requiredDocuments } from '../files/required.js';
import { addMessages } from '../i18n/index.js';
import { stepsCatalogue } from '../i18n/fr/steps-catalogue.js';
import { toCoordinatesForm, type CoordinatesForm } from '../schemas/coordinates.js';
export { stepper } from '../ui/stepper.js';

/** The elements this chunk brings, by tag. */
export const stepElements = {
  'reinscription-coordinates': ReinscriptionCoordinates,
  'reinscription-authorisations': ReinscriptionAuthorisations,
  'reinscription-documents': ReinscriptionDocuments,
  'reinscription-courses': ReinscriptionCourses,
  'reinscription-recap': ReinscriptionRecap,
  'reinscription-confirmation': ReinscriptionConfirmation,
} as const;

/** Registers the steps' strings, then defines their elements (each define is skipped when the tag exists). */
export function defineSteps(): void {
  addMessages(stepsCatalogue);
  for (const [tag, element] of Object.entries(stepElements)) define(tag, element);
}

/** A saved draft reopens step 1 with the answers it holds, not the backend's older data. */
export function draftForm(answers: RegistrationAnswers): CoordinatesForm {
  return toCoordinatesForm(answers.guardian, answers.student, answers.paymentMode, answers.bankChanged);
}

/** What the recap says of the pieces: those sent and those still missing (optional ones are not missing). */
export function documentsState(campaign: Campaign, registration: Registration, answers: RegistrationAnswers, adult: boolean, documents: UploadedDocument[]) {
  const required = requiredDocuments(campaign, answers, registration, { adult, documents });
  return {
    missing: required.filter((r) => r.state === 'missing').map((r) => ({ label: r.type.label, scope: r.type.scope })),
    provided: required.flatMap((r) => r.uploaded.slice(0, 1).map((d) => ({ label: r.type.label, fileName: d.fileName }))),
  };
}
