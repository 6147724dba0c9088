#!/usr/bin/env node
/**
 * The plugin's translation files, made from its sources with Debian's gettext (xgettext, msgfmt): no wp-cli needed.
 *
 * Source of truth: the English strings in the PHP and JS (`__( 'English', 'reinscription-wizard' )`, `wp.i18n.__`),
 * block/block.json (title, description, keywords, with WordPress's « block title »… contexts), the plugin header
 * (Plugin Name, Description), and the hand-maintained translations wordpress/reinscription-wizard/languages/*.po.
 *
 * Generated (into the zip only, never committed), in `outDir`:
 *   reinscription-wizard.pot                          every string of the sources
 *   reinscription-wizard-{locale}.mo                  msgfmt of each .po (PHP: load_plugin_textdomain; .mo because
 *                                                     .l10n.php only loads from WordPress 6.5)
 *   reinscription-wizard-{locale}-{md5}.json          per script, Jed 1.x as wp_set_script_translations reads it;
 *                                                     md5 of the script's path relative to the plugin folder
 *                                                     (wp-includes/l10n.php load_script_textdomain), e.g. block/editor.js
 *
 * Checks, each one an error: every string of the .pot has a non-fuzzy translation in each .po with the same
 * placeholders (%s, %1$s…); the .po has no string the sources no longer use; every translation call names the text
 * domain `reinscription-wizard`; msgfmt --check accepts the .po.
 *
 *   node scripts/wordpress/make-translations.mjs               checks, and writes to wordpress/build/languages/
 *   node scripts/wordpress/make-translations.mjs --update-po   msgmerge: adds new strings (untranslated) to the
 *                                                              .po, drops unused ones, refreshes references; then checks
 *
 * Also importable: makeTranslations({ pluginDir, outDir, version, log }) returns { pot, files, strings }.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DOMAIN = 'reinscription-wizard';

/** WordPress's translation functions: xgettext keyword specs (PHP) and the ones wp.i18n has (JS). */
const PHP_KEYWORDS = ['__', '_e', '_x:1,2c', '_ex:1,2c', '_n:1,2', '_nx:1,2,4c', 'esc_html__', 'esc_html_e', 'esc_html_x:1,2c', 'esc_attr__', 'esc_attr_e', 'esc_attr_x:1,2c', '_n_noop:1,2', '_nx_noop:1,2,3c'];
const JS_KEYWORDS = ['__', '_x:1,2c', '_n:1,2', '_nx:1,2,4c'];
/** Where the text domain is, per function: the argument after the strings (and the number of _n). */
const DOMAIN_ARG = { __: 1, _e: 1, esc_html__: 1, esc_html_e: 1, esc_attr__: 1, esc_attr_e: 1, _x: 2, _ex: 2, esc_html_x: 2, esc_attr_x: 2, _n: 3, _nx: 4, _n_noop: 2, _nx_noop: 3 };
/** Plugin header fields WordPress translates with the plugin's text domain (_get_plugin_data_markup_translate). */
const HEADER_FIELDS = ['Plugin Name', 'Description'];
/** block.json fields and their contexts (wp-includes/block-i18n.json). */
const BLOCK_I18N = { title: 'block title', description: 'block description', keywords: 'block keyword' };

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...opts });
  if (r.error) throw new Error(`${cmd}: ${r.error.message}${r.error.code === 'ENOENT' ? ' (apt-get install gettext)' : ''}`);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}\n${(r.stderr || '').trim()}`);
  return r;
}

function walk(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else out.push(p);
  }
  return out;
}

// ------------------------------------------------------------------ .po / .pot
const unquote = (s) => JSON.parse(s.replace(/\\([^"\\nt])/g, (m, c) => (c === "'" ? "'" : m)));
const quote = (s) => {
  const body = JSON.stringify(s).slice(1, -1);
  if (!s.includes('\n') || s.indexOf('\n') === s.length - 1) return `"${body}"`;
  return `""\n` + body.split(/(?<=\\n)/).map((l) => `"${l}"`).join('\n');
};

/** Entries of a .po/.pot: { ctx, id, plural, str: string[], flags: Set, refs, comments, obsolete }; the header has id ''. */
export function parsePo(text) {
  const entries = [];
  let e = null;
  let field = null;
  const start = () => (e ??= { ctx: undefined, id: undefined, plural: undefined, str: [], flags: new Set(), refs: [], comments: [], obsolete: false });
  const finish = () => {
    if (e && e.id !== undefined) entries.push(e);
    e = null;
    field = null;
  };
  for (const raw of text.split('\n')) {
    let line = raw.trim();
    if (!line) {
      finish();
      continue;
    }
    if (line.startsWith('#~')) {
      start().obsolete = true;
      line = line.slice(2).trim();
      if (!line) continue;
    } else if (line.startsWith('#')) {
      if (e && e.id !== undefined && field !== null) finish();
      start();
      if (line.startsWith('#,')) for (const f of line.slice(2).split(',')) e.flags.add(f.trim());
      else if (line.startsWith('#:')) e.refs.push(...line.slice(2).trim().split(/\s+/));
      else if (line.startsWith('#.')) e.comments.push(line.slice(2).trim());
      continue;
    }
    const m = line.match(/^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(".*")$/);
    if (m) {
      if (m[1] === 'msgctxt' && e && e.id !== undefined) finish();
      if (m[1] === 'msgid' && e && e.id !== undefined) finish();
      start();
      const value = unquote(m[3]);
      field = m[1] === 'msgctxt' ? 'ctx' : m[1] === 'msgid' ? 'id' : m[1] === 'msgid_plural' ? 'plural' : Number(m[2] ?? 0);
      if (typeof field === 'number') e.str[field] = value;
      else e[field] = value;
      continue;
    }
    if (/^".*"$/.test(line) && e && field !== null) {
      const value = unquote(line);
      if (typeof field === 'number') e.str[field] += value;
      else e[field] += value;
      continue;
    }
    throw new Error(`cannot read .po line: ${raw}`);
  }
  finish();
  return entries;
}

const keyOf = (e) => (e.ctx !== undefined ? `${e.ctx}\u0004${e.id}` : e.id);
const placeholders = (s) => [...s.matchAll(/%(?:(\d+)\$)?[-+ 0#]*\d*(?:\.\d+)?([sdfuxXbceEgGo%])/g)].filter((m) => m[2] !== '%').map((m) => `${m[1] ?? ''}${m[2]}`).sort().join(' ');

function headerOf(entries) {
  const h = entries.find((e) => e.id === '' && e.ctx === undefined);
  const out = {};
  for (const line of (h?.str[0] ?? '').split('\n')) {
    const i = line.indexOf(':');
    if (i > 0) out[line.slice(0, i).trim()] = line.slice(i + 1).trim();
  }
  return out;
}

function potEntry({ ctx, id, plural, refs = [], comments = [], flags = [] }) {
  const lines = [];
  for (const c of comments) lines.push(`#. ${c}`);
  if (refs.length) lines.push(`#: ${refs.join(' ')}`);
  if (flags.length) lines.push(`#, ${flags.join(', ')}`);
  if (ctx !== undefined) lines.push(`msgctxt ${quote(ctx)}`);
  lines.push(`msgid ${quote(id)}`);
  if (plural !== undefined) lines.push(`msgid_plural ${quote(plural)}`, 'msgstr[0] ""', 'msgstr[1] ""');
  else lines.push('msgstr ""');
  return lines.join('\n');
}

// ------------------------------------------------------------------ the sources
/**
 * Calls of translation functions whose text domain is not DOMAIN (missing, another one, or a variable): a tiny
 * scanner over strings, comments and parentheses, enough for WordPress-style PHP and ES5.
 */
export function wrongDomains(code, file) {
  const problems = [];
  const names = Object.keys(DOMAIN_ARG).sort((a, b) => b.length - a.length).join('|');
  const call = new RegExp(`(?<![\\w$>:.])(${names})\\s*\\(`, 'g');
  for (const m of code.matchAll(call)) {
    if (/function\s+$/.test(code.slice(Math.max(0, m.index - 20), m.index))) continue;
    const args = [];
    let depth = 0;
    let current = '';
    let i = m.index + m[0].length;
    for (; i < code.length; i++) {
      const c = code[i];
      if (c === "'" || c === '"' || c === '`') {
        let j = i + 1;
        while (j < code.length && code[j] !== c) j += code[j] === '\\' ? 2 : 1;
        current += code.slice(i, j + 1);
        i = j;
        continue;
      }
      if (c === '/' && code[i + 1] === '*') {
        i = code.indexOf('*/', i + 2) + 1;
        continue;
      }
      if (c === '/' && code[i + 1] === '/') {
        i = code.indexOf('\n', i);
        continue;
      }
      if ('([{'.includes(c)) depth++;
      if (')]}'.includes(c)) {
        if (depth === 0) break;
        depth--;
      }
      if (c === ',' && depth === 0) {
        args.push(current.trim());
        current = '';
        continue;
      }
      current += c;
    }
    if (current.trim()) args.push(current.trim());
    const domain = args[DOMAIN_ARG[m[1]]];
    if (domain !== `'${DOMAIN}'` && domain !== `"${DOMAIN}"`) {
      const line = code.slice(0, m.index).split('\n').length;
      problems.push(`${file}:${line}: ${m[1]}( … ) has text domain ${domain ?? '(none)'}, expected '${DOMAIN}'`);
    }
  }
  return problems;
}

function xgettext(files, { keywords, cwd, out }) {
  run('xgettext', ['--from-code=UTF-8', '--add-comments=translators:', '--sort-by-file', '--no-wrap', '-k', ...keywords.map((k) => `--keyword=${k}`), '-o', out, ...files], { cwd });
  return existsSync(out) ? readFileSync(out, 'utf8') : '';
}

/** The strings xgettext cannot see: the plugin header and block.json. */
function metadataEntries(pluginDir) {
  const entries = [];
  const main = 'reinscription-wizard.php';
  const header = readFileSync(join(pluginDir, main), 'utf8').slice(0, 8192);
  for (const field of HEADER_FIELDS) {
    const m = header.match(new RegExp(`^[ \\t/*#@]*${field}:(.*)$`, 'mi'));
    if (!m) throw new Error(`${main}: no ${field} header`);
    entries.push({ id: m[1].trim(), refs: [main], comments: [`${field} of the plugin`] });
  }
  const blockFile = 'block/block.json';
  const block = JSON.parse(readFileSync(join(pluginDir, blockFile), 'utf8'));
  if (block.textdomain !== DOMAIN) throw new Error(`${blockFile}: textdomain is ${block.textdomain}, expected ${DOMAIN}`);
  for (const [field, ctx] of Object.entries(BLOCK_I18N)) {
    for (const id of [block[field]].flat().filter(Boolean)) entries.push({ ctx, id, refs: [blockFile], comments: [`block ${field} of ${block.name}`] });
  }
  return entries;
}

// ------------------------------------------------------------------ the job
export function makeTranslations({ pluginDir = join(ROOT, 'wordpress', 'reinscription-wizard'), outDir, version, log = console.log, updatePo = false } = {}) {
  version ??= JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
  const tmp = mkdtempSync(join(tmpdir(), 'rw-i18n-'));
  try {
    const rel = (f) => relative(pluginDir, f).split(sep).join('/');
    const sources = walk(pluginDir).filter((f) => !rel(f).startsWith('dist/') && !rel(f).startsWith('languages/'));
    const php = sources.filter((f) => f.endsWith('.php')).map(rel);
    const js = sources.filter((f) => f.endsWith('.js')).map(rel);

    const domainProblems = [...php, ...js].flatMap((f) => wrongDomains(readFileSync(join(pluginDir, f), 'utf8'), f));
    if (domainProblems.length) throw new Error(`translation calls without the text domain:\n  ${domainProblems.join('\n  ')}`);

    // Each script's own strings, for its JSON file.
    const scriptStrings = {};
    for (const [i, file] of js.entries()) {
      const text = xgettext([file], { keywords: JS_KEYWORDS, cwd: pluginDir, out: join(tmp, `js-${i}.pot`) });
      if (text) scriptStrings[file] = parsePo(text).filter((e) => e.id !== '').map(keyOf);
    }

    const potHeader = [
      `Project-Id-Version: Conservatory re-registration ${version}`,
      'Report-Msgid-Bugs-To: https://www.npmjs.com/package/reinscription-wizard',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=UTF-8',
      'Content-Transfer-Encoding: 8bit',
      `X-Domain: ${DOMAIN}`,
      'X-Generator: scripts/wordpress/make-translations.mjs (GNU gettext)',
    ];
    const header = `# Strings of the WordPress plugin « ${DOMAIN} ». Generated: edit the sources, not this file.\n# This file is distributed under the same license as the plugin (MIT).\nmsgid ""\nmsgstr ""\n${potHeader.map((l) => quote(`${l}\n`)).join('\n')}\n`;
    // One xgettext over everything (language from the extension; a .pot is read as PO), so that a string used in
    // several files has one entry with all its references.
    const meta = join(tmp, 'metadata.pot');
    writeFileSync(meta, `${header}\n${metadataEntries(pluginDir).map(potEntry).join('\n\n')}\n`);
    const potFile = join(tmp, `${DOMAIN}.pot`);
    const all = xgettext([...php, ...js, meta], { keywords: PHP_KEYWORDS, cwd: pluginDir, out: potFile });
    const pot = header + all.slice(all.indexOf('\n\n')).replaceAll(`${tmp}/`, '');
    writeFileSync(potFile, pot);
    const potEntries = parsePo(pot).filter((e) => e.id !== '');

    const langDir = join(pluginDir, 'languages');
    const poFiles = existsSync(langDir) ? readdirSync(langDir).filter((f) => f.startsWith(`${DOMAIN}-`) && f.endsWith('.po')).sort() : [];
    if (!poFiles.length) throw new Error(`no ${DOMAIN}-{locale}.po in ${langDir}`);

    const files = [];
    const problems = [];
    for (const poName of poFiles) {
      const locale = poName.slice(DOMAIN.length + 1, -3);
      const poPath = join(langDir, poName);
      if (updatePo) {
        run('msgmerge', ['--quiet', '--update', '--backup=none', '--no-fuzzy-matching', '--no-wrap', '--sort-by-file', poPath, potFile]);
        const merged = readFileSync(poPath, 'utf8').split(/\n\n(?=#~)/)[0].trimEnd() + '\n';
        writeFileSync(poPath, merged);
        log(`${relative(ROOT, poPath)}: merged with the sources' strings (untranslated ones have an empty msgstr)`);
      }
      const poEntries = parsePo(readFileSync(poPath, 'utf8'));
      const header = headerOf(poEntries);
      if (header.Language !== locale) problems.push(`${poName}: header Language is « ${header.Language} », expected ${locale}`);
      const byKey = new Map(poEntries.filter((e) => e.id !== '' && !e.obsolete).map((e) => [keyOf(e), e]));
      const show = (e) => `${e.ctx !== undefined ? `[${e.ctx}] ` : ''}« ${e.id} »`;
      for (const e of potEntries) {
        const t = byKey.get(keyOf(e));
        if (!t || !t.str.length || t.str.some((s) => !s)) problems.push(`${poName}: no translation of ${show(e)} (${e.refs.join(' ')})`);
        else if (t.flags.has('fuzzy')) problems.push(`${poName}: fuzzy translation of ${show(e)}`);
        else if (t.str.some((s) => placeholders(s) !== placeholders(e.id))) problems.push(`${poName}: placeholders of ${show(e)} are « ${placeholders(e.id)} », the translation has « ${t.str.map(placeholders).join(' / ')} »`);
      }
      const used = new Set(potEntries.map(keyOf));
      for (const [key, e] of byKey) if (!used.has(key)) problems.push(`${poName}: ${show(e)} is no longer in the sources (node scripts/wordpress/make-translations.mjs --update-po drops it)`);
      if (problems.length) continue;

      if (outDir) {
        mkdirSync(outDir, { recursive: true });
        const mo = join(outDir, `${DOMAIN}-${locale}.mo`);
        run('msgfmt', ['--check', '-o', mo, poPath]);
        files.push(mo);
        for (const [script, keys] of Object.entries(scriptStrings)) {
          const messages = { '': { domain: 'messages', lang: locale, 'plural-forms': header['Plural-Forms'] ?? 'nplurals=2; plural=n > 1;' } };
          for (const key of keys) messages[key] = byKey.get(key).str;
          const jed = { 'translation-revision-date': header['PO-Revision-Date'] ?? '', generator: 'scripts/wordpress/make-translations.mjs', domain: 'messages', locale_data: { messages } };
          const json = join(outDir, `${DOMAIN}-${locale}-${createHash('md5').update(script).digest('hex')}.json`);
          writeFileSync(json, JSON.stringify(jed) + '\n');
          files.push(json);
        }
      } else {
        run('msgfmt', ['--check', '-o', '/dev/null', poPath]);
      }
    }
    if (problems.length) throw new Error(`translations incomplete:\n  ${problems.join('\n  ')}`);
    if (outDir) {
      writeFileSync(join(outDir, `${DOMAIN}.pot`), pot);
      files.unshift(join(outDir, `${DOMAIN}.pot`));
    }
    log(`translations: ${potEntries.length} strings (${php.length} PHP files, ${Object.keys(scriptStrings).join(', ')}, block.json, plugin header), ${poFiles.join(', ')} complete${outDir ? `; wrote ${files.map((f) => relative(outDir, f)).join(', ')}` : ''}`);
    return { pot, files, strings: potEntries.length, scripts: Object.keys(scriptStrings) };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    makeTranslations({ outDir: join(ROOT, 'wordpress', 'build', 'languages'), updatePo: process.argv.includes('--update-po') });
  } catch (e) {
    console.error(`make-translations failed: ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  }
}
