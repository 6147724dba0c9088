import { expect } from '@open-wc/testing';
import { answered, authorisationErrors } from '../../src/schemas/authorisations.js';
import { outcome } from './helpers.js';

describe('schemas/authorisations', () => {
  it('asks each unanswered question, worded for an adult where it matters', () => {
    expect(authorisationErrors({ image: null, sortie: null }, { adult: false })).to.deep.equal({
      image: 'authorisations.image.required',
      sortie: 'authorisations.sortie.required',
    });
    expect(authorisationErrors({ image: 'non', sortie: undefined }, { adult: true })).to.deep.equal({ sortie: 'authorisations.sortie.adultRequired' });
  });

  it('accepts Oui and Non alike', () => {
    expect(authorisationErrors({ image: 'oui', sortie: 'non' }, { adult: false })).to.deep.equal({});
  });

  it('anything but oui / non is an unanswered question', () => {
    for (const value of ['', 'yes', 0, {}])
      expect(outcome(answered('authorisations.image.required'), value)).to.deep.equal({ error: 'authorisations.image.required' });
  });
});
