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
  return { check, skip, finish, counts };
}
