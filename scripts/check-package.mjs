#!/usr/bin/env node
/**
 * What the npm package ships, checked against what `npm pack` would put in the tarball:
 *   (a) every source a map in lib/ or dist/ names is in the pack (or, for a dependency's file under
 *       node_modules, which no package can ship, its text is embedded in the map's sourcesContent);
 *   (b) every module path of custom-elements.json is in the pack;
 *   (c) one version in package.json, the WordPress plugin (header, constant, readme's Stable tag,
 *       block.json when it has one) and the newest release of CHANGELOG.md;
 *   (d) LICENSE is in the pack;
 *   (e) every `exports` target is in the pack, every JavaScript one has a `types` condition that is
 *       in the pack too, and `default` comes last in each condition object;
 *   (f) package.json's "customElements" is "custom-elements.json".
 * Prints one line per check and ends with `N passed, N failed`; exit code 1 when one fails.
 *
 * Needs lib/ and dist/ built: `npm run build` first, or `node scripts/check-package.mjs --build`.
 * Writes nothing: `npm pack --dry-run` only lists.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { posix } from 'node:path';

const PLUGIN = 'wordpress/reinscription-wizard';

if (process.argv.includes('--build')) execFileSync('npm', ['run', '--silent', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });

const results = [];
/** Records one check: `problems` empty means it passed; the first few problems are printed. */
function check(label, problems, detail = '') {
  results.push(problems.length === 0);
  const shown = problems.slice(0, 8).join('; ') + (problems.length > 8 ? `; and ${problems.length - 8} more` : '');
  console.log(problems.length === 0 ? `✓ ${label}${detail ? ` (${detail})` : ''}` : `✗ ${label}: ${shown}`);
}

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

let packed = new Set();
try {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  packed = new Set(JSON.parse(out)[0].files.map((f) => f.path));
  check('npm pack --dry-run lists the tarball', [], `${packed.size} files`);
} catch (error) {
  check('npm pack --dry-run lists the tarball', [String(error.stderr || error.message).trim().split('\n')[0]]);
}
/** A package path ('./lib/x.js', 'lib/x.js', 'lib/a/../x.js') as npm pack lists it. */
const inPack = (path) => packed.has(posix.normalize(path).replace(/^\.\//, ''));

// (a) Source maps.
{
  const problems = [];
  let own = 0;
  let embedded = 0;
  const maps = [];
  for (const dir of ['lib', 'dist']) {
    if (!existsSync(dir)) problems.push(`${dir}/ is missing: run \`npm run build\` first`);
    else maps.push(...readdirSync(dir, { recursive: true }).map((f) => posix.join(dir, String(f).split('\\').join('/'))).filter((f) => f.endsWith('.map')));
  }
  for (const file of maps) {
    if (!inPack(file)) problems.push(`${file} is not in the pack`);
    const map = JSON.parse(readFileSync(file, 'utf8'));
    (map.sources ?? []).forEach((source, i) => {
      const resolved = posix.join(posix.dirname(file), map.sourceRoot ?? '', source);
      if (inPack(resolved)) own += 1;
      else if (resolved.split('/').includes('node_modules') && typeof map.sourcesContent?.[i] === 'string') embedded += 1;
      else problems.push(`${file} names ${source} (${resolved}), not in the pack`);
    });
  }
  check('(a) the source maps name files in the pack', problems, `${maps.length} maps, ${own} sources in the pack, ${embedded} dependency sources embedded`);
}

// (b) custom-elements.json.
{
  const problems = [];
  let paths = [];
  if (!existsSync('custom-elements.json')) problems.push('custom-elements.json is missing');
  else {
    paths = JSON.parse(readFileSync('custom-elements.json', 'utf8')).modules.map((m) => m.path);
    problems.push(...paths.filter((p) => !inPack(p)).map((p) => `${p} is not in the pack`));
    if (!inPack('custom-elements.json')) problems.push('custom-elements.json itself is not in the pack');
  }
  check('(b) custom-elements.json names modules in the pack', problems, `${paths.length} modules`);
}

// (c) One version everywhere.
{
  const found = [['package.json', pkg.version]];
  /** The first group of `pattern` in `file`, or a problem when the file or the line is missing. */
  const read = (file, label, pattern) => {
    if (!existsSync(file)) return found.push([label, undefined]);
    found.push([label, pattern.exec(readFileSync(file, 'utf8'))?.[1]]);
  };
  read(`${PLUGIN}/reinscription-wizard.php`, 'plugin header Version:', /^[ \t/*#@]*Version:\s*(\S+)/m);
  read(`${PLUGIN}/reinscription-wizard.php`, 'REINSCRIPTION_WIZARD_VERSION', /define\(\s*['"]REINSCRIPTION_WIZARD_VERSION['"]\s*,\s*['"]([^'"]+)['"]\s*\)/);
  read(`${PLUGIN}/readme.txt`, 'readme.txt Stable tag:', /^Stable tag:\s*(\S+)/m);
  const blockJson = `${PLUGIN}/block/block.json`;
  if (existsSync(blockJson)) {
    const block = JSON.parse(readFileSync(blockJson, 'utf8'));
    if ('version' in block) found.push(['block.json version', block.version]);
  }
  // The newest released heading: `## [x.y.z] - date`, skipping `## [Unreleased]`.
  read('CHANGELOG.md', 'CHANGELOG.md newest release', /^## \[(\d+\.\d+\.\d+[^\]]*)\]/m);
  const problems = found.filter(([, v]) => v !== pkg.version).map(([label, v]) => `${label} is ${v ?? 'missing'}`);
  if (problems.length) problems.unshift(`package.json is ${pkg.version}`);
  check('(c) one version in package.json, the plugin and CHANGELOG.md', problems, `${pkg.version} in ${found.length} places`);
}

// (d) LICENSE.
check('(d) LICENSE is in the pack', inPack('LICENSE') ? [] : ['LICENSE is not in the pack']);

// (e) exports.
{
  const problems = [];
  let targets = 0;
  /** Walks a conditional export: strings are targets; objects are conditions, `default` last. */
  const walk = (subpath, value, conditions) => {
    if (typeof value === 'string') {
      targets += 1;
      if (!inPack(value)) problems.push(`${subpath} [${conditions.join('.') || 'target'}] ${value} is not in the pack`);
      return;
    }
    if (value === null) return;
    const keys = Object.keys(value);
    if (keys.includes('default') && keys.at(-1) !== 'default') problems.push(`${subpath}: "default" is not the last condition`);
    const js = keys.filter((k) => k !== 'types' && typeof value[k] === 'string' && /\.[cm]?js$/.test(value[k]));
    if (js.length && !keys.includes('types')) problems.push(`${subpath}: no "types" condition for ${value[js[0]]}`);
    for (const key of keys) walk(subpath, value[key], [...conditions, key]);
  };
  const exportsField = typeof pkg.exports === 'string' ? { '.': pkg.exports } : pkg.exports ?? {};
  for (const [subpath, value] of Object.entries(exportsField)) {
    if (typeof value === 'string' && /\.[cm]?js$/.test(value)) problems.push(`${subpath}: no "types" condition for ${value}`);
    walk(subpath, value, []);
  }
  for (const field of ['main', 'module', 'types']) {
    if (pkg[field] && !inPack(pkg[field])) problems.push(`"${field}" ${pkg[field]} is not in the pack`);
  }
  check('(e) every export target and its types are in the pack', problems, `${Object.keys(exportsField).length} subpaths, ${targets} targets`);
}

// (f) customElements.
check(
  '(f) package.json "customElements" is custom-elements.json',
  pkg.customElements === 'custom-elements.json' ? [] : [`it is ${JSON.stringify(pkg.customElements)}`],
);

const passed = results.filter(Boolean).length;
const failed = results.length - passed;
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
