/**
 * The data the plugin's PHP backend reads, generated from the widget's own sources so the two never drift:
 * - wordpress/reinscription-wizard/data/openapi.json: a copy of the contract (the Validator checks requests and answers
 *   against it);
 * - wordpress/reinscription-wizard/data/campaign-defaults.json: the mock seed's Campaign (the manual's texts, lists,
 *   document types, payment modes, authorisations, English translations) without what the server computes (dates,
 *   serverNow, isOpen, schoolYear). Years follow the configured school year: the seed is built for an unlikely start
 *   year and its years are written as {{Y-1}}, {{Y}}, {{Y+1}}, which Campaign.php replaces.
 *
 * Run: npx tsx scripts/wordpress/backend-data.ts        (writes both files)
 *      npx tsx scripts/wordpress/backend-data.ts --check (exit 1 when the committed files are stale)
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createStore } from '../../src/mocks/store.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dataDir = resolve(root, 'wordpress/reinscription-wizard/data');

/** No real campaign is this far ahead, so these numbers can only be the seed's years. */
const START = 2091;
const PLACEHOLDERS: Record<string, string> = { [START - 1]: '{{Y-1}}', [START]: '{{Y}}', [START + 1]: '{{Y+1}}' };
const YEAR = new RegExp(`\\b(${START - 1}|${START}|${START + 1})\\b`, 'g');

function withPlaceholders(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(YEAR, (y) => PLACEHOLDERS[y] ?? y);
  if (Array.isArray(value)) return value.map(withPlaceholders);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withPlaceholders(v)]));
  return value;
}

function campaignDefaults(): string {
  const store = createStore({ schoolYear: `${START}-${START + 1}` });
  const { opensAt, closesAt, documentsUntil, serverNow, isOpen, schoolYear, ...rest } = store.campaign();
  void [opensAt, closesAt, documentsUntil, serverNow, isOpen, schoolYear];
  const out = withPlaceholders(rest);
  const left = JSON.stringify(out).match(/\b209\d\b/g);
  if (left) throw new Error(`campaign-defaults: years left without a placeholder: ${left.join(', ')}`);
  return `${JSON.stringify(out, null, 2)}\n`;
}

const files: Record<string, string> = {
  'openapi.json': readFileSync(resolve(root, 'openapi.json'), 'utf8'),
  'campaign-defaults.json': campaignDefaults(),
};

const check = process.argv.includes('--check');
let stale = 0;
for (const [name, content] of Object.entries(files)) {
  const path = resolve(dataDir, name);
  let current: string | null = null;
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    current = null;
  }
  if (current === content) continue;
  if (check) {
    console.error(`stale: wordpress/reinscription-wizard/data/${name} (run npm run backend-data)`);
    stale++;
  } else {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(path, content);
    console.log(`wrote wordpress/reinscription-wizard/data/${name}`);
  }
}
if (check) {
  if (stale) process.exit(1);
  console.log('backend data up to date');
}
