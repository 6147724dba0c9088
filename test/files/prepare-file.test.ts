import { expect } from '@open-wc/testing';
import type { CompressResult } from '../../src/files/compress.js';
import { compressed, prepareFile, refusals, type FileLimits } from '../../src/files/prepare-file.js';
import { MB, bytesFile, emptyFile, exeFile, heicFile, pdfFile, randomFile } from '../fixtures/documents.js';

/** The seeded campaign's rules: 2\u00a0Mo, PDF, JPG or PNG. */
const limits: FileLimits = {
  maxBytes: 2 * MB,
  acceptedTypes: ['application/pdf', 'image/jpeg', 'image/png'],
  acceptedExtensions: ['.pdf', '.jpg', '.jpeg', '.png'],
};

const jpegHead = [0xff, 0xd8, 0xff, 0xe0];
const pngHead = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe('files/prepare-file', () => {
  describe('refuses, with a catalogue id and its parameters', () => {
    it('an empty file, without reading it', async () => {
      expect(await prepareFile(emptyFile('vide.pdf'), limits)).to.deep.equal({
        kind: 'refuse',
        refusal: { id: 'documents.error.empty', params: { name: 'vide.pdf' } },
      });
    });

    it('a HEIC photo (its instructions follow the message)', async () => {
      expect(await prepareFile(heicFile('IMG_0042.HEIC'), limits)).to.deep.equal({
        kind: 'refuse',
        refusal: { id: 'documents.error.heic.intro', params: { name: 'IMG_0042.HEIC' } },
      });
    });

    it('an executable named like a PDF: « misnamed », whatever the browser says its type is', async () => {
      const decision = await prepareFile(exeFile('facture.pdf'), limits);
      expect(decision).to.deep.equal({ kind: 'refuse', refusal: { id: 'documents.error.typeMisnamed', params: { name: 'facture.pdf' } } });
    });

    it('an extension compared without case: SCAN.PDF is named like a PDF', async () => {
      const decision = await prepareFile(randomFile('SCAN.PDF'), limits);
      expect(decision).to.deep.equal({ kind: 'refuse', refusal: { id: 'documents.error.typeMisnamed', params: { name: 'SCAN.PDF' } } });
    });

    it('a document of another kind', async () => {
      const decision = await prepareFile(randomFile('lettre.docx'), limits);
      expect(decision).to.deep.equal({ kind: 'refuse', refusal: { id: 'documents.error.type', params: { name: 'lettre.docx' } } });
    });

    it('a type the campaign does not accept, even when its content is a real PNG', async () => {
      const pdfOnly: FileLimits = { ...limits, acceptedTypes: ['application/pdf'], acceptedExtensions: ['.pdf'] };
      const decision = await prepareFile(bytesFile('plan.png', pngHead, 5000), pdfOnly);
      expect(decision).to.deep.equal({ kind: 'refuse', refusal: { id: 'documents.error.type', params: { name: 'plan.png' } } });
    });

    it('a PDF over the limit, with both sizes in French (a PDF cannot be reduced)', async () => {
      const decision = await prepareFile(pdfFile('releve.pdf', 5.3 * MB), limits);
      expect(decision).to.deep.equal({ kind: 'refuse', refusal: { id: 'documents.error.tooLarge', params: { size: '5,3\u00a0Mo', limit: '2\u00a0Mo' } } });
    });

    it('a file that cannot be read (kept in an online service)', async () => {
      const file = pdfFile('cloud.pdf');
      file.slice = () => ({ arrayBuffer: () => Promise.reject(new DOMException('gone', 'NotReadableError')) }) as unknown as Blob;
      expect(await prepareFile(file, limits)).to.deep.equal({ kind: 'refuse', refusal: { id: 'documents.error.read', params: undefined } });
    });
  });

  describe('accepts', () => {
    it('a PDF, a JPEG or a PNG within the limit, as it is', async () => {
      for (const file of [pdfFile('attestation.pdf', 1.2 * MB), bytesFile('photo.jpg', jpegHead, 500000), bytesFile('scan.png', pngHead, 2 * MB)]) {
        const decision = await prepareFile(file, limits);
        expect(decision, file.name).to.deep.equal({ kind: 'accept', file });
      }
    });

    it('a photo over the limit, to be reduced', async () => {
      expect(await prepareFile(bytesFile('IMG_1234.jpg', jpegHead, 5 * MB), limits)).to.deep.equal({ kind: 'compress' });
      expect(await prepareFile(bytesFile('capture.png', pngHead, 3 * MB), limits)).to.deep.equal({ kind: 'compress' });
    });
  });

  it('says « cancelled » when the parent cancelled while the file was read', async () => {
    const controller = new AbortController();
    const pending = prepareFile(pdfFile(), limits, { signal: controller.signal });
    controller.abort();
    expect(await pending).to.deep.equal({ kind: 'cancelled' });
  });

  describe('after the reduction', () => {
    const original = bytesFile('IMG_1234.jpg', jpegHead, Math.round(5.3 * MB));

    it('accepts the reduced copy with a note of both sizes', () => {
      const file = new File([new Uint8Array(Math.round(1.4 * MB))], 'IMG_1234.jpg', { type: 'image/jpeg' });
      const result: CompressResult = { ok: true, file, width: 2000, height: 1500, quality: 0.8, originalBytes: original.size, via: 'main-thread' };
      expect(compressed(original, result, limits)).to.deep.equal({
        kind: 'accept',
        file,
        note: { id: 'documents.compressed', params: { from: '5,3\u00a0Mo', to: '1,4\u00a0Mo' } },
      });
    });

    it('refuses a photo still over the limit at the smallest readable size', () => {
      const result: CompressResult = { ok: false, reason: 'floor', bytes: Math.round(2.4 * MB), width: 1600, height: 1200, quality: 0.6 };
      expect(compressed(original, result, limits)).to.deep.equal({
        kind: 'refuse',
        refusal: { id: 'documents.error.floor', params: { size: '2,4\u00a0Mo', limit: '2\u00a0Mo' } },
      });
    });

    it('refuses an image the browser could not read', () => {
      expect(compressed(original, { ok: false, reason: 'decode' }, limits)).to.deep.equal({ kind: 'refuse', refusal: refusals.decode() });
    });
  });
});
