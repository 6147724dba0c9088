import { assetUrl } from '../assets-url.js';
import { compressBlob, type CompressOutcome, type CompressSettings, type WorkerRequest } from './compress-core.js';

/**
 * Shrinks an over-limit JPEG or PNG photo to fit the upload limit, in a worker where the browser
 * has OffscreenCanvas (the page stays responsive on a phone), else on the main thread.
 */

export interface CompressOptions {
  maxBytes: number;
  /** Default 1600 px: an A4 page stays readable. */
  minLongSide?: number;
  /** Default 0.6: below, JPEG artefacts blur small print. */
  minQuality?: number;
  /**
   * Where the built assets live (the widget's `assets-url`), tried when the worker cannot be loaded
   * next to the main module (an optimiser moved it): the worker's hashed name under that folder
   * (COMPRESS_WORKER_FILE). Must be same-origin with the page (browsers refuse cross-origin workers);
   * otherwise the main-thread fallback is used.
   */
  assetsUrl?: string;
  /** false forces the main thread (tests, the benchmark). */
  worker?: boolean;
  signal?: AbortSignal;
}

export type CompressResult =
  | { ok: true; file: File; width: number; height: number; quality: number; originalBytes: number; via: 'worker' | 'main-thread' }
  | Exclude<CompressOutcome, { ok: true }>;

export const DEFAULT_MIN_LONG_SIDE = 1600;
export const DEFAULT_MIN_QUALITY = 0.6;

/**
 * The worker's content-hashed file name under `assetsUrl`: a placeholder the build replaces
 * (vite.config.ts, plugin `hashed-names`, as for the steps chunk in wizard/load-steps.ts).
 */
export const COMPRESS_WORKER_FILE = '__RW_COMPRESS_WORKER__';

/** The Trusted Types policy's name: a page with `trusted-types` lists it (docs/csp.md). */
export const TRUSTED_TYPES_POLICY = 'reinscription-wizard';

interface ScriptUrlPolicy {
  createScriptURL(url: string): string;
}
type TrustedTypesFactory = { createPolicy(name: string, rules: ScriptUrlPolicy): ScriptUrlPolicy };
let policy: ScriptUrlPolicy | null | undefined;

/**
 * Under Trusted Types (`require-trusted-types-for 'script'`), a worker's URL must come from a
 * policy. Ours lets through nothing but our own worker file, from the page's origin (the only one
 * a browser runs a worker from). A page whose `trusted-types` list leaves it out gets the
 * main-thread fallback.
 */
function trusted(url: string | URL): string | URL {
  const factory = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
  if (!factory) return url;
  if (policy === undefined) {
    try {
      policy = factory.createPolicy(TRUSTED_TYPES_POLICY, {
        createScriptURL: (u) => {
          const parsed = new URL(u, location.href);
          const ours = parsed.pathname.endsWith(`/${COMPRESS_WORKER_FILE}`) || /compress[.-]worker/.test(parsed.pathname);
          if (parsed.origin !== location.origin || !ours) throw new TypeError(`${TRUSTED_TYPES_POLICY}: not its worker`);
          return parsed.href;
        },
      });
    } catch {
      policy = null;
    }
  }
  return policy ? policy.createScriptURL(String(url)) : url;
}

function createWorker(assetsUrl: string | undefined): Worker {
  // Shadows the global on purpose: the bundler looks for this very text, `new Worker(new URL(…))`.
  const Worker = class extends globalThis.Worker {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(trusted(url), options);
    }
  };
  if (assetsUrl) return new Worker(assetUrl(COMPRESS_WORKER_FILE, assetsUrl), { type: 'module' });
  // This exact shape lets the bundler emit the worker as a file of its own.
  return new Worker(new URL('./compress.worker.ts', import.meta.url), { type: 'module' });
}

/** Resolves null when the worker cannot run (failed to load, blocked, crashed): the caller falls back. */
function inWorker(file: Blob, settings: CompressSettings, assetsUrl: string | undefined, signal: AbortSignal | undefined): Promise<CompressOutcome | null> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = createWorker(assetsUrl);
    } catch {
      resolve(null);
      return;
    }
    const done = () => {
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      done();
      reject(signal?.reason ?? new DOMException('Aborted', 'AbortError'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.addEventListener('message', (event: MessageEvent<CompressOutcome>) => {
      done();
      resolve(event.data);
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      done();
      resolve(null);
    });
    worker.addEventListener('messageerror', () => {
      done();
      resolve(null);
    });
    const request: WorkerRequest = { file, settings };
    worker.postMessage(request);
  });
}

/** « photo.png » → « photo.jpg »: the content is JPEG now, and the backend checks it. */
export function jpegName(name: string): string {
  const base = name.replace(/\.[^./\\]{1,5}$/, '');
  return `${base || 'photo'}.jpg`;
}

export async function compressImage(file: File, options: CompressOptions): Promise<CompressResult> {
  const settings: CompressSettings = {
    maxBytes: options.maxBytes,
    minLongSide: options.minLongSide ?? DEFAULT_MIN_LONG_SIDE,
    minQuality: options.minQuality ?? DEFAULT_MIN_QUALITY,
  };
  const { signal } = options;
  signal?.throwIfAborted();

  let outcome: CompressOutcome | null = null;
  let via: 'worker' | 'main-thread' = 'worker';
  const workerPossible = options.worker !== false && typeof Worker !== 'undefined' && typeof OffscreenCanvas !== 'undefined';
  // Next to the main module first; then the copy under assets-url, for a main module moved by an optimiser.
  if (workerPossible) outcome = await inWorker(file, settings, undefined, signal);
  if (workerPossible && !outcome && options.assetsUrl) outcome = await inWorker(file, settings, options.assetsUrl, signal);
  // 'decode' is retried too: an <img> can read a few JPEGs that createImageBitmap refuses.
  if (!outcome || (!outcome.ok && outcome.reason !== 'floor')) {
    via = 'main-thread';
    outcome = await compressBlob(file, settings, { allowElement: true, signal });
  }
  if (!outcome.ok) return outcome;
  const out = new File([outcome.blob], jpegName(file.name), { type: 'image/jpeg', lastModified: Date.now() });
  return { ok: true, file: out, width: outcome.width, height: outcome.height, quality: outcome.quality, originalBytes: file.size, via };
}
