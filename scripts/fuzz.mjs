#!/usr/bin/env node
/**
 * `npm run fuzz`: the fuzz properties of `npm test`, with many more runs, in the same headless
 * Chromium and with the same build plugins as web-test-runner.config.mjs:
 *   - test/schemas/fuzz.test.ts: every schema of the form data and of the contract's request
 *     bodies, 10,000 runs per property (1,000 in `npm test`);
 *   - test/elements/forms.fuzz.test.ts: every step's form, 1,000 runs per form (200 in `npm test`).
 * The runs reach the tests as `globalThis.__FUZZ__` (test/helpers/hostile.ts reads it).
 *
 * Options: --runs N (per schema property), --form-runs N (per form), --seed N (fast-check's seed,
 * to replay a failure it printed), --schemas or --forms (one file only). CHROME_PATH as for `npm test`.
 *
 * Prints each property's figures (runs, accepted, refused, time), then `N passed, N failed`
 * alone on a line, like scripts/test.mjs, and exits 1 on any failure.
 */
import { defaultReporter, startTestRunner } from '@web/test-runner';
import base from '../web-test-runner.config.mjs';

const option = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (value !== undefined && !Number.isInteger(value)) throw new Error(`--${name} takes a whole number`);
  return value;
};
const settings = { runs: option('runs', 10_000), formRuns: option('form-runs', 1_000), seed: option('seed', undefined) };
const only = process.argv.includes('--schemas') ? 'schemas' : process.argv.includes('--forms') ? 'forms' : undefined;
const files = [...(only === 'forms' ? [] : ['test/schemas/fuzz.test.ts']), ...(only === 'schemas' ? [] : ['test/elements/forms.fuzz.test.ts'])];

/** Figures sent by the tests through `executeServerCommand('fuzz-figures', …)`. */
const figures = [];
const figuresPlugin = {
  name: 'fuzz-figures',
  executeCommand({ command, payload }) {
    if (command !== 'fuzz-figures') return undefined;
    figures.push(...payload);
    return true;
  },
};

let passed = 0;
let failed = 0;
const countReporter = {
  onTestRunFinished({ sessions }) {
    const walk = (suite) => {
      for (const t of suite.tests ?? []) {
        if (t.skipped) continue;
        if (t.passed) passed += 1;
        else failed += 1;
      }
      for (const s of suite.suites ?? []) walk(s);
    };
    for (const session of sessions) {
      if (session.testResults) walk(session.testResults);
      // A file that failed to load, or an error outside any test (an `after` hook), is one failure.
      if (!session.passed && (!session.testResults || (session.errors?.length ?? 0) > 0)) failed += 1;
    }
  },
};

const started = Date.now();
const runner = await startTestRunner({
  readFileConfig: false,
  readCliArgs: false,
  autoExitProcess: false,
  config: {
    rootDir: base.rootDir,
    nodeResolve: base.nodeResolve,
    plugins: [...base.plugins, figuresPlugin],
    browsers: base.browsers,
    filterBrowserLogs: base.filterBrowserLogs,
    concurrency: 1,
    files,
    testsFinishTimeout: 3_600_000,
    testFramework: { config: { timeout: 1_800_000 } },
    testRunnerHtml: (framework) =>
      `<!DOCTYPE html><html><head><script>globalThis.__FUZZ__ = ${JSON.stringify(settings)};</script></head>` +
      `<body><script type="module" src="${framework}"></script></body></html>`,
    reporters: [defaultReporter(), countReporter],
  },
});
if (!runner) process.exit(1);

runner.on('finished', async () => {
  await runner.stop();
  const width = Math.max(...figures.map((f) => f.name.length), 8);
  const n = (x) => String(x.toLocaleString('en-US')).padStart(8);
  console.log(`\nFuzz figures (seed ${settings.seed ?? 'random'}):`);
  console.log(`  ${'suite'.padEnd(9)} ${'property'.padEnd(width)} ${'runs'.padStart(8)} ${'accepted'.padStart(8)} ${'refused'.padStart(8)} ${'ms'.padStart(8)}`);
  for (const f of figures) console.log(`  ${f.suite.padEnd(9)} ${f.name.padEnd(width)} ${n(f.runs)} ${n(f.accepted)} ${n(f.refused)} ${n(f.ms)}`);
  const total = figures.reduce((sum, f) => sum + f.runs, 0);
  const least = (suites) => {
    const runs = figures.filter((f) => suites.includes(f.suite)).map((f) => f.runs);
    return runs.length ? Math.min(...runs).toLocaleString('en-US') : '–';
  };
  console.log(
    `  ${figures.length} properties, ${total.toLocaleString('en-US')} runs in all: at least ${least(['form', 'contract'])} per schema, ` +
      `${least(['element'])} per form; ${Math.round((Date.now() - started) / 1000)} s`,
  );
  // A property that reported no figures did not run: it is no pass.
  if (!figures.length) failed += 1;
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
});
