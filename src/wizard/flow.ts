import type { ReactiveControllerHost } from 'lit';
import type { ApiClient } from '../api/client.js';
import type { Campaign, Family, FamilyUpdate, Registration, RegistrationAnswers, SubmissionRequest } from '../api/contract.js';
import { ApiError } from '../api/errors.js';
import type { SessionController } from '../controllers/session-controller.js';
import { emit } from '../events.js';
import { t } from '../i18n/index.js';
import { mergeAnswers } from './answers.js';
import type { JourneyController } from './journey-controller.js';
import type { SaveOutcome, SaveQueueController } from './save-queue.js';
import { fingerprint, type PendingWrite, type StudentWork } from './journey-store.js';
import { loadSteps, type StepsModule } from './load-steps.js';
import { RECAP, transition, type Step } from './machine.js';
import type { StepElement } from './step-contract.js';
import '../i18n/fr/app-catalogue.js';

type Host = ReactiveControllerHost & HTMLElement;

export interface FlowOptions {
  journey: JourneyController;
  session: SessionController;
  saves: SaveQueueController;
  client: () => ApiClient | undefined;
  assetsUrl: () => string | undefined;
}

/**
 * What the wizard fetches from the backend and sends to it, in the order the journey needs:
 * booting, opening a student's file, moving on from a step (check, save the family, save the
 * draft, both through the save queue), the submission (one Idempotency-Key per version of the
 * answers). Every failure is said on the screen where it happens, what was typed kept:
 * `campaignError` (the login still works), `actionError` with `retry` (« Réessayer » does the same
 * call again), `saveProblem` (a write that did not reach the server as the parent left a step);
 * a 401 expires the session, and the parent logs in again over the screen, losing nothing.
 * Not a reactive controller (it has no lifecycle of its own): the wizard's controllers hold the
 * state; this holds what the backend said, and asks the host to render when it changes.
 */
export class WizardFlow {
  campaign?: Campaign;
  family?: Family;
  registrations: Record<string, Registration> = {};
  /** The campaign could not be loaded: the login works anyway, the home says what is missing. */
  campaignError?: unknown;
  actionError?: unknown;
  /** What « Réessayer » beside `actionError` does: the call that failed, once more. */
  retry?: () => Promise<void>;
  /** Said before the error's own sentence: what worked, what did not (« Connexion réussie, mais… »). */
  actionLead?: string;
  /** Leaving a step, its answers did not reach the server: the step says so, and offers to retry or go on. */
  saveProblem?: { error: unknown; draft?: PendingWrite };
  /** Save failures the parent has been told of on the step (so the queue's later state does not say them twice). */
  readonly toldSaveErrors = new Set<unknown>();
  /** The polite status line: saved, extended, logged out, waiting for uploads. */
  status = '';
  /** The step elements, loaded on first need (see steps.ts). */
  steps?: StepsModule;

  readonly #host: Host;
  readonly #o: FlowOptions;
  /** The family's details sent from a step 1 and not on the server yet: they win over what it says. */
  #unsavedFamily: FamilyUpdate | undefined;

  constructor(host: Host, options: FlowOptions) {
    this.#host = host;
    this.#o = options;
  }

  get #api(): ApiClient {
    const client = this.#o.client();
    if (!client) throw new Error('reinscription-wizard: the api-url attribute is missing');
    return client;
  }

  #set(
    patch: Partial<
      Pick<WizardFlow, 'campaign' | 'family' | 'registrations' | 'campaignError' | 'actionError' | 'retry' | 'actionLead' | 'saveProblem' | 'status' | 'steps'>
    >,
  ): void {
    Object.assign(this, patch);
    this.#host.requestUpdate();
  }

  /**
   * Loads the campaign (public) without waiting for it: the login shows at once. With a session
   * that survives from this tab (unless `resume` is false), the family and the screen the parent was on.
   */
  async boot({ resume = true }: { resume?: boolean } = {}): Promise<void> {
    const client = this.#o.client();
    const { journey } = this.#o;
    if (!client) return;
    journey.dispatch({ type: 'boot' });
    void this.loadCampaign();
    try {
      // `resume: false`: the parent has just logged in (before this module arrived); loggedIn() follows.
      if (resume && client.session.token) {
        journey.dispatch({ type: 'session-found' });
        try {
          await this.#resume();
        } catch (error) {
          // A token that no longer works (expired while the tab slept): start again from the login.
          if (error instanceof ApiError && error.kind === 'unauthorized') {
            client.session.clear();
            journey.dispatch({ type: 'logged-out' });
          } else this.#failed(error, { retry: () => this.#resume(), lead: t('wizard.loadFailed') });
        }
      } else if (journey.screen.name !== 'login' && journey.screen.name !== 'password-reset') {
        journey.dispatch({ type: 'logged-out' });
      }
    } finally {
      journey.dispatch({ type: 'booted' });
    }
  }

  async loadCampaign(): Promise<void> {
    const client = this.#o.client();
    if (!client) return;
    try {
      this.#set({ campaign: await client.campaign(), campaignError: undefined });
    } catch (error) {
      this.#set({ campaignError: error });
    }
  }

  /** What the screen restored from this tab needs: the family, and the student's file on a step. */
  async #resume(): Promise<void> {
    await this.#loadFamily();
    this.#requeue();
    const screen = this.#o.journey.screen;
    if (screen.name === 'step' || screen.name === 'documents') {
      await this.#loadRegistration(screen.studentId);
      await this.ensureSteps();
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
    // The login may have ended before this app watched the store: take the session's clock now.
    session.sync();
    const expired = journey.state.sessionExpired;
    // The password was right: whatever fails next is said on the home (or the screen the parent
    // was on), with « Réessayer », never by sending the parent back to the login.
    journey.dispatch({ type: 'logged-in', identifier });
    if (!this.campaign) void this.loadCampaign();
    if (expired) {
      // Writes held while the session was gone go now.
      if (this.#o.saves.pending) void this.#o.saves.flush();
      if (!this.family) await this.#guard(() => this.#resume(), { retry: () => this.#resume() });
    } else {
      const load = async () => {
        await this.#loadFamily();
        this.#requeue();
      };
      await this.#guard(load, { retry: load, lead: t('wizard.familyLoadFailed') });
    }
  }

  /**
   * Writes the queue had not sent when the tab was reloaded go again, once the family is known:
   * to the family that typed them only (another account in this tab never receives them).
   */
  #requeue(): void {
    const { journey, saves } = this.#o;
    const family = this.family;
    if (!family) return;
    for (const write of journey.pending) {
      if (write.familyId !== family.id) journey.removePending(write);
      else if (!saves.keys.includes(write.key)) void this.#queue(write, false);
    }
  }

  /**
   * Queues a server write, kept in the tab until the server has it. `send`: sent now, resolving
   * with that first attempt; otherwise it goes with the queue's next attempt.
   */
  #queue(write: PendingWrite, send: boolean): Promise<SaveOutcome> {
    const { journey, saves } = this.#o;
    journey.addPending(write);
    const go = <T>(run: () => Promise<T>, onSaved: (answer: T) => void): Promise<SaveOutcome> => {
      if (send) return saves.save(write.key, run, onSaved);
      saves.enqueue(write.key, run, onSaved);
      return Promise.resolve({ ok: false, error: undefined });
    };
    if (write.key === 'family') {
      const body = write.body;
      // A brother's or sister's step 1 shows the new details at once, saved or not yet.
      this.#unsavedFamily = body;
      if (this.family) this.#set({ family: this.#withUnsaved(this.family) });
      return go(
        () => this.#api.updateFamily(body),
        (answer) => {
          journey.removePending(write);
          if (this.#unsavedFamily === body) this.#unsavedFamily = undefined;
          this.#set({ family: this.#withUnsaved(answer) });
          journey.confirmFamily(write.studentId, this.#o.session.now().toISOString());
        },
      );
    }
    const { studentId, step } = write;
    return go(
      // The answers as they are when it goes: a retry after more typing sends the newer ones.
      async () => {
        const answers = journey.work(studentId)?.answers;
        if (answers) await this.#api.saveDraft(studentId, { answers, step });
      },
      () => {
        journey.removePending(write);
        journey.dirty = saves.pending;
      },
    );
  }

  /** « Je souhaite réinscrire »: the student's file, then the step a draft reached (or the confirmation). */
  async reregister(studentId: string): Promise<void> {
    const { journey } = this.#o;
    journey.dispatch({ type: 'opening', studentId });
    try {
      const registration = await this.#guard(() => this.#loadRegistration(studentId), { retry: () => this.reregister(studentId) });
      if (!registration) return;
      const step = registration.submission ? 6 : (registration.draft?.step as Step | undefined);
      journey.dispatch({ type: 'start', studentId, step: step ?? 1 });
    } finally {
      journey.dispatch({ type: 'idle' });
    }
  }

  async addDocuments(studentId: string): Promise<void> {
    const registration = await this.#guard(() => this.#loadRegistration(studentId), { retry: () => this.addDocuments(studentId) });
    if (registration) this.#o.journey.dispatch({ type: 'add-documents', studentId });
  }

  async logout(): Promise<void> {
    await this.#o.client()?.logout();
    this.#o.saves.clear();
    this.toldSaveErrors.clear();
    this.#unsavedFamily = undefined;
    this.#o.journey.forget();
    this.#set({ family: undefined, registrations: {}, status: t('wizard.loggedOut') });
    emit(this.#host, 'reinscription-session-end', { reason: 'logout' });
  }

  /** A decline, a draft or a submission changed the family's statuses: read them again. */
  async refreshFamily(): Promise<void> {
    await this.#guard(() => this.#loadFamily(), { retry: () => this.refreshFamily() });
  }

  async extendSession(): Promise<void> {
    if (await this.#guard(() => this.#o.session.extend())) this.#set({ status: t('wizard.extended') });
  }

  /** Said once, whoever noticed first (the clock, a 401 on any element's call, the save queue). */
  expired(): void {
    if (this.#o.journey.state.sessionExpired) return;
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
    this.#set({ saveProblem: undefined, actionError: undefined });
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
    // The draft remembers where the parent will be: the machine says where « next » leads.
    const to = transition(journey.state, { type: 'next' }).screen;
    const familyId = this.family?.id ?? '';
    const draft: PendingWrite = { key: `draft:${studentId}`, familyId, studentId, step: to.name === 'step' ? to.step : screen.step };
    if (family) {
      const saved = await this.#queue({ key: 'family', familyId, studentId, body: family }, true);
      if (!saved.ok) return this.#notSaved(el, saved.error, screen.step === RECAP ? undefined : draft);
    }
    if (screen.step === RECAP) return this.#submit(studentId, el);
    const saved = await this.#queue(draft, true);
    if (!saved.ok) return this.#notSaved(el, saved.error);
    journey.dispatch({ type: 'next' });
  }

  /**
   * A write did not reach the server as the parent left a step: they stay on it, told so there.
   * A 401 asks to log in again (the queue sends the write after); a 422 marks the fields named;
   * anything else offers « Réessayer maintenant » and « Continuer sans attendre » (the queue
   * keeps trying, and the submission waits for it).
   */
  #notSaved(el: StepElement, error: unknown, draft?: PendingWrite): void {
    this.toldSaveErrors.add(error);
    if (error instanceof ApiError && error.kind === 'unauthorized') return;
    if (error instanceof ApiError && error.kind === 'validation') {
      if (!el.showServerErrors?.(error.details.fieldErrors ?? {})) this.#set({ actionError: error });
      return;
    }
    this.#set({ saveProblem: draft ? { error, draft } : { error } });
  }

  /**
   * « Continuer sans attendre »: the answers stay queued (and in this tab); the parent goes on. A
   * step whose family details did not go through queues its draft now, behind them, so it is not lost.
   */
  continueUnsaved(): void {
    const problem = this.saveProblem;
    if (!problem) return;
    this.#set({ saveProblem: undefined });
    if (problem.draft) void this.#queue(problem.draft, false);
    this.#o.journey.dispatch({ type: 'next' });
  }

  /** One submission per version of the answers: the key survives retries and reloads. */
  async #submit(studentId: string, el: StepElement): Promise<void> {
    const { journey, session } = this.#o;
    const work = journey.work(studentId);
    const campaign = this.campaign;
    if (!work || !campaign) return;
    // What is still queued (the family's details above all) reaches the server before the submission.
    if (this.#o.saves.pending) {
      const flushed = await this.#o.saves.flush();
      if (!flushed.ok) return this.#failed(flushed.error, { lead: t('save.beforeSubmit') });
    }
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
    const submission = await this.#guard(() => this.#api.submit(studentId, body, idempotency.key), {
      // A 422 names answers: the recap marks each on its row, with the « Modifier » that changes it.
      refused: (fieldErrors) => el.showServerErrors?.(fieldErrors) ?? false,
    });
    // Refused because the campaign closed while the parent typed: everything stays, and the recap
    // offers to print the answers (wizard.ts).
    if (!submission) return;
    journey.updateWork(studentId, { submission });
    journey.dirty = false;
    emit(this.#host, 'reinscription-submitted', { studentId, reference: submission.reference });
    journey.dispatch({ type: 'submitted' });
    void this.#guard(() => this.#loadFamily());
  }

  async #loadFamily(): Promise<void> {
    this.#set({ family: this.#withUnsaved(await this.#api.family()) });
  }

  #withUnsaved(family: Family): Family {
    return this.#unsavedFamily ? { ...family, ...this.#unsavedFamily } : family;
  }

  async #loadRegistration(studentId: string): Promise<Registration> {
    const { journey } = this.#o;
    const registration = await this.#api.registration(studentId);
    this.#set({ registrations: { ...this.registrations, [studentId]: registration } });
    const family = this.family ?? this.#withUnsaved(await this.#api.family());
    this.#set({ family });
    const work = journey.work(studentId);
    // The server's list of pieces is the truth; the journey keeps it for a reload.
    if (work) journey.updateWork(studentId, { documents: registration.documents });
    else journey.setWork(studentId, initialWork(registration, family));
    return registration;
  }

  /** A new screen starts without the last screen's messages. */
  screenChanged(): void {
    this.#set({ actionError: undefined, retry: undefined, actionLead: undefined, saveProblem: undefined, status: '' });
  }

  /**
   * Runs a backend call; a 401 asks to log in again without losing anything; any other failure is
   * shown where the parent is, with « Réessayer » running `retry` when there is one.
   */
  async #guard<T>(action: () => Promise<T>, how: Failure = {}): Promise<T | undefined> {
    this.#set({ actionError: undefined, retry: undefined, actionLead: undefined });
    try {
      return await action();
    } catch (error) {
      if (error instanceof ApiError && error.kind === 'unauthorized') this.expired();
      else if (!(error instanceof ApiError && error.kind === 'validation' && how.refused?.(error.details.fieldErrors ?? {}))) this.#failed(error, how);
      return undefined;
    }
  }

  #failed(error: unknown, { retry, lead }: Failure): void {
    this.#set({ actionError: error, actionLead: lead, retry: retry && (async () => void (await retry())) });
  }
}

/** How a failure is said: what worked before it, and what « Réessayer » runs. */
interface Failure {
  retry?: () => Promise<unknown>;
  lead?: string;
  /** A 422 shown field by field where the fields are; false: said in the alert instead. */
  refused?: (fieldErrors: Record<string, readonly string[]>) => boolean;
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
