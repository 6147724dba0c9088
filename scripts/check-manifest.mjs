#!/usr/bin/env node
/**
 * custom-elements.json is generated from the elements' JSDoc (`npm run analyze`) and committed so
 * editors and Storybook find it in the package; this fails when it is stale, and checks that the
 * README's attribute and event tables name what the manifest declares.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { updateReadme } from './api-tables.mjs';

// The analyzer resolves --outdir against the working directory.
const dir = mkdtempSync('.cem-check-');
try {
  execFileSync('npx', ['custom-elements-manifest', 'analyze', '--outdir', dir, '--quiet'], { stdio: 'pipe' });
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
  if (ok) console.log('custom-elements.json and the README API tables are up to date.');
  process.exitCode = ok ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
