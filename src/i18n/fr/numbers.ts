/** « 1 000 » rather than « 1000 »: counts the parent reads. */
export const count = (n: number): string => new Intl.NumberFormat('fr-FR').format(n);

/** French puts 0 and 1 in the singular (« 0 caractère restant »), hence `< 2` rather than `=== 1`. */
export const plural = (n: number, one: string, many: string): string => (Math.abs(n) < 2 ? one : many);
