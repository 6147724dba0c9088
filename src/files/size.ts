import { intlLocale, t } from '../i18n/index.js';
// Its strings (common.size.*) travel with the steps, which are its only users.
import '../i18n/fr/steps-catalogue.js';

/**
 * File sizes as each language writes them: « 5,3 Mo », « 850 Ko », « 12 octets » in French,
 * "5.3 MB", "850 KB", "12 bytes" in English (the unit words are the catalogue's, the figures Intl's).
 * Binary units (1 Mo = 1 048 576 octets), because the campaign's « 2 Mo » limit is counted that way
 * by the backend: a file shown as « 2 Mo » must never be refused as over « 2 Mo ».
 */

export const KO = 1024;
export const MO = 1024 * 1024;

type Rounding = 'nearest' | 'up';

function round(value: number, digits: number, rounding: Rounding): number {
  const f = 10 ** digits;
  return rounding === 'up' ? Math.ceil(value * f - 1e-9) / f : Math.round(value * f) / f;
}

function number(value: number, digits: number): string {
  // No grouping: « 1 000 Ko » never happens (we switch to Mo), and a lone narrow space would look odd.
  return new Intl.NumberFormat(intlLocale(), { maximumFractionDigits: digits, useGrouping: false }).format(value);
}

export interface SizeFormat {
  /** Decimal places for Mo (default 1). Ko are always whole. */
  digits?: number;
  /** 'up' for a size compared with a limit, so an oversized file never reads as equal to it. */
  rounding?: Rounding;
  /** Forces the unit, e.g. to print « 0,3 Mo sur 1,4 Mo » rather than mixing units. */
  unit?: 'Mo' | 'Ko';
}

export function formatSize(bytes: number, options: SizeFormat = {}): string {
  const rounding = options.rounding ?? 'nearest';
  const digits = options.digits ?? 1;
  const b = Math.max(0, bytes);
  if (!options.unit && b < KO) return t('common.size.bytes', { n: b, value: number(b, 0) });
  const ko = round(b / KO, 0, rounding);
  if (options.unit === 'Ko' || (!options.unit && ko < 1000)) return t('common.size.kb', { value: number(ko, 0) });
  return t('common.size.mb', { value: number(round(b / MO, digits, rounding), digits) });
}

/**
 * A size and the limit it exceeds, worded so they never read the same: « 2,005 Mo » rather than
 * « 2 Mo » against « 2 Mo ». More decimals only when needed; rounded up as a last resort.
 */
export function formatOverLimit(size: number, limit: number): { size: string; limit: string } {
  const limitText = formatSize(limit);
  for (let digits = 1; digits <= 3; digits += 1) {
    const sizeText = formatSize(size, { digits });
    if (sizeText !== limitText) return { size: sizeText, limit: limitText };
  }
  return { size: formatSize(size, { digits: 3, rounding: 'up' }), limit: limitText };
}

/**
 * « 0,8 Mo sur 1,4 Mo », both in the unit of the total so the two figures compare at a glance.
 * A file under 1 Ko counts in octets (« 300 octets sur 600 octets », never « 0 Ko sur 0 Ko »), and
 * the part sent of a file in Ko reads « moins de 1 Ko » until a whole Ko is sent (never « 0 Ko » once
 * something went).
 */
export function formatProgress(loaded: number, total: number): { loaded: string; total: string } {
  const sent = Math.max(0, Math.min(loaded, total));
  if (total < KO) return { loaded: formatSize(sent), total: formatSize(total) };
  const unit = total >= 1000 * KO ? 'Mo' : 'Ko';
  const small = unit === 'Ko' && sent > 0 && sent < KO;
  return { loaded: small ? t('common.size.lessThan1Ko') : formatSize(sent, { unit }), total: formatSize(total, { unit }) };
}
