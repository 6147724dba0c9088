#!/usr/bin/env node
/**
 * `npm test`: typecheck, lint, the OpenAPI freshness check, then every browser test in headless Chromium.
 * Ends with `N passed, N failed` alone on a line so CI can record the count.
 *
 * Chromium: CHROME_PATH, else /usr/bin/chromium. When neither exists and we are root on Debian,
 * install Debian's `chromium` with apt-get (a browser download from anywhere else does not work here).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

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
    console.log('Chromium not found: installing Debian\'s chromium package with apt-get…');
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

const steps = [
  ['typecheck', () => run('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json'])],
  ['lint', () => run('npm', ['run', '--silent', 'lint'])],
  ['openapi', () => run('npx', ['tsx', 'scripts/openapi.ts', '--check'])],
  ['custom-elements.json', () => run('node', ['scripts/check-manifest.mjs'])],
  // The size guard rail: the main module must stay under 40 kB gzip.
  ['build and size', () => run('npx', ['vite', 'build', '--logLevel', 'warn']) || run('node', ['scripts/size.mjs', '--check'])],
];
const failedSteps = [];
for (const [name, step] of steps) if (step() !== 0) failedSteps.push(name);

const chrome = ensureChromium();
rmSync('.wtr-count.json', { force: true });
const wtrArgs = process.argv.slice(2).filter((a) => a !== '--no-wordpress');
const wtrStatus = run('npx', ['web-test-runner', ...wtrArgs], { env: { ...process.env, CHROME_PATH: chrome } });
if (wtrStatus !== 0) failedSteps.push('browser tests');

let passed = 0;
let failed = 0;
if (existsSync('.wtr-count.json')) ({ passed, failed } = JSON.parse(readFileSync('.wtr-count.json', 'utf8')));
else failed += 1;

/** Runs a script that ends with its own `N passed, N failed` line, and adds its count. */
function runCounted(name, cmd, args) {
  console.log(`\n> ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { encoding: 'utf8', stdio: ['inherit', 'pipe', 'inherit'], env: { ...process.env, CHROME_PATH: chrome } });
  process.stdout.write(r.stdout ?? '');
  const count = /^(\d+) passed, (\d+) failed/m.exec(r.stdout ?? '');
  if (count) {
    passed += Number(count[1]);
    failed += Number(count[2]);
  }
  if (r.status !== 0) {
    failedSteps.push(name);
    if (!count || count[2] === '0') failed += 1;
  }
}

// Upload progress measured for real, against the mock server over HTTP (the service worker cannot show it).
runCounted('upload progress', 'npx', ['tsx', 'scripts/check-upload-progress.ts']);
// The plugin in a real WordPress (skips itself, with a message, when not root on Debian).
if (!process.argv.includes('--no-wordpress')) runCounted('wordpress', 'node', ['scripts/wordpress-e2e.mjs']);

// Typecheck, lint and the other checks count as one failure each.
failed += failedSteps.filter((s) => !['browser tests', 'wordpress', 'upload progress'].includes(s)).length;
if (failedSteps.length) console.log(`\nFailed: ${failedSteps.join(', ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failedSteps.length ? 1 : 0);
