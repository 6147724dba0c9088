#!/usr/bin/env node
/**
 * The npm package's modules: lib/ holds ES modules and type declarations compiled from src/ by tsc,
 * importing lit, @lit/task and zod as dependencies (the self-contained bundle is dist/).
 * The compression worker is referenced as a .ts file in the sources (Vite and the test server
 * compile it on the fly); in lib/ it is the compiled .js beside its importer.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

rmSync('lib', { recursive: true, force: true });
execFileSync('npx', ['tsc', '-p', 'tsconfig.lib.json'], { stdio: 'inherit' });

const file = 'lib/files/compress.js';
const source = readFileSync(file, 'utf8');
const patched = source.replace("new URL('./compress.worker.ts', import.meta.url)", "new URL('./compress.worker.js', import.meta.url)");
if (patched === source) throw new Error(`${file}: the worker URL to rewrite was not found`);
writeFileSync(file, patched);

// The `./bundle` export's types: dist/reinscription-wizard.js is built from src/bundle.ts, so its
// declarations are lib/bundle.d.ts. Written after `vite build` (which empties dist/).
mkdirSync('dist', { recursive: true });
writeFileSync(
  'dist/reinscription-wizard.d.ts',
  '// Types of reinscription-wizard.js (the `reinscription-wizard/bundle` export), built from src/bundle.ts as lib/bundle.js is.\n' +
    "export * from '../lib/bundle.js';\n",
);

// Every path the package exports must exist.
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const targets = Object.values(pkg.exports).flatMap((v) => (typeof v === 'string' ? [v] : Object.values(v)));
const missing = targets.filter((t) => !t.includes('dist/') && !existsSync(t));
if (missing.length) throw new Error(`package.json exports missing files: ${missing.join(', ')}`);
console.log(`lib/ built; ${targets.length} export targets checked.`);
