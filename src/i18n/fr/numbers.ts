/** « 1 000 » rather than « 1000 »: counts the parent reads. */
export const count = (n: number): string => new Intl.NumberFormat('fr-FR').format(n);

const rules = new Intl.PluralRules('fr-FR');

/** French puts 0 and 1 (and 1,5) in the singular: « 0 caractère restant », « 1 seconde ». */
export const plural = (n: number, one: string, many: string): string => (rules.select(n) === 'one' ? one : many);
