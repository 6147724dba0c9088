import * as z from 'zod/mini';
import * as c from './contract.js';
import { ApiError, kindForStatus, parseRetryAfter } from './errors.js';
import { perPage } from './per-page.js';
import { fillPath, routes, type RouteName } from './routes.js';
import { sessionStoreFor, type SessionStore } from './session-store.js';

export interface ClientOptions {
  /** Milliseconds before a call is abandoned with a `timeout` error. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

interface CallOptions {
  params?: Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

type Out<N extends RouteName> = (typeof routes)[N] extends { response: infer S extends z.ZodMiniType } ? z.infer<S> : undefined;

/**
 * Typed client of the backend contract. Builds URLs from the `api-url` attribute, sends the bearer
 * token, validates every response body against its schema, and turns every failure into an ApiError.
 * No cookies (`credentials: 'omit'`): the backend is on another origin, where third-party cookies are blocked.
 */
export class ApiClient {
  readonly session: SessionStore;
  readonly #timeoutMs: number;
  readonly #fetch: typeof fetch;

  constructor(
    readonly baseUrl: string,
    options: ClientOptions = {},
  ) {
    this.session = sessionStoreFor(baseUrl);
    this.#timeoutMs = options.timeoutMs ?? 20000;
    this.#fetch = options.fetch ?? ((...args) => globalThis.fetch(...args));
  }

  url(path: string): string {
    return `${this.baseUrl.replace(/\/+$/, '')}${path}`;
  }

  async call<N extends RouteName>(name: N, options: CallOptions = {}): Promise<Out<N>> {
    const route = routes[name];
    const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
    const token = route.auth ? this.session.token : null;
    if (route.auth) {
      if (!token) throw new ApiError('unauthorized', { status: 401, code: 'no-session' });
      headers.Authorization = `Bearer ${token}`;
    }
    let body: BodyInit | undefined;
    if (options.body instanceof FormData) body = options.body;
    else if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.body);
    }

    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.#timeoutMs);
    const onAbort = () => controller.abort();
    options.signal?.addEventListener('abort', onAbort, { once: true });

    let response: Response;
    try {
      response = await this.#fetch(this.url(fillPath(route.path, options.params)), {
        method: route.method,
        headers,
        body,
        signal: controller.signal,
        credentials: 'omit',
        mode: 'cors',
        cache: 'no-store',
      });
    } catch {
      throw new ApiError(timedOut ? 'timeout' : options.signal?.aborted ? 'aborted' : 'network');
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
    }

    if (!response.ok) {
      const error = await errorFrom(response);
      if (error.kind === 'unauthorized' && token) this.session.rejected(token);
      throw error;
    }
    if (route.status === 204 || !('response' in route)) return undefined as Out<N>;

    let json: unknown;
    try {
      json = await response.json();
    } catch {
      throw new ApiError('contract', { status: response.status, code: 'not-json' });
    }
    const parsed = z.safeParse(route.response as z.ZodMiniType, json);
    if (!parsed.success) throw new ApiError('contract', { status: response.status, code: 'schema-mismatch' });
    return parsed.data as Out<N>;
  }

  // Named calls, so the UI reads as the contract does.

  async login(body: c.LoginRequest): Promise<c.Session> {
    const session = await this.call('login', { body });
    this.session.set(session);
    return session;
  }

  async extendSession(): Promise<c.Session> {
    const session = await this.call('extendSession');
    this.session.set(session);
    return session;
  }

  /** Forgets the token locally even when the server cannot be reached. */
  async logout(): Promise<void> {
    try {
      if (this.session.token) await this.call('logout');
    } catch {
      // The token is dropped below anyway; the server lets it expire.
    } finally {
      this.session.clear();
    }
  }

  passwordReset(body: c.PasswordResetRequest) {
    return this.call('passwordReset', { body });
  }
  campaign() {
    return this.call('campaign');
  }
  family() {
    return this.call('family');
  }
  updateFamily(body: c.FamilyUpdate) {
    return this.call('updateFamily', { body });
  }
  registration(studentId: string) {
    return this.call('registration', { params: { studentId } });
  }
  saveDraft(studentId: string, body: c.DraftRequest) {
    return this.call('saveDraft', { params: { studentId }, body });
  }
  submit(studentId: string, body: c.SubmissionRequest, idempotencyKey: string) {
    return this.call('submit', { params: { studentId }, body, headers: { 'Idempotency-Key': idempotencyKey } });
  }
  decline(studentId: string, body: c.DeclineRequest) {
    return this.call('decline', { params: { studentId }, body });
  }
  deleteDocument(documentId: string) {
    return this.call('deleteDocument', { params: { documentId } });
  }
  documentLink(documentId: string) {
    return this.call('documentLink', { params: { documentId } });
  }
}

async function errorFrom(response: Response): Promise<ApiError> {
  let body: c.ErrorBody | undefined;
  try {
    const parsed = z.safeParse(c.ErrorBody, await response.json());
    if (parsed.success) body = parsed.data;
  } catch {
    // A proxy's HTML error page, or an empty body: the status alone decides.
  }
  return new ApiError(kindForStatus(response.status, body?.code), {
    status: response.status,
    code: body?.code,
    serverMessage: body?.message,
    fieldErrors: body?.fieldErrors,
    retryAfterSeconds: parseRetryAfter(response.headers.get('Retry-After')),
  });
}

/** One client per API base URL on the page, so the wizard and a standalone element share the session. */
export const clientFor = perPage((baseUrl) => new ApiClient(baseUrl));

/** The client an element talks through: the one its host gave it, else the page's for its api-url. */
export function clientOf(el: { client?: ApiClient | undefined; apiUrl?: string | undefined }): ApiClient | undefined {
  return el.client ?? (el.apiUrl ? clientFor(el.apiUrl) : undefined);
}
