import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ApiClient } from '../api/client.js';
import type { Session } from '../api/contract.js';
import type { SessionStore } from '../api/session-store.js';

/** The warning shows this long before the session ends (RGAA 13.1: the parent can extend it). */
export const SESSION_WARNING_MS = 3 * 60 * 1000;
const CHECK_EVERY_MS = 15000;

export interface SessionOptions {
  /** The client whose session store is watched; read again at each update (api-url may change). */
  client: () => ApiClient | undefined;
  /** Someone logged in, out or extended the session, here or in another element of the page. */
  onChange?: () => void;
  /** Watch the expiry: `endsSoon`, and `onExpired` once the end has passed (server time). */
  onExpired?: () => void;
}

/**
 * One session as every element sees it: the page-wide store of its api-url (token in memory and
 * sessionStorage), the server's clock (the device's may be wrong: `serverNow` of the last answer
 * that carried it), and, for the wizard, the expiry: a check every 15 s and at each change.
 */
export class SessionController implements ReactiveController {
  /** Less than SESSION_WARNING_MS left: the wizard offers « Prolonger ma session ». */
  endsSoon = false;

  readonly #host: ReactiveControllerHost;
  readonly #options: SessionOptions;
  #store: SessionStore | undefined;
  #timer: ReturnType<typeof setInterval> | undefined;
  #skewMs = 0;
  #connected = false;

  constructor(host: ReactiveControllerHost, options: SessionOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  get store(): SessionStore | undefined {
    return this.#store;
  }

  get session(): Session | null {
    return this.#store?.session ?? null;
  }

  get token(): string | null {
    return this.#store?.token ?? null;
  }

  /** Now, by the server's clock. */
  now(): Date {
    return new Date(Date.now() + this.#skewMs);
  }

  /** Minutes left before the end (at least 1 while it lasts). */
  minutesLeft(): number {
    const session = this.session;
    return session ? Math.max(1, Math.ceil((Date.parse(session.expiresAt) - this.now().getTime()) / 60000)) : 0;
  }

  /**
   * Takes the server's clock from the session in the store. The store's change event does it for
   * every session that arrives while this controller watches; the wizard calls it after a login
   * too, which may have ended before the wizard's app (and this controller) was even created.
   */
  sync(): void {
    const session = this.session;
    if (session) this.#skewMs = Date.parse(session.serverNow) - Date.now();
    this.endsSoon = false;
    this.#host.requestUpdate();
  }

  async extend(): Promise<Session> {
    const client = this.#options.client();
    if (!client) throw new Error('reinscription-wizard: no API client');
    // The client puts the new session in the store, whose change event takes its clock.
    return client.extendSession();
  }

  hostConnected(): void {
    this.#connected = true;
    this.#watch();
    if (this.#options.onExpired) this.#timer = setInterval(() => this.#check(), CHECK_EVERY_MS);
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#watch();
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  hostUpdate(): void {
    this.#watch();
  }

  /** Only while connected: a removed element must not react when someone logs in later. */
  #watch(): void {
    const store = this.#connected ? this.#options.client()?.session : undefined;
    if (store === this.#store) return;
    this.#store?.removeEventListener('change', this.#onChange);
    this.#store?.removeEventListener('expired', this.#onRejected);
    store?.addEventListener('change', this.#onChange);
    store?.addEventListener('expired', this.#onRejected);
    this.#store = store;
  }

  readonly #onRejected = (): void => this.#options.onExpired?.();

  readonly #onChange = (): void => {
    // A session just came (login, extension): take its clock before checking its end, or a device
    // hours ahead (another time zone set) would end a fresh session at once.
    this.sync();
    this.#check();
    this.#options.onChange?.();
    this.#host.requestUpdate();
  };

  #check(): void {
    const session = this.session;
    if (!session || !this.#options.onExpired) return;
    const remaining = Date.parse(session.expiresAt) - this.now().getTime();
    const endsSoon = remaining > 0 && remaining < SESSION_WARNING_MS;
    if (endsSoon !== this.endsSoon) {
      this.endsSoon = endsSoon;
      this.#host.requestUpdate();
    }
    if (remaining <= 0) {
      this.endsSoon = false;
      this.#options.onExpired();
    }
  }
}
