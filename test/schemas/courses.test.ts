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
      'L’information complémentaire doit faire au plus 1 000 caractères : raccourcissez-la de 3 caractères',
    );
    expect(additionalInfoError('x'.repeat(11), 10)).to.equal(
      'L’information complémentaire doit faire au plus 10\u00a0caractères\u00a0: raccourcissez-la de 1\u00a0caractère',
    );
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

  it('keeps the free text as typed, line breaks, tabs and emoji included, but refuses controls and bidi overrides', () => {
    const kept = 'Ligne 1\nLigne 2\tfin \u{1f468}\u200d\u{1f469}\u200d\u{1f467}';
    expect(outcome(additionalInfo(100), kept)).to.deep.equal({ value: kept });
    for (const input of ['a\u0000b', 'a\u001bb', '\u202eabc', 'a\u2067b\u2069', 'a\ud800']) {
      expect(outcome(additionalInfo(100), input)).to.deep.equal({ error: 'validation.controlCharacters' });
      expect(additionalInfoError(input, 100)).to.match(/caractères invisibles ou de contrôle/);
    }
  });

  it('counts the limit as zod and the contract do, an emoji as one character', () => {
    expect(additionalInfoError('\u{1f600}'.repeat(10), 10)).to.equal(undefined);
    expect(additionalInfoError('\u{1f600}'.repeat(12), 10)).to.equal(
      'L’information complémentaire doit faire au plus 10\u00a0caractères\u00a0: raccourcissez-la de 2\u00a0caractères',
    );
  });

  it('refuses an instrument or a day longer than the contract takes as typed, or holding a hidden character', () => {
    // Sent as typed: « Cor » and 200 spaces would be refused by the backend's 100 characters.
    expect(outcome(administrativeInstrument, `Cor${' '.repeat(200)}`)).to.deep.equal({ error: 'courses.administrative.instrument.tooLong' });
    expect(outcome(administrativeDay, 'Mercredi\u202e')).to.deep.equal({ error: 'validation.controlCharacters' });
    expect(outcome(administrativeDay, 'Mercredi \u{1f3b5}')).to.deep.equal({ value: 'Mercredi \u{1f3b5}' });
  });
});
