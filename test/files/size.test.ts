import { expect } from '@open-wc/testing';
import { formatOverLimit, formatProgress, formatSize, MO } from '../../src/files/size.js';

describe('files/size', () => {
  it('writes sizes the French way', () => {
    expect(formatSize(5.3 * MO)).to.equal('5,3 Mo');
    expect(formatSize(2 * MO)).to.equal('2 Mo');
    expect(formatSize(850 * 1024)).to.equal('850 Ko');
    expect(formatSize(1.25 * MO)).to.equal('1,3 Mo');
    expect(formatSize(12)).to.equal('12 octets');
    expect(formatSize(0)).to.equal('0 octet');
    // 1 020 Ko is written in Mo rather than as a four-digit Ko figure.
    expect(formatSize(1020 * 1024)).to.equal('1 Mo');
  });

  it('never writes an oversized file as equal to the limit', () => {
    expect(formatOverLimit(5.3 * MO, 2 * MO)).to.deep.equal({ size: '5,3 Mo', limit: '2 Mo' });
    expect(formatOverLimit(2 * MO + 5000, 2 * MO)).to.deep.equal({ size: '2,005 Mo', limit: '2 Mo' });
    expect(formatOverLimit(2 * MO + 1, 2 * MO)).to.deep.equal({ size: '2,001 Mo', limit: '2 Mo' });
  });

  it('writes progress in the unit of the total', () => {
    expect(formatProgress(0.8 * MO, 1.4 * MO)).to.deep.equal({ loaded: '0,8 Mo', total: '1,4 Mo' });
    expect(formatProgress(0, 850 * 1024)).to.deep.equal({ loaded: '0 Ko', total: '850 Ko' });
  });

  it("never writes a small file's progress as « 0 Ko sur 0 Ko »", () => {
    // Under 1 Ko, the whole file counts in octets.
    expect(formatProgress(0, 300)).to.deep.equal({ loaded: '0 octet', total: '300 octets' });
    expect(formatProgress(150, 300)).to.deep.equal({ loaded: '150 octets', total: '300 octets' });
    expect(formatProgress(300, 300)).to.deep.equal({ loaded: '300 octets', total: '300 octets' });
    // In Ko, what is sent before the first whole Ko is « moins de 1 Ko », never « 0 Ko ».
    expect(formatProgress(200, 3 * 1024)).to.deep.equal({ loaded: 'moins de 1 Ko', total: '3 Ko' });
    expect(formatProgress(5000, 3 * 1024)).to.deep.equal({ loaded: '3 Ko', total: '3 Ko' });
  });
});
