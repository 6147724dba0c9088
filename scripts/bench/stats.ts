/** Summaries and the printed layout of scripts/bench.ts. */

export interface Summary {
  n: number;
  median: number;
  min: number;
  max: number;
  p25: number;
  p75: number;
}

/** The q-quantile with linear interpolation between the two nearest ranks (numpy's default). */
function quantile(sorted: number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const below = sorted[lo] ?? 0;
  return below + ((sorted[Math.ceil(at)] ?? below) - below) * (at - lo);
}

export function summarise(values: number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length,
    median: quantile(sorted, 0.5),
    min: sorted[0] ?? NaN,
    max: sorted[sorted.length - 1] ?? NaN,
    p25: quantile(sorted, 0.25),
    p75: quantile(sorted, 0.75),
  };
}

export const ms = (x: number) => `${x.toFixed(0)} ms`;
export const mb = (x: number) => `${x.toFixed(2)} MB`;
export const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
export const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

/** Left-aligned columns, two spaces apart. */
export function printTable(rows: string[][]): void {
  const widths = (rows[0] ?? []).map((_, col) => Math.max(...rows.map((row) => (row[col] ?? '').length)));
  for (const row of rows)
    console.log(
      `  ${row
        .map((cell, col) => cell.padEnd(widths[col] ?? 0))
        .join('  ')
        .trimEnd()}`,
    );
}
