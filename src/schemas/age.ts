/**
 * Age rules of the conservatory: a student is an adult when 18 or more on 1 September of the
 * school year (« 2026-2027 » → 1 September 2026). Dates are ISO calendar dates (no time zone).
 */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export function schoolYearStart(schoolYear: string): string {
  return `${schoolYear.slice(0, 4)}-09-01`;
}

export function isAdultForSchoolYear(birthDate: string | null | undefined, schoolYear: string): boolean {
  return !!birthDate && ageOn(birthDate, schoolYearStart(schoolYear)) >= 18;
}
