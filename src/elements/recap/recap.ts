import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import * as z from 'zod/mini';
import type { Campaign, FieldChange, Registration, RegistrationAnswers } from '../../api/contract.js';
import { FieldErrorsController } from '../../controllers/field-errors-controller.js';
import { define } from '../../define.js';
import { emit } from '../../events.js';
import { formatDate, formatPhone } from '../../format/display.js';
import { parisDate, parisTime } from '../../format/paris-time.js';
import { t, type MessageId } from '../../i18n/index.js';
import { run } from '../../schemas/text.js';
import { errorSummary } from '../../ui/error-summary.js';
import { checkboxField } from '../../ui/field.js';
import { baseStyles } from '../../ui/styles.js';
import { coordinatesRecap, type RecapGroup } from './coordinates-rows.js';
import { recapStyles } from './recap.styles.js';
import '../../i18n/fr/steps-catalogue.js';
import { valid, type StepElement, type StepResult } from '../../wizard/step-contract.js';

export interface MissingDocument {
  label: string;
  scope: 'family' | 'student';
}

export interface ProvidedDocument {
  label: string;
  fileName: string;
}

/** The steps a « Modifier » button can reopen. */
export type EditableStep = 1 | 2 | 3 | 4;

const ACCEPT_ID = 'accept-rules';

type Value = string | TemplateResult | null | undefined;

/** « J'accepte » is the one answer the recap asks; everything else was checked by its own step. */
const Acceptance = z.literal(true, { error: 'recap.accept.required' });

/** A change's « before » or « after », written like the rest of the recap when it is a phone or a date. */
const changeValue = (value: string): string => {
  if (/^\+[1-9]\d{6,14}$/.test(value)) return formatPhone(value, { foreign: 'stored' });
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  return value;
};

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
  static override styles = [baseStyles, recapStyles];

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
      <div class="recap-body">
        ${this.section('coordinates', 1, html`${coordinatesRecap(answers, campaign).map((group) => this.group(group))}`)}
        ${this.section('authorisations', 2, this.authorisations(answers))} ${this.section('documents', 3, this.documents(campaign))}
        ${this.section('courses', 4, this.courses(answers))} ${this.changesSection()} ${this.validation(campaign)}
      </div>
    `;
  }

  private section(key: 'coordinates' | 'authorisations' | 'documents' | 'courses', step: EditableStep, body: TemplateResult): TemplateResult {
    const titleId = `recap-${key}`;
    return html`
      <section class="section" part="section" aria-labelledby=${titleId}>
        <div class="section-head">
          <h3 id=${titleId}>${t(`recap.section.${key}`)}</h3>
          <button type="button" class="button button--link edit" part="edit" @click=${() => this.edit(step)}>
            ${t('recap.edit')}<span class="visually-hidden"> ${t(`recap.edit.${key}`)}</span>
          </button>
        </div>
        ${body}
      </section>
    `;
  }

  private row(id: MessageId, value: Value): TemplateResult {
    const empty = value === null || value === undefined || value === '';
    return html`<div class="row">
      <dt>${t(id)}</dt>
      <dd>${empty ? html`<span class="not-provided">${t('common.notProvided')}</span>` : value}</dd>
    </div>`;
  }

  private group({ heading, rows }: RecapGroup): TemplateResult {
    return html`
      <h4>${t(heading)}</h4>
      <dl>
        ${rows.map(({ label, lines }) => this.row(label, lines.length ? html`${lines.map((line, i) => html`${i ? html`<br />` : nothing}${line}`)}` : null))}
      </dl>
    `;
  }

  private authorisations(answers: RegistrationAnswers): TemplateResult {
    const a = answers.authorisations;
    const yesNo = (v: 'oui' | 'non' | null) => (v === 'oui' ? t('common.yes') : v === 'non' ? t('common.no') : null);
    return html`<dl>${this.row('recap.field.image', yesNo(a.image))} ${this.row('recap.field.sortie', yesNo(a.sortie))}</dl>`;
  }

  private documents(campaign: Campaign): TemplateResult {
    const until = campaign.documentsUntil;
    const missing = this.missingDocuments;
    const provided = this.providedDocuments;
    return html`
      <h4>${t('recap.documents.provided')}</h4>
      ${
        provided.length
          ? html`<dl>
              ${provided.map(
                (d) =>
                  html`<div class="row">
                    <dt>${d.label}</dt>
                    <dd>${d.fileName}</dd>
                  </div>`,
              )}
            </dl>`
          : html`<p>${t('recap.documents.noneProvided')}</p>`
      }
      ${
        missing.length
          ? html`
              <h4>${t('recap.documents.missing')}</h4>
              <ul>
                ${missing.map((d) => html`<li>${t('recap.documents.scoped', { label: d.label, scope: t(`recap.documents.scope.${d.scope}`) })}</li>`)}
              </ul>
              <div class="notice notice--warning" part="warning">
                <p><strong>${t('recap.documents.incomplete')}</strong></p>
                <p>${t('recap.documents.later', { date: parisDate(until), time: parisTime(until) })}</p>
              </div>
            `
          : html`<p>${t('recap.documents.complete')}</p>`
      }
    `;
  }

  private courses(answers: RegistrationAnswers): TemplateResult {
    const { registration } = this;
    const courses = registration?.courses ?? [];
    return html`<dl>
      ${this.row(
        'recap.field.courses',
        courses.length
          ? html`<ul class="plain">
              ${courses.map((c) => html`<li>${t('recap.course', { cursus: c.cursus, teacher: c.teacher })}</li>`)}
            </ul>`
          : t('recap.noCourse'),
      )}
      ${
        registration?.administrativeReregistrationApplies
          ? this.row('recap.field.administrative', answers.administrativeReregistration ? t('common.yes') : t('common.no'))
          : nothing
      }
      ${this.row('recap.field.additionalInfo', answers.additionalInfo.trim() ? html`<span class="free-text">${answers.additionalInfo}</span>` : null)}
    </dl>`;
  }

  private changesSection(): TemplateResult {
    return html`
      <section class="section" part="section" aria-labelledby="recap-changes">
        <h3 id="recap-changes">${t('recap.changes.heading')}</h3>
        ${
          this.changes.length
            ? html`<dl>
                ${this.changes.map(
                  (c) =>
                    html`<div class="row">
                      <dt>${c.label}</dt>
                      <dd>
                        <span class="change">${t('recap.changes.before')}${c.before ? changeValue(c.before) : t('common.notProvided')}</span>
                        <span class="change">${t('recap.changes.after')}${c.after ? changeValue(c.after) : t('common.notProvided')}</span>
                      </dd>
                    </div>`,
                )}
              </dl>`
            : html`<p>${t('recap.changes.none')}</p>`
        }
      </section>
    `;
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
