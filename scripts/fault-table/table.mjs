/**
 * README's fault table, from the results alone (.fault-table.json): rows are the calls (where the
 * parent makes them), columns the faults, each cell ✓/✗ and the behaviour seen; « — » where the
 * fault does not apply, its reason in a footnote. Deterministic: the same results give the same
 * Markdown, so `--check` can compare it with the README.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const START = '<!-- fault-table:start -->';
export const END = '<!-- fault-table:end -->';

const SUPERSCRIPTS = ['¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

/** A hash of the files that define the cells: results from other cells are stale. */
export function cellsHash(dir) {
  const h = createHash('sha256');
  for (const f of ['cells.mjs', 'calls.mjs', 'run-cell.mjs']) h.update(readFileSync(join(dir, f)));
  return h.digest('hex').slice(0, 16);
}

/** A hash of the built bundle the cells ran on (null when dist/ is not built). */
export function distHash(root) {
  const dir = join(root, 'dist');
  if (!existsSync(dir)) return null;
  const h = createHash('sha256');
  for (const f of readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .sort())
    h.update(f).update(readFileSync(join(dir, f)));
  return h.digest('hex').slice(0, 16);
}

/**
 * @param {{ faults: {name: string, label: string}[], rows: {route: string, method: string, path: string, screen: string, action: string}[],
 *           cells: {route: string, fault: string, ok?: boolean, codes?: string[], notApplicable?: string}[] }} results
 */
export function renderTable(results) {
  const { faults, rows, cells } = results;
  const byKey = new Map(cells.map((c) => [`${c.route} ${c.fault}`, c]));
  const reasons = [...new Set(cells.filter((c) => c.notApplicable).map((c) => c.notApplicable))];
  const mark = (reason) => SUPERSCRIPTS[reasons.indexOf(reason)] ?? `(${reasons.indexOf(reason) + 1})`;
  const run = cells.filter((c) => !c.notApplicable);
  const passed = run.filter((c) => c.ok).length;
  const cell = (c) => {
    if (!c) return '?';
    if (c.notApplicable) return `—${mark(c.notApplicable)}`;
    return `${c.ok ? '✓' : '✗'} ${(c.codes ?? []).join(' · ')}`.trim();
  };
  const lines = [
    `| Call (where the parent makes it) | ${faults.map((f) => f.label).join(' | ')} |`,
    `| --- | ${faults.map(() => '---').join(' | ')} |`,
    ...rows.map(
      (r) => `| \`${r.route}\` ${r.method} ${r.path}<br>${r.screen}, ${r.action} | ${faults.map((f) => cell(byKey.get(`${r.route} ${f.name}`))).join(' | ')} |`,
    ),
  ];
  const legend = [
    '',
    `${cells.length} cells: ${run.length} apply, ${passed} pass, ${run.length - passed} fail; ${cells.length - run.length} do not apply (« — »).`,
    '',
    'Legend: ✓ the cell passes (the French message, what was typed kept, the retry works, no error from the widget), ✗ it does not.',
    '**alert**: a visible `role="alert"` says what happened in French (« + status »: and a `role="status"` says where the save stands);',
    '**field errors**: a 422 marks the refused fields on the step (the error summary and next to each field), not an alert;',
    '**login**: the login shows over the screen (session expired); **status**: a `role="status"` only (logged out: the tab forgets the session and the journey whatever the server says);',
    '**gone**: the piece is no longer listed (a 404 on « Supprimer » means it was deleted already);',
    '**kept**: what was typed is still in the fields and in the tab (sessionStorage), **lost**: it is not;',
    '**↻ auto**: the widget tried again by itself (its timer; after a Retry-After of 30 s, which the cell does not wait for, the browser’s `online` event); **Réessayer**: a « Réessayer » button did;',
    '**↻ again**: doing the same thing again worked; **↻ relogin**: logging in again (the password only) and going on worked; **↻ reload**: reloading the page did.',
    'On a ✗: **no alert** / **other alert** (not the expected message), **no status**, **not retried**, **asks password**, **no login**, **left step**,',
    '**retried early** (a call before Retry-After), **console error**, **id missing** (the catalogue lacks the expected message), **not ready**, **action failed**.',
    'Each cell starts from a mock fixture and a journey snapshot in sessionStorage (no login replayed); details of every cell are in `.fault-table.json`.',
    '',
    ...reasons.map((r) => `${mark(r)} ${r}.`),
  ];
  return [...lines, ...legend].join('\n');
}

/** The README with its section replaced by `table`. */
export function withTable(readme, table) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${START} … ${END} section`);
  return `${readme.slice(0, start + START.length)}\n${table}\n${readme.slice(end)}`;
}

/** The section as it stands in the README. */
export function tableIn(readme) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) return null;
  return readme
    .slice(start + START.length, end)
    .replace(/^\n/, '')
    .replace(/\n$/, '');
}
