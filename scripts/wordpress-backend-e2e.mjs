#!/usr/bin/env node
/**
 * The WordPress plugin AS the backend (issue 15), end to end, on Debian's WordPress 6.1 started by
 * scripts/wordpress/backend-site.mjs (MariaDB + Apache on 127.0.0.1, the working tree's plugin, the test-only
 * control mu-plugin):
 *
 *  1. the zip: the plugin's backend in it, no test mu-plugin, no test or script file;
 *  2. mod_php, pretty permalinks: the plugin active with its tables, the page's widget pointed at the site's own
 *     REST base; the private upload folder refused by the web server (below); PHPUnit (test/php) with this site's WordPress loaded (scripts/php-checks.mjs); the backend-neutral
 *     contract suite (scripts/contract.mjs --api --control), every one of its checks counted here;
 *  3. php-fpm (Debian's php8.2-fpm behind mod_proxy_fcgi + mpm_event): the private folder and the contract suite
 *     again; the bearer token
 *     through WordPress's rewrite rule (the plugin reads REDIRECT_HTTP_AUTHORIZATION) and through CGIPassAuth On,
 *     and refused (401) on a host that has neither, which is why the README documents them;
 *  4. plain permalinks: the widget's api-url is `…/?rest_route=/reinscription/v1`, and a login then GET /family
 *     work through the client's URL scheme `${apiUrl}${path}`, from Node and from the widget in Chromium (also on
 *     php-fpm);
 *  5. THE JOURNEY on a fresh site with nothing but the plugin: the seed's family imported from
 *     test/fixtures/seed-family.csv by the plugin's CSV import (no password), the campaign's dates set as the
 *     admin does, then in headless Chromium on the page: « Mot de passe perdu » → the new password read from the
 *     captured e-mail → login → the whole re-registration of scripts/journey/journey.mjs (its steps, reused) to the
 *     confirmation; then in the database: the submission with its rules version and time of acceptance, its
 *     documents and their stored files, the student's status, the receipt e-mail; the stored photo's direct URL
 *     refused. Then the other two artifacts of issue 7 against the same backend, on other origins (CORS and
 *     bearer for real), each after a control reset (the seed's family with its demo password, gianni « à faire »)
 *     and each checked in the database the same way: dist/ beside a bare HTML page, and the npm package installed
 *     in a fresh Vite + TypeScript app (scripts/journey/artifacts.mjs, as scripts/journey-e2e.mjs runs them on the
 *     mock).
 *
 * The private upload folder (wp-content/uploads/reinscription-wizard-private, deny rules in its .htaccess) on a
 * host that honours .htaccess like a normal WordPress host (services.mjs: AllowOverride All on wp-content, no .ht*
 * file served): a stored piece's direct URL → 403 and never its bytes, the folder's listing and its .htaccess
 * refused, and the plugin's probe Storage::publiclyReachable() false.
 *
 * Needs root on Debian (otherwise prints « skipped: … » and exits 0; SKIP_WORDPRESS_E2E=1 skips too). Every service
 * is stopped at the end, also on failure, Ctrl-C or SIGTERM. Last line `N passed, N failed`.
 *
 *   node scripts/wordpress-backend-e2e.mjs                 everything
 *   node scripts/wordpress-backend-e2e.mjs --only=journey  one part: zip, modphp, fpm, plain, journey (comma-separated)
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CSV = join(ROOT, 'test', 'fixtures', 'seed-family.csv');
const PLUGIN_PATH = '/wp-content/plugins/reinscription-wizard/';
const ONLY = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice(7)
  .split(',');
const want = (part) => !ONLY || ONLY.includes(part);

// ------------------------------------------------------------------ skip
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const isDebian = existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get');
if (process.env.SKIP_WORDPRESS_E2E === '1' || !isRoot || !isDebian) {
  const why = process.env.SKIP_WORDPRESS_E2E === '1' ? 'SKIP_WORDPRESS_E2E=1' : !isRoot ? 'not running as root' : 'not a Debian system with apt-get';
  console.log(`skipped: WordPress backend end-to-end test (${why}; it runs Debian's wordpress, apache2, php-fpm and mariadb-server on 127.0.0.1)`);
  process.exit(0);
}

const { startBackendSite } = await import('./wordpress/backend-site.mjs');
const { assert, createCleanups, createReport } = await import('./journey/report.mjs');

// ------------------------------------------------------------------ reporting
const started = Date.now();
const since = (t) => `${((Date.now() - t) / 1000).toFixed(1)} s`;
const log = (m) => console.log(`[backend-e2e ${since(started).padStart(7)}] ${m}`);
const timings = {};
const { check, step, counts, finish } = createReport();

// Cleanup, also on Ctrl-C (backend-site stops its sites itself).
const { defer, cleanup } = createCleanups();

/** A site for one part, stopped when the part ends. */
async function withSite(label, options, fn) {
  const t = Date.now();
  let site;
  try {
    site = await startBackendSite({ ...options, log: (m) => log(`${label}: ${m}`) });
  } catch (e) {
    check(`${label}: the test site started`, false, e instanceof Error ? e.stack : String(e));
    return;
  }
  timings[`${label} start`] = since(t);
  try {
    check(`${label}: the plugin active on WordPress ${site.wpVersion} (${site.url})`, !site.pluginError, site.pluginError);
    if (site.pluginError) return;
    await fn(site);
  } catch (e) {
    check(`${label}: ran to its end`, false, e instanceof Error ? e.stack : String(e));
  } finally {
    const bad = site.debugLog();
    if (bad) console.log(`  (PHP errors in ${label}'s debug.log)\n      ${bad.split('\n').join('\n      ')}`);
    await site.stop();
    timings[label] = since(t);
  }
}

/** A PHP single-quoted string literal (no $ interpolation). */
const phpString = (v) => `'${String(v).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

// ------------------------------------------------------------------ HTTP helpers
/** A kept-alive connection Apache closed while idle (KeepAliveTimeout): the request never reached PHP. */
const staleSocket = (e) => ['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET'].includes(e?.cause?.code);

async function http(method, url, { body, token, headers = {} } = {}) {
  const init = {
    method,
    headers: { ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  };
  // Once more on a fresh connection: after a long pause (the npm app's build) undici may reuse a socket that Apache
  // has just closed, and Node says « fetch failed » without the server having seen anything.
  const said = (e) => new Error(`${method} ${url}: ${e.message} (${e.cause?.code ?? e.cause?.message ?? 'no cause'})`);
  const res = await fetch(url, init)
    .catch((e) => (staleSocket(e) ? fetch(url, init) : Promise.reject(e)))
    .catch((e) => Promise.reject(said(e)));
  const text = await res.text();
  let json;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = undefined;
  }
  return { status: res.status, json, text, headers: res.headers };
}
const control = async (site, path, body) => {
  const r = await http(body === undefined ? 'GET' : 'POST', `${site.controlUrl}/${path}`, { body });
  assert(r.status === 200, `control ${path}: HTTP ${r.status} ${r.text.slice(0, 300)}`);
  return r.json;
};

/** The demo family logs in with its password (the seed) and reads its file with the token: through `${apiUrl}${path}`. */
async function loginAndFamily(site, label) {
  await control(site, 'reset', {});
  const login = await http('POST', `${site.apiUrl}/session`, { body: { identifier: 'LIMONEST-0001', password: 'conservatoire' } });
  check(
    `${label}: POST ${site.apiUrl}/session with the demo family's password → 200 and a token`,
    login.status === 200 && typeof login.json?.token === 'string',
    `${login.status} ${login.text.slice(0, 300)}`,
  );
  if (login.status !== 200) return;
  const family = await http('GET', `${site.apiUrl}/family`, { token: login.json.token });
  check(
    `${label}: GET ${site.apiUrl}/family with « Authorization: Bearer » → 200, the family « D'AGOSTINO »`,
    family.status === 200 && family.json?.guardian?.lastName === "D'AGOSTINO",
    `${family.status} ${family.text.slice(0, 300)}`,
  );
  return { token: login.json.token, family };
}

/** The backend-neutral contract suite (H-suite's scripts/contract.mjs) against this site: its checks counted as ours. */
async function contractSuite(site, label) {
  const script = join(ROOT, 'scripts', 'contract.mjs');
  if (!existsSync(script)) {
    check(`${label}: scripts/contract.mjs exists (the backend-neutral contract suite)`, false, 'missing');
    return;
  }
  const t = Date.now();
  console.log(`\n${label}: the contract suite (node scripts/contract.mjs --api ${site.apiUrl} --control ${site.controlUrl})`);
  const out = await new Promise((resolve) => {
    const child = spawn(process.execPath, [script, '--api', site.apiUrl, '--control', site.controlUrl], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    const relay = (d) => {
      text += d;
      process.stdout.write(String(d).replace(/^(?=.)/gm, '    '));
    };
    child.stdout.on('data', relay);
    child.stderr.on('data', relay);
    child.on('close', (code) => resolve({ text, code }));
  });
  timings[`${label} contract`] = since(t);
  const m = [...out.text.matchAll(/^(\d+) passed, (\d+) failed$/gm)].at(-1);
  if (!m) {
    check(`${label}: the contract suite ran to its end`, false, `exit ${out.code}, no « N passed, N failed » line`);
    return;
  }
  counts.passed += Number(m[1]);
  counts.failed += Number(m[2]);
  console.log(`  (${label}: the contract suite: ${m[1]} passed, ${m[2]} failed, in ${timings[`${label} contract`]})`);
  if (out.code !== 0 && Number(m[2]) === 0) check(`${label}: the contract suite exited 0`, false, `exit ${out.code}`);
}

/** PHPUnit on test/php with this site's WordPress loaded (scripts/php-checks.mjs), as www-data like Apache. */
async function phpunitOn(site, label) {
  const t = Date.now();
  console.log(`\n${label}: PHPUnit with WordPress (test/php, the group "wordpress")`);
  const { phpChecks } = await import('./php-checks.mjs');
  const r = await phpChecks({
    only: 'phpunit',
    wpLoad: site.wordpress.load,
    wpHost: site.wordpress.host,
    wordpressConfig: site.wordpress.config,
    runAs: 'www-data',
    log,
    print: (m) => console.log(m),
  });
  counts.passed += r.passed;
  counts.failed += r.failed;
  if (!r.results.length) check(`${label}: PHPUnit ran tests`, false, 'no test result');
  timings[`${label} phpunit`] = since(t);
}

// ------------------------------------------------------------------ 1. the zip
async function zipPart() {
  console.log('\nThe plugin zip');
  const t = Date.now();
  const { buildWordpressPlugin } = await import('./build-wordpress.mjs');
  let built;
  try {
    built = buildWordpressPlugin({ log: (m) => log(`build:wordpress: ${m}`) });
  } catch (e) {
    check('build:wordpress makes the zip', false, e instanceof Error ? e.message : String(e));
    return;
  }
  const { files } = built;
  const testOnly = files.filter((f) =>
    /mu-reinscription-test-control|mu-local-test-api|(^|\/)mu-plugins\/|(^|\/)test\/|(^|\/)scripts\/|phpunit|bootstrap\.php$|backend-site/.test(f),
  );
  check(`the zip (${files.length} files) has no test mu-plugin, test or script file`, testOnly.length === 0, testOnly.join('\n'));
  const needed = [
    'reinscription-wizard/includes/backend.php',
    'reinscription-wizard/includes/backend/Rest.php',
    'reinscription-wizard/includes/backend/Db.php',
    'reinscription-wizard/data/openapi.json',
  ];
  const absent = needed.filter((f) => !files.includes(f));
  check(
    `the zip ships the backend (${needed.map((f) => f.replace('reinscription-wizard/', '')).join(', ')})`,
    absent.length === 0,
    `missing: ${absent.join(', ')}`,
  );
  const links = files.filter((f) => f.startsWith('reinscription-wizard/dist/') && !/\.(m?js|css|wasm)$|\.asset\.php$/.test(f));
  check("the zip's dist/ holds only the built scripts (the test site's dist link is not followed into it)", links.length === 0, links.join('\n'));
  timings.zip = since(t);
}

// ------------------------------------------------------------------ 2. mod_php, pretty permalinks
async function modPhpPart() {
  await withSite('mod_php', { php: 'mod_php', permalinks: 'pretty' }, async (site) => {
    console.log(`\nmod_php + pretty permalinks (${site.url})`);
    await step('PHP answers from mod_php (PHP_SAPI apache2handler), the token in getallheaders() (Apache keeps it out of $_SERVER)', async () => {
      const r = await http('GET', `${site.controlUrl}/info`, { token: 'probe' });
      assert(r.status === 200 && r.json?.sapi === 'apache2handler' && r.json.authorization.getallheaders === true, `${r.status} ${r.text.slice(0, 300)}`);
    });
    await step('the plugin made its tables on activation (families, students, sessions, documents, submissions, declines, rate_limits)', () => {
      const tables = site.query(`SHOW TABLES LIKE '${site.prefix}rw\\_%'`).map((r) => Object.values(r)[0]);
      const missing = ['families', 'students', 'sessions', 'documents', 'submissions', 'declines', 'rate_limits'].filter(
        (t) => !tables.includes(`${site.prefix}rw_${t}`),
      );
      assert(!missing.length, `missing ${missing.join(', ')} (have ${tables.join(', ')})`);
      const version = site.query(`SELECT option_value FROM ${site.prefix}options WHERE option_name = 'reinscription_wizard_db_version'`)[0]?.option_value;
      assert(version, 'no reinscription_wizard_db_version option');
    });
    await step(`the page's widget talks to the site itself: api-url="${site.apiUrl}"`, async () => {
      const html = await (await fetch(site.pageUrl)).text();
      const tag = /<reinscription-wizard\b[^>]*>/.exec(html)?.[0];
      assert(tag, 'no <reinscription-wizard> on the page');
      const api = /\bapi-url="([^"]*)"/.exec(tag)?.[1]?.replace(/&#0?38;|&amp;/g, '&');
      assert(api === site.apiUrl, `api-url="${api}" in ${tag}`);
    });
    await loginAndFamily(site, 'mod_php');
    await rateLimitChecks(site, 'mod_php');
    await privateFolderChecks(site, 'mod_php');
    await phpunitOn(site, 'mod_php');
    await control(site, 'reset', {}).catch(() => undefined);
    await contractSuite(site, 'mod_php');
  });
}

/**
 * The login's limit per identifier over real HTTP (PHPUnit covers the limiter's rules): 429 with Retry-After, the
 * header exposed to another origin, a forged X-Forwarded-For from an untrusted address changing nothing, another
 * family on the same address (a school network) still let in.
 */
async function rateLimitChecks(site, label) {
  const { tsImport } = await import('tsx/esm/api');
  const { OTHER_FAMILY: SECOND_FAMILY } = await tsImport('../test/contract/families.ts', import.meta.url);
  await control(site, 'reset', {});
  await control(site, 'seed', { families: [SECOND_FAMILY] });
  const origin = 'http://town.example';
  const wrong = (identifier, headers = {}) =>
    http('POST', `${site.apiUrl}/session`, { body: { identifier, password: 'not-the-password' }, headers: { Origin: origin, ...headers } });
  await step(`${label}: 5 wrong passwords for one identifier answer 401, the 6th 429 rate-limited with Retry-After (exposed to another origin)`, async () => {
    const statuses = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await wrong('LIMONEST-0001')).status);
    assert(
      statuses.every((st) => st === 401),
      `first five: ${statuses.join(', ')}`,
    );
    const r = await wrong('LIMONEST-0001');
    const retry = Number(r.headers.get('retry-after'));
    const exposed = (r.headers.get('access-control-expose-headers') ?? '').toLowerCase();
    assert(r.status === 429 && r.json?.code === 'rate-limited', `${r.status} ${r.text.slice(0, 200)}`);
    assert(retry > 0 && retry <= 900, `Retry-After: ${r.headers.get('retry-after')}`);
    assert(exposed.includes('retry-after'), `Access-Control-Expose-Headers: ${exposed}`);
  });
  await step(`${label}: a forged X-Forwarded-For (no trusted proxy set) does not lift the limit, even with the right password`, async () => {
    const r = await http('POST', `${site.apiUrl}/session`, {
      body: { identifier: 'LIMONEST-0001', password: 'conservatoire' },
      headers: { 'X-Forwarded-For': '203.0.113.9' },
    });
    assert(r.status === 429, `${r.status} ${r.text.slice(0, 200)}`);
  });
  await step(`${label}: another family on the same address is still let in (the address's limit is lenient)`, async () => {
    const r = await http('POST', `${site.apiUrl}/session`, {
      body: { identifier: SECOND_FAMILY.account.identifier, password: SECOND_FAMILY.account.password },
    });
    assert(r.status === 200 && typeof r.json?.token === 'string', `${r.status} ${r.text.slice(0, 200)}`);
  });
  await control(site, 'reset', {});
}

// ------------------------------------------------------------------ 3. php-fpm
async function authorizationOn(site, label, expectPass) {
  await control(site, 'reset', {});
  const session = await control(site, 'session', {});
  const r = await http('GET', `${site.apiUrl}/family`, { token: session.token });
  if (expectPass) check(`${label}: the bearer token reaches PHP (GET /family → 200)`, r.status === 200, `${r.status} ${r.text.slice(0, 300)}`);
  else
    check(
      `${label}: Apache drops « Authorization » on its way to php-fpm (GET /family with a valid token → 401): why the README documents CGIPassAuth On`,
      r.status === 401,
      `${r.status} ${r.text.slice(0, 300)}`,
    );
}

async function fpmPart() {
  await withSite('php-fpm', { php: 'fpm', permalinks: 'pretty', authorization: 'rewrite' }, async (site) => {
    console.log(`\nphp-fpm (mod_proxy_fcgi, mpm_event), WordPress's rewrite rule E=HTTP_AUTHORIZATION (${site.url})`);
    await step('PHP answers from php-fpm (PHP_SAPI fpm-fcgi), and the token arrives as REDIRECT_HTTP_AUTHORIZATION after the rewrite', async () => {
      const r = await http('GET', `${site.controlUrl}/info`, { token: 'probe' });
      assert(r.status === 200 && r.json?.sapi === 'fpm-fcgi', `${r.status} ${r.text.slice(0, 300)}`);
      assert(r.json.authorization.REDIRECT_HTTP_AUTHORIZATION === true, JSON.stringify(r.json));
    });
    await authorizationOn(site, 'php-fpm, rewrite rule (REDIRECT_HTTP_AUTHORIZATION)', true);
    await loginAndFamily(site, 'php-fpm');
    await privateFolderChecks(site, 'php-fpm');
    await widgetLogin(site, 'php-fpm');
    await contractSuite(site, 'php-fpm');
  });
  await withSite('php-fpm CGIPassAuth', { php: 'fpm', permalinks: 'pretty', authorization: 'cgipassauth' }, async (site) => {
    console.log(`\nphp-fpm with CGIPassAuth On, no rewrite rule for the header (${site.url})`);
    await authorizationOn(site, 'php-fpm, CGIPassAuth On', true);
  });
  await withSite('php-fpm bare', { php: 'fpm', permalinks: 'pretty', authorization: 'dropped' }, async (site) => {
    console.log(`\nphp-fpm without WordPress's .htaccess line nor CGIPassAuth (${site.url})`);
    await authorizationOn(site, 'php-fpm, bare', false);
  });
}

// ------------------------------------------------------------------ 4. plain permalinks
async function plainPart() {
  await withSite('plain permalinks', { php: 'mod_php', permalinks: 'plain' }, async (site) => {
    console.log(`\nplain permalinks (${site.url})`);
    check(`the REST base is ${site.apiUrl} (?rest_route=)`, /[?&]rest_route=\/reinscription\/v1$/.test(site.apiUrl), site.apiUrl);
    await step(`the page's widget gets api-url="${site.apiUrl}"`, async () => {
      const html = await (await fetch(site.pageUrl)).text();
      const tag = /<reinscription-wizard\b[^>]*>/.exec(html)?.[0];
      const api = tag && /\bapi-url="([^"]*)"/.exec(tag)?.[1]?.replace(/&#0?38;|&amp;/g, '&');
      assert(api === site.apiUrl, `api-url="${api}" in ${tag ?? 'no element'}`);
    });
    await loginAndFamily(site, 'plain permalinks');
    await widgetLogin(site, 'plain permalinks');
    await step('GET /campaign through ?rest_route= → 200 with the school year', async () => {
      const r = await http('GET', `${site.apiUrl}/campaign`);
      assert(r.status === 200 && /^\d{4}-\d{4}$/.test(r.json?.schoolYear ?? ''), `${r.status} ${r.text.slice(0, 200)}`);
    });
  });
}

// ------------------------------------------------------------------ Chromium, started once when a part needs it
let browserStarted;
function getBrowser() {
  browserStarted ??= (async () => {
    const { default: puppeteer } = await import('puppeteer-core');
    const { CHROME, CHROME_ARGS } = await import('./chromium.mjs');
    const browser = await puppeteer.launch({
      executablePath: CHROME,
      headless: true,
      // Our own handlers stop everything, Chromium included; puppeteer's would re-raise the signal before that.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      args: [...CHROME_ARGS, '--font-render-hinting=none'],
    });
    defer('Chromium', () => browser.close());
    return browser;
  })();
  return browserStarted;
}

/** The widget on `site.pageUrl` logs the demo family in (the seed's password) and shows its home. */
async function widgetLogin(site, label) {
  await step(`${label}: the widget on ${site.pageUrl} logs the demo family in and shows « Bonjour … D'AGOSTINO Lydie »`, async () => {
    await ensureLib();
    const w = await frenchWords();
    const { installHelpers } = await import('./journey/page-helpers.mjs');
    await control(site, 'reset', {});
    const browser = await getBrowser();
    const ctx = await browser.createBrowserContext();
    try {
      const page = await ctx.newPage();
      await page.evaluateOnNewDocument(installHelpers);
      const requests = [];
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(site.pageUrl, { waitUntil: 'load' });
      const field = async (label) => (await page.waitForFunction((l) => window.__rwJourney.control(l), { timeout: 20000 }, label)).asElement();
      await (await field(w('login.identifier.label'))).type('LIMONEST-0001');
      await (await field(w('login.password.label'))).type('conservatoire');
      await (await page.waitForFunction((n) => window.__rwJourney.button(n), { timeout: 10000 }, w('login.submit'))).asElement().click();
      await page
        .waitForFunction(() => window.__rwJourney.text().includes("D'AGOSTINO Lydie"), { timeout: 20000 })
        .catch(async () => {
          throw new Error(`no greeting; the page shows: ${(await page.evaluate(() => window.__rwJourney.text())).slice(0, 500)}`);
        });
      const api = requests.filter((u) => u.startsWith(site.apiUrl));
      assert(api.some((u) => u === `${site.apiUrl}/session`) && api.some((u) => u === `${site.apiUrl}/family`), `API requests: ${api.join(', ') || 'none'}`);
    } finally {
      await ctx.close();
    }
  });
}

/** lib/ (the widget's catalogue, as the npm package ships it) for the words the page is driven by. */
let libBuilt;
function ensureLib() {
  libBuilt ??= (async () => {
    if (existsSync(join(ROOT, 'lib', 'i18n', 'fr', 'index.js'))) return;
    log('lib/ missing: node scripts/build-lib.mjs…');
    if ((await spawnSyncInherit(process.execPath, [join(ROOT, 'scripts', 'build-lib.mjs')])) !== 0) throw new Error('node scripts/build-lib.mjs failed');
  })();
  return libBuilt;
}

// ------------------------------------------------------------------ 5. the journey
/** The widget's French words, from the built catalogue (lib/), as journey.mjs reads them. */
async function frenchWords() {
  const lib = new URL('../lib/i18n/', import.meta.url);
  const catalogue = {
    ...(await import(new URL('fr/index.js', lib).href)).fr,
    ...(await import(new URL('fr/app-catalogue.js', lib).href)).appCatalogue,
    ...(await import(new URL('fr/steps-catalogue.js', lib).href)).stepsCatalogue,
  };
  return (id) => {
    const m = catalogue[id];
    if (m === undefined) throw new Error(`no message ${id} in lib/i18n`);
    return String(typeof m === 'function' ? m({}) : m)
      .replace(/\s+/g, ' ')
      .replace(/[’‘]/g, "'")
      .trim();
  };
}

async function spawnSyncInherit(cmd, args) {
  const { spawnSync } = await import('node:child_process');
  return spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit' }).status;
}

async function journeyPart() {
  if (!existsSync(join(ROOT, 'scripts', 'journey', 'journey.mjs'))) {
    check('scripts/journey/journey.mjs exists (the three-artifact journey of issue 7)', false, 'missing');
    return;
  }
  try {
    await ensureLib();
  } catch (e) {
    check('lib/ built (node scripts/build-lib.mjs) for the journey’s words', false, e instanceof Error ? e.message : String(e));
    return;
  }
  const journey = await import('./journey/journey.mjs');
  const { installHelpers } = await import('./journey/page-helpers.mjs');
  const w = await frenchWords();
  const browser = await getBrowser();
  const work = mkdtempSync('/tmp/reinscription-backend-journey-');
  defer('journey folder', () => rmSync(work, { recursive: true, force: true }));
  const { file: photo } = await (await import('./journey/photo.mjs')).makePhoto(browser, work);

  // What towns install: the built zip, unpacked as WordPress's uploader does (the other parts link the tree).
  await withSite('journey', { php: 'mod_php', permalinks: 'pretty', plugin: 'zip' }, async (site) => {
    console.log(`\nTHE JOURNEY on a fresh site: CSV import, « Mot de passe perdu », the e-mail, login, re-registration (${site.url})`);
    const t = Date.now();
    const p = site.prefix;
    check('a fresh site: no family in the database', Number(site.query(`SELECT COUNT(*) n FROM ${p}rw_families`)[0].n) === 0);

    // --- the secretary's part: the campaign's dates around today (as Réglages → Campagne de réinscription stores
    // them: Paris local times), then the CSV import. The import goes through the admin screens when H-admin's
    // checks are there (scripts/wordpress/backend-admin.mjs: « Ce site WordPress » saved, Outils → Importer des
    // familles with the mapping, the preview, the dry run, the import), else through the plugin's Import class.
    await step('the campaign open from 20 days ago to 10 days from now (the settings, Paris time)', () => {
      const r = site.phpJson(`
use ReinscriptionWizard\\Backend\\Clock;
$today = Clock::parisDate(Clock::nowMs());
$day = function ($n) use ($today) { return (new DateTimeImmutable($today . ' 12:00:00'))->modify(($n >= 0 ? '+' : '') . $n . ' days')->format('Y-m-d'); };
$campaign = get_option('reinscription_wizard_campaign', []);
$campaign = is_array($campaign) ? $campaign : [];
$campaign['opens_at'] = $day(-20) . 'T00:00';
$campaign['closes_at'] = $day(10) . 'T23:59';
$campaign['documents_until'] = $day(24) . 'T23:59';
update_option('reinscription_wizard_campaign', $campaign);
echo "\\n" . wp_json_encode(['open' => \\ReinscriptionWizard\\Backend\\Campaign::isOpen()]);`);
      assert(r.open === true, JSON.stringify(r));
    });
    const adminScript = join(ROOT, 'scripts', 'wordpress', 'backend-admin.mjs');
    const admin = existsSync(adminScript) ? await import(adminScript) : null;
    let imported;
    if (typeof admin?.adminChecks === 'function') {
      console.log('\nthe secretary, in wp-admin (scripts/wordpress/backend-admin.mjs)');
      const failedBefore = counts.failed;
      await admin.adminChecks({ site, browser, check: (name, fn) => step(name, fn) });
      imported = counts.failed === failedBefore;
      check('the admin screens: « Ce site WordPress » saved and the CSV imported', imported, `${counts.failed - failedBefore} admin check(s) failed`);
    } else {
      imported = await step(`the CSV import (${CSV.slice(ROOT.length + 1)}) by the plugin's Import: mapping guessed, dry run, then written`, () => {
        const r = site.phpJson(`
use ReinscriptionWizard\\Backend\\Import;
$read = Import::read(file_get_contents(${phpString(CSV)}));
$mapping = Import::guessMapping($read['headers']);
$mappingErrors = Import::mappingErrors($mapping);
$built = Import::build($read['rows'], $mapping);
$plan = Import::plan($built['families'], Import::load($built['families']));
$dry = ['families' => $plan['counts']['families'], 'students' => $plan['counts']['students'], 'courses' => $plan['counts']['courses']];
global $wpdb;
$before = (int) $wpdb->get_var('SELECT COUNT(*) FROM ' . $wpdb->prefix . 'rw_families');
$written = !$mappingErrors && !$built['errors'] && !$plan['errors'] ? Import::write($plan['families']) : false;
echo "\\n" . wp_json_encode(['mappingErrors' => $mappingErrors, 'rowErrors' => $built['errors'], 'planErrors' => $plan['errors'], 'dry' => $dry, 'beforeWrite' => $before, 'written' => $written]);`);
        assert(!r.mappingErrors.length && !r.rowErrors.length && !r.planErrors.length, JSON.stringify(r));
        assert(r.dry.families.create === 1 && r.dry.students.create >= 1, `dry run: ${JSON.stringify(r.dry)}`);
        assert(r.beforeWrite === 0, 'the dry run wrote something');
        assert(r.written === true, `Import::write: ${JSON.stringify(r)}`);
        return true;
      });
    }
    if (!imported) return;
    const backendOption = site.query(`SELECT option_value v FROM ${p}options WHERE option_name = 'reinscription_wizard_backend'`)[0]?.v;
    check('the setting « Serveur » is « ce site » (reinscription_wizard_backend = site)', backendOption === 'site', backendOption);
    const family = site.query(`SELECT id, identifier, email, password_hash FROM ${p}rw_families`)[0];
    check(
      `the family ${family?.identifier} imported without a password (its first login goes through « Mot de passe perdu »)`,
      family && family.identifier === 'LIMONEST-0001' && family.password_hash === null,
      JSON.stringify(family),
    );
    const students = site.query(`SELECT id FROM ${p}rw_students WHERE family_id = '${family.id}' ORDER BY position`).map((r) => r.id);
    check(`its students imported: ${students.join(', ')}`, students.includes('gianni'), students.join(', '));

    // --- the parent's part, in the browser: « Mot de passe perdu ».
    const ctx = await browser.createBrowserContext();
    const page = await ctx.newPage();
    await page.evaluateOnNewDocument(installHelpers);
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const found = async (what, fn, ...args) => {
      try {
        return (await page.waitForFunction(fn, { timeout: 20000, polling: 100 }, ...args)).asElement();
      } catch {
        const seen = await page.evaluate(() => window.__rwJourney?.text() ?? document.body.innerText).catch(() => '?');
        throw new Error(`${what}: not shown; the page shows: ${String(seen).slice(0, 600)}`);
      }
    };
    const asked = await step(`« ${w('login.forgotPassword')} »: identifier and e-mail sent, « ${w('passwordReset.sent').slice(0, 40)}… » shown`, async () => {
      await page.goto(site.pageUrl, { waitUntil: 'load' });
      await (await found(`« ${w('login.forgotPassword')} »`, (n) => window.__rwJourney.button(n), w('login.forgotPassword'))).click();
      const id = await found(`« ${w('passwordReset.identifier.label')} »`, (n) => window.__rwJourney.control(n), w('passwordReset.identifier.label'));
      await id.click({ count: 3 });
      await id.type(family.identifier);
      const mail = await found(`« ${w('passwordReset.email.label')} »`, (n) => window.__rwJourney.control(n), w('passwordReset.email.label'));
      await mail.type(family.email);
      await (await found(`« ${w('passwordReset.submit')} »`, (n) => window.__rwJourney.button(n), w('passwordReset.submit'))).click();
      await found('the confirmation', (text) => window.__rwJourney.text().includes(text), w('passwordReset.sent'));
      return true;
    });
    await ctx.close();
    if (!asked) return;
    const outbox = await control(site, 'outbox');
    const resetMail = outbox.filter((m) => m.kind === 'password-reset');
    check(
      `one password e-mail to ${family.email}, sent with wp_mail (captured by pre_wp_mail), a new password in it`,
      resetMail.length === 1 &&
        resetMail[0].to.includes(family.email) &&
        resetMail[0].password.length >= 8 &&
        resetMail[0].body.includes(resetMail[0].password),
      JSON.stringify(outbox, null, 1).slice(0, 1500),
    );
    const password = resetMail[0]?.password;
    if (!password) return;
    check(
      'the database holds a WordPress hash of it, never the password',
      (() => {
        const hash = site.query(`SELECT password_hash FROM ${p}rw_families WHERE id = '${family.id}'`)[0]?.password_hash ?? '';
        return (
          hash && !hash.includes(password) && site.php(`echo wp_check_password(${phpString(password)}, ${phpString(hash)}) ? 'yes' : 'no';`).trim() === 'yes'
        );
      })(),
    );

    // --- the journey itself: journey.mjs's steps, with this backend in place of the mock's store.
    const backend = await phpBackend(site);
    const isWidgetError = (m) =>
      m.url.includes(PLUGIN_PATH) ||
      m.text.includes(PLUGIN_PATH) ||
      m.text.includes(site.apiUrl) ||
      m.text.startsWith('reinscription-wizard:') ||
      (m.text.startsWith('uncaught:') && !m.text.includes('"@wordpress/'));
    const wordpressRun = await journeyRun(site, {
      browser,
      journey,
      photo,
      label: 'PHP backend, WordPress page',
      pageUrl: site.pageUrl,
      assetsPrefix: `${site.url}${PLUGIN_PATH}dist/`,
      credentials: { identifier: family.identifier, password },
      isWidgetError,
      backend,
      familyId: family.id,
    });
    check('no uncaught error in the « Mot de passe perdu » page', errors.length === 0, errors.join('\n'));
    if (wordpressRun?.photoDoc) await privateFolderChecks(site, 'journey', wordpressRun.photoDoc.stored_name);

    // --- the other two artifacts against the same backend: dist/ beside a bare page, the npm package in a Vite app.
    const { serveDist, serveNpmApp } = await import('./journey/artifacts.mjs');
    const { tsImport } = await import('tsx/esm/api');
    const seed = await tsImport('../src/mocks/seed.ts', import.meta.url);
    /** The control's reset: the seed's family with its demo password, gianni « à faire », no submission. */
    const freshFamily = async (label) =>
      step(`${label}: the backend reset (the seed's family, its demo password): gianni « a-faire », no submission`, async () => {
        await control(site, 'reset', {});
        await backend.rearm();
        const id = site.query(`SELECT id FROM ${p}rw_families WHERE identifier = ${sqlString(seed.DEMO_CREDENTIALS.identifier)}`)[0]?.id;
        const status = site.query(`SELECT status FROM ${p}rw_students WHERE id = 'gianni'`)[0]?.status;
        const rows = Number(site.query(`SELECT COUNT(*) n FROM ${p}rw_submissions`)[0].n);
        assert(id && status === 'a-faire' && rows === 0, `family ${id}, gianni ${status}, ${rows} submission(s)`);
        return id;
      });

    console.log(`\ndist/ beside a bare page on another origin, api-url ${site.apiUrl} (the PHP backend)`);
    const distFamily = await freshFamily('dist');
    if (distFamily) {
      const dist = await serveDist({ apiUrl: site.apiUrl, contactEmail: seed.CONTACT_EMAIL });
      defer('dist page', dist.close);
      await journeyRun(site, {
        browser,
        journey,
        photo,
        label: 'PHP backend, dist',
        pageUrl: `${dist.url}/`,
        assetsPrefix: dist.assetsPrefix,
        credentials: seed.DEMO_CREDENTIALS,
        backend,
        familyId: distFamily,
      });
    }

    console.log(`\nthe npm package in a fresh Vite + TypeScript app, api-url ${site.apiUrl} (the PHP backend)`);
    const tNpm = Date.now();
    const app = await serveNpmApp({
      dir: join(work, 'app'),
      apiUrl: site.apiUrl,
      contactEmail: seed.CONTACT_EMAIL,
      check: (n, ok, d) => check(`npm app: ${n}`, ok, d),
    });
    timings['npm app build'] = since(tNpm);
    if (app) {
      defer('npm app', app.close);
      const npmFamily = await freshFamily('npm');
      if (npmFamily)
        await journeyRun(site, {
          browser,
          journey,
          photo,
          label: 'PHP backend, npm',
          pageUrl: `${app.url}/`,
          assetsPrefix: app.assetsPrefix,
          credentials: seed.DEMO_CREDENTIALS,
          backend,
          familyId: npmFamily,
        });
    }
    timings['journey part'] = since(t);
  });
}

/**
 * What journey.mjs needs of a backend (the mock's `{ url, store }`), from the PHP backend: each stored piece's
 * bytes through the control's upload observer (a server of ours the mu-plugin posts them to), the campaign from
 * GET /campaign, the submissions from the database. `rearm()` after a control reset (which forgets the observer).
 */
async function phpBackend(site) {
  let onUpload = () => undefined;
  let campaign;
  const observer = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const h = req.headers;
      try {
        onUpload(
          String(h['x-family-id']),
          { typeCode: String(h['x-type-code']), studentId: String(h['x-student-id'] || '') || undefined },
          { name: decodeURIComponent(String(h['x-file-name'])), bytes: new Uint8Array(Buffer.concat(chunks)) },
        );
      } catch {
        /* the journey's own check says it */
      }
      res.end('ok');
    });
  });
  await new Promise((resolve) => observer.listen(0, '127.0.0.1', resolve));
  defer('upload observer', () => new Promise((resolve) => observer.close(resolve)));
  const rearm = async () => {
    await control(site, 'observe', { url: `http://127.0.0.1:${observer.address().port}/` });
    campaign = (await http('GET', `${site.apiUrl}/campaign`)).json;
  };
  await rearm();
  return {
    url: site.apiUrl,
    rearm,
    campaign: () => campaign,
    store: {
      get upload() {
        return onUpload;
      },
      set upload(fn) {
        onUpload = fn;
      },
      campaign: () => campaign,
      get submissions() {
        return site.query(`SELECT submission FROM ${site.prefix}rw_submissions ORDER BY id`).map((r) => ({ submission: JSON.parse(r.submission) }));
      },
    },
  };
}

/**
 * The whole journey (journey.mjs) on `pageUrl` against the PHP backend, then what the database holds for the
 * family: exactly one submission for gianni, the one the page showed, with the campaign's rules version and the
 * time of acceptance, its request and Idempotency-Key; its piece and the bytes on disk; gianni's status; the receipt.
 * Returns the stored row and the photo's document row.
 */
async function journeyRun(site, { browser, journey, photo, label, pageUrl, assetsPrefix, credentials, isWidgetError, backend, familyId }) {
  const p = site.prefix;
  const campaign = backend.campaign();
  const started = Date.now();
  const result = await journey.runJourney({ browser, pageUrl, mock: backend, assetsPrefix, photo, check, label, isWidgetError, credentials });
  timings[`${label.replace(/^PHP backend, /, '')} journey`] = since(started);
  console.log(`\n${label}: the journey in the database`);
  const rows = site.query(
    `SELECT id, student_id, idempotency_key, reference, rules_version, accepted_ms, submission, request FROM ${p}rw_submissions WHERE family_id = ${sqlString(familyId)}`,
  );
  const row = rows.find((r) => r.student_id === 'gianni');
  check(
    `${label}: exactly one submission stored for gianni, reference ${row?.reference}, the one the page showed`,
    rows.length === 1 && row && row.reference === result.reference,
    JSON.stringify(rows.map((r) => ({ ...r, submission: undefined, request: undefined }))),
  );
  if (row) {
    check(
      `${label}: stored with the rules version of the campaign (${campaign?.rules?.version})`,
      row.rules_version && row.rules_version === campaign?.rules?.version,
      `${row.rules_version} vs ${campaign?.rules?.version}`,
    );
    const accepted = Number(row.accepted_ms);
    check(
      `${label}: stored with the time of acceptance (during the journey, by the server’s clock)`,
      accepted >= started - 5000 && accepted <= Date.now() + 5000,
      `${accepted} (${new Date(accepted).toISOString()}), journey from ${new Date(started).toISOString()}`,
    );
    const submission = JSON.parse(row.submission);
    const request = JSON.parse(row.request);
    check(
      `${label}: its Submission and the request as sent are stored (reference, accepted rules)`,
      submission.reference === row.reference && request?.answers?.guardian && request.rulesAccepted !== false,
      JSON.stringify(submission).slice(0, 400),
    );
    check(`${label}: sent with an Idempotency-Key`, typeof row.idempotency_key === 'string' && row.idempotency_key.length > 0);
  }
  const docs = site.query(
    `SELECT id, student_id, type_code, scope, file_name, size, mime_type, stored_name FROM ${p}rw_documents WHERE family_id = ${sqlString(familyId)}`,
  );
  const photoDoc = docs.find((d) => d.type_code === 'responsabilite-civile');
  check(
    `${label}: its piece stored: « ${photoDoc?.file_name} », ${photoDoc?.mime_type}, ${photoDoc ? (Number(photoDoc.size) / 1024 / 1024).toFixed(2) : '?'} MiB`,
    photoDoc && photoDoc.mime_type === 'image/jpeg' && Number(photoDoc.size) > 0 && Number(photoDoc.size) < 2 * 1024 * 1024,
    JSON.stringify(docs),
  );
  if (photoDoc) {
    const file = site.phpJson(
      `$p = \\ReinscriptionWizard\\Backend\\Storage::path(${phpString(photoDoc.stored_name)}); echo "\\n" . wp_json_encode(['path' => $p, 'size' => $p && is_file($p) ? filesize($p) : null, 'head' => $p && is_file($p) ? bin2hex(file_get_contents($p, false, null, 0, 3)) : null]);`,
    );
    check(
      `${label}: its bytes on disk in the private folder (${file.path}), the same size, a JPEG`,
      file.size === Number(photoDoc.size) && file.head === 'ffd8ff',
      JSON.stringify(file),
    );
  }
  const status = site.query(`SELECT status FROM ${p}rw_students WHERE id = 'gianni'`)[0]?.status;
  check(`${label}: the student's status moved on from « a-faire » (${status})`, status && status !== 'a-faire', status);
  const receipts = (await control(site, 'outbox')).filter((m) => m.kind === 'receipt');
  check(
    `${label}: the receipt e-mail sent with wp_mail, with the reference ${row?.reference}`,
    receipts.length === 1 && !!row && (receipts[0].subject + receipts[0].body).includes(row.reference),
    JSON.stringify(receipts).slice(0, 800),
  );
  return { row, photoDoc };
}

/**
 * The private upload folder as the web server sees it (a host that honours .htaccess, like the test site's
 * Apache): a stored piece's direct URL refused (403, never its bytes), the folder's listing refused, its .htaccess
 * not served, and the plugin's own probe (Storage::publiclyReachable(), shown in the admin) saying so. Without
 * `storedName`, a small PDF is uploaded for gianni first (after a reset).
 */
async function privateFolderChecks(site, label, storedName) {
  if (!storedName) {
    storedName = await step(`${label}: a PDF uploaded for gianni (POST ${site.apiUrl}/documents, multipart) → 201`, async () => {
      await control(site, 'reset', {});
      const session = await control(site, 'session', {});
      const form = new FormData();
      form.append('typeCode', 'responsabilite-civile');
      form.append('studentId', 'gianni');
      form.append('file', new Blob([PDF], { type: 'application/pdf' }), 'attestation.pdf');
      const res = await fetch(`${site.apiUrl}/documents`, { method: 'POST', headers: { Authorization: `Bearer ${session.token}` }, body: form });
      const text = await res.text();
      assert(res.status === 201, `${res.status} ${text.slice(0, 300)}`);
      const id = JSON.parse(text).id;
      const stored = site.query(`SELECT stored_name FROM ${site.prefix}rw_documents WHERE id = ${sqlString(id)}`)[0]?.stored_name;
      assert(stored, `no stored_name for document ${id}`);
      return stored;
    });
    if (!storedName) return;
  }
  const where = site.phpJson(`
$dir = \\ReinscriptionWizard\\Backend\\Storage::dir();
$uploads = wp_upload_dir(null, false);
$path = \\ReinscriptionWizard\\Backend\\Storage::path(${phpString(storedName)});
echo "\\n" . wp_json_encode(['dir' => $dir, 'url' => rtrim($uploads['baseurl'], '/') . '/' . \\ReinscriptionWizard\\Backend\\Storage::DEFAULT_FOLDER . '/', 'sha1' => $path ? sha1_file($path) : null, 'htaccess' => is_file($dir . '.htaccess')]);`);
  const folder = `${site.url}/wp-content/uploads/reinscription-wizard-private/`;
  check(
    `${label}: the private folder is ${folder}, the piece in it on disk, with its .htaccess`,
    where.url === folder && where.sha1 && where.htaccess,
    JSON.stringify(where),
  );
  const get = async (url) => {
    const res = await fetch(url, { redirect: 'manual' });
    const bytes = Buffer.from(await res.arrayBuffer());
    return { status: res.status, bytes, text: bytes.toString('utf8'), sha1: createHash('sha1').update(bytes).digest('hex') };
  };
  const direct = await get(`${folder}${storedName}`);
  check(
    `${label}: the piece's direct URL …/reinscription-wizard-private/${storedName.slice(0, 8)}… → 403, never its bytes`,
    direct.status === 403 && direct.sha1 !== where.sha1,
    `${direct.status}, ${direct.bytes.length} bytes${direct.sha1 === where.sha1 ? ': THE PIECE ITSELF' : ''}`,
  );
  const listing = await get(folder);
  check(
    `${label}: the folder's listing refused (GET …/reinscription-wizard-private/ → 403)`,
    listing.status === 403 && !listing.text.includes(storedName),
    `${listing.status}: ${listing.text.slice(0, 200)}`,
  );
  const htaccess = await get(`${folder}.htaccess`);
  check(
    `${label}: its .htaccess not readable (GET …/.htaccess → 403)`,
    htaccess.status === 403 && !htaccess.text.includes('Require all denied'),
    `${htaccess.status}: ${htaccess.text.slice(0, 200)}`,
  );
  await step(`${label}: the plugin's probe \\ReinscriptionWizard\\Backend\\Storage::publiclyReachable() is false`, () => {
    const r = site.phpJson(`echo "\\n" . wp_json_encode(['reachable' => \\ReinscriptionWizard\\Backend\\Storage::publiclyReachable()]);`);
    assert(r.reachable === false, JSON.stringify(r));
  });
}

/** A one-page PDF, as small as a valid one gets: the backend checks the signature (%PDF-). */
const PDF = `%PDF-1.4
1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj
2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj
3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj
trailer<</Root 1 0 R>>
%%EOF
`;

/** An SQL string literal (for ids the tests made themselves). */
const sqlString = (v) => `'${String(v).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

// ------------------------------------------------------------------ run
try {
  if (want('zip')) await zipPart();
  if (want('modphp')) await modPhpPart();
  if (want('fpm')) await fpmPart();
  if (want('plain')) await plainPart();
  if (want('journey')) await journeyPart();
} catch (e) {
  check('the test ran to its end', false, e instanceof Error ? (e.stack ?? e.message) : String(e));
} finally {
  await cleanup();
}
log(
  `done in ${since(started)} (${Object.entries(timings)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')})`,
);
finish();
