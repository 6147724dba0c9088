import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property } from '../../ui/decorators.js';
import * as z from 'zod/mini';
import type { Campaign, FieldChange, Registration, RegistrationAnswers } from '../../api/contract.js';
import { FieldErrorsController } from '../../controllers/field-errors-controller.js';
import { define } from '../../define.js';
import { emit } from '../../events.js';
import { parisDate, parisTime } from '../../format/paris-time.js';
import { t, type MessageId } from '../../i18n/index.js';
import { run } from '../../schemas/text.js';
import { errorSummary } from '../../ui/error-summary.js';
import { checkboxField } from '../../ui/field-variants.js';
import { variantStyles } from '../../ui/field-variants.styles.js';
import { baseStyles } from '../../ui/styles.js';
import {
  answersSection,
  authorisationsAnswers,
  changesAnswers,
  coordinatesAnswers,
  coursesAnswers,
  missingAnswers,
  providedAnswers,
  type MissingDocument,
  type ProvidedDocument,
  type Section,
} from './answers.templates.js';
import { answersStyles, recapStyles } from './recap.styles.js';
import '../../i18n/fr/steps-catalogue.js';
import { valid, type StepElement, type StepResult } from '../../wizard/step-contract.js';

export type { MissingDocument, ProvidedDocument } from './answers.templates.js';

/** The steps a « Modifier » button can reopen. */
export type EditableStep = 1 | 2 | 3 | 4;

const ACCEPT_ID = 'accept-rules';

/** « J'accepte » is the one answer the recap asks; everything else was checked by its own step. */
const Acceptance = z.literal(true, { error: 'recap.accept.required' });

/**
 * Step 5 « Récapitulatif »: everything entered, one section per step, each with « Modifier »
 * (its hidden text names what it changes); the « Éléments modifiés » list; the documents' state
 * with the manual's warning when pieces are missing; then « Validation pour la réinscription »:
 * the manual's text, the link to the rules and « J'accepte ». The « Valider » button is the
 * wizard's. Coded values are shown by their labels from the campaign's reference lists.
 *
 * @summary Step 5 of the re-registration: check answers and accept the rules.
 *
 * @fires reinscription-recap-edit - « Modifier » was chosen; `detail: { step }` (1 coordinates, 2 authorisations, 3 documents, 4 courses).
 * @fires reinscription-accept-change - « J'accepte » was checked or unchecked; `detail: { accepted }`.
 *
 * @csspart heading - The step's heading.
 * @csspart section - Each section of the recap.
 * @csspart edit - Each « Modifier » button.
 * @csspart warning - The « Tout dossier incomplet ne sera pas traité » notice.
 * @csspart field - The « J'accepte » checkbox.
 * @csspart error-summary - The « Il y a un problème » box.
 *
 * @cssprop --rw-font-size - Base font size (default 16px).
 * @cssprop --rw-color-text - Text colour.
 * @cssprop --rw-color-primary - Links, « Modifier » and the checkbox.
 * @cssprop --rw-color-error - Error messages, borders and the missing-documents warning.
 * @cssprop --rw-color-border - Rules between sections and answers.
 * @cssprop --rw-color-muted - « Non renseigné » and hints.
 * @cssprop --rw-color-surface - Background of notices.
 * @cssprop --rw-space - Base spacing.
 * @cssprop --rw-focus-ring - Focus outline.
 */
export class ReinscriptionRecap extends LitElement implements StepElement {
  static override styles = [baseStyles, variantStyles, answersStyles, recapStyles];

  @property({ attribute: false }) campaign: Campaign | undefined;

  @property({ attribute: false }) registration: Registration | undefined;

  @property({ attribute: false }) answers: RegistrationAnswers | undefined;

  /** « Éléments modifiés »: what differs from the stored coordinates, computed by the wizard. */
  @property({ attribute: false }) changes: FieldChange[] = [];

  @property({ attribute: false }) missingDocuments: MissingDocument[] = [];

  @property({ attribute: false }) providedDocuments: ProvidedDocument[] = [];

  /** « J'accepte » (controlled: the wizard keeps it with the time of acceptance). */
  @property({ type: Boolean }) accepted = false;

  private readonly fieldErrors = new FieldErrorsController<typeof ACCEPT_ID, MessageId>(this, {
    check: () => {
      const accepted = run(Acceptance, this.accepted, 'recap.accept.required');
      return accepted.ok ? {} : { [ACCEPT_ID]: accepted.error };
    },
    title: true,
  });

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h2.heading')?.focus();
  }

  /** « J'accepte » is the one thing required here; everything else was checked by its own step. */
  async validate(): Promise<StepResult> {
    return (await this.fieldErrors.validateAll()) ? valid() : { ok: false };
  }

  protected override render(): TemplateResult | typeof nothing {
    const { campaign, answers } = this;
    if (!campaign || !answers) return nothing;
    const name = `${answers.student.lastName} ${answers.student.firstName}`;
    const error = this.message();
    return html`
      ${errorSummary(error ? [{ id: ACCEPT_ID, message: error }] : [], () => this.shadowRoot)}
      <h2 class="heading" part="heading" tabindex="-1">${t('recap.heading')}</h2>
      <p>${t('recap.intro', { name })}</p>
      <div class="answers">
        ${this.section('coordinates', 1, coordinatesAnswers(answers, campaign))} ${this.section('authorisations', 2, authorisationsAnswers(answers))}
        ${this.section('documents', 3, this.documents(campaign))} ${this.section('courses', 4, coursesAnswers(this.registration, answers))}
        ${this.changesSection()} ${this.validation(campaign)}
      </div>
    `;
  }

  private section(key: Exclude<Section, 'changes'>, step: EditableStep, body: TemplateResult): TemplateResult {
    return answersSection(`recap-${key}`, key, body, {
      part: 'section',
      edit: html`<button type="button" class="button button--link edit" part="edit" @click=${() => this.edit(step)}>
        ${t('coordinates.summary.edit')}<span class="visually-hidden"> ${t(`recap.edit.${key}`)}</span>
      </button>`,
    });
  }

  private documents(campaign: Campaign): TemplateResult {
    const until = campaign.documentsUntil;
    const missing = this.missingDocuments;
    return html`
      ${providedAnswers(this.providedDocuments)}
      ${
        missing.length
          ? html`
              ${missingAnswers(missing)}
              <div class="notice notice--warning" part="warning">
                <p><strong>${t('recap.documents.incomplete')}</strong></p>
                <p>${t('recap.documents.later', { date: parisDate(until), time: parisTime(until) })}</p>
              </div>
            `
          : html`<p>${t('recap.documents.complete')}</p>`
      }
    `;
  }

  private changesSection(): TemplateResult {
    return answersSection('recap-changes', 'changes', changesAnswers(this.changes), { part: 'section' });
  }

  private validation(campaign: Campaign): TemplateResult {
    const { rules, schoolYear } = campaign;
    return html`
      <section class="section validation" part="section" aria-labelledby="recap-validation">
        <h3 id="recap-validation">${t('recap.validation.heading')}</h3>
        <p>${t('recap.validation.certify')}</p>
        <p>${t('recap.validation.due')}</p>
        <p>
          <a href=${rules.url} target="_blank" rel="noopener noreferrer"
            >${t('recap.validation.rules', { schoolYear })}<span class="visually-hidden"> ${t('common.newWindow')}</span></a
          >
        </p>
        ${checkboxField({
          id: ACCEPT_ID,
          label: t('recap.accept.label'),
          hint: t('recap.accept.version', { version: rules.version }),
          checked: this.accepted,
          error: this.message(),
          onChange: (accepted) => emit(this, 'reinscription-accept-change', { accepted }),
        })}
      </section>
    `;
  }

  private message(): string | undefined {
    const error = this.fieldErrors.errors[ACCEPT_ID];
    return error ? t(error) : undefined;
  }

  private edit(step: EditableStep): void {
    emit(this, 'reinscription-recap-edit', { step });
  }
}

define('reinscription-recap', ReinscriptionRecap);

declare global {
  interface HTMLElementTagNameMap {
    'reinscription-recap': ReinscriptionRecap;
  }
}
