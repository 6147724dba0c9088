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
   * parent moves on; the queue goes on retrying by itself either way.
   */
  save<T>(key: string, run: () => Promise<T>, onSaved: (result: T) => void): Promise<SaveOutcome> {
    return new Promise((resolve) => {
      const replaced = this.#writes.get(key);
      const write: Write = { key, run, onSaved: onSaved as (result: unknown) => void, settle: [resolve] };
      if (replaced) {
        write.settle.unshift(...replaced.settle);
        this.#writes.delete(key);
      }
      this.#writes.set(key, write);
      void this.flush();
    });
  }

  /** Sends every pending write now (« Réessayer », back online, before the submission). */
  async flush(): Promise<SaveOutcome> {
    clearTimeout(this.#timer);
    // One drain at a time: callers that waited together must not start two.
    while (this.#running) await this.#running;
    if (!this.#writes.size) return this.#state.name === 'saved' || this.#state.name === 'idle' ? { ok: true } : { ok: false, error: undefined };
    this.#running = this.#drain().finally(() => (this.#running = undefined));
    await this.#running;
    return this.#writes.size ? { ok: false, error: 'error' in this.#state ? this.#state.error : undefined } : { ok: true };
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

  async #drain(): Promise<void> {
    for (const write of this.#writes.values()) {
      this.#set({ name: 'saving' });
      let outcome: SaveOutcome;
      try {
        const result = await write.run();
        // A newer write of the same key may have arrived meanwhile: it stays queued.
        if (this.#writes.get(write.key) === write) this.#writes.delete(write.key);
        write.onSaved(result);
        this.#attempt = 0;
        outcome = { ok: true };
      } catch (error) {
        outcome = { ok: false, error };
        this.#failed(write, error);
      }
      write.settle.splice(0).forEach((s) => s(outcome));
      if (!outcome.ok) return;
    }
    this.#set({ name: 'saved', at: this.#o.now() });
  }

  #failed(write: Write, error: unknown): void {
    const kind = error instanceof ApiError ? error.kind : 'network';
    if (kind === 'unauthorized') {
      this.#set({ name: 'paused', error });
      this.#o.onUnauthorized();
    } else if (error instanceof ApiError && kind === 'validation') {
      this.#set({ name: 'refused', error, key: write.key });
    } else if (kind === 'network' && typeof navigator !== 'undefined' && navigator.onLine === false) {
      this.#set({ name: 'offline', error });
    } else if (['network', 'timeout', 'server', 'rate-limited'].includes(kind)) {
      const delay = this.#delay(error);
      this.#attempt += 1;
      this.#set({ name: 'waiting', error, retryAt: this.#o.now().getTime() + delay });
      this.#timer = setTimeout(() => void this.flush(), delay);
    } else {
      this.#set({ name: 'failed', error });
    }
  }

  /** Exponential backoff with « equal jitter », never sooner than the server's Retry-After. */
  #delay(error: unknown): number {
    const exp = Math.min(CAP_MS, (this.#o.baseMs ?? BASE_MS) * 2 ** this.#attempt);
    const jittered = exp / 2 + (exp / 2) * (this.#o.random ?? Math.random)();
    const retryAfter = error instanceof ApiError ? (error.details.retryAfterSeconds ?? 0) * 1000 : 0;
    return Math.max(jittered, retryAfter);
  }

  readonly #onOnline = (): void => {
    if (this.#writes.size && this.#state.name !== 'refused' && this.#state.name !== 'paused') void this.flush();
  };

  #set(state: SaveState): void {
    this.#state = state;
    this.#host.requestUpdate();
  }
}
