import { richTextToPlain } from '../api/blocks.js';
import type { PaymentMode } from '../api/contract.js';

const MONTHS = 'janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre';
const SINCE = new RegExp(`depuis\\s+((?:le\\s+\\d{1,2}(?:er)?\\s+)?(?:${MONTHS})\\s+\\d{4})`, 'iu');

/**
 * The date from which a change of bank account counts, as the payment mode's own text gives it
 * (« uniquement si vous avez changé de banque depuis septembre 2021 » → « septembre 2021 »), or
 * null when the text names none. The contract has no field for it (a `bankChangeSince` on
 * PaymentMode would be better): the question is worded from what the campaign says, so it never
 * disagrees with the explanation printed next to it.
 */
export function bankChangeSince(mode: Pick<PaymentMode, 'explanation'> | undefined): string | null {
  if (!mode) return null;
  const found = SINCE.exec(richTextToPlain(mode.explanation).replace(/\s+/g, ' '));
  return found?.[1] ?? null;
}
