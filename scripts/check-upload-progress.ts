/**
 * `tsx scripts/check-upload-progress.ts`: upload progress and cancel, for real, against the mock
 * backend's HTTP server (scripts/mock-server.ts). The MSW service worker used by the component
 * tests answers from inside the browser, so it cannot show real transfer progress; here the bytes
 * cross a real socket, from a page on another origin (CORS preflight included), with Chromium's
 * network throttling slowing the upload to a weak mobile connection.
 *
 * Checks: several intermediate progress events, increasing, ending at the file's size; the stored
 * document has the file's size and type; a cancelled upload leaves nothing on the server.
 * Exits non-zero on a failed check. Needs puppeteer-core (a dependency of
 * @web/test-runner-chrome) and Chromium (CHROME_PATH or /usr/bin/chromium). Network: loopback only.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { DEMO_CREDENTIALS } from '../src/mocks/seed.js';
import { startMockServer } from './mock-server.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const UPLOAD_BYTES_PER_SECOND = 256 * 1024;
const FILE_BYTES = Math.round(1.5 * 1024 * 1024);

const out = await build({
  stdin: {
    contents: `import { ApiClient } from './src/api/client.ts';
      import { uploadDocument } from './src/api/upload.ts';
      Object.assign(globalThis, { __check: { ApiClient, uploadDocument } });`,
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  write: false,
  logLevel: 'error',
});
const pageJs = out.outputFiles[0]?.text ?? '';
const html = readFileSync(join(root, 'bench/page.html'), 'utf8');

const mock = await startMockServer({ port: 0, quiet: true });
const pages = createServer((req, res) => {
  if (req.url === '/page.js') res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(pageJs);
  else if (req.url === '/') res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html);
  else res.writeHead(404).end();
});
await new Promise<void>((ok) => pages.listen(0, '127.0.0.1', ok));
const pageOrigin = `http://127.0.0.1:${(pages.address() as AddressInfo).port}`;

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
});

const failures: string[] = [];
let passes = 0;
const check = (ok: boolean, what: string) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'}  ${what}`);
  if (ok) passes += 1;
  else failures.push(what);
};

try {
  const tab = await browser.newPage();
  // tsx compiles with esbuild's keepNames, which wraps functions in __name(): page.evaluate
  // sends them as source, so the page needs that helper too.
  await tab.evaluateOnNewDocument('globalThis.__name = (fn) => fn;');
  await tab.goto(`${pageOrigin}/`);
  await tab.waitForFunction(() => '__check' in globalThis);
  await tab.emulateNetworkConditions({ download: 4 * 1024 * 1024, upload: UPLOAD_BYTES_PER_SECOND, latency: 40 });

  const run = (cancelAfterFirstProgress: boolean) =>
    tab.evaluate(
      async (apiUrl: string, identifier: string, password: string, size: number, cancel: boolean) => {
        interface Api {
          ApiClient: new (url: string) => { login(b: { identifier: string; password: string }): Promise<unknown>; session: { clear(): void } };
          uploadDocument: (
            client: unknown,
            o: { fields: { typeCode: string; studentId?: string }; file: Blob; fileName: string; signal?: AbortSignal; onProgress?: (p: { loaded: number; total: number }) => void },
          ) => Promise<{ id: string; size: number; mimeType: string }>;
        }
        const api = (globalThis as unknown as { __check: Api }).__check;
        const client = new api.ApiClient(apiUrl);
        await client.login({ identifier, password });
        const bytes = new Uint8Array(size);
        bytes.set([...'%PDF-1.7\n'].map((c) => c.charCodeAt(0)));
        for (let i = 9; i < size; i += 1) bytes[i] = (i * 7) & 0x7f;
        const file = new File([bytes], 'attestation.pdf', { type: 'application/pdf' });
        const progress: { loaded: number; total: number; at: number }[] = [];
        const controller = new AbortController();
        const start = performance.now();
        try {
          const doc = await api.uploadDocument(client, {
            fields: { typeCode: 'responsabilite-civile', studentId: 'gianni' },
            file,
            fileName: file.name,
            signal: controller.signal,
            onProgress: (p) => {
              progress.push({ ...p, at: Math.round(performance.now() - start) });
              if (cancel && p.loaded > 0) controller.abort();
            },
          });
          return { progress, doc, error: null, ms: Math.round(performance.now() - start) };
        } catch (e) {
          return { progress, doc: null, error: String((e as { kind?: string }).kind ?? e), ms: Math.round(performance.now() - start) };
        } finally {
          client.session.clear();
        }
      },
      mock.url,
      DEMO_CREDENTIALS.identifier,
      DEMO_CREDENTIALS.password,
      FILE_BYTES,
      cancelAfterFirstProgress,
    );

  const full = await run(false);
  const middle = full.progress.filter((p) => p.loaded > 0 && p.loaded < FILE_BYTES);
  console.log(`Upload of ${FILE_BYTES} bytes at ${UPLOAD_BYTES_PER_SECOND / 1024} KB/s to ${mock.url} from ${pageOrigin}: ${full.ms} ms, ${full.progress.length} progress events`);
  const step = Math.max(1, Math.ceil(full.progress.length / 10));
  const shown = full.progress.filter((_, i, all) => i % step === 0 || i === all.length - 1);
  console.log(`  ${shown.map((p) => `${(p.loaded / 1024 / 1024).toFixed(2)} Mo @${p.at} ms`).join(', ')}`);
  check(full.error === null, `the upload succeeded${full.error ? ` (got ${full.error})` : ''}`);
  check(middle.length >= 3, `at least 3 intermediate progress events (got ${middle.length})`);
  check(
    full.progress.every((p, i, all) => i === 0 || p.loaded >= (all[i - 1]?.loaded ?? 0)),
    'progress never goes backwards',
  );
  check(full.progress.at(-1)?.loaded === FILE_BYTES && full.progress.every((p) => p.total === FILE_BYTES), 'progress ends at the file size, in bytes of the file');
  const stored = [...mock.store.documents.values()];
  check(stored.length === 1 && stored[0]?.size === FILE_BYTES && stored[0]?.mimeType === 'application/pdf', 'the server stored the whole file as a PDF');

  const cancelled = await run(true);
  check(cancelled.error === 'aborted', `a cancelled upload ends as 'aborted' (got ${cancelled.error})`);
  // Give the server a moment: an aborted request must not have been stored once it closes.
  await new Promise((r) => setTimeout(r, 500));
  check(mock.store.documents.size === 1, 'the cancelled upload left nothing on the server');
} finally {
  await browser.close();
  pages.close();
  await mock.close();
}

// The plain count, read by scripts/test.mjs.
console.log(`\n${passes} passed, ${failures.length} failed`);
if (failures.length) process.exit(1);
