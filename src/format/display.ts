import { t } from '../i18n/index.js';
import { formatIsoDate } from '../schemas/birth-date.js';
import { departementLabel } from '../schemas/departement.js';
import { formatPhone as groupedPhone } from '../schemas/phone.js';
import '../i18n/fr/steps-catalogue.js';

/**
 * How a stored value reads, in one place for step 1 (its lists and « Éléments modifiés ») and the
 * recap, so the parent reads a phone, a date, a country or a département the same way on both.
 */

/** A stored French number (E.164 under +33), the only kind the recap regroups. */
const FRENCH_E164 = /^\+33\d{9}$/;

/**
 * « 06 12 34 56 78 ». Step 1 groups other countries' numbers after their code (« +41 79 123 45 67 »);
 * `{ foreign: 'stored' }` keeps them as stored (« +41791234567 »), which is what the recap has
 * always shown: a visible change the refactor of issue 10 was asked not to make.
 */
export function formatPhone(stored: string, o: { foreign?: 'grouped' | 'stored' } = {}): string {
  if (o.foreign === 'stored' && !FRENCH_E164.test(stored)) return stored;
  return groupedPhone(stored);
}

/** 2014-05-09 → 09/05/2014: a calendar date, so no time-zone arithmetic. Anything else as stored. */
export const formatDate = (iso: string): string => formatIsoDate(iso);

// Intl.DisplayNames is costly to build and the country list names ~200 codes: one per locale.
const regionNames = new Map<string, Intl.DisplayNames | null>();

function regions(locale: string): Intl.DisplayNames | null {
  if (!regionNames.has(locale)) {
    let names: Intl.DisplayNames | null = null;
    try {
      names = new Intl.DisplayNames([locale], { type: 'region' });
    } catch {
      // A browser without Intl.DisplayNames, or an unknown locale: codes are shown as they are.
    }
    regionNames.set(locale, names);
  }
  return regionNames.get(locale) ?? null;
}

/** « CH » → « Suisse », named by the browser so names stay current without shipping them. */
export function countryName(code: string, locale = 'fr'): string {
  try {
    return regions(locale)?.of(code) ?? code;
  } catch {
    // `of()` throws on a malformed code (an old record's « France »): show what is stored.
    return code;
  }
}

/**
 * « 69 – Rhône », « Côte-d’Or », « Né(e) à l’étranger »: as step 1's list and the recap name them,
 * in French typography (a no-break space before the en dash, so the code never ends a line alone, and
 * ’ for the apostrophe), whatever the list's own spelling (schemas/departement.ts).
 */
export const departementName = (code: string): string =>
  departementLabel(code, t('coordinates.birthDepartment.abroad')).replace(/ – /g, '\u00a0– ').replace(/'/g, '’');

export const yesNo = (value: boolean): string => (value ? t('common.yes') : t('common.no'));

/** Oui / Non as the options of a yes/no question (stored as « oui » / « non »). */
export const yesNoOptions = () => [
  { value: 'oui', label: yesNo(true) },
  { value: 'non', label: yesNo(false) },
];

/** A code from a reference list by its label; a legacy value (« Mademoiselle ») is shown as stored. */
export const listLabel = (items: readonly { code: string; label: string }[], code: string): string => items.find((i) => i.code === code)?.label ?? code;
