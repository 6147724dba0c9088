import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from '../../ui/decorators.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import { clientOf, type ApiClient } from '../../api/client.js';
import type { Campaign, Family, StudentStatus, StudentSummary } from '../../api/contract.js';
import { SessionController } from '../../controllers/session-controller.js';
import { define } from '../../define.js';
import { emit } from '../../events.js';
import { parisDate, parisTime } from '../../format/paris-time.js';
import { t } from '../../i18n/index.js';
import { apiErrorAlert, contactLine } from '../../ui/api-error.js';
import { textareaField } from '../../ui/field-variants.js';
import { variantStyles } from '../../ui/field-variants.styles.js';
import { baseStyles } from '../../ui/styles.js';
import { familyHomeStyles } from './family-home.styles.js';
import '../../i18n/fr/app-catalogue.js';

/** Where the campaign stands, from the server's clock and flag (the visitor's clock may be wrong). */
type Phase = 'not-yet' | 'open' | 'closed';

const REASON_MAX = 1000;

const statusLabel = (student: StudentSummary): string => {
  switch (student.status) {
    case 'a-faire':
      return t('home.status.a-faire');
    case 'brouillon':
      return student.draftStep ? t('home.status.brouillonAt', { step: student.draftStep }) : t('home.status.brouillon');
    case 'envoyee':
      return t('home.status.envoyee');
    case 'envoyee-incomplete':
      return t('home.status.envoyee-incomplete');
    case 'ne-se-reinscrit-pas':
      return t('home.status.ne-se-reinscrit-pas');
  }
};

/** « NOM Prénom », as the conservatory's lists and the iMuse portal write it. */
const studentName = (s: Pick<StudentSummary, 'lastName' | 'firstName'>) => [s.lastName, s.firstName].filter(Boolean).join(' ');

/** « 10 h 00 »: French typography for a time in a sentence, with non-breaking spaces so it never wraps. */
/** Every date and time of the home in Paris time, written as every screen writes them (format/paris-time.ts). */
const when = (iso: string) => ({ date: parisDate(iso), time: parisTime(iso) });

/** Whether the file was sent (complete or not): its receipt can be read again. */
const isSent = (status: StudentStatus) => status === 'envoyee' || status === 'envoyee-incomplete';

const ms = (iso: string) => new Date(iso).getTime();

/**
 * The family's home, first screen after logging in: greeting, the campaign's dates, each student
 * with their status (the step a draft reached, when a file was sent, the pieces still missing, the
 * deadline that applies), and per student « Je souhaite réinscrire » / « Je ne souhaite pas
 * réinscrire », « Voir le récapitulatif » once sent, « Ajouter des pièces manquantes ».
 * Declining is confirmed in an inline panel (not a modal: nothing traps focus, and it reads in
 * order with the student it belongs to) and sent from here; re-registering is the wizard's job.
 *
 * @summary Family home: students, their status, the deadline, re-register or decline.
 *
 * @fires reinscription-reregister - « Je souhaite réinscrire », « Reprendre la réinscription », or « Voir le récapitulatif » of a file already sent (the wizard opens its confirmation); `detail: { studentId }`.
 * @fires reinscription-declined - The server recorded a decline; `detail: { studentId }`. The element's `family` is already updated.
 * @fires reinscription-logout - « Déconnexion » was chosen; `detail: {}`. The wizard ends the session.
 * @fires reinscription-add-documents - « Ajouter des pièces manquantes » for a student sent with missing pieces; `detail: { studentId }`.
 *
 * @csspart heading - The greeting (h2).
 * @csspart campaign - The « Réinscriptions <année> » box with the dates.
 * @csspart students - The list of students.
 * @csspart student - One student's row.
 * @csspart badge - A student's status badge.
 * @csspart missing - The pieces still missing, per student and for the family.
 * @csspart decline-panel - The confirmation panel of « Je ne souhaite pas réinscrire ».
 * @csspart field - The reason field of the decline panel.
 * @csspart alert - The message shown when the server refused or could not be reached.
 * @csspart contact - The contact e-mail line.
 *
 * @cssprop --rw-font-size - Base font size (default 16px).
 * @cssprop --rw-color-text - Text colour.
 * @cssprop --rw-color-primary - Buttons, links, the decline panel's border.
 * @cssprop --rw-color-primary-text - Text on primary buttons.
 * @cssprop --rw-color-error - Error messages.
 * @cssprop --rw-color-success - The success notice's border.
 * @cssprop --rw-color-border - Card and row borders.
 * @cssprop --rw-color-muted - Secondary text (submission reference).
 * @cssprop --rw-color-surface - Background of notices and of the decline panel.
 * @cssprop --rw-color-background - Background of cards and secondary buttons.
 * @cssprop --rw-radius - Corner radius.
 * @cssprop --rw-space - Base spacing.
 * @cssprop --rw-focus-ring - Focus outline.
 * @cssprop --rw-badge-todo-text - Badge « À faire » text (also -background; likewise draft, sent, incomplete, declined).
 */
export class ReinscriptionFamilyHome extends LitElement {
  static override styles = [baseStyles, variantStyles, familyHomeStyles];

  /** Set by the wizard; standalone, the element uses the shared client of `api-url`. */
  @property({ attribute: false }) client: ApiClient | undefined;

  @property({ attribute: 'api-url' }) apiUrl: string | undefined;

  /** Given by the wizard; loaded by the element when missing and a session exists. */
  @property({ attribute: false }) campaign: Campaign | undefined;

  /** Given by the wizard; replaced by the element after a decline (re-fetched from the server). */
  @property({ attribute: false }) family: Family | undefined;

  /** The student whose re-registration the wizard is opening: that button shows it is busy. */
  @property({ attribute: false }) busyStudentId: string | undefined;

  /** The student whose decline panel is open. */
  @state() private declining: string | null = null;
  @state() private reason = '';
  @state() private declineBusy = false;
  @state() private declineFailure: unknown = undefined;
  /** Text of the success notice after a decline. */
  @state() private notice = '';

  /** Logging in elsewhere on the page (the session store fires `change`) renders again, so the load starts. */
  readonly #session = new SessionController(this, { client: () => clientOf(this) });

  /**
   * Standalone path only. The token is an argument so that logging in elsewhere on the page (the
   * session store fires `change`) starts the load.
   */
  private readonly load = new Task(this, {
    task: async ([client, token, needCampaign, needFamily]) => {
      if (!client || !token || (!needCampaign && !needFamily)) return initialState;
      const [campaign, family] = await Promise.all([needCampaign ? client.campaign() : undefined, needFamily ? client.family() : undefined]);
      if (campaign) this.campaign = campaign;
      if (family) this.family = family;
      return true;
    },
    args: () => [clientOf(this), this.#session.token, !this.campaign, !this.family] as const,
  });

  /** Focuses the heading: the wizard calls this when it shows this screen. */
  focusHeading(): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('h2.heading')?.focus());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A new family (from the wizard or the server) closes a panel whose student is gone or decided.
    if (changed.has('family') && this.declining) {
      const student = this.family?.students.find((s) => s.id === this.declining);
      if (!student || !this.canDecide(student)) this.closePanel();
    }
  }

  protected override render(): TemplateResult {
    const { campaign, family } = this;
    if (campaign && family) return this.renderHome(campaign, family);

    let body: TemplateResult;
    if (this.load.status === TaskStatus.PENDING) body = html`<p role="status">${t('common.loading')}</p>`;
    else if (this.load.status === TaskStatus.ERROR)
      body = html`${apiErrorAlert(this.load.error, campaign?.contactEmail)}
        <div class="actions">
          <button type="button" class="button" @click=${() => void this.load.run()}>${t('common.retry')}</button>
        </div>`;
    else body = html`<p class="notice">${t('home.signedOut')}</p>`;
    return html`<div class="home">
      <h2 class="heading" part="heading" tabindex="-1">${t('home.heading')}</h2>
      ${body} ${campaign ? html`<div class="footer">${contactLine(campaign.contactEmail)}</div>` : nothing}
    </div>`;
  }

  // ------------------------------------------------------------------ rendering

  private renderHome(campaign: Campaign, family: Family): TemplateResult {
    const phase = this.phase(campaign);
    return html`
      <div class="home">
        <div class="header">
          <h2 class="heading" part="heading" tabindex="-1">${t('home.greeting', { name: this.guardianName(campaign, family) })}</h2>
          <button type="button" class="button button--secondary" @click=${this.onLogout}>${t('home.logout')}</button>
        </div>
        ${this.renderCampaign(campaign, phase)}
        <section aria-labelledby="students-title">
          <h3 id="students-title">${t('home.students.title')}</h3>
          <div role="status">${this.notice ? html`<p class="notice notice--success" id="decline-done" tabindex="-1">${this.notice}</p>` : nothing}</div>
          ${
            family.students.length
              ? html`<ul class="students" part="students">
                  ${family.students.map((s) => this.renderStudent(s, campaign, phase))}
                </ul>`
              : html`<p>${t('home.students.empty')}</p>`
          }
          ${this.renderFamilyMissing(campaign, family, phase)}
        </section>
        <div class="footer">
          <p>
            <a href=${campaign.privacy.url} target="_blank" rel="noopener noreferrer"
              >${t('home.privacy', { controller: campaign.privacy.controller })}<span class="visually-hidden"> ${t('common.newWindow')}</span></a
            >
          </p>
          ${contactLine(campaign.contactEmail)}
        </div>
      </div>
    `;
  }

  private renderCampaign(campaign: Campaign, phase: Phase): TemplateResult {
    let body: TemplateResult;
    if (phase === 'open') {
      body = html`<p class="deadline">${t('home.campaign.until', when(campaign.closesAt))}</p>
        <p>${t('home.campaign.instructions')}</p>`;
    } else if (phase === 'not-yet') {
      body = html`<p class="opening">${t('home.campaign.notYet', when(campaign.opensAt))}</p>
        <p>${t('home.campaign.notYetUntil', when(campaign.closesAt))}</p>`;
    } else {
      // Closed before the planned date (by the office): no « depuis » date that would be wrong.
      const closedOnTime = ms(campaign.serverNow) >= ms(campaign.closesAt);
      body = html`<p class="closed">${closedOnTime ? t('home.campaign.closedSince', when(campaign.closesAt)) : t('home.campaign.closed')}</p>
        ${
          this.documentsStillAccepted(campaign)
            ? html`<p class="documents-until">${t('home.campaign.documentsUntil', when(campaign.documentsUntil))}</p>`
            : nothing
        }`;
    }
    return html`<section class="card" part="campaign" aria-labelledby="campaign-title">
      <h3 id="campaign-title">${t('home.campaign.title', { schoolYear: campaign.schoolYear })}</h3>
      ${body}
    </section>`;
  }

  private renderStudent(student: StudentSummary, campaign: Campaign, phase: Phase): TemplateResult {
    const name = studentName(student);
    const decide = phase === 'open' && this.canDecide(student);
    const addDocuments = this.canAddDocuments(student, campaign, phase);
    const busy = this.busyStudentId === student.id;
    return html`
      <li class="student" part="student" id=${`student-${student.id}`}>
        <div class="student-row">
          <span class="student-name">${name}</span>
          <span class="badge badge--${student.status}" part="badge"
            ><span class="visually-hidden">${t('home.status.prefix')}</span>${statusLabel(student)}</span
          >
          ${this.renderDetails(student, campaign, phase)}
        </div>
        ${addDocuments ? this.renderStudentMissing(student, campaign) : nothing}
        ${
          decide
            ? html`<div class="actions">
                <button
                  type="button"
                  class="button"
                  id=${`reregister-${student.id}`}
                  aria-disabled=${busy ? 'true' : 'false'}
                  @click=${() => this.onReregister(student)}
                >
                  ${busy ? t('common.loading') : student.status === 'brouillon' ? t('home.resume') : t('home.reregister')}
                  <span class="visually-hidden">${name}</span>
                </button>
                <button
                  type="button"
                  class="button button--secondary"
                  id=${`decline-${student.id}`}
                  aria-expanded=${this.declining === student.id ? 'true' : 'false'}
                  aria-controls=${`decline-panel-${student.id}`}
                  @click=${() => this.openPanel(student)}
                >
                  ${t('home.decline')} <span class="visually-hidden">${name}</span>
                </button>
              </div>`
            : nothing
        }
        ${
          addDocuments || isSent(student.status)
            ? html`<div class="actions">
                ${
                  addDocuments
                    ? html`<button type="button" class="button" @click=${() => this.onAddDocuments(student)}>
                        ${t('home.addDocuments')} <span class="visually-hidden">${name}</span>
                      </button>`
                    : nothing
                }
                <button
                  type="button"
                  class=${addDocuments ? 'button button--secondary' : 'button'}
                  aria-disabled=${busy ? 'true' : 'false'}
                  @click=${() => this.onReregister(student)}
                >
                  ${busy ? t('common.loading') : t('home.viewReceipt')} <span class="visually-hidden">${name}</span>
                </button>
              </div>`
            : nothing
        }
        ${decide && this.declining === student.id ? this.renderDeclinePanel(student, campaign) : nothing}
      </li>
    `;
  }

  /**
   * The line under the name: when it was sent and its reference, or the deadline that applies to what
   * is left to do. A decided file (sent, declined) has no deadline left but its pieces' (shown with them).
   */
  private renderDetails(student: StudentSummary, campaign: Campaign, phase: Phase): TemplateResult | typeof nothing {
    if (isSent(student.status)) {
      return html`${student.submittedAt ? html`<span class="detail sent-at">${t('home.student.sentAt', when(student.submittedAt))}</span>` : nothing}
      ${student.reference ? html`<span class="reference">${t('home.reference', { reference: student.reference })}</span>` : nothing}`;
    }
    if (this.canDecide(student) && phase !== 'closed') return html`<span class="detail deadline">${t('home.student.deadline', when(campaign.closesAt))}</span>`;
    return nothing;
  }

  /** The student's own missing pieces, by their labels; the family's are listed once for all (renderFamilyMissing). */
  private renderStudentMissing(student: StudentSummary, campaign: Campaign): TemplateResult {
    const name = studentName(student);
    const own = this.missingOf(student, campaign, 'student');
    const until = html`<p class="hint">${t('home.student.missingUntil', when(campaign.documentsUntil))}</p>`;
    if (!own.length)
      return html`<div class="missing" part="missing">
        <p>${t('home.student.missingFamilyOnly')}</p>
        ${until}
      </div>`;
    const id = `missing-${student.id}`;
    return html`<div class="missing" part="missing">
      <p id=${id}>${t('home.student.missing', { name })}</p>
      <ul aria-labelledby=${id}>
        ${own.map((label) => html`<li>${label}</li>`)}
      </ul>
      ${until}
    </div>`;
  }

  /** The family's pieces still missing from any file sent: listed once, since they count for every child. */
  private renderFamilyMissing(campaign: Campaign, family: Family, phase: Phase): TemplateResult | typeof nothing {
    const labels = [...new Set(family.students.filter((s) => this.canAddDocuments(s, campaign, phase)).flatMap((s) => this.missingOf(s, campaign, 'family')))];
    if (!labels.length) return nothing;
    return html`<section class="card missing" part="missing" aria-labelledby="family-missing-title">
      <h3 id="family-missing-title">${t('home.family.missing.title')}</h3>
      <ul>
        ${labels.map((label) => html`<li>${label}</li>`)}
      </ul>
      <p>${t('home.family.missing.note')}</p>
      <p class="hint">${t('home.student.missingUntil', when(campaign.documentsUntil))}</p>
    </section>`;
  }

  private renderDeclinePanel(student: StudentSummary, campaign: Campaign): TemplateResult {
    const name = studentName(student);
    const busy = this.declineBusy;
    return html`
      <div class="decline-panel" part="decline-panel" id=${`decline-panel-${student.id}`} role="group" aria-labelledby="decline-title">
        <h4 id="decline-title" tabindex="-1">${t('home.decline.title', { name })}</h4>
        <p>${t('home.decline.explanation', { name, schoolYear: campaign.schoolYear })}</p>
        ${this.declineFailure !== undefined ? apiErrorAlert(this.declineFailure, campaign.contactEmail, { id: 'decline-error' }) : nothing}
        ${textareaField({
          id: 'decline-reason',
          label: t('home.decline.reason'),
          optional: true,
          value: this.reason,
          maxlength: REASON_MAX,
          rows: 3,
          counter: t('home.decline.counter', { remaining: REASON_MAX - this.reason.length }),
          onInput: (value) => {
            this.reason = value;
          },
        })}
        <div class="actions">
          <button type="button" class="button" aria-disabled=${busy ? 'true' : 'false'} @click=${() => this.onConfirmDecline(student)}>
            ${busy ? t('common.sending') : t('home.decline.confirm')}
          </button>
          <button type="button" class="button button--secondary" aria-disabled=${busy ? 'true' : 'false'} @click=${this.onCancelDecline}>
            ${t('common.cancel')}
          </button>
        </div>
      </div>
    `;
  }

  // ------------------------------------------------------------------ state

  private phase(campaign: Campaign): Phase {
    if (campaign.isOpen) return 'open';
    return ms(campaign.serverNow) < ms(campaign.opensAt) ? 'not-yet' : 'closed';
  }

  private documentsStillAccepted(campaign: Campaign): boolean {
    return ms(campaign.serverNow) < ms(campaign.documentsUntil);
  }

  private canAddDocuments(student: StudentSummary, campaign: Campaign, phase: Phase): boolean {
    return student.status === 'envoyee-incomplete' && (phase === 'open' || this.documentsStillAccepted(campaign));
  }

  /**
   * The labels of the pieces a sent file still misses, of one scope (the campaign's piece types say
   * which are the family's). A code the campaign no longer lists is shown as the backend sent it.
   */
  private missingOf(student: StudentSummary, campaign: Campaign, scope: 'family' | 'student'): string[] {
    const types = campaign.documents.types;
    return (student.missingDocuments ?? []).flatMap((code) => {
      const type = types.find((d) => d.code === code);
      const of = type?.scope ?? 'student';
      return of === scope ? [type?.label ?? code] : [];
    });
  }

  private canDecide(student: StudentSummary): boolean {
    return student.status === 'a-faire' || student.status === 'brouillon';
  }

  /** A civilité stored as a code of today's list shows its label; an older value (« Mademoiselle ») shows as stored. */
  private guardianName(campaign: Campaign, family: Family): string {
    const { civilite, lastName, firstName } = family.guardian;
    const label = campaign.references.civilites.find((c) => c.code === civilite)?.label ?? civilite;
    return [label, lastName, firstName].filter(Boolean).join(' ');
  }

  private closePanel(): void {
    this.declining = null;
    this.reason = '';
    this.declineFailure = undefined;
  }

  private setStatus(studentId: string, status: StudentStatus): void {
    if (!this.family) return;
    this.family = { ...this.family, students: this.family.students.map((s) => (s.id === studentId ? { ...s, status } : s)) };
  }

  private async focusInShadow(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  // ------------------------------------------------------------------ events

  private onLogout(): void {
    emit(this, 'reinscription-logout', {});
  }

  private onReregister(student: StudentSummary): void {
    if (this.busyStudentId) return;
    emit(this, 'reinscription-reregister', { studentId: student.id });
  }

  private onAddDocuments(student: StudentSummary): void {
    emit(this, 'reinscription-add-documents', { studentId: student.id });
  }

  private openPanel(student: StudentSummary): void {
    if (this.declineBusy) return;
    if (this.declining !== student.id) this.closePanel();
    this.declining = student.id;
    this.notice = '';
    void this.focusInShadow('#decline-title');
  }

  private onCancelDecline(): void {
    if (this.declineBusy || !this.declining) return;
    const opener = `#decline-${this.declining}`;
    this.closePanel();
    void this.focusInShadow(opener);
  }

  private async onConfirmDecline(student: StudentSummary): Promise<void> {
    const client = clientOf(this);
    if (this.declineBusy) return;
    this.declineFailure = undefined;
    if (!client) {
      console.error('<reinscription-family-home>: set the api-url attribute or the client property.');
      this.declineFailure = new Error('No API client');
      return;
    }
    const reason = this.reason.trim();
    this.declineBusy = true;
    try {
      await client.decline(student.id, reason ? { reason } : {});
    } catch (error) {
      // The panel stays open with the reason as typed: trying again costs one click.
      this.declineFailure = error;
      return;
    } finally {
      this.declineBusy = false;
    }

    this.closePanel();
    this.setStatus(student.id, 'ne-se-reinscrit-pas');
    this.notice = t('home.decline.done', { name: studentName(student) });
    emit(this, 'reinscription-declined', { studentId: student.id });
    // The button that had focus is gone: the confirmation takes it, so it is read out once.
    await this.focusInShadow('#decline-done');
    try {
      this.family = await client.family();
    } catch {
      // The decline is recorded; the status set above stays until the next load.
    }
  }
}

define('reinscription-family-home', ReinscriptionFamilyHome);

declare global {
  interface HTMLElementTagNameMap {
    'reinscription-family-home': ReinscriptionFamilyHome;
  }
}
