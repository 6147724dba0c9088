import { getLocale } from '../i18n/index.js';

/**
 * Campaign dates are Europe/Paris wall-clock times, whatever the visitor's own time zone:
 * « Jusqu’au 11/06/2023 à 23 h 59 » must read the same from New York.
 */
const TZ = 'Europe/Paris';

const dateFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: TZ, day: '2-digit', month: '2-digit', year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: TZ, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

export function parisDate(iso: string | Date): string {
  return dateFormat.format(new Date(iso));
}

/**
 * The widget's one way of writing a time, on every screen (the home, the steps, the save status, the
 * deadline warning, the pieces' table): in French « 23 h 59 », « 9 h 05 », the Imprimerie nationale's
 * form for a time in running text, with a no-break space (U+00A0) on each side of « h » so it never
 * breaks across lines, and the hour without a leading zero; in English « 23:59 ».
 */
export function parisTime(iso: string | Date): string {
  const [hours = '', minutes = ''] = timeFormat.format(new Date(iso)).replace(/\s/g, '').split(':');
  return getLocale() === 'en' ? `${hours}:${minutes}` : `${Number(hours)}\u00a0h\u00a0${minutes}`;
}

/** The offset of Paris time from UTC at an instant, in minutes (60 in winter, 120 in summer). */
export function parisOffsetMinutes(at: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: TZ, timeZoneName: 'longOffset' }).formatToParts(at);
  const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT+01:00';
  const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

/** The instant of a Paris wall-clock time, e.g. parisInstant('2026-12-06', '23:59'). */
export function parisInstant(date: string, time: string): Date {
  const guess = new Date(`${date}T${time}:00Z`);
  const offset = parisOffsetMinutes(new Date(guess.getTime() - parisOffsetMinutes(guess) * 60000));
  return new Date(guess.getTime() - offset * 60000);
}

/** ISO string with the Paris offset, e.g. 2026-12-06T23:59:00+01:00. */
export function toParisIso(at: Date): string {
  const offset = parisOffsetMinutes(at);
  const local = new Date(at.getTime() + offset * 60000).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
