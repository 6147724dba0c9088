#!/usr/bin/env node
/**
 * `npm test`: everything, in the order that fails fastest. `npm test -- --quick`: the edit loop,
 * typecheck, lint and the browser tests on src/ only.
 *
 *   1. typecheck, lint, the OpenAPI, custom-elements.json and plugin data freshness checks, the plugin's PHP
 *      (php -l, phpcs, PHPUnit without WordPress)
 *   2. the build (dist/ and lib/), then the build checks (every tag defined by the built files)
 *   3. the browser tests on src/ (web-test-runner, headless Chromium)
 *   4. upload progress over real HTTP
 *   5. the journey on the built artifacts: dist/ on a bare page, the npm package in a fresh Vite app
 *   6. the backend-neutral contract suite over HTTP against the mock server
 *   7. the WordPress plugin in real WordPress 6.1 and 6.8, with its journeys (without and with CSP); then the
 *      plugin AS the backend (PHPUnit on the site, the contract suite on mod_php and php-fpm, plain permalinks,
 *      the CSV import, « Mot de passe perdu » and the journey on the three artifacts against the PHP backend)
 *   8. the npm package's contents, then the size budgets (which read what the journeys loaded)
 *
 * Ends with `N passed, N failed` (`, N skipped` when a part could not start, e.g. not root for
 * WordPress) alone on a line. A part that could not run is never counted as passed.
 *
 * Chromium: CHROME_PATH, else /usr/bin/chromium. When neither exists and we are root on Debian,
 * Debian's `chromium` is installed with apt-get (a browser download from anywhere else does not work here).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const quick = process.argv.includes('--quick');
const wtrArgs = process.argv.slice(2).filter((a) => !['--quick', '--no-wordpress'].includes(a));
const started = Date.now();
const timings = [];

const run = (cmd, args, opts = {}) => {
  console.log(`\n> ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  return r.status ?? 1;
};

function ensureChromium() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  const found = candidates.find((p) => p && existsSync(p));
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const isDebian = existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get');
  if (isRoot && isDebian) {
    console.log("Chromium not found: installing Debian's chromium package with apt-get…");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    if (run('apt-get', ['update'], { env }) === 0 && run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { env }) === 0 && existsSync('/usr/bin/chromium')) {
      return '/usr/bin/chromium';
    }
  }
  console.error(
    '\nNo Chromium or Chrome found. Install one and/or set CHROME_PATH, for example:\n' +
      '  Debian/Ubuntu: sudo apt-get install chromium\n' +
      '  macOS: CHROME_PATH="/Applications/Google Chrome.app/Contents/MacOS/Google Chrome" npm test\n',
  );
  process.exit(1);
}

let passed = 0;
let failed = 0;
let skipped = 0;
const failedParts = [];
/** The name of each failed test, repeated at the end: CI keeps only the tail of a long log. */
const failedTests = [];
const timed = (name, fn) => {
  const t = Date.now();
  fn();
  timings.push(`${name} ${Math.round((Date.now() - t) / 1000)} s`);
};

/** A check without a count of its own: one pass or one failure. */
function plain(name, cmd, args) {
  timed(name, () => {
    if (run(cmd, args) === 0) passed += 1;
    else {
      failed += 1;
      failedParts.push(name);
    }
  });
}

/** A script that ends with its own `N passed, N failed[, N skipped]` line: its count is added. */
function counted(name, cmd, args, env) {
  timed(name, () => {
    console.log(`\n> ${cmd} ${args.join(' ')}`);
    const r = spawnSync(cmd, args, { encoding: 'utf8', stdio: ['inherit', 'pipe', 'inherit'], env: { ...process.env, ...env } });
    process.stdout.write(r.stdout ?? '');
    for (const line of (r.stdout ?? '').split('\n')) if (/^\s*✗/.test(line)) failedTests.push(`${name}: ${line.trim().slice(0, 300)}`);
    const count = /^(\d+) passed, (\d+) failed(?:, (\d+) skipped)?$/m.exec(r.stdout ?? '');
    const skip = /^skipped: /m.test(r.stdout ?? '');
    if (count) {
      passed += Number(count[1]);
      failed += Number(count[2]);
      skipped += Number(count[3] ?? 0);
    } else if (skip && r.status === 0) skipped += 1;
    if (r.status !== 0) {
      failedParts.push(name);
      if (!count || count[2] === '0') failed += 1;
    }
  });
}

plain('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
plain('lint', 'npm', ['run', '--silent', 'lint']);
if (!quick) {
  plain('openapi.json fresh', 'npx', ['tsx', 'scripts/openapi.ts', '--check']);
  plain('custom-elements.json fresh', 'node', ['scripts/check-manifest.mjs']);
  plain('plugin data (openapi.json, campaign defaults) fresh', 'npx', ['tsx', 'scripts/wordpress/backend-data.ts', '--check']);
  counted("the plugin's PHP (php -l, phpcs, PHPUnit)", 'node', ['scripts/php-checks.mjs']);
}

const chrome = ensureChromium();
const env = { CHROME_PATH: chrome };

if (!quick) {
  // Built first and checked before the long parts, so a broken bundle fails in seconds.
  rmSync('.journey', { recursive: true, force: true });
  plain('build (dist/, lib/)', 'npm', ['run', '--silent', 'build']);
  counted('build checks', 'node', ['scripts/check-build.mjs'], env);
}

timed('browser tests on src/', () => {
  rmSync('.wtr-count.json', { force: true });
  const status = run('npx', ['web-test-runner', ...wtrArgs], { env: { ...process.env, ...env } });
  if (existsSync('.wtr-count.json')) {
    const c = JSON.parse(readFileSync('.wtr-count.json', 'utf8'));
    passed += c.passed;
    failed += c.failed;
    skipped += c.skipped;
    failedTests.push(...(c.failures ?? []).map((f) => `browser tests on src/: ${f}`));
  } else failed += 1;
  if (status !== 0) failedParts.push('browser tests on src/');
});

if (!quick) {
  // Upload progress measured for real, against the mock server over HTTP (the service worker cannot show it).
  counted('upload progress', 'npx', ['tsx', 'scripts/check-upload-progress.ts'], env);
  counted('journeys on dist/ and the npm package', 'node', ['scripts/journey-e2e.mjs'], env);
  counted('contract suite on the mock server', 'node', ['scripts/contract.mjs'], env);
  counted('fault table', 'node', ['scripts/fault-table.mjs', '--no-write'], env);
  plain('fault table in README fresh', 'node', ['scripts/fault-table.mjs', '--check']);
  // The plugin in a real WordPress (skips itself, with a message, when not root on Debian).
  if (!process.argv.includes('--no-wordpress')) {
    counted('WordPress', 'node', ['scripts/wordpress-e2e.mjs'], env);
    counted('WordPress as the backend', 'node', ['scripts/wordpress-backend-e2e.mjs'], env);
  }
  // --build is not needed: dist/ and lib/ were built above, and nothing since has changed them.
  counted('npm package contents', 'node', ['scripts/check-package.mjs'], env);
  plain('size budgets', 'node', ['scripts/size.mjs', '--check']);
}

console.log(`\nTimes: ${timings.join(', ')}; total ${Math.round((Date.now() - started) / 1000)} s`);
if (failedParts.length) console.log(`Failed: ${failedParts.join(', ')}`);
for (const t of failedTests) console.log(`  ✗ ${t}`);
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failedParts.length ? 1 : 0);
