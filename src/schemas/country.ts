import { countryName } from '../format/display.js';
import type { MessageId } from '../i18n/index.js';
import { listSchema } from './text.js';

/**
 * Countries of residence, ISO 3166-1 alpha-2 (the contract's Guardian.country). Only codes ship:
 * the browser's Intl.DisplayNames names them in French, which keeps the bundle small and the
 * names current. Overseas départements and collectivités are France, so they are not listed.
 */
export const FRANCE = 'FR';

const CODES =
  'AD AE AF AG AI AL AM AO AR AT AU AZ BA BB BD BE BF BG BH BI BJ BN BO BR BS BT BW BY BZ CA CD CF CG CH CI CL CM CN CO CR CU CV CY CZ ' +
  'DE DJ DK DM DO DZ EC EE EG ER ES ET FI FJ FM FR GA GB GD GE GH GM GN GQ GR GT GW GY HK HN HR HT HU ID IE IL IN IQ IR IS IT JM JO ' +
  'JP KE KG KH KI KM KN KP KR KW KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MG MH MK ML MM MN MR MT MU MV MW MX MY MZ NA NE NG NI ' +
  'NL NO NP NR NZ OM PA PE PG PH PK PL PS PT PW PY QA RO RS RU RW SA SB SC SD SE SG SI SK SL SM SN SO SR SS ST SV SY SZ TD TG TH TJ TL ' +
  'TM TN TO TR TT TV TW TZ UA UG US UY UZ VA VC VE VN VU WS XK YE ZA ZM ZW';

export const COUNTRY_CODES: readonly string[] = CODES.split(' ');

export { countryName };

/** France first, then every country by its French name. */
export function countryOptions(): { value: string; label: string }[] {
  const others = COUNTRY_CODES.filter((c) => c !== FRANCE)
    .map((c) => ({ value: c, label: countryName(c) }))
    .sort((a, b) => a.label.localeCompare(b.label, 'fr'));
  return [{ value: FRANCE, label: countryName(FRANCE) }, ...others];
}

export const country = (m: { required: MessageId; notInList: MessageId; keep?: string }) =>
  listSchema({ codes: COUNTRY_CODES, normalise: (v) => v.trim().toUpperCase(), ...m });
