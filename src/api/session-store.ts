import * as z from 'zod/mini';
import { Session } from './contract.js';
import { perPage } from './per-page.js';

const KEY = 'reinscription-wizard:session';
const Stored = z.object({ apiUrl: z.string(), session: Session });

/**
 * The bearer token lives in memory and in sessionStorage (so a reload of the tab keeps the parent
 * logged in), never in localStorage: it dies with the tab. The password is never stored.
 * One store per api-url, shared by every element on the page (wizard and standalone documents).
 */
export class SessionStore extends EventTarget {
  #session: Session | null = null;

  constructor(readonly apiUrl: string) {
    super();
    this.#session = this.#read();
  }

  get session(): Session | null {
    return this.#session;
  }

  get token(): string | null {
    return this.#session?.token ?? null;
  }

  set(session: Session | null): void {
    this.#session = session;
    try {
      if (session) sessionStorage.setItem(KEY, JSON.stringify({ apiUrl: this.apiUrl, session }));
      else sessionStorage.removeItem(KEY);
    } catch {
      // Storage can be disabled (privacy mode, sandboxed iframe): memory still works.
    }
    this.dispatchEvent(new Event('change'));
  }

  clear(): void {
    this.set(null);
  }

  /**
   * The server refused the token (a 401 on any call, from any element): says `expired`, so the
   * wizard asks to log in again over the screen wherever the call was made (a decline on the
   * home, an upload at step 3), not only for its own calls. Only when `token` is still the
   * session's: a late answer to a request sent with an older token (before a re-login, or from an
   * element already removed) must not log out the session that replaced it.
   */
  rejected(token: string): void {
    if (token !== this.token) return;
    this.dispatchEvent(new Event('expired'));
  }

  #read(): Session | null {
    try {
      const raw = sessionStorage.getItem(KEY);
      if (!raw) return null;
      const parsed = Stored.safeParse(JSON.parse(raw));
      return parsed.success && parsed.data.apiUrl === this.apiUrl ? parsed.data.session : null;
    } catch {
      return null;
    }
  }
}

/** The page-wide store for an API base URL. */
export const sessionStoreFor = perPage((apiUrl) => new SessionStore(apiUrl));
