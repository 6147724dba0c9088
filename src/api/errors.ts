/**
 * Every way a call can fail, as one typed error the UI can explain in French.
 * The kind decides the message; `fieldErrors` (422) and `retryAfterSeconds` (429) carry the details.
 */
export type ApiErrorKind =
  | 'network'
  | 'timeout'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'campaign-closed'
  | 'too-large'
  | 'validation'
  | 'rate-limited'
  | 'server'
  | 'contract'
  | 'aborted';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly kind: ApiErrorKind,
    readonly details: {
      status?: number;
      code?: string;
      /** The server's own explanation: shown as text, never as HTML. */
      serverMessage?: string;
      fieldErrors?: Record<string, string[]>;
      retryAfterSeconds?: number;
    } = {},
  ) {
    super(`${kind}${details.status ? ` (${details.status})` : ''}${details.code ? `: ${details.code}` : ''}`);
  }

  /** Whether trying the same call again later may work (and so the typed data must be kept). */
  get retryable(): boolean {
    return ['network', 'timeout', 'rate-limited', 'server'].includes(this.kind);
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

/** Maps an HTTP status (and the body's code) to an error kind. */
export function kindForStatus(status: number, code?: string): ApiErrorKind {
  if (code === 'campaign-closed') return 'campaign-closed';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 409) return 'conflict';
  if (status === 413) return 'too-large';
  if (status === 400 || status === 422) return 'validation';
  if (status === 429) return 'rate-limited';
  return 'server';
}

/** Retry-After is either seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}
