import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { api, controlBase } from './config.js';
import { control } from './control.js';
import { registeredCases, runCases, setArea, type RunResult } from './harness.js';

/**
 * Loads every *.contract.ts of this folder (one per area, so a new file is run without being
 * listed anywhere), then runs the tests one by one, each after a reset of the backend. Prints a
 * line per test and a summary whose count line is prefixed with `label` (scripts/contract.mjs
 * prints the one `N passed, N failed` line, summed over the backends it ran).
 */
export async function runContract(options: { grep?: RegExp; label?: string } = {}): Promise<RunResult> {
  const dir = fileURLToPath(new URL('.', import.meta.url));
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.contract.ts'))
    .sort();
  // Modules load once per process: a second run (another backend) reuses the tests registered by the first.
  for (const file of files) {
    setArea(file.replace(/\.contract\.ts$/, ''));
    await import(pathToFileURL(`${dir}${file}`).href);
  }
  const label = options.label ?? 'backend';
  console.log(`\nContract suite on ${label}: ${registeredCases().length} tests in ${files.length} files\n  API     ${api()}\n  CONTROL ${controlBase()}`);
  const started = performance.now();
  const result = await runCases({ beforeEach: () => control.reset(), grep: options.grep });
  // Leave the backend as the seed, for whoever uses it next.
  await control.reset().catch(() => undefined);
  if (result.failures.length) console.log(`Failed on ${label}:\n${result.failures.map((f) => `  ${f}`).join('\n')}`);
  const skipped = result.skipped ? `, ${result.skipped} skipped` : '';
  console.log(
    `Contract suite on ${label}: ${result.passed} passed, ${result.failed} failed${skipped} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return result;
}
