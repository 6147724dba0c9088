/**
 * `npm run bench` (tsx scripts/bench-upload.ts [--runs N]): how long it takes to bring a phone
 * photo of a printed page under the 2 MB limit in headless Chromium, with our compressor
 * (src/files/compress.ts, OffscreenCanvas in a worker, main-thread fallback) and with the
 * `browser-image-compression` package doing the same job, side by side in the same run.
 *
 * The photo is generated in the page: 4000 × 3000 px, text on a noisy paper background, JPEG over
 * 4 MB. Printed per approach: time (median and min of N runs), output size, dimensions and type,
 * main-thread long-task time while it ran, where it ran (worker or main thread), and the extra
 * gzip bytes the approach adds to the widget. A second pass repeats one run of each under
 * `Content-Security-Policy: script-src 'self'`, the policy the widget must live with.
 *
 * browser-image-compression's worker imports its library from a CDN by default (unreachable
 * here, and it would then silently fall back to the main thread): the library is served locally
 * and passed as `libURL`, and each fetch of it is counted to prove its worker really ran.
 *
 * A benchmark, not a test: it prints figures and fails only if something could not run.
 * Needs `browser-image-compression` installed (a devDependency), puppeteer-core (a dependency of
 * @web/test-runner-chrome) and Chromium (CHROME_PATH or /usr/bin/chromium). Network: loopback only.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync, existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const LIMIT = 2 * 1024 * 1024;
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Math.max(1, Number(process.argv[runsArg + 1]) || 3) : 3;
const chrome = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const libPath = join(root, 'node_modules/browser-image-compression/dist/browser-image-compression.js');

if (!existsSync(libPath)) {
  console.error('browser-image-compression is not installed: npm install --no-save browser-image-compression (or add it as a devDependency).');
  process.exit(1);
}

async function bundle(contents: string, minify: boolean): Promise<string> {
  const out = await build({
    stdin: { contents, resolveDir: root, loader: 'ts', sourcefile: 'bench-entry.ts' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify,
    write: false,
    logLevel: 'error',
  });
  return out.outputFiles[0]?.text ?? '';
}

async function bundleFile(entry: string): Promise<string> {
  const out = await build({ entryPoints: [join(root, entry)], bundle: true, format: 'esm', platform: 'browser', target: 'es2022', minify: true, write: false, logLevel: 'error' });
  return out.outputFiles[0]?.text ?? '';
}

const gz = (text: string) => gzipSync(Buffer.from(text), { level: 9 }).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

// ---------------------------------------------------------------- what each approach adds (gzip -9, minified)

const oursMain = await bundle(`export { compressImage } from './src/files/compress.ts';`, true);
const oursWorker = await bundleFile('src/files/compress.worker.ts');
const bicMain = await bundle(`export { default } from 'browser-image-compression';`, true);
const bicLib = readFileSync(libPath, 'utf8');

// ---------------------------------------------------------------- the page and its server

const page = await bundle(
  `import imageCompression from 'browser-image-compression';
   import { compressImage } from './src/files/compress.ts';
   import { noisyPhoto } from './test/fixtures/documents.ts';
   Object.assign(globalThis, { __bench: { imageCompression, compressImage, noisyPhoto } });`,
  false,
);
const html = readFileSync(join(root, 'bench/page.html'), 'utf8');
const hits: Record<string, number> = {};
let csp = false;

function serve(req: IncomingMessage, res: ServerResponse): void {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  hits[path] = (hits[path] ?? 0) + 1;
  const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
  if (csp) headers['Content-Security-Policy'] = "script-src 'self'";
  const body: Record<string, [string, string]> = {
    '/': ['text/html; charset=utf-8', html],
    '/page.js': ['text/javascript', page],
    // Where compressImage() looks first: beside its module (page.js keeps the source's relative URL).
    '/compress.worker.ts': ['text/javascript', oursWorker],
    '/vendor/browser-image-compression.js': ['text/javascript', bicLib],
  };
  const found = body[path];
  if (!found) {
    res.writeHead(404, headers).end();
    return;
  }
  res.writeHead(200, { ...headers, 'Content-Type': found[0] }).end(found[1]);
}

const server = createServer(serve);
await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const browser = await puppeteer.launch({
  executablePath: chrome,
  headless: true,
  args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
});

type Variant = 'ours-worker' | 'ours-main-thread' | 'bic-worker' | 'bic-main-thread';
interface Run {
  ms: number;
  bytes: number;
  type: string;
  width: number;
  height: number;
  longTaskMs: number;
  via: string;
}
interface Outcome {
  input: { bytes: number; width: number; height: number; generatedMs: number };
  runs: Run[];
  violations: string[];
}

async function measure(variant: Variant, runs: number): Promise<Outcome> {
  const tab = await browser.newPage();
  // tsx compiles with esbuild's keepNames, which wraps functions in __name(): page.evaluate
  // sends them as source, so the page needs that helper too.
  await tab.evaluateOnNewDocument('globalThis.__name = (fn) => fn;');
  const violations: string[] = [];
  tab.on('console', (m) => {
    if (/Content Security Policy|Refused/.test(m.text())) violations.push(m.text());
  });
  await tab.goto(`${origin}/`);
  await tab.waitForFunction(() => '__bench' in globalThis);
  const result = await tab.evaluate(
    async (variant: Variant, runs: number, limit: number, origin: string) => {
      interface Api {
        compressImage: (file: File, o: { maxBytes: number; worker?: boolean; assetsUrl?: string }) => Promise<{ ok: boolean; file?: File; via?: string; reason?: string }>;
        imageCompression: (file: File, o: { maxSizeMB: number; useWebWorker: boolean; libURL: string }) => Promise<File>;
        noisyPhoto: () => Promise<File>;
      }
      const api = (globalThis as unknown as { __bench: Api }).__bench;
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));
      const t0 = performance.now();
      const photo = await api.noisyPhoto();
      const generatedMs = performance.now() - t0;
      const inBitmap = await createImageBitmap(photo);
      const input = { bytes: photo.size, width: inBitmap.width, height: inBitmap.height, generatedMs };
      inBitmap.close();
      const out: Run[] = [];
      for (let i = 0; i < runs; i += 1) {
        let longTaskMs = 0;
        const observer = new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) longTaskMs += entry.duration;
        });
        observer.observe({ type: 'longtask' });
        const start = performance.now();
        let file: File;
        let via: string;
        if (variant.startsWith('ours')) {
          const r = await api.compressImage(photo, { maxBytes: limit, worker: variant === 'ours-worker' });
          if (!r.ok || !r.file) throw new Error(`ours refused: ${r.reason}`);
          file = r.file;
          via = r.via ?? '?';
        } else {
          const useWebWorker = variant === 'bic-worker';
          file = await api.imageCompression(photo, { maxSizeMB: limit / 1024 / 1024, useWebWorker, libURL: `${origin}/vendor/browser-image-compression.js` });
          via = useWebWorker ? 'worker (asked)' : 'main-thread';
        }
        const ms = performance.now() - start;
        await new Promise((r) => setTimeout(r, 100));
        observer.disconnect();
        const bitmap = await createImageBitmap(file);
        out.push({ ms, bytes: file.size, type: file.type, width: bitmap.width, height: bitmap.height, longTaskMs, via });
        bitmap.close();
      }
      return { input, runs: out, violations };
    },
    variant,
    runs,
    LIMIT,
    origin,
  );
  await tab.close();
  return { ...result, violations: [...result.violations, ...violations] };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};

function row(name: string, o: Outcome, libHits: number | undefined): string[] {
  const last = o.runs[o.runs.length - 1];
  if (!last) return [name, '-'];
  let via = last.via;
  // browser-image-compression falls back silently: its worker ran only if it fetched its library.
  if (libHits !== undefined) via = libHits >= o.runs.length ? `worker (${libHits} lib fetches)` : `MAIN THREAD (worker failed: ${libHits} lib fetches)`;
  return [
    name,
    `${median(o.runs.map((r) => r.ms)).toFixed(0)} ms`,
    `${Math.min(...o.runs.map((r) => r.ms)).toFixed(0)} ms`,
    mb(last.bytes),
    last.bytes <= LIMIT ? 'yes' : 'NO',
    `${last.width}×${last.height}`,
    last.type,
    `${median(o.runs.map((r) => r.longTaskMs)).toFixed(0)} ms`,
    via,
  ];
}

function table(rows: string[][]): void {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  '));
}

const header = ['approach', 'median', 'min', 'output', '≤ 2 MB', 'dimensions', 'type', 'main-thread long tasks', 'ran in'];
try {
  const version = await browser.version();
  console.log(`Chromium ${version}, ${cpus().length} cores, ${RUNS} runs per approach, limit ${mb(LIMIT)}\n`);

  const results: [string, Outcome, number | undefined][] = [];
  for (const [name, variant] of [
    ['ours, worker', 'ours-worker'],
    ['ours, main thread', 'ours-main-thread'],
    ['browser-image-compression, worker', 'bic-worker'],
    ['browser-image-compression, main thread', 'bic-main-thread'],
  ] as const) {
    const before = hits['/vendor/browser-image-compression.js'] ?? 0;
    const o = await measure(variant, RUNS);
    const libHits = variant === 'bic-worker' ? (hits['/vendor/browser-image-compression.js'] ?? 0) - before : undefined;
    results.push([name, o, libHits]);
  }
  const input = results[0]?.[1].input;
  if (input) console.log(`Input: ${input.width}×${input.height} JPEG, ${mb(input.bytes)} (generated in ${input.generatedMs.toFixed(0)} ms)\n`);
  table([header, ...results.map(([n, o, h]) => row(n, o, h))]);

  console.log('\nExtra gzip bytes (minified, gzip -9):');
  table([
    ['ours', `${kb(gz(oursMain))} in the bundle`, `+ ${kb(gz(oursWorker))} worker file, fetched at the first reduction`, `= ${kb(gz(oursMain) + gz(oursWorker))}`],
    [
      'browser-image-compression',
      `${kb(gz(bicMain))} in the bundle`,
      `+ ${kb(gz(bicLib))} library fetched by its worker`,
      `= ${kb(gz(bicMain) + gz(bicLib))}`,
    ],
  ]);

  console.log(`\nUnder Content-Security-Policy: script-src 'self' (1 run each):`);
  csp = true;
  const cspRows: string[][] = [header];
  for (const [name, variant] of [
    ['ours, worker', 'ours-worker'],
    ['browser-image-compression, worker', 'bic-worker'],
  ] as const) {
    const before = hits['/vendor/browser-image-compression.js'] ?? 0;
    const o = await measure(variant, 1);
    const libHits = variant === 'bic-worker' ? (hits['/vendor/browser-image-compression.js'] ?? 0) - before : undefined;
    cspRows.push(row(name, o, libHits));
    for (const v of new Set(o.violations)) console.log(`  ${name}: CSP blocked ${v.slice(0, 160)}`);
  }
  table(cspRows);
} finally {
  await browser.close();
  server.close();
}
