import { expect } from '@open-wc/testing';
import { plural as frPlural } from '../../src/i18n/fr/numbers.js';
import { plural as enPlural } from '../../src/i18n/en/numbers.js';

describe('i18n/numbers', () => {
  // French is written out on the login path (its size has a budget): it must say what Intl says.
  const counts = [0, 1, 1.5, 1.99, 2, 3, 10, 21, 100, 1000, 1200, 1_000_000, -1, -2];

  it('puts a French count in the singular exactly when Intl.PluralRules("fr-FR") says « one »', () => {
    const rules = new Intl.PluralRules('fr-FR');
    for (const n of counts) expect(frPlural(n, 'one', 'other'), String(n)).to.equal(rules.select(n) === 'one' ? 'one' : 'other');
  });

  it('and an English one when Intl.PluralRules("en-GB") does', () => {
    const rules = new Intl.PluralRules('en-GB');
    for (const n of counts) expect(enPlural(n, 'one', 'other'), String(n)).to.equal(rules.select(n) === 'one' ? 'one' : 'other');
  });
});
