/**
 * The login never waits for the network, proven without a clock: the page and the login path's
 * files (dist/manifest.json `login`: the main module and its static imports) are served, and every
 * other request is held, never answered: the app chunk and the login's schemas, which the widget
 * asks for as soon as the login is painted (and with them, everything after). The identifier field must still be there, visible, focusable and take what is typed;
 * so must the password field and its « Afficher » button. A test, not a measure: nothing is timed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { installHelpers } from './page-helpers.mjs';

/**
 * @param {{ browser: import('puppeteer-core').Browser, pageUrl: string, dist: string, check: (name: string, ok: boolean, detail?: string) => boolean }} o
 */
export async function heldLogin({ browser, pageUrl, dist, check }) {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));
  const served = new Set([manifest.facade, ...manifest.login]);
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const held = [];
  try {
    await page.evaluateOnNewDocument(installHelpers);
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const url = new URL(request.url());
      const file = url.pathname.split('/').pop() ?? '';
      if (request.isNavigationRequest() || served.has(file)) void request.continue();
      // Held: neither answered nor failed while the test runs, as on a network that stalls.
      else held.push(request.url());
    });
    await page.goto(pageUrl, { waitUntil: 'domcontentloaded' });
    const field = await page.waitForFunction(() => window.__rwJourney.control('Identifiant'), { timeout: 20000 });
    const box = await field.asElement()?.boundingBox();
    check('requests held: the identifier field is rendered and visible all the same', !!box && box.width > 0 && box.height > 0, JSON.stringify(box));
    await field.asElement()?.click();
    await page.keyboard.type('famille.dagostino');
    const typed = await page.evaluate(() => {
      const c = window.__rwJourney.control('Identifiant');
      return { value: c?.value, focused: c?.getRootNode().activeElement === c };
    });
    check('requests held: the identifier field takes focus and what is typed', typed.focused && typed.value === 'famille.dagostino', JSON.stringify(typed));
    await page.keyboard.press('Tab');
    await page.keyboard.type('secret');
    const password = await page.evaluate(() => window.__rwJourney.control('Mot de passe')?.value);
    const show = await page.evaluate(() => {
      window.__rwJourney.button('Afficher le mot de passe')?.click();
      return new Promise((r) => requestAnimationFrame(() => r(window.__rwJourney.control('Mot de passe')?.type)));
    });
    check(
      'requests held: Tab reaches « Mot de passe », which takes the password, and « Afficher le mot de passe » works',
      password === 'secret' && show === 'text',
      JSON.stringify({ password, show }),
    );
    const names = held.map((u) => new URL(u).pathname.split('/').pop());
    // Started as soon as the login was painted: the rest of the widget (which then asks for the campaign).
    const later = [manifest.app].filter((f) => !held.some((u) => u.endsWith(f)));
    check(
      `requests held: they were asked for, and held (${held.length}: ${names.join(', ')})`,
      held.length > 0 && later.length === 0,
      later.length ? `never requested: ${later.join(', ')}` : 'none held',
    );
  } finally {
    await context.close();
  }
}
