/**
 * The contract suite's own tiny runner: tests run one after the other (they share one backend),
 * each after a reset of that backend through the control interface, and the run ends with the
 * `N passed, N failed` line scripts/test.mjs counts. Not mocha nor node:test: the files are named
 * *.contract.ts so that web-test-runner (test/**\/*.test.ts) never loads them in a browser, and one
 * process keeps the run well under a minute on either backend.
 */

export type TestFn = () => Promise<void>;

interface Case {
  area: string;
  name: string;
  fn: TestFn;
}

const cases: Case[] = [];
let area = '';

/** The area (file) the next tests belong to; the runner sets it before importing each file. */
export function setArea(name: string): void {
  area = name;
}

export function test(name: string, fn: TestFn): void {
  cases.push({ area, name, fn });
}

/** Thrown by a test that cannot run on this backend (a fault it does not offer): counted as skipped. */
export class Skip extends Error {}

export function skip(reason: string): never {
  throw new Skip(reason);
}

export interface RunOptions {
  /** Runs before each test: back to the seed. */
  beforeEach: () => Promise<void>;
  /** Only the tests whose « area › name » matches. */
  grep?: RegExp;
  timeoutMs?: number;
  log?: (line: string) => void;
}

export interface RunResult {
  passed: number;
  failed: number;
  skipped: number;
  failures: string[];
}

function withTimeout(promise: Promise<void>, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<void>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function runCases(options: RunOptions): Promise<RunResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const result: RunResult = { passed: 0, failed: 0, skipped: 0, failures: [] };
  for (const c of cases) {
    const title = `${c.area} › ${c.name}`;
    if (options.grep && !options.grep.test(title)) continue;
    const started = performance.now();
    try {
      await withTimeout(
        options.beforeEach().then(() => c.fn()),
        options.timeoutMs ?? 30000,
      );
      result.passed += 1;
      log(`  ✔ ${title} (${Math.round(performance.now() - started)} ms)`);
    } catch (e) {
      if (e instanceof Skip) {
        result.skipped += 1;
        log(`  ﹣ ${title}: skipped, ${e.message}`);
        continue;
      }
      result.failed += 1;
      result.failures.push(title);
      log(`  ✖ ${title}`);
      log(
        String(e instanceof Error ? (e.stack ?? e.message) : e)
          .split('\n')
          .slice(0, 30)
          .map((l) => `      ${l}`)
          .join('\n'),
      );
    }
  }
  return result;
}

export const registeredCases = (): readonly Case[] => cases;
