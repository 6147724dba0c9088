import { html, type TemplateResult } from 'lit';
import type { ApiClient } from '../api/client.js';
import type { Campaign, Family, Registration } from '../api/contract.js';
import type { AnswersPatch } from '../events.js';
import { t } from '../i18n/index.js';
import type { StudentWork } from './journey-store.js';
import type { StepsModule } from './load-steps.js';
import type { Step } from './machine.js';
import { EXPORTED_PARTS } from './parts.js';

/** Everything a step's element is given, and what the wizard does with what it says. */
export interface StepView {
  steps: StepsModule;
  campaign: Campaign;
  registration: Registration;
  family: Family | undefined;
  work: StudentWork;
  studentId: string;
  adult: boolean;
  client: ApiClient;
  assetsUrl: string | undefined;
  /** Whose step 1 saved the family's details this session, and when. */
  familyConfirmed: { studentId: string; at: string } | undefined;
  on: {
    answers: (patch: AnswersPatch) => void;
    work: (patch: Partial<StudentWork>) => void;
    /** The coordinates as typed: not on the server until the step is left. */
    typed: (patch: Partial<StudentWork>) => void;
    recapEdit: (step: 1 | 2 | 3 | 4) => void;
    reregister: (studentId: string) => void;
    logout: () => void;
    acceptedAt: () => string;
  };
}

/**
 * The six steps, one entry each: the element, its properties and its events. Every step element
 * carries data-screen="step" and speaks the step contract (step-contract.ts), so the wizard
 * drives them all alike.
 */
export const stepViews: Record<Step, (v: StepView) => TemplateResult> = {
  1: (v) =>
    html`<reinscription-coordinates
      data-screen="step"
      exportparts=${EXPORTED_PARTS}
      .campaign=${v.campaign}
      .confirmedFor=${confirmedFor(v)}
      .original=${v.family ? originalOf(v.registration, v.family) : undefined}
      .form=${v.work.coordinatesForm ?? (v.registration.draft ? v.steps.draftForm(v.registration.draft.answers) : undefined)}
      @reinscription-form-change=${(e: CustomEvent<{ form: StudentWork['coordinatesForm'] }>) => v.on.typed({ coordinatesForm: e.detail.form })}
    ></reinscription-coordinates>`,
  2: (v) =>
    html`<reinscription-authorisations
      data-screen="step"
      exportparts=${EXPORTED_PARTS}
      .campaign=${v.campaign}
      .registration=${v.registration}
      .answers=${v.work.answers}
      .adult=${v.adult}
      @reinscription-answers-change=${(e: CustomEvent<{ patch: AnswersPatch }>) => v.on.answers(e.detail.patch)}
    ></reinscription-authorisations>`,
  3: (v) => documentsView(v, 'step'),
  4: (v) =>
    html`<reinscription-courses
      data-screen="step"
      exportparts=${EXPORTED_PARTS}
      .campaign=${v.campaign}
      .registration=${v.registration}
      .answers=${v.work.answers}
      @reinscription-answers-change=${(e: CustomEvent<{ patch: AnswersPatch }>) => v.on.answers(e.detail.patch)}
    ></reinscription-courses>`,
  5: (v) => {
    const pieces = v.steps.documentsState(v.campaign, v.registration, v.work.answers, v.adult, v.work.documents);
    return html`<reinscription-recap
      data-screen="step"
      exportparts=${EXPORTED_PARTS}
      .campaign=${v.campaign}
      .registration=${v.registration}
      .answers=${v.work.answers}
      .changes=${v.work.changes}
      .accepted=${v.work.accepted}
      .missingDocuments=${pieces.missing}
      .providedDocuments=${pieces.provided}
      @reinscription-answers-change=${(e: CustomEvent<{ patch: AnswersPatch }>) => v.on.answers(e.detail.patch)}
      @reinscription-accept-change=${(e: CustomEvent<{ accepted: boolean }>) =>
        v.on.work({ accepted: e.detail.accepted, acceptedAt: e.detail.accepted ? v.on.acceptedAt() : undefined })}
      @reinscription-recap-edit=${(e: CustomEvent<{ step: 1 | 2 | 3 | 4 }>) => v.on.recapEdit(e.detail.step)}
    ></reinscription-recap>`;
  },
  6: (v) => {
    const submission = v.work.submission ?? v.registration.submission;
    if (!submission) return html`<p>${t('wizard.noConfirmation')}</p>`;
    const others = (v.family?.students ?? [])
      .filter((s) => s.id !== v.studentId && (s.status === 'a-faire' || s.status === 'brouillon'))
      .map((s) => ({ id: s.id, name: `${s.lastName} ${s.firstName}` }));
    const student = v.work.answers.student;
    const pieces = v.steps.documentsState(v.campaign, v.registration, v.work.answers, v.adult, v.work.documents);
    return html`<reinscription-confirmation
      data-screen="step"
      exportparts=${EXPORTED_PARTS}
      .campaign=${v.campaign}
      .submission=${submission}
      .answers=${v.work.answers}
      .registration=${v.registration}
      .changes=${v.work.changes}
      .providedDocuments=${pieces.provided}
      .studentName=${`${student.lastName} ${student.firstName}`}
      .otherPending=${others}
      @reinscription-reregister=${(e: CustomEvent<{ studentId: string }>) => v.on.reregister(e.detail.studentId)}
      @reinscription-logout=${() => v.on.logout()}
    ></reinscription-confirmation>`;
  },
};

/** Step 3, and the pieces added to a file already sent (screen « documents »). */
export function documentsView(v: StepView, screen: 'step' | 'documents'): TemplateResult {
  return html`<reinscription-documents
    data-screen=${screen}
    mode=${screen === 'documents' ? 'later' : 'step'}
    exportparts=${EXPORTED_PARTS}
    .client=${v.client}
    .campaign=${v.campaign}
    .registration=${v.registration}
    .answers=${v.work.answers}
    .adult=${v.adult}
    .studentId=${v.studentId}
    .assetsUrl=${v.assetsUrl}
    .documents=${v.work.documents}
    @reinscription-documents-change=${(e: CustomEvent<{ documents: StudentWork['documents'] }>) => v.on.work({ documents: e.detail.documents })}
  ></reinscription-documents>`;
}

/** The guardian's details were saved from a brother's or sister's step 1: this one says so rather than ask again. */
function confirmedFor(v: StepView): { studentName: string; at: string } | undefined {
  const by = v.familyConfirmed;
  const student = by && by.studentId !== v.studentId ? v.family?.students.find((s) => s.id === by.studentId) : undefined;
  return student && by ? { studentName: `${student.lastName} ${student.firstName}`, at: by.at } : undefined;
}

/** What the backend sent: the baseline of « Éléments modifiés ». */
function originalOf(registration: Registration, family: Family) {
  return { guardian: family.guardian, student: registration.student, paymentMode: family.paymentMode, bankChanged: family.bankChanged };
}
