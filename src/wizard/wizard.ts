import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { clientFor, type ApiClient } from '../api/client.js';
import { SessionController } from '../controllers/session-controller.js';
import { define } from '../define.js';
import { emit } from '../events.js';
import { isAdultForSchoolYear } from '../schemas/age.js';
import { getLocale, languageOf, setLocale, t, type Language } from '../i18n/index.js';
import { loadLocale } from '../i18n/load-locale.js';
import type { Campaign } from '../api/contract.js';
import { ApiError } from '../api/errors.js';
import { localiseCampaign } from '../api/localise.js';
import { parisTime } from '../format/paris-time.js';
import { apiErrorAlert } from '../ui/api-error.js';
import { footer } from '../ui/footer.js';
import { stepperStyles } from '../ui/stepper.styles.js';
import { baseStyles } from '../ui/styles.js';
import '../elements/login/login.js';
import '../elements/password-reset/password-reset.js';
import '../elements/family-home/family-home.js';
import { DeadlineController } from './deadline-controller.js';
import { WizardFlow } from './flow.js';
import { HistoryController } from './history-controller.js';
import { JourneyController } from './journey-controller.js';
import { LAST_STEP, RECAP, STEPS, type JourneyState, type Step } from './machine.js';
import { SaveQueueController } from './save-queue.js';
import { saveProblemAlert, saveStatusText } from './save-status.js';
import type { StepElement } from './step-contract.js';
import { documentsView, EXPORTED_PARTS, stepViews, type StepView } from './step-views.js';
import { wizardStyles } from './wizard.styles.js';

/**
 * @summary The whole re-registration journey: login, family home, and the six steps per student.
 *
 * @fires reinscription-logged-in - A parent logged in: `{ expiresAt }` (from the login screen).
 * @fires reinscription-step-change - The journey moved to a step: `{ studentId, step }`.
 * @fires reinscription-submitted - A re-registration was sent: `{ studentId, reference }`.
 * @fires reinscription-declined - A student was declined: `{ studentId }` (bubbles from the home).
 * @fires reinscription-session-end - The session ended: `{ reason: 'logout' | 'expired' }`.
 *
 * @csspart alert - Error and status messages.
 * @csspart save-status - Whether the answers are on the server: « Enregistré à 14:32 », « Pas encore enregistré… ».
 * @csspart deadline - The warning of the campaign's last hour.
 * @csspart contact - The contact e-mail line.
 * @csspart nav - The previous/next buttons of a step.
 * @csspart heading - Each screen's main heading (re-exported from the inner screens, as all parts below).
 * @csspart field - Every form field.
 * @csspart error-summary - The « Il y a un problème » box of a step.
 * @csspart section - The groups of a form and of the recap.
 * @csspart table - The documents tables.
 * @csspart student - A student's row on the family home.
 * @csspart badge - A student's status on the family home.
 *
 * @cssprop --rw-color-primary - Buttons, links and focus accents (default #1d4f91).
 * @cssprop --rw-color-text - Text colour (default #1e1e1e).
 * @cssprop --rw-color-error - Error colour (default #b3261e).
 * @cssprop --rw-radius - Corner radius (default 6px).
 * @cssprop --rw-space - Base spacing (default 16px).
 * @cssprop --rw-focus-ring - Focus outline (default 3px solid #1e1e1e, 16:1 on white).
 * @cssprop --rw-focus-halo - The 2 px halo inside the outline, seen against buttons (default #f2a900).
 * @cssprop --rw-scroll-margin - Room kept above a focused element for a theme's sticky header (default 80px).
 */
export class ReinscriptionWizard extends LitElement {
  static override styles = [baseStyles, stepperStyles, wizardStyles];

  /** Base URL of the backend API, e.g. https://api.example.fr/v1 */
  @property({ attribute: 'api-url' }) apiUrl = '';
  /**
   * Interface language, `fr` or `en`. Empty (the default): the page's own (`<html lang>`, or the
   * nearest ancestor's), French when it is neither; French is the source and the fallback.
   */
  @property() override lang = '';
  /** Shows a « English » / « Français » button that switches the language in place, keeping what was typed. */
  @property({ type: Boolean, attribute: 'language-switch' }) languageSwitch = false;
  /**
   * Where the files the module loads later live (the compression worker). WordPress optimisation
   * plugins may move or concatenate the main file, which breaks import.meta.url; the plugin sets this.
   */
  @property({ attribute: 'assets-url' }) assetsUrl?: string;
  /** Contact e-mail shown before the campaign is loaded (the campaign's own wins afterwards). */
  @property({ attribute: 'contact-email' }) contactEmail = '';

  #client?: ApiClient;
  readonly #journey = new JourneyController(this, { onChange: (before, after, o) => this.#onJourneyChange(before, after, o) });
  readonly #session = new SessionController(this, { client: () => this.#client, onExpired: () => this.#flow.expired() });
  readonly #history = new HistoryController(this, (target) => this.#journey.dispatch({ type: 'history', target }, { push: false }));
  readonly #saves = new SaveQueueController(this, { now: () => this.#session.now(), onUnauthorized: () => this.#flow.expired() });
  readonly #flow = new WizardFlow(this, {
    journey: this.#journey,
    session: this.#session,
    saves: this.#saves,
    client: () => this.#client,
    assetsUrl: () => this.assetsUrl,
  });
  readonly #deadline = new DeadlineController(
    this,
    () => this.#flow.campaign?.closesAt,
    () => this.#session.now(),
  );

  /** Whether something typed is not saved on the server yet (the page then warns before leaving). */
  get hasUnsavedChanges(): boolean {
    return this.#journey.dirty || this.#saves.pending;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('lang')) void this.#applyLanguage();
    if (changed.has('apiUrl') && this.apiUrl) {
      this.#client = clientFor(this.apiUrl);
      this.#journey.open(this.apiUrl);
      void this.#flow.boot();
    }
  }

  #shownProblem: unknown;
  /** The language shown, once its strings are loaded (`lang` on the content, for assistive technology). */
  #language: Language = 'fr';

  #wantedLanguage(): Language {
    return languageOf(this.lang || this.parentElement?.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang);
  }

  /** English comes in a chunk of its own: French shows until it is there, and stays if it cannot be fetched. */
  async #applyLanguage(): Promise<void> {
    const wanted = this.#wantedLanguage();
    try {
      await loadLocale(wanted, this.assetsUrl);
    } catch {
      // Offline or blocked: French is complete, a half-translated page is not.
    }
    setLocale(wanted);
    this.#language = languageOf(getLocale());
    this.requestUpdate();
  }

  /** The campaign in the language shown: its own texts translated where the backend sent them (api/localise.ts). */
  get #campaign(): Campaign | undefined {
    const campaign = this.#flow.campaign;
    return campaign && localiseCampaign(campaign, this.#language);
  }

  #switchLanguage(): void {
    this.lang = this.#language === 'fr' ? 'en' : 'fr';
  }

  /** A failure met on the screen the parent is on takes focus, so it is read and seen (at 360 px, the button pressed may be far below it). */
  protected override updated(): void {
    const problem = this.#flow.saveProblem ?? (this.#journey.screen.name === 'login' ? undefined : this.#flow.actionError);
    if (problem === this.#shownProblem) return;
    this.#shownProblem = problem;
    if (problem) this.renderRoot.querySelector<HTMLElement>('#save-problem, #api-error')?.focus();
  }

  /** History, the step-change event, a fresh status and focus follow every change of screen. */
  #onJourneyChange(before: JourneyState, after: JourneyState, { push }: { push: boolean }): void {
    const [was, now] = [before.screen, after.screen];
    // The step elements arrive once; focus then goes to the heading they render.
    if ((now.name === 'step' || now.name === 'documents') && !this.#flow.steps) void this.#flow.ensureSteps().then(() => this.#focusScreen());
    const newStep = now.name === 'step' && (was.name !== 'step' || was.step !== now.step || was.studentId !== now.studentId);
    if (newStep) {
      if (push)
        this.#history.push({ studentId: now.studentId, step: now.step, from: was.name === 'step' && was.studentId === now.studentId ? was.step : null });
      emit(this, 'reinscription-step-change', { studentId: now.studentId, step: now.step });
    }
    if (was.name !== now.name || newStep) {
      this.#flow.screenChanged();
      // A session lost while the page slept is not a reason to take the page's focus on load.
      if (!(before.activity.name === 'booting' && now.name === 'login')) void this.#focusScreen();
    }
    // Back home from a file: its draft, submission or decline shows at once.
    if (now.name === 'home' && (was.name === 'step' || was.name === 'documents')) void this.#flow.refreshFamily();
    // The session ran out: the login shows over the screen, the identifier typed, focus on what is left to fill.
    if (after.sessionExpired && !before.sessionExpired)
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('reinscription-login')?.focus());
  }

  /** Moving to a screen moves focus to its heading, which screen readers announce. */
  async #focusScreen(): Promise<void> {
    await this.updateComplete;
    // On a step, the stepper's heading says where the parent is: « Étape 2 sur 6 : Autorisations ».
    const stepHeading = this.renderRoot.querySelector<HTMLElement>('#step-heading');
    if (stepHeading) return stepHeading.focus();
    const el = this.renderRoot.querySelector<StepElement>('[data-screen]');
    if (el && 'updateComplete' in el) await (el as unknown as LitElement).updateComplete;
    el?.focusHeading();
  }

  #stepElement(): StepElement | null {
    return this.renderRoot.querySelector<StepElement>('[data-screen="step"]');
  }

  /** « Retour à l'étape précédente » walks the history back when it came from there, so Back and Forward stay in step. */
  #back(studentId: string, step: Step): void {
    if (!this.#history.back(studentId, step)) this.#journey.dispatch({ type: 'back' });
  }

  /**
   * The home shows once the family is there: focus goes to its heading then. After an expiry, the
   * login that stood over the screen is gone with the focus it held: it goes to that screen's heading.
   */
  async #loggedIn(identifier: string): Promise<void> {
    await this.#flow.loggedIn(identifier);
    void this.#focusScreen();
  }

  async #logout(): Promise<void> {
    await this.#flow.logout();
    void this.#focusScreen();
  }

  // ------------------------------------------------------------ rendering

  override render(): TemplateResult {
    const contact = this.#flow.campaign?.contactEmail ?? this.contactEmail;
    const { state } = this.#journey;
    const saved = saveStatusText(this.#saves.state, this.#session.now());
    const other = this.#language === 'fr' ? 'en' : 'fr';
    return html`<div lang=${this.#language}>
      ${
        this.languageSwitch
          ? html`<div class="language-switch">
              <button type="button" class="button button--link" lang=${other} @click=${() => this.#switchLanguage()}>${t('wizard.otherLanguage')}</button>
            </div>`
          : nothing
      }
      ${this.#session.endsSoon && !state.sessionExpired ? this.#renderSessionWarning() : nothing}
      ${this.#deadline.lastHour && this.#flow.campaign && state.screen.name !== 'login' ? this.#renderLastHour(this.#flow.campaign.closesAt) : nothing}
      <div role="status" class=${this.#flow.status ? 'notice' : 'visually-hidden'} part="alert">${this.#flow.status}</div>
      <p role="status" class=${saved ? 'save-status' : 'visually-hidden'} part="save-status">${saved}</p>
      ${this.#renderBody(contact)} ${footer(state.screen.name === 'home' ? '' : contact, this.#flow.campaign?.accessibility)}
    </div>`;
  }

  #renderSessionWarning(): TemplateResult {
    return html`<div class="notice session-warning" role="alert" part="alert">
      <p>${t('wizard.sessionEnding', { minutes: this.#session.minutesLeft() })}</p>
      <button type="button" class="button" @click=${() => this.#flow.extendSession()}>${t('wizard.extend')}</button>
    </div>`;
  }

  #renderLastHour(closesAt: string): TemplateResult {
    return html`<div class="notice notice--warning" role="status" part="deadline">
      <p>${t('wizard.lastHour', { time: parisTime(closesAt) })}</p>
    </div>`;
  }

  /** The failure of the last call on this screen, with « Réessayer » when trying again is the way out. */
  #renderError(contact: string): TemplateResult | typeof nothing {
    const { actionError, retry, actionLead } = this.#flow;
    if (!actionError) return nothing;
    const closed = actionError instanceof ApiError && actionError.kind === 'campaign-closed';
    const actions = retry
      ? html`<div class="actions"><button type="button" class="button" @click=${retry}>${t('common.retry')}</button></div>`
      : closed && this.#journey.screen.name === 'step'
        ? html`<div class="actions"><button type="button" class="button" @click=${() => window.print()}>${t('wizard.printAnswers')}</button></div>`
        : nothing;
    const lead = closed ? t('wizard.closedWhileTyping', { email: contact }) : actionLead;
    return apiErrorAlert(actionError, contact, { lead, actions });
  }

  /** The home, or what stands in for it while the family or the campaign is missing. */
  #renderHome(contact: string, loading: TemplateResult): TemplateResult {
    const flow = this.#flow;
    const { state } = this.#journey;
    const error = this.#renderError(contact);
    if (flow.family && flow.campaign) {
      return html`${error}
        <reinscription-family-home
          data-screen="home"
          exportparts=${EXPORTED_PARTS}
          .client=${this.#client}
          .campaign=${this.#campaign}
          .family=${flow.family}
          .busyStudentId=${state.activity.name === 'opening' ? state.activity.studentId : undefined}
          @reinscription-reregister=${(e: CustomEvent<{ studentId: string }>) => flow.reregister(e.detail.studentId)}
          @reinscription-add-documents=${(e: CustomEvent<{ studentId: string }>) => flow.addDocuments(e.detail.studentId)}
          @reinscription-declined=${() => flow.refreshFamily()}
          @reinscription-logout=${() => this.#logout()}
        ></reinscription-family-home>`;
    }
    if (error !== nothing) return error;
    if (flow.campaignError) return this.#renderCampaignMissing(contact);
    return loading;
  }

  /** Logged in, but the campaign (dates, courses, rules) did not come: said, with « Réessayer ». */
  #renderCampaignMissing(contact: string): TemplateResult {
    const flow = this.#flow;
    return apiErrorAlert(flow.campaignError, contact, {
      lead: t('wizard.campaignMissing'),
      actions: html`<div class="actions"><button type="button" class="button" @click=${() => flow.loadCampaign()}>${t('common.retry')}</button></div>`,
    });
  }

  #renderBody(contact: string): TemplateResult {
    const { state, screen } = this.#journey;
    const loading = html`<p role="status">${t('wizard.loading')}</p>`;
    if (!this.#client || state.activity.name === 'booting') return loading;
    const login = html`<reinscription-login
      data-screen="login"
      exportparts=${EXPORTED_PARTS}
      .client=${this.#client}
      .identifier=${state.identifier}
      contact-email=${contact}
      @reinscription-logged-in=${(e: CustomEvent<{ identifier: string }>) => this.#loggedIn(e.detail.identifier)}
      @reinscription-forgot-password=${(e: CustomEvent<{ identifier: string }>) => this.#journey.dispatch({ type: 'forgot-password', identifier: e.detail.identifier })}
    ></reinscription-login>`;
    // The session ran out: the login shows over the screen, which stays in the page, hidden, so
    // what an inner element holds (a decline's reason, a piece being listed) is there after the login.
    // One template either way, so the screen's elements are the same ones before and after.
    const expired = state.sessionExpired;
    return html`${
        expired
          ? html`<div class="notice notice--error" role="alert" part="alert"><p>${t('wizard.sessionExpired')}</p></div>
              ${login}`
          : nothing
      }
      <div ?hidden=${expired}>${expired && screen.name === 'login' ? nothing : this.#renderScreen(contact, loading, login)}</div>`;
  }

  #renderScreen(contact: string, loading: TemplateResult, login: TemplateResult): TemplateResult {
    const flow = this.#flow;
    const { state, screen } = this.#journey;
    const error = this.#renderError(contact);
    switch (screen.name) {
      case 'login':
        return login;
      case 'password-reset':
        return html`<reinscription-password-reset
          data-screen="password-reset"
          exportparts=${EXPORTED_PARTS}
          .client=${this.#client}
          .identifier=${state.identifier}
          contact-email=${contact}
          @reinscription-back-to-login=${(e: CustomEvent<{ identifier: string }>) => this.#journey.dispatch({ type: 'back-to-login', identifier: e.detail.identifier })}
        ></reinscription-password-reset>`;
      case 'home':
        return this.#renderHome(contact, loading);
      case 'step':
      case 'documents': {
        const view = this.#view(screen.studentId);
        if (!view) return error !== nothing ? error : flow.campaignError ? this.#renderCampaignMissing(contact) : loading;
        if (screen.name === 'documents') {
          return html`${error} ${documentsView(view, 'documents')}
            <div class="actions" part="nav">
              <button type="button" class="button" @click=${() => this.#journey.dispatch({ type: 'home' })}>${t('wizard.backHome')}</button>
            </div>`;
        }
        const { lastName, firstName } = view.work.answers.student;
        const visited = state.visited[screen.studentId] ?? 1;
        // Once sent, steps 1 to 5 cannot be reopened: the stepper keeps its heading, not its list.
        const sent = screen.step === LAST_STEP;
        const stepNav = view.steps.stepper({
          current: screen.step,
          visited,
          list: !sent,
          onGo: (to) => this.#journey.dispatch({ type: 'go-to', step: to as Step }),
        });
        const problem = flow.saveProblem
          ? saveProblemAlert(flow.saveProblem.error, this.#saves.state, this.#session.now(), contact, {
              retry: () => void flow.next(this.#stepElement()),
              continue: () => flow.continueUnsaved(),
            })
          : nothing;
        return html`
          <p class="student-heading">${t('wizard.studentHeading', { name: `${lastName} ${firstName}` })}</p>
          ${stepNav} ${stepViews[screen.step](view)} ${error} ${problem} ${this.#renderNav(screen.studentId, screen.step, screen.fromRecap)}
        `;
      }
    }
  }

  /** What a step's element is given, once the student's file and the step elements are there. */
  #view(studentId: string): StepView | undefined {
    const { family, steps } = this.#flow;
    const campaign = this.#campaign;
    const registration = this.#flow.registrations[studentId];
    const work = this.#journey.work(studentId);
    if (!registration || !work || !campaign || !steps || !this.#client) return undefined;
    const journey = this.#journey;
    return {
      steps,
      campaign,
      registration,
      family,
      work,
      studentId,
      adult: isAdultForSchoolYear(work.answers.student.birthDate, campaign.schoolYear),
      client: this.#client,
      assetsUrl: this.assetsUrl,
      familyConfirmed: journey.familyConfirmed,
      on: {
        answers: (patch) => journey.patchAnswers(studentId, patch),
        work: (patch) => journey.updateWork(studentId, patch),
        typed: (patch) => {
          journey.dirty = true;
          journey.updateWork(studentId, patch);
        },
        recapEdit: (step) => journey.dispatch({ type: 'go-to', step, fromRecap: true }),
        reregister: (id) => this.#flow.reregister(id),
        logout: () => this.#logout(),
        acceptedAt: () => this.#session.now().toISOString(),
      },
    };
  }

  #renderNav(studentId: string, step: Step, fromRecap: boolean): TemplateResult {
    const home = html`<button type="button" class="button button--link" @click=${() => this.#journey.dispatch({ type: 'home' })}>
      ${t('wizard.backHome')}
    </button>`;
    if (step === LAST_STEP) return html`<div class="actions" part="nav">${home}</div>`;
    const submitting = this.#journey.state.activity.name === 'submitting';
    const primary = step === RECAP ? (submitting ? t('wizard.submitting') : t('wizard.submit')) : fromRecap ? t('wizard.backToRecap') : t('wizard.next');
    return html`<div class="actions" part="nav">
      <button type="button" class="button" aria-disabled=${submitting ? 'true' : 'false'} @click=${() => this.#flow.next(this.#stepElement())}>
        ${primary}
      </button>
      ${
        step > 1 && !fromRecap
          ? html`<button type="button" class="button button--secondary" @click=${() => this.#back(studentId, step)}>${t('wizard.back')}</button>`
          : nothing
      }
      ${home}
    </div>`;
  }
}

export { STEPS };

define('reinscription-wizard', ReinscriptionWizard);

declare global {
  interface HTMLElementTagNameMap {
    'reinscription-wizard': ReinscriptionWizard;
  }
}
