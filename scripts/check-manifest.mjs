#!/usr/bin/env node
/**
 * custom-elements.json is generated from the elements' JSDoc (`npm run analyze`) and committed so
 * editors and Storybook find it in the package; this fails when it is stale, and checks that the
 * README's attribute and event tables name what the manifest declares.
 *
 * It writes nothing in the working tree: the fresh manifest goes to a folder under the OS temp dir,
 * and the analyzer's package.json option is off (`packagejson: false` in
 * custom-elements-manifest.config.mjs), so package.json keeps "customElements": "custom-elements.json".
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { updateReadme } from './api-tables.mjs';

const config = (await import(new URL('../custom-elements-manifest.config.mjs', import.meta.url).href)).default;
if (config.packagejson !== false) {
  console.error('custom-elements-manifest.config.mjs must set `packagejson: false`: the analyzer would rewrite package.json.');
  process.exit(1);
}

const dir = mkdtempSync(join(tmpdir(), 'cem-check-'));
const packageJsonBefore = readFileSync('package.json', 'utf8');
try {
  // The analyzer joins --outdir onto the working directory, so an absolute path must be made relative.
  execFileSync('npx', ['custom-elements-manifest', 'analyze', '--outdir', relative(process.cwd(), dir), '--quiet'], { stdio: 'pipe' });
  const fresh = readFileSync(join(dir, 'custom-elements.json'), 'utf8');
  const committed = readFileSync('custom-elements.json', 'utf8');
  let ok = true;
  if (fresh !== committed) {
    console.error('custom-elements.json is stale: run `npm run analyze` and commit it.');
    ok = false;
  }
  const readme = readFileSync('README.md', 'utf8');
  if (updateReadme(readme, JSON.parse(fresh)) !== readme) {
    console.error('README.md: the API tables are out of date: run `node scripts/api-tables.mjs`.');
    ok = false;
  }
  if (readFileSync('package.json', 'utf8') !== packageJsonBefore) {
    console.error('package.json was modified by the analyzer: check `packagejson: false` in custom-elements-manifest.config.mjs.');
    ok = false;
  }
  if (ok) console.log('custom-elements.json and the README API tables are up to date.');
  process.exitCode = ok ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
