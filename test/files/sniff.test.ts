import { expect } from '@open-wc/testing';
import { sniffBytes, sniffFile } from '../../src/files/sniff.js';
import { emptyFile, exeFile, heicFile, pdfFile, randomFile } from '../fixtures/documents.js';

const bytes = (...b: (number | string)[]) => new Uint8Array(b.flatMap((x) => (typeof x === 'string' ? [...x].map((c) => c.charCodeAt(0)) : [x])));

/** An ISO-BMFF ftyp box: size, 'ftyp', major brand, minor version, compatible brands. */
const ftyp = (major: string, ...compatible: string[]) => {
  const size = 16 + compatible.length * 4;
  return bytes(0, 0, 0, size, 'ftyp', major, 0, 0, 0, 0, ...compatible);
};

describe('files/sniff', () => {
  it('accepts the three signatures of the allowlist', () => {
    expect(sniffBytes(bytes('%PDF-1.4'))).to.deep.equal({ kind: 'accepted', mime: 'application/pdf' });
    expect(sniffBytes(bytes(0xff, 0xd8, 0xff, 0xe0))).to.deep.equal({ kind: 'accepted', mime: 'image/jpeg' });
    expect(sniffBytes(bytes(0x89, 'PNG', 0x0d, 0x0a))).to.deep.equal({ kind: 'accepted', mime: 'image/png' });
  });

  it('refuses everything else, whatever the name', async () => {
    expect(await sniffFile(exeFile())).to.deep.equal({ kind: 'unknown' });
    expect(await sniffFile(randomFile())).to.deep.equal({ kind: 'unknown' });
    expect(await sniffFile(emptyFile())).to.deep.equal({ kind: 'unknown' });
    expect(sniffBytes(bytes('PK', 3, 4))).to.deep.equal({ kind: 'unknown' }); // .docx
    expect(sniffBytes(bytes('GIF89a'))).to.deep.equal({ kind: 'unknown' });
    expect(await sniffFile(pdfFile())).to.deep.equal({ kind: 'accepted', mime: 'application/pdf' });
  });

  it('recognises HEIC and HEIF photos by their ftyp brands', async () => {
    expect(await sniffFile(heicFile())).to.deep.equal({ kind: 'heic' });
    for (const major of ['heic', 'heix', 'hevc', 'mif1', 'msf1']) expect(sniffBytes(ftyp(major)).kind, major).to.equal('heic');
    // A generic major brand with HEIF among the compatible ones (some Android phones).
    expect(sniffBytes(ftyp('isom', 'mif1', 'heic')).kind).to.equal('heic');
    // AVIF declares mif1 too, but is not an iPhone photo; an MP4 video is not a photo at all.
    expect(sniffBytes(ftyp('avif', 'mif1', 'miaf')).kind).to.equal('unknown');
    expect(sniffBytes(ftyp('isom', 'iso2', 'mp41')).kind).to.equal('unknown');
  });
});
