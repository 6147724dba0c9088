/**
 * The six step elements and what the wizard computes only for them, loaded when a parent first
 * opens a re-registration: the login and the family home (what everyone sees first) stay small.
 */
import type { Campaign, Registration, RegistrationAnswers, UploadedDocument } from '../api/contract.js';
import { requiredDocuments } from '../files/required.js';
import { toCoordinatesForm, type CoordinatesForm } from '../schemas/coordinates.js';
export { stepper } from '../ui/stepper.js';
import '../elements/coordinates/coordinates.js';
import '../elements/authorisations/authorisations.js';
import '../elements/documents/documents.js';
import '../elements/courses/courses.js';
import '../elements/recap/recap.js';
import '../elements/confirmation/confirmation.js';

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
