import * as z from 'zod/mini';
import type { ApiClient } from './client.js';
import { ErrorBody, UploadedDocument, type UploadFields } from './contract.js';
import { ApiError, kindForStatus, parseRetryAfter } from './errors.js';
import { routes } from './routes.js';

/**
 * POST /documents with upload progress. fetch() reports no upload progress (request streams need
 * HTTP/2 and are missing from Safari and Firefox), so this one call uses XMLHttpRequest. Errors
 * are the client's ApiError kinds, responses are checked against the contract like every other.
 */

export interface UploadProgress {
  /** Bytes of the file sent so far (the multipart envelope is left out so the figures match the file). */
  loaded: number;
  total: number;
}

/** The part of XMLHttpRequest used here, so a test can drive progress with a transport of its own. */
export interface XhrLike {
  open(method: string, url: string): void;
  setRequestHeader(name: string, value: string): void;
  send(body: FormData): void;
  abort(): void;
  withCredentials: boolean;
  readonly status: number;
  readonly responseText: string;
  getResponseHeader(name: string): string | null;
  readonly upload: { addEventListener(type: 'progress', listener: (event: ProgressEvent) => void): void };
  addEventListener(type: 'load' | 'error' | 'abort', listener: () => void): void;
}

export type XhrFactory = () => XhrLike;

const defaultFactory: XhrFactory = () => new XMLHttpRequest();
let factory: XhrFactory = defaultFactory;

/** Replaces the transport of every upload on the page (tests); undefined restores XMLHttpRequest. */
export function setXhrFactory(next: XhrFactory | undefined): void {
  factory = next ?? defaultFactory;
}

export interface UploadOptions {
  fields: UploadFields;
  file: Blob;
  fileName: string;
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
  /**
   * Abandon after this long without any progress (default 30 s). Not a total timeout: a 2 MB
   * photo over a weak mobile connection may rightly take minutes while it keeps moving.
   */
  stallTimeoutMs?: number;
}

export function uploadDocument(client: ApiClient, options: UploadOptions): Promise<UploadedDocument> {
  const { file, signal } = options;
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new ApiError('aborted'));
      return;
    }
    const token = client.session.token;
    if (!token) {
      reject(new ApiError('unauthorized', { status: 401, code: 'no-session' }));
      return;
    }

    const xhr = factory();
    const stallMs = options.stallTimeoutMs ?? 30000;
    let stalled = false;
    let settled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        stalled = true;
        xhr.abort();
      }, stallMs);
    };
    const onAbort = () => xhr.abort();
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      outcome();
    };

    xhr.upload.addEventListener('progress', (event) => {
      arm();
      const total = file.size;
      const ratio = event.lengthComputable && event.total > 0 ? event.loaded / event.total : 0;
      options.onProgress?.({ loaded: Math.min(total, Math.round(ratio * total)), total });
    });
    xhr.addEventListener('error', () => finish(() => reject(new ApiError('network'))));
    xhr.addEventListener('abort', () => finish(() => reject(new ApiError(stalled ? 'timeout' : 'aborted'))));
    xhr.addEventListener('load', () =>
      finish(() =>
        settle(xhr, resolve, (error) => {
          // As ApiClient.call does: a refused token expires the session for the wizard too.
          if (error.kind === 'unauthorized') client.session.rejected(token);
          reject(error);
        }),
      ),
    );
    signal?.addEventListener('abort', onAbort, { once: true });

    const form = new FormData();
    // Fields before the file, so a streaming server knows what it receives before the bytes.
    form.append('typeCode', options.fields.typeCode);
    if (options.fields.studentId) form.append('studentId', options.fields.studentId);
    form.append('file', file, options.fileName);

    xhr.open(routes.upload.method, client.url(routes.upload.path));
    // No cookies, as with fetch's credentials: 'omit': the bearer token is the only credential.
    xhr.withCredentials = false;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    arm();
    options.onProgress?.({ loaded: 0, total: file.size });
    xhr.send(form);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function settle(xhr: XhrLike, resolve: (doc: UploadedDocument) => void, reject: (error: ApiError) => void): void {
  const status = xhr.status;
  // Status 0 after 'load' is a CORS refusal or a connection cut short.
  if (status === 0) {
    reject(new ApiError('network'));
    return;
  }
  const json = parseJson(xhr.responseText);
  if (status < 200 || status >= 300) {
    const body = z.safeParse(ErrorBody, json);
    const data = body.success ? body.data : undefined;
    reject(
      new ApiError(kindForStatus(status, data?.code), {
        status,
        code: data?.code,
        serverMessage: data?.message,
        fieldErrors: data?.fieldErrors,
        retryAfterSeconds: parseRetryAfter(xhr.getResponseHeader('Retry-After')),
      }),
    );
    return;
  }
  if (json === undefined) {
    reject(new ApiError('contract', { status, code: 'not-json' }));
    return;
  }
  const parsed = z.safeParse(UploadedDocument, json);
  if (!parsed.success) reject(new ApiError('contract', { status, code: 'schema-mismatch' }));
  else resolve(parsed.data);
}
