import type { Session } from './contract-session.js';
import { perPage } from './per-page.js';

const KEY = 'reinscription-wizard:session';

/**
 * What this tab stored itself, from an answer the Session schema accepted when it came: a shape
 * check is enough to read it back (another release's format, a hand edit), and keeps zod out of
 * the main module, which reads it before the login is painted.
 */
function isStoredSession(value: unknown, apiUrl: string): value is { apiUrl: string; session: Session; skewMs?: number } {
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
  /**
   * The server's clock minus the device's, taken when the session's answer came (and kept across a
   * reload): a device hours off, or set to another time zone, must neither end a fresh session at
   * once nor keep a dead one.
   */
  skewMs = 0;

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
    this.skewMs = session ? Date.parse(session.serverNow) - Date.now() : 0;
    try {
      if (session) sessionStorage.setItem(KEY, JSON.stringify({ apiUrl: this.apiUrl, session, skewMs: this.skewMs }));
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
      if (!isStoredSession(stored, this.apiUrl)) return null;
      this.skewMs = Number(stored.skewMs) || 0;
      return stored.session;
    } catch {
      return null;
    }
  }
}

/** The page-wide store for an API base URL. */
export const sessionStoreFor = perPage((apiUrl) => new SessionStore(apiUrl));
