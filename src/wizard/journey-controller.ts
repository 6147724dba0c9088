import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AnswersPatch } from '../events.js';
import { t } from '../i18n/index.js';
import { mergeAnswers } from './answers.js';
import { clearJourney, loadJourney, saveJourney, type PendingWrite, type StoredJourney, type StudentWork } from './journey-store.js';
import { transition, type JourneyEvent, type JourneyState, type Screen } from './machine.js';

export interface JourneyOptions {
  /** After each event that changed the state: the wizard moves focus, history and its status from here. */
  onChange?: (before: JourneyState, after: JourneyState, options: { push: boolean }) => void;
  /** Whether leaving the page would lose something (typed, or queued and not sent); `dirty` alone without it. */
  unsaved?: () => boolean;
}

/**
 * The journey's state and each student's work, kept in sessionStorage under the api-url (so a
 * reload of the tab loses nothing, and « Déconnexion » forgets it), fed only through the machine.
 * Also whether something typed is not on the server yet (typed, or queued and not sent): the page
 * then warns before leaving.
 */
export class JourneyController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: JourneyOptions;
  #apiUrl = '';
  #stored: StoredJourney = loadJourney('');
  #connected = false;
  /** Changed while the element was off the page: written to the tab once it is back. */
  #unwritten = false;
  /** Something typed is not saved on the server yet. */
  dirty = false;

  constructor(host: ReactiveControllerHost, options: JourneyOptions = {}) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  get state(): JourneyState {
    return this.#stored.journey;
  }

  get screen(): Screen {
    return this.#stored.journey.screen;
  }

  /** Whose step 1 last saved the family's details, and when (a brother or sister is told, not asked again). */
  get familyConfirmed(): StoredJourney['familyConfirmed'] {
    return this.#stored.familyConfirmed;
  }

  confirmFamily(studentId: string, at: string): void {
    this.#stored = { ...this.#stored, familyConfirmed: { studentId, at } };
    this.#persist();
  }

  /** The writes the server has not got yet (the save queue's), as the tab keeps them for a reload. */
  get pending(): PendingWrite[] {
    return this.#stored.pending ?? [];
  }

  /** One write per key, as in the queue: a newer one replaces the older. */
  addPending(write: PendingWrite): void {
    this.#stored = { ...this.#stored, pending: [...this.pending.filter((w) => w.key !== write.key), write] };
    this.#persist();
  }

  /** The server has this one (and not a newer one of the same key, which stays). */
  removePending(write: PendingWrite): void {
    const pending = this.pending.filter((w) => w !== write && JSON.stringify(w) !== JSON.stringify(write));
    if (pending.length === this.pending.length) return;
    this.#stored = { ...this.#stored, pending };
    this.#persist();
  }

  work(studentId: string): StudentWork | undefined {
    return this.#stored.students[studentId];
  }

  /** Reads the journey kept for this api-url (another backend, another journey). */
  open(apiUrl: string): void {
    this.#apiUrl = apiUrl;
    this.#stored = loadJourney(apiUrl);
    this.#host.requestUpdate();
  }

  dispatch(event: JourneyEvent, { push = true } = {}): void {
    const before = this.#stored.journey;
    const after = transition(before, event);
    if (after === before) return;
    this.#stored = { ...this.#stored, journey: after };
    this.#persist();
    this.#options.onChange?.(before, after, { push });
  }

  setWork(studentId: string, work: StudentWork): void {
    this.#stored = { ...this.#stored, students: { ...this.#stored.students, [studentId]: work } };
    this.#persist();
  }

  updateWork(studentId: string, patch: Partial<StudentWork>): void {
    const work = this.work(studentId);
    if (work) this.setWork(studentId, { ...work, ...patch });
  }

  /** Answers typed or chosen on a step: kept at once, on the server with the next draft. */
  patchAnswers(studentId: string, patch: AnswersPatch): void {
    const work = this.work(studentId);
    if (!work) return;
    this.dirty = true;
    this.setWork(studentId, { ...work, answers: mergeAnswers(work.answers, patch) });
  }

  /** « Déconnexion »: nothing of the journey stays in the tab. */
  forget(): void {
    clearJourney(this.#apiUrl);
    this.#stored = loadJourney(this.#apiUrl);
    this.dirty = false;
    this.#host.requestUpdate();
  }

  hostConnected(): void {
    this.#connected = true;
    window.addEventListener('beforeunload', this.#onBeforeUnload);
    if (this.#unwritten) this.#persist();
  }

  hostDisconnected(): void {
    this.#connected = false;
    window.removeEventListener('beforeunload', this.#onBeforeUnload);
  }

  #persist(): void {
    // A wizard taken off the page (a page builder re-rendering it, a single-page app moving on)
    // may still hear from a request it sent: it must not write its older journey over the one a
    // new wizard of the same api-url keeps in the tab.
    this.#unwritten = !this.#connected;
    if (this.#apiUrl && this.#connected) saveJourney(this.#apiUrl, this.#stored);
    this.#host.requestUpdate();
  }

  readonly #onBeforeUnload = (e: BeforeUnloadEvent): void => {
    // A reload sends the queued writes again, but a closed tab cannot: the browser asks first.
    if (!(this.#options.unsaved?.() ?? this.dirty)) return;
    e.preventDefault();
    // Older browsers show the prompt only when returnValue is set.
    e.returnValue = t('wizard.leaveWarning');
  };
}
