/**
 * Two of the three artifacts of issue 7, served as a town's or a developer's web server would, with the
 * widget's api-url at any backend on another origin (CORS and bearer for real):
 * - dist/ as static files beside a bare HTML page (no Vite, no MSW in the page);
 * - the npm package installed in a fresh Vite + TypeScript app (./npm-app.mjs), built, served as static files.
 * scripts/journey-e2e.mjs points them at the HTTP mock backend, scripts/wordpress-backend-e2e.mjs at the
 * WordPress plugin's PHP backend; the third artifact, the plugin's page, is WordPress's own.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildNpmApp } from './npm-app.mjs';
import { startStaticServer } from './static-server.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The built widget's folder, and where the bare page loads its module from. */
export const DIST = join(ROOT, 'dist');
export const DIST_MODULE = '/dist/reinscription-wizard.js';

/** A bare page: the element with its attributes, and the module. Nothing else. In English, the page says so (`<html lang="en">`) and the widget follows it. */
export const barePage = ({ apiUrl, contactEmail, lang = 'fr', moduleUrl = DIST_MODULE }) => `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${lang === 'en' ? 'Re-registration' : 'Réinscriptions'}</title></head>
<body>
<main>
<h1>Réinscriptions au conservatoire</h1>
<reinscription-wizard api-url="${apiUrl}" contact-email="${contactEmail}"></reinscription-wizard>
</main>
<script type="module" src="${moduleUrl}"></script>
</body>
</html>`;

/**
 * dist/ under /dist/ and one bare page per entry of `pages` (path → `{ lang?, headers? }`, headers of that page
 * over the server-wide `headers`).
 * @returns {Promise<{ url: string, assetsPrefix: string, close(): Promise<void> }>}
 */
export async function serveDist({ apiUrl, contactEmail, pages = { '/': {} }, headers }) {
  const site = await startStaticServer({
    routes: { '/dist/': DIST },
    pages: Object.fromEntries(
      Object.entries(pages).map(([path, { lang, headers: own }]) => [path, { html: barePage({ apiUrl, contactEmail, lang }), headers: own }]),
    ),
    headers,
  });
  return { ...site, assetsPrefix: `${site.url}/dist/` };
}

/**
 * The npm package in a fresh Vite + TypeScript app in `dir` (buildNpmApp reports each step through `check`), served.
 * @returns {Promise<{ url: string, assetsPrefix: string, close(): Promise<void> } | undefined>} undefined when a step failed (reported)
 */
export async function serveNpmApp({ dir, apiUrl, contactEmail, check }) {
  const app = await buildNpmApp({ dir, apiUrl, contactEmail, check });
  if (!app) return undefined;
  const site = await startStaticServer({ routes: { '/': app.dist } });
  return { ...site, assetsPrefix: `${site.url}/assets/` };
}
