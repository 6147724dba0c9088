#!/usr/bin/env node
/**
 * `npm run test:wordpress` (and `npm run screenshots`: the same with --screenshots).
 *
 * The plugin in a real WordPress, twice: Debian 12's WordPress 6.1 (the wp_register_script + type="module" path)
 * and Debian 13's WordPress 6.8, unpacked from its .deb (the wp_enqueue_script_module path), both on this machine's
 * PHP 8.2 + Apache + MariaDB on 127.0.0.1 (see ../shared/TOOLCHAIN.md). For each: the zip from `build:wordpress`
 * installed by WordPress's own Plugin_Upgrader and activated, Twenty Twenty-Three (block theme), a page
 * « Réinscriptions » with the shortcode pointing at the mock backend on another 127.0.0.1 port (another origin:
 * CORS and bearer auth for real), the page's HTML (module tag, escaping, fallback, block). The site runs in French
 * (WPLANG fr_FR, WordPress's own files from Debian's wordpress-l10n): every French text checked comes through the
 * plugin's bundled translation of its English source strings (.mo for PHP, JSON for the scripts), and one check
 * switches the site to English. Then in headless Chromium
 * (puppeteer-core + /usr/bin/chromium): the fallback without JavaScript, the widget replacing it, the demo family
 * logging in and reaching its home; the same under `Content-Security-Policy: script-src 'self'` sent by Apache with
 * no violation caused by the widget; when scripts/journey/journey.mjs is there, a whole re-registration (with a
 * 12-megapixel photo compressed in the worker) without and with that CSP; the same login on a classic theme
 * (Twenty Twenty-One); the settings page's
 * « Tester la connexion » messages and sanitising (wp_safe_remote_get, opened to 127.0.0.1 by the test-only
 * mu-plugin scripts/wordpress/mu-local-test-api.php, which the zip must not contain); uninstall.php.
 *
 * Needs root on Debian (apt-get, services): otherwise prints « skipped: … » and exits 0. SKIP_WORDPRESS_E2E=1 skips too.
 * Every service it starts is stopped at the end, also on failure, Ctrl-C or SIGTERM.
 *
 *   node scripts/wordpress-e2e.mjs                 the checks; last line `N passed, N failed`
 *   node scripts/wordpress-e2e.mjs --wp=6.1        only one WordPress (6.1 or 6.8)
 *   node scripts/wordpress-e2e.mjs --screenshots   also writes docs/screenshots/wordpress-*.png (from 6.1)
 */
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SCREENSHOTS = process.argv.includes('--screenshots');
const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const CSP = "script-src 'self'";
/** The plugin's module tag: a script whose src is in the plugin's dist/. */
const MODULE_TAG = /<script\b[^>]*\/reinscription-wizard\/dist\/[^"'>]+\.js[^>]*>/g;
/** Every `<link rel="modulepreload">` of a page, WordPress core's included. */
const MODULEPRELOAD = /<link\b[^>]*\brel=["']?modulepreload\b[^>]*>/g;
const DEADLINE = '11 juin 2027 à 23 h 59';
const ADMIN = { user: 'admin', password: 'e2e-admin-password', email: 'webmaster@mairie-limonest.fr' };
const GREETING = "Bonjour Mademoiselle D'AGOSTINO Lydie";
const PLUGIN_OPTIONS = ['reinscription_wizard_api_url', 'reinscription_wizard_contact_email', 'reinscription_wizard_deadline'];
/** The test site's language; its French texts come from the plugin's languages/reinscription-wizard-fr_FR.*. */
const LOCALE = 'fr_FR';
/** Test only: lets wp_safe_remote_get reach 127.0.0.1 on any port. Copied into wp-content/mu-plugins, never zipped. */
const MU_PLUGIN = join(ROOT, 'scripts', 'wordpress', 'mu-local-test-api.php');
const BLOCK_DEADLINE = '30 juin 2027';

// ------------------------------------------------------------------ skip
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const isDebian = existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get');
if (process.env.SKIP_WORDPRESS_E2E === '1' || !isRoot || !isDebian) {
  const why = process.env.SKIP_WORDPRESS_E2E === '1' ? 'SKIP_WORDPRESS_E2E=1' : !isRoot ? 'not running as root' : 'not a Debian system with apt-get';
  console.log(`skipped: WordPress end-to-end test (${why}; it installs Debian's wordpress, apache2 and mariadb-server and runs them on 127.0.0.1)`);
  process.exit(0);
}

const { buildWordpressPlugin } = await import('./build-wordpress.mjs');
const svc = await import('./wordpress/services.mjs');
const { assert, createCleanups, createReport } = await import('./journey/report.mjs');

// ------------------------------------------------------------------ reporting
const started = Date.now();
const since = (t) => `${((Date.now() - t) / 1000).toFixed(1)} s`;
const log = (m) => console.log(`[wordpress-e2e ${since(started).padStart(7)}] ${m}`);
const { check, step, finish } = createReport();

// ------------------------------------------------------------------ cleanup, also on Ctrl-C
const { defer, cleanup } = createCleanups();

// ------------------------------------------------------------------ in-page helpers
/**
 * Injected with evaluateOnNewDocument (test code, so the page's CSP does not apply to it, and no `new Function`
 * in the page, which `script-src 'self'` would refuse): window.__rwE2E.deepText / deepAll.
 */
function installHelpers() {
  /** Text of the whole composed tree: light DOM and every shadow root, typographic apostrophes made plain. */
  const deepText = (root) => {
    let out = '';
    const walk = (node) => {
      if (node.nodeType === Node.TEXT_NODE) out += node.data + ' ';
      if (node.nodeType === Node.ELEMENT_NODE && (node.localName === 'style' || node.localName === 'script')) return;
      if (node.shadowRoot) walk(node.shadowRoot);
      for (const c of node.childNodes) walk(c);
    };
    walk(root ?? document.body);
    return out.replace(/\s+/g, ' ').replace(/[’‘]/g, "'");
  };
  /** Every element matching `selector` in the document and in every shadow root. */
  const deepAll = (selector) => {
    const found = [];
    const visit = (root) => {
      found.push(...root.querySelectorAll(selector));
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) visit(el.shadowRoot);
    };
    visit(document);
    return found;
  };
  window.__rwE2E = { deepText, deepAll };
  window.__cspViolations = [];
  document.addEventListener(
    'securitypolicyviolation',
    (e) => window.__cspViolations.push({ directive: e.effectiveDirective || e.violatedDirective, blockedURI: e.blockedURI, sourceFile: e.sourceFile, line: e.lineNumber, sample: e.sample }),
    true,
  );
}

async function newPage(ctx) {
  const page = await ctx.newPage();
  await page.evaluateOnNewDocument(installHelpers);
  return page;
}

async function deepControl(page, label) {
  const handle = await page.evaluateHandle((label) => {
    const norm = (s) => s.replace(/\s+/g, ' ').trim();
    for (const l of window.__rwE2E.deepAll('label')) {
      if (norm(l.textContent).startsWith(label)) {
        const control = l.control ?? (l.htmlFor ? l.getRootNode().getElementById(l.htmlFor) : null) ?? l.querySelector('input,select,textarea');
        if (control) return control;
      }
    }
    return null;
  }, label);
  const el = handle.asElement();
  assert(el, `no field labelled « ${label} »`);
  return el;
}

async function deepButton(page, text) {
  const handle = await page.evaluateHandle((text) => window.__rwE2E.deepAll('button').find((b) => b.textContent.replace(/\s+/g, ' ').trim() === text) ?? null, text);
  const el = handle.asElement();
  assert(el, `no button « ${text} »`);
  return el;
}

async function waitForDeepText(page, text, timeout = 15000) {
  try {
    await page.waitForFunction((text) => window.__rwE2E.deepText(document.body).includes(text), { timeout, polling: 100 }, text);
  } catch {
    const seen = await page.evaluate(() => window.__rwE2E.deepText(document.querySelector('reinscription-wizard') ?? document.body)).catch(() => '?');
    throw new Error(`« ${text} » not shown within ${timeout / 1000} s; the widget shows: ${seen.slice(0, 600)}`);
  }
}

/** The element is defined, its shadow root rendered, and the light-DOM fallback no longer rendered. */
async function widgetUpgraded(page) {
  await page.waitForFunction(
    () => {
      const el = document.querySelector('reinscription-wizard');
      return !!(el && customElements.get('reinscription-wizard') && el.shadowRoot && window.__rwE2E.deepText(el.shadowRoot).trim().length > 0);
    },
    { timeout: 15000, polling: 100 },
  );
  return page.evaluate(() => {
    const el = document.querySelector('reinscription-wizard');
    const fallback = el.querySelector('.reinscription-wizard-fallback');
    return { fallbackPresent: !!fallback, fallbackRendered: !!fallback && fallback.getClientRects().length > 0, height: el.getBoundingClientRect().height };
  });
}

async function login(page) {
  const id = await deepControl(page, 'Identifiant');
  await id.click({ count: 3 });
  await id.type(DEMO.identifier);
  const pw = await deepControl(page, 'Mot de passe');
  await pw.click({ count: 3 });
  await pw.type(DEMO.password);
  await (await deepButton(page, 'Se connecter')).click();
  await waitForDeepText(page, GREETING);
}

/** fetch() of a page's text; one retry when the connection drops (a keep-alive socket Apache has just closed). */
async function getText(url) {
  for (let attempt = 1; ; attempt++) {
    try {
      const r = await fetch(url, { headers: { Connection: 'close' } });
      return { status: r.status, headers: r.headers, text: await r.text() };
    } catch (e) {
      if (attempt >= 2) throw new Error(`GET ${url}: ${e.message}${e.cause ? ` (${e.cause.code ?? e.cause.message})` : ''}`);
    }
  }
}

/** A page's `<link rel="modulepreload">` tags: the tag, its href, whether it stands in <head>. */
function modulepreloads(html) {
  const headEnd = html.indexOf('</head>');
  return [...html.matchAll(MODULEPRELOAD)].map((m) => ({ tag: m[0], href: m[0].match(/\shref=(["'])(.*?)\1/)?.[2] ?? '', inHead: headEnd < 0 || m.index < headEnd }));
}
const srcOf = (tag) => tag.match(/\ssrc=(["'])(.*?)\1/)?.[2];

/**
 * The plugin's modulepreload hints (includes/preload.php). Over HTTP, with the note the build wrote: on the
 * shortcode's page and the block's, the head holds one hint per file of its 'preload' list (its 'file' while the build
 * writes no such key), the main file's being the module tag's very src; on a post without the form and on the home
 * page (an archive), none. Then at PHP level (scripts/wordpress/setup.php, action preload): variants of the note in the
 * installed copy, the filter, and which posts count as showing the form.
 */
async function preloadChecks({ phpRun, wp, home, mainFile }) {
  const dist = `${home}/wp-content/plugins/reinscription-wizard/dist/`;
  const r = phpRun({ action: 'preload', urls: { shortcode: wp.pages.shortcode, block: wp.pages.block, plain: wp.pages.plain, home: `${home}/` } });
  const { built } = r;
  const hasKey = Array.isArray(built.preload);
  const files = hasKey ? built.preload : [built.file];
  const source = hasKey ? `the build's 'preload'` : `no 'preload' in the build's note yet, so its 'file'`;
  const ours = (html) => modulepreloads(html).filter((h) => h.href.includes('/reinscription-wizard/dist/'));
  for (const [label, url] of [['page « Réinscriptions » (shortcode)', wp.pages.shortcode], ['block post', wp.pages.block]]) {
    await step(`${label}: <head> holds one <link rel="modulepreload"> per file to preload (${source}: ${files.join(', ')}), the main one's href = the module tag's src, no ?ver=`, async () => {
      const { text } = await getText(url);
      const hints = ours(text);
      const hrefs = hints.map((h) => h.href);
      assert(hrefs.slice().sort().join(' ') === files.map((f) => dist + f).sort().join(' '), `hints ${hrefs.join(', ') || 'none'}; expected ${files.map((f) => dist + f).join(', ')}`);
      assert(hints.every((h) => h.inHead), `a hint outside <head>: ${hints.filter((h) => !h.inHead).map((h) => h.tag).join(' ')}`);
      const tags = [...text.matchAll(MODULE_TAG)].map((m) => m[0]);
      assert(tags.length === 1, `${tags.length} module tags`);
      const src = srcOf(tags[0]);
      assert(src === dist + mainFile && hrefs.includes(src), `module src ${src}, hints ${hrefs.join(', ')}`);
      const crossorigin = /\scrossorigin\b/.test(tags[0]);
      assert(hints.every((h) => /\scrossorigin\b/.test(h.tag) === crossorigin), `crossorigin differs from the module tag's (${tags[0]}): ${hints.map((h) => h.tag).join(' ')}`);
    });
  }
  for (const [label, url] of [['post without the form (its text names the shortcode and the block)', wp.pages.plain], ['home page (an archive of the posts)', `${home}/`]]) {
    await step(`${label}: no modulepreload hint and no module`, async () => {
      const { text } = await getText(url);
      assert(!ours(text).length && !text.includes('/reinscription-wizard/dist/'), ours(text).map((h) => h.tag).join(' ') || 'the module is on the page');
    });
  }
  const link = (f) => `<link rel="modulepreload" href="${dist}${f}">\n`;
  const links = (fs) => fs.map(link).join('');
  const main = built.file;
  await step(
    `PHP: wp_head's hints for the build's note without 'preload' (the main module), with a list (each once), with hostile names or no list (dropped), without a note (the facade); the copy of the note put back`,
    () => {
      assert(r.base === dist, `assets URL ${r.base}`);
      const expected = {
        'heads.shortcode': links(files),
        'heads.block': links(files),
        'heads.plain': '',
        'heads.home': '',
        'notes.without_preload_key': link(main),
        'notes.with_preload_key': links([main, 'reinscription-wizard-steps-e2e.js']),
        'notes.hostile_preload_key': link(main),
        'notes.preload_not_array': link(main),
        'notes.no_note': link('reinscription-wizard.js'),
      };
      const wrong = Object.entries(expected).filter(([k, v]) => k.split('.').reduce((o, p) => o[p], r) !== v);
      assert(!wrong.length, wrong.map(([k, v]) => `${k}: ${JSON.stringify(k.split('.').reduce((o, p) => o[p], r))}, expected ${JSON.stringify(v)}`).join('\n'));
      assert(r.note_restored, 'the installed dist/reinscription-wizard.asset.php was not put back');
    },
  );
  await step(`PHP: filter reinscription_wizard_preload: __return_empty_array prints none; an added dist/ file is hinted (a URL is not); its 2nd argument opts a page in`, () => {
    const expected = { off: '', add: links([...files, 'reinscription-wizard-extra-e2e.js']), add_plain: link('reinscription-wizard-extra-e2e.js'), build_on_plain: links(files) };
    const wrong = Object.entries(expected).filter(([k, v]) => r.filtered[k] !== v);
    assert(!wrong.length, wrong.map(([k, v]) => `${k}: ${JSON.stringify(r.filtered[k])}, expected ${JSON.stringify(v)}`).join('\n'));
  });
  await step(`PHP: posts that show the form: shortcode, block (not their names in text, another shortcode, a password-protected post); without the settings' address only a form with its own`, () => {
    const shows = ['shortcode', 'block', 'shortcode_own_api', 'shortcode_bad_api', 'nested_block_own_api', 'block_without_api'];
    const showsWithoutApi = ['shortcode_own_api', 'nested_block_own_api'];
    const wrong = [
      ...Object.entries(r.shows).filter(([k, v]) => v !== shows.includes(k)).map(([k, v]) => `${k}: ${v}`),
      ...Object.entries(r.shows_without_api).filter(([k, v]) => v !== showsWithoutApi.includes(k)).map(([k, v]) => `${k} without the settings' address: ${v}`),
    ];
    assert(Object.keys(r.shows).length === 9 && !wrong.length, wrong.join(', ') || JSON.stringify(r.shows));
  });
}

// ------------------------------------------------------------------ one WordPress
/**
 * Installs one WordPress (its own database, wp-content, Debian config and Apache), the plugin from the zip, the
 * pages, and runs every check against it. `target.root` is the WordPress folder (Debian's /usr/share/wordpress).
 */
async function testWordpress(target, shared) {
  const { zip, version, files, mysql, mock, mockModule, browser, dir, noCorsUrl, journey, photo } = shared;
  let t = Date.now();
  mock.store.reset();
  mock.scenarios.reset();
  /** What the mock backend received while this WordPress was tested. */
  const mockRequests = [];
  const onRequest = (req) => mockRequests.push({ method: req.method, url: req.url, origin: req.headers.origin, bearer: /^Bearer \S+/.test(req.headers.authorization ?? '') });
  mock.server.on('request', onRequest);
  defer(`mock request log ${target.key}`, () => mock.server.off('request', onRequest));
  const own = join(dir, target.key);
  mkdirSync(own, { recursive: true });
  const db = mysql.createDatabase(`wp_${target.key}`);
  const contentDir = svc.makeContentDir(own, target.root);
  const muPlugin = join(contentDir, 'mu-plugins', 'mu-local-test-api.php');
  copyFileSync(MU_PLUGIN, muPlugin);
  const wpPort = await svc.freePort();
  const home = `http://127.0.0.1:${wpPort}`;
  const configName = `reinscription-e2e-${process.pid}-${target.key}`;
  const configFile = svc.writeWordpressConfig({ name: configName, db, home, contentDir });
  defer(`WordPress config ${target.key}`, () => rmSync(configFile, { force: true }));
  const apache = await svc.startApache(own, { port: wpPort, root: target.root, contentDir, configName, csp: CSP });
  defer(`Apache ${target.key}`, () => apache.stop());
  log(`${target.label}: Apache on ${home} (WordPress in ${target.root}, config ${configFile})`);

  const php = join(ROOT, 'scripts', 'wordpress', 'setup.php');
  const phpRun = (params) => {
    const r = svc.runPhp(php, { configName, host: `127.0.0.1:${wpPort}`, params: { root: target.root, ...params } });
    if (r.error) throw new Error(r.error);
    return r;
  };
  const inst = phpRun({ action: 'install', title: 'Ville de Limonest', user: ADMIN.user, password: ADMIN.password, email: ADMIN.email });
  assert(inst.installed, 'wp_install() did not install');
  const pages = {
    shortcode: { title: 'Réinscriptions', content: `<!-- wp:paragraph --><p>Réinscrivez vos enfants au conservatoire pour l’année prochaine.</p><!-- /wp:paragraph -->\n\n<!-- wp:shortcode -->\n[reinscription_wizard api_url="${mock.url}" contact_email="${CONTACT}"]\n<!-- /wp:shortcode -->` },
    block: { type: 'post', title: 'Réinscriptions (bloc)', content: `<!-- wp:reinscription-wizard/form {"contactEmail":"bloc@mairie-limonest.fr","deadline":"${BLOCK_DEADLINE}"} /-->` },
    english: { title: 'Re-registration', content: `<!-- wp:shortcode -->\n[reinscription_wizard api_url="${mock.url}" contact_email="${CONTACT}" lang="en"]\n<!-- /wp:shortcode -->` },
    // No form: its text names the shortcode and the block without being either (a post: the menu lists pages).
    plain: { type: 'post', title: 'Tarifs', content: '<!-- wp:paragraph --><p>Les tarifs sont sur la page des réinscriptions (reinscription_wizard, reinscription-wizard/form).</p><!-- /wp:paragraph -->' },
    escaping: { type: 'post', title: 'Échappement', content: `<!-- wp:shortcode -->[reinscription_wizard api_url="https://api.example.fr/v1?a=1&b='x'" contact_email="x'onmouseover=alert(1)@example.fr" lang="fr' onmouseover='alert(1)"]<!-- /wp:shortcode -->` },
  };
  const wp = phpRun({
    action: 'setup',
    locale: LOCALE,
    zip,
    options: { reinscription_wizard_api_url: mock.url, reinscription_wizard_contact_email: CONTACT, reinscription_wizard_deadline: DEADLINE },
    pages,
  });
  timings[`${target.key} install`] = since(t);
  log(`${target.label}: WordPress ${wp.wp_version} installed and set up in ${since(t)}`);

  console.log(`\n${target.label}: WordPress and the plugin`);
  check(`WordPress ${wp.wp_version} (${target.origin}) running on ${home}`, wp.wp_version.startsWith(target.expect), `expected ${target.expect}.x, got ${wp.wp_version}`);
  check(`theme Twenty Twenty-Three active (block theme)`, wp.theme === 'twentytwentythree' && wp.block_theme, `${wp.theme} block=${wp.block_theme}`);
  check(`plugin installed from ${zip.slice(ROOT.length + 1)} by Plugin_Upgrader and active, Version ${wp.plugin_version}`, wp.plugin_active && wp.plugin_version === version, JSON.stringify(wp));
  const mainFile = JSON.parse(readFileSync(join(ROOT, 'dist', 'manifest.json'), 'utf8')).main;
  check(
    `plugin zip ships dist/${mainFile} (the hashed main module) and dist/reinscription-wizard.asset.php naming it`,
    existsSync(join(wp.plugin_dir, 'dist', mainFile)) && readFileSync(join(wp.plugin_dir, 'dist', 'reinscription-wizard.asset.php'), 'utf8').includes(`'${mainFile}'`),
  );
  const scriptJson = (script) => `languages/reinscription-wizard-${LOCALE}-${createHash('md5').update(script).digest('hex')}.json`;
  const expectedFiles = ['LICENSE', 'languages/reinscription-wizard.pot', `languages/reinscription-wizard-${LOCALE}.po`, `languages/reinscription-wizard-${LOCALE}.mo`, scriptJson('block/editor.js'), scriptJson('admin/settings.js')];
  await step(`plugin zip ships LICENSE and languages/ (.pot, ${LOCALE} .po/.mo, the JSON of block/editor.js and admin/settings.js), not the test mu-plugin`, () => {
    const inZip = files.map((f) => f.replace(/^reinscription-wizard\//, ''));
    const missing = expectedFiles.filter((f) => !inZip.includes(f) || !existsSync(join(wp.plugin_dir, f)));
    assert(!missing.length, `missing: ${missing.join(', ')}`);
    const testOnly = inZip.filter((f) => f.includes('mu-local-test-api') || f.startsWith('scripts/') || f.includes('mu-plugins'));
    assert(!testOnly.length && !existsSync(join(wp.plugin_dir, 'mu-local-test-api.php')), `test files in the zip: ${testOnly.join(', ')}`);
    assert(existsSync(muPlugin), 'the test mu-plugin is not in wp-content/mu-plugins');
    const license = readFileSync(join(wp.plugin_dir, 'LICENSE'), 'utf8');
    assert(license.startsWith('MIT License') && license.includes('Copyright (c) 2026 Ville de Limonest and contributors'), `LICENSE: ${license.slice(0, 120)}`);
  });
  const loaded = phpRun({ action: 'inspect' });
  check('block reinscription-wizard/form and shortcode [reinscription_wizard] registered on init', loaded.block_registered && loaded.shortcode, JSON.stringify(loaded));
  check(
    `site in ${LOCALE}: the plugin's text domain loaded, its header and block.json translated (« ${loaded.plugin_name} », « ${loaded.block_title} »)`,
    loaded.locale === LOCALE && loaded.textdomain_loaded && loaded.plugin_name === 'Réinscriptions au conservatoire' && loaded.block_title === 'Réinscriptions au conservatoire',
    JSON.stringify(loaded),
  );
  check('header Update URI: false (no « update » from a same-slug plugin of wordpress.org)', loaded.update_uri === 'false', `UpdateURI ${loaded.update_uri}`);
  await step(`block.json: apiVersion ${loaded.block_api_version}, version ${version}, an example, the deadline attribute`, () => {
    const block = JSON.parse(readFileSync(join(wp.plugin_dir, 'block', 'block.json'), 'utf8'));
    assert(block.version === version, `block.json version ${block.version}`);
    assert(block.example && typeof block.example === 'object', 'no example');
    assert(loaded.block_attributes.includes('deadline'), `attributes ${loaded.block_attributes.join()}`);
    assert(loaded.block_api_version === block.apiVersion, `registered apiVersion ${loaded.block_api_version}`);
  });
  check(`pretty permalinks (${wp.permalinks})`, wp.permalinks === '/%postname%/');
  const path61 = !wp.script_modules;
  check(
    `script path: ${path61 ? 'WordPress < 6.5, wp_register_script + script_loader_tag type="module"' : 'WordPress 6.5+, wp_enqueue_script_module'}`,
    path61 === target.classicPath,
    `wp_enqueue_script_module ${wp.script_modules ? 'exists' : 'missing'}`,
  );

  // --- the pages' HTML, as Apache serves it
  console.log(`\n${target.label}: page HTML (server side)`);
  const pageUrl = wp.pages.shortcode;
  const html = await step(`page « Réinscriptions » served at ${pageUrl}`, async () => {
    const r = await getText(pageUrl);
    assert(r.status === 200, `HTTP ${r.status}`);
    assert(!r.headers.get('content-security-policy'), 'unexpected CSP header without ?csp=1');
    return r.text;
  });
  if (html) {
    const moduleUrl = `${home}/wp-content/plugins/reinscription-wizard/dist/${mainFile}`;
    const tags = [...html.matchAll(MODULE_TAG)].map((m) => m[0]);
    await step(`module enqueued once, the hashed ${mainFile} without ?ver= (the steps chunk imports that very URL)${path61 ? ', type="module" data-no-optimize="1" nowprocket data-cfasync="false"' : ' as a script module'}`, () => {
      assert(tags.length === 1, `${tags.length} script tags: ${tags.join(' | ')}`);
      const tag = tags[0];
      assert(tag.includes(`src="${moduleUrl}"`) || tag.includes(`src='${moduleUrl}'`), `src is not ${moduleUrl}: ${tag}`);
      assert(/type=["']module["']/.test(tag), `not type="module": ${tag}`);
      if (path61) for (const a of ['data-no-optimize="1"', ' nowprocket', 'data-cfasync="false"']) assert(tag.includes(a), `missing ${a.trim()}: ${tag}`);
    });
    const element = html.match(/<reinscription-wizard\b([^>]*)>([\s\S]*?)<\/reinscription-wizard>/);
    await step('element attributes: api-url = the mock backend, assets-url = the plugin’s dist/, contact-email; no lang (the page’s <html lang="fr-FR"> applies)', () => {
      assert(element, 'no <reinscription-wizard> in the page');
      const attrs = element[1];
      for (const expected of [`api-url="${mock.url}"`, `assets-url="${home}/wp-content/plugins/reinscription-wizard/dist/"`, `contact-email="${CONTACT}"`]) {
        assert(attrs.includes(expected), `missing ${expected} in <reinscription-wizard${attrs}>`);
      }
      assert(!/\slang=/.test(attrs), `lang attribute without lang="…" in the shortcode: <reinscription-wizard${attrs}>`);
      assert(/<html [^>]*lang="fr-FR"/.test(html), `page language: ${html.match(/<html[^>]*>/)?.[0]}`);
    });
    await step('fallback inside the element: deadline, « Activez JavaScript… », mailto link', () => {
      const inner = element?.[2] ?? '';
      assert(inner.includes(`<strong>${DEADLINE}</strong>`), `no deadline in ${inner}`);
      assert(inner.includes(`Activez JavaScript pour faire la réinscription en ligne, ou écrivez à <a href="mailto:${CONTACT}">${CONTACT}</a>.`), `fallback text: ${inner}`);
      assert(!/<p>\s*<\/p>|<br\s*\/?>/.test(inner), `wpautop touched the element: ${inner}`);
    });
  }
  await step('no script on a page without the form (home page)', async () => {
    const { text: body } = await getText(`${home}/`);
    assert(!body.includes('/reinscription-wizard/dist/'), 'the module is enqueued on the home page');
  });
  await step('block « Réinscriptions au conservatoire »: default API URL from the settings, its own contact e-mail and deadline, no lang', async () => {
    const { text: body } = await getText(wp.pages.block);
    const m = body.match(/<div class="wp-block-reinscription-wizard-form[^"]*"><reinscription-wizard\b([^>]*)>/);
    assert(m, 'no block wrapper + element in the block page');
    assert(m[1].includes(`api-url="${mock.url}"`) && m[1].includes('contact-email="bloc@mairie-limonest.fr"'), m[1]);
    assert(!/\slang=/.test(m[1]), `lang attribute: ${m[1]}`);
    assert(body.includes(`<strong>${BLOCK_DEADLINE}</strong>`), 'the block’s deadline is not in its fallback');
    assert(body.includes(`/reinscription-wizard/dist/${mainFile}"`) || body.includes(`/reinscription-wizard/dist/${mainFile}'`), 'module not enqueued by the block');
  });
  await preloadChecks({ phpRun, wp, home, mainFile });
  await step('attributes escaped: an api_url with & and quotes, a hostile contact_email stay inside their attributes; a hostile lang is dropped', async () => {
    const { text: body } = await getText(wp.pages.escaping);
    const m = body.match(/<reinscription-wizard\b([^>]*)>/);
    assert(m, 'no element');
    const pairs = [...m[1].matchAll(/\s([a-z-]+)="([^"<>]*)"/g)];
    assert(pairs.map((p) => p[0]).join('') === m[1], `not only name="value" pairs: ${m[0]}`);
    const attrs = Object.fromEntries(pairs.map((p) => [p[1], p[2]]));
    assert(Object.keys(attrs).sort().join() === 'api-url,assets-url,contact-email', `attributes: ${Object.keys(attrs).join()}`);
    assert(attrs['api-url'] === 'https://api.example.fr/v1?a=1&#038;b=&#039;x&#039;', `api-url="${attrs['api-url']}"`);
    assert(!attrs['contact-email'].includes("'"), `contact-email="${attrs['contact-email']}"`);
  });

  await step('site switched to English (en_US): the fallback shows the plugin’s English source text, then back to French', async () => {
    phpRun({ action: 'language', locale: '' });
    try {
      const { text: body } = await getText(pageUrl);
      assert(/<html [^>]*lang="en-US"/.test(body), `page language: ${body.match(/<html[^>]*>/)?.[0]}`);
      const english = `Turn on JavaScript to re-register online, or write to <a href="mailto:${CONTACT}">${CONTACT}</a>.`;
      assert(body.includes(english) && body.includes(`Conservatory re-registration: until <strong>${DEADLINE}</strong>.`), `no English fallback in ${body.match(/<reinscription-wizard\b[\s\S]*?<\/reinscription-wizard>/)?.[0]}`);
    } finally {
      phpRun({ action: 'language', locale: LOCALE });
    }
  });

  console.log(`\n${target.label}: in Chromium, without CSP`);
  t = Date.now();
  {
    const ctx = await browser.createBrowserContext();
    const page = await newPage(ctx);
    await page.setJavaScriptEnabled(false);
    await step('JavaScript off: the fallback text is what the visitor sees', async () => {
      await page.goto(pageUrl, { waitUntil: 'load' });
      const box = await (await page.$('reinscription-wizard .reinscription-wizard-fallback'))?.boundingBox();
      assert(box && box.height > 0, 'fallback not rendered');
    });
    await ctx.close();
  }
  const ctxA = await browser.createBrowserContext();
  const page = await newPage(ctxA);
  await page.setViewport({ width: 1280, height: 900 });
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  const moduleResponses = [];
  page.on('response', (r) => r.url().includes('/reinscription-wizard/dist/') && moduleResponses.push(`${r.status()} ${r.url()}`));
  /** Who asked first for the main module: the parser's initiator (a line of the page's HTML). */
  let mainInitiator;
  page.on('request', (r) => r.url().endsWith(`/dist/${mainFile}`) && (mainInitiator ??= r.initiator()));
  const pageHtml = await (await page.goto(pageUrl, { waitUntil: 'load' })).text();
  await step('module loaded from the plugin’s dist/ (HTTP 200)', () => {
    assert(moduleResponses.some((r) => r.startsWith('200 ') && r.endsWith(`/dist/${mainFile}`)), moduleResponses.join(', ') || 'no request');
  });
  await step('element upgraded: shadow root rendered, fallback no longer rendered', async () => {
    const s = await widgetUpgraded(page);
    assert(s.fallbackPresent && !s.fallbackRendered, JSON.stringify(s));
    assert(s.height > 0, `the element is ${s.height}px high`);
  });
  await page.evaluate(() => document.fonts.ready);
  if (target.screenshots) {
    await waitForDeepText(page, 'Identifiant');
    mkdirSync(join(ROOT, 'docs', 'screenshots'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'docs', 'screenshots', 'wordpress-login.png'), fullPage: true });
    log('docs/screenshots/wordpress-login.png');
  }
  await step(`login with ${DEMO.identifier} (cross-origin, bearer token): « ${GREETING} »`, () => login(page));
  await step('the mock backend saw the page’s origin and the bearer token', () => {
    const family = mockRequests.find((r) => r.method === 'GET' && r.url.startsWith('/family'));
    assert(family, `no GET /family; requests: ${mockRequests.map((r) => `${r.method} ${r.url}`).join(', ')}`);
    assert(family.bearer, 'GET /family without a bearer token');
    assert(family.origin === home, `Origin ${family.origin}, expected ${home}`);
  });
  check('no uncaught error in the page', pageErrors.length === 0, pageErrors.join('\n'));
  await step(`after the login, each file of the widget fetched once (the modulepreload hint and the module tag share one URL), ${mainFile} first requested by the hint`, async () => {
    const counts = new Map();
    for (const r of moduleResponses) counts.set(r.split(' ')[1], (counts.get(r.split(' ')[1]) ?? 0) + 1);
    const twice = [...counts].filter(([, n]) => n > 1);
    assert(counts.size > 0 && !twice.length, twice.map(([u, n]) => `${n}× ${u}`).join(', ') || 'no file of the widget fetched');
    const line = pageHtml.split('\n')[mainInitiator?.lineNumber ?? -1] ?? '';
    assert(mainInitiator?.type === 'parser' && /<link\b[^>]*modulepreload/.test(line), `${mainFile} first requested by ${JSON.stringify(mainInitiator)}, HTML line « ${line.trim().slice(0, 200)} », not by the <link rel="modulepreload">`);
  });
  if (target.screenshots) {
    await page.evaluate(() => document.activeElement?.blur?.());
    await page.screenshot({ path: join(ROOT, 'docs', 'screenshots', 'wordpress-home.png'), fullPage: true });
    await page.setViewport({ width: 390, height: 844, deviceScaleFactor: 1, isMobile: true, hasTouch: true });
    await waitForDeepText(page, GREETING);
    await page.screenshot({ path: join(ROOT, 'docs', 'screenshots', 'wordpress-home-phone.png'), fullPage: true });
    log('docs/screenshots/wordpress-home.png (1280 px), wordpress-home-phone.png (390×844)');
  }
  await ctxA.close();
  timings[`${target.key} browser`] = since(t);

  // --- the same under CSP
  console.log(`\n${target.label}: in Chromium, with Content-Security-Policy: ${CSP}`);
  t = Date.now();
  {
    const ctx = await browser.createBrowserContext();
    const p = await newPage(ctx);
    const consoleCsp = [];
    p.on('console', (m) => /Content Security Policy/i.test(m.text()) && consoleCsp.push({ text: m.text(), url: m.location()?.url ?? '' }));
    const cspUrl = `${pageUrl}${pageUrl.includes('?') ? '&' : '?'}csp=1`;
    const response = await p.goto(cspUrl, { waitUntil: 'load' });
    check(`Apache sends Content-Security-Policy: ${CSP}`, response.headers()['content-security-policy'] === CSP, JSON.stringify(response.headers()));
    await step('element upgraded under CSP', async () => {
      const s = await widgetUpgraded(p);
      assert(!s.fallbackRendered, JSON.stringify(s));
    });
    await step(`login under CSP: « ${GREETING} »`, () => login(p));
    const violations = await p.evaluate(() => window.__cspViolations);
    const pluginPath = '/wp-content/plugins/reinscription-wizard/';
    const ours = (v) => (v.sourceFile ?? '').includes(pluginPath) || (v.blockedURI ?? '').includes(pluginPath) || (v.blockedURI ?? '').startsWith(mock.url);
    const widgetViolations = violations.filter(ours);
    const wordpressOwn = violations.filter((v) => !ours(v));
    const consoleOurs = consoleCsp.filter((m) => m.url.includes(pluginPath) || m.text.includes(pluginPath) || m.text.includes(mock.url));
    check(
      `CSP enforced: WordPress's own inline scripts blocked (${wordpressOwn.length} violation${wordpressOwn.length === 1 ? '' : 's'}, ignored)`,
      wordpressOwn.length > 0,
      'no violation at all: is the header really enforced?',
    );
    check('no CSP violation caused by the widget', widgetViolations.length === 0 && consoleOurs.length === 0, JSON.stringify([...widgetViolations, ...consoleOurs], null, 1));
    await ctx.close();
  }
  timings[`${target.key} csp`] = since(t);

  // --- a whole re-registration, as on the other artifacts (scripts/journey-e2e.mjs): without and with CSP
  if (journey) {
    console.log(`\n${target.label}: a whole re-registration (scripts/journey/journey.mjs)`);
    t = Date.now();
    const pluginPath = '/wp-content/plugins/reinscription-wizard/';
    // Not the widget's: WordPress's own inline scripts blocked under CSP, and on 6.5+ its script modules
    // (@wordpress/interactivity of the theme's navigation) failing without their blocked inline import map.
    const isWidgetError = (m) =>
      m.url.includes(pluginPath) || m.text.includes(pluginPath) || m.text.includes(mock.url) || m.text.startsWith('reinscription-wizard:') || (m.text.startsWith('uncaught:') && !m.text.includes('"@wordpress/'));
    for (const [suffix, url] of [['', pageUrl], [` under CSP ${CSP}`, `${pageUrl}${pageUrl.includes('?') ? '&' : '?'}csp=1`]]) {
      mock.store.reset();
      mock.scenarios.reset();
      const assetsPrefix = `${home}${pluginPath}dist/`;
      const result = await journey.runJourney({ browser, pageUrl: url, mock, assetsPrefix, photo, check, label: `${target.label}${suffix}`, isWidgetError, credentials: DEMO });
      journey.recordLoaded(ROOT, `wordpress-${target.key}${suffix ? '-csp' : ''}`, result, assetsPrefix);
    }
    // In English: the shortcode's lang="en" on a French site, every word from the English catalogue.
    mock.store.reset();
    mock.scenarios.reset();
    const assetsPrefix = `${home}${pluginPath}dist/`;
    const english = await journey.runJourney({ browser, pageUrl: wp.pages.english, mock, assetsPrefix, photo, check, label: `${target.label} in English`, isWidgetError, credentials: DEMO, lang: 'en' });
    journey.recordLoaded(ROOT, `wordpress-${target.key}-en`, english, assetsPrefix);
    mock.store.reset();
    timings[`${target.key} journey`] = since(t);
  }

  // --- a classic theme: the content renders before wp_head/wp_footer differently, the module is printed in the footer
  console.log(`\n${target.label}: classic theme Twenty Twenty-One`);
  t = Date.now();
  const classic = phpRun({ action: 'theme', stylesheet: 'twentytwentyone' });
  check('Twenty Twenty-One active (classic theme)', classic.theme === 'twentytwentyone' && !classic.block_theme, JSON.stringify(classic));
  await step('module printed after the element (footer), once', async () => {
    const { text } = await getText(pageUrl);
    const tags = [...text.matchAll(MODULE_TAG)];
    assert(tags.length === 1, `${tags.length} script tags`);
    const element = text.indexOf('<reinscription-wizard ');
    assert(element > 0 && tags[0].index > element, `script at ${tags[0].index}, element at ${element}`);
  });
  await step('its modulepreload hints in <head>, long before the element and the footer module tag, the same URL', async () => {
    const { text } = await getText(pageUrl);
    const hints = modulepreloads(text).filter((h) => h.href.includes('/reinscription-wizard/dist/'));
    const src = srcOf([...text.matchAll(MODULE_TAG)][0]?.[0] ?? '');
    assert(hints.length > 0 && hints.every((h) => h.inHead) && hints.some((h) => h.href === src), `hints ${hints.map((h) => h.tag).join(' ') || 'none'}, module src ${src}`);
    assert(text.indexOf(hints[0].tag) < text.indexOf('<reinscription-wizard '), 'a hint after the element');
  });
  {
    const ctx = await browser.createBrowserContext();
    const p = await newPage(ctx);
    await p.setViewport({ width: 1280, height: 900 });
    await p.goto(pageUrl, { waitUntil: 'load' });
    await step('element upgraded under Twenty Twenty-One', async () => {
      const s = await widgetUpgraded(p);
      assert(!s.fallbackRendered && s.height > 0, JSON.stringify(s));
    });
    await step(`login under Twenty Twenty-One: « ${GREETING} »`, () => login(p));
    if (target.screenshots) {
      await p.evaluate(() => document.activeElement?.blur?.());
      await p.screenshot({ path: join(ROOT, 'docs', 'screenshots', 'wordpress-home-classic.png'), fullPage: true });
      log('docs/screenshots/wordpress-home-classic.png (Twenty Twenty-One, 1280 px)');
    }
    await ctx.close();
  }
  timings[`${target.key} classic`] = since(t);

  // --- Réglages → Réinscriptions
  console.log(`\n${target.label}: Réglages → Réinscriptions`);
  t = Date.now();
  const closedUrl = `http://127.0.0.1:${await svc.freePort()}/api`;
  {
    const ctx = await browser.createBrowserContext();
    const p = await newPage(ctx);
    const adminErrors = [];
    p.on('pageerror', (e) => adminErrors.push(e.message));
    await p.goto(`${home}/wp-login.php`, { waitUntil: 'load' });
    // Set the values rather than type them: wp-login.php focuses and selects #user_login 200 ms
    // after load, and on a busy machine that lands mid-typing and mangles the name.
    await p.$eval('#user_login', (el, v) => (el.value = v), ADMIN.user);
    await p.$eval('#user_pass', (el, v) => (el.value = v), ADMIN.password);
    await Promise.all([p.waitForNavigation({ waitUntil: 'load' }), p.click('#wp-submit')]);
    const settingsUrl = `${home}/wp-admin/options-general.php?page=reinscription-wizard`;
    await step('settings page: in the Réglages menu, in French, with the saved API URL', async () => {
      await p.goto(settingsUrl, { waitUntil: 'load' });
      const menu = await p.$$eval('#menu-settings a', (as) => as.map((a) => a.textContent.trim()));
      assert(menu.includes('Réinscriptions'), `Réglages menu: ${menu.join(', ')}`);
      const heading = await p.$eval('.wrap h1', (h) => h.textContent.trim());
      assert(heading === 'Réinscriptions au conservatoire', `heading « ${heading} »`);
      const button = await p.$eval('#reinscription-wizard-test', (b) => b.textContent.trim());
      assert(button === 'Tester la connexion', `button « ${button} »`);
      const labels = await p.$$eval('.form-table th label', (ls) => ls.map((l) => l.textContent.trim()));
      assert(labels.join(' | ') === 'Adresse de l’API | E-mail de contact | Date limite (facultatif) | Proxys de confiance | Dossier privé des pièces', `labels: ${labels.join(' | ')}`);
      const value = await p.$eval('#reinscription_wizard_api_url', (i) => i.value);
      assert(value === mock.url, `field value ${value}`);
      const external = await p.$$eval('script[src*="/reinscription-wizard/admin/settings.js"]', (s) => s.length);
      assert(external === 1, 'admin/settings.js not loaded as a file');
      const inline = await p.$$eval('script:not([src])', (s) => s.map((x) => x.textContent).filter((x) => /reinscription_wizard_test|reinscription-wizard-test/.test(x)));
      assert(inline.length === 0, `inline script of the plugin: ${inline.join('\n')}`);
    });
    const testWith = async (url) => {
      await p.$eval('#reinscription_wizard_api_url', (i, url) => (i.value = url), url);
      await p.click('#reinscription-wizard-test');
      await p.waitForFunction(() => {
        const t = document.querySelector('#reinscription-wizard-test-result')?.textContent ?? '';
        return t && !t.includes('Test en cours');
      }, { timeout: 20000 });
      return p.$eval('#reinscription-wizard-test-result', (d) => d.textContent.trim());
    };
    const expectMessage = async (label, url, expected) => {
      const text = await step(`« Tester la connexion », ${label}: « ${expected.trim()}… »`, async () => {
        const text = await testWith(url);
        assert(text.startsWith(expected), `got « ${text} »`);
        return text;
      });
      if (text) console.log(`      → ${text}`);
    };
    await expectMessage('mock backend', mock.url, `Connexion réussie : campagne ${mockModule.FROZEN.schoolYear}`);
    await expectMessage('closed port', closedUrl, 'Adresse injoignable depuis le serveur WordPress : ');
    await expectMessage('server without CORS headers', noCorsUrl, `Le serveur répond mais refuse les appels depuis ce site (CORS) : ajoutez ${home} à sa liste d’origines autorisées`);
    await expectMessage('a WordPress page instead of the API', `${home}/pas-une-api`, 'Réponse inattendue : ');
    // Without the test mu-plugin, wp_safe_remote_get refuses 127.0.0.1:<random port> before any connection.
    renameSync(muPlugin, `${muPlugin}.off`);
    try {
      await expectMessage('wp_safe_remote_get without the test mu-plugin, a local address', closedUrl, `Adresse injoignable depuis le serveur WordPress : ${loaded.unsafe_url_message}`);
    } finally {
      renameSync(`${muPlugin}.off`, muPlugin);
    }
    await step('saving: an invalid e-mail is refused with a French message, the URL is stored without its trailing slash', async () => {
      await p.goto(settingsUrl, { waitUntil: 'load' });
      await p.$eval('#reinscription_wizard_api_url', (i, url) => (i.value = `${url}/`), mock.url);
      await p.$eval('#reinscription_wizard_contact_email', (i) => (i.value = 'conservatoire@mairie'));
      await Promise.all([p.waitForNavigation({ waitUntil: 'load' }), p.click('#submit')]);
      const notices = await p.$$eval('.notice, .error, .updated', (n) => n.map((x) => x.textContent.trim()).join(' | '));
      assert(notices.includes("L'adresse e-mail de contact doit ressembler"), `notices: ${notices}`);
      const email = await p.$eval('#reinscription_wizard_contact_email', (i) => i.value);
      const url = await p.$eval('#reinscription_wizard_api_url', (i) => i.value);
      assert(email === CONTACT, `e-mail now ${email}`);
      assert(url === mock.url, `API URL stored as ${url}`);
    });
    check('no uncaught error in the admin page', adminErrors.length === 0, adminErrors.join('\n'));
    await step('block editor: the block registers from editor.js (no build step) and shows its placeholder', async () => {
      await p.goto(`${home}/wp-admin/post-new.php?post_type=page`, { waitUntil: 'load' });
      await p.waitForFunction(() => window.wp?.blocks?.getBlockType?.('reinscription-wizard/form') && window.wp?.data?.select?.('core/block-editor'), { timeout: 30000 });
      const title = await p.evaluate(() => window.wp.blocks.getBlockType('reinscription-wizard/form').title);
      assert(title === 'Réinscriptions au conservatoire', `title ${title}`);
      await p.evaluate(() => window.wp.data.dispatch('core/block-editor').insertBlocks(window.wp.blocks.createBlock('reinscription-wizard/form')));
      const placeholder = 'Le formulaire de réinscription s’affichera ici';
      const seen = async () => {
        for (const frame of p.frames()) {
          if (await frame.evaluate((t) => document.body?.innerText.includes(t), placeholder).catch(() => false)) return true;
        }
        return false;
      };
      const until = Date.now() + 10000;
      while (!(await seen())) {
        assert(Date.now() < until, 'placeholder not shown in the editor');
        await new Promise((r) => setTimeout(r, 200));
      }
    });
    await ctx.close();
  }
  timings[`${target.key} admin`] = since(t);

  // --- uninstall
  console.log(`\n${target.label}: uninstall`);
  await step('uninstall.php removes the options', () => {
    const r = phpRun({ action: 'uninstall', options: PLUGIN_OPTIONS });
    assert(Object.values(r.before).every((v) => v !== null), `options missing before: ${JSON.stringify(r.before)}`);
    assert(Object.values(r.after).every((v) => v === null), `left: ${JSON.stringify(r.after)}`);
  });

  const debugLog = join(contentDir, 'debug.log');
  // Also WordPress's notices about the plugin's text domain (6.7+: « Translation loading for the reinscription-wizard
  // domain was triggered too early »), which name the domain, not a file of the plugin.
  const ours = (l) => l.includes('/plugins/reinscription-wizard/') || /<code>reinscription-wizard<\/code>|\breinscription-wizard\b domain/.test(l);
  const phpNotices = existsSync(debugLog) ? readFileSync(debugLog, 'utf8').split('\n').filter(ours) : [];
  check('no PHP notice or warning from the plugin or about its text domain (WP_DEBUG log)', phpNotices.length === 0, phpNotices.slice(0, 10).join('\n'));
}

// ------------------------------------------------------------------ the run
let DEMO = { identifier: 'LIMONEST-0001', password: 'conservatoire' };
/** The conservatory's address, as the mock campaign gives it (set from the seed below). */
let CONTACT = 'conservatoire@limonest.fr';
let browser;
const timings = {};
const only = process.argv.find((a) => a.startsWith('--wp='))?.slice(5);

try {
  // --- packages and the zip
  let t = Date.now();
  const installed = svc.ensurePackages(log);
  timings.packages = since(t);
  log(installed.length ? `Debian packages installed in ${timings.packages}` : 'Debian packages already installed');
  assert(existsSync(CHROME), `${CHROME} not found (set CHROME_PATH)`);
  console.log('\nPHP syntax');
  const phpFiles = ['wordpress/reinscription-wizard', 'scripts/wordpress'].flatMap((d) =>
    readdirSync(join(ROOT, d), { recursive: true })
      .filter((f) => f.endsWith('.php'))
      .map((f) => `${d}/${f}`),
  );
  await step(`php -l: the plugin's and the test's ${phpFiles.length} PHP files parse`, () => {
    const bad = phpFiles.map((f) => [f, svc.run('php', ['-l', join(ROOT, f)], { allowFail: true })]).filter(([, r]) => r.status !== 0);
    assert(phpFiles.length > 0 && !bad.length, bad.map(([f, r]) => `${f}: ${(r.stdout + r.stderr).trim()}`).join('\n'));
  });

  t = Date.now();
  const { zip, version, files } = buildWordpressPlugin({ log: (m) => log(`build:wordpress: ${m}`) });
  timings.zip = since(t);

  /** Debian 12's WordPress 6.1 (installed), and Debian 13's 6.8 (its .deb unpacked, not installed): both script paths. */
  const targets = [
    { key: 'wp61', label: 'WordPress 6.1', expect: '6.1', origin: 'Debian 12 package', root: '/usr/share/wordpress', classicPath: true, screenshots: SCREENSHOTS },
    { key: 'wp68', label: 'WordPress 6.8', expect: '6.8', origin: 'Debian 13 package, unpacked', root: null, classicPath: false, screenshots: false },
  ].filter((tg) => !only || tg.expect === only);
  const newer = targets.find((tg) => tg.key === 'wp68');
  if (newer) {
    t = Date.now();
    try {
      newer.root = svc.newerWordpress(log);
      timings['wp68 fetch'] = since(t);
    } catch (e) {
      check('WordPress 6.8 from Debian 13 (trixie) unpacked for the 6.5+ script-module path', false, e instanceof Error ? e.message : String(e));
      targets.splice(targets.indexOf(newer), 1);
    }
  }

  // --- shared services: MariaDB, the mock backend, a server without CORS, Chromium
  t = Date.now();
  const dir = mkdtempSync('/tmp/reinscription-wordpress-');
  chmodSync(dir, 0o755);
  defer('temp folder', () => rmSync(dir, { recursive: true, force: true }));

  const mysql = await svc.startMariaDB(dir);
  defer('MariaDB', () => mysql.stop());
  log(`MariaDB on 127.0.0.1:${mysql.port}`);

  const { tsImport } = await import('tsx/esm/api');
  const mockModule = await tsImport('./wordpress/mock.ts', import.meta.url);
  DEMO = mockModule.DEMO_CREDENTIALS;
  CONTACT = mockModule.CONTACT_EMAIL;
  const mock = await mockModule.startFrozenMock();
  defer('mock server', () => mock.close());
  log(`mock backend on ${mock.url} (campaign frozen: ${JSON.stringify(mockModule.FROZEN)})`);

  const noCors = createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ schoolYear: '2027-2028' }));
  });
  await new Promise((resolve) => noCors.listen(0, '127.0.0.1', resolve));
  defer('no-CORS server', () => new Promise((resolve) => noCors.close(resolve)));
  const noCorsUrl = `http://127.0.0.1:${noCors.address().port}`;

  const { default: puppeteer } = await import('puppeteer-core');
  browser = await puppeteer.launch({
    executablePath: CHROME,
    headless: true,
    // Our own handlers stop every service, Chromium included; puppeteer's would re-raise the signal before that.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--font-render-hinting=none'],
  });
  defer('Chromium', () => browser.close());
  timings.services = since(t);

  // The whole journey, when scripts/journey/ is there: its 12-megapixel photo made once for both WordPress.
  let journey;
  let photo;
  if (existsSync(join(ROOT, 'scripts', 'journey', 'journey.mjs'))) {
    journey = await import('./journey/journey.mjs');
    ({ file: photo } = await (await import('./journey/photo.mjs')).makePhoto(browser, dir));
  } else {
    log('scripts/journey/journey.mjs not found: no whole re-registration in WordPress');
  }

  for (const target of targets) {
    try {
      await testWordpress(target, { zip, version, files, mysql, mock, mockModule, browser, dir, noCorsUrl, journey, photo });
    } catch (e) {
      check(`${target.label}: the test ran to its end`, false, e instanceof Error ? e.stack ?? e.message : String(e));
    }
  }
} catch (e) {
  check('the test ran to its end', false, e instanceof Error ? e.stack ?? e.message : String(e));
} finally {
  await cleanup();
}

log(`done in ${since(started)} (${Object.entries(timings).map(([k, v]) => `${k} ${v}`).join(', ')})`);
finish();
