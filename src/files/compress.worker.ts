/**
 * The compression worker: a file of its own, loaded by URL (never a blob: URL), so it runs under
 * `Content-Security-Policy: script-src 'self'` (worker-src falls back to script-src).
 * One request per worker; the main thread terminates it afterwards.
 */
import { compressBlob, type WorkerRequest } from './compress-core.js';

addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  const { file, settings } = event.data;
  compressBlob(file, settings).then(
    (outcome) => postMessage(outcome),
    () => postMessage({ ok: false, reason: 'unsupported' }),
  );
});
