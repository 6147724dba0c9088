/**
 * The checks' report of the scripts that run outside web-test-runner: a line per check, then
 * `N passed, N failed` (`, N skipped`) alone on the last line, which scripts/test.mjs and CI read.
 */
export function createReport() {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  const check = (name, ok, detail) => {
    counts[ok ? 'passed' : 'failed'] += 1;
    console.log(`  ${ok ? '✓' : '✗'} ${name}${!ok && detail ? `\n      ${String(detail).split('\n').join('\n      ')}` : ''}`);
    return ok;
  };
  /** Something that could not be tried: said plainly, never counted as passed. */
  const skip = (why, n = 1) => {
    counts.skipped += n;
    console.log(`skipped: ${why}`);
  };
  const finish = () => {
    console.log(`\n${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}`);
    process.exit(counts.failed ? 1 : 0);
  };
  /** Runs fn; a throw is a failed check. Returns fn's value (undefined on failure). */
  const step = async (name, fn) => {
    try {
      const value = await fn();
      check(name, true);
      return value;
    } catch (e) {
      check(name, false, e instanceof Error ? e.message : String(e));
      return undefined;
    }
  };
  return { check, skip, step, finish, counts };
}

/** A step's failure: thrown, so that `step` reports it with its message. */
export function assert(cond, message) {
  if (!cond) throw new Error(message);
}

/**
 * What a script started, stopped in reverse order at its end, also on Ctrl-C, SIGTERM and SIGHUP (then the
 * script exits with the signal's code). A failing stop is said and the others still run.
 */
export function createCleanups() {
  const cleanups = [];
  const defer = (what, fn) => cleanups.unshift([what, fn]);
  let cleaning;
  const cleanup = () =>
    (cleaning ??= (async () => {
      for (const [what, fn] of cleanups) {
        try {
          await fn();
        } catch (e) {
          console.error(`cleanup (${what}): ${e instanceof Error ? e.message : e}`);
        }
      }
    })());
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ]) {
    process.once(signal, () => {
      console.log(`\n${signal}: stopping the services…`);
      void cleanup().then(() => process.exit(code));
    });
  }
  return { defer, cleanup };
}
