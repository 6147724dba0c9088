import { expect } from '@open-wc/testing';
import { foreignPostcode, frenchPostcode, isFrenchPostcode } from '../../src/schemas/postcode.js';
import { outcome } from './helpers.js';

const required = frenchPostcode({
  required: 'validation.guardian.postalCode.required',
  format: 'validation.guardian.postalCode.format',
  unknown: 'validation.guardian.postalCode.unknown',
});
const optional = frenchPostcode({ format: 'validation.student.postalCode.format', unknown: 'validation.student.postalCode.unknown' });
const abroad = foreignPostcode({ format: 'validation.guardian.postalCode.abroad' });

describe('schemas/postcode', () => {
  const accepted: [string, string, string][] = [
    ['69760', '69760', 'Limonest'],
    ['69 760', '69760', 'typed with a space'],
    ['01000', '01000', 'Ain'],
    ['20000', '20000', 'Ajaccio, Corse-du-Sud'],
    ['20200', '20200', 'Bastia, Haute-Corse'],
    ['97100', '97100', 'Guadeloupe'],
    ['97400', '97400', 'La Réunion'],
    ['97600', '97600', 'Mayotte'],
    ['98000', '98000', 'Monaco'],
    ['98600', '98600', 'Wallis-et-Futuna'],
    ['98700', '98700', 'Polynésie française'],
    ['98800', '98800', 'Nouvelle-Calédonie'],
    ['69561', '69561', 'a CEDEX code'],
  ];
  for (const [input, stored, why] of accepted) {
    it(`accepts ${input} (${why})`, () => {
      expect(outcome(required, input)).to.deep.equal({ value: stored });
      expect(isFrenchPostcode(input)).to.equal(true);
    });
  }

  const rejected: [string, string][] = [
    ['', 'validation.guardian.postalCode.required'],
    ['6976', 'validation.guardian.postalCode.format'],
    ['ABCDE', 'validation.guardian.postalCode.format'],
    ['697600', 'validation.guardian.postalCode.format'],
    ['69760 Limonest', 'validation.guardian.postalCode.format'],
    ['00123', 'validation.guardian.postalCode.unknown'],
    ['96000', 'validation.guardian.postalCode.unknown'],
    ['99000', 'validation.guardian.postalCode.unknown'],
  ];
  for (const [input, error] of rejected) {
    it(`refuses « ${input} » with ${error}`, () => {
      expect(outcome(required, input)).to.deep.equal({ error });
    });
  }

  it('an optional postcode may be left empty', () => {
    expect(outcome(optional, '')).to.deep.equal({ value: '' });
    expect(outcome(optional, '6976')).to.deep.equal({ error: 'validation.student.postalCode.format' });
  });

  describe('abroad, the French rule does not apply', () => {
    for (const [input, stored] of [
      ['1200', '1200'],
      ['SW1A 1AA', 'SW1A 1AA'],
      ['d02 x285', 'D02 X285'],
      ['L-1450', 'L-1450'],
      ['', ''],
    ] as const) {
      it(`accepts « ${input} »`, () => expect(outcome(abroad, input)).to.deep.equal({ value: stored }));
    }
    for (const input of ['<1200>', '1234567890123', '12#4']) {
      it(`refuses « ${input} »`, () => expect(outcome(abroad, input)).to.deep.equal({ error: 'validation.guardian.postalCode.abroad' }));
    }
  });
});
