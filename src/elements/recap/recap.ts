import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Campaign, FieldChange, Guardian, ReferenceItem, Registration, RegistrationAnswers, StudentCoordinates } from '../../api/contract.js';
import { define } from '../../define.js';
import { emit } from '../../events.js';
import { parisDate, parisTime } from '../../format/paris-time.js';
import { t, type MessageId } from '../../i18n/index.js';
import { errorSummary, focusErrorSummary } from '../../ui/error-summary.js';
import { checkboxField } from '../../ui/field.js';
import { baseStyles } from '../../ui/styles.js';
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

/** +33612345678 → « 06 12 34 56 78 », as French people write it; other countries keep the + form. */
export function formatPhone(phone: string): string {
  const french = /^\+33(\d{9})$/.exec(phone);
  if (!french?.[1]) return phone;
  return `0${french[1]}`.replace(/(\d{2})(?=\d)/g, '$1 ');
}

/** 2014-05-09 → 09/05/2014, with no time-zone arithmetic: it is a calendar date. */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** A code from a reference list shown by its label; a legacy value (« Mademoiselle ») is shown as is. */
const label = (items: readonly ReferenceItem[], code: string): string => items.find((i) => i.code === code)?.label ?? code;

const countryName = (code: string): string => {
  try {
    return new Intl.DisplayNames(['fr'], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
};

/** A change's « before » or « after », written like the rest of the recap when it is a phone or a date. */
const changeValue = (value: string): string => {
  if (/^\+[1-9]\d{6,14}$/.test(value)) return formatPhone(value);
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

  @state() private error: string | undefined;

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h2.heading')?.focus();
  }

  /** « J'accepte » is the one thing required here; everything else was checked by its own step. */
  async validate(): Promise<StepResult> {
    this.error = this.accepted ? undefined : t('recap.accept.required');
    if (!this.error) return valid();
    await this.updateComplete;
    focusErrorSummary(this.shadowRoot);
    return { ok: false };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.error && changed.has('accepted') && this.accepted) this.error = undefined;
  }

  protected override render(): TemplateResult | typeof nothing {
    const { campaign, answers } = this;
    if (!campaign || !answers) return nothing;
    const name = `${answers.student.lastName} ${answers.student.firstName}`;
    return html`
      ${errorSummary(this.error ? [{ id: ACCEPT_ID, message: this.error }] : [], () => this.shadowRoot)}
      <h2 class="heading" part="heading" tabindex="-1">${t('recap.heading')}</h2>
      <p>${t('recap.intro', { name })}</p>
      <div class="recap-body">
        ${this.section(
          'coordinates',
          1,
          html`${this.guardian(campaign, answers.guardian)} ${this.student(campaign, answers.student)} ${this.payment(campaign, answers)}`,
        )}
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

  private address(o: { address: string; postalCode: string; city: string }): Value {
    const town = [o.postalCode, o.city].filter(Boolean).join(' ');
    if (!o.address && !town) return null;
    return html`${o.address}${o.address && town ? html`<br />` : nothing}${town}`;
  }

  private department(code: string): string {
    return code === '99' ? t('recap.bornAbroad') : code;
  }

  private guardian(campaign: Campaign, g: Guardian): TemplateResult {
    const refs = campaign.references;
    const phones = g.extraPhones.filter(Boolean).map(formatPhone);
    return html`
      <h4>${t('recap.guardian')}</h4>
      <dl>
        ${this.row('recap.field.civilite', g.civilite && label(refs.civilites, g.civilite))} ${this.row('recap.field.lastName', g.lastName)}
        ${this.row('recap.field.firstName', g.firstName)} ${this.row('recap.field.birthDate', g.birthDate && formatDate(g.birthDate))}
        ${this.row('recap.field.birthPlace', g.birthPlace)} ${this.row('recap.field.birthDepartment', g.birthDepartment && this.department(g.birthDepartment))}
        ${this.row('recap.field.address', this.address(g))} ${this.row('recap.field.country', g.country && countryName(g.country))}
        ${this.row('recap.field.phoneHome', formatPhone(g.phoneHome))} ${this.row('recap.field.phoneMobile', formatPhone(g.phoneMobile))}
        ${this.row('recap.field.phoneWork', formatPhone(g.phoneWork))} ${this.row('recap.field.email', g.email)}
        ${this.row('recap.field.situationFamiliale', g.situationFamiliale && label(refs.situationsFamiliales, g.situationFamiliale))}
        ${this.row('recap.field.pcs', g.pcs && label(refs.pcs, g.pcs))} ${this.row('recap.field.profession', g.profession)}
        ${this.row('recap.field.extraPhones', phones.length ? html`${phones.map((p, i) => html`${i ? html`<br />` : nothing}${p}`)}` : null)}
      </dl>
    `;
  }

  private student(campaign: Campaign, s: StudentCoordinates): TemplateResult {
    const refs = campaign.references;
    return html`
      <h4>${t('recap.student')}</h4>
      <dl>
        ${this.row('recap.field.civilite', s.civilite && label(refs.civilites, s.civilite))} ${this.row('recap.field.lastName', s.lastName)}
        ${this.row('recap.field.firstName', s.firstName)} ${this.row('recap.field.birthDate', s.birthDate && formatDate(s.birthDate))}
        ${this.row('recap.field.birthPlace', s.birthPlace)} ${this.row('recap.field.birthDepartment', s.birthDepartment && this.department(s.birthDepartment))}
        ${this.row('recap.field.situationFamiliale', s.situationFamiliale && label(refs.situationsFamiliales, s.situationFamiliale))}
        ${this.row('recap.field.useGuardianAddress', s.useGuardianAddress ? t('recap.useGuardianAddress.yes') : t('recap.useGuardianAddress.no'))}
        ${this.row('recap.field.address', this.address(s))} ${this.row('recap.field.phoneHome', formatPhone(s.phoneHome))}
        ${this.row('recap.field.phoneMobile', formatPhone(s.phoneMobile))} ${this.row('recap.field.phoneWork', formatPhone(s.phoneWork))}
        ${this.row('recap.field.email', s.email)} ${this.row('recap.field.emergencyContact', s.emergencyContact)}
        ${this.row('recap.field.emergencyPhone', formatPhone(s.emergencyPhone))} ${this.row('recap.field.school', s.school)}
        ${this.row('recap.field.schoolLevel', s.schoolLevel && label(refs.niveauxScolaires, s.schoolLevel))}
      </dl>
    `;
  }

  private payment(campaign: Campaign, answers: RegistrationAnswers): TemplateResult {
    const mode = campaign.paymentModes.find((m) => m.code === answers.paymentMode);
    const bank = answers.bankChanged;
    return html`
      <h4>${t('recap.payment')}</h4>
      <dl>
        ${this.row('recap.field.paymentMode', mode?.label ?? answers.paymentMode)}
        ${mode?.asksBankChange ? this.row('recap.field.bankChanged', bank === null ? null : bank ? t('common.yes') : t('common.no')) : nothing}
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
          error: this.error,
          onChange: (accepted) => emit(this, 'reinscription-accept-change', { accepted }),
        })}
      </section>
    `;
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
