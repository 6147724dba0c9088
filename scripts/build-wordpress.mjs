#!/usr/bin/env node
/**
 * `npm run build:wordpress [-- --force] [-- --set-version]`: the installable plugin zip.
 *
 * 1. Runs the Vite build when dist/reinscription-wizard.js is missing or older than src/ (or with --force).
 * 2. Checks that the plugin's versions (header Version, REINSCRIPTION_WIZARD_VERSION, readme.txt Stable tag,
 *    block.json and editor.asset.php version) equal package.json's version in the sources; `--set-version`
 *    writes package.json's version into those source files first (after `npm version`).
 * 3. Stages wordpress/reinscription-wizard/ plus the built files (dist/: the main module, its worker and
 *    chunks, no source maps, no type declarations), the repository's LICENSE, and the translations made by
 *    scripts/wordpress/make-translations.mjs (languages/: .pot, .mo and the scripts' JSON, from the
 *    hand-maintained .po; the build fails when the .po misses a string) under wordpress/build/staging/.
 * 4. Writes wordpress/build/reinscription-wizard-<version>.zip (top folder reinscription-wizard/), with
 *    node's zlib (no `zip` command needed, so it works the same on every machine).
 *
 * Also importable: `buildWordpressPlugin({ force, log })` returns { zip, version, files, stage }.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { crc32, deflateRawSync } from 'node:zlib';
import { makeTranslations } from './wordpress/make-translations.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const PLUGIN_SRC = join(ROOT, 'wordpress', 'reinscription-wizard');
const BUILD_DIR = join(ROOT, 'wordpress', 'build');
const DIST = join(ROOT, 'dist');
const MAIN = 'reinscription-wizard.js';

/** Files of dist/ that go into the plugin: scripts the browser loads (the module, its worker and chunks). */
/** The built scripts, and the build's note of the hashed main module's name, which the plugin reads. */
const SHIPPED = /(\.(m?js|css|wasm)|\.asset\.php)$/;
const NOT_SHIPPED = /\.(map|d\.ts|d\.mts)$/;

function walk(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(p));
    else out.push(p);
  }
  return out;
}

function newestMtime(paths) {
  let newest = 0;
  for (const p of paths) {
    if (!existsSync(p)) continue;
    const files = statSync(p).isDirectory() ? walk(p) : [p];
    for (const f of files) newest = Math.max(newest, statSync(f).mtimeMs);
  }
  return newest;
}

function ensureViteBuild({ force, log }) {
  const main = join(DIST, MAIN);
  const stale = !existsSync(main) || statSync(main).mtimeMs < newestMtime([join(ROOT, 'src'), join(ROOT, 'vite.config.ts')]);
  if (!force && !stale) {
    log(`dist/${MAIN} is up to date: no Vite build`);
    return;
  }
  log(force ? 'Vite build (--force)…' : `dist/${MAIN} missing or older than src/: Vite build…`);
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0 || !existsSync(main)) throw new Error('vite build failed');
}

/** Where the plugin says its version; each must equal package.json's. */
const VERSION_MARKERS = [
  ['reinscription-wizard.php', /^(\s*\*\s*Version:\s*)(\S+)/m, 'header Version'],
  ['reinscription-wizard.php', /(define\(\s*'REINSCRIPTION_WIZARD_VERSION',\s*')([^']+)/, 'REINSCRIPTION_WIZARD_VERSION'],
  ['readme.txt', /^(Stable tag:\s*)(\S+)/m, 'Stable tag'],
  ['block/block.json', /^(\t"version":\s*")([^"]+)/m, 'version'],
  ['block/editor.asset.php', /('version'\s*=>\s*')([^']+)/, 'version'],
];

/**
 * The versions of the plugin's source files: an error listing those that differ from `version`, unless `write`,
 * which sets them (the sources, not only the zip, so that what is committed is what is shipped).
 */
export function syncVersions(pluginDir, version, { write = false, log = console.log } = {}) {
  const wrong = [];
  for (const [file, re, what] of VERSION_MARKERS) {
    const p = join(pluginDir, file);
    const text = readFileSync(p, 'utf8');
    const m = text.match(re);
    if (!m) throw new Error(`${file}: version marker not found (${re})`);
    if (m[2] === version) continue;
    if (write) {
      writeFileSync(p, text.replace(re, `$1${version}`));
      log(`${relative(ROOT, p)}: ${what} ${m[2]} → ${version}`);
    } else {
      wrong.push(`${file} ${what} ${m[2]}`);
    }
  }
  if (wrong.length) throw new Error(`package.json's version is ${version} but ${wrong.join(', ')}: run node scripts/build-wordpress.mjs --set-version`);
}

/** DOS date/time of a Date (local time, as zip tools do). */
function dosDateTime(d) {
  const time = (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2);
  const date = ((Math.max(d.getFullYear(), 1980) - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate();
  return { time, date };
}

/** A plain zip (deflate, UTF-8 names, Unix modes) of `dir`'s contents, paths relative to `base`. */
function writeZip(zipPath, base, dir) {
  const entries = [];
  const addDir = (d) => {
    entries.push({ name: relative(base, d).split(sep).join('/') + '/', dir: true, mtime: statSync(d).mtime });
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(d, e.name);
      if (e.isDirectory()) addDir(p);
      else entries.push({ name: relative(base, p).split(sep).join('/'), data: readFileSync(p), mtime: statSync(p).mtime });
    }
  };
  addDir(dir);

  const chunks = [];
  const central = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const raw = e.dir ? Buffer.alloc(0) : e.data;
    const deflated = e.dir ? raw : deflateRawSync(raw, { level: 9 });
    const useDeflate = !e.dir && deflated.length < raw.length;
    const body = useDeflate ? deflated : raw;
    const crc = e.dir ? 0 : crc32(raw);
    const { time, date } = dosDateTime(e.mtime);
    const method = useDeflate ? 8 : 0;

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    chunks.push(local, name, body);

    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE((3 << 8) | 20, 4); // made by Unix, zip 2.0
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x0800, 8);
    c.writeUInt16LE(method, 10);
    c.writeUInt16LE(time, 12);
    c.writeUInt16LE(date, 14);
    c.writeUInt32LE(crc >>> 0, 16);
    c.writeUInt32LE(body.length, 20);
    c.writeUInt32LE(raw.length, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt16LE(0, 30); // extra
    c.writeUInt16LE(0, 32); // comment
    c.writeUInt16LE(0, 34); // disk
    c.writeUInt16LE(0, 36); // internal attrs
    c.writeUInt32LE((e.dir ? (0o40755 << 16) | 0x10 : 0o100644 << 16) >>> 0, 38);
    c.writeUInt32LE(offset, 42);
    central.push(c, name);
    offset += local.length + name.length + body.length;
  }
  const centralSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  writeFileSync(zipPath, Buffer.concat([...chunks, ...central, end]));
  return entries.filter((e) => !e.dir).map((e) => e.name);
}

export function buildWordpressPlugin({ force = false, setVersion = false, log = console.log } = {}) {
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  syncVersions(PLUGIN_SRC, version, { write: setVersion, log });
  const license = join(ROOT, 'LICENSE');
  if (!existsSync(license)) throw new Error('LICENSE missing at the repository root (the zip ships it)');
  ensureViteBuild({ force, log });

  const stageRoot = join(BUILD_DIR, 'staging');
  const stage = join(stageRoot, 'reinscription-wizard');
  rmSync(stageRoot, { recursive: true, force: true });
  mkdirSync(stageRoot, { recursive: true });
  // The plugin's source, without a dist/ someone may have copied there by hand.
  cpSync(PLUGIN_SRC, stage, { recursive: true, filter: (src) => src !== join(PLUGIN_SRC, 'dist') });
  cpSync(license, join(stage, 'LICENSE'));
  makeTranslations({ pluginDir: PLUGIN_SRC, outDir: join(stage, 'languages'), version, log });

  const shipped = walk(DIST).filter((f) => SHIPPED.test(f) && !NOT_SHIPPED.test(f));
  for (const needed of [MAIN, 'reinscription-wizard.asset.php']) {
    if (!shipped.some((f) => relative(DIST, f) === needed)) throw new Error(`dist/${needed} not found`);
  }
  for (const f of shipped) {
    const to = join(stage, 'dist', relative(DIST, f));
    mkdirSync(dirname(to), { recursive: true });
    cpSync(f, to);
  }

  const zip = join(BUILD_DIR, `reinscription-wizard-${version}.zip`);
  rmSync(zip, { force: true });
  const files = writeZip(zip, stageRoot, stage);
  log(`${relative(ROOT, zip)}: ${files.length} files, ${(statSync(zip).size / 1024).toFixed(1)} kB (built files: ${shipped.map((f) => relative(DIST, f)).join(', ')})`);
  return { zip, version, files, stage };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    buildWordpressPlugin({ force: process.argv.includes('--force'), setVersion: process.argv.includes('--set-version') });
  } catch (e) {
    console.error(`build:wordpress failed: ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  }
}
