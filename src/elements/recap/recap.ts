import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { property } from '../../ui/decorators.js';
import * as z from 'zod/mini';
import type { Campaign, FieldChange, Registration, RegistrationAnswers } from '../../api/contract.js';
import { FieldErrorsController } from '../../controllers/field-errors-controller.js';
import { define } from '../../define.js';
import { emit } from '../../events.js';
import { parisDate, parisTime } from '../../format/paris-time.js';
import { t, type MessageId } from '../../i18n/index.js';
import { run } from '../../schemas/text.js';
import { errorSummary, type SummaryError } from '../../ui/error-summary.js';
import { checkboxField } from '../../ui/field-variants.js';
import { serverErrorsFor } from '../../ui/server-errors.js';
import { variantStyles } from '../../ui/field-variants.styles.js';
import { baseStyles } from '../../ui/styles.js';
import {
  answersSection,
  authorisationsAnswers,
  authorisationsRows,
  changesAnswers,
  coordinatesAnswers,
  coursesAnswers,
  coursesRows,
  missingAnswers,
  providedAnswers,
  type MissingDocument,
  type ProvidedDocument,
  type RowError,
  type Section,
} from './answers.templates.js';
import { coordinatesRecap, coordinatesRowOf } from './coordinates-rows.js';
import { answersStyles, recapStyles } from './recap.styles.js';
import '../../i18n/fr/steps-catalogue.js';
import { valid, type StepElement, type StepResult } from '../../wizard/step-contract.js';

export type { MissingDocument, ProvidedDocument } from './answers.templates.js';

/** The steps a « Modifier » button can reopen. */
export type EditableStep = 1 | 2 | 3 | 4;

const ACCEPT_ID = 'accept-rules';

/** « J'accepte » is the one answer the recap asks; everything else was checked by its own step. */
const Acceptance = z.literal(true, { error: 'recap.accept.required' });

/** The sections whose answers the server can refuse, fixed through their « Modifier ». */
type AnswersSection = 'coordinates' | 'authorisations' | 'courses';

/**
 * An answer the recap shows, as a 422 can name it: `field` is the answer's path (`guardian.address`,
 * `additionalInfo`), `name` the parent's words for it out of context (the error summary).
 */
interface ShownAnswer {
  field: string;
  section: AnswersSection;
  name: string;
}

const editId = (section: Section) => `recap-edit-${section}`;
/** The row's error is `${rowId(field)}-error` (errorTemplate). */
const rowId = (field: string) => `recap-answer-${field.replaceAll('.', '-')}`;

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

  /** Keyed by « J'accepte »'s id or a shown answer's `field`: only the server refuses the answers here. */
  private readonly fieldErrors = new FieldErrorsController<string, MessageId>(this, {
    check: () => {
      const accepted = run(Acceptance, this.accepted, 'recap.accept.required');
      return accepted.ok ? {} : { [ACCEPT_ID]: accepted.error };
    },
    title: true,
    valueOf: (field) =>
      field === ACCEPT_ID ? this.accepted : field.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], this.answers),
  });

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h2.heading')?.focus();
  }

  /** « J'accepte » is the one thing required here; everything else was checked by its own step. */
  async validate(): Promise<StepResult> {
    return (await this.fieldErrors.validateAll()) ? valid() : { ok: false };
  }

  /**
   * A refused submission: « J'accepte » (the `acceptance` it sends) is marked as a field; an answer
   * of another step is marked on its row, the summary leading to the « Modifier » that reopens it.
   */
  showServerErrors(fieldErrors: Record<string, readonly string[]>): boolean {
    const shown = new Set(this.shownAnswers().map((a) => a.field));
    const fieldOf = (path: string[]) => {
      if (path[0] === 'acceptance') return ACCEPT_ID;
      const field = coordinatesRowOf(path) ?? path.filter((p) => !/^\d+$/.test(p)).join('.');
      return shown.has(field) ? field : undefined;
    };
    const errors = serverErrorsFor<string>(fieldErrors, fieldOf, 'recap.serverRefused');
    if (!Object.keys(errors).length) return false;
    void this.fieldErrors.showServer(errors);
    return true;
  }

  protected override render(): TemplateResult | typeof nothing {
    const { campaign, answers } = this;
    if (!campaign || !answers) return nothing;
    const name = `${answers.student.lastName} ${answers.student.firstName}`;
    const refused = this.shownAnswers().filter((a) => this.fieldErrors.errors[a.field]);
    const accept = this.message(ACCEPT_ID);
    const summary: SummaryError[] = [
      ...refused.map((a) => ({ id: editId(a.section), message: this.message(a.field) ?? '' })),
      ...(accept ? [{ id: ACCEPT_ID, message: accept }] : []),
    ];
    const errorOf = (field: string): RowError | undefined => {
      const message = this.message(field);
      return message ? { id: rowId(field), message } : undefined;
    };
    // « Modifier » is what fixes a refused answer: it is described by the messages of its section.
    const described = (section: AnswersSection) => refused.filter((a) => a.section === section).map((a) => `${rowId(a.field)}-error`);
    return html`
      ${errorSummary(summary, () => this.shadowRoot)}
      <h2 class="heading" part="heading" tabindex="-1">${t('recap.heading')}</h2>
      <p>${t('recap.intro', { name })}</p>
      <div class="answers">
        ${this.section('coordinates', 1, coordinatesAnswers(answers, campaign, errorOf), described('coordinates'))}
        ${this.section('authorisations', 2, authorisationsAnswers(answers, errorOf), described('authorisations'))}
        ${this.section('documents', 3, this.documents(campaign))}
        ${this.section('courses', 4, coursesAnswers(this.registration, answers, errorOf), described('courses'))} ${this.changesSection()}
        ${this.validation(campaign)}
      </div>
    `;
  }

  private section(key: Exclude<Section, 'changes'>, step: EditableStep, body: TemplateResult, describedBy: readonly string[] = []): TemplateResult {
    return answersSection(`recap-${key}`, key, body, {
      part: 'section',
      edit: html`<button
        type="button"
        id=${editId(key)}
        class="button button--link edit"
        part="edit"
        aria-describedby=${ifDefined(describedBy.length ? describedBy.join(' ') : undefined)}
        @click=${() => this.edit(step)}
      >
        ${t('coordinates.summary.edit')}<span class="visually-hidden"> ${t(`recap.edit.${key}`)}</span>
      </button>`,
    });
  }

  /** The answers the recap shows, in page order, each as a 422 names it. */
  private shownAnswers(): ShownAnswer[] {
    const { campaign, answers } = this;
    if (!campaign || !answers) return [];
    const coordinates = coordinatesRecap(answers, campaign).flatMap((g) =>
      g.rows.map((r): ShownAnswer => {
        // The payment's rows are named enough by their own label; the two people's share theirs.
        const name = r.field.includes('.') ? `${t(r.label)} (${t(g.heading)})` : t(r.label);
        return { field: r.field, section: 'coordinates', name };
      }),
    );
    const of = (section: AnswersSection, rows: { field?: string; label: string }[]): ShownAnswer[] =>
      rows.flatMap((r) => (r.field === undefined ? [] : [{ field: r.field, section, name: r.label }]));
    return [...coordinates, ...of('authorisations', authorisationsRows(answers)), ...of('courses', coursesRows(this.registration, answers))];
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
          error: this.message(ACCEPT_ID),
          onChange: (accepted) => emit(this, 'reinscription-accept-change', { accepted }),
        })}
      </section>
    `;
  }

  private message(field: string): string | undefined {
    const error = this.fieldErrors.errors[field];
    if (error !== 'recap.serverRefused') return error ? t(error) : undefined;
    if (field === ACCEPT_ID) return t('recap.accept.serverRefused');
    return t(error, { field: this.shownAnswers().find((a) => a.field === field)?.name ?? field });
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
