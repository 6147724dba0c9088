#!/usr/bin/env node
/**
 * The plugin's PHP quality, in one script (issue 15 « PHP quality »):
 *   1. `php -l` on every PHP file of the plugin (wordpress/reinscription-wizard, not its dist/ link), of the test
 *      mu-plugins and setup scripts (scripts/wordpress) and of the PHP tests (test/php): one check per file;
 *   2. phpcs with wordpress/phpcs.xml (PSR-12 + generic sniffs) on the same files: one check per file (errors
 *      fail it, warnings are listed);
 *   3. PHPUnit 9.6 (Debian's /usr/bin/phpunit) on test/php with test/php/phpunit.xml: one check per test.
 *      Without WordPress (the default) the group `wordpress` is excluded. With `--wp-load=PATH` (or RW_WP_LOAD)
 *      and `--wp-host=HOST:PORT` (RW_WP_HOST) the tests run with a started site's WordPress loaded
 *      (scripts/wordpress-backend-e2e.mjs does that), only the group `wordpress` (the others ran without it, and a
 *      test counted twice would inflate the total).
 *
 *   node scripts/php-checks.mjs              all three; last line `N passed, N failed`
 *   node scripts/php-checks.mjs --only=lint|phpcs|phpunit
 *
 * Also importable: `phpChecks({ only, wpLoad, wpHost, wordpressConfig, runAs, log })` → { passed, failed, results }.
 * Installs the Debian packages it needs (PHP_CHECK_PACKAGES) when missing and running as root; otherwise a
 * missing tool is one failed check saying so.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIRS = ['wordpress/reinscription-wizard', 'scripts/wordpress', 'test/php'];
/** What this script runs: php-cli, phpcs, phpunit and the extensions PHPUnit and the plugin's code need. */
export const PHP_CHECK_PACKAGES = ['php-cli', 'php-codesniffer', 'phpunit', 'php-xml', 'php-mbstring'];

/** Every .php file under DIRS, relative to the repository; links (the plugin's dist/ → ../../dist) are not followed. */
export function phpFiles() {
  const out = [];
  const walk = (rel) => {
    for (const e of readdirSync(join(ROOT, rel), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = `${rel}/${e.name}`;
      if (e.isSymbolicLink() || e.name === 'node_modules' || e.name === 'build') continue;
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.php')) out.push(p);
    }
  };
  for (const d of DIRS) if (existsSync(join(ROOT, d))) walk(d);
  return out;
}

function have(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

async function ensureTools(log) {
  const tools = { php: 'php-cli', phpcs: 'php-codesniffer', phpunit: 'phpunit' };
  const missing = Object.keys(tools).filter((t) => !have(t));
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    const svc = await import('./wordpress/services.mjs');
    if (svc.missingPackages(PHP_CHECK_PACKAGES).length) svc.ensurePackages(log, PHP_CHECK_PACKAGES);
    return [];
  }
  return missing;
}

/** JUnit XML of PHPUnit → [{name, ok, detail}]. */
function junitCases(xml) {
  const cases = [];
  const re = /<testcase\b([^>]*?)(\/>|>([\s\S]*?)<\/testcase>)/g;
  const attr = (s, name) => new RegExp(`\\b${name}="([^"]*)"`).exec(s)?.[1] ?? '';
  const unescape = (s) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#039;/g, "'")
      .replace(/&amp;/g, '&');
  for (const m of xml.matchAll(re)) {
    const inner = m[3] ?? '';
    const problem = /<(failure|error|warning)\b[^>]*>([\s\S]*?)<\/\1>/.exec(inner);
    const skipped = /<skipped\b/.test(inner);
    const cls = attr(m[1], 'class');
    cases.push({
      name: `${cls ? `${cls.split('\\').pop()}::` : ''}${unescape(attr(m[1], 'name'))}`,
      ok: !problem && !skipped,
      skipped,
      detail: problem ? unescape(problem[2]).trim().slice(0, 3000) : skipped ? 'skipped (a skipped test counts as failed here)' : '',
    });
  }
  return cases;
}

export async function phpChecks({
  only,
  wpLoad = process.env.RW_WP_LOAD,
  wpHost = process.env.RW_WP_HOST,
  wordpressConfig = process.env.WORDPRESS_CONFIG,
  runAs,
  log = console.log,
  print = console.log,
} = {}) {
  const results = [];
  const check = (name, ok, detail) => {
    results.push({ name, ok, detail });
    print(ok ? `  ✓ ${name}` : `  ✗ ${name}${detail ? `\n      ${String(detail).split('\n').join('\n      ')}` : ''}`);
  };
  const timings = {};
  const missing = await ensureTools(log);
  for (const tool of missing) check(`${tool} is installed`, false, `${tool} not found and not root: apt-get install ${PHP_CHECK_PACKAGES.join(' ')}`);
  const files = phpFiles();
  const want = (part) => !only || only === part;

  if (want('lint') && have('php')) {
    const t = Date.now();
    print(`\nphp -l (${files.length} files)`);
    for (const f of files) {
      const r = spawnSync('php', ['-l', join(ROOT, f)], { encoding: 'utf8' });
      check(`php -l ${f}`, r.status === 0, (r.stdout + r.stderr).trim());
    }
    timings.lint = Date.now() - t;
  }

  if (want('phpcs') && have('phpcs')) {
    const t = Date.now();
    print(`\nphpcs --standard=wordpress/phpcs.xml (${files.length} files)`);
    const r = spawnSync(
      'phpcs',
      ['--standard=' + join(ROOT, 'wordpress', 'phpcs.xml'), '--report=json', '--no-colors', '-q', ...files.map((f) => join(ROOT, f))],
      {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    let report;
    try {
      report = JSON.parse(r.stdout);
    } catch {
      check('phpcs ran', false, `${r.stdout}\n${r.stderr}`.trim().slice(0, 3000));
    }
    if (report) {
      for (const f of files) {
        const entry = report.files[join(ROOT, f)] ?? { errors: 0, warnings: 0, messages: [] };
        const lines = entry.messages.map((m) => `${m.type === 'ERROR' ? 'error' : 'warning'} ${f}:${m.line}:${m.column} ${m.message} (${m.source})`);
        check(
          `phpcs ${f}${entry.warnings ? ` (${entry.warnings} warning${entry.warnings > 1 ? 's' : ''})` : ''}`,
          entry.errors === 0,
          entry.errors || entry.warnings ? lines.join('\n') : '',
        );
      }
    }
    timings.phpcs = Date.now() - t;
  }

  if (want('phpunit') && have('phpunit')) {
    const t = Date.now();
    const withWp = typeof wpLoad === 'string' && wpLoad !== '';
    print(`\nPHPUnit (test/php, ${withWp ? `group "wordpress", WordPress from ${wpLoad}` : 'without WordPress: group "wordpress" excluded'})`);
    const dir = mkdtempSync(join(tmpdir(), 'rw-phpunit-'));
    const junit = join(dir, 'junit.xml');
    try {
      const args = ['-c', join(ROOT, 'test', 'php', 'phpunit.xml'), '--log-junit', junit, ...(withWp ? ['--group', 'wordpress'] : ['--exclude-group', 'wordpress'])];
      const env = { ...process.env, RW_WP_LOAD: withWp ? wpLoad : '', RW_WP_HOST: wpHost ?? '', WORDPRESS_CONFIG: wordpressConfig ?? '' };
      // The site's web server runs as www-data: so do its tests, so that files they create stay usable by it.
      const cmd = runAs ? ['runuser', ['-u', runAs, '--', 'phpunit', ...args]] : ['phpunit', args];
      if (runAs) {
        spawnSync('chmod', ['0777', dir]);
        // www-data's home (/var/www) is not writable: a test that runs npx gets a home and an npm cache here.
        Object.assign(env, { HOME: dir, npm_config_cache: join(dir, 'npm'), npm_config_update_notifier: 'false', NO_UPDATE_NOTIFIER: '1' });
      }
      const r = spawnSync(cmd[0], cmd[1], { cwd: join(ROOT, 'test', 'php'), env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      const cases = existsSync(junit) ? junitCases(readFileSync(junit, 'utf8')) : [];
      for (const c of cases) check(`phpunit ${c.name}`, c.ok, c.detail);
      const noTests = /No tests executed/.test(r.stdout);
      if (!cases.length && !noTests) check('phpunit ran', false, `exit ${r.status}\n${r.stdout}\n${r.stderr}`.trim().slice(-3000));
      else if (r.status !== 0 && cases.every((c) => c.ok)) check('phpunit exited 0', false, `exit ${r.status}\n${r.stdout}\n${r.stderr}`.trim().slice(-3000));
      if (noTests) print('  (no PHPUnit tests in test/php)');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    timings.phpunit = Date.now() - t;
  }

  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  return { passed, failed, results, timings };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const started = Date.now();
  const { passed, failed, timings } = await phpChecks({ only: arg('only'), wpLoad: arg('wp-load'), wpHost: arg('wp-host') });
  const ms = (v) => `${(v / 1000).toFixed(1)} s`;
  console.log(
    `\nphp-checks done in ${ms(Date.now() - started)} (${Object.entries(timings)
      .map(([k, v]) => `${k} ${ms(v)}`)
      .join(', ')})`,
  );
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}
