/**
 * The pieces of a throwaway WordPress for the end-to-end test (see ../shared/TOOLCHAIN.md, « A real WordPress »):
 * Debian packages, MariaDB in a private datadir, Apache with its own config file, the Debian per-site config.
 * Everything runs on 127.0.0.1, in a temp folder, and is stopped by the caller's cleanup stack.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Debian packages the test needs: TOOLCHAIN.md's list, Twenty Twenty-One (a classic theme), Chromium,
 * libjs-lodash (WordPress 6.8's Debian build links to it; 6.1's does not need it), wordpress-l10n (WordPress's
 * own translations: the test site runs in fr_FR) and gettext (msgfmt, xgettext: the plugin's translations).
 */
export const PACKAGES = ['wordpress', 'wordpress-l10n', 'wordpress-theme-twentytwentythree', 'wordpress-theme-twentytwentyone', 'apache2', 'libapache2-mod-php', 'mariadb-server', 'php-mysql', 'chromium', 'libjs-lodash', 'gettext'];

/**
 * What the PHP backend's tests need on top of PACKAGES (scripts/wordpress/backend-site.mjs, php-checks.mjs):
 * php-fpm of the CLI's PHP version (the fpm hosting setup), PHPUnit, phpcs, and the extensions they use.
 */
export function backendPackages() {
  const r = spawnSync('php', ['-r', 'echo PHP_MAJOR_VERSION . "." . PHP_MINOR_VERSION;'], { encoding: 'utf8' });
  const fpm = r.status === 0 && /^\d+\.\d+$/.test(r.stdout) ? `php${r.stdout}-fpm` : 'php-fpm';
  return [fpm, 'php-cli', 'php-xml', 'php-mbstring', 'php-codesniffer', 'phpunit'];
}

/** The locales of WordPress's own files linked into the test site's wp-content/languages (wordpress-l10n). */
export const LOCALES = ['fr_FR'];

export function run(cmd, args, { input, env, allowFail = false, cwd } = {}) {
  const r = spawnSync(cmd, args, { input, env: env ?? process.env, cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw new Error(`${cmd}: ${r.error.message}`);
  if (r.status !== 0 && !allowFail) {
    throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}\n${(r.stderr || '').trim()}\n${(r.stdout || '').trim()}`.trim());
  }
  return r;
}

export function missingPackages(packages = PACKAGES) {
  return packages.filter((p) => {
    const r = spawnSync('dpkg-query', ['-W', '-f=${db:Status-Status}', p], { encoding: 'utf8' });
    return r.status !== 0 || r.stdout.trim() !== 'installed';
  });
}

/**
 * apt-get update once, then install what is missing. Returns the packages installed. Another apt-get running
 * (a second test run, an engineer) is waited for, up to 5 minutes, rather than failing on dpkg's lock.
 */
export function ensurePackages(log, packages = PACKAGES) {
  const missing = missingPackages(packages);
  if (!missing.length) return [];
  log(`installing Debian packages: ${missing.join(' ')} (apt-get update, then install)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const wait = ['-o', 'DPkg::Lock::Timeout=300'];
  const update = spawnSync('apt-get', [...wait, 'update', '-qq'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  if (update.status !== 0) throw new Error('apt-get update failed');
  const install = spawnSync('apt-get', [...wait, 'install', '-y', '-qq', '--no-install-recommends', ...missing], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  if (install.status !== 0) throw new Error(`apt-get install ${missing.join(' ')} failed`);
  const still = missingPackages(missing);
  if (still.length) throw new Error(`still missing after apt-get install: ${still.join(' ')}`);
  return missing;
}

/** A port nobody listens on right now, on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitFor(what, check, timeoutMs = 30000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

async function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * MariaDB in `dir`, TCP on 127.0.0.1:port.
 * Returns { port, socket, createDatabase(name), stop() }.
 */
export async function startMariaDB(dir) {
  const datadir = join(dir, 'mysql');
  const runDir = join(dir, 'mysql-run');
  const socket = join(runDir, 'mysql.sock');
  const pidFile = join(runDir, 'mysql.pid');
  // Its own temporary folder: MariaDB's temp tables in a shared /tmp can be swept by another run's cleanup.
  const tmp = join(dir, 'mysql-tmp');
  for (const d of [datadir, runDir, tmp]) {
    mkdirSync(d, { recursive: true });
    chownSync(d, uid('mysql'), gid('mysql'));
  }
  run('mariadb-install-db', ['--no-defaults', `--datadir=${datadir}`, '--user=mysql', '--auth-root-authentication-method=socket', '--skip-test-db', `--tmpdir=${tmp}`]);
  const port = await freePort();
  const child = spawn(
    'mariadbd',
    ['--no-defaults', '--user=mysql', `--datadir=${datadir}`, '--bind-address=127.0.0.1', `--port=${port}`, `--socket=${socket}`, `--pid-file=${pidFile}`, `--tmpdir=${tmp}`, '--skip-log-bin', '--innodb-buffer-pool-size=32M', '--innodb-log-file-size=16M', '--skip-name-resolve'],
    { stdio: ['ignore', 'ignore', 'pipe'], detached: false },
  );
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  let exited = false;
  child.once('exit', () => (exited = true));
  await waitFor('MariaDB', () => {
    if (exited) throw new Error(`mariadbd exited:\n${stderr.slice(-2000)}`);
    return spawnSync('mariadb-admin', ['--no-defaults', `--socket=${socket}`, 'ping'], { stdio: 'ignore' }).status === 0;
  });
  return {
    port,
    socket,
    /** A database and its own user; returns WordPress's DB_* values. */
    createDatabase(name) {
      const db = { name, user: name, password: `pw-${process.pid}-${Date.now()}`, host: `127.0.0.1:${port}` };
      run('mariadb', ['--no-defaults', `--socket=${socket}`, '-e', `CREATE DATABASE ${db.name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci; CREATE USER '${db.user}'@'127.0.0.1' IDENTIFIED BY '${db.password}'; GRANT ALL ON ${db.name}.* TO '${db.user}'@'127.0.0.1';`]);
      return db;
    },
    async stop() {
      if (exited) return;
      spawnSync('mariadb-admin', ['--no-defaults', `--socket=${socket}`, 'shutdown'], { stdio: 'ignore' });
      await waitFor('MariaDB to stop', () => exited, 15000).catch(() => child.kill('SIGKILL'));
    },
  };
}

function uid(name) {
  return Number(run('id', ['-u', name]).stdout.trim());
}
function gid(name) {
  return Number(run('id', ['-g', name]).stdout.trim());
}

/**
 * Debian's wp-config.php picks /etc/wordpress/config-$WORDPRESS_CONFIG.php when Apache sets that variable: a
 * config of our own name, so this test never overwrites config-127.0.0.1.php or another run's config.
 */
export function writeWordpressConfig({ name, db, home, contentDir }) {
  const file = `/etc/wordpress/config-${name}.php`;
  const php = `<?php
// Written by scripts/wordpress-e2e.mjs for one test run; removed when it ends.
define('DB_NAME', '${db.name}');
define('DB_USER', '${db.user}');
define('DB_PASSWORD', '${db.password}');
define('DB_HOST', '${db.host}');
define('WP_HOME', '${home}');
define('WP_SITEURL', '${home}');
define('WP_CONTENT_DIR', '${contentDir}');
define('WP_CONTENT_URL', '${home}/wp-content');
define('FS_METHOD', 'direct');
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('WP_ACCESSIBLE_HOSTS', '127.0.0.1,localhost');
define('WP_DEBUG', true);
define('WP_DEBUG_DISPLAY', false);
define('WP_DEBUG_LOG', '${contentDir}/debug.log');
`;
  writeFileSync(file, php, { mode: 0o640 });
  chownSync(file, 0, gid('www-data'));
  chmodSync(file, 0o640);
  return file;
}

export const THEMES = ['twentytwentythree', 'twentytwentyone'];

/**
 * A private wp-content: plugins (filled from the zip), mu-plugins, the WordPress folder's themes, uploads, and
 * languages with WordPress's own files of LOCALES (from wordpress-l10n, in `root`/wp-content/languages; WordPress
 * reads them from WP_CONTENT_DIR/languages, and translations it would download land there too).
 */
export function makeContentDir(dir, root) {
  const content = join(dir, 'wp-content');
  for (const sub of ['plugins', 'mu-plugins', 'themes', 'uploads', 'languages']) mkdirSync(join(content, sub), { recursive: true });
  const languages = join(root, 'wp-content', 'languages');
  const ofLocale = (f) => LOCALES.some((l) => f === `${l}.mo` || f.endsWith(`-${l}.mo`) || f === `${l}.l10n.php` || f.endsWith(`-${l}.l10n.php`));
  const linked = existsSync(languages) ? readdirSync(languages).filter(ofLocale) : [];
  for (const f of linked) symlinkSync(join(languages, f), join(content, 'languages', f));
  for (const locale of LOCALES) if (!linked.includes(`${locale}.mo`)) throw new Error(`${languages}/${locale}.mo missing (wordpress-l10n)`);
  for (const name of THEMES) {
    // Debian 13 has no Twenty Twenty-One package: the newer WordPress borrows Debian 12's.
    const theme = [root, '/usr/share/wordpress'].map((r) => join(r, 'wp-content', 'themes', name)).find((p) => existsSync(p));
    if (!theme) throw new Error(`theme ${name} missing (wordpress-theme-${name})`);
    symlinkSync(theme, join(content, 'themes', name));
  }
  const www = [uid('www-data'), gid('www-data')];
  for (const sub of ['uploads', 'languages']) chownSync(join(content, sub), ...www);
  chownSync(content, ...www);
  return content;
}

function fpmModules(load) {
  return `${load('proxy')}
${load('proxy_fcgi')}
${load('setenvif')}
StartServers 1
ServerLimit 2
ThreadsPerChild 16
MaxRequestWorkers 32`;
}

/** Debian's php-fpm binary (php8.2-fpm), or null. */
export function phpFpmBinary() {
  return ['/usr/sbin/php-fpm8.4', '/usr/sbin/php-fpm8.3', '/usr/sbin/php-fpm8.2', '/usr/sbin/php-fpm8.1', '/usr/sbin/php-fpm7.4'].find((f) => existsSync(f)) ?? null;
}

/**
 * Debian's php-fpm started by hand (no systemd) with its own global config and one pool in `dir`: a unix socket
 * that Apache (www-data) can use, workers running as www-data, `env` set for them (FastCGI params from Apache's
 * SetEnv come on top), OPcache checking file times on every request so PHP edits are seen at once.
 * Returns { socket, errorLog, stop() }.
 */
export async function startPhpFpm(dir, { env = {}, children = 4 } = {}) {
  const bin = phpFpmBinary();
  if (!bin) throw new Error('no /usr/sbin/php-fpm* (php8.2-fpm)');
  const fpmDir = join(dir, 'php-fpm');
  mkdirSync(fpmDir, { recursive: true });
  const conf = join(fpmDir, 'php-fpm.conf');
  const socket = join(fpmDir, 'php-fpm.sock');
  const pidFile = join(fpmDir, 'php-fpm.pid');
  const errorLog = join(fpmDir, 'php-fpm-error.log');
  const envLines = Object.entries(env).map(([k, v]) => `env[${k}] = ${JSON.stringify(String(v))}`);
  writeFileSync(
    conf,
    `; Written by scripts/wordpress/services.mjs
[global]
pid = ${pidFile}
error_log = ${errorLog}
log_level = warning
daemonize = no

[www]
user = www-data
group = www-data
listen = ${socket}
listen.owner = www-data
listen.group = www-data
listen.mode = 0660
pm = static
pm.max_children = ${children}
clear_env = yes
catch_workers_output = yes
php_admin_value[opcache.revalidate_freq] = 0
php_admin_value[error_log] = ${join(fpmDir, 'php-error.log')}
php_admin_flag[log_errors] = on
${envLines.join('\n')}
`,
  );
  run(bin, ['-t', '-y', conf]);
  const child = spawn(bin, ['--nodaemonize', '--fpm-config', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  let exited = false;
  child.once('exit', () => (exited = true));
  await waitFor('php-fpm', () => {
    if (exited) throw new Error(`php-fpm exited:\n${stderr.slice(-2000)}`);
    return existsSync(socket);
  });
  return {
    socket,
    errorLog,
    pid: child.pid,
    async stop() {
      if (exited) return;
      child.kill('SIGQUIT');
      await waitFor('php-fpm to stop', () => exited, 10000).catch(() => child.kill('SIGKILL'));
    },
  };
}

function phpModule() {
  const mods = '/usr/lib/apache2/modules';
  const so = ['libphp8.4.so', 'libphp8.3.so', 'libphp8.2.so', 'libphp8.1.so', 'libphp7.4.so'].find((f) => existsSync(join(mods, f)));
  if (!so) throw new Error(`no libphp*.so in ${mods} (libapache2-mod-php)`);
  return join(mods, so);
}

/**
 * Apache on 127.0.0.1:port serving the WordPress folder `root`, with the rewrite rules, our wp-content, and
 * `Content-Security-Policy: script-src 'self'` on any request whose query string has csp=1 (mod_headers).
 *
 * `php: 'mod_php'` (default): mpm_prefork + Debian's libphp. `php: 'fpm'`: mpm_event + mod_proxy_fcgi handing
 * .php files to the php-fpm listening on `fpmSocket` (startPhpFpm). Apache does not give a FastCGI backend the
 * `Authorization` header; `authorization` says how it gets through on fpm: 'rewrite' (WordPress's own .htaccess
 * line `RewriteRule .* - [E=HTTP_AUTHORIZATION:%{HTTP:Authorization}]`, which PHP sees as HTTP_AUTHORIZATION or,
 * after the rewrite to index.php, REDIRECT_HTTP_AUTHORIZATION), 'cgipassauth' (`CGIPassAuth On`) or 'dropped'
 * (neither: what a host without WordPress's .htaccess does). `opcacheRevalidate` (mod_php only): seconds between
 * OPcache's checks of a file's time, 0 for PHP edits seen at once.
 *
 * Like a normal WordPress host (and Debian's apache2.conf): wp-content honours .htaccess files (`AllowOverride
 * All`), so a plugin's deny rules work, e.g. the backend's private upload folder's `Require all denied`; and no
 * `.ht*` file is ever served. The WordPress folder itself keeps `AllowOverride None`: its rewrite rules are here.
 */
export async function startApache(dir, { port, root, contentDir, configName, csp, php = 'mod_php', fpmSocket, authorization = 'rewrite', opcacheRevalidate }) {
  const conf = join(dir, 'apache2.conf');
  const pidFile = join(dir, 'apache2.pid');
  const errorLog = join(dir, 'apache-error.log');
  const mods = '/usr/lib/apache2/modules';
  const load = (name, file) => `LoadModule ${name}_module ${mods}/${file ?? `mod_${name}.so`}`;
  writeFileSync(
    conf,
    `# Written by scripts/wordpress-e2e.mjs
ServerRoot ${dir}
ServerName 127.0.0.1
Listen 127.0.0.1:${port}
PidFile ${pidFile}
DefaultRuntimeDir ${dir}
Mutex file:${dir} default
ErrorLog ${errorLog}
LogLevel warn
User www-data
Group www-data
${php === 'fpm' ? load('mpm_event') : load('mpm_prefork')}
${load('authz_core')}
${load('dir')}
${load('mime')}
${load('rewrite')}
${load('alias')}
${load('env')}
${load('headers')}
${php === 'fpm' ? fpmModules(load) : `LoadModule php_module ${phpModule()}
StartServers 2
MinSpareServers 2
MaxSpareServers 6
MaxRequestWorkers 16`}
KeepAlive On
TypesConfig /etc/mime.types
AddType text/javascript .js .mjs
AddDefaultCharset utf-8
<FilesMatch "\\.php$">
  ${php === 'fpm' ? `SetHandler "proxy:unix:${fpmSocket}|fcgi://localhost"` : 'SetHandler application/x-httpd-php'}
</FilesMatch>
${php !== 'fpm' && opcacheRevalidate !== undefined ? `php_admin_value opcache.revalidate_freq ${opcacheRevalidate}` : ''}
DirectoryIndex index.php index.html
SetEnv WORDPRESS_CONFIG ${configName}
DocumentRoot ${root}
Alias /wp-content ${contentDir}
<Directory />
  AllowOverride None
  Require all denied
</Directory>
<Directory ${root}>
  Options FollowSymLinks
  AllowOverride None
  Require all granted
${php === 'fpm' && authorization === 'cgipassauth' ? '  CGIPassAuth On\n' : ''}  RewriteEngine On
${php === 'fpm' && authorization === 'rewrite' ? "  RewriteRule .* - [E=HTTP_AUTHORIZATION:%{HTTP:Authorization}]\n" : ''}  RewriteBase /
  RewriteRule ^index\\.php$ - [L]
  RewriteCond %{REQUEST_FILENAME} !-f
  RewriteCond %{REQUEST_FILENAME} !-d
  RewriteRule . /index.php [L]
</Directory>
<Directory ${contentDir}>
  Options FollowSymLinks
  AllowOverride All
  Require all granted
</Directory>
<FilesMatch "^\\.ht">
  Require all denied
</FilesMatch>
<If "%{QUERY_STRING} =~ /(^|&)csp=1(&|$)/">
  Header always set Content-Security-Policy "${csp}"
</If>
`,
  );
  run('apache2', ['-f', conf, '-t'], { env: { ...process.env, APACHE_LOG_DIR: dir } });
  run('apache2', ['-f', conf, '-k', 'start']);
  let pid = 0;
  await waitFor('Apache', async () => {
    if (!pid && existsSync(pidFile)) pid = Number(readFileSync(pidFile, 'utf8').trim());
    if (!pid) return false;
    try {
      await fetch(`http://127.0.0.1:${port}/wp-includes/images/blank.gif`);
      return true;
    } catch {
      return false;
    }
  });
  return {
    port,
    errorLog,
    async stop() {
      if (!pid) return;
      spawnSync('apache2', ['-f', conf, '-k', 'stop'], { stdio: 'ignore' });
      await waitFor('Apache to stop', async () => !(await pidAlive(pid)), 15000).catch(() => {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          /* gone */
        }
      });
    },
  };
}

/** Runs a PHP CLI script that prints one JSON line last; WordPress picks our config through WORDPRESS_CONFIG. */
export function runPhp(file, { configName, host, params }) {
  const r = run('php', ['-d', 'display_errors=stderr', file], {
    env: { ...process.env, WORDPRESS_CONFIG: configName, RW_HTTP_HOST: host, RW_PARAMS: JSON.stringify(params ?? {}) },
  });
  const lines = r.stdout.trim().split('\n');
  try {
    return JSON.parse(lines[lines.length - 1]);
  } catch {
    throw new Error(`${file}: no JSON result\n${r.stdout}\n${r.stderr}`);
  }
}

export function removeQuietly(path) {
  try {
    rmSync(path, { recursive: true, force: true });
  } catch {
    /* best effort */
  }
}

/** Where the unpacked newer WordPress is kept between runs (warm runs do not download it again). */
export const NEWER_WORDPRESS_CACHE = '/var/cache/reinscription-wizard-e2e';

/**
 * WordPress 6.5+ for the script-module path: Debian 13 (trixie)'s `wordpress`, `wordpress-l10n` (its own
 * translations, for the fr_FR site) and `wordpress-theme-twentytwentythree` packages (Debian 13 has no Twenty
 * Twenty-One: makeContentDir borrows Debian 12's), downloaded with apt-get through a private apt configuration (the machine's sources and lists are left
 * alone) and unpacked with dpkg-deb -x, not installed. Its links that point outside WordPress (php-getid3,
 * libjs-underscore, libjs-lodash, libjs-cropper, the CA bundle) are re-pointed to this system's copies.
 * Returns the WordPress folder.
 */
export function newerWordpress(log) {
  const base = join(NEWER_WORDPRESS_CACHE, 'trixie');
  const root = join(base, 'root', 'usr', 'share', 'wordpress');
  const languages = join(root, 'wp-content', 'languages');
  const hasCore = ['wp-includes/version.php', 'wp-content/themes/twentytwentythree'].every((p) => existsSync(join(root, p)));
  const hasLanguages = LOCALES.every((l) => existsSync(join(languages, `${l}.mo`)));
  if (hasCore && hasLanguages) return root;

  // Built in a folder of our own, renamed at the end: two runs at once never see a half-unpacked tree.
  const work = `${base}.partial-${process.pid}`;
  rmSync(work, { recursive: true, force: true });
  try {
    if (hasCore) {
      // A cache from before the test site ran in French: add the translations only (a run using the cached
      // WordPress right now keeps its tree).
      log("WordPress 6.5+: downloading Debian 13's wordpress-l10n (private apt configuration)…");
      const unpacked = downloadTrixie(work, ['wordpress-l10n']);
      rmSync(languages, { recursive: true, force: true });
      renameSync(join(unpacked, 'usr', 'share', 'wordpress', 'wp-content', 'languages'), languages);
      return root;
    }
    log("WordPress 6.5+: downloading Debian 13's wordpress packages (private apt configuration)…");
    downloadTrixie(work, ['wordpress', 'wordpress-l10n', 'wordpress-theme-twentytwentythree']);
    if (existsSync(base)) rmSync(base, { recursive: true, force: true });
    renameSync(work, base);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return root;
}

/**
 * Debian 13's `packages` downloaded with apt-get through a private configuration and unpacked (dpkg-deb -x) into
 * `work`/root; their links that leave /usr/share/wordpress re-pointed to this system's files. Returns work/root.
 */
function downloadTrixie(work, packages) {
  const apt = join(work, 'apt');
  for (const d of ['lists/partial', 'cache/archives/partial', 'debs']) mkdirSync(join(apt, d), { recursive: true });
  writeFileSync(join(apt, 'sources.list'), 'deb http://deb.debian.org/debian trixie main\n');
  const opts = [
    '-o', `Dir::Etc::SourceList=${join(apt, 'sources.list')}`,
    '-o', 'Dir::Etc::SourceParts=/dev/null',
    '-o', `Dir::State::Lists=${join(apt, 'lists')}`,
    '-o', `Dir::Cache=${join(apt, 'cache')}`,
    '-o', 'APT::Sandbox::User=root',
  ];
  run('apt-get', [...opts, 'update', '-qq']);
  run('apt-get', [...opts, 'download', ...packages], { cwd: join(apt, 'debs') });
  const unpacked = join(work, 'root');
  mkdirSync(unpacked, { recursive: true });
  for (const deb of readdirSync(join(apt, 'debs')).filter((f) => f.endsWith('.deb'))) run('dpkg-deb', ['-x', join(apt, 'debs', deb), unpacked]);

  // Links as installed at /: relative ones that leave /usr/share/wordpress now point at the system's files.
  for (const link of walkLinks(join(unpacked, 'usr', 'share', 'wordpress'))) {
    const target = readlinkSync(link);
    if (isAbsolute(target)) continue;
    const resolved = resolve(join('/', relative(unpacked, dirname(link))), target);
    if (resolved.startsWith('/usr/share/wordpress/')) continue;
    rmSync(link);
    symlinkSync(resolved, link);
  }
  rmSync(join(apt, 'lists'), { recursive: true, force: true });
  rmSync(join(apt, 'cache'), { recursive: true, force: true });
  return unpacked;
}

function walkLinks(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isSymbolicLink()) out.push(p);
    else if (e.isDirectory()) out.push(...walkLinks(p));
  }
  return out;
}
