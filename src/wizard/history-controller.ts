import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Step } from './machine.js';

const KEY = 'reinscriptionWizard';

/** Our history entry: namespaced in history.state (the host page may keep its own), the page URL untouched. */
export interface HistoryEntry {
  studentId: string;
  step: Step;
  /** The step this entry was pushed from (same student), so « Retour » can walk the history back. */
  from: Step | null;
}

const entryOf = (state: unknown): HistoryEntry | undefined => (state as Record<string, HistoryEntry> | null)?.[KEY];

/**
 * Each step gets one browser history entry, so the browser's Back and Forward move between steps
 * instead of leaving the page; popstate becomes a « history » event of the machine, which decides.
 */
export class HistoryController implements ReactiveController {
  readonly #onPop: (entry: HistoryEntry | undefined) => void;

  constructor(host: ReactiveControllerHost, onPop: (entry: HistoryEntry | undefined) => void) {
    this.#onPop = onPop;
    host.addController(this);
  }

  push(entry: HistoryEntry): void {
    history.pushState({ ...(history.state as object | null), [KEY]: entry }, '');
  }

  /** Walks the history back when the current entry was pushed from the step before; says whether it did. */
  back(studentId: string, step: Step): boolean {
    const entry = entryOf(history.state);
    if (entry?.studentId !== studentId || entry.step !== step || entry.from !== step - 1) return false;
    history.back();
    return true;
  }

  hostConnected(): void {
    window.addEventListener('popstate', this.#onPopState);
  }

  hostDisconnected(): void {
    window.removeEventListener('popstate', this.#onPopState);
  }

  readonly #onPopState = (e: PopStateEvent): void => this.#onPop(entryOf(e.state));
}
