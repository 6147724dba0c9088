import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property } from '../../ui/decorators.js';
import type { Campaign, FieldChange, Registration, RegistrationAnswers, Submission } from '../../api/contract.js';
import { define } from '../../define.js';
import { emit } from '../../events.js';
import { parisDate, parisTime } from '../../format/paris-time.js';
import { t } from '../../i18n/index.js';
import { PrintController } from '../../controllers/print-controller.js';
import { contactLine } from '../../ui/api-error.js';
import { richText } from '../../ui/rich-text.js';
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
} from '../recap/answers.templates.js';
import { answersStyles } from '../recap/recap.styles.js';
import { confirmationStyles } from './confirmation.styles.js';
import '../../i18n/fr/steps-catalogue.js';

export interface PendingStudent {
  id: string;
  name: string;
}

/**
 * « l…@example.fr »: enough for the parent to recognise the address the receipt went to, not
 * enough for someone looking over a shoulder (or at a printed page) to read it.
 */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  const local = at < 0 ? address : address.slice(0, at);
  return `${local.slice(0, 1)}…${at < 0 ? '' : address.slice(at)}`;
}

/**
 * Step 6 « Finalisation »: the confirmation of a sent re-registration. Reference number, date and
 * time (Paris time), the file's status with the pieces still to add and until when, whether the
 * receipt e-mail was sent (to a masked address) or how to keep a copy, what happens next for the
 * payment mode chosen, the contact e-mail, every answer behind « Voir vos réponses » (opened while
 * printing, so the printed receipt holds them all), « Réinscrire » for each other student of the
 * family still pending, and « Déconnexion ».
 *
 * @summary Step 6 of the re-registration: confirmation and receipt.
 *
 * @fires reinscription-reregister - « Réinscrire <élève> » was chosen; `detail: { studentId }`.
 * @fires reinscription-logout - « Déconnexion » was chosen; `detail: {}`.
 *
 * @csspart heading - The « Réinscription envoyée » heading.
 * @csspart panel - The success panel (reference, date, status).
 * @csspart contact - The contact e-mail line.
 * @csspart answers - « Voir vos réponses »: every answer sent (opened while printing).
 * @csspart actions - The print, other-student and logout buttons (never printed).
 *
 * @cssprop --rw-font-size - Base font size (default 16px).
 * @cssprop --rw-color-text - Text colour.
 * @cssprop --rw-color-primary - Buttons and links.
 * @cssprop --rw-color-primary-text - Text on primary buttons.
 * @cssprop --rw-color-success - Border of the success panel.
 * @cssprop --rw-color-error - Border of the missing-pieces notice.
 * @cssprop --rw-color-surface - Background of the panel.
 * @cssprop --rw-radius - Corner radius.
 * @cssprop --rw-space - Base spacing.
 * @cssprop --rw-focus-ring - Focus outline.
 */
export class ReinscriptionConfirmation extends LitElement {
  static override styles = [baseStyles, variantStyles, answersStyles, confirmationStyles];

  @property({ attribute: false }) submission: Submission | undefined;

  /** As the family home shows it, e.g. « MOREAU Gianni ». */
  @property({ attribute: false }) studentName = '';

  @property({ attribute: false }) campaign: Campaign | undefined;

  /** Other students of the family with no answer yet: one « Réinscrire » button each. */
  @property({ attribute: false }) otherPending: PendingStudent[] = [];

  /** The answers sent: the receipt lists them, and « Et maintenant ? » names the payment mode chosen. */
  @property({ attribute: false }) answers: RegistrationAnswers | undefined;

  /** The student's file (courses, whether the administrative re-registration applies). */
  @property({ attribute: false }) registration: Registration | undefined;

  /** « Éléments modifiés », as the recap showed them. */
  @property({ attribute: false }) changes: FieldChange[] = [];

  /** The pieces sent, as the recap's `providedDocuments`; the missing ones are the submission's. */
  @property({ attribute: false }) providedDocuments: ProvidedDocument[] = [];

  /**
   * Printing the receipt prints this element alone (not the town's page around it), with « Voir
   * vos réponses » opened so the paper holds every answer, as it was after. Ctrl+P too.
   */
  protected readonly printer = new PrintController(this, {
    target: () => this,
    prepare: () => {
      const details = this.renderRoot.querySelector<HTMLDetailsElement>('details.answers-details');
      if (!details) return undefined;
      const wasOpen = details.open;
      details.open = true;
      return () => (details.open = wasOpen);
    },
  });

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h2.heading')?.focus();
  }

  protected override render(): TemplateResult | typeof nothing {
    const { submission, campaign } = this;
    if (!submission || !campaign) return nothing;
    const incomplete = submission.status === 'envoyee-incomplete' || submission.missingDocuments.length > 0;
    const dateTime = (iso: string) => t('confirmation.dateTime', { date: parisDate(iso), time: parisTime(iso) });
    const missing = this.missing(campaign, submission);
    return html`
      <div class="panel" role="status" part="panel">
        <h2 class="heading" part="heading" tabindex="-1">${t('confirmation.heading')}</h2>
        <p>${t('confirmation.sent', { name: this.studentName })}</p>
        <dl>
          <div class="row">
            <dt>${t('confirmation.reference')}</dt>
            <dd class="reference">${submission.reference}</dd>
          </div>
          <div class="row">
            <dt>${t('confirmation.sentAt')}</dt>
            <dd>${dateTime(submission.submittedAt)}</dd>
          </div>
          <div class="row">
            <dt>${t('confirmation.status')}</dt>
            <dd>${incomplete ? t('confirmation.status.incomplete') : t('confirmation.status.complete')}</dd>
          </div>
        </dl>
        ${
          submission.receipt.sent && submission.receipt.to
            ? html`<p class="receipt">${t('confirmation.receipt.sent', { to: maskEmail(submission.receipt.to) })}</p>`
            : html`<p class="receipt">${t('confirmation.receipt.notSent')}</p>`
        }
      </div>
      ${
        incomplete && missing.length
          ? html`<div class="notice notice--missing">
              <h3>${t('confirmation.missing.heading')}</h3>
              <ul>
                ${missing.map((d) => html`<li>${d.label}</li>`)}
              </ul>
              <p>${t('confirmation.missing.until', { date: parisDate(campaign.documentsUntil), time: parisTime(campaign.documentsUntil) })}</p>
            </div>`
          : nothing
      }
      <h3>${t('confirmation.next.heading')}</h3>
      <ul>
        <li>${t('confirmation.next.check')}</li>
        <li>${t('confirmation.next.cost')}</li>
        ${this.payment(campaign)}
      </ul>
      ${contactLine(campaign.contactEmail)} ${this.answersReceipt(campaign, missing)}
      <div class="no-print" part="actions">
        <p class="keep">${t('confirmation.keep')}</p>
        <div class="actions">
          <button type="button" class="button button--secondary" @click=${this.print}>${t('confirmation.print')}</button>
        </div>
        ${
          this.otherPending.length
            ? html`<h3>${t('confirmation.others.heading')}</h3>
                <p>${t('confirmation.others.intro')}</p>
                <div class="actions">
                  ${this.otherPending.map(
                    (s) =>
                      html`<button type="button" class="button" @click=${() => emit(this, 'reinscription-reregister', { studentId: s.id })}>
                        ${t('confirmation.others.button', { name: s.name })}
                      </button>`,
                  )}
                </div>`
            : nothing
        }
        <div class="actions">
          <button type="button" class="button button--link" @click=${() => emit(this, 'reinscription-logout', {})}>${t('confirmation.logout')}</button>
        </div>
      </div>
    `;
  }

  /** The submission's missing pieces (the server's word), named and scoped from the campaign's types. */
  private missing(campaign: Campaign, submission: Submission): MissingDocument[] {
    return submission.missingDocuments.map((code) => {
      const type = campaign.documents.types.find((d) => d.code === code);
      return { label: type?.label ?? code, scope: type?.scope ?? 'student' };
    });
  }

  /** Only the payment mode the family chose, in the campaign's own words; both when it is not known. */
  private payment(campaign: Campaign): TemplateResult {
    const mode = campaign.paymentModes.find((m) => m.code === this.answers?.paymentMode);
    if (!mode) return html`<li>${t('confirmation.next.invoice')}</li>`;
    return html`<li class="payment">${t('confirmation.next.payment', { mode: mode.label })} ${richText(mode.explanation)}</li>`;
  }

  /** Every answer, as the recap showed them: on screen behind a disclosure, always in print. */
  private answersReceipt(campaign: Campaign, missing: MissingDocument[]): TemplateResult | typeof nothing {
    const { answers } = this;
    if (!answers) return nothing;
    const section = (key: Section, body: TemplateResult) => answersSection(`receipt-${key}`, key, body);
    return html`
      <details class="answers-details" part="answers">
        <summary>${t('confirmation.answers.summary')}</summary>
        <div class="answers">
          ${section('coordinates', coordinatesAnswers(answers, campaign))} ${section('authorisations', authorisationsAnswers(answers))}
          ${section('courses', coursesAnswers(this.registration, answers))} ${section('changes', changesAnswers(this.changes))}
          ${section(
            'documents',
            html`${providedAnswers(this.providedDocuments)} ${missing.length ? missingAnswers(missing) : html`<p>${t('recap.documents.complete')}</p>`}`,
          )}
          <p>${t('confirmation.answers.rules', { version: campaign.rules.version, schoolYear: campaign.schoolYear })}</p>
        </div>
      </details>
    `;
  }

  private print(): void {
    window.print();
  }
}

define('reinscription-confirmation', ReinscriptionConfirmation);

declare global {
  interface HTMLElementTagNameMap {
    'reinscription-confirmation': ReinscriptionConfirmation;
  }
}
