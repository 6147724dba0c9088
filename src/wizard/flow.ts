import type { ReactiveControllerHost } from 'lit';
import type { ApiClient } from '../api/client.js';
import type { Campaign, Family, Registration, RegistrationAnswers, SubmissionRequest } from '../api/contract.js';
import { ApiError } from '../api/errors.js';
import type { SessionController } from '../controllers/session-controller.js';
import { emit } from '../events.js';
import { parisTime } from '../format/paris-time.js';
import { t } from '../i18n/index.js';
import { mergeAnswers } from './answers.js';
import type { JourneyController } from './journey-controller.js';
import { fingerprint, type StudentWork } from './journey-store.js';
import { loadSteps, type StepsModule } from './load-steps.js';
import { RECAP, transition, type Step } from './machine.js';
import type { StepElement } from './step-contract.js';

type Host = ReactiveControllerHost & HTMLElement;

export interface FlowOptions {
  journey: JourneyController;
  session: SessionController;
  client: () => ApiClient | undefined;
  assetsUrl: () => string | undefined;
}

/**
 * What the wizard fetches from the backend and sends to it, in the order the journey needs:
 * booting, opening a student's file, moving on from a step (check, save the family, save the
 * draft), the submission (one Idempotency-Key per version of the answers). Every failure lands in
 * `loadError` (nothing can be shown) or `actionError` (shown on the screen, what was typed kept);
 * a 401 expires the session, and the parent logs in again over the screen, losing nothing.
 * Not a reactive controller (it has no lifecycle of its own): the wizard's controllers hold the
 * state; this holds what the backend said, and asks the host to render when it changes.
 */
export class WizardFlow {
  campaign?: Campaign;
  family?: Family;
  registrations: Record<string, Registration> = {};
  loadError?: unknown;
  actionError?: unknown;
  /** The polite status line: saved, extended, logged out, waiting for uploads. */
  status = '';
  /** The step elements, loaded on first need (see steps.ts). */
  steps?: StepsModule;

  readonly #host: Host;
  readonly #o: FlowOptions;

  constructor(host: Host, options: FlowOptions) {
    this.#host = host;
    this.#o = options;
  }

  get #api(): ApiClient {
    const client = this.#o.client();
    if (!client) throw new Error('reinscription-wizard: the api-url attribute is missing');
    return client;
  }

  #set(patch: Partial<Pick<WizardFlow, 'campaign' | 'family' | 'registrations' | 'loadError' | 'actionError' | 'status' | 'steps'>>): void {
    Object.assign(this, patch);
    this.#host.requestUpdate();
  }

  /** Loads the campaign (public), then the family when a session survives from this tab. */
  async boot(): Promise<void> {
    const client = this.#o.client();
    const { journey } = this.#o;
    if (!client) return;
    this.#set({ loadError: undefined });
    journey.dispatch({ type: 'boot' });
    try {
      const campaign = await client.campaign();
      if (client.session.token) {
        try {
          await this.#loadFamily();
          journey.dispatch({ type: 'session-found' });
          const screen = journey.screen;
          if (screen.name === 'step' || screen.name === 'documents') {
            await this.#loadRegistration(screen.studentId);
            await this.ensureSteps();
          }
        } catch (error) {
          // A token that no longer works (expired while the tab slept): start again from the login.
          if (!(error instanceof ApiError && error.kind === 'unauthorized')) throw error;
          client.session.clear();
          journey.dispatch({ type: 'logged-out' });
        }
      } else if (journey.screen.name !== 'login' && journey.screen.name !== 'password-reset') {
        journey.dispatch({ type: 'logged-out' });
      }
      this.#set({ campaign });
    } catch (error) {
      this.#set({ loadError: error });
    } finally {
      journey.dispatch({ type: 'booted' });
    }
  }

  async ensureSteps(): Promise<void> {
    if (this.steps) return;
    try {
      this.#set({ steps: await loadSteps(this.#o.assetsUrl()) });
    } catch (error) {
      this.#set({ actionError: error });
    }
  }

  async loggedIn(identifier: string): Promise<void> {
    // Fetch the steps while the parent reads the home page.
    void this.ensureSteps();
    const { journey, session } = this.#o;
    session.sync();
    if (!journey.state.sessionExpired) await this.#guard(() => this.#loadFamily());
    if (journey.state.sessionExpired || this.family) journey.dispatch({ type: 'logged-in', identifier });
  }

  /** « Je souhaite réinscrire »: the student's file, then the step a draft reached (or the confirmation). */
  async reregister(studentId: string): Promise<void> {
    const { journey } = this.#o;
    journey.dispatch({ type: 'opening', studentId });
    try {
      const registration = await this.#guard(() => this.#loadRegistration(studentId));
      if (!registration) return;
      const step = registration.submission ? 6 : (registration.draft?.step as Step | undefined);
      journey.dispatch({ type: 'start', studentId, step: step ?? 1 });
    } finally {
      journey.dispatch({ type: 'idle' });
    }
  }

  async addDocuments(studentId: string): Promise<void> {
    if (await this.#guard(() => this.#loadRegistration(studentId))) this.#o.journey.dispatch({ type: 'add-documents', studentId });
  }

  async logout(): Promise<void> {
    await this.#o.client()?.logout();
    this.#o.journey.forget();
    this.#set({ family: undefined, registrations: {}, status: t('wizard.loggedOut') });
    emit(this.#host, 'reinscription-session-end', { reason: 'logout' });
  }

  /** A decline, a draft or a submission changed the family's statuses: read them again. */
  async refreshFamily(): Promise<void> {
    await this.#guard(() => this.#loadFamily());
  }

  async extendSession(): Promise<void> {
    if (await this.#guard(() => this.#o.session.extend())) this.#set({ status: t('wizard.extended') });
  }

  expired(): void {
    this.#o.journey.dispatch({ type: 'session-expired' });
    this.#o.client()?.session.clear();
    emit(this.#host, 'reinscription-session-end', { reason: 'expired' });
  }

  /** « Passer à l'étape suivante » (and « Valider »): a second click while the first runs does nothing. */
  async next(el: StepElement | null): Promise<void> {
    const { journey } = this.#o;
    if (journey.state.activity.name !== 'idle') return;
    journey.dispatch({ type: 'moving' });
    try {
      await this.#moveOn(el);
    } finally {
      journey.dispatch({ type: 'idle' });
    }
  }

  async #moveOn(el: StepElement | null): Promise<void> {
    const { journey } = this.#o;
    const screen = journey.screen;
    const work = screen.name === 'step' ? journey.work(screen.studentId) : undefined;
    if (screen.name !== 'step' || !el || !work) return;
    if (el.busy) {
      this.#set({ status: t('wizard.waitUploads') });
      await el.whenIdle?.();
      this.#set({ status: '' });
    }
    // A refused step shows, focuses and titles its own errors (FieldErrorsController).
    const result = await el.validate();
    if (!result.ok) return;
    const { studentId } = screen;
    const { answers, changes, family } = result.patch;
    journey.setWork(studentId, { ...work, answers: answers ? mergeAnswers(work.answers, answers) : work.answers, changes: changes ?? work.changes });
    if (family) {
      const saved = await this.#guard(() => this.#api.updateFamily(family));
      if (saved) {
        this.#set({ family: saved });
        journey.confirmFamily(studentId, this.#o.session.now().toISOString());
      }
      // Expired on the way, or refused by the server (422, said field by field): stay on this
      // step, everything kept. Other failures let the parent go on: the answers travel with the draft.
      if (journey.state.sessionExpired || this.#refused()) return;
    }
    if (screen.step === RECAP) return this.#submit(studentId);
    // The draft remembers where the parent will be: the machine says where « next » leads.
    const to = transition(journey.state, { type: 'next' }).screen;
    const saved = await this.#saveDraft(studentId, to.name === 'step' ? to.step : screen.step);
    if (journey.state.sessionExpired || this.#refused()) return;
    journey.dispatch({ type: 'next' });
    // Said on the next step, where the parent now is.
    this.#set({ status: saved });
  }

  /** Saves the answers as a server draft; returns what to tell the parent. */
  async #saveDraft(studentId: string, step: Step): Promise<string> {
    const { journey } = this.#o;
    const work = journey.work(studentId);
    if (!work) return '';
    const saved = await this.#guard(() => this.#api.saveDraft(studentId, { answers: work.answers, step }));
    if (saved) {
      journey.dirty = false;
      return t('wizard.saved', { time: parisTime(saved.savedAt) });
    }
    if (this.#refused()) return '';
    // Moving on is still allowed: the answers stay in this tab and are sent with the submission.
    this.#set({ actionError: undefined });
    return journey.state.sessionExpired ? '' : t('wizard.saveFailed');
  }

  /** One submission per version of the answers: the key survives retries and reloads. */
  async #submit(studentId: string): Promise<void> {
    const { journey, session } = this.#o;
    const work = journey.work(studentId);
    const campaign = this.campaign;
    if (!work || !campaign) return;
    const acceptedAt = work.acceptedAt ?? session.now().toISOString();
    const version = (code: 'image' | 'sortie') => campaign.authorisations.find((a) => a.code === code)?.version ?? '';
    const body: SubmissionRequest = {
      answers: work.answers,
      acceptance: { rulesVersion: campaign.rules.version, authorisationVersions: { image: version('image'), sortie: version('sortie') }, acceptedAt },
      changes: work.changes,
    };
    const print = fingerprint({ answers: body.answers, changes: body.changes, rules: body.acceptance.rulesVersion });
    const idempotency = work.idempotency?.fingerprint === print ? work.idempotency : { key: crypto.randomUUID(), fingerprint: print };
    journey.setWork(studentId, { ...work, acceptedAt, idempotency });
    journey.dispatch({ type: 'submitting' });
    const submission = await this.#guard(() => this.#api.submit(studentId, body, idempotency.key));
    if (!submission) return;
    journey.updateWork(studentId, { submission });
    journey.dirty = false;
    emit(this.#host, 'reinscription-submitted', { studentId, reference: submission.reference });
    journey.dispatch({ type: 'submitted' });
    void this.#guard(() => this.#loadFamily());
  }

  async #loadFamily(): Promise<void> {
    this.#set({ family: await this.#api.family() });
  }

  async #loadRegistration(studentId: string): Promise<Registration> {
    const { journey } = this.#o;
    const registration = await this.#api.registration(studentId);
    this.#set({ registrations: { ...this.registrations, [studentId]: registration } });
    const family = this.family ?? (await this.#api.family());
    this.#set({ family });
    const work = journey.work(studentId);
    // The server's list of pieces is the truth; the journey keeps it for a reload.
    if (work) journey.updateWork(studentId, { documents: registration.documents });
    else journey.setWork(studentId, initialWork(registration, family));
    return registration;
  }

  /** A new screen starts without the last screen's messages. */
  screenChanged(): void {
    this.#set({ actionError: undefined, status: '' });
  }

  /** Runs a backend call; a 401 asks to log in again without losing anything. */
  async #guard<T>(action: () => Promise<T>): Promise<T | undefined> {
    this.#set({ actionError: undefined });
    try {
      return await action();
    } catch (error) {
      if (error instanceof ApiError && error.kind === 'unauthorized') this.expired();
      else this.#set({ actionError: error });
      return undefined;
    }
  }

  /** The last call was refused for its content (422): the parent must change something. */
  #refused(): boolean {
    return this.actionError instanceof ApiError && this.actionError.kind === 'validation';
  }
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
  return { answers, changes: [], documents: registration.documents, accepted: false, submission: registration.submission ?? undefined };
}
