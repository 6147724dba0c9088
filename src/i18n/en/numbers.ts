/** « 1,000 » rather than « 1000 »: counts the parent reads, the British way. */
export const count = (n: number): string => new Intl.NumberFormat('en-GB').format(n);

const rules = new Intl.PluralRules('en-GB');

/** English puts only 1 in the singular: « 1 character left », « 0 characters left ». */
export const plural = (n: number, one: string, many: string): string => (rules.select(n) === 'one' ? one : many);
