#!/usr/bin/env node
/**
 * `npm run fault-table`: every call a parent makes × every fault the mock injects, one cell each,
 * on the built bundle (dist/, on a bare page) against the HTTP mock server (scripts/mock-server.ts,
 * another origin). The expectations are data (scripts/fault-table/cells.mjs); how each call is made
 * is scripts/fault-table/calls.mjs; one cell runs in scripts/fault-table/run-cell.mjs. Each cell
 * starts from a seeded state (a mock reset with a fixture, a session from POST /__mock/session and a
 * journey snapshot in sessionStorage), in a fresh incognito context; two cells run at once, each
 * against its own mock server.
 *
 * Builds nothing: run `npm run build` first (dist/ and lib/, whose catalogue gives the messages).
 * Prints one line per cell, the total time, then `N passed, N failed` alone on the last line; writes
 * .fault-table.json and rewrites README.md between the fault-table markers.
 *
 *   --no-write        results only (.fault-table.json), README untouched: what `npm test` runs
 *   --check           no browser: fails when README's table is not what .fault-table.json gives, or
 *                     when .fault-table.json is missing, partial, or from other cells or another dist/
 *   --only=a,b:c      only the rows (routes) a and b, and the cell b × c (README untouched)
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CALLS, expectation, FAULTS, NOT_APPLICABLE, TYPED } from './fault-table/cells.mjs';
import { loadCatalogue } from './fault-table/messages.mjs';
import { runCell } from './fault-table/run-cell.mjs';
import { cellsHash, distHash, renderTable, tableIn, withTable } from './fault-table/table.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIR = join(ROOT, 'scripts', 'fault-table');
const RESULTS = join(ROOT, '.fault-table.json');
const README = join(ROOT, 'README.md');
const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const PARALLEL = 2;
const args = process.argv.slice(2);
const only = args
  .find((a) => a.startsWith('--only='))
  ?.slice(7)
  .split(',');

const finish = (passed, failed) => {
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
};

if (args.includes('--check')) check();
else await run();

function check() {
  const fail = (why) => {
    console.log(`✗ README's fault table is stale: ${why}\n  Run \`npm run build && npm run fault-table\` and commit README.md.`);
    process.exit(1);
  };
  if (!existsSync(RESULTS)) fail('.fault-table.json is missing');
  const results = JSON.parse(readFileSync(RESULTS, 'utf8'));
  if (results.partial) fail('.fault-table.json comes from a partial run (--only)');
  if (results.cellsHash !== cellsHash(DIR)) fail('.fault-table.json is older than scripts/fault-table/cells.mjs (or calls.mjs, run-cell.mjs)');
  const dist = distHash(ROOT);
  if (dist && results.distHash !== dist) fail('dist/ was built again since .fault-table.json was written');
  const inReadme = tableIn(readFileSync(README, 'utf8'));
  if (inReadme === null) fail('README.md has no fault-table section');
  if (inReadme !== renderTable(results)) fail('README.md differs from what .fault-table.json gives');
  console.log('✓ README’s fault table is what .fault-table.json gives');
}

async function run() {
  const started = Date.now();
  if (!existsSync(CHROME)) {
    console.log(`skipped: the fault table needs Chromium (${CHROME} not found; set CHROME_PATH)`);
    process.exit(0);
  }
  for (const file of ['dist/reinscription-wizard.js', 'lib/i18n/index.js']) {
    if (!existsSync(join(ROOT, file))) {
      console.log(`  ✗ ${file} is built (run \`npm run build\` first)`);
      finish(0, 1);
    }
  }
  const catalogue = await loadCatalogue(ROOT);
  const { tsImport } = await import('tsx/esm/api');
  const mockModule = await tsImport('./fault-table/mock.ts', import.meta.url);
  const { routes, scenarioApplies } = mockModule;

  // Every pair, run or « — » with its reason.
  const cells = [];
  for (const call of CALLS) {
    for (const fault of FAULTS) {
      const wanted = !only || only.includes(call.route) || only.includes(`${call.route}:${fault.name}`);
      if (!scenarioApplies(fault.name, call.route))
        cells.push({ route: call.route, fault: fault.name, notApplicable: NOT_APPLICABLE[fault.name] ?? 'does not apply' });
      else if (wanted) cells.push({ route: call.route, fault: fault.name, todo: { call, fault, expect: expectation(call, fault) } });
    }
  }
  const todo = cells.filter((c) => c.todo);

  const { default: puppeteer } = await import('puppeteer-core');
  const { startStaticServer } = await import('./journey/static-server.mjs');
  const work = mkdtempSync(join(tmpdir(), 'reinscription-fault-table-'));
  const pdf = join(work, TYPED.fileName);
  writeFileSync(pdf, '%PDF-1.4\n% fault table\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
  const mocks = await Promise.all(Array.from({ length: PARALLEL }, () => mockModule.startCountedMock()));
  const barePage = (apiUrl) => `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Réinscriptions</title></head>
<body><main><h1>Réinscriptions au conservatoire</h1>
<reinscription-wizard api-url="${apiUrl}" contact-email="conservatoire@limonest.fr"></reinscription-wizard>
</main><script type="module" src="/dist/reinscription-wizard.js"></script></body>
</html>`;
  const site = await startStaticServer({
    routes: { '/dist/': join(ROOT, 'dist') },
    pages: Object.fromEntries(mocks.map((m, i) => [`/w${i}`, barePage(m.url)])),
  });
  const browser = await puppeteer.launch({
    executablePath: CHROME,
    headless: true,
    args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  const guardian = mocks[0].store.families.get(mockModule.DEMO_FAMILY_ID).guardian;
  const shared = {
    fixtures: { completeAnswers: mockModule.completeAnswers },
    demoFamilyId: mockModule.DEMO_FAMILY_ID,
    student: 'gianni',
    studentName: 'MOREAU Gianni',
    greeting: catalogue.t('home.greeting', { name: `${guardian.civilite} ${guardian.lastName} ${guardian.firstName}` }),
    password: TYPED.password,
    pdf,
  };

  console.log(`fault table: ${todo.length} cells on dist/ (${site.url}), ${PARALLEL} at once, mock servers ${mocks.map((m) => m.url).join(', ')}`);
  let passed = 0;
  let failed = 0;
  try {
    const queue = [...todo];
    await Promise.all(
      mocks.map(async (mock, i) => {
        const worker = { mock, pageUrl: `${site.url}/w${i}`, calls: mock.calls };
        for (let cell = queue.shift(); cell; cell = queue.shift()) {
          const result = await runCell({ browser, worker, cell: cell.todo, catalogue, shared });
          Object.assign(cell, result);
          delete cell.todo;
          if (result.ok) passed += 1;
          else failed += 1;
          const detail = result.ok ? '' : `\n      ${result.problems.join('\n      ')}${result.shown ? `\n      shown: « ${result.shown} »` : ''}`;
          console.log(`  ${result.ok ? '✓' : '✗'} ${cell.route} × ${cell.fault}: ${result.codes.join(' · ')} (${(result.ms / 1000).toFixed(1)} s)${detail}`);
        }
      }),
    );
  } finally {
    await browser.close().catch(() => undefined);
    await site.close().catch(() => undefined);
    for (const m of mocks) await m.close().catch(() => undefined);
    rmSync(work, { recursive: true, force: true });
  }

  const seconds = Math.round((Date.now() - started) / 1000);
  const results = {
    note: 'Written by scripts/fault-table.mjs; README.md’s fault table is generated from it.',
    cellsHash: cellsHash(DIR),
    distHash: distHash(ROOT),
    partial: !!only,
    seconds,
    faults: FAULTS.map((f) => ({ name: f.name, label: f.label })),
    rows: CALLS.map((c) => ({ route: c.route, method: routes[c.route].method, path: routes[c.route].path, screen: c.screen, action: c.action })),
    cells: cells.filter((c) => !c.todo),
  };
  writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  const write = !only && !args.includes('--no-write');
  if (write) writeFileSync(README, withTable(readFileSync(README, 'utf8'), renderTable(results)));
  const failing = results.cells.filter((c) => !c.notApplicable && !c.ok);
  if (failing.length) console.log(`\nfailing: ${failing.map((c) => `${c.route} × ${c.fault}`).join(', ')}`);
  console.log(`\n.fault-table.json written${write ? ', README.md’s table rewritten' : ' (README.md untouched)'}; total time ${seconds} s`);
  finish(passed, failed);
}
