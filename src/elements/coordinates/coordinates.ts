// Over 400 lines on purpose: the templates of the form's ~40 fields read top to bottom in page
// order, as the parent sees them; the model, checks and changes list live in src/schemas/coordinates*.ts.
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { Campaign, Guardian, StudentCoordinates } from '../../api/contract.js';
import { FieldErrorsController } from '../../controllers/field-errors-controller.js';
import { define } from '../../define.js';
import { emit } from '../../events.js';
import { toParisIso } from '../../format/paris-time.js';
import { departementName } from '../../format/display.js';
import { t, type MessageId } from '../../i18n/index.js';
import { countryOptions, FRANCE } from '../../schemas/country.js';
import { DEPARTEMENT_CODES } from '../../schemas/departement.js';
import { ADDRESS_MAX, EMERGENCY_CONTACT_MAX, NAME_MAX, PLACE_MAX, PROFESSION_MAX, SCHOOL_MAX } from '../../schemas/names.js';
import { EMAIL_MAX } from '../../schemas/email.js';
import { FOREIGN_POSTCODE_MAX } from '../../schemas/postcode.js';
import {
  coordinatesChangeLabels,
  CoordinatesForm,
  diffCoordinates,
  FIELD_IDS,
  fieldLabel,
  parseCoordinatesForm,
  previewCoordinates,
  studentRequirements,
  syncStudentWithGuardian,
  toCoordinatesForm,
  type CoordinatesValues,
  type DiffLabels,
  type FieldId,
  type ParseResult,
} from '../../schemas/coordinates.js';
import { dateField } from '../../ui/date-field.js';
import { errorSummary, type SummaryError } from '../../ui/error-summary.js';
import { checkboxField, radioGroup, selectField, textField, type TextFieldOptions } from '../../ui/field.js';
import { richText } from '../../ui/rich-text.js';
import { baseStyles } from '../../ui/styles.js';
import { coordinatesStyles } from './coordinates.styles.js';
import '../../i18n/fr/steps-catalogue.js';
import { valid, type StepElement, type StepResult } from '../../wizard/step-contract.js';

/** What the backend sent: the prefill, and the baseline of « Éléments modifiés ». */
export interface CoordinatesOriginal {
  guardian: Guardian;
  student: StudentCoordinates;
  paymentMode: string | null;
  bankChanged: boolean | null;
}

type Section = 'guardian' | 'student';
type SectionForm<G extends Section> = CoordinatesForm[G];
/** The keys typed as one text or chosen in one list (not the date's parts, not the checkbox). */
type TextKey<G extends Section> = Exclude<keyof SectionForm<G> & string, 'birthDay' | 'birthMonth' | 'birthYear' | 'useGuardianAddress'>;
type TextExtras = Omit<TextFieldOptions, 'id' | 'label' | 'value' | 'onInput' | 'error'>;

/** Longest phone as typed: « +33 (0)6 12 34 56 78 » and international numbers with separators. */
const PHONE_MAX = 25;

let countries: { value: string; label: string }[] | undefined;
/** Built once: naming ~200 countries through Intl on every keystroke would be wasted work. */
const countryList = () => (countries ??= countryOptions());

/**
 * Step 1 « Modification des coordonnées »: the guardian's and the student's details as the
 * backend knows them, editable, with French validation, the payment mode, and the live list of
 * « Éléments modifiés ». A controlled component: `form` holds everything typed (serialisable, the
 * wizard keeps it in its journey state); each change fires `reinscription-form-change` with the
 * new form. Errors appear when the wizard calls `validate()` (moving on), then each field in
 * error is checked again as it is corrected; a field not yet in error is never flagged early.
 *
 * Autofill: the guardian's personal fields carry the standard tokens (honorific-prefix,
 * family-name, given-name, bday-*, street-address, postal-code, address-level2, country, tel,
 * email); the student's and the emergency contact's fields say `off`, so the browser never puts
 * the parent's own name, birthday or phone there.
 *
 * @summary Step 1 of the re-registration: guardian and student details, payment mode, changes list.
 *
 * @fires reinscription-form-change - Any change typed or chosen; `detail: { form }` (CoordinatesForm).
 *
 * @csspart heading - The step's heading.
 * @csspart error-summary - The « Il y a un problème » box.
 * @csspart field - Each field (label, hint, error and control).
 * @csspart section - The « Responsable », « Élève » and « Mode de règlement souhaité » groups.
 * @csspart notice - The hints at the top and the notice of details shared by the family.
 * @csspart changes - The « Éléments modifiés » list.
 *
 * @cssprop --rw-font-size - Base font size (default 16px).
 * @cssprop --rw-color-text - Text colour.
 * @cssprop --rw-color-primary - Links, radio buttons, the notices' rule.
 * @cssprop --rw-color-error - Error messages and borders.
 * @cssprop --rw-color-border - Input borders and section rules.
 * @cssprop --rw-color-muted - Hints.
 * @cssprop --rw-color-surface - Notices, read-only fields and the changes list.
 * @cssprop --rw-color-background - Inputs' background.
 * @cssprop --rw-radius - Corner radius.
 * @cssprop --rw-space - Base spacing.
 * @cssprop --rw-focus-ring - Focus outline.
 */
export class ReinscriptionCoordinates extends LitElement implements StepElement {
  static override styles = [baseStyles, coordinatesStyles];

  @property({ attribute: false }) campaign: Campaign | undefined;

  /** What the backend sent (family guardian and payment, the student's coordinates). */
  @property({ attribute: false }) original: CoordinatesOriginal | undefined;

  /** Everything typed so far; initialised from `original` when not given. */
  @property({ attribute: false }) form: CoordinatesForm | undefined;

  /** The server's date in Paris (YYYY-MM-DD); defaults to the campaign's serverNow, never the visitor's clock. */
  @property() today: string | undefined;

  /** The guardian and the payment mode were already confirmed for a brother or sister. */
  @property({ type: Boolean, attribute: 'family-confirmed' }) familyConfirmed = false;

  private readonly fieldErrors = new FieldErrorsController<FieldId, MessageId>(this, {
    check: () => {
      const result = this.parse();
      return result && !result.ok ? result.errors : {};
    },
    title: true,
  });

  #labels: { campaign: Campaign; labels: DiffLabels } | undefined;

  /** Focuses the step's heading: the wizard calls this when it shows the step. */
  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h2.heading')?.focus();
  }

  /**
   * Checks the whole step. On success, the normalised values and the changes against `original`;
   * on failure, the error summary is shown and focused, and the fields in error are marked.
   */
  async validate(): Promise<StepResult> {
    const { campaign, original } = this;
    if (!campaign || !original || !(await this.fieldErrors.validateAll())) return { ok: false };
    const result = this.parse();
    if (!result?.ok) return { ok: false };
    const { guardian, student, paymentMode, bankChanged } = result;
    const values: CoordinatesValues = { guardian, student, paymentMode, bankChanged };
    return valid({ answers: values, changes: diffCoordinates(original, values, this.labels(campaign)), family: { guardian, paymentMode, bankChanged } });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A form restored from storage that no longer has the expected shape (an older version of the
    // widget) cannot be shown: start again from what the backend sent.
    if ((changed.has('form') || changed.has('original')) && this.original && (!this.form || !CoordinatesForm.safeParse(this.form).success)) {
      const o = this.original;
      this.form = toCoordinatesForm(o.guardian, o.student, o.paymentMode, o.bankChanged);
    }
  }

  protected override render(): TemplateResult | typeof nothing {
    const { campaign, form, original } = this;
    if (!campaign || !form || !original) return nothing;
    const summary: SummaryError[] = FIELD_IDS.flatMap((id) => {
      const message = this.fieldErrors.errors[id];
      return message ? [{ id, message: t(message) }] : [];
    });
    return html`
      ${errorSummary(summary, () => this.shadowRoot)}
      <h2 class="heading" part="heading" tabindex="-1">${t('coordinates.title')}</h2>
      <p class="notice" part="notice">${t('coordinates.intro')}</p>
      ${this.familyConfirmed ? html`<p class="notice" part="notice">${t('coordinates.familyConfirmed')}</p>` : nothing}
      <p>${t('common.requiredNote')}</p>
      <form novalidate @submit=${(e: Event) => e.preventDefault()}>
        ${this.guardianSection(campaign, form)} ${this.studentSection(campaign, form)} ${this.paymentSection(campaign, form)}
      </form>
      ${this.changesSection(campaign, form, original)}
    `;
  }

  // ---------------------------------------------------------------- sections

  private guardianSection(campaign: Campaign, form: CoordinatesForm): TemplateResult {
    const g = form.guardian;
    const abroad = g.country !== '' && g.country !== FRANCE;
    const refs = campaign.references;
    return html`
      <fieldset class="section" part="section">
        <legend><h3>${t('coordinates.guardian.legend')}</h3></legend>
        ${this.select('guardian', 'civilite', this.list(refs.civilites), { optional: true, autocomplete: 'honorific-prefix' })}
        ${this.text('guardian', 'lastName', { autocomplete: 'family-name', maxlength: NAME_MAX, spellcheck: false, autocapitalize: 'words' })}
        ${this.text('guardian', 'firstName', { autocomplete: 'given-name', maxlength: NAME_MAX, spellcheck: false, autocapitalize: 'words' })}
        ${dateField({
          id: 'guardian-birthDate',
          label: fieldLabel('birthDate'),
          hint: t('coordinates.hint.guardianBirthDate'),
          error: this.message('guardian-birthDate'),
          value: { day: g.birthDay, month: g.birthMonth, year: g.birthYear },
          ownBirthday: true,
          onInput: (d) => this.setSection('guardian', { birthDay: d.day, birthMonth: d.month, birthYear: d.year }),
        })}
        ${this.text('guardian', 'birthPlace', { optional: true, autocomplete: 'off', maxlength: PLACE_MAX, spellcheck: false })}
        ${this.select('guardian', 'birthDepartment', this.departements(), { optional: true, autocomplete: 'off' })}
        ${this.text('guardian', 'address', { autocomplete: 'street-address', maxlength: ADDRESS_MAX })}
        ${this.text('guardian', 'postalCode', {
          autocomplete: 'postal-code',
          inputmode: abroad ? 'text' : 'numeric',
          maxlength: FOREIGN_POSTCODE_MAX,
          width: 'short',
          optional: abroad,
          hint: abroad ? undefined : t('coordinates.hint.postalCode'),
          spellcheck: false,
        })}
        ${this.text('guardian', 'city', { autocomplete: 'address-level2', maxlength: PLACE_MAX })}
        ${this.select('guardian', 'country', countryList(), { autocomplete: 'country', hint: t('coordinates.hint.country') })}
        ${this.text('guardian', 'phoneHome', this.phone('home tel', t('coordinates.hint.phoneReachable')))}
        ${this.text('guardian', 'phoneMobile', this.phone('mobile tel', t('coordinates.hint.phoneReachable')))}
        ${this.text('guardian', 'phoneWork', { ...this.phone('work tel'), optional: true })}
        ${this.text('guardian', 'email', {
          type: 'email',
          inputmode: 'email',
          autocomplete: 'email',
          maxlength: EMAIL_MAX,
          spellcheck: false,
          autocapitalize: 'off',
          hint: t('coordinates.hint.email'),
        })}
        <div class="subgroup">
          ${this.select('guardian', 'situationFamiliale', this.list(refs.situationsFamiliales), { optional: true, autocomplete: 'off' })}
          ${this.select('guardian', 'pcs', this.list(refs.pcs), { optional: true, autocomplete: 'off' })}
          ${this.text('guardian', 'profession', { optional: true, autocomplete: 'organization-title', maxlength: PROFESSION_MAX })}
          ${(['extraPhone1', 'extraPhone2', 'extraPhone3'] as const).map((key) =>
            // « off »: a « tel » token would make the browser copy the same number into all three.
            this.text('guardian', key, { ...this.phone('off'), optional: true }),
          )}
        </div>
      </fieldset>
    `;
  }

  private studentSection(campaign: Campaign, form: CoordinatesForm): TemplateResult {
    const st = form.student;
    const refs = campaign.references;
    const needs = studentRequirements(form, campaign, this.currentDate(campaign));
    const synced = st.useGuardianAddress;
    const syncHint = synced ? t('coordinates.hint.synced') : undefined;
    const abroad = form.guardian.country !== '' && form.guardian.country !== FRANCE;
    return html`
      <fieldset class="section" part="section">
        <legend><h3>${t('coordinates.student.legend')}</h3></legend>
        ${this.select('student', 'civilite', this.list(refs.civilites), { optional: true })}
        ${this.text('student', 'lastName', { maxlength: NAME_MAX, spellcheck: false, autocapitalize: 'words' })}
        ${this.text('student', 'firstName', { maxlength: NAME_MAX, spellcheck: false, autocapitalize: 'words' })}
        ${dateField({
          id: 'student-birthDate',
          label: fieldLabel('birthDate'),
          hint: t('coordinates.hint.studentBirthDate'),
          error: this.message('student-birthDate'),
          value: { day: st.birthDay, month: st.birthMonth, year: st.birthYear },
          onInput: (d) => this.setSection('student', { birthDay: d.day, birthMonth: d.month, birthYear: d.year }),
        })}
        ${this.text('student', 'birthPlace', { optional: true, maxlength: PLACE_MAX, spellcheck: false })}
        ${this.select('student', 'birthDepartment', this.departements(), { optional: true })}
        ${this.select('student', 'situationFamiliale', this.list(refs.situationsFamiliales), { optional: true })}
        ${checkboxField({
          id: 'student-useGuardianAddress',
          label: fieldLabel('useGuardianAddress'),
          hint: t('coordinates.hint.useGuardianAddress'),
          checked: synced,
          onChange: (checked) => this.setSection('student', { useGuardianAddress: checked }),
        })}
        ${this.text('student', 'address', { optional: true, maxlength: ADDRESS_MAX, readonly: synced, hint: syncHint })}
        ${this.text('student', 'postalCode', {
          optional: true,
          inputmode: abroad ? 'text' : 'numeric',
          maxlength: FOREIGN_POSTCODE_MAX,
          width: 'short',
          readonly: synced,
          hint: syncHint,
          spellcheck: false,
        })}
        ${this.text('student', 'city', { optional: true, maxlength: PLACE_MAX, readonly: synced, hint: syncHint })}
        ${this.text('student', 'phoneHome', { ...this.phone('off', syncHint), optional: true, readonly: synced })}
        ${this.text('student', 'phoneMobile', { ...this.phone('off', syncHint), optional: true, readonly: synced })}
        ${this.text('student', 'phoneWork', { ...this.phone('off', syncHint), optional: true, readonly: synced })}
        ${this.text('student', 'email', { type: 'email', inputmode: 'email', optional: true, maxlength: EMAIL_MAX, spellcheck: false, autocapitalize: 'off' })}
        <div class="subgroup">
          ${this.text('student', 'emergencyContact', {
            optional: !needs.emergency,
            hint: t('coordinates.hint.emergency'),
            maxlength: EMERGENCY_CONTACT_MAX,
          })}
          ${this.text('student', 'emergencyPhone', { ...this.phone('off', t('coordinates.hint.emergencyPhone')), optional: !needs.emergency })}
          ${this.text('student', 'school', { optional: !needs.school, hint: t('coordinates.hint.school'), maxlength: SCHOOL_MAX })}
          ${this.select('student', 'schoolLevel', this.list(refs.niveauxScolaires), { optional: !needs.schoolLevel, hint: t('coordinates.hint.school') })}
        </div>
      </fieldset>
    `;
  }

  private paymentSection(campaign: Campaign, form: CoordinatesForm): TemplateResult {
    const modes = campaign.paymentModes;
    const chosen = modes.find((m) => m.code === form.paymentMode);
    return html`
      <fieldset class="section" part="section">
        <legend><h3>${t('coordinates.payment.legend')}</h3></legend>
        <p>${t('coordinates.payment.intro', { schoolYear: campaign.schoolYear })}</p>
        ${
          modes.length
            ? radioGroup({
                id: 'paymentMode',
                label: t('coordinates.payment.choice'),
                value: form.paymentMode || null,
                options: modes.map((m) => ({ value: m.code, label: m.label })),
                error: this.message('paymentMode'),
                description: html`<div class="payment-modes">
                  ${modes.map(
                    (m) =>
                      html`<div class="payment-mode">
                        <p><strong>${m.label}</strong></p>
                        ${richText(m.explanation)}
                      </div>`,
                  )}
                </div>`,
                onChange: (value) => this.change({ ...form, paymentMode: value }),
              })
            : html`<p>${t('coordinates.payment.none')}</p>`
        }
        ${
          chosen?.asksBankChange
            ? radioGroup({
                id: 'bankChanged',
                label: t('coordinates.bankChanged.label'),
                hint: t('coordinates.bankChanged.hint'),
                value: form.bankChanged || null,
                inline: true,
                options: [
                  { value: 'oui', label: t('common.yes') },
                  { value: 'non', label: t('common.no') },
                ],
                error: this.message('bankChanged'),
                onChange: (value) => this.change({ ...form, bankChanged: value === 'oui' ? 'oui' : 'non' }),
              })
            : nothing
        }
        ${campaign.paymentNotes.length ? html`<div class="notes">${richText(campaign.paymentNotes)}</div>` : nothing}
      </fieldset>
    `;
  }

  private changesSection(campaign: Campaign, form: CoordinatesForm, original: CoordinatesOriginal): TemplateResult {
    const changes = diffCoordinates(original, previewCoordinates(form), this.labels(campaign));
    // A region, not a live region: announcing the list at every keystroke would drown the form.
    return html`
      <section class="changes" part="changes" aria-labelledby="changes-title">
        <h3 id="changes-title">${t('coordinates.changes.title')}</h3>
        ${
          changes.length
            ? html`<ul>
                ${changes.map(
                  (c) =>
                    html`<li>
                      <span class="change-label">${c.label}</span> : ${c.before} <span aria-hidden="true">→</span>
                      <span class="visually-hidden">${t('coordinates.changes.replacedBy')}</span> ${c.after}
                    </li>`,
                )}
              </ul>`
            : html`<p>${t('coordinates.changes.none')}</p>`
        }
      </section>
    `;
  }

  // ---------------------------------------------------------------- fields

  private text<G extends Section>(group: G, key: TextKey<G>, extras: TextExtras = {}): TemplateResult {
    const id = `${group}-${key}` as FieldId;
    return textField({
      // The student's fields are never the visitor's own: no autofill of the parent's data there.
      ...(group === 'student' ? { autocomplete: 'off' } : {}),
      ...extras,
      id,
      label: fieldLabel(key as TextKey<Section>),
      value: this.value(group, key),
      error: this.message(id),
      onInput: (value) => this.setSection(group, { [key]: value } as Partial<SectionForm<G>>),
    });
  }

  private select<G extends Section>(
    group: G,
    key: TextKey<G>,
    options: readonly { value: string; label: string }[],
    extras: { optional?: boolean; autocomplete?: string; hint?: string },
  ): TemplateResult {
    const id = `${group}-${key}` as FieldId;
    return selectField({
      ...(group === 'student' ? { autocomplete: 'off' } : {}),
      ...extras,
      id,
      label: fieldLabel(key as TextKey<Section>),
      value: this.value(group, key),
      options,
      placeholder: t('coordinates.select.placeholder'),
      error: this.message(id),
      onChange: (value) => this.setSection(group, { [key]: value } as Partial<SectionForm<G>>),
    });
  }

  private value<G extends Section>(group: G, key: TextKey<G>): string {
    return ((this.form?.[group] as Record<string, string | boolean> | undefined)?.[key] as string | undefined) ?? '';
  }

  private phone(autocomplete: string, hint?: string): TextExtras {
    return { type: 'tel', inputmode: 'tel', autocomplete, maxlength: PHONE_MAX, width: 'medium', hint };
  }

  private list(items: readonly { code: string; label: string }[]) {
    return items.map((i) => ({ value: i.code, label: i.label }));
  }

  private departements() {
    return DEPARTEMENT_CODES.map((code) => ({ value: code, label: departementName(code) }));
  }

  private message(id: FieldId): string | undefined {
    const error = this.fieldErrors.errors[id];
    return error ? t(error) : undefined;
  }

  // ---------------------------------------------------------------- state

  private setSection<G extends Section>(group: G, patch: Partial<SectionForm<G>>): void {
    if (this.form) this.change({ ...this.form, [group]: { ...this.form[group], ...patch } });
  }

  private change(next: CoordinatesForm): void {
    this.form = syncStudentWithGuardian(next);
    emit(this, 'reinscription-form-change', { form: this.form });
  }

  /** The whole form checked, or nothing while the step has nothing to check yet. */
  private parse(): ParseResult | undefined {
    const { campaign, form, original } = this;
    return campaign && form ? parseCoordinatesForm(form, campaign, { today: this.currentDate(campaign), original }) : undefined;
  }

  private currentDate(campaign: Campaign): string {
    return this.today ?? toParisIso(new Date(campaign.serverNow)).slice(0, 10);
  }

  private labels(campaign: Campaign): DiffLabels {
    if (this.#labels?.campaign !== campaign) this.#labels = { campaign, labels: coordinatesChangeLabels(campaign) };
    return this.#labels.labels;
  }
}

define('reinscription-coordinates', ReinscriptionCoordinates);

declare global {
  interface HTMLElementTagNameMap {
    'reinscription-coordinates': ReinscriptionCoordinates;
  }
}
