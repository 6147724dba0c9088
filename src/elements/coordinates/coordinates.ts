// Over 400 lines on purpose: the templates of the form's ~40 fields read top to bottom in page
// order, as the parent sees them; the model, checks and changes list live in src/schemas/coordinates*.ts.
import { ifDefined } from 'lit/directives/if-defined.js';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { frenchIn } from '../../api/localise.js';
import { property } from '../../ui/decorators.js';
import type { Campaign, Guardian, StudentCoordinates } from '../../api/contract.js';
import { FieldErrorsController } from '../../controllers/field-errors-controller.js';
import { define } from '../../define.js';
import { emit } from '../../events.js';
import { parisDate, parisTime, toParisIso } from '../../format/paris-time.js';
import { departementName, listLabel, yesNoOptions } from '../../format/display.js';
import { t, type MessageId } from '../../i18n/index.js';
import { serverErrorsFor } from '../../ui/server-errors.js';
import { countryOptions, FRANCE } from '../../schemas/country.js';
import { DEPARTEMENT_CODES } from '../../schemas/departement.js';
import { ADDRESS_MAX, EMERGENCY_CONTACT_MAX, NAME_MAX, PLACE_MAX, PROFESSION_MAX, SCHOOL_MAX } from '../../schemas/names.js';
import { EMAIL_MAX } from '../../schemas/email.js';
import { FOREIGN_POSTCODE_MAX } from '../../schemas/postcode.js';
import {
  bankChangeSince,
  blockOf,
  coordinatesChangeLabels,
  CoordinatesForm,
  diffCoordinates,
  FIELD_IDS,
  FIELDS,
  fieldLabel,
  fieldsOfBlock,
  forNewSchoolYear,
  labelOf,
  parseCoordinatesForm,
  previewCoordinates,
  studentRequirements,
  syncStudentWithGuardian,
  toCoordinatesForm,
  type Block,
  type CoordinatesValues,
  type DiffLabels,
  type FieldId,
  type FieldSpec,
  type ParseResult,
} from '../../schemas/coordinates.js';
import { fieldIds } from '../../schemas/coordinates-fields.js';
import { coordinatesRows } from '../recap/coordinates-rows.js';
import { dateField } from '../../ui/date-field.js';
import { errorSummary, type SummaryError } from '../../ui/error-summary.js';
import { textField, type TextFieldOptions } from '../../ui/field.js';
import { checkboxField, radioGroup, selectField } from '../../ui/field-variants.js';
import { richText } from '../../ui/rich-text.js';
import { variantStyles } from '../../ui/field-variants.styles.js';
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
type TextExtras = Omit<TextFieldOptions, 'id' | 'label' | 'value' | 'onInput' | 'error'> & { label?: string };

/** The page's ids in error: the fields', and the short path's question. */
type StepId = FieldId | 'upToDate';

/** The details a brother's or sister's re-registration already confirmed, and when (ISO date-time). */
export interface ConfirmedFor {
  studentName: string;
  at: string;
}

/** The blocks a summary can stand for, in page order (the school year ahead is always asked). */
const SUMMARY_BLOCKS = ['guardian', 'student', 'emergency', 'payment'] as const satisfies readonly Block[];
type SummaryBlock = (typeof SUMMARY_BLOCKS)[number];

/** Each field id's block, to open the block of a field in error. */
const BLOCK_OF_ID = new Map<string, Block>((FIELDS as readonly FieldSpec[]).flatMap((f) => fieldIds(f).map((id) => [id, blockOf(f)] as const)));

/** Each field id's label and whose it is, to word a refusal from the server. */
const SPEC_OF_ID = new Map<string, FieldSpec>((FIELDS as readonly FieldSpec[]).flatMap((f) => fieldIds(f).map((id) => [id, f] as const)));

/** A 422's path (`guardian.email`, `student.phones.0`…) as this step's field id. */
function fieldIdOf(path: string[]): FieldId | undefined {
  const [group, key] = path;
  const id = group === 'paymentMode' || group === 'bankChanged' ? group : `${group ?? ''}-${key ?? ''}`;
  return BLOCK_OF_ID.has(id) ? (id as FieldId) : undefined;
}

/** Errors in page order, the short path's question between the emergency contact and the school. */
const ERROR_ORDER: readonly StepId[] = (() => {
  const at = FIELD_IDS.indexOf('student-school');
  return [...FIELD_IDS.slice(0, at), 'upToDate', ...FIELD_IDS.slice(at)];
})();

/** Longest phone as typed: « +33 (0)6 12 34 56 78 » and international numbers with separators. */
const PHONE_MAX = 25;

let countries: { value: string; label: string }[] | undefined;
/** Built once: naming ~200 countries through Intl on every keystroke would be wasted work. */
const countryList = () => (countries ??= countryOptions());

/**
 * Step 1 « Modification des coordonnées »: the guardian's and the student's details as the
 * backend knows them, editable, with French validation, the payment mode, and the live list of
 * « Éléments modifiés ».
 *
 * The short path: when details are prefilled, each block (Responsable, Élève, Personne à prévenir,
 * Mode de règlement souhaité) shows first as a summary with « Modifier », under one question
 * « Ces informations sont-elles à jour ? » (Oui/Non); « Modifier » opens that block's fields, « Non »
 * all of them, and a block with a field in error opens by itself. What is answered afresh each
 * school year is always asked: the school level and establishment for `campaign.schoolYear`
 * (last year's shown as « L'an dernier : … »), and, for direct debit, the bank question worded
 * from the payment mode's own text. A controlled component: `form` holds everything typed (serialisable, the
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
 * @csspart notice - The hints at the top and the notice of details confirmed for a brother or sister.
 * @csspart summary - Each block's summary (short path).
 * @csspart edit - Each block's « Modifier » button.
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
  static override styles = [baseStyles, variantStyles, coordinatesStyles];

  @property({ attribute: false }) campaign: Campaign | undefined;

  /** What the backend sent (family guardian and payment, the student's coordinates). */
  @property({ attribute: false }) original: CoordinatesOriginal | undefined;

  /** Everything typed so far; initialised from `original` when not given. */
  @property({ attribute: false }) form: CoordinatesForm | undefined;

  /** The server's date in Paris (YYYY-MM-DD); defaults to the campaign's serverNow, never the visitor's clock. */
  @property() today: string | undefined;

  /**
   * The guardian's details (the family's) were confirmed for a brother or sister: which one, and
   * when (ISO date-time). They show as a summary with that said; the bank answer given then is kept.
   */
  @property({ attribute: false }) confirmedFor: ConfirmedFor | undefined;

  /** The blocks opened by « Modifier » or by an error in them. */
  #opened = new Set<Block>();

  private readonly fieldErrors = new FieldErrorsController<StepId, MessageId>(this, {
    check: () => {
      const result = this.parse();
      const errors: Partial<Record<StepId, MessageId>> = result && !result.ok ? { ...result.errors } : {};
      if (this.shortPath() && !this.form?.confirmed) errors.upToDate = 'validation.upToDate.required';
      return errors;
    },
    title: true,
    valueOf: (id) => this.typedValue(id),
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

  showServerErrors(fieldErrors: Record<string, readonly string[]>): boolean {
    const errors = serverErrorsFor<StepId>(fieldErrors, fieldIdOf, 'coordinates.serverRefused');
    if (!Object.keys(errors).length) return false;
    void this.fieldErrors.showServer(errors);
    return true;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A form restored from storage that no longer has the expected shape (an older version of the
    // widget) cannot be shown: start again from what the backend sent.
    if ((changed.has('form') || changed.has('original')) && this.original && (!this.form || !CoordinatesForm.safeParse(this.form).success)) {
      const o = this.original;
      this.form = forNewSchoolYear(toCoordinatesForm(o.guardian, o.student, o.paymentMode, o.bankChanged), { keepBank: !!this.confirmedFor });
    }
    // A block with a field in error opens, and stays open while it is corrected.
    for (const id of Object.keys(this.fieldErrors.errors)) {
      const block = BLOCK_OF_ID.get(id);
      if (block) this.#opened.add(block);
    }
  }

  protected override render(): TemplateResult | typeof nothing {
    const { campaign, form, original } = this;
    if (!campaign || !form || !original) return nothing;
    const summary: SummaryError[] = ERROR_ORDER.flatMap((id) => {
      const message = this.message(id);
      return message ? [{ id, message }] : [];
    });
    const short = this.shortPath();
    const values = short ? previewCoordinates(form) : undefined;
    const block = (b: SummaryBlock, fields: () => TemplateResult) => (values && !this.isOpen(b) ? this.summaryBlock(b, campaign, values) : fields());
    return html`
      ${errorSummary(summary, () => this.shadowRoot)}
      <h2 class="heading" part="heading" tabindex="-1">${t('stepper.title.1')}</h2>
      <p class="notice" part="notice">${t('coordinates.intro')}</p>
      ${short ? html`<p>${t('coordinates.summary.intro')}</p>` : nothing}
      <p>${t('common.requiredNote')}</p>
      <form novalidate @submit=${(e: Event) => e.preventDefault()}>
        ${block('guardian', () => this.guardianSection(campaign, form))} ${block('student', () => this.studentSection(campaign, form))}
        ${block('emergency', () => this.emergencySection(campaign, form))} ${short ? this.upToDateQuestion(form) : nothing}
        ${this.schoolSection(campaign, form, original)} ${block('payment', () => this.paymentSection(campaign, form))}
      </form>
      ${this.changesSection(campaign, form, original)}
    `;
  }

  // ---------------------------------------------------------------- the short path

  /** Whether a block's prefilled details can stand as a summary (something to confirm). */
  private summarisable(b: SummaryBlock): boolean {
    const o = this.original;
    if (!o) return false;
    switch (b) {
      case 'guardian':
        return o.guardian.lastName.trim() !== '';
      case 'student':
        return o.student.lastName.trim() !== '';
      case 'emergency':
        return o.student.lastName.trim() !== '' && (o.student.emergencyContact.trim() !== '' || o.student.emergencyPhone.trim() !== '');
      case 'payment':
        return !!this.campaign?.paymentModes.some((m) => m.code === o.paymentMode);
    }
  }

  /** Prefilled details to confirm: the short path's summaries and question. */
  private shortPath(): boolean {
    return (['guardian', 'student', 'emergency'] as const).some((b) => this.summarisable(b));
  }

  /** The blocks « Non » opens: not the guardian's when a brother or sister confirmed them. */
  private answeredBy(b: SummaryBlock): boolean {
    return b !== 'payment' && !(b === 'guardian' && this.confirmedFor);
  }

  private isOpen(b: SummaryBlock): boolean {
    return !this.summarisable(b) || this.#opened.has(b) || (this.form?.confirmed === 'non' && this.answeredBy(b));
  }

  private summaryBlock(b: SummaryBlock, campaign: Campaign, values: CoordinatesValues): TemplateResult {
    const fields = b === 'payment' ? fieldsOfBlock('payment').filter((f) => f.key === 'paymentMode') : fieldsOfBlock(b);
    const rows = coordinatesRows(fields, values, campaign);
    const heading = t(`coordinates.${b}.legend`);
    return html`
      <section class="summary" part="summary" aria-labelledby=${`summary-${b}`}>
        <div class="summary-head">
          <h3 id=${`summary-${b}`} class="section-title">${heading}</h3>
          <button type="button" class="button button--link" part="edit" @click=${() => this.openBlock(b)}>
            ${t('coordinates.summary.edit')}<span class="visually-hidden"> ${t(`coordinates.summary.edit.${b}`)}</span>
          </button>
        </div>
        ${b === 'guardian' ? this.confirmedNotice() : nothing}
        <dl class="summary-list">
          ${rows.map(
            (r) =>
              html`<div class="summary-row">
                <dt>${t(r.label)}</dt>
                <dd>${r.lines.length ? r.lines.map((line) => html`<span class="line">${line}</span> `) : t('common.notProvided')}</dd>
              </div>`,
          )}
        </dl>
        ${b === 'payment' && this.form ? this.paymentFollowUp(campaign, this.form, true) : nothing}
      </section>
    `;
  }

  private confirmedNotice(): TemplateResult | typeof nothing {
    const c = this.confirmedFor;
    return c
      ? html`<p class="notice" part="notice">${t('coordinates.confirmedFor', { studentName: c.studentName, date: parisDate(c.at), time: parisTime(c.at) })}</p>`
      : nothing;
  }

  private upToDateQuestion(form: CoordinatesForm): TemplateResult {
    return radioGroup({
      id: 'upToDate',
      label: t('coordinates.upToDate.legend'),
      hint: t(this.confirmedFor ? 'coordinates.upToDate.hintConfirmed' : 'coordinates.upToDate.hint'),
      value: form.confirmed ?? null,
      inline: true,
      options: yesNoOptions(),
      error: this.message('upToDate'),
      onChange: (value) => {
        this.change({ ...this.current(form), confirmed: value === 'non' ? 'non' : 'oui' });
        if (value === 'non')
          void this.focusBlock(
            SUMMARY_BLOCKS.find((b) => this.answeredBy(b) && this.summarisable(b)),
            'heading',
          );
      },
    });
  }

  /** « Modifier »: the block's fields replace its summary, and the focus goes to the first of them. */
  private openBlock(b: SummaryBlock): void {
    this.#opened.add(b);
    this.requestUpdate();
    void this.focusBlock(b, 'field');
  }

  private async focusBlock(b: SummaryBlock | undefined, where: 'field' | 'heading'): Promise<void> {
    if (!b) return;
    await this.updateComplete;
    const section = this.renderRoot.querySelector<HTMLElement>(`[data-block="${b}"]`);
    const target =
      where === 'field'
        ? section?.querySelector<HTMLElement>('input:not([readonly]), select, textarea')
        : section?.querySelector<HTMLElement>('legend h3, .section-title');
    target?.focus();
  }

  // ---------------------------------------------------------------- sections

  private guardianSection(campaign: Campaign, form: CoordinatesForm): TemplateResult {
    const g = form.guardian;
    const abroad = g.country !== '' && g.country !== FRANCE;
    const refs = campaign.references;
    return html`
      <fieldset class="section" part="section" data-block="guardian">
        <legend><h3 tabindex="-1">${t('coordinates.guardian.legend')}</h3></legend>
        ${this.confirmedNotice()} ${this.select('guardian', 'civilite', this.list(refs.civilites), { optional: true, autocomplete: 'honorific-prefix' })}
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
    const synced = st.useGuardianAddress;
    const syncHint = synced ? t('coordinates.hint.synced') : undefined;
    const abroad = form.guardian.country !== '' && form.guardian.country !== FRANCE;
    return html`
      <fieldset class="section" part="section" data-block="student">
        <legend><h3 tabindex="-1">${t('coordinates.student.legend')}</h3></legend>
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
      </fieldset>
    `;
  }

  private emergencySection(campaign: Campaign, form: CoordinatesForm): TemplateResult {
    const needs = studentRequirements(form, campaign, this.currentDate(campaign));
    return html`
      <fieldset class="section" part="section" data-block="emergency">
        <legend><h3 tabindex="-1">${t('coordinates.emergency.legend')}</h3></legend>
        ${this.text('student', 'emergencyContact', {
          optional: !needs.emergency,
          hint: t('coordinates.hint.emergency'),
          maxlength: EMERGENCY_CONTACT_MAX,
        })}
        ${this.text('student', 'emergencyPhone', { ...this.phone('off', t('coordinates.hint.emergencyPhone')), optional: !needs.emergency })}
      </fieldset>
    `;
  }

  /** Answered afresh each year: last year's values are hints (and one tap for the same school), never carried over. */
  private schoolSection(campaign: Campaign, form: CoordinatesForm, original: CoordinatesOriginal): TemplateResult {
    const needs = studentRequirements(form, campaign, this.currentDate(campaign));
    const schoolYear = campaign.schoolYear;
    const lastSchool = original.student.school.trim();
    const lastLevel = original.student.schoolLevel.trim();
    const lastYear = (value: string) => (value ? t('coordinates.school.lastYear', { value }) : t('coordinates.hint.school'));
    const same =
      lastSchool && form.student.school.trim() === ''
        ? html`<button type="button" class="button button--secondary same-school" @click=${() => this.sameSchool(lastSchool)}>
            ${t('coordinates.school.same')}
          </button>`
        : undefined;
    return html`
      <fieldset class="section" part="section" data-block="school">
        <legend><h3 tabindex="-1">${t('coordinates.school.legend', { schoolYear })}</h3></legend>
        <p>${t('coordinates.school.intro', { schoolYear })}</p>
        ${this.text('student', 'school', {
          label: t('coordinates.school.name', { schoolYear }),
          optional: !needs.school,
          hint: lastYear(lastSchool),
          maxlength: SCHOOL_MAX,
          after: same,
        })}
        ${this.select('student', 'schoolLevel', this.list(campaign.references.niveauxScolaires), {
          label: t('coordinates.school.level', { schoolYear }),
          optional: !needs.schoolLevel,
          hint: lastYear(lastLevel && listLabel(campaign.references.niveauxScolaires, lastLevel)),
        })}
      </fieldset>
    `;
  }

  private paymentSection(campaign: Campaign, form: CoordinatesForm): TemplateResult {
    const modes = campaign.paymentModes;
    return html`
      <fieldset class="section" part="section" data-block="payment">
        <legend><h3 tabindex="-1">${t('coordinates.payment.legend')}</h3></legend>
        <p>${t('coordinates.payment.intro', { schoolYear: campaign.schoolYear })}</p>
        ${
          modes.length
            ? radioGroup({
                id: 'paymentMode',
                label: t('coordinates.payment.choice'),
                value: form.paymentMode || null,
                options: modes.map((m) => ({ value: m.code, label: m.label, lang: frenchIn(m, 'label') })),
                error: this.message('paymentMode'),
                description: html`<div class="payment-modes">
                  ${modes.map(
                    (m) =>
                      html`<div class="payment-mode">
                        <p lang=${ifDefined(frenchIn(m, 'label'))}><strong>${m.label}</strong></p>
                        <div lang=${ifDefined(frenchIn(m, 'explanation'))}>${richText(m.explanation)}</div>
                      </div>`,
                  )}
                </div>`,
                onChange: (value) => this.change({ ...this.current(form), paymentMode: value }),
              })
            : html`<p>${t('coordinates.payment.none')}</p>`
        }
        ${this.paymentFollowUp(campaign, form, false)}
      </fieldset>
    `;
  }

  /**
   * Right after the payment choice (its fields or its summary): the bank question, for a mode that
   * asks it, worded from that mode's own text; then the payment notes (folded under a summary).
   */
  private paymentFollowUp(campaign: Campaign, form: CoordinatesForm, folded: boolean): TemplateResult {
    const chosen = campaign.paymentModes.find((m) => m.code === form.paymentMode);
    const since = bankChangeSince(chosen);
    const notes = campaign.paymentNotes.length
      ? html`<div lang=${ifDefined(frenchIn(campaign, 'paymentNotes'))}>${richText(campaign.paymentNotes)}</div>`
      : undefined;
    return html`
      ${
        chosen?.asksBankChange
          ? radioGroup({
              id: 'bankChanged',
              label: since ? t('coordinates.bankChanged.since', { since }) : t('coordinates.bankChanged.label'),
              hint: t('coordinates.bankChanged.hint'),
              value: form.bankChanged || null,
              inline: true,
              options: yesNoOptions(),
              error: this.message('bankChanged'),
              onChange: (value) => this.change({ ...this.current(form), bankChanged: value === 'oui' ? 'oui' : 'non' }),
            })
          : nothing
      }
      ${
        notes
          ? folded
            ? html`<details class="notes">
                <summary>${t('coordinates.payment.notesSummary')}</summary>
                ${notes}
              </details>`
            : html`<div class="notes">${notes}</div>`
          : nothing
      }
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
                      <span class="change-label">${c.label}</span>${t('coordinates.changes.separator')}${c.before} <span aria-hidden="true">→</span>
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
      label: extras.label ?? fieldLabel(key as TextKey<Section>),
      value: this.value(group, key),
      error: this.message(id),
      onInput: (value) => this.setSection(group, { [key]: value } as Partial<SectionForm<G>>),
    });
  }

  private select<G extends Section>(
    group: G,
    key: TextKey<G>,
    options: readonly { value: string; label: string }[],
    extras: { optional?: boolean; autocomplete?: string; hint?: string; label?: string },
  ): TemplateResult {
    const id = `${group}-${key}` as FieldId;
    return selectField({
      ...(group === 'student' ? { autocomplete: 'off' } : {}),
      ...extras,
      id,
      label: extras.label ?? fieldLabel(key as TextKey<Section>),
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

  private message(id: StepId): string | undefined {
    const error = this.fieldErrors.errors[id];
    if (error !== 'coordinates.serverRefused') return error ? t(error) : undefined;
    const spec = SPEC_OF_ID.get(id);
    const label = spec ? t(labelOf(spec)) : id;
    return t('coordinates.serverRefused', { field: spec && spec.group !== 'payment' ? `${label} (${t(`coordinates.${spec.group}.legend`)})` : label });
  }

  /** A field's value as typed, to keep a server's refusal of it shown until it changes. */
  private typedValue(id: StepId): unknown {
    const form = this.form;
    if (!form || id === 'upToDate') return form?.confirmed;
    if (id === 'paymentMode' || id === 'bankChanged') return form[id];
    const [group, key] = id.split('-') as [Section, string];
    return (form[group] as Record<string, unknown>)[key];
  }

  // ---------------------------------------------------------------- state

  /** « Même établissement que l'an dernier » goes once the school is filled in: focus stays with the field it filled, never lost. */
  private async sameSchool(school: string): Promise<void> {
    this.setSection('student', { school });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#student-school')?.focus();
  }

  private setSection<G extends Section>(group: G, patch: Partial<SectionForm<G>>): void {
    if (this.form) this.change({ ...this.form, [group]: { ...this.form[group], ...patch } });
  }

  /** The form as it is when an event fires: two changes within one frame must not undo each other. */
  private current(rendered: CoordinatesForm): CoordinatesForm {
    return this.form ?? rendered;
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
