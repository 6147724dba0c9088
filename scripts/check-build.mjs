#!/usr/bin/env node
/**
 * `node scripts/check-build.mjs`: the build checks that fail fast, before any journey.
 *
 * dist/ is loaded as a town's page loads it (static files, no bundler), in headless Chromium, and
 * asked what it defines: every tag of custom-elements.json must be a defined custom element once
 * the page's module ran and `loadApp()` and `loadSteps()` resolved. A text search of dist/ would not do: tag names
 * stand in templates of modules that define nothing. Also: no build placeholder is left, the
 * manifest names files that exist, and nothing reached the console (an unknown message id is an
 * error there: src/i18n/index.ts). Ends with `N passed, N failed`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createReport } from './journey/report.mjs';
import { startStaticServer } from './journey/static-server.mjs';
import { CHROME_ARGS } from './chromium.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';

const { check, skip, finish } = createReport();

const tags = JSON.parse(readFileSync(join(ROOT, 'custom-elements.json'), 'utf8'))
  .modules.flatMap((m) => m.declarations ?? [])
  .map((d) => d.tagName)
  .filter(Boolean);

console.log('dist/, as built');
const manifestFile = join(DIST, 'manifest.json');
if (!check('dist/manifest.json written by the build', existsSync(manifestFile), 'run `npm run build` first')) finish();
const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
// Flat names, and the locales' chunks under `locales`.
const files = Object.values(manifest).flatMap((v) => (typeof v === 'string' ? [v] : Object.values(v)));
check(
  `the manifest's files exist: ${files.join(', ')}`,
  files.every((f) => existsSync(join(DIST, f))),
  files.filter((f) => !existsSync(join(DIST, f))).join(', '),
);
const left = files.filter((f) => existsSync(join(DIST, f)) && readFileSync(join(DIST, f), 'utf8').includes('__RW_'));
check('no build placeholder left (__RW_…)', left.length === 0, left.join(', '));

if (!existsSync(CHROME)) {
  skip(`the browser checks need Chromium (${CHROME} not found; set CHROME_PATH)`);
  finish();
}

const site = await startStaticServer({
  routes: { '/dist/': DIST },
  pages: { '/': '<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>build check</title></head><body></body></html>' },
});
const { default: puppeteer } = await import('puppeteer-core');
const browser = await puppeteer.launch({
  executablePath: CHROME,
  headless: true,
  args: CHROME_ARGS,
});
try {
  const page = await browser.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${site.url}/`, { waitUntil: 'load' });
  const seen = await page.evaluate(async (tags) => {
    const main = await import('/dist/reinscription-wizard.js');
    const before = tags.filter((t) => customElements.get(t));
    await main.loadApp();
    await main.loadSteps();
    const after = tags.filter((t) => customElements.get(t));
    const created = document.createElement('reinscription-wizard');
    return { before, after, exports: Object.keys(main).sort(), upgraded: created instanceof main.ReinscriptionWizard };
  }, tags);
  // The main module is the login path: the wizard's frame and the login, nothing else (npm run size).
  const core = ['reinscription-wizard', 'reinscription-login'];
  check(
    `the page's module defines ${core.join(', ')}`,
    core.every((t) => seen.before.includes(t)),
    `defined: ${seen.before.join(', ')}`,
  );
  const missing = tags.filter((t) => !seen.after.includes(t));
  check(
    `after loadApp() and loadSteps(), every tag of custom-elements.json is defined (${tags.length})`,
    missing.length === 0,
    `not defined: ${missing.join(', ')}`,
  );
  check('<reinscription-wizard> is the exported ReinscriptionWizard', seen.upgraded);
  check(
    'the module exports loadApp, loadSteps and the element classes',
    ['loadApp', 'loadSteps', 'ReinscriptionWizard', 'ReinscriptionLogin'].every((e) => seen.exports.includes(e)),
    seen.exports.join(', '),
  );
  check('nothing on the console (no unknown message id, no error)', errors.length === 0, errors.join('\n'));
} catch (e) {
  check('the build checks ran to their end', false, e instanceof Error ? (e.stack ?? e.message) : String(e));
} finally {
  await browser.close();
  await site.close();
}
finish();
