import { expect } from '@open-wc/testing';
import { additionalInfo, additionalInfoError, administrativeDay, administrativeErrors, administrativeInstrument } from '../../src/schemas/courses.js';
import { outcome } from './helpers.js';

describe('schemas/courses', () => {
  it('accepts a text up to the limit, even empty', () => {
    expect(additionalInfoError('', 10)).to.equal(undefined);
    expect(additionalInfoError('x'.repeat(10), 10)).to.equal(undefined);
  });

  it('says the limit and how much to cut', () => {
    expect(outcome(additionalInfo(10), 'x'.repeat(11))).to.deep.equal({ error: 'courses.additionalInfo.tooLong' });
    expect(additionalInfoError('x'.repeat(1003), 1000)?.replace(/\s/g, ' ')).to.equal(
      "L'information complémentaire doit faire au plus 1 000 caractères : raccourcissez-la de 3 caractères",
    );
    expect(additionalInfoError('x'.repeat(11), 10)).to.equal("L'information complémentaire doit faire au plus 10 caractères : raccourcissez-la de 1 caractère");
  });

  it('asks the instrument and the day once « Réinscription administrative » is checked, and only then', () => {
    const applies = { applies: true };
    expect(administrativeErrors({ administrativeReregistration: false }, applies)).to.deep.equal({});
    expect(administrativeErrors({ administrativeReregistration: true }, { applies: false })).to.deep.equal({});
    expect(administrativeErrors({ administrativeReregistration: true }, applies)).to.deep.equal({
      instrument: 'courses.administrative.instrument.required',
      day: 'courses.administrative.day.required',
    });
    expect(administrativeErrors({ administrativeReregistration: true, administrativeDetails: { instrument: ' - ', day: 'mercredi' } }, applies)).to.deep.equal({
      instrument: 'courses.administrative.instrument.required',
    });
    expect(administrativeErrors({ administrativeReregistration: true, administrativeDetails: { instrument: 'Cor', day: 'Samedi' } }, applies)).to.deep.equal(
      {},
    );
    expect(outcome(administrativeInstrument, 'x'.repeat(101))).to.deep.equal({ error: 'courses.administrative.instrument.tooLong' });
    expect(outcome(administrativeDay, 42)).to.deep.equal({ error: 'courses.administrative.day.required' });
  });
});
