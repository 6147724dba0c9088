#!/usr/bin/env node
/**
 * A throwaway WordPress whose plugin is the backend (issue 15), for the PHP backend's tests and for engineers:
 * Debian's WordPress 6.1 on MariaDB + Apache (mod_php, or php8.2-fpm behind mod_proxy_fcgi), installed
 * non-interactively in a fresh temp folder on free 127.0.0.1 ports, in French (fr_FR), with
 *   - the plugin from the working tree: wp-content/plugins/reinscription-wizard is a link to
 *     wordpress/reinscription-wizard, so PHP edits are live (OPcache checks file times on every request);
 *     the built widget is reached through wordpress/reinscription-wizard/dist → ../../dist (a link, ignored by git
 *     and left out of the zip by build-wordpress.mjs), built with `npx vite build` when missing;
 *     its translations (.mo/.json) made by make-translations.mjs into the temp folder and loaded from there;
 *   - the plugin activated (its activation hook creates the tables), `reinscription_wizard_backend` = 'site';
 *   - a published page « Réinscriptions » with [reinscription_wizard];
 *   - the TEST-ONLY mu-plugin scripts/wordpress/mu-reinscription-test-control.php (the control interface under
 *     /wp-json/reinscription-test/v1, loopback only; linked, so live too) and the seed families of src/mocks/seed.ts as JSON for it.
 *
 *   import { startBackendSite } from './scripts/wordpress/backend-site.mjs';
 *   const site = await startBackendSite({ php: 'mod_php' | 'fpm', permalinks: 'pretty' | 'plain', log });
 *   site.url, site.apiUrl, site.controlUrl, site.pageUrl, site.admin {user, password}, site.dir, site.prefix,
 *   site.wordpress {load, host, config, contentDir} (wp-load.php, HTTP_HOST, WORDPRESS_CONFIG), site.logs,
 *   site.pluginError (null, or why the working tree's plugin could not be activated), site.activate()
 *   site.php(code)      PHP statements run with WordPress loaded (as www-data, like the web server); its stdout
 *   site.phpJson(code)  the same, the last line of stdout parsed as JSON
 *   site.query(sql)     SQL on the site's database; rows as objects (values as strings, NULL as null)
 *   await site.stop()   also done on exit, SIGINT, SIGTERM, SIGHUP
 *
 * Options: php 'mod_php' (default) | 'fpm'; permalinks 'pretty' (default) | 'plain'; authorization (fpm only:
 * 'rewrite' (default, WordPress's .htaccess line) | 'cgipassauth' | 'dropped', see services.mjs startApache);
 * log (default: nothing); keep (keep the temp folder after stop, for debugging).
 *
 * CLI: `node scripts/wordpress/backend-site.mjs [--fpm] [--plain] [--authorization=dropped]` starts one, prints
 * its URLs as one JSON line and keeps it running until Ctrl-C.
 *
 * Needs root on Debian with the packages of services.mjs (and php8.2-fpm for 'fpm').
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as svc from './services.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const WP_ROOT = '/usr/share/wordpress';
const PLUGIN_SRC = join(ROOT, 'wordpress', 'reinscription-wizard');
const PLUGIN = 'reinscription-wizard/reinscription-wizard.php';
export const CONTROL_MU_PLUGIN = join(ROOT, 'scripts', 'wordpress', 'mu-reinscription-test-control.php');
export const ADMIN = { user: 'admin', password: 'backend-admin-password', email: 'webmaster@mairie-limonest.fr' };
const LOCALE = 'fr_FR';
const CSP = "script-src 'self'";

/** Every site started by this process, stopped on exit and on signals. */
const running = new Set();
let handlersInstalled = false;
function installExitHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
    process.once(signal, () => {
      void Promise.allSettled([...running].map((s) => s.stop())).then(() => process.exit(code));
    });
  }
  // Last resort on a plain exit (synchronous only): kill what is left.
  process.once('exit', () => {
    for (const s of running) s.killNow();
  });
}

/** dist/ built (npx vite build) when its main module is missing. */
function ensureDist(log) {
  if (existsSync(join(ROOT, 'dist', 'reinscription-wizard.js')) && existsSync(join(ROOT, 'dist', 'reinscription-wizard.asset.php'))) return;
  log('dist/ missing: npx vite build…');
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('vite build failed');
}

/** wordpress/reinscription-wizard/dist → ../../dist: where the plugin looks for the widget (REINSCRIPTION_WIZARD_FILE is the real path). */
function linkDist() {
  const link = join(PLUGIN_SRC, 'dist');
  let stat;
  try {
    stat = lstatSync(link);
  } catch {
    /* absent */
  }
  if (stat?.isSymbolicLink() && readlinkSync(link) === '../../dist') return;
  if (stat) throw new Error(`${link} exists and is not the link ../../dist: remove it (the test site links the built dist/ there)`);
  symlinkSync('../../dist', link);
}

/** The seed families (src/mocks/seed.ts seedFamilies()), the demo credentials and the routes' table as JSON, for the control mu-plugin. */
async function seedJson() {
  const { tsImport } = await import('tsx/esm/api');
  const seed = await tsImport(pathToFileURL(join(ROOT, 'src', 'mocks', 'seed.ts')).href, import.meta.url);
  const { routes } = await tsImport(pathToFileURL(join(ROOT, 'src', 'api', 'routes.ts')).href, import.meta.url);
  // What the control's fault scenarios need of each route (src/mocks/scenarios.ts scenarioApplies()).
  const table = Object.fromEntries(
    Object.entries(routes).map(([name, r]) => [name, { method: r.method, path: r.path, auth: r.auth, request: 'request' in r, response: 'response' in r }]),
  );
  return { families: seed.seedFamilies(), demo: seed.DEMO_CREDENTIALS, contactEmail: seed.CONTACT_EMAIL, routes: table };
}

/** The plugin's .mo and script JSON made from its .po into `dir` (null when make-translations fails: English admin strings then). */
async function makeLanguages(dir, log) {
  try {
    const { makeTranslations } = await import('./make-translations.mjs');
    makeTranslations({ pluginDir: PLUGIN_SRC, outDir: dir, log: () => {} });
    return dir;
  } catch (e) {
    log(`plugin translations not made (${e instanceof Error ? e.message.split('\n')[0] : e}): its admin strings stay English`);
    return null;
  }
}

const www = () => [Number(svc.run('id', ['-u', 'www-data']).stdout.trim()), Number(svc.run('id', ['-g', 'www-data']).stdout.trim())];

/**
 * The built zip unpacked into `pluginsDir` by WordPress's own unzip library (PclZip, bundled with WordPress: no
 * php-zip or `unzip` needed), as « Téléverser une extension » does.
 */
function unpackZip(zip, pluginsDir) {
  const r = spawnSync(
    'php',
    [
      '-r',
      `require '${WP_ROOT}/wp-admin/includes/class-pclzip.php'; $z = new PclZip($argv[1]); exit($z->extract(PCLZIP_OPT_PATH, $argv[2]) ? 0 : 1);`,
      zip,
      pluginsDir,
    ],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`unpacking ${zip}: ${r.stderr || r.stdout}`);
}

export async function startBackendSite({ php = 'mod_php', permalinks = 'pretty', authorization = 'rewrite', plugin = 'tree', log = () => {}, keep = false } = {}) {
  if (!['mod_php', 'fpm'].includes(php)) throw new Error(`php: 'mod_php' or 'fpm', not ${php}`);
  // 'tree': the working tree's plugin, linked (edits are live); 'zip': the built zip (what towns install), unpacked.
  if (!['tree', 'zip'].includes(plugin)) throw new Error(`plugin: 'tree' or 'zip', not ${plugin}`);
  if (!['pretty', 'plain'].includes(permalinks)) throw new Error(`permalinks: 'pretty' or 'plain', not ${permalinks}`);
  if (typeof process.getuid === 'function' && process.getuid() !== 0) throw new Error('startBackendSite needs root (MariaDB, Apache, /etc/wordpress)');
  const started = Date.now();
  const say = (m) => log(`[backend-site ${((Date.now() - started) / 1000).toFixed(1)} s] ${m}`);
  installExitHandlers();

  const packages = [...svc.PACKAGES, ...svc.backendPackages()];
  const missing = svc.missingPackages(packages);
  if (missing.length) svc.ensurePackages(say, packages);
  ensureDist(say);
  linkDist();

  const dir = mkdtempSync('/tmp/reinscription-backend-');
  chmodSync(dir, 0o755);
  const cleanups = [];
  const defer = (what, fn) => cleanups.unshift([what, fn]);
  let stopping;
  const site = {
    dir,
    phpMode: php,
    permalinks,
    admin: { ...ADMIN },
    prefix: 'wp_',
    async stop() {
      stopping ??= (async () => {
        running.delete(site);
        for (const [what, fn] of cleanups) {
          try {
            await fn();
          } catch (e) {
            say(`stop (${what}): ${e instanceof Error ? e.message : e}`);
          }
        }
      })();
      return stopping;
    },
    /** Synchronous, for process 'exit': signals only. */
    killNow() {
      for (const pid of pids) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          /* gone */
        }
      }
      rmSync(configFile ?? '/nonexistent', { force: true });
      if (!keep) svc.removeQuietly(dir);
    },
  };
  const pids = [];
  let configFile;
  running.add(site);
  if (!keep) defer('temp folder', () => rmSync(dir, { recursive: true, force: true }));

  try {
    const mysql = await svc.startMariaDB(dir);
    defer('MariaDB', () => mysql.stop());
    const mysqlPid = Number(svc.run('cat', [join(dir, 'mysql-run', 'mysql.pid')], { allowFail: true }).stdout.trim());
    if (mysqlPid) pids.push(mysqlPid);
    const db = mysql.createDatabase('wp_backend');
    site.db = { ...db, socket: mysql.socket };

    const contentDir = svc.makeContentDir(dir, WP_ROOT);
    if (plugin === 'zip') {
      const { buildWordpressPlugin } = await import('../build-wordpress.mjs');
      const { zip } = buildWordpressPlugin({ log: () => {} });
      unpackZip(zip, join(contentDir, 'plugins'));
      say(`plugin unpacked from ${zip.slice(ROOT.length + 1)}`);
    } else symlinkSync(PLUGIN_SRC, join(contentDir, 'plugins', 'reinscription-wizard'));
    // A link, like the plugin's: edits to the control are live too.
    symlinkSync(CONTROL_MU_PLUGIN, join(contentDir, 'mu-plugins', 'mu-reinscription-test-control.php'));
    // The seed the control's reset loads, and the plugin's translations, in the temp folder (readable by www-data).
    const seed = await seedJson();
    const seedFile = join(dir, 'seed.json');
    writeFileSync(seedFile, JSON.stringify(seed));
    // The zip brings its own .mo and JSON; the working tree keeps only the .po.
    const languages = plugin === 'zip' ? null : await makeLanguages(join(dir, 'plugin-languages'), say);
    const [wwwUid, wwwGid] = www();
    const state = join(dir, 'state');
    mkdirSync(state);
    chownSync(state, wwwUid, wwwGid);
    // Where the control mu-plugin finds its files: a generated mu-plugin of this site only.
    writeFileSync(
      join(contentDir, 'mu-plugins', '0-backend-site.php'),
      `<?php
// Written by scripts/wordpress/backend-site.mjs for one test site (TEST ONLY).
define('REINSCRIPTION_TEST_SEED_FILE', ${JSON.stringify(seedFile)});
define('REINSCRIPTION_TEST_STATE_DIR', ${JSON.stringify(state)});
${
  languages
    ? `// The plugin's translations, made from its .po into the temp folder (the repository keeps only the .po).
add_filter('load_textdomain_mofile', function ($mofile, $domain) {
    if ('reinscription-wizard' !== $domain) {
        return $mofile;
    }
    $own = ${JSON.stringify(languages)} . '/' . basename($mofile);
    return file_exists($own) ? $own : $mofile;
}, 10, 2);
add_filter('load_script_translation_file', function ($file, $handle, $domain) {
    if ('reinscription-wizard' !== $domain || !is_string($file)) {
        return $file;
    }
    $own = ${JSON.stringify(languages)} . '/' . basename($file);
    return file_exists($own) ? $own : $file;
}, 10, 3);
`
    : ''
}`,
    );

    const port = await svc.freePort();
    const home = `http://127.0.0.1:${port}`;
    site.url = home;
    const configName = `reinscription-backend-${process.pid}-${port}`;
    configFile = svc.writeWordpressConfig({ name: configName, db, home, contentDir });
    // What a PHP process outside Apache needs to load this site's WordPress (php-checks.mjs's PHPUnit run).
    site.wordpress = { load: join(WP_ROOT, 'wp-load.php'), host: `127.0.0.1:${port}`, config: configName, contentDir };
    defer('WordPress config', () => rmSync(configFile, { force: true }));

    let fpm;
    if (php === 'fpm') {
      fpm = await svc.startPhpFpm(dir, { env: { WORDPRESS_CONFIG: configName } });
      defer('php-fpm', () => fpm.stop());
      pids.push(fpm.pid);
    }
    const apache = await svc.startApache(dir, { port, root: WP_ROOT, contentDir, configName, csp: CSP, php, fpmSocket: fpm?.socket, authorization, opcacheRevalidate: 0 });
    defer('Apache', () => apache.stop());
    const apachePid = Number(svc.run('cat', [join(dir, 'apache2.pid')], { allowFail: true }).stdout.trim());
    if (apachePid) pids.push(apachePid);
    site.logs = { apache: apache.errorLog, php: fpm ? join(dir, 'php-fpm', 'php-error.log') : apache.errorLog, debug: join(contentDir, 'debug.log'), fpm: fpm?.errorLog };
    say(`${php === 'fpm' ? 'php-fpm + ' : ''}Apache on ${home}, MariaDB on 127.0.0.1:${mysql.port}`);

    const prelude = (installing) => `<?php
$_SERVER['HTTP_HOST'] = '127.0.0.1:${port}';
$_SERVER['SERVER_NAME'] = '127.0.0.1';
$_SERVER['SERVER_PORT'] = '${port}';
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['REQUEST_METHOD'] = 'GET';
$_SERVER['REMOTE_ADDR'] = '127.0.0.1';
${installing ? "define('WP_INSTALLING', true);" : ''}
require '${WP_ROOT}/wp-load.php';
?>`;
    /** The PHP errors of debug.log since the site started (WordPress's deprecation notices left out). */
    const debugTail = () => {
      try {
        const lines = readFileSync(join(contentDir, 'debug.log'), 'utf8').split('\n');
        // Deprecation notices of WordPress 6.1 on PHP 8.2, and wp-admin's update checks refused by WP_HTTP_BLOCK_EXTERNAL.
        const real = lines.filter((l) => l && !/PHP Deprecated:|WordPress\.org/.test(l));
        return real.length ? `debug.log:\n${real.slice(-15).join('\n')}` : '';
      } catch {
        return '';
      }
    };
    site.debugLog = debugTail;
    let scriptCount = 0;
    const runPhpCode = (code, { installing = false } = {}) => {
      const file = join(dir, `php-${process.pid}-${scriptCount++}.php`);
      const body = String(code).replace(/^\s*<\?php\b/, '');
      writeFileSync(file, `${prelude(installing)}<?php\n${body}\n`, { mode: 0o644 });
      try {
        const r = spawnSync('runuser', ['-u', 'www-data', '--', 'php', '-d', 'display_errors=stderr', '-d', 'error_reporting=E_ALL&~E_DEPRECATED', file], {
          env: { ...process.env, WORDPRESS_CONFIG: configName },
          encoding: 'utf8',
          maxBuffer: 256 * 1024 * 1024,
        });
        if (r.error) throw r.error;
        if (r.status !== 0) {
          // WordPress's fatal-error handler prints an HTML page and logs the error to debug.log: show the log.
          const die = /<div class="wp-die-message">([\s\S]*?)<\/div>/.exec(r.stdout ?? '');
          const out = die ? die[1].replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim() : (r.stdout || '').trim().slice(-4000);
          throw new Error(`site.php exited ${r.status}\n${(r.stderr || '').trim()}\n${out}\n${debugTail()}`.trim());
        }
        return r.stdout;
      } finally {
        rmSync(file, { force: true });
      }
    };
    site.php = (code) => runPhpCode(code);
    site.phpJson = (code) => {
      const out = runPhpCode(code).trim().split('\n');
      try {
        return JSON.parse(out[out.length - 1]);
      } catch {
        throw new Error(`site.phpJson: the last line is not JSON:\n${out.slice(-20).join('\n')}`);
      }
    };
    site.query = (sql) => {
      const code = `$db = new mysqli('127.0.0.1', ${JSON.stringify(db.user)}, ${JSON.stringify(db.password)}, ${JSON.stringify(db.name)}, ${mysql.port});
$db->set_charset('utf8mb4');
$sql = ${phpString(sql)};
$rows = [];
if ($db->multi_query($sql)) {
    do {
        $result = $db->store_result();
        if ($result) {
            $rows = $result->fetch_all(MYSQLI_ASSOC);
            $result->free();
        }
    } while ($db->more_results() && $db->next_result());
}
if ($db->errno) {
    fwrite(STDERR, $db->error);
    exit(3);
}
echo json_encode($rows, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES | JSON_INVALID_UTF8_SUBSTITUTE);`;
      const r = spawnSync('php', ['-r', code], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
      if (r.status !== 0) throw new Error(`site.query: ${(r.stderr || r.stdout || '').trim()}\n  ${sql}`);
      return JSON.parse(r.stdout);
    };

    // Install, French, the plugin activated, its backend setting, the permalinks, the page.
    const installed = JSON.parse(
      runPhpCode(
        `require_once ABSPATH . 'wp-admin/includes/upgrade.php';
$r = wp_install('Ville de Limonest', ${phpString(ADMIN.user)}, ${phpString(ADMIN.email)}, false, '', wp_slash(${phpString(ADMIN.password)}), ${phpString(LOCALE)});
echo "\\n" . json_encode(['installed' => is_blog_installed(), 'version' => get_bloginfo('version')]);`,
        { installing: true },
      )
        .trim()
        .split('\n')
        .pop(),
    );
    if (!installed.installed) throw new Error('wp_install() did not install');
    const setup = site.phpJson(`
require_once ABSPATH . 'wp-admin/includes/plugin.php';
wp_set_current_user(1);
update_option('WPLANG', ${phpString(LOCALE)});
update_option('reinscription_wizard_backend', 'site');
update_option('reinscription_wizard_contact_email', ${phpString(seed.contactEmail)});
switch_theme('twentytwentythree');
global $wp_rewrite;
$wp_rewrite->set_permalink_structure(${phpString(permalinks === 'pretty' ? '/%postname%/' : '')});
flush_rewrite_rules(false);
$sample = get_page_by_path('sample-page');
if ($sample) {
    wp_delete_post($sample->ID, true);
}
$id = wp_insert_post([
    'post_type' => 'page', 'post_status' => 'publish', 'post_title' => 'Réinscriptions', 'post_author' => 1,
    'post_name' => 'reinscriptions',
    'post_content' => "<!-- wp:paragraph --><p>Réinscrivez vos enfants au conservatoire pour l’année prochaine.</p><!-- /wp:paragraph -->\\n\\n<!-- wp:shortcode -->\\n[reinscription_wizard]\\n<!-- /wp:shortcode -->",
], true);
echo "\\n" . json_encode([
    'page' => is_wp_error($id) ? null : get_permalink($id),
    'version' => get_bloginfo('version'),
], JSON_UNESCAPED_SLASHES);`);
    // Activation last, and not fatal: the plugin is the working tree, which another engineer may be editing; the
    // site still starts, site.pluginError says why, and site.activate() tries again.
    site.activate = () => {
      const r = site.phpJson(`require_once ABSPATH . 'wp-admin/includes/plugin.php';
wp_set_current_user(1);
$activated = activate_plugin(${phpString(PLUGIN)});
echo "\\n" . json_encode([
    'activated' => is_wp_error($activated) ? $activated->get_error_message() : true,
    'active' => is_plugin_active(${phpString(PLUGIN)}),
]);`);
      if (r.activated !== true || !r.active) throw new Error(`the plugin was not activated: ${JSON.stringify(r)}`);
      site.pluginError = null;
      return r;
    };
    try {
      site.activate();
    } catch (e) {
      site.pluginError = e instanceof Error ? e.message : String(e);
      say(`WARNING: the plugin could not be activated (site.pluginError; site.activate() tries again):\n${site.pluginError}`);
    }
    // A fresh request, after activation and the new permalinks: the REST base as WordPress gives it.
    const urls = site.phpJson(`echo "\\n" . json_encode(['api' => untrailingslashit(rest_url('reinscription/v1')), 'control' => untrailingslashit(rest_url('reinscription-test/v1')), 'locale' => get_locale()], JSON_UNESCAPED_SLASHES);`);
    site.apiUrl = urls.api;
    site.controlUrl = urls.control;
    site.pageUrl = setup.page;
    site.wpVersion = setup.version;
    say(`WordPress ${setup.version} (${urls.locale}) with the plugin ${site.pluginError ? 'NOT active' : 'active'}, in ${((Date.now() - started) / 1000).toFixed(1)} s: ${site.pageUrl}`);
    return site;
  } catch (e) {
    await site.stop();
    throw e;
  }
}

/** A PHP single-quoted string literal. */
function phpString(s) {
  return `'${String(s).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const opt = (name) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  try {
    const site = await startBackendSite({
      php: args.includes('--fpm') ? 'fpm' : 'mod_php',
      permalinks: args.includes('--plain') ? 'plain' : 'pretty',
      authorization: opt('authorization') ?? 'rewrite',
      keep: args.includes('--keep'),
      log: (m) => console.error(m),
    });
    console.log(JSON.stringify({ url: site.url, apiUrl: site.apiUrl, controlUrl: site.controlUrl, pageUrl: site.pageUrl, admin: site.admin, dir: site.dir, db: site.db, logs: site.logs }));
    console.error('running; Ctrl-C stops it');
    setInterval(() => {}, 1 << 30);
  } catch (e) {
    console.error(`backend site failed: ${e instanceof Error ? e.stack : e}`);
    process.exit(1);
  }
}
