import { expect } from '@open-wc/testing';
import { countryName, departementName, formatDate, formatPhone, listLabel, yesNo } from '../../src/format/display.js';

describe('format/display', () => {
  describe('formatPhone', () => {
    it('writes French numbers by pairs', () => {
      expect(formatPhone('+33639980042')).to.equal('06 39 98 00 42');
      expect(formatPhone('+33639980042', { foreign: 'stored' })).to.equal('06 39 98 00 42');
    });

    it('groups other countries after their code, or keeps them as stored for the recap', () => {
      expect(formatPhone('+41791234567')).to.equal('+41 791 23 45 67');
      expect(formatPhone('+262692123456')).to.equal('+262 692 12 34 56');
      expect(formatPhone('+41791234567', { foreign: 'stored' })).to.equal('+41791234567');
    });

    it('shows what is not a phone as stored, and nothing as nothing', () => {
      expect(formatPhone('')).to.equal('');
      expect(formatPhone('le soir')).to.equal('le soir');
      expect(formatPhone('0639980042', { foreign: 'stored' })).to.equal('0639980042');
    });
  });

  it('formatDate reads an ISO date the French way, and leaves anything else as stored', () => {
    expect(formatDate('2014-05-09')).to.equal('09/05/2014');
    expect(formatDate('09/05/2014')).to.equal('09/05/2014');
    expect(formatDate('')).to.equal('');
  });

  it('countryName names a code in French, and shows an unknown or malformed code as stored', () => {
    expect(countryName('FR')).to.equal('France');
    expect(countryName('CH')).to.equal('Suisse');
    expect(countryName('France')).to.equal('France');
    expect(countryName('')).to.equal('');
  });

  it('countryName keeps one Intl.DisplayNames per locale', () => {
    const intl = Intl as { DisplayNames: typeof Intl.DisplayNames };
    const original = intl.DisplayNames;
    let built = 0;
    const Counting = class extends original {
      constructor(...args: ConstructorParameters<typeof Intl.DisplayNames>) {
        super(...args);
        built += 1;
      }
    };
    intl.DisplayNames = Counting as typeof Intl.DisplayNames;
    try {
      for (const code of ['DE', 'IT', 'ES']) countryName(code, 'en');
      expect(countryName('DE', 'en')).to.equal('Germany');
      expect(built).to.equal(1);
    } finally {
      intl.DisplayNames = original;
    }
  });

  it('departementName names a département as step 1 lists it', () => {
    expect(departementName('69')).to.equal('69\u00a0– Rhône');
    expect(departementName('2A')).to.equal('2A\u00a0– Corse-du-Sud');
    expect(departementName('99')).to.equal('Né(e) à l’étranger');
    expect(departementName('XX')).to.equal('XX');
  });

  it('yesNo and listLabel', () => {
    expect(yesNo(true)).to.equal('Oui');
    expect(yesNo(false)).to.equal('Non');
    const items = [{ code: 'MME', label: 'Madame' }];
    expect(listLabel(items, 'MME')).to.equal('Madame');
    expect(listLabel(items, 'Mademoiselle')).to.equal('Mademoiselle');
  });
});
