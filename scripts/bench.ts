/**
 * `npm run bench [-- --runs N] [--step-runs N] [--json FILE] [--screenshots DIR] [--no-upload] [--upload-runs N]`:
 * how soon a parent can start typing, then the upload benchmark (scripts/bench-upload.ts, also
 * `npm run bench:upload`).
 *
 * First field: the same login three ways, each served by one local HTTP server with gzip and
 * `Cache-Control: no-store`:
 * - static:     a hand-written HTML copy of the login (scripts/bench/static.html), no script;
 * - plain DOM:  the same form built with createElement in a shadow root (scripts/bench/plain-dom.*);
 *               both carry the login's own CSS (src/ui/styles.ts, login.styles.ts), inlined as served,
 *               so the three pages look the same (--screenshots DIR shows them);
 * - widget:     `<reinscription-wizard>` loading dist/'s stable facade (scripts/bench/widget.html),
 *               its api-url at the project's HTTP mock backend.
 * Each is loaded N times (default 15), the three alternated so a drift of the machine touches them
 * alike, each load in a fresh browser context with the cache disabled and the CPU throttled 4×.
 * What is timed, by the same probe in all three (scripts/bench/probe.js): the first painted frame in
 * which the identifier input is visible and usable. Also: the bytes that had arrived by then, and
 * the JS heap once the page has settled.
 *
 * Then the widget alone, M times (default 5): log in, and from the click on « Je souhaite réinscrire
 * MOREAU Gianni » to step 1 painted (its heading and its first question's radios), and the JS heap
 * with step 1 shown, next to its 1.8 MB target.
 *
 * Then scripts/bench-upload.ts in a process of its own, once this bench's browser is closed:
 * `--upload-runs N` becomes its `--runs N` (`--runs` is not passed on: 15 photo reductions per
 * approach would take minutes); `--no-upload` leaves it out (`npm run bench:first-field`).
 *
 * A benchmark, not a test: it prints figures (and writes them with --json) and exits non-zero only
 * when something could not run. Builds dist/ (`npx vite build`) only when dist/manifest.json is
 * missing. Needs Chromium (CHROME_PATH or /usr/bin/chromium). Network: loopback only.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, release, type } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser } from 'puppeteer-core';
import { startFrozenMock, DEMO_CREDENTIALS } from './wordpress/mock.js';
import { loginStyles } from '../src/elements/login/login.styles.js';
import { baseStyles } from '../src/ui/styles.js';
import { CPU_THROTTLING, loadOnce, stepOneOnce, type LoadFigures, type StepFigures } from './bench/measure.js';
import { startBenchServer } from './bench/server.js';
import { kib, mb, ms, printTable, ratio, summarise } from './bench/stats.js';
import { CHROME_ARGS } from './chromium.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const here = join(root, 'scripts', 'bench');
const chrome = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const HEAP_TARGET_MB = 1.8;
const STUDENT = 'MOREAU Gianni';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}
const count = (name: string, fallback: number, least: number) => Math.max(least, Number(option(name)) || fallback);
const RUNS = count('--runs', 15, 1);
const STEP_RUNS = count('--step-runs', 5, 1);
const jsonFile = option('--json');

const started = Date.now();

if (!existsSync(chrome)) {
  console.error(`Chromium not found at ${chrome}: set CHROME_PATH, or apt-get install chromium.`);
  process.exit(1);
}
if (!existsSync(join(root, 'dist', 'manifest.json'))) {
  console.log('dist/ is not built: npx vite build\n');
  if (spawnSync('npx', ['vite', 'build'], { cwd: root, stdio: 'inherit' }).status !== 0) process.exit(1);
}

const PAGES = [
  { key: 'static', name: 'static HTML', path: '/static/' },
  { key: 'plain', name: 'plain DOM', path: '/plain-dom/' },
  { key: 'widget', name: 'widget', path: '/widget/' },
] as const;
type PageKey = (typeof PAGES)[number]['key'];

const mock = await startFrozenMock();
/** The login's styles as the widget has them; :host in a shadow root, `.rw` (CSS nesting) in the static page. */
const css = [baseStyles, loginStyles].map((sheet) => sheet.cssText).join('\n');
const nested = `.rw {\n${css.replace(/:host\(([^)]*)\)/g, '&$1').replace(/:host\b/g, '&')}\n}`;
/** The committed files as served: the login's CSS inlined (a JS string in plain-dom.js), the backend's URL. */
const served = (file: string) =>
  readFileSync(join(here, file), 'utf8')
    .replace("'/* LOGIN_CSS */'", () => JSON.stringify(css))
    .replace('/* LOGIN_CSS */', () => nested)
    .replace('api-url="API_URL"', () => `api-url="${mock.url}"`);
const HTML = 'text/html; charset=utf-8';
const server = await startBenchServer(
  {
    '/static/': [HTML, served('static.html')],
    '/plain-dom/': [HTML, served('plain-dom.html')],
    '/bench/plain-dom.js': ['text/javascript; charset=utf-8', served('plain-dom.js')],
    '/widget/': [HTML, served('widget.html')],
  },
  join(root, 'dist'),
);
const probe = readFileSync(join(here, 'probe.js'), 'utf8');

let browser: Browser | undefined;
let failed = false;
try {
  browser = await puppeteer.launch({
    executablePath: chrome,
    headless: true,
    defaultViewport: { width: 1024, height: 768 },
    args: CHROME_ARGS,
  });
  const machine = {
    cpu: cpus()[0]?.model.trim() ?? '?',
    cores: cpus().length,
    os: `${type()} ${release()}`,
    chromium: (await browser.version()).replace(/^.*Chrome\//, ''),
    node: process.version,
    date: new Date().toISOString(),
  };
  console.log('First field of the login: a static HTML copy, a plain-DOM copy and the widget (dist/)');
  console.log(`${machine.cpu}, ${machine.cores} cores, ${machine.os}; Chromium ${machine.chromium}; Node ${machine.node}; ${machine.date}`);
  console.log(
    `Each load: a fresh browser context, cache disabled, CPU throttled ${CPU_THROTTLING}×, gzip level 6, Cache-Control: no-store; ` +
      `${RUNS} load${RUNS === 1 ? '' : 's'} per page, the three alternated, after one warm-up round not counted.\n`,
  );

  const shots = option('--screenshots');
  if (shots) {
    // To see that the three pages show the same login.
    mkdirSync(shots, { recursive: true });
    for (const p of PAGES) {
      const tab = await browser.newPage();
      await tab.goto(`${server.url}${p.path}`, { waitUntil: 'networkidle0' });
      await tab.screenshot({ path: join(shots, `${p.key}.png`) });
      await tab.close();
    }
  }

  const loads: Record<PageKey, LoadFigures[]> = { static: [], plain: [], widget: [] };
  for (let round = 0; round <= RUNS; round += 1) {
    // Each round starts with another page, so no page is always the one after the widget's teardown.
    for (let i = 0; i < PAGES.length; i += 1) {
      const page = PAGES[(round + i) % PAGES.length];
      if (!page) continue;
      const figures = await loadOnce(browser, probe, `${server.url}${page.path}`);
      if (round > 0) loads[page.key].push(figures);
    }
  }

  const firstField = Object.fromEntries(PAGES.map((p) => [p.key, summarise(loads[p.key].map((l) => l.firstFieldMs))])) as Record<
    PageKey,
    ReturnType<typeof summarise>
  >;
  const medianOf = (key: PageKey, pick: (l: LoadFigures) => number) => summarise(loads[key].map(pick)).median;
  printTable([
    ['page', 'median', 'min', 'max', 'p25–p75', 'arrived before it (gzip)', 'requests', 'heap once settled'],
    ...PAGES.map((p) => {
      const s = firstField[p.key];
      return [
        p.name,
        ms(s.median),
        ms(s.min),
        ms(s.max),
        `${ms(s.p25)}–${ms(s.p75)}`,
        kib(medianOf(p.key, (l) => l.bytesBefore)),
        String(medianOf(p.key, (l) => l.before.length)),
        mb(medianOf(p.key, (l) => l.heapMB)),
      ];
    }),
  ]);
  const ratios = {
    widgetToStatic: firstField.widget.median / firstField.static.median,
    widgetToPlain: firstField.widget.median / firstField.plain.median,
    plainToStatic: firstField.plain.median / firstField.static.median,
  };
  console.log(
    `\n  Medians: widget / static ${ratio(firstField.widget.median, firstField.static.median)}, ` +
      `widget / plain DOM ${ratio(firstField.widget.median, firstField.plain.median)}, ` +
      `plain DOM / static ${ratio(firstField.plain.median, firstField.static.median)}`,
  );
  console.log('  (time: ms from navigation start to the first frame painted with the field; bytes: bodies and headers as sent, medians)');
  const last = loads.widget.at(-1);
  if (last)
    console.log(
      `  The widget's last load, what had arrived by its first field: ${last.before.map((url) => url.replace(/^https?:\/\/[^/]+/, '')).join(', ')}\n`,
    );

  console.log(
    `The widget: log in, then « Je souhaite réinscrire ${STUDENT} » until step 1 is painted (${STEP_RUNS} run${STEP_RUNS === 1 ? '' : 's'}, same conditions)`,
  );
  const steps: StepFigures[] = [];
  for (let i = 0; i < STEP_RUNS; i += 1) {
    // Every run opens the same untouched file: nothing left by the previous one.
    mock.store.reset();
    mock.scenarios.reset();
    steps.push(await stepOneOnce(browser, probe, `${server.url}/widget/`, DEMO_CREDENTIALS, STUDENT));
  }
  const step1 = summarise(steps.map((s) => s.clickToStep1Ms));
  const step1Heap = summarise(steps.map((s) => s.heapMB));
  printTable([
    ['', 'median', 'min', 'max'],
    ['click → « Étape 1 sur 6 » and its form painted', ms(step1.median), ms(step1.min), ms(step1.max)],
    ['JS heap with step 1 shown (after GC)', mb(step1Heap.median), mb(step1Heap.min), mb(step1Heap.max)],
  ]);
  const within = step1Heap.median <= HEAP_TARGET_MB;
  console.log(
    `  heap target ≤ ${HEAP_TARGET_MB} MB: ${within ? 'within' : 'over'} (${mb(step1Heap.median)}); for comparison, once settled: ` +
      PAGES.map((p) => `${p.name} ${mb(medianOf(p.key, (l) => l.heapMB))}`).join(', '),
  );

  const seconds = (Date.now() - started) / 1000;
  console.log(`\n(first-field bench: ${seconds.toFixed(0)} s)`);
  if (jsonFile) {
    const figures = {
      machine,
      settings: { runs: RUNS, stepRuns: STEP_RUNS, cpuThrottling: CPU_THROTTLING, gzipLevel: 6, viewport: '1024×768' },
      firstField: Object.fromEntries(PAGES.map((p) => [p.key, { ...firstField[p.key], loads: loads[p.key] }])),
      ratios,
      step1: { clickToStep1Ms: step1, heapMB: step1Heap, heapTargetMB: HEAP_TARGET_MB, runs: steps },
      seconds,
    };
    writeFileSync(resolve(jsonFile), `${JSON.stringify(figures, null, 2)}\n`);
    console.log(`(figures written to ${jsonFile})`);
  }
} catch (e) {
  failed = true;
  console.error('The first-field bench could not run:', e instanceof Error ? (e.stack ?? e.message) : e);
} finally {
  await browser?.close();
  await server.close();
  await mock.close();
}

// After our browser is closed, so the upload bench has the machine to itself.
if (!process.argv.includes('--no-upload')) {
  console.log('\nUpload compression (scripts/bench-upload.ts)\n');
  const runs = option('--upload-runs');
  const upload = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'bench-upload.ts'), ...(runs ? ['--runs', runs] : [])], {
    cwd: root,
    stdio: 'inherit',
  });
  if (upload.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
