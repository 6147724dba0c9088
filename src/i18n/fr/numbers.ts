/** « 1 000 » rather than « 1000 »: counts the parent reads. */
export const count = (n: number): string => new Intl.NumberFormat('fr-FR').format(n);

/**
 * French puts 0 and 1 (and 1,5) in the singular: « 0 caractère restant », « 1 seconde ». That is
 * what Intl.PluralRules('fr-FR') says of every count shown (test/i18n/numbers.test.ts checks
 * the two agree); written out because this sits on the login path, whose size has a budget.
 */
export const plural = (n: number, one: string, many: string): string => (Math.abs(n) < 2 ? one : many);
