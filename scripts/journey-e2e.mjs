#!/usr/bin/env node
/**
 * `npm run test:journey [-- --artifact=dist|npm]`: the whole journey (scripts/journey/journey.mjs)
 * on what towns and developers install, never on src/:
 * - dist:  dist/ served as static files beside a bare HTML page (no Vite, no MSW in the page), the
 *          widget's api-url at the HTTP mock backend on another origin (CORS and bearer for real);
 *          first with every request after the login path held, never answered (journey/held.mjs):
 *          the login's fields must be there and take what is typed all the same;
 *          then the same page under the Content-Security-Policy of docs/csp.md (scripts/journey/csp.mjs,
 *          sent with every response), with zero violations; then under that policy with the worker
 *          refused (`worker-src 'none'`) and createImageBitmap removed, so the main-thread fallback
 *          must reduce the photo through <img src="blob:…">; and docs/csp.md must quote that policy;
 * - npm:   `npm pack`, installed offline from the tarball and the npm cache into a fresh Vite +
 *          TypeScript app written in a temp folder (scripts/journey/npm-app.mjs), type-checked,
 *          built with `vite build`, then served as static files like dist/.
 * The WordPress artifact runs the same journey from scripts/wordpress-e2e.mjs; scripts/wordpress-backend-e2e.mjs
 * runs all three (journey/artifacts.mjs) against the plugin's PHP backend.
 *
 * Needs `npm run build` first (dist/ and lib/). Writes what each journey loaded to
 * .journey/<artifact>.json, which `npm run size -- --check` reads. Ends with `N passed, N failed`
 * (and `, N skipped` when an artifact could not be tried, which is never counted as passed).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cspPolicy, missingFromDoc } from './journey/csp.mjs';
import { heldLogin } from './journey/held.mjs';
import { recordLoaded, runJourney } from './journey/journey.mjs';
import { makePhoto } from './journey/photo.mjs';
import { createReport } from './journey/report.mjs';
import { serveDist, serveNpmApp } from './journey/artifacts.mjs';
import { CHROME_ARGS } from './chromium.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const wanted = (process.argv.find((a) => a.startsWith('--artifact='))?.slice(11) ?? 'dist,npm').split(',');

const { check, skip, finish } = createReport();

if (!existsSync(CHROME)) {
  skip(`the built-artifact journeys need Chromium (${CHROME} not found; set CHROME_PATH)`, wanted.length);
  finish();
}
for (const [what, file] of [
  ['dist/', 'dist/manifest.json'],
  ['lib/', 'lib/index.js'],
]) {
  if (!existsSync(join(ROOT, file))) {
    check(`${what} is built (run \`npm run build\` first)`, false, `${file} missing`);
    finish();
  }
}

const started = Date.now();
const since = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const { tsImport } = await import('tsx/esm/api');
const mockModule = await tsImport('./wordpress/mock.ts', import.meta.url);
const mock = await mockModule.startFrozenMock();
const { default: puppeteer } = await import('puppeteer-core');
const browser = await puppeteer.launch({
  executablePath: CHROME,
  headless: true,
  args: CHROME_ARGS,
});
const work = mkdtempSync(join(tmpdir(), 'reinscription-journey-'));
const closers = [() => browser.close(), () => mock.close(), () => rmSync(work, { recursive: true, force: true })];

/** dist/'s English catalogue, a chunk of its own (vite.config.ts names chunks reinscription-wizard-[name]-[hash].js). */
const ENGLISH_CHUNK = /\/reinscription-wizard-en-[^/]*\.js(\?|$)/;

/**
 * English costs a French visitor nothing: on dist/, the French journey never asks for the English
 * chunk, and the English one does fetch it (so the pattern above still names it).
 */
function checkEnglishChunk(artifact, lang, result) {
  const asked = result.requested.filter((u) => ENGLISH_CHUNK.test(u));
  if (lang === 'en') {
    const fetched = asked.filter((u) => result.files.includes(u));
    check(
      `${artifact}: the English chunk (reinscription-wizard-en-*.js) fetched`,
      fetched.length > 0,
      `asked for: ${asked.join(', ') || 'none'}; fetched: ${fetched.join(', ') || 'none'}`,
    );
  } else
    check(`${artifact}: no request for the English chunk (reinscription-wizard-en-*.js) in the whole French journey`, asked.length === 0, asked.join('\n'));
}

/** Runs the journey once on `pageUrl` and writes what it loaded for the size guard. */
async function journey(artifact, pageUrl, assetsPrefix, photo, lang = 'fr') {
  mock.store.reset();
  mock.scenarios.reset();
  const result = await runJourney({ browser, pageUrl, mock, assetsPrefix, photo, check, label: artifact, credentials: mockModule.DEMO_CREDENTIALS, lang });
  if (artifact.startsWith('dist')) checkEnglishChunk(artifact, lang, result);
  recordLoaded(ROOT, artifact, result, assetsPrefix);
  console.log(`  (${artifact}: ${result.loginFiles.length} file(s) before the login's first field, ${result.files.length} in all)`);
}

/**
 * The bare page again, under docs/csp.md's policy sent as a header with every response (the page
 * and dist/'s files, the worker included, as a server-wide header does): the whole journey with
 * zero violations, « Consulter » included; then with the worker refused, where the only violation
 * allowed is that refusal and the fallback must still deliver the photo.
 */
async function cspJourneys(photo) {
  const policy = cspPolicy(mock.url);
  const refused = cspPolicy(mock.url, { worker: false });
  const site = await serveDist({
    apiUrl: mock.url,
    contactEmail: mockModule.CONTACT_EMAIL,
    pages: { '/': {}, '/worker-refused/': { headers: { 'Content-Security-Policy': refused } } },
    headers: { 'Content-Security-Policy': policy },
  });
  closers.unshift(site.close);
  const { assetsPrefix } = site;
  const run = async (label, path, options) => {
    const sent = (await fetch(`${site.url}${path}`)).headers.get('content-security-policy');
    const [wanted, what] = path === '/' ? [policy, "docs/csp.md's policy"] : [refused, "that policy with worker-src 'none'"];
    check(`${label}: the page is served with ${what} as its Content-Security-Policy header`, sent === wanted, `sent: ${sent}`);
    mock.store.reset();
    mock.scenarios.reset();
    return runJourney({
      browser,
      pageUrl: `${site.url}${path}`,
      mock,
      assetsPrefix,
      photo,
      check,
      label,
      credentials: mockModule.DEMO_CREDENTIALS,
      ...options,
    });
  };
  console.log(`\ndist/ on the bare page under Content-Security-Policy: ${policy}`);
  let t = Date.now();
  await run('dist, CSP', '/', { csp: { viewDocument: true } });
  console.log(`  (${((Date.now() - t) / 1000).toFixed(1)} s)`);
  console.log(`\nthe same with the worker refused (worker-src 'none') and no createImageBitmap: the main-thread fallback through <img src="blob:…">`);
  t = Date.now();
  const expected = {
    what: "the compression worker (worker-src 'none')",
    match: (v) => v.directive === 'worker-src' && /compress[.-]worker[^/]*\.js$/.test(v.blocked),
  };
  await run('dist, CSP, worker refused', '/worker-refused/', { compression: 'main-thread-img', csp: { expected } });
  console.log(`  (${((Date.now() - t) / 1000).toFixed(1)} s)`);
}

try {
  const { file: photo, bytes } = await makePhoto(browser, work);
  console.log(`photo for step 3: 4000×3000 px, ${(bytes / 1024 / 1024).toFixed(1)} MiB (${since()})`);

  if (wanted.includes('dist')) {
    console.log(`\ndist/ on a bare page, api-url ${mock.url} (another origin)`);
    const site = await serveDist({ apiUrl: mock.url, contactEmail: mockModule.CONTACT_EMAIL, pages: { '/': {}, '/en/': { lang: 'en' } } });
    closers.unshift(site.close);
    console.log('\ndist/ with every request after the login path held (never answered)');
    await heldLogin({ browser, pageUrl: `${site.url}/`, dist: join(ROOT, 'dist'), check });
    await journey('dist', `${site.url}/`, site.assetsPrefix, photo);
    console.log(`  (${since()})`);
    console.log('\ndist/ on a bare page in English (<html lang="en">): the same journey, every word the English catalogue’s');
    await journey('dist-en', `${site.url}/en/`, site.assetsPrefix, photo, 'en');
    console.log(`  (${since()})`);
    const missing = missingFromDoc(join(ROOT, 'docs', 'csp.md'));
    check(
      'docs/csp.md quotes the policy the CSP journeys apply, word for word (header and <meta>)',
      missing.length === 0,
      `missing from docs/csp.md:\n${missing.join('\n')}`,
    );
    await cspJourneys(photo);
    console.log(`  (${since()})`);
  }

  if (wanted.includes('npm')) {
    console.log('\nthe npm package in a fresh Vite + TypeScript app');
    const site = await serveNpmApp({ dir: join(work, 'app'), apiUrl: mock.url, contactEmail: mockModule.CONTACT_EMAIL, check });
    if (site) {
      closers.unshift(site.close);
      await journey('npm', `${site.url}/`, site.assetsPrefix, photo);
    }
    console.log(`  (${since()})`);
  }
} catch (e) {
  check('the journeys ran to their end', false, e instanceof Error ? (e.stack ?? e.message) : String(e));
} finally {
  for (const close of closers)
    await Promise.resolve()
      .then(close)
      .catch(() => undefined);
}
finish();
