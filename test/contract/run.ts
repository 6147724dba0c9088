import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { API, CONTROL } from './config.js';
import { control } from './control.js';
import { registeredCases, runCases, setArea, type RunResult } from './harness.js';

/**
 * Loads every *.contract.ts of this folder (one per area, so a new file is run without being
 * listed anywhere), then runs the tests one by one, each after a reset of the backend.
 */
export async function runContract(options: { grep?: RegExp } = {}): Promise<RunResult> {
  const dir = fileURLToPath(new URL('.', import.meta.url));
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.contract.ts'))
    .sort();
  for (const file of files) {
    setArea(file.replace(/\.contract\.ts$/, ''));
    await import(pathToFileURL(`${dir}${file}`).href);
  }
  console.log(`Contract suite: ${registeredCases().length} tests in ${files.length} files\n  API     ${API}\n  CONTROL ${CONTROL}`);
  const started = performance.now();
  const result = await runCases({ beforeEach: () => control.reset(), grep: options.grep });
  // Leave the backend as the seed, for whoever uses it next.
  await control.reset().catch(() => undefined);
  console.log(`\nContract suite: ${Math.round(performance.now() - started)} ms`);
  if (result.failures.length) console.log(`Failed:\n${result.failures.map((f) => `  ${f}`).join('\n')}`);
  console.log(`\n${result.passed} passed, ${result.failed} failed${result.skipped ? `, ${result.skipped} skipped` : ''}`);
  return result;
}
