import { ifDefined } from 'lit/directives/if-defined.js';
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { frenchIn } from '../../api/localise.js';
import { property } from '../../ui/decorators.js';
import type { Campaign, Course, Registration, RegistrationAnswers } from '../../api/contract.js';
import { FieldErrorsController } from '../../controllers/field-errors-controller.js';
import { define } from '../../define.js';
import { emit } from '../../events.js';
import { yesNo } from '../../format/display.js';
import { t, type MessageId } from '../../i18n/index.js';
import { ADMINISTRATIVE_MAX, additionalInfoError, administrativeErrors, type AdministrativeField } from '../../schemas/courses.js';
import { errorSummary } from '../../ui/error-summary.js';
import { textField } from '../../ui/field.js';
import { checkboxField, textareaField } from '../../ui/field-variants.js';
import { richText } from '../../ui/rich-text.js';
import { serverErrorsFor } from '../../ui/server-errors.js';
import { valid, type StepElement, type StepResult } from '../../wizard/step-contract.js';
import { variantStyles } from '../../ui/field-variants.styles.js';
import { baseStyles } from '../../ui/styles.js';
import { coursesStyles } from './courses.styles.js';
import '../../i18n/fr/steps-catalogue.js';

const ids = {
  administrative: 'administrative-reregistration',
  instrument: 'administrative-instrument',
  day: 'administrative-day',
  additionalInfo: 'additional-info',
} as const;

type Field = 'administrative' | AdministrativeField | 'additionalInfo';

/** In the order of the page, for the error summary. */
const FIELDS: readonly Field[] = ['administrative', 'instrument', 'day', 'additionalInfo'];

/** Each field's words, to name it in a refusal from the server. */
const LABELS = {
  administrative: 'courses.administrative.label',
  instrument: 'courses.administrative.instrument.label',
  day: 'courses.administrative.day.label',
  additionalInfo: 'courses.additionalInfo.label',
} as const satisfies Record<Field, MessageId>;

/**
 * The manual's columns, in its order; the labels come from the catalogue. « Ha » (an iMuse code no
 * parent reads) is left out, and « Cours » when no course has one: an empty column costs a phone
 * screen of dashes for nothing.
 */
const columns = [
  { key: 'cursus', label: () => t('courses.col.cursus') },
  { key: 'cours', label: () => t('courses.col.cours') },
  { key: 'teacher', label: () => t('courses.col.teacher') },
  { key: 'cycle', label: () => t('courses.col.cycle') },
  { key: 'active', label: () => t('courses.col.active') },
] as const satisfies readonly { key: keyof Course; label: () => string }[];

type Column = (typeof columns)[number];

const cellText = (course: Course, key: Column['key']): string => {
  if (key === 'active') return yesNo(course.active);
  return course[key].trim();
};

/** The columns worth showing for these courses: « Cours » only when one of them has it. */
const shownColumns = (courses: readonly Course[]): readonly Column[] =>
  columns.filter((c) => c.key !== 'cours' || courses.some((course) => course.cours.trim()));

/** « 2023-2024 » for the campaign « 2024-2025 »: the year the Découverte Instrumentale was followed. */
const previousYear = (schoolYear: string): string => {
  const start = Number(schoolYear.slice(0, 4));
  return Number.isFinite(start) ? `${start - 1}-${start}` : schoolYear;
};

/**
 * Step 4 « Cours »: the student's courses as a read-only table (changes are asked for in the free
 * text, as in the manual), the « Réinscription administrative » checkbox where the backend says it
 * applies (once checked, the instrument chosen and the day for FM1C1 and the choir are asked, as
 * the manual asks for them), the campaign's guidance notes, then « Information complémentaire » with its limit and
 * a live counter. A controlled component: it renders `answers` and reports changes as patches.
 *
 * @summary Step 4 of the re-registration: courses and additional information.
 *
 * @fires reinscription-answers-change - The checkbox, its two details or the text changed; `detail: { patch }` with `administrativeReregistration` (and `administrativeDetails`), `administrativeDetails` or `additionalInfo`.
 *
 * @csspart heading - The step's heading.
 * @csspart courses - The course table (a list of cards on narrow screens).
 * @csspart notes - The campaign's guidance notes.
 * @csspart field - The checkbox, the instrument and day fields, and the text area.
 * @csspart error-summary - The « Il y a un problème » box.
 *
 * @cssprop --rw-font-size - Base font size (default 16px).
 * @cssprop --rw-color-text - Text colour.
 * @cssprop --rw-color-primary - Links and the checkbox.
 * @cssprop --rw-color-error - Error messages and borders.
 * @cssprop --rw-color-border - Table rules, cards and the text area's border.
 * @cssprop --rw-color-muted - Hints and the counter.
 * @cssprop --rw-radius - Corner radius of the cards and the text area.
 * @cssprop --rw-space - Base spacing.
 * @cssprop --rw-focus-ring - Focus outline.
 */
export class ReinscriptionCourses extends LitElement implements StepElement {
  static override styles = [baseStyles, variantStyles, coursesStyles];

  @property({ attribute: false }) campaign: Campaign | undefined;

  @property({ attribute: false }) registration: Registration | undefined;

  @property({ attribute: false }) answers: RegistrationAnswers | undefined;

  // A step stands for a page of the journey: while it shows errors, the page title says « Erreur : ».
  readonly #fieldErrors = new FieldErrorsController<Field>(this, {
    check: () => {
      const { campaign, answers, registration } = this;
      if (!campaign || !answers) return {};
      const administrative = administrativeErrors(answers, { applies: registration?.administrativeReregistrationApplies ?? false });
      const errors: Partial<Record<Field, string>> = {};
      for (const [field, id] of Object.entries(administrative) as [AdministrativeField, MessageId][]) errors[field] = t(id);
      const info = additionalInfoError(answers.additionalInfo, campaign.additionalInfoMaxLength);
      if (info) errors.additionalInfo = info;
      return errors;
    },
    title: true,
    valueOf: (field) => this.answerOf(field),
  });

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h2.heading')?.focus();
  }

  /**
   * Stops the parent only for what the conservatory cannot do without: the instrument and day once
   * « Réinscription administrative » is checked, and a text longer than the campaign's limit.
   */
  async validate(): Promise<StepResult> {
    return (await this.#fieldErrors.validateAll()) ? valid() : { ok: false };
  }

  showServerErrors(fieldErrors: Record<string, readonly string[]>): boolean {
    const refused = serverErrorsFor<Field>(fieldErrors, (path) => this.fieldOf(path), 'courses.serverRefused');
    // Worded at once: the step's own check hands its controller words, not ids.
    const errors = Object.fromEntries(
      (Object.entries(refused) as [Field, MessageId][]).map(([field, id]) => [
        field,
        id === 'courses.serverRefused' ? t(id, { field: t(LABELS[field]) }) : t(id),
      ]),
    );
    if (!Object.keys(errors).length) return false;
    void this.#fieldErrors.showServer(errors);
    return true;
  }

  protected override render(): TemplateResult | typeof nothing {
    if (!this.campaign || !this.registration || !this.answers) return nothing;
    const max = this.campaign.additionalInfoMaxLength;
    const text = this.answers.additionalInfo;
    const remaining = max - text.length;
    const errors = this.#fieldErrors.errors;
    const error = errors.additionalInfo;
    const summary = FIELDS.flatMap((f) => {
      const message = errors[f];
      return message ? [{ id: ids[f], message }] : [];
    });
    const applies = this.registration.administrativeReregistrationApplies;
    return html`
      ${errorSummary(summary, () => this.shadowRoot)}
      <h2 class="heading" part="heading" tabindex="-1">${t('courses.heading')}</h2>
      <p>${t('courses.intro')}</p>
      ${this.table(this.registration.courses)}
      ${
        applies
          ? checkboxField({
              id: ids.administrative,
              label: t('courses.administrative.label'),
              hint: t('courses.administrative.hint', { previousYear: previousYear(this.campaign.schoolYear) }),
              checked: this.answers.administrativeReregistration,
              error: errors.administrative,
              onChange: (checked) =>
                this.patch(
                  checked
                    ? { administrativeReregistration: true }
                    : // Unchecked, the details no longer apply: they are not sent with the file.
                      { administrativeReregistration: false, administrativeDetails: undefined },
                ),
            })
          : nothing
      }
      ${applies && this.answers.administrativeReregistration ? this.administrativeDetails() : nothing}
      <h3>${t('courses.notes.heading')}</h3>
      <div class="notes" part="notes" lang=${ifDefined(frenchIn(this.campaign, 'courseNotes'))}>${richText(this.campaign.courseNotes)}</div>
      ${textareaField({
        id: ids.additionalInfo,
        label: t('courses.additionalInfo.label'),
        optional: true,
        value: text,
        maxlength: max,
        error,
        counter: remaining >= 0 ? t('courses.additionalInfo.remaining', { count: remaining }) : t('courses.additionalInfo.over', { count: -remaining }),
        onInput: (value) => this.patch({ additionalInfo: value }),
      })}
    `;
  }

  /** Shown under the checked box, indented as its continuation (GOV.UK's conditional reveal). */
  private administrativeDetails(): TemplateResult {
    const details = this.answers?.administrativeDetails ?? { instrument: '', day: '' };
    const errors = this.#fieldErrors.errors;
    const field = (key: AdministrativeField) =>
      textField({
        id: ids[key],
        label: t(key === 'instrument' ? 'courses.administrative.instrument.label' : 'courses.administrative.day.label'),
        hint: t(key === 'instrument' ? 'courses.administrative.instrument.hint' : 'courses.administrative.day.hint'),
        value: details[key],
        maxlength: ADMINISTRATIVE_MAX,
        autocomplete: 'off',
        error: errors[key],
        onInput: (value) => this.patch({ administrativeDetails: { ...details, [key]: value } }),
      });
    return html`<div class="conditional">${field('instrument')} ${field('day')}</div>`;
  }

  private table(courses: readonly Course[]): TemplateResult {
    const student = this.answers?.student ?? this.registration?.student;
    const name = student ? `${student.lastName} ${student.firstName}` : '';
    if (!courses.length) return html`<p class="notice">${t('courses.none')}</p>`;
    const shown = shownColumns(courses);
    return html`
      <div class="courses" part="courses">
        <table role="table">
          <caption>
            ${t('courses.caption', { name })}
          </caption>
          <thead>
            <tr role="row">
              ${shown.map((c) => html`<th role="columnheader" scope="col">${c.label()}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${courses.map(
              (course) =>
                html`<tr role="row">
                  ${shown.map((c) => {
                    const value = cellText(course, c.key);
                    // The label is for sighted readers of the card layout; assistive tech gets the column header.
                    return html`<td role="cell" class=${value ? '' : 'empty'}>
                      <span class="cell-label" aria-hidden="true">${c.label()}</span><span>${value}</span>
                    </td>`;
                  })}
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
    `;
  }

  /** A 422's path as this step's field, when the step shows it (the details only under the checked box). */
  private fieldOf(path: string[]): Field | undefined {
    const applies = this.registration?.administrativeReregistrationApplies ?? false;
    const [key, detail, ...rest] = path;
    if (rest.length) return undefined;
    if (key === 'additionalInfo' && detail === undefined) return 'additionalInfo';
    if (key === 'administrativeReregistration' && detail === undefined) return applies ? 'administrative' : undefined;
    if (key !== 'administrativeDetails' || !applies || !this.answers?.administrativeReregistration) return undefined;
    return detail === 'instrument' || detail === 'day' ? detail : undefined;
  }

  /** A field's value as given, to keep a server's refusal of it shown until it changes. */
  private answerOf(field: Field): unknown {
    const answers = this.answers;
    if (field === 'administrative') return answers?.administrativeReregistration;
    if (field === 'additionalInfo') return answers?.additionalInfo;
    return answers?.administrativeDetails?.[field];
  }

  private patch(patch: Partial<RegistrationAnswers>): void {
    emit(this, 'reinscription-answers-change', { patch });
  }
}

define('reinscription-courses', ReinscriptionCourses);

declare global {
  interface HTMLElementTagNameMap {
    'reinscription-courses': ReinscriptionCourses;
  }
}
