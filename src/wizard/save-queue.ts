import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ApiError } from '../api/errors.js';

/**
 * Where the server writes of the journey stand, said in one place (the wizard's save status).
 * `waiting`: a retry is scheduled at `retryAt`; `offline`: retried when the browser is back online;
 * `failed`: the server said no for a reason a retry cannot fix (403, 404, 409, a broken answer),
 * tried again only when the parent asks or before the submission; `refused`: a 422, the parent
 * must change the fields named; `paused`: the session ran out, retried after the login.
 */
export type SaveState =
  | { name: 'idle' }
  | { name: 'saving' }
  | { name: 'saved'; at: Date }
  | { name: 'waiting'; error: unknown; retryAt: number }
  | { name: 'offline'; error: unknown }
  | { name: 'failed'; error: unknown }
  | { name: 'refused'; error: ApiError; key: string }
  | { name: 'paused'; error: unknown };

export type SaveOutcome = { ok: true } | { ok: false; error: unknown };

/** The server asked for a pause (429, 503 with Retry-After) that has not ended yet: nothing is sent before it ends. */
export function serverPauseRuns(state: SaveState, now: Date): boolean {
  return state.name === 'waiting' && state.error instanceof ApiError && !!state.error.details.retryAfterSeconds && state.retryAt > now.getTime();
}

export interface SaveQueueOptions {
  /** The session's clock (the server's, not the visitor's). */
  now: () => Date;
  /** A write met a 401: the session expired; the queue waits for `flush()` after the login. */
  onUnauthorized: () => void;
  /** For tests: the jitter's source, and the first wait (5 s by default). */
  random?: () => number;
  baseMs?: number;
}

interface Write {
  key: string;
  run: () => Promise<unknown>;
  onSaved: (result: unknown) => void;
  /** Callers waiting for this write's next attempt (a replaced write hands them to its successor). */
  settle: ((outcome: SaveOutcome) => void)[];
  /**
   * The server refused this very write for its content (422) or for good (403, 404, 409, a broken
   * answer): the other keys go on without it; a 422 is sent again only once replaced by a newer one.
   */
  stuck?: { state: 'refused' | 'failed'; error: unknown };
}

/** First retry after about 5 s, doubling up to 5 minutes; a Retry-After wins when it is longer. */
const BASE_MS = 5000;
const CAP_MS = 5 * 60 * 1000;

/**
 * Every server write of the journey (`PUT /family`, `PUT /students/{id}/draft`) goes through this
 * queue: one write per key (a newer one replaces an older one not yet sent, since both are whole
 * documents sent with PUT, so retrying is safe), sent in order, one at a time. A write that fails
 * for a reason that may pass (network, timeout, 5xx, 429) is retried with exponential backoff and
 * jitter, no sooner than the server's Retry-After, and at once when the browser comes back online.
 * What the parent typed is already in the tab (journey-store); this only says, honestly, whether
 * the server has it.
 */
export class SaveQueueController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #o: SaveQueueOptions;
  readonly #writes = new Map<string, Write>();
  #state: SaveState = { name: 'idle' };
  #attempt = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #running: Promise<void> | undefined;

  constructor(host: ReactiveControllerHost, options: SaveQueueOptions) {
    this.#host = host;
    this.#o = options;
    host.addController(this);
  }

  get state(): SaveState {
    return this.#state;
  }

  /** Whether a write has not reached the server yet. */
  get pending(): boolean {
    return this.#writes.size > 0;
  }

  /**
   * Queues a write (replacing the one of the same key not sent yet) and sends the queue at once.
   * Resolves with the outcome of this write's first attempt: the caller decides whether the
   * parent moves on; the queue goes on retrying by itself either way. While the server's
   * Retry-After runs, nothing is sent before it ends: the caller hears at once that it waits.
   */
  save<T>(key: string, run: () => Promise<T>, onSaved: (result: T) => void): Promise<SaveOutcome> {
    return new Promise((resolve) => {
      this.#put(key, run, onSaved, [resolve]);
      if (serverPauseRuns(this.#state, this.#o.now())) resolve({ ok: false, error: 'error' in this.#state ? this.#state.error : undefined });
      else void this.#flush(false);
    });
  }

  /**
   * Queues a write without sending it now: it goes with the next attempt of the queue (its timer,
   * the browser back online, « Réessayer », the submission). For a step's draft held behind the
   * family's details that did not go through, so « Continuer sans attendre » loses neither.
   */
  enqueue<T>(key: string, run: () => Promise<T>, onSaved: (result: T) => void): void {
    this.#put(key, run, onSaved, []);
    // The way to the server is down or paused: it goes when that ends, not now.
    if (['waiting', 'offline', 'paused'].includes(this.#state.name)) this.#host.requestUpdate();
    else void this.#flush(false);
  }

  /** The keys not on the server yet, in the order they go. */
  get keys(): string[] {
    return [...this.#writes.keys()];
  }

  /**
   * Sends every pending write now (« Réessayer », after the login, before the submission), those
   * the server refused for good (403, 404, 409) included: the parent asked.
   */
  flush(): Promise<SaveOutcome> {
    return this.#flush(true);
  }

  /** `retryFailed`: false for what the queue does by itself (its timer, online, a new write), which never repeats a 403. */
  async #flush(retryFailed: boolean): Promise<SaveOutcome> {
    clearTimeout(this.#timer);
    // One drain at a time: callers that waited together must not start two.
    while (this.#running) await this.#running;
    if (!this.#writes.size) return this.#state.name === 'saved' || this.#state.name === 'idle' ? { ok: true } : { ok: false, error: undefined };
    this.#running = this.#drain(retryFailed).finally(() => (this.#running = undefined));
    await this.#running;
    return this.#writes.size ? { ok: false, error: 'error' in this.#state ? this.#state.error : undefined } : { ok: true };
  }

  #put(key: string, run: () => Promise<unknown>, onSaved: (result: never) => void, settle: Write['settle']): void {
    const replaced = this.#writes.get(key);
    const write: Write = { key, run, onSaved: onSaved as (result: unknown) => void, settle };
    if (replaced) {
      write.settle.unshift(...replaced.settle);
      this.#writes.delete(key);
    }
    this.#writes.set(key, write);
  }

  /** « Déconnexion »: nothing is sent any more. */
  clear(): void {
    clearTimeout(this.#timer);
    for (const w of this.#writes.values()) w.settle.forEach((s) => s({ ok: false, error: undefined }));
    this.#writes.clear();
    this.#attempt = 0;
    this.#set({ name: 'idle' });
  }

  hostConnected(): void {
    window.addEventListener('online', this.#onOnline);
  }

  hostDisconnected(): void {
    window.removeEventListener('online', this.#onOnline);
    clearTimeout(this.#timer);
  }

  /**
   * Sends the writes in order. A failure of the way to the server (network, timeout, 5xx, 429,
   * 401) stops the drain: the next writes would meet it too. A refusal of one write (422, 403,
   * 404, 409, a broken answer) is that write's own: the others still go, and the state says the
   * refusal once they are through.
   */
  async #drain(retryFailed: boolean): Promise<void> {
    for (const write of [...this.#writes.values()]) {
      // Sent again unchanged, a refused write would be refused again: it waits for a newer one.
      if (write.stuck?.state === 'refused' || (write.stuck && !retryFailed) || this.#writes.get(write.key) !== write) continue;
      this.#set({ name: 'saving' });
      let outcome: SaveOutcome;
      let stop = false;
      try {
        const result = await write.run();
        // A newer write of the same key may have arrived meanwhile: it stays queued.
        if (this.#writes.get(write.key) === write) this.#writes.delete(write.key);
        write.onSaved(result);
        this.#attempt = 0;
        outcome = { ok: true };
      } catch (error) {
        outcome = { ok: false, error };
        stop = this.#failed(write, error);
      }
      write.settle.splice(0).forEach((s) => s(outcome));
      if (stop) return;
    }
    const stuck = [...this.#writes.values()].map((w) => w.stuck && { ...w.stuck, key: w.key }).find(Boolean);
    if (!stuck) this.#set({ name: 'saved', at: this.#o.now() });
    else if (stuck.state === 'refused' && stuck.error instanceof ApiError) this.#set({ name: 'refused', error: stuck.error, key: stuck.key });
    else this.#set({ name: 'failed', error: stuck.error });
  }

  /** Says what the failure means for the queue; true when the drain stops there. */
  #failed(write: Write, error: unknown): boolean {
    const kind = error instanceof ApiError ? error.kind : 'network';
    if (kind === 'unauthorized') {
      this.#set({ name: 'paused', error });
      this.#o.onUnauthorized();
    } else if (kind === 'network' && typeof navigator !== 'undefined' && navigator.onLine === false) {
      this.#set({ name: 'offline', error });
    } else if (['network', 'timeout', 'server', 'rate-limited'].includes(kind)) {
      const delay = this.#delay(error);
      this.#attempt += 1;
      this.#set({ name: 'waiting', error, retryAt: this.#o.now().getTime() + delay });
      this.#timer = setTimeout(() => void this.#flush(false), delay);
    } else {
      write.stuck = { state: error instanceof ApiError && kind === 'validation' ? 'refused' : 'failed', error };
      return false;
    }
    return true;
  }

  /** Exponential backoff with « equal jitter », never sooner than the server's Retry-After. */
  #delay(error: unknown): number {
    const exp = Math.min(CAP_MS, (this.#o.baseMs ?? BASE_MS) * 2 ** this.#attempt);
    const jittered = exp / 2 + (exp / 2) * (this.#o.random ?? Math.random)();
    const retryAfter = error instanceof ApiError ? (error.details.retryAfterSeconds ?? 0) * 1000 : 0;
    return Math.max(jittered, retryAfter);
  }

  readonly #onOnline = (): void => {
    if (this.#writes.size && this.#state.name !== 'paused') void this.#flush(false);
  };

  #set(state: SaveState): void {
    this.#state = state;
    this.#host.requestUpdate();
  }
}
