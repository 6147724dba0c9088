#!/usr/bin/env node
/**
 * custom-elements.json is generated from the elements' JSDoc (`npm run analyze`) and committed so
 * editors and Storybook find it in the package; this fails when it is stale, and checks that the
 * README's attribute and event tables name what the manifest declares.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

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
  const manifest = JSON.parse(fresh);
  const readme = readFileSync('README.md', 'utf8');
  const wizard = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'reinscription-wizard');
  for (const attr of wizard?.attributes ?? []) {
    if (!readme.includes(`\`${attr.name}\``)) {
      console.error(`README: the attribute \`${attr.name}\` of <reinscription-wizard> is not documented.`);
      ok = false;
    }
  }
  for (const event of wizard?.events ?? []) {
    if (!readme.includes(`\`${event.name}\``)) {
      console.error(`README: the event \`${event.name}\` of <reinscription-wizard> is not documented.`);
      ok = false;
    }
  }
  if (ok) console.log('custom-elements.json is up to date and the README documents the wizard API.');
  process.exitCode = ok ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
