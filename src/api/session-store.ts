import type { Session } from './contract-session.js';
import { perPage } from './per-page.js';

const KEY = 'reinscription-wizard:session';

/**
 * What this tab stored itself, from an answer the Session schema accepted when it came: a shape
 * check is enough to read it back (another release's format, a hand edit), and keeps zod out of
 * the main module, which reads it before the login is painted.
 */
function isStoredSession(value: unknown, apiUrl: string): value is { apiUrl: string; session: Session } {
  const v = value as { apiUrl?: unknown; session?: Partial<Record<keyof Session, unknown>> } | null;
  const s = v?.session;
  const date = (d: unknown) => typeof d === 'string' && !Number.isNaN(Date.parse(d));
  return v?.apiUrl === apiUrl && typeof s?.token === 'string' && s.token.length >= 16 && date(s.expiresAt) && date(s.serverNow);
}

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
      const stored: unknown = JSON.parse(raw);
      return isStoredSession(stored, this.apiUrl) ? stored.session : null;
    } catch {
      return null;
    }
  }
}

/** The page-wide store for an API base URL. */
export const sessionStoreFor = perPage((apiUrl) => new SessionStore(apiUrl));
