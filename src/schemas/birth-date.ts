import * as z from 'zod/mini';
import type { MessageId } from '../i18n/index.js';
import { ageOn } from './age.js';
import { requiredCheck, whenTyped } from './text.js';

export { ageOn };

/**
 * Dates of birth typed in French order: three fields Jour / Mois / Année, or one text
 * « 14/03/1985 » (also with spaces, dots or dashes, « 14031985 », or the month in letters,
 * « 14 mars 1985 »). The result is an ISO date, checked against the calendar (no 31/02), the past
 * and a plausible age. « Today » is the server's date in Paris, never the visitor's clock.
 */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export interface BirthDateMessages {
  required?: MessageId;
  incomplete: MessageId;
  year: MessageId;
  real: MessageId;
  past: MessageId;
  tooYoung: MessageId;
  tooOld: MessageId;
}

const MONTHS: readonly (readonly string[])[] = [
  ['janvier', 'janv', 'jan'],
  ['fevrier', 'fevr', 'fev'],
  ['mars', 'mar'],
  ['avril', 'avr'],
  ['mai'],
  ['juin'],
  ['juillet', 'juil'],
  ['aout'],
  ['septembre', 'sept', 'sep'],
  ['octobre', 'oct'],
  ['novembre', 'nov'],
  ['decembre', 'dec'],
];

/** « 3 », « 03 », « mars », « Mars. », « févr » → « 3 »; anything else is kept for the checks to refuse. */
function monthNumber(value: string): string {
  const folded = value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\.$/, '');
  const index = MONTHS.findIndex((names) => names.includes(folded));
  return index >= 0 ? String(index + 1) : value;
}

/** The typed parts of one date text ('' for a missing part), or null when it has too many parts. */
export function splitDateText(text: string): DateParts | null {
  const v = text.normalize('NFKC').trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v);
  if (iso) return { day: iso[3] ?? '', month: iso[2] ?? '', year: iso[1] ?? '' };
  const packed = /^(\d{2})(\d{2})(\d{4})$/.exec(v);
  if (packed) return { day: packed[1] ?? '', month: packed[2] ?? '', year: packed[3] ?? '' };
  const [day = '', month = '', year = '', ...extra] = v.split(/\s*[/.\-\s]+\s*/u);
  return extra.length ? null : { day, month, year };
}

/**
 * The three fields as one text for the schema. A whole date pasted into « Jour » (the others
 * empty) is taken as typed: the parent should not have to split it by hand.
 */
export function joinDateParts(parts: DateParts): string {
  const day = parts.day.trim();
  const month = parts.month.trim();
  const year = parts.year.trim();
  if (!day && !month && !year) return '';
  if (!month && !year) return day;
  return `${day}/${month}/${year}`;
}

const daysIn = (month: number, year: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

type DateProblem = 'required' | 'incomplete' | 'year' | 'real' | null;

function problemOf(text: string): DateProblem {
  if (text.trim() === '') return 'required';
  const parts = splitDateText(text);
  if (!parts) return 'real';
  const { day, month, year } = parts;
  if (!day || !month || !year) return 'incomplete';
  const m = monthNumber(month);
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(m)) return 'real';
  if (!/^\d{4}$/.test(year)) return 'year';
  const d = Number(day);
  const mo = Number(m);
  const y = Number(year);
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(mo, y)) return 'real';
  return null;
}

/** The ISO date of a text problemOf accepted. */
function toIso(text: string): string {
  const { day, month, year } = splitDateText(text) ?? { day: '', month: '', year: '' };
  return `${year}-${pad(Number(monthNumber(month)))}-${pad(Number(day))}`;
}

/** The ISO date of typed parts, or null when they are not a real date: for live previews. */
export function partsToIso(parts: DateParts): string | null {
  const text = joinDateParts(parts);
  return problemOf(text) === null ? toIso(text) : null;
}

/** ISO → the three fields, as prefilled. */
export function isoToParts(iso: string | null): DateParts {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  return m ? { day: m[3] ?? '', month: m[2] ?? '', year: m[1] ?? '' } : { day: '', month: '', year: '' };
}

/** « 14/03/1985 »: how a date reads in French. */
export const formatIsoDate = (iso: string) => {
  const { day, month, year } = isoToParts(iso);
  return day ? `${day}/${month}/${year}` : iso;
};

/**
 * A date of birth, from « JJ/MM/AAAA » text or joinDateParts(), to an ISO date. `minAge` and
 * `maxAge` are full years on `today`: an adult guardian is 18, a student at least 3, nobody 110+.
 */
export const birthDate = (m: BirthDateMessages, o: { today: string; minAge: number; maxAge: number }) =>
  z.string({ error: m.real }).check(
    z.overwrite((v: string) => v.trim()),
    ...requiredCheck(m.required),
    ...(['incomplete', 'real', 'year'] as const).map((problem) => whenTyped((v) => problemOf(v) !== problem, m[problem])),
    z.overwrite((v: string) => (v === '' ? '' : toIso(v))),
    whenTyped((v) => v <= o.today, m.past),
    whenTyped((v) => ageOn(v, o.today) >= o.minAge, m.tooYoung),
    whenTyped((v) => ageOn(v, o.today) <= o.maxAge, m.tooOld),
  );
