import type * as z from 'zod/mini';
import type * as c from './contract-session.js';
import { ApiError, kindForStatus, parseRetryAfter } from './errors.js';
import { perPage } from './per-page.js';
import { loadLoginContract } from './load-login-contract.js';
import { fillPath, type Route } from './route.js';
import { sessionStoreFor, type SessionStore } from './session-store.js';

export interface ClientOptions {
  /** Milliseconds before a call is abandoned with a `timeout` error. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export interface CallOptions {
  params?: Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export type Out<R extends Route> = R extends { response: infer S extends z.ZodMiniType } ? z.infer<S> : undefined;

/**
 * The HTTP side of the backend contract, and the one call the login screen makes. In the main
 * module, with only the login's schemas (contract-session.ts), so the login can reach the server
 * before the rest of the contract has loaded; ApiClient (client.ts) adds every other call.
 * Builds URLs from the `api-url` attribute, sends the bearer token, validates every response body
 * against its schema, and turns every failure into an ApiError.
 * No cookies (`credentials: 'omit'`): the backend is on another origin, where third-party cookies are blocked.
 */
export class ApiTransport {
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

  async send<R extends Route>(route: R, options: CallOptions = {}): Promise<Out<R>> {
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
    if (route.status === 204 || !('response' in route)) return undefined as Out<R>;

    let json: unknown;
    try {
      json = await response.json();
    } catch {
      throw new ApiError('contract', { status: response.status, code: 'not-json' });
    }
    const parsed = (route.response as z.ZodMiniType).safeParse(json);
    if (!parsed.success) throw new ApiError('contract', { status: response.status, code: 'schema-mismatch' });
    return parsed.data as Out<R>;
  }

  async login(body: c.LoginRequest): Promise<c.Session> {
    const session = await this.send((await loadLoginContract()).loginRoute, { body });
    this.session.set(session);
    return session;
  }
}

async function errorFrom(response: Response): Promise<ApiError> {
  let body: c.ErrorBody | undefined;
  try {
    const parsed = (await loadLoginContract()).ErrorBody.safeParse(await response.json());
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

/** One transport per API base URL on the page; it shares the session store with the client of that URL. */
export const transportFor = perPage((baseUrl) => new ApiTransport(baseUrl));

/** The transport an element talks through: the one its host gave it, else the page's for its api-url. */
export function transportOf(el: { client?: ApiTransport | undefined; apiUrl?: string | undefined }): ApiTransport | undefined {
  return el.client ?? (el.apiUrl ? transportFor(el.apiUrl) : undefined);
}
