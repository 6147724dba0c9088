import {
  adoptStyles,
  html,
  nothing,
  type CSSResultOrNative,
  type LitElement,
  type PropertyValues,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import { clientFor, type ApiClient } from '../api/client.js';
import type { Campaign } from '../api/contract.js';
import { ApiError } from '../api/errors.js';
import { localiseCampaign } from '../api/localise.js';
import { PrintController } from '../controllers/print-controller.js';
import { SessionController } from '../controllers/session-controller.js';
import { define } from '../define.js';
import { ReinscriptionFamilyHome } from '../elements/family-home/family-home.js';
import { ReinscriptionPasswordReset } from '../elements/password-reset/password-reset.js';
import { emit } from '../events.js';
import { parisDate, parisTime } from '../format/paris-time.js';
import '../i18n/fr/app-catalogue.js';
import { t, type Language } from '../i18n/index.js';
import { isAdultForSchoolYear } from '../schemas/age.js';
import { apiErrorAlert } from '../ui/api-error.js';
import { footer } from '../ui/footer.js';
import { refusedFields, stepOfFieldErrors } from '../ui/server-errors.js';
import { stepperStyles } from '../ui/stepper.styles.js';
import { DeadlineController } from './deadline-controller.js';
import { WizardFlow } from './flow.js';
import { HistoryController } from './history-controller.js';
import { JourneyController } from './journey-controller.js';
import { screenFrame } from './login-view.js';
import { LAST_STEP, RECAP, type JourneyState, type Step } from './machine.js';
import { EXPORTED_PARTS } from './parts.js';
import { SaveQueueController } from './save-queue.js';
import { queueProblemAlert, saveProblemAlert, saveStatusText, type QueueProblemActions } from './save-status.js';
import type { StepElement } from './step-contract.js';
import { documentsView, stepViews, type StepView } from './step-views.js';

/**
 * Defines the screens after the login, from the classes: an export load-app.ts calls, never a side
 * effect of the import, which a bundler that believes the module pure would drop (see steps.ts).
 */
export function defineApp(): void {
  define('reinscription-password-reset', ReinscriptionPasswordReset);
  define('reinscription-family-home', ReinscriptionFamilyHome);
}

/** What the app needs of <reinscription-wizard> (wizard.ts), which loads it. */
export interface WizardHost extends ReactiveControllerHost, HTMLElement {
  apiUrl: string;
  assetsUrl?: string | undefined;
  contactEmail: string;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export interface AppOptions {
  /** The language shown, once its strings are there (the shell applies `lang`). */
  language: () => Language;
  /** The wizard's own styles, to which the stepper's are added (they arrive with this module). */
  styles: CSSResultOrNative[];
  /** False when the parent logged in before this module arrived: loggedIn() follows, the session is not « resumed ». */
  resume: boolean;
}

/**
 * Everything <reinscription-wizard> does after the login's first field is painted: the journey
 * (machine, history, session expiry, save queue, deadline), the backend calls (flow.ts) and every
 * screen but the login. It arrives in a chunk of its own, started as soon as the login is painted
 * (wizard.ts), so the page's first download is the login alone. The shell renders the frame and
 * the login; this renders the rest into it, through the host's controllers and render root.
 */
export class WizardApp {
  #client?: ApiClient;
  readonly #host: WizardHost;
  readonly #o: AppOptions;
  readonly #journey: JourneyController;
  readonly #session: SessionController;
  readonly #history: HistoryController;
  readonly #saves: SaveQueueController;
  readonly #flow: WizardFlow;
  readonly #deadline: DeadlineController;
  #shownProblem: unknown;

  constructor(host: WizardHost, options: AppOptions) {
    this.#host = host;
    this.#o = options;
    this.#journey = new JourneyController(host, {
      onChange: (before, after, o) => this.#onJourneyChange(before, after, o),
      unsaved: () => this.hasUnsavedChanges,
    });
    this.#session = new SessionController(host, { client: () => this.#client, onExpired: () => this.#flow.expired() });
    this.#history = new HistoryController(host, (target) => this.#journey.dispatch({ type: 'history', target }, { push: false }));
    this.#saves = new SaveQueueController(host, { now: () => this.#session.now(), onUnauthorized: () => this.#flow.expired() });
    this.#flow = new WizardFlow(host, {
      journey: this.#journey,
      session: this.#session,
      saves: this.#saves,
      client: () => this.#client,
      assetsUrl: () => host.assetsUrl,
    });
    // The campaign closed while the parent typed: « Imprimer mes réponses » (and Ctrl+P) prints the
    // recap alone, every answer, not the town's page around it nor the buttons.
    new PrintController(host, { target: () => (this.#closedWhileTyping ? this.#stepElement() : null), hideInside: 'button, .actions' });
    this.#deadline = new DeadlineController(
      host,
      () => this.#flow.campaign?.closesAt,
      () => this.#session.now(),
    );
    if (host.shadowRoot) adoptStyles(host.shadowRoot, [...options.styles, stepperStyles]);
    this.#open(options.resume);
  }

  /** Whether something typed is not saved on the server yet (the page then warns before leaving). */
  get hasUnsavedChanges(): boolean {
    return this.#journey.dirty || this.#saves.pending;
  }

  get client(): ApiClient | undefined {
    return this.#client;
  }

  /** The identifier the login is prefilled with (after an expiry, or back from the password reset). */
  get identifier(): string {
    return this.#journey.state.identifier;
  }

  /** Whom to write to: the campaign's contact once it is there, the host's attribute before. */
  get contact(): string {
    return this.#flow.campaign?.contactEmail ?? this.#host.contactEmail;
  }

  willUpdate(changed: PropertyValues): void {
    if (changed.has('apiUrl')) this.#open();
  }

  /** A failure met on the screen the parent is on takes focus, so it is read and seen (at 360 px, the button pressed may be far below it). */
  updated(): void {
    const problem = this.#flow.saveProblem ?? (this.#journey.screen.name === 'login' ? undefined : this.#flow.actionError);
    if (problem === this.#shownProblem) return;
    this.#shownProblem = problem;
    if (problem) this.#host.renderRoot.querySelector<HTMLElement>('#save-problem, #api-error')?.focus();
  }

  /**
   * The home shows once the family is there: focus goes to its heading then. After an expiry, the
   * login that stood over the screen is gone with the focus it held: it goes to that screen's heading.
   */
  async loggedIn(identifier: string): Promise<void> {
    await this.#flow.loggedIn(identifier);
    void this.#focusScreen();
  }

  forgotPassword(identifier: string): void {
    this.#journey.dispatch({ type: 'forgot-password', identifier });
  }

  #open(resume = true): void {
    const apiUrl = this.#host.apiUrl;
    if (!apiUrl) return;
    this.#client = clientFor(apiUrl);
    this.#journey.open(apiUrl);
    // Without a session this ends before the next render: the login the parent may be typing in stays.
    void this.#flow.boot({ resume });
  }

  /** The campaign in the language shown: its own texts translated where the backend sent them (api/localise.ts). */
  get #campaign(): Campaign | undefined {
    const campaign = this.#flow.campaign;
    return campaign && localiseCampaign(campaign, this.#o.language());
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
      emit(this.#host, 'reinscription-step-change', { studentId: now.studentId, step: now.step });
    }
    if (was.name !== now.name || newStep) {
      this.#flow.screenChanged();
      // A session lost while the page slept is not a reason to take the page's focus on load.
      if (!(before.activity.name === 'booting' && now.name === 'login')) void this.#focusScreen();
    }
    // Back home from a file: its draft, submission or decline shows at once.
    if (now.name === 'home' && (was.name === 'step' || was.name === 'documents')) void this.#flow.refreshFamily();
    // The session ran out: the login shows over the screen, focus on its identifier (already typed), which says whose session it was.
    if (after.sessionExpired && !before.sessionExpired)
      void this.#host.updateComplete.then(() => this.#host.renderRoot.querySelector<HTMLElement>('reinscription-login')?.focus());
  }

  /** Moving to a screen moves focus to its heading, which screen readers announce. */
  async #focusScreen(): Promise<void> {
    await this.#host.updateComplete;
    // On a step, the stepper's heading says where the parent is: « Étape 2 sur 6 : Autorisations ».
    const stepHeading = this.#host.renderRoot.querySelector<HTMLElement>('#step-heading');
    if (stepHeading) return stepHeading.focus();
    (await this.#renderedScreen('[data-screen]'))?.focusHeading();
  }

  /** The screen's element once both the wizard and it have rendered. */
  async #renderedScreen(selector: string): Promise<StepElement | null> {
    await this.#host.updateComplete;
    const el = this.#host.renderRoot.querySelector<StepElement>(selector);
    if (el && 'updateComplete' in el) await (el as unknown as LitElement).updateComplete;
    return el;
  }

  get #closedWhileTyping(): boolean {
    const error = this.#flow.actionError;
    return error instanceof ApiError && error.kind === 'campaign-closed' && this.#journey.screen.name === 'step';
  }

  #stepElement(): StepElement | null {
    return this.#host.renderRoot.querySelector<StepElement>('[data-screen="step"]');
  }

  /** « Retour à l'étape précédente » walks the history back when it came from there, so Back and Forward stay in step. */
  #back(studentId: string, step: Step): void {
    if (!this.#history.back(studentId, step)) this.#journey.dispatch({ type: 'back' });
  }

  async #logout(): Promise<void> {
    await this.#flow.logout();
    void this.#focusScreen();
  }

  // ------------------------------------------------------------ rendering

  /** The polite status line: saved, extended, logged out, waiting for uploads. */
  get status(): string {
    return this.#flow.status;
  }

  /** Whether the answers are on the server: « Enregistré à 14:32 », « Pas encore enregistré… ». */
  get saved(): string {
    return saveStatusText(this.#saves.state, this.#session.now());
  }

  /**
   * The contact line (left out on the home, which has its own) and the town's « Déclaration
   * d'accessibilité », from the campaign. Not before this module: the login's own alerts give the
   * contact, and the statement's address comes with the campaign anyway.
   */
  renderFooter(): TemplateResult | typeof nothing {
    return footer(this.#journey.state.screen.name === 'home' ? '' : this.contact, this.#flow.campaign?.accessibility);
  }

  /**
   * What stands above the screen: the session about to end, the campaign's last hour, a write the
   * queue sent by itself and the server refused, which the parent has not been told of on a step.
   */
  renderNotices(): TemplateResult {
    const { state } = this.#journey;
    const campaign = this.#flow.campaign;
    const loggedIn = state.screen.name !== 'login' && state.screen.name !== 'password-reset' && !state.sessionExpired;
    const queue = this.#saves.state;
    const untold = (queue.name === 'refused' || queue.name === 'failed') && !this.#flow.saveProblem && !this.#flow.toldSaveErrors.has(queue.error);
    return html`${this.#session.endsSoon && !state.sessionExpired ? this.#renderSessionWarning() : nothing}
    ${this.#deadline.lastHour && campaign && state.screen.name !== 'login' ? this.#renderLastHour(campaign.closesAt) : nothing}
    ${loggedIn && untold ? queueProblemAlert(queue, this.contact, this.#queueProblemActions()) : nothing}`;
  }

  /** « Réessayer maintenant », or « Corriger à l'étape n » when that step of this student can be opened from here. */
  #queueProblemActions(): QueueProblemActions {
    const queue = this.#saves.state;
    const retry = () => void this.#saves.flush();
    const { screen, state } = this.#journey;
    if (queue.name !== 'refused' || screen.name !== 'step') return { retry };
    const fieldErrors = queue.error.details.fieldErrors ?? {};
    const step = queue.key === 'family' ? 1 : queue.key === `draft:${screen.studentId}` ? stepOfFieldErrors(fieldErrors) : undefined;
    if (!step || step > (state.visited[screen.studentId] ?? 1)) return { retry };
    const go = async (): Promise<void> => {
      this.#journey.dispatch({ type: 'go-to', step });
      const el = await this.#renderedScreen('[data-screen="step"]');
      // Marked next to each field and in the step's summary: the alert above has said its part.
      if (el?.showServerErrors?.(fieldErrors)) {
        this.#flow.toldSaveErrors.add(queue.error);
        this.#host.requestUpdate();
      }
    };
    return { retry, fix: { step, go: () => void go() } };
  }

  #renderSessionWarning(): TemplateResult {
    return html`<div class="notice session-warning" role="alert" part="alert">
      <p>${t('wizard.sessionEnding', { minutes: this.#session.minutesLeft() })}</p>
      <button type="button" class="button" @click=${() => this.#flow.extendSession()}>${t('wizard.extend')}</button>
    </div>`;
  }

  #renderLastHour(closesAt: string): TemplateResult {
    // At 23 h 40 a campaign closing at 0 h 10 does not close « aujourd’hui ».
    const afterMidnight = parisDate(closesAt) !== parisDate(this.#session.now());
    return html`<div class="notice notice--warning" role="status" part="deadline">
      <p>${t('wizard.lastHour', { time: parisTime(closesAt), afterMidnight })}</p>
    </div>`;
  }

  /** The failure of the last call on this screen, with « Réessayer » when trying again is the way out. */
  #renderError(contact: string): TemplateResult | typeof nothing {
    const { actionError, retry, actionLead } = this.#flow;
    if (!actionError) return nothing;
    const closed = actionError instanceof ApiError && actionError.kind === 'campaign-closed';
    const actions = retry
      ? html`<div class="actions"><button type="button" class="button" @click=${() => retry()}>${t('common.retry')}</button></div>`
      : closed
        ? html`<div class="actions"><button type="button" class="button" @click=${() => window.print()}>${t('wizard.printAnswers')}</button></div>`
        : nothing;
    const lead = closed ? t('wizard.closedWhileTyping', { email: contact }) : actionLead;
    return apiErrorAlert(actionError, contact, { lead, actions, fields: refusedFields(actionError) });
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

  /** The body (shell's screenFrame): `login` is the shell's loginView, the same element before and after this module. */
  renderBody(contact: string, login: TemplateResult, loading: TemplateResult): TemplateResult {
    const { state, screen } = this.#journey;
    if (!this.#client || state.activity.name === 'booting') return loading;
    // The session ran out: the login shows over the screen, which stays in the page, hidden, so
    // what an inner element holds (a decline's reason, a piece being listed) is there after the login.
    // One template either way, so the screen's elements are the same ones before and after.
    const expired = state.sessionExpired;
    return screenFrame(
      expired
        ? html`<div class="notice notice--error" role="alert" part="alert"><p>${t('wizard.sessionExpired')}</p></div>
            ${login}`
        : nothing,
      expired && screen.name === 'login' ? nothing : this.#renderScreen(contact, loading, login),
      expired,
    );
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
      assetsUrl: this.#host.assetsUrl,
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
