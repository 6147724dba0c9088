import { expect } from '@open-wc/testing';
import { compressImage, jpegName } from '../../src/files/compress.js';
import { sniffFile } from '../../src/files/sniff.js';
import { MB, noisyPhoto } from '../fixtures/documents.js';

const LIMIT = 2 * MB;

async function dimensions(blob: Blob): Promise<{ width: number; height: number }> {
  const bitmap = await createImageBitmap(blob, { imageOrientation: 'from-image' });
  const out = { width: bitmap.width, height: bitmap.height };
  bitmap.close();
  return out;
}

/**
 * Inserts an EXIF APP1 segment with Orientation = 6 (« rotate 90° clockwise to display ») right
 * after the JPEG's SOI marker, as a phone held upright writes it.
 */
async function withOrientation6(jpeg: Blob): Promise<File> {
  const bytes = new Uint8Array(await jpeg.arrayBuffer());
  const tiff = [0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0];
  const payload = [...'Exif'].map((c) => c.charCodeAt(0)).concat([0, 0], tiff);
  const length = payload.length + 2;
  const app1 = [0xff, 0xe1, length >> 8, length & 0xff, ...payload];
  return new File([bytes.subarray(0, 2), new Uint8Array(app1), bytes.subarray(2)], 'portrait.jpg', { type: 'image/jpeg' });
}

describe('files/compress', function () {
  this.timeout(60000);

  let photo: File;
  before(async () => {
    photo = await noisyPhoto();
  });

  it('generates a 12-megapixel photo well over the limit', async () => {
    expect(await dimensions(photo)).to.deep.equal({ width: 4000, height: 3000 });
    expect(photo.size).to.be.above(4 * MB);
  });

  for (const worker of [true, false]) {
    it(`brings a noisy 12-megapixel photo under 2 MB ${worker ? 'in a worker' : 'on the main thread'}, legible and in proportion`, async () => {
      const result = await compressImage(photo, { maxBytes: LIMIT, worker });
      if (!result.ok) throw new Error(`refused: ${result.reason}`);
      expect(result.via).to.equal(worker ? 'worker' : 'main-thread');
      expect(result.file.type).to.equal('image/jpeg');
      expect(result.file.name).to.equal('IMG_1234.jpg');
      expect(result.file.size).to.be.at.most(LIMIT);
      expect(result.quality).to.be.at.least(0.6);
      expect(await sniffFile(result.file)).to.deep.equal({ kind: 'accepted', mime: 'image/jpeg' });
      const { width, height } = await dimensions(result.file);
      expect({ width, height }).to.deep.equal({ width: result.width, height: result.height });
      expect(width).to.be.within(1600, 4000);
      expect(width / height).to.be.closeTo(4 / 3, 0.01);
    });
  }

  it('keeps the orientation the phone recorded', async () => {
    const landscape = await noisyPhoto({ width: 400, height: 300, amplitude: 90, name: 'x.jpg' });
    const portrait = await withOrientation6(landscape);
    expect(await dimensions(portrait)).to.deep.equal({ width: 300, height: 400 });
    for (const worker of [true, false]) {
      const result = await compressImage(portrait, { maxBytes: Math.round(portrait.size / 2), minLongSide: 100, worker });
      if (!result.ok) throw new Error(`refused: ${result.reason}`);
      expect(result.height, `via ${result.via}`).to.be.above(result.width);
      const out = await dimensions(result.file);
      expect(out.height).to.be.above(out.width);
    }
  });

  it('refuses rather than going below the floors of legibility', async () => {
    const heavy = await noisyPhoto({ width: 2000, height: 1500, amplitude: 120 });
    const result = await compressImage(heavy, { maxBytes: 100 * 1024 });
    expect(result.ok).to.equal(false);
    if (result.ok) return;
    expect(result.reason).to.equal('floor');
    if (result.reason !== 'floor') return;
    expect(Math.max(result.width, result.height)).to.equal(1600);
    expect(result.quality).to.equal(0.6);
    expect(result.bytes).to.be.above(100 * 1024);
  });

  it('falls back to the main thread when the worker cannot be loaded', async () => {
    const small = await noisyPhoto({ width: 1200, height: 900, amplitude: 60 });
    const tried: string[] = [];
    const RealWorker = window.Worker;
    // A worker whose script never loads, wherever it is asked for (next to the module, then assets-url).
    window.Worker = class extends EventTarget {
      constructor(url: string | URL) {
        super();
        tried.push(String(url));
        setTimeout(() => this.dispatchEvent(new Event('error')));
      }
      postMessage(): void {}
      terminate(): void {}
    } as unknown as typeof Worker;
    try {
      const result = await compressImage(small, { maxBytes: Math.round(small.size / 2), assetsUrl: '/no-such-assets/' });
      expect(result.ok).to.equal(true);
      if (result.ok) expect(result.via).to.equal('main-thread');
    } finally {
      window.Worker = RealWorker;
    }
    expect(tried).to.have.length(2);
    expect(tried[0]).to.match(/compress\.worker\.ts$/);
    expect(tried[1]).to.contain('/no-such-assets/');
  });

  it('says when the image cannot be read', async () => {
    const broken = new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4])], 'coupee.jpg', { type: 'image/jpeg' });
    const result = await compressImage(broken, { maxBytes: 4 });
    expect(result).to.deep.equal({ ok: false, reason: 'decode' });
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    const running = compressImage(photo, { maxBytes: LIMIT, signal: controller.signal });
    controller.abort();
    let error: unknown;
    try {
      await running;
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(DOMException);
  });

  it('names the result as a JPEG', () => {
    expect(jpegName('scan.PNG')).to.equal('scan.jpg');
    expect(jpegName('IMG_0001.jpeg')).to.equal('IMG_0001.jpg');
    expect(jpegName('sans extension')).to.equal('sans extension.jpg');
  });
});
