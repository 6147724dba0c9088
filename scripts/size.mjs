#!/usr/bin/env node
/**
 * `npm run size`: raw, gzip and brotli sizes of every file in dist/. With `--check` it fails when
 * the main module passes the guard rail (40 kB gzip; the goal is far lower).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const dir = 'dist';
const LIMIT_GZIP = 40 * 1024;
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;

let files;
try {
  files = readdirSync(dir).filter((f) => f.endsWith('.js') && statSync(join(dir, f)).isFile());
} catch {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(1);
}
let mainGzip = 0;
console.log(`${'file'.padEnd(40)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)} ${'brotli'.padStart(10)}`);
for (const f of files.sort()) {
  const buf = readFileSync(join(dir, f));
  const gz = gzipSync(buf, { level: 9 }).length;
  const br = brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  if (f === 'reinscription-wizard.js') mainGzip = gz;
  console.log(`${f.padEnd(40)} ${kb(buf.length).padStart(10)} ${kb(gz).padStart(10)} ${kb(br).padStart(10)}`);
}
console.log(`\nmain module gzip: ${kb(mainGzip)} (guard rail ${kb(LIMIT_GZIP)})`);
if (process.argv.includes('--check') && mainGzip > LIMIT_GZIP) {
  console.error('The main module is over the size guard rail.');
  process.exit(1);
}
