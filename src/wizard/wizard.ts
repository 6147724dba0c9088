import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Campaign, Family, Registration, RegistrationAnswers, SubmissionRequest, UploadedDocument } from '../api/contract.js';
import { ApiClient, clientFor } from '../api/client.js';
import { ApiError } from '../api/errors.js';
import { define } from '../define.js';
import { emit, type AnswersPatch } from '../events.js';
import { mergeAnswers } from './answers.js';
import { isAdultForSchoolYear } from '../format/age.js';
import type { CoordinatesForm } from '../schemas/coordinates.js';
import { parisTime } from '../format/paris-time.js';
import { setLocale, t } from '../i18n/index.js';
import { apiErrorAlert, contactLine } from '../ui/api-error.js';
import { stepperStyles } from '../ui/stepper.styles.js';
import { baseStyles } from '../ui/styles.js';
import '../elements/login/login.js';
import '../elements/password-reset/password-reset.js';
import '../elements/family-home/family-home.js';
import { clearJourney, fingerprint, loadJourney, saveJourney, type StoredJourney, type StudentWork } from './journey-store.js';
import { loadSteps, type StepsModule } from './load-steps.js';
import type { StepElement } from './step-contract.js';
import { STEPS, transition, type JourneyEvent, type Step } from './machine.js';

const HISTORY_KEY = 'reinscriptionWizard';
/** The inner screens' parts, re-exported so the host page can style them through the wizard. */
const EXPORTED_PARTS =
  'heading, field, error-summary, alert, contact, section, notice, changes, courses, notes, table, panel, actions, campaign, students, student, badge, decline-panel, edit, warning, confirmation';
const SESSION_WARNING_MS = 3 * 60 * 1000;

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
 * @cssprop --rw-focus-ring - Focus outline (default 3px solid #f2a900).
 */
export class ReinscriptionWizard extends LitElement {
  static override styles = [
    baseStyles,
    stepperStyles,
    css`
      .session-warning {
        position: sticky;
        top: 0;
        z-index: 1;
      }
      .student-heading {
        font-size: 1.1em;
        color: var(--_muted);
        margin-bottom: 0.25em;
      }
      [part='nav'] {
        border-top: 1px solid var(--_border);
        padding-top: var(--_space);
      }
      @media (max-width: 480px) {
        [part='nav'] .button {
          width: 100%;
        }
      }
    `,
  ];

  /** Base URL of the backend API, e.g. https://api.example.fr/v1 */
  @property({ attribute: 'api-url' }) apiUrl = '';
  /** Interface language; French is the default and the source. */
  @property({ reflect: true }) override lang = 'fr';
  /**
   * Where the files the module loads later live (the compression worker). WordPress optimisation
   * plugins may move or concatenate the main file, which breaks import.meta.url; the plugin sets this.
   */
  @property({ attribute: 'assets-url' }) assetsUrl?: string;
  /** Contact e-mail shown before the campaign is loaded (the campaign's own wins afterwards). */
  @property({ attribute: 'contact-email' }) contactEmail = '';

  @state() private stored: StoredJourney = loadJourney('');
  @state() private campaign?: Campaign;
  @state() private family?: Family;
  @state() private registrations: Record<string, Registration> = {};
  @state() private documents: UploadedDocument[] = [];
  @state() private loadError?: unknown;
  /** Nothing is shown but « Chargement » until we know whether a session survives. */
  @state() private booting = false;
  @state() private actionError?: unknown;
  @state() private sessionExpired = false;
  @state() private sessionEndsSoon = false;
  @state() private busy = false;
  @state() private status = '';
  /** The step elements, loaded on first need (see steps.ts). */
  @state() private steps?: StepsModule;

  private client?: ApiClient;
  private dirty = false;
  private sessionTimer?: ReturnType<typeof setInterval>;
  private clockSkewMs = 0;

  /** The client exists as soon as api-url is set; calls are only made after that. */
  private get api(): ApiClient {
    if (!this.client) throw new Error('reinscription-wizard: the api-url attribute is missing');
    return this.client;
  }

  private get journey() {
    return this.stored.journey;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.onPopState);
    window.addEventListener('beforeunload', this.onBeforeUnload);
    this.sessionTimer = setInterval(() => this.checkSession(), 15000);
    this.client?.session.addEventListener('change', this.onSessionChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.onPopState);
    window.removeEventListener('beforeunload', this.onBeforeUnload);
    clearInterval(this.sessionTimer);
    this.client?.session.removeEventListener('change', this.onSessionChange);
  }

  /** A new expiry (login, extension, another element on the page) is checked at once. */
  private onSessionChange = () => this.checkSession();

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('lang')) setLocale(this.lang);
    if (changed.has('apiUrl') && this.apiUrl) {
      this.client?.session.removeEventListener('change', this.onSessionChange);
      this.client = clientFor(this.apiUrl);
      this.client.session.addEventListener('change', this.onSessionChange);
      this.stored = loadJourney(this.apiUrl);
      void this.boot();
    }
  }

  /** Loads the campaign (public), then the family when a session survives from this tab. */
  private async boot(): Promise<void> {
    const client = this.client;
    if (!client) return;
    this.loadError = undefined;
    this.booting = true;
    try {
      const campaign = await client.campaign();
      if (client.session.token) {
        try {
          await this.loadFamily();
          this.dispatch({ type: 'session-found' });
          const screen = this.journey.screen;
          if (screen.name === 'step' || screen.name === 'documents') {
            await this.loadRegistration(screen.studentId);
            await this.ensureSteps();
          }
        } catch (error) {
          // A token that no longer works (expired while the tab slept): start again from the login.
          if (!(error instanceof ApiError && error.kind === 'unauthorized')) throw error;
          client.session.clear();
          this.stored = { ...this.stored, journey: transition(this.journey, { type: 'logged-out' }) };
        }
      } else if (this.journey.screen.name !== 'login' && this.journey.screen.name !== 'password-reset') {
        this.stored = { ...this.stored, journey: transition(this.journey, { type: 'logged-out' }) };
      }
      this.campaign = campaign;
    } catch (error) {
      this.loadError = error;
    } finally {
      this.booting = false;
    }
  }

  private async loadFamily(): Promise<void> {
    this.family = await this.api.family();
  }

  private async loadRegistration(studentId: string): Promise<Registration> {
    const registration = await this.api.registration(studentId);
    this.registrations = { ...this.registrations, [studentId]: registration };
    this.documents = mergeDocuments(this.documents, registration.documents);
    const family = this.family ?? (await this.api.family());
    this.family = family;
    if (!this.stored.students[studentId]) this.setWork(studentId, initialWork(registration, family));
    return registration;
  }

  // ------------------------------------------------------------ state changes

  /**
   * Feeds an event to the machine. Each step gets one history entry (our own namespaced state, the
   * page URL untouched), so the browser's Back moves between steps instead of leaving the page.
   */
  private dispatch(event: JourneyEvent, { push = true } = {}): void {
    const before = this.journey.screen;
    const journey = transition(this.journey, event);
    if (journey === this.journey) return;
    this.stored = { ...this.stored, journey };
    this.persist();
    const after = journey.screen;
    if (after.name === 'step' || after.name === 'documents') void this.ensureSteps();
    if (after.name === 'step' && (before.name !== 'step' || before.step !== after.step || before.studentId !== after.studentId)) {
      const from = before.name === 'step' && before.studentId === after.studentId ? before.step : null;
      if (push) history.pushState({ ...(history.state as object | null), [HISTORY_KEY]: { studentId: after.studentId, step: after.step, from } }, '');
      emit(this, 'reinscription-step-change', { studentId: after.studentId, step: after.step });
    }
    if (before.name !== after.name || (after.name === 'step' && before.name === 'step' && before.step !== after.step)) {
      this.markTitle(false);
      this.actionError = undefined;
      this.status = '';
      void this.focusScreen();
    }
  }

  private async ensureSteps(): Promise<void> {
    if (this.steps) return;
    try {
      this.steps = await loadSteps(this.assetsUrl);
      void this.focusScreen();
    } catch (error) {
      this.actionError = error;
    }
  }

  private setWork(studentId: string, work: StudentWork): void {
    this.stored = { ...this.stored, students: { ...this.stored.students, [studentId]: work } };
    this.persist();
  }

  private updateWork(studentId: string, patch: Partial<StudentWork>): void {
    const work = this.stored.students[studentId];
    if (work) this.setWork(studentId, { ...work, ...patch });
  }

  private patchAnswers(studentId: string, patch: AnswersPatch): void {
    const work = this.stored.students[studentId];
    if (!work) return;
    this.dirty = true;
    this.setWork(studentId, { ...work, answers: mergeAnswers(work.answers, patch) });
  }

  private persist(): void {
    if (this.apiUrl) saveJourney(this.apiUrl, this.stored);
  }

  /** Moving to a screen moves focus to its heading, which screen readers announce. */
  private async focusScreen(): Promise<void> {
    await this.updateComplete;
    // On a step, the stepper's heading says where the parent is: « Étape 2 sur 6 : Autorisations ».
    const stepHeading = this.renderRoot.querySelector<HTMLElement>('#step-heading');
    if (stepHeading) {
      stepHeading.focus();
      return;
    }
    const el = this.renderRoot.querySelector<StepElement>('[data-screen]');
    if (!el) return;
    if ('updateComplete' in el) await (el as unknown as LitElement).updateComplete;
    el.focusHeading?.();
  }

  /** DSFR / GOV.UK: while a step shows errors, the page title starts with « Erreur : ». */
  private markTitle(hasErrors: boolean): void {
    const prefix = t('common.pageTitleErrorPrefix');
    const prefixed = document.title.startsWith(prefix);
    if (hasErrors && !prefixed) document.title = `${prefix}${document.title}`;
    else if (!hasErrors && prefixed) document.title = document.title.slice(prefix.length);
  }

  // ------------------------------------------------------------ browser integration

  /** Back and Forward between our entries move between steps; any other entry leads home. */
  private onPopState = (e: PopStateEvent) => {
    const target = (e.state as Record<string, { studentId: string; step: Step }> | null)?.[HISTORY_KEY];
    const screen = this.journey.screen;
    if (screen.name !== 'step' && screen.name !== 'documents') return;
    const reachable = target && screen.name === 'step' && target.studentId === screen.studentId && target.step <= (this.journey.visited[screen.studentId] ?? 1);
    if (reachable) this.dispatch({ type: 'go-to', step: target.step }, { push: false });
    else this.dispatch({ type: 'home' }, { push: false });
  };

  /** Whether something typed is not saved on the server yet (the page then warns before leaving). */
  get hasUnsavedChanges(): boolean {
    return this.dirty;
  }

  private onBeforeUnload = (e: BeforeUnloadEvent) => {
    if (!this.hasUnsavedChanges) return;
    e.preventDefault();
    // Older browsers show the prompt only when returnValue is set.
    e.returnValue = t('wizard.leaveWarning');
  };

  private checkSession(): void {
    const session = this.client?.session.session;
    if (!session || this.sessionExpired) return;
    const remaining = Date.parse(session.expiresAt) - (Date.now() + this.clockSkewMs);
    if (remaining <= 0) this.onSessionExpired();
    else this.sessionEndsSoon = remaining < SESSION_WARNING_MS;
  }

  private onSessionExpired(): void {
    this.sessionExpired = true;
    this.sessionEndsSoon = false;
    this.client?.session.clear();
    emit(this, 'reinscription-session-end', { reason: 'expired' });
  }

  /** Runs a backend call; a 401 asks to log in again without losing anything. */
  private async guard<T>(action: () => Promise<T>): Promise<T | undefined> {
    this.actionError = undefined;
    try {
      return await action();
    } catch (error) {
      if (error instanceof ApiError && error.kind === 'unauthorized') this.onSessionExpired();
      else this.actionError = error;
      return undefined;
    }
  }

  // ------------------------------------------------------------ handlers

  private onLoggedIn = async () => {
    // Fetch the steps while the parent reads the home page.
    void this.ensureSteps();
    const session = this.api.session.session;
    if (session) this.clockSkewMs = Date.parse(session.serverNow) - Date.now();
    const wasExpired = this.sessionExpired;
    this.sessionExpired = false;
    this.sessionEndsSoon = false;
    if (wasExpired) return;
    const ok = await this.guard(() => this.loadFamily());
    if (ok !== undefined || this.family) this.dispatch({ type: 'logged-in' });
  };

  private onReregister = async (e: CustomEvent<{ studentId: string }>) => {
    const { studentId } = e.detail;
    const registration = await this.guard(() => this.loadRegistration(studentId));
    if (!registration) return;
    const step = registration.submission ? 6 : (registration.draft?.step as Step | undefined);
    this.dispatch({ type: 'start', studentId, step: step ?? 1 });
  };

  private onAddDocuments = async (e: CustomEvent<{ studentId: string }>) => {
    const { studentId } = e.detail;
    if (await this.guard(() => this.loadRegistration(studentId))) this.dispatch({ type: 'add-documents', studentId });
  };

  private onLogout = async () => {
    await this.client?.logout();
    clearJourney(this.apiUrl);
    this.stored = loadJourney(this.apiUrl);
    this.family = undefined;
    this.registrations = {};
    this.documents = [];
    this.dirty = false;
    this.status = t('wizard.loggedOut');
    emit(this, 'reinscription-session-end', { reason: 'logout' });
    void this.focusScreen();
  };

  private onDeclined = () => {
    void this.guard(() => this.loadFamily());
  };

  private async extendSession(): Promise<void> {
    const session = await this.guard(() => this.api.extendSession());
    if (session) {
      this.clockSkewMs = Date.parse(session.serverNow) - Date.now();
      this.sessionEndsSoon = false;
      this.status = t('wizard.extended');
    }
  }

  private currentStepElement(): StepElement | null {
    return this.renderRoot.querySelector<StepElement>('[data-screen="step"]');
  }

  /** A second click while a step is being checked or sent does nothing (the first one goes on). */
  private moving = false;

  private async next(): Promise<void> {
    if (this.moving) return;
    this.moving = true;
    try {
      await this.moveOn();
    } finally {
      this.moving = false;
    }
  }

  private async moveOn(): Promise<void> {
    const screen = this.journey.screen;
    if (screen.name !== 'step' || this.busy) return;
    const el = this.currentStepElement();
    const work = this.stored.students[screen.studentId];
    if (!el || !work) return;
    if (el.busy) {
      this.status = t('wizard.waitUploads');
      await el.whenIdle?.();
      this.status = '';
    }
    const result = await el.validate();
    this.markTitle(!result.ok);
    if (!result.ok) return;
    const { answers, changes, family } = result.patch;
    this.setWork(screen.studentId, { ...work, answers: answers ? mergeAnswers(work.answers, answers) : work.answers, changes: changes ?? work.changes });
    if (family) {
      const saved = await this.guard(() => this.api.updateFamily(family));
      if (saved) this.family = saved;
      // Expired on the way, or refused by the server (422, said field by field): stay on this
      // step, everything kept. Other failures let the parent go on: the answers travel with the draft.
      if (this.sessionExpired || this.refused()) return;
    }
    if (screen.step === 5) {
      await this.submit(screen.studentId);
      return;
    }
    const saved = await this.saveDraft(screen.studentId, screen.fromRecap ? 5 : ((screen.step + 1) as Step));
    if (this.sessionExpired || this.refused()) return;
    this.dispatch({ type: 'next' });
    // Said on the next step, where the parent now is.
    this.status = saved;
  }

  /** « Retour à l'étape précédente » walks the history back when it came from there, so Back and Forward stay in step. */
  private back(): void {
    const screen = this.journey.screen;
    const entry = (history.state as Record<string, { studentId: string; step: number; from: number | null }> | null)?.[HISTORY_KEY];
    if (screen.name === 'step' && entry?.studentId === screen.studentId && entry.step === screen.step && entry.from === screen.step - 1) history.back();
    else this.dispatch({ type: 'back' });
  }

  /** The last call was refused for its content (422): the parent must change something. */
  private refused(): boolean {
    return this.actionError instanceof ApiError && this.actionError.kind === 'validation';
  }

  /** Saves the answers as a server draft; returns what to tell the parent. */
  private async saveDraft(studentId: string, step: Step): Promise<string> {
    const work = this.stored.students[studentId];
    if (!work) return '';
    const saved = await this.guard(() => this.api.saveDraft(studentId, { answers: work.answers, step }));
    if (saved) {
      this.dirty = false;
      return t('wizard.saved', { time: parisTime(saved.savedAt) });
    }
    if (this.refused()) return '';
    // Moving on is still allowed: the answers stay in this tab and are sent with the submission.
    this.actionError = undefined;
    return this.sessionExpired ? '' : t('wizard.saveFailed');
  }

  /** One submission per version of the answers: the key survives retries and reloads. */
  private async submit(studentId: string): Promise<void> {
    const work = this.stored.students[studentId];
    const campaign = this.campaign;
    if (!work || !campaign) return;
    const acceptedAt = work.acceptedAt ?? new Date(Date.now() + this.clockSkewMs).toISOString();
    const version = (code: 'image' | 'sortie') => campaign.authorisations.find((a) => a.code === code)?.version ?? '';
    const body: SubmissionRequest = {
      answers: work.answers,
      acceptance: { rulesVersion: campaign.rules.version, authorisationVersions: { image: version('image'), sortie: version('sortie') }, acceptedAt },
      changes: work.changes,
    };
    const print = fingerprint({ answers: body.answers, changes: body.changes, rules: body.acceptance.rulesVersion });
    const idempotency = work.idempotency?.fingerprint === print ? work.idempotency : { key: crypto.randomUUID(), fingerprint: print };
    this.setWork(studentId, { ...work, acceptedAt, idempotency });
    this.busy = true;
    const submission = await this.guard(() => this.api.submit(studentId, body, idempotency.key));
    this.busy = false;
    if (!submission) return;
    this.updateWork(studentId, { submission });
    this.dirty = false;
    emit(this, 'reinscription-submitted', { studentId, reference: submission.reference });
    this.dispatch({ type: 'submitted' });
    void this.guard(() => this.loadFamily());
  }

  // ------------------------------------------------------------ rendering

  override render(): TemplateResult {
    const contact = this.campaign?.contactEmail ?? this.contactEmail;
    return html`
      ${this.sessionEndsSoon && !this.sessionExpired ? this.renderSessionWarning() : nothing}
      <div role="status" class=${this.status ? 'notice' : 'visually-hidden'} part="alert">${this.status}</div>
      ${this.renderBody()} ${contact && this.journey.screen.name !== 'home' ? contactLine(contact) : nothing}
    `;
  }

  private renderSessionWarning(): TemplateResult {
    const session = this.client?.session.session;
    const minutes = session ? Math.max(1, Math.ceil((Date.parse(session.expiresAt) - Date.now() - this.clockSkewMs) / 60000)) : 1;
    return html`<div class="notice session-warning" role="alert" part="alert">
      <p>${t('wizard.sessionEnding', { minutes })}</p>
      <button type="button" class="button" @click=${() => this.extendSession()}>${t('wizard.extend')}</button>
    </div>`;
  }

  private renderBody(): TemplateResult {
    const contact = this.campaign?.contactEmail ?? this.contactEmail;
    if (this.loadError) {
      return html`${apiErrorAlert(this.loadError, contact)} <button type="button" class="button" @click=${() => this.boot()}>${t('common.retry')}</button>`;
    }
    if (!this.campaign || !this.client || this.booting) return html`<p role="status">${t('wizard.loading')}</p>`;
    if (this.sessionExpired) {
      return html`<div class="notice notice--error" role="alert" part="alert"><p>${t('wizard.sessionExpired')}</p></div>
        <reinscription-login
          data-screen="login"
          exportparts=${EXPORTED_PARTS}
          .client=${this.client}
          .identifier=${this.journey.identifier}
          contact-email=${contact}
          @reinscription-logged-in=${this.onLoggedIn}
        ></reinscription-login>`;
    }
    const screen = this.journey.screen;
    switch (screen.name) {
      case 'login':
        return html`<reinscription-login
          data-screen="login"
          exportparts=${EXPORTED_PARTS}
          .client=${this.client}
          .identifier=${this.journey.identifier}
          contact-email=${contact}
          @reinscription-logged-in=${this.onLoggedIn}
          @reinscription-forgot-password=${(e: CustomEvent<{ identifier: string }>) => this.dispatch({ type: 'forgot-password', identifier: e.detail.identifier })}
        ></reinscription-login>`;
      case 'password-reset':
        return html`<reinscription-password-reset
          data-screen="password-reset"
          exportparts=${EXPORTED_PARTS}
          .client=${this.client}
          .identifier=${this.journey.identifier}
          contact-email=${contact}
          @reinscription-back-to-login=${(e: CustomEvent<{ identifier: string }>) => this.dispatch({ type: 'back-to-login', identifier: e.detail.identifier })}
        ></reinscription-password-reset>`;
      case 'home':
        return html`${this.actionError ? apiErrorAlert(this.actionError, contact) : nothing}
        ${
          this.family
            ? html`<reinscription-family-home
                data-screen="home"
                exportparts=${EXPORTED_PARTS}
                .client=${this.client}
                .campaign=${this.campaign}
                .family=${this.family}
                @reinscription-reregister=${this.onReregister}
                @reinscription-add-documents=${this.onAddDocuments}
                @reinscription-declined=${this.onDeclined}
                @reinscription-logout=${this.onLogout}
              ></reinscription-family-home>`
            : html`<p role="status">${t('wizard.loading')}</p>`
        }`;
      case 'step':
        return this.renderStep(this.campaign, screen.studentId, screen.step, screen.fromRecap);
      case 'documents':
        return this.renderDocumentsOnly(screen.studentId);
    }
  }

  private renderStep(campaign: Campaign, studentId: string, step: Step, fromRecap: boolean): TemplateResult {
    const registration = this.registrations[studentId];
    const work = this.stored.students[studentId];
    const steps = this.steps;
    const contact = campaign.contactEmail;
    if (!registration || !work || !steps) return html`<p role="status">${t('wizard.loading')}</p>`;
    const name = `${work.answers.student.lastName} ${work.answers.student.firstName}`;
    const adult = isAdultForSchoolYear(work.answers.student.birthDate, campaign.schoolYear);
    const visited = this.journey.visited[studentId] ?? 1;
    const stepNav = steps.stepper({ current: step, visited, onGo: (to) => this.dispatch({ type: 'go-to', step: to as Step }) });
    const documentsState = steps.documentsState(campaign, registration, work.answers, adult, this.documents);
    const onAnswers = (e: CustomEvent<{ patch: AnswersPatch }>) => this.patchAnswers(studentId, e.detail.patch);
    let body: TemplateResult;
    switch (step) {
      case 1:
        body = html`<reinscription-coordinates
          data-screen="step"
          exportparts=${EXPORTED_PARTS}
          .campaign=${campaign}
          .original=${this.family ? originalOf(registration, this.family) : undefined}
          .form=${work.coordinatesForm ?? (registration.draft ? steps.draftForm(registration.draft.answers) : undefined)}
          @reinscription-form-change=${(e: CustomEvent<{ form: CoordinatesForm }>) => {
            this.dirty = true;
            this.updateWork(studentId, { coordinatesForm: e.detail.form });
          }}
        ></reinscription-coordinates>`;
        break;
      case 2:
        body = html`<reinscription-authorisations
          data-screen="step"
          exportparts=${EXPORTED_PARTS}
          .campaign=${campaign}
          .registration=${registration}
          .answers=${work.answers}
          .adult=${adult}
          @reinscription-answers-change=${onAnswers}
        ></reinscription-authorisations>`;
        break;
      case 3:
        body = html`<reinscription-documents
          data-screen="step"
          exportparts=${EXPORTED_PARTS}
          .client=${this.client}
          .campaign=${campaign}
          .registration=${registration}
          .answers=${work.answers}
          .adult=${adult}
          .studentId=${studentId}
          .assetsUrl=${this.assetsUrl}
          .documents=${this.documents}
          @reinscription-documents-change=${(e: CustomEvent<{ documents: UploadedDocument[] }>) => (this.documents = e.detail.documents)}
        ></reinscription-documents>`;
        break;
      case 4:
        body = html`<reinscription-courses
          data-screen="step"
          exportparts=${EXPORTED_PARTS}
          .campaign=${campaign}
          .registration=${registration}
          .answers=${work.answers}
          @reinscription-answers-change=${onAnswers}
        ></reinscription-courses>`;
        break;
      case 5:
        body = html`<reinscription-recap
          data-screen="step"
          exportparts=${EXPORTED_PARTS}
          .campaign=${campaign}
          .registration=${registration}
          .answers=${work.answers}
          .changes=${work.changes}
          .accepted=${work.accepted}
          .missingDocuments=${documentsState.missing}
          .providedDocuments=${documentsState.provided}
          @reinscription-answers-change=${onAnswers}
          @reinscription-accept-change=${(e: CustomEvent<{ accepted: boolean }>) =>
            this.updateWork(studentId, {
              accepted: e.detail.accepted,
              acceptedAt: e.detail.accepted ? new Date(Date.now() + this.clockSkewMs).toISOString() : undefined,
            })}
          @reinscription-recap-edit=${(e: CustomEvent<{ step: Step }>) => this.dispatch({ type: 'go-to', step: e.detail.step, fromRecap: true })}
        ></reinscription-recap>`;
        break;
      case 6: {
        const submission = work.submission ?? registration.submission;
        const others = (this.family?.students ?? [])
          .filter((s) => s.id !== studentId && (s.status === 'a-faire' || s.status === 'brouillon'))
          .map((s) => ({ id: s.id, name: `${s.lastName} ${s.firstName}` }));
        body = submission
          ? html`<reinscription-confirmation
              data-screen="step"
              exportparts=${EXPORTED_PARTS}
              .campaign=${campaign}
              .submission=${submission}
              .studentName=${name}
              .otherPending=${others}
              @reinscription-reregister=${this.onReregister}
              @reinscription-logout=${this.onLogout}
            ></reinscription-confirmation>`
          : html`<p>${t('wizard.noConfirmation')}</p>`;
        break;
      }
    }
    return html`
      <p class="student-heading">${t('wizard.studentHeading', { name })}</p>
      ${stepNav} ${this.actionError ? apiErrorAlert(this.actionError, contact) : nothing} ${body} ${this.renderNav(step, fromRecap)}
    `;
  }

  /** A file already sent: only its documents, until the campaign's documentsUntil. */
  private renderDocumentsOnly(studentId: string): TemplateResult {
    const registration = this.registrations[studentId];
    const work = this.stored.students[studentId];
    if (!registration || !work || !this.campaign || !this.steps) return html`<p role="status">${t('wizard.loading')}</p>`;
    return html`
      ${this.actionError ? apiErrorAlert(this.actionError, this.campaign.contactEmail) : nothing}
      <reinscription-documents
        data-screen="documents"
        exportparts=${EXPORTED_PARTS}
        .client=${this.client}
        .campaign=${this.campaign}
        .registration=${registration}
        .answers=${work.answers}
        .adult=${isAdultForSchoolYear(work.answers.student.birthDate, this.campaign.schoolYear)}
        .studentId=${studentId}
        .assetsUrl=${this.assetsUrl}
        .documents=${this.documents}
        @reinscription-documents-change=${(e: CustomEvent<{ documents: UploadedDocument[] }>) => (this.documents = e.detail.documents)}
      ></reinscription-documents>
      <div class="actions" part="nav">
        <button type="button" class="button" @click=${() => this.dispatch({ type: 'home' })}>${t('wizard.backHome')}</button>
      </div>
    `;
  }

  private renderNav(step: Step, fromRecap: boolean): TemplateResult {
    const home = html`<button type="button" class="button button--link" @click=${() => this.dispatch({ type: 'home' })}>${t('wizard.backHome')}</button>`;
    if (step === 6) return html`<div class="actions" part="nav">${home}</div>`;
    const primary = step === 5 ? (this.busy ? t('wizard.submitting') : t('wizard.submit')) : fromRecap ? t('wizard.backToRecap') : t('wizard.next');
    return html`<div class="actions" part="nav">
      <button type="button" class="button" aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => this.next()}>${primary}</button>
      ${
        step > 1 && !fromRecap ? html`<button type="button" class="button button--secondary" @click=${() => this.back()}>${t('wizard.back')}</button>` : nothing
      }
      ${home}
    </div>`;
  }
}

/** What the backend sent: the baseline of « Éléments modifiés ». */
function originalOf(registration: Registration, family: Family) {
  return { guardian: family.guardian, student: registration.student, paymentMode: family.paymentMode, bankChanged: family.bankChanged };
}

function initialWork(registration: Registration, family: Family): StudentWork {
  const answers: RegistrationAnswers = registration.draft?.answers ?? {
    guardian: family.guardian,
    student: registration.student,
    paymentMode: family.paymentMode,
    bankChanged: family.bankChanged,
    authorisations: { image: null, sortie: null },
    administrativeReregistration: false,
    additionalInfo: '',
  };
  return { answers, changes: [], accepted: false, submission: registration.submission ?? undefined };
}

function mergeDocuments(current: UploadedDocument[], incoming: UploadedDocument[]): UploadedDocument[] {
  const byId = new Map(current.map((d) => [d.id, d]));
  for (const d of incoming) byId.set(d.id, d);
  return [...byId.values()];
}

export { STEPS };

define('reinscription-wizard', ReinscriptionWizard);

declare global {
  interface HTMLElementTagNameMap {
    'reinscription-wizard': ReinscriptionWizard;
  }
}
