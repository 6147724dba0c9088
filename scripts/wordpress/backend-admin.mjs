#!/usr/bin/env node
/**
 * The plugin's admin screens of the built-in backend, driven in a real WordPress (fr_FR) with puppeteer, by their
 * French labels as a secretary sees them:
 *   - Réglages → Réinscriptions: « Serveur des réinscriptions » = « Ce site WordPress », saved; the page's form then
 *     points at this site's REST base, which answers GET /campaign (with plain permalinks: ?rest_route=…);
 *   - Outils → Importer des familles: test/fixtures/seed-family.csv (the seed's family LIMONEST-0001 as a French
 *     spreadsheet export) through the column mapping (guessed), the preview, the dry run (nothing written: the
 *     tables are counted) and the import (rows written, password_hash NULL, the guardian, students and courses of
 *     src/mocks/seed.ts); importing it again is « inchangé »; a file with a wrong phone is refused with its row;
 *   - the notice of a private folder the web server hands out (the verdict cached, set by the check): on the
 *     dashboard and the plugin's screens only; saving the settings probes again, and agrees with what a stranger
 *     fetching a file of the folder gets;
 *   - Réglages → Campagne de réinscription: a saved contact e-mail served by GET /campaign, the town's postcode
 *     (stored without spaces, used by the document conditions, a wrong one refused), then an invalid JSON and a
 *     JSON that breaks the contract refused with their reason, the previous campaign kept.
 *
 * The checks empty the families and students tables first, and leave the imported family (no password: its first
 * login goes through « Mot de passe perdu ») and backend = 'site' behind, so a journey can follow; the campaign
 * option is put back as it was.
 *
 *   import { adminChecks } from './scripts/wordpress/backend-admin.mjs';
 *   await adminChecks({ site, browser, check });   // check(name, async fn) records one pass/fail (fn throws to fail)
 *
 * uninstallChecks({ site, check }) runs uninstall.php on the site (with « Delete data on uninstall » off, then on):
 * destructive, so last.
 *
 * CLI: `node scripts/wordpress/backend-admin.mjs [--plain] [--fpm] [--keep-data]` starts its own site
 * (backend-site.mjs) and Chromium, runs the checks (and the uninstall ones, unless --keep-data) and exits 1 when one
 * fails.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SEED_CSV = join(ROOT, 'test', 'fixtures', 'seed-family.csv');
const SEED_JSON = join(ROOT, 'test', 'fixtures', 'seed-family.json');

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** The element whose visible text is exactly `text` (trimmed), among `selector`. */
async function byText(page, selector, text) {
  const handles = await page.$$(selector);
  for (const h of handles) {
    const t = await h.evaluate((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim());
    if (t === text) return h;
  }
  const seen = await Promise.all(handles.map((h) => h.evaluate((el) => (el.textContent ?? '').trim())));
  throw new Error(`no ${selector} « ${text} » (seen: ${seen.filter(Boolean).join(' | ')})`);
}

/** The form control of the label whose text starts with `text`. */
async function byLabel(page, text) {
  const id = await page.$$eval(
    'label[for]',
    (labels, text) => labels.find((l) => l.textContent.replace(/\s+/g, ' ').trim().startsWith(text))?.htmlFor ?? null,
    text,
  );
  if (!id) throw new Error(`no label « ${text} »`);
  const el = await page.$(`[id="${id}"]`);
  if (!el) throw new Error(`label « ${text} » names #${id}, absent`);
  return el;
}

async function clickAndWait(page, handle) {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), handle.click()]);
}

const text = (page, selector) => page.$$eval(selector, (els) => els.map((e) => e.textContent.replace(/\s+/g, ' ').trim()).join(' | '));

/** The counts table of the dry run / import: { Familles: [create, update, unchanged], … }. */
async function counts(page) {
  return page.$$eval('.reinscription-wizard-counts tbody tr', (rows) =>
    Object.fromEntries(rows.map((r) => [r.querySelector('th').textContent.trim(), [...r.querySelectorAll('td')].map((td) => Number(td.textContent))])),
  );
}

async function login(page, site) {
  await page.goto(`${site.url}/wp-login.php`, { waitUntil: 'load' });
  // Set the values rather than type them: wp-login.php focuses and selects #user_login shortly after load.
  await page.$eval('#user_login', (el, v) => (el.value = v), site.admin.user);
  await page.$eval('#user_pass', (el, v) => (el.value = v), site.admin.password);
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('#wp-submit')]);
  assert(page.url().includes('/wp-admin'), `not logged in: ${page.url()}`);
}

/** Uploads a CSV on the import screen and returns on the mapping step. */
async function upload(page, site, file) {
  await page.goto(`${site.url}/wp-admin/tools.php?page=reinscription-wizard-import`, { waitUntil: 'load' });
  const input = await byLabel(page, 'Fichier CSV');
  await input.uploadFile(file);
  await clickAndWait(page, await byText(page, 'button', 'Envoyer et associer les colonnes'));
}

const tableCount = (site, name) => Number(site.query(`SELECT COUNT(*) AS n FROM ${site.prefix ?? 'wp_'}rw_${name}`)[0].n);

/**
 * @param {{ site: any, browser: import('puppeteer-core').Browser, check: (name: string, fn: () => Promise<void>) => Promise<unknown> }} options
 */
export async function adminChecks({ site, browser, check }) {
  const prefix = site.prefix ?? 'wp_';
  const option = (name) => site.query(`SELECT option_value AS v FROM ${prefix}options WHERE option_name = '${name}'`)[0]?.v ?? null;
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  page.setDefaultTimeout(20000);
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  try {
    await check('admin: log into wp-admin', () => login(page, site));

    // ------------------------------------------------------------ Réglages → Réinscriptions: « Ce site WordPress »
    await check('admin: Réglages → Réinscriptions saves « Serveur des réinscriptions » = « Ce site WordPress »', async () => {
      site.query(`UPDATE ${prefix}options SET option_value = 'external' WHERE option_name = 'reinscription_wizard_backend'`);
      await page.goto(`${site.url}/wp-admin/options-general.php?page=reinscription-wizard`, { waitUntil: 'load' });
      const headings = await text(page, '.wrap h2');
      assert(headings.includes('Serveur') && headings.includes('Ce site comme serveur'), `sections: ${headings}`);
      const radio = await page.evaluateHandle(() =>
        [...document.querySelectorAll('input[type=radio][name="reinscription_wizard_backend"]')].find((r) => r.parentElement.textContent.trim() === 'Ce site WordPress'),
      );
      assert(radio.asElement(), 'no radio « Ce site WordPress »');
      await radio.asElement().click();
      await clickAndWait(page, await page.$('#submit'));
      const notices = await text(page, '.notice, .updated, .error');
      assert(/Réglages enregistrés/.test(notices), `notices after saving: ${notices}`);
      assert(option('reinscription_wizard_backend') === 'site', `option: ${option('reinscription_wizard_backend')}`);
      const checked = await page.$eval('input[name="reinscription_wizard_backend"]:checked', (r) => r.value);
      assert(checked === 'site', `checked after reload: ${checked}`);
    });

    await check('admin: with « Ce site WordPress », the page\'s form points at this site\'s REST base, which answers /campaign', async () => {
      const html = await (await fetch(site.pageUrl)).text();
      const m = /<reinscription-wizard[^>]*\sapi-url="([^"]+)"/.exec(html);
      assert(m, 'no <reinscription-wizard api-url> on the page');
      const apiUrl = m[1].replaceAll('&#038;', '&').replaceAll('&amp;', '&');
      assert(apiUrl === site.apiUrl, `api-url ${apiUrl}, expected ${site.apiUrl}`);
      // The widget builds `${apiUrl}${path}`: the same here, also with plain permalinks (?rest_route=…).
      const res = await fetch(`${apiUrl}/campaign`, { headers: { Accept: 'application/json' } });
      const body = await res.json().catch(() => null);
      assert(res.status === 200 && typeof body?.schoolYear === 'string', `GET ${apiUrl}/campaign: HTTP ${res.status} ${JSON.stringify(body)?.slice(0, 200)}`);
    });

    await check('admin: an invalid trusted proxy and a private folder inside WordPress are refused, with the reason', async () => {
      await page.goto(`${site.url}/wp-admin/options-general.php?page=reinscription-wizard`, { waitUntil: 'load' });
      const proxies = await byLabel(page, 'Proxys de confiance');
      await proxies.evaluate((el) => (el.value = '10.0.0.0/8\n300.1.2.3'));
      const folder = await byLabel(page, 'Dossier privé des pièces');
      await folder.evaluate((el) => (el.value = '/usr/share/wordpress/wp-content/private'));
      await clickAndWait(page, await page.$('#submit'));
      const notices = await text(page, '.notice, .error');
      assert(notices.includes('« 300.1.2.3 » n’est pas une adresse IP'), `notices: ${notices}`);
      assert(notices.includes('doit être hors du dossier de WordPress'), `notices: ${notices}`);
      assert(option('reinscription_wizard_upload_dir') !== '/usr/share/wordpress/wp-content/private', 'the folder inside WordPress was saved');
      assert(!String(option('reinscription_wizard_trusted_proxies') ?? '').includes('300.1.2.3'), 'the invalid proxy was saved');
      assert(option('reinscription_wizard_backend') === 'site', 'the backend setting changed');
    });

    // ------------------------------------------------------------ the private folder reachable over HTTP
    const verdict = (value) =>
      site.php(
        value === undefined
          ? `delete_transient('reinscription_wizard_uploads_reachable');`
          : `set_transient('reinscription_wizard_uploads_reachable', ['reachable' => ${value}, 'checkedAt' => time()], 43200);`,
      );
    const publicNotice = async (url) => {
      await page.goto(url, { waitUntil: 'load' });
      return page.$eval('#reinscription-wizard-public-uploads', (el) => el.textContent.replace(/\s+/g, ' ').trim()).catch(() => null);
    };
    try {
      await check('admin: a private folder the web server hands out is announced on the dashboard and the plugin\'s screens, with the two ways out', async () => {
        verdict('true');
        const dashboard = await publicNotice(`${site.url}/wp-admin/`);
        assert(dashboard, 'no notice on the dashboard');
        assert(dashboard.includes('Les pièces des familles peuvent être téléchargées par quiconque devine un nom de fichier.'), `notice: ${dashboard}`);
        assert(dashboard.includes('« Dossier privé des pièces » (Réglages → Réinscriptions)') && dashboard.includes('en dehors de la racine du site web'), `notice: ${dashboard}`);
        assert(dashboard.includes('location ^~ /wp-content/uploads/reinscription-wizard-private/ { deny all; }'), `notice: ${dashboard}`);
        for (const screen of ['options-general.php?page=reinscription-wizard', 'options-general.php?page=reinscription-wizard-campaign', 'tools.php?page=reinscription-wizard-import']) {
          assert(await publicNotice(`${site.url}/wp-admin/${screen}`), `no notice on ${screen}`);
        }
        assert(!(await publicNotice(`${site.url}/wp-admin/edit.php`)), 'the notice is on every screen (only the dashboard and the plugin\'s)');
        verdict('false');
        assert(!(await publicNotice(`${site.url}/wp-admin/`)), 'a protected folder is announced');
      });

      await check('admin: saving Réglages → Réinscriptions probes the private folder again, as a stranger would fetch it', async () => {
        verdict('false');
        await page.goto(`${site.url}/wp-admin/options-general.php?page=reinscription-wizard`, { waitUntil: 'load' });
        await clickAndWait(page, await page.$('#submit'));
        // What a stranger gets for a file of the folder, asked here directly.
        const probe = site.php(`$d = \\ReinscriptionWizard\\Backend\\Storage::dir(); file_put_contents($d . 'admin-check', 'x'); echo \\ReinscriptionWizard\\Backend\\Storage::folderUrl();`).trim().split('\n').pop();
        const served = (await fetch(`${probe}admin-check`, { redirect: 'manual' })).status === 200;
        site.php(`wp_delete_file(\\ReinscriptionWizard\\Backend\\Storage::dir() . 'admin-check');`);
        const notice = await publicNotice(`${site.url}/wp-admin/options-general.php?page=reinscription-wizard`);
        assert(Boolean(notice) === served, `the folder is ${served ? '' : 'not '}served, the notice ${notice ? 'shown' : 'absent'} after saving`);
        const stored = site.phpJson(`echo "\\n" . json_encode(get_transient('reinscription_wizard_uploads_reachable'));`);
        assert(stored?.reachable === served, `stored verdict ${JSON.stringify(stored)}`);
      });
    } finally {
      verdict(undefined);
    }

    // ------------------------------------------------------------ Outils → Importer des familles
    site.query(`DELETE FROM ${prefix}rw_students; DELETE FROM ${prefix}rw_families;`);
    const expected = JSON.parse(readFileSync(SEED_JSON, 'utf8'));

    await check('admin: import — the seed CSV uploaded, its columns guessed on the mapping step', async () => {
      await upload(page, site, SEED_CSV);
      const heading = await text(page, '.wrap h2');
      assert(heading.includes('Association des colonnes'), `step: ${heading}`);
      const fileLine = await text(page, '.wrap > p');
      assert(fileLine.includes('6 lignes') && fileLine.includes('UTF-8 (BOM)') && fileLine.includes('point-virgule'), `file line: ${fileLine}`);
      const selected = async (label) => (await byLabel(page, label)).evaluate((s) => s.options[s.selectedIndex].textContent);
      for (const [label, header] of [
        ['Identifiant de la famille', 'Identifiant'],
        ['Responsable : nom', 'Responsable nom'],
        ['Élève : identifiant', 'Élève identifiant'],
        ['Élève : utilise les coordonnées', 'Élève utiliser les coordonnées du responsable légal'],
        ['Cours : cursus', 'Cursus'],
        ['Cours : discipline', 'Discipline'],
      ]) {
        const value = await selected(label);
        assert(value.startsWith(header), `${label} ← « ${value} », expected « ${header} »`);
      }
      assert((await selected('Cours : Ha')) === '— absent du fichier —', 'Ha should not be mapped');
      assert(tableCount(site, 'families') === 0, 'rows written at upload');
    });

    await check('admin: import — a required field left unmapped is refused on the mapping step', async () => {
      const select = await byLabel(page, 'Élève : identifiant');
      const before = await select.evaluate((s) => s.value);
      await select.select('');
      await clickAndWait(page, await byText(page, 'button', 'Aperçu'));
      const notices = await text(page, '.notice-error');
      assert(notices.includes('Élève : identifiant est obligatoire : choisissez la colonne où le lire'), `notices: ${notices}`);
      await (await byLabel(page, 'Élève : identifiant')).select(before);
    });

    await check('admin: import — preview: 6 rows as stored (E.164 phones, ISO dates), no error', async () => {
      await clickAndWait(page, await byText(page, 'button', 'Aperçu'));
      const rows = await page.$$eval('.reinscription-wizard-preview tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((td) => td.textContent.trim())));
      assert(rows.length === 6, `${rows.length} preview rows`);
      assert(rows[0][1].includes('LIMONEST-0001') && rows[0][1].includes('+33639980042'), `row 2 family: ${rows[0][1]}`);
      assert(rows[0][2].includes('gianni') && rows[0][2].includes('2014-05-09'), `row 2 student: ${rows[0][2]}`);
      assert(rows[5][3].includes('Découverte Instrumentale LUNDI'), `row 7 course: ${rows[5][3]}`);
      assert(rows.every((r) => r[4] === ''), `errors: ${rows.map((r) => r[4]).join(' | ')}`);
      assert((await page.$$('.notice-error')).length === 0, 'an error notice on the preview');
    });

    await check('admin: import — dry run: 1 family, 2 students, 6 courses to create, nothing written', async () => {
      await clickAndWait(page, await byText(page, 'button', 'Essai à blanc'));
      const info = await text(page, '.notice-info');
      assert(info.includes('rien n’a été écrit'), `notice: ${info}`);
      const c = await counts(page);
      assert(JSON.stringify(c) === JSON.stringify({ Familles: [1, 0, 0], Élèves: [2, 0, 0], Cours: [6, 0, 0] }), `counts ${JSON.stringify(c)}`);
      assert(tableCount(site, 'families') === 0 && tableCount(site, 'students') === 0, 'the dry run wrote rows');
    });

    await check('admin: import — the import writes the seed\'s family exactly, without a password', async () => {
      await clickAndWait(page, await byText(page, 'button', 'Importer'));
      const success = await text(page, '.notice-success');
      assert(success.includes('Import terminé'), `notice: ${success}`);
      const c = await counts(page);
      assert(JSON.stringify(c) === JSON.stringify({ Familles: [1, 0, 0], Élèves: [2, 0, 0], Cours: [6, 0, 0] }), `counts ${JSON.stringify(c)}`);
      const pageText = await text(page, '.wrap');
      assert(pageText.includes('« Mot de passe perdu »'), 'no « Mot de passe perdu » reminder');
      const families = site.query(`SELECT id, identifier, identifier_lc, email, password_hash, guardian, payment_mode, bank_changed FROM ${prefix}rw_families`);
      assert(families.length === 1, `${families.length} families`);
      const [f] = families;
      assert(f.id === expected.id && f.identifier === expected.identifier && f.identifier_lc === 'limonest-0001', `family ${f.id} ${f.identifier}`);
      assert(f.email === expected.email && f.password_hash === null, `email ${f.email}, password_hash ${f.password_hash}`);
      assert(f.payment_mode === 'direct-debit' && f.bank_changed === null, `payment ${f.payment_mode} ${f.bank_changed}`);
      assert(JSON.stringify(JSON.parse(f.guardian)) === JSON.stringify(expected.guardian), `guardian ${f.guardian}`);
      const students = site.query(`SELECT id, family_id, position, coordinates, courses, administrative_applies, status, draft, submission FROM ${prefix}rw_students ORDER BY position`);
      assert(students.length === 2, `${students.length} students`);
      students.forEach((s, i) => {
        const want = expected.students[i];
        assert(s.id === want.id && s.family_id === expected.id && Number(s.position) === i, `student ${i}: ${s.id} ${s.family_id} ${s.position}`);
        assert(JSON.stringify(JSON.parse(s.coordinates)) === JSON.stringify(want.coordinates), `coordinates of ${s.id}: ${s.coordinates}`);
        assert(JSON.stringify(JSON.parse(s.courses)) === JSON.stringify(want.courses), `courses of ${s.id}: ${s.courses}`);
        assert(Number(s.administrative_applies) === (want.administrativeReregistrationApplies ? 1 : 0), `administrative of ${s.id}`);
        assert(s.status === 'a-faire' && s.draft === null && s.submission === null, `status of ${s.id}: ${s.status}`);
      });
    });

    await check('admin: import — the same file again: everything « inchangé », a set password and a draft untouched', async () => {
      site.query(`UPDATE ${prefix}rw_families SET password_hash = 'kept-hash'; UPDATE ${prefix}rw_students SET draft = '{"kept":true}' WHERE id = 'lina';`);
      try {
        await upload(page, site, SEED_CSV);
        await clickAndWait(page, await byText(page, 'button', 'Aperçu'));
        await clickAndWait(page, await byText(page, 'button', 'Essai à blanc'));
        const c = await counts(page);
        assert(JSON.stringify(c) === JSON.stringify({ Familles: [0, 0, 1], Élèves: [0, 0, 2], Cours: [0, 0, 6] }), `counts ${JSON.stringify(c)}`);
        await clickAndWait(page, await byText(page, 'button', 'Importer'));
        const [f] = site.query(`SELECT password_hash FROM ${prefix}rw_families`);
        const [lina] = site.query(`SELECT draft FROM ${prefix}rw_students WHERE id = 'lina'`);
        assert(f.password_hash === 'kept-hash' && lina.draft === '{"kept":true}', `password ${f.password_hash}, draft ${lina.draft}`);
      } finally {
        site.query(`UPDATE ${prefix}rw_families SET password_hash = NULL; UPDATE ${prefix}rw_students SET draft = NULL;`);
      }
    });

    await check('admin: import — a wrong phone and an unknown discipline are refused with their row, nothing written', async () => {
      const csv = readFileSync(SEED_CSV, 'utf8')
        .replace('06 39 98 00 42', '06 39 98')
        .replace(/Théâtre\r\n/, 'Cirque\r\n')
        .replaceAll('LIMONEST-0001', 'LIMONEST-0099')
        .replaceAll('famille-dagostino', 'famille-test')
        .replaceAll(';gianni;', ';gianni2;')
        .replaceAll(';lina;', ';lina2;');
      const { mkdtempSync, writeFileSync } = await import('node:fs');
      const { tmpdir } = await import('node:os');
      const file = join(mkdtempSync(join(tmpdir(), 'rw-import-')), 'familles-erreurs.csv');
      writeFileSync(file, csv);
      await upload(page, site, file);
      await clickAndWait(page, await byText(page, 'button', 'Aperçu'));
      const errors = await text(page, '.notice-error li');
      assert(errors.includes('Ligne 2 : Responsable : mobile n’est pas un numéro de téléphone'), `errors: ${errors}`);
      assert(errors.includes('Ligne 5 : Cours : discipline n’est pas musique, danse ou théâtre'), `errors: ${errors}`);
      assert(!(await text(page, 'button')).includes('Essai à blanc'), 'a dry run is offered despite the errors');
      assert(tableCount(site, 'families') === 1, 'rows written');
    });

    // ------------------------------------------------------------ Réglages → Campagne de réinscription
    const campaignBefore = site.query(`SELECT option_value AS v FROM ${prefix}options WHERE option_name = 'reinscription_wizard_campaign'`)[0]?.v ?? null;
    const campaignUrl = `${site.url}/wp-admin/options-general.php?page=reinscription-wizard-campaign`;
    try {
      await check('admin: campaign — a saved contact e-mail is what GET /campaign serves; the JSON editor holds the manual\'s lists', async () => {
        await page.goto(campaignUrl, { waitUntil: 'load' });
        const heading = await text(page, '.wrap h1');
        assert(heading === 'Campagne de réinscription', `heading ${heading}`);
        assert((await text(page, '.form-table')).includes('heure de Paris'), 'the Paris time zone is not stated');
        const editor = await byLabel(page, 'Listes et textes (JSON)');
        const json = JSON.parse(await editor.evaluate((t) => t.value));
        assert(json.paymentModes?.[1]?.code === 'direct-debit' && json.documents?.types?.length === 8, 'the editor does not hold the defaults');
        const email = await byLabel(page, 'E-mail de contact');
        await email.evaluate((el) => (el.value = 'secretariat.conservatoire@limonest.fr'));
        await clickAndWait(page, await page.$('#submit'));
        const notices = await text(page, '.notice, .updated, .error');
        assert(/Réglages enregistrés/.test(notices), `notices: ${notices}`);
        const campaign = await (await fetch(`${site.apiUrl}/campaign`)).json();
        assert(campaign.contactEmail === 'secretariat.conservatoire@limonest.fr', `contactEmail ${campaign.contactEmail}`);
      });

      await check('admin: campaign — « Code postal de la commune » is saved without its spaces and used for residentOf; a wrong one is refused', async () => {
        await page.goto(campaignUrl, { waitUntil: 'load' });
        const field = await byLabel(page, 'Code postal de la commune');
        const placeholder = await field.evaluate((el) => el.placeholder);
        assert(placeholder === '69760', `placeholder ${placeholder}`);
        const hint = await text(page, '.form-table');
        assert(hint.includes('Vide : 69760 pour Limonest, aucun pour une autre commune.'), 'the default is not explained');
        await field.evaluate((el) => (el.value = ' 69 760 '));
        await clickAndWait(page, await page.$('#submit'));
        assert(/Réglages enregistrés/.test(await text(page, '.notice, .updated, .error')), 'not saved');
        const used = site.phpJson(`echo "\\n" . json_encode([
  'option' => get_option('reinscription_wizard_campaign')['town_postal_code'] ?? null,
  'context' => \\ReinscriptionWizard\\Backend\\Registrations::conditionContext(\\ReinscriptionWizard\\Backend\\Campaign::body()),
]);`);
        assert(used.option === '69760' && used.context.townPostalCode === '69760', `stored ${JSON.stringify(used)}`);
        const saved = option('reinscription_wizard_campaign');
        await page.goto(campaignUrl, { waitUntil: 'load' });
        await (await byLabel(page, 'Code postal de la commune')).evaluate((el) => (el.value = '69760!'));
        await clickAndWait(page, await page.$('#submit'));
        const notices = await text(page, '.notice, .error');
        assert(notices.includes('Le code postal de la commune ne peut contenir que des lettres, des chiffres et des tirets'), `notices: ${notices}`);
        assert(option('reinscription_wizard_campaign') === saved, 'the option changed');
      });

      await check('admin: campaign — an invalid JSON is refused with the reason, the previous campaign kept', async () => {
        const saved = option('reinscription_wizard_campaign');
        await page.goto(campaignUrl, { waitUntil: 'load' });
        await (await byLabel(page, 'Listes et textes (JSON)')).evaluate((t) => (t.value = '{"paymentModes": [}'));
        await (await byLabel(page, 'Commune')).evaluate((el) => (el.value = 'Lissieu'));
        await clickAndWait(page, await page.$('#submit'));
        const notices = await text(page, '.notice, .error');
        assert(notices.includes('le JSON n’est pas valide'), `notices: ${notices}`);
        assert(notices.includes('les réglages précédents de la campagne sont conservés'), `notices: ${notices}`);
        assert(option('reinscription_wizard_campaign') === saved, 'the option changed');
      });

      await check('admin: campaign — a JSON that breaks the contract is refused with its path', async () => {
        const saved = option('reinscription_wizard_campaign');
        await page.goto(campaignUrl, { waitUntil: 'load' });
        const editor = await byLabel(page, 'Listes et textes (JSON)');
        const json = JSON.parse(await editor.evaluate((t) => t.value));
        json.paymentModes[0].label = 42;
        await editor.evaluate((t, v) => (t.value = v), JSON.stringify(json));
        await clickAndWait(page, await page.$('#submit'));
        const notices = await text(page, '.notice, .error');
        assert(notices.includes('paymentModes.0.label'), `notices: ${notices}`);
        assert(option('reinscription_wizard_campaign') === saved, 'the option changed');
      });
    } finally {
      if (campaignBefore === null) site.query(`DELETE FROM ${prefix}options WHERE option_name = 'reinscription_wizard_campaign'`);
      else site.query(`UPDATE ${prefix}options SET option_value = ${sqlString(campaignBefore)} WHERE option_name = 'reinscription_wizard_campaign'`);
    }

    await check('admin: no JavaScript error on the admin screens', async () => {
      assert(pageErrors.length === 0, pageErrors.join('\n'));
    });

    await check('admin: no PHP notice, warning or error from the admin files in the site\'s logs', async () => {
      const ours = /reinscription-wizard\/(includes\/(admin|admin\.php|options\.php|settings\.php|shortcode\.php|preload\.php|backend\/Import\.php)|uninstall\.php|block\/render\.php)/;
      const lines = [site.logs?.debug, site.logs?.php]
        .filter((f) => f && existsSync(f))
        .flatMap((f) => readFileSync(f, 'utf8').split('\n'))
        .filter((l) => /PHP (Notice|Warning|Fatal|Deprecated|Parse)/.test(l) && ours.test(l));
      assert(lines.length === 0, [...new Set(lines)].slice(0, 10).join('\n'));
    });
  } finally {
    await context.close();
  }
}

/**
 * uninstall.php on the site (destructive: run it last): with « Supprimer les données à la désinstallation » off,
 * the settings go and the families' tables and files stay; with it on, the tables and the private folder go too.
 *
 * @param {{ site: any, check: (name: string, fn: () => Promise<void>) => Promise<unknown> }} options
 */
export async function uninstallChecks({ site, check }) {
  const prefix = site.prefix ?? 'wp_';
  const tables = () => site.query(`SHOW TABLES LIKE '${prefix}rw\\_%'`).length;
  const uninstall = (deleteData) =>
    site.phpJson(`
update_option('reinscription_wizard_delete_data', ${deleteData ? "'1'" : "''"});
update_option('reinscription_wizard_trusted_proxies', '10.0.0.0/8');
update_option('reinscription_wizard_dummy_hash', 'x');
set_transient('reinscription_wizard_import_1', ['name' => 'x.csv', 'text' => 'a;b'], 3600);
$uploads = wp_upload_dir(null, false);
$dir = trailingslashit($uploads['basedir']) . 'reinscription-wizard-private/';
wp_mkdir_p($dir);
file_put_contents($dir . str_repeat('ab', 20), 'piece');
file_put_contents($dir . '.htaccess', 'Require all denied');
define('WP_UNINSTALL_PLUGIN', 'reinscription-wizard/reinscription-wizard.php');
include WP_PLUGIN_DIR . '/reinscription-wizard/uninstall.php';
wp_cache_flush();
echo json_encode([
    'proxies' => get_option('reinscription_wizard_trusted_proxies', null),
    'dummyHash' => get_option('reinscription_wizard_dummy_hash', null),
    'deleteData' => get_option('reinscription_wizard_delete_data', null),
    'transient' => get_transient('reinscription_wizard_import_1'),
    'dbVersion' => get_option('reinscription_wizard_db_version', null),
    'dir' => is_dir($dir),
]);`);
  await check('uninstall: « Supprimer les données » off — the settings and imports in progress go, the tables and pieces stay', async () => {
    const before = tables();
    const r = uninstall(false);
    assert(r.proxies === null && r.dummyHash === null && r.deleteData === null && r.transient === false, `left: ${JSON.stringify(r)}`);
    assert(tables() === before && before === 7, `${tables()} tables (before: ${before})`);
    assert(r.dir === true && r.dbVersion !== null, `folder ${r.dir}, db version ${r.dbVersion}`);
  });
  await check('uninstall: « Supprimer les données » on — the tables, the schema version and the private folder go too', async () => {
    const r = uninstall(true);
    assert(tables() === 0, `${tables()} tables left`);
    assert(r.dir === false && r.dbVersion === null && r.proxies === null, `left: ${JSON.stringify(r)}`);
  });
}

function sqlString(s) {
  return `'${String(s).replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { startBackendSite } = await import('./backend-site.mjs');
  const { CHROME, CHROME_ARGS } = await import('../chromium.mjs');
  const { default: puppeteer } = await import('puppeteer-core');
  const site = await startBackendSite({
    php: process.argv.includes('--fpm') ? 'fpm' : 'mod_php',
    permalinks: process.argv.includes('--plain') ? 'plain' : 'pretty',
    log: (m) => console.log(m),
  });
  const browser = await puppeteer.launch({ executablePath: CHROME, headless: true, args: CHROME_ARGS, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });
  const results = [];
  const check = async (name, fn) => {
    const t = Date.now();
    try {
      await fn();
      results.push(true);
      console.log(`ok   ${name} (${Date.now() - t} ms)`);
    } catch (e) {
      results.push(false);
      console.log(`FAIL ${name}\n     ${(e instanceof Error ? e.message : String(e)).split('\n').join('\n     ')}`);
    }
  };
  try {
    await adminChecks({ site, browser, check });
    if (!process.argv.includes('--keep-data')) await uninstallChecks({ site, check });
  } finally {
    await browser.close();
    await site.stop();
  }
  const failed = results.filter((r) => !r).length;
  console.log(`\n${results.length - failed}/${results.length} admin checks passed`);
  process.exit(failed ? 1 : 0);
}
