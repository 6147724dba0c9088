import { expect } from '@open-wc/testing';
import { formatOverLimit, formatProgress, formatSize, MO } from '../../src/files/size.js';
import { getLocale, setLocale } from '../../src/i18n/index.js';
import { loadLocale } from '../../src/i18n/load-locale.js';

describe('files/size', () => {
  it('writes sizes the French way', () => {
    expect(formatSize(5.3 * MO)).to.equal('5,3\u00a0Mo');
    expect(formatSize(2 * MO)).to.equal('2\u00a0Mo');
    expect(formatSize(850 * 1024)).to.equal('850\u00a0Ko');
    expect(formatSize(1.25 * MO)).to.equal('1,3\u00a0Mo');
    expect(formatSize(12)).to.equal('12\u00a0octets');
    expect(formatSize(0)).to.equal('0\u00a0octet');
    // 1 020\u00a0Ko is written in Mo rather than as a four-digit Ko figure.
    expect(formatSize(1020 * 1024)).to.equal('1\u00a0Mo');
  });

  it('never writes an oversized file as equal to the limit', () => {
    expect(formatOverLimit(5.3 * MO, 2 * MO)).to.deep.equal({ size: '5,3\u00a0Mo', limit: '2\u00a0Mo' });
    expect(formatOverLimit(2 * MO + 5000, 2 * MO)).to.deep.equal({ size: '2,005\u00a0Mo', limit: '2\u00a0Mo' });
    expect(formatOverLimit(2 * MO + 1, 2 * MO)).to.deep.equal({ size: '2,001\u00a0Mo', limit: '2\u00a0Mo' });
  });

  it('writes progress in the unit of the total', () => {
    expect(formatProgress(0.8 * MO, 1.4 * MO)).to.deep.equal({ loaded: '0,8\u00a0Mo', total: '1,4\u00a0Mo' });
    expect(formatProgress(0, 850 * 1024)).to.deep.equal({ loaded: '0\u00a0Ko', total: '850\u00a0Ko' });
  });

  it("never writes a small file's progress as « 0\u00a0Ko sur 0\u00a0Ko »", () => {
    // Under 1\u00a0Ko, the whole file counts in octets.
    expect(formatProgress(0, 300)).to.deep.equal({ loaded: '0\u00a0octet', total: '300\u00a0octets' });
    expect(formatProgress(150, 300)).to.deep.equal({ loaded: '150\u00a0octets', total: '300\u00a0octets' });
    expect(formatProgress(300, 300)).to.deep.equal({ loaded: '300\u00a0octets', total: '300\u00a0octets' });
    // In Ko, what is sent before the first whole Ko is « moins de 1\u00a0Ko », never « 0\u00a0Ko ».
    expect(formatProgress(200, 3 * 1024)).to.deep.equal({ loaded: 'moins de 1\u00a0Ko', total: '3\u00a0Ko' });
    expect(formatProgress(5000, 3 * 1024)).to.deep.equal({ loaded: '3\u00a0Ko', total: '3\u00a0Ko' });
  });

  describe('in English', () => {
    before(() => loadLocale('en'));
    beforeEach(() => setLocale('en'));
    afterEach(() => setLocale('fr'));

    it('writes sizes the English way: a point for the decimals, MB, KB and bytes', () => {
      expect(getLocale()).to.equal('en');
      expect(formatSize(1.8 * MO)).to.equal('1.8\u00a0MB');
      expect(formatSize(5.3 * MO)).to.equal('5.3\u00a0MB');
      expect(formatSize(2 * MO)).to.equal('2\u00a0MB');
      expect(formatSize(850 * 1024)).to.equal('850\u00a0KB');
      expect(formatSize(12)).to.equal('12\u00a0bytes');
      expect(formatSize(1)).to.equal('1\u00a0byte');
      // English puts 0 in the plural, where French says « 0 octet ».
      expect(formatSize(0)).to.equal('0\u00a0bytes');
      expect(formatOverLimit(2 * MO + 5000, 2 * MO)).to.deep.equal({ size: '2.005\u00a0MB', limit: '2\u00a0MB' });
      expect(formatProgress(200, 3 * 1024)).to.deep.equal({ loaded: 'less than 1\u00a0KB', total: '3\u00a0KB' });
    });

    it('differs from the French, and the French comes back once the locale is reset', () => {
      const english = formatSize(1.8 * MO);
      setLocale('fr');
      expect(formatSize(1.8 * MO)).to.equal('1,8\u00a0Mo');
      expect(english).not.to.equal(formatSize(1.8 * MO));
    });
  });
});
