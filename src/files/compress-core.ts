/**
 * The resize-and-re-encode loop, shared by the worker (OffscreenCanvas) and the main-thread
 * fallback (OffscreenCanvas or <canvas>). No DOM access unless `allowElement` says it exists.
 */

export interface CompressSettings {
  maxBytes: number;
  /** Floor of legibility: the long side is never reduced below this (nor enlarged to reach it). */
  minLongSide: number;
  /** Floor of JPEG quality, 0–1. */
  minQuality: number;
}

export type CompressOutcome =
  | { ok: true; blob: Blob; width: number; height: number; quality: number; attempts: number }
  /** Even at both floors the image is over the limit: sending it smaller would make it unreadable. */
  | { ok: false; reason: 'floor'; bytes: number; width: number; height: number; quality: number }
  /** The browser could not read the image (truncated or damaged file). */
  | { ok: false; reason: 'decode' }
  /** No canvas here (a worker without OffscreenCanvas): the caller falls back to the main thread. */
  | { ok: false; reason: 'unsupported' };

export interface WorkerRequest {
  file: Blob;
  settings: CompressSettings;
}

/** A phone photo does not need more than this to be read on screen or printed as A4 (≈ 270 dpi). */
export const MAX_START_LONG_SIDE = 3200;
export const START_QUALITY = 0.85;
/** Each size step aims this far under the limit, so one step usually suffices. */
const TARGET_RATIO = 0.9;
const MAX_ATTEMPTS = 10;

interface Decoded {
  source: CanvasImageSource;
  width: number;
  height: number;
  close(): void;
}

/**
 * createImageBitmap with `imageOrientation: 'from-image'` applies the EXIF orientation, so a
 * portrait photo stays portrait once the EXIF block is gone from the re-encoded JPEG.
 * The <img> fallback (Safari before 15, odd JPEGs) applies it too: `image-orientation: from-image`
 * is the CSS default and drawImage follows it.
 */
async function decode(blob: Blob, allowElement: boolean): Promise<Decoded | null> {
  if (typeof createImageBitmap === 'function') {
    try {
      const bitmap = await createImageBitmap(blob, { imageOrientation: 'from-image' });
      return { source: bitmap, width: bitmap.width, height: bitmap.height, close: () => bitmap.close() };
    } catch {
      // Fall through to <img> where there is a DOM.
    }
  }
  if (!allowElement || typeof document === 'undefined') return null;
  const url = URL.createObjectURL(blob);
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    return { source: img, width: img.naturalWidth, height: img.naturalHeight, close: () => undefined };
  } catch {
    return null;
  } finally {
    URL.revokeObjectURL(url);
  }
}

async function render(image: Decoded, width: number, height: number, quality: number, allowElement: boolean): Promise<Blob | null> {
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d');
    if (ctx) {
      paint(ctx, image, width, height);
      return canvas.convertToBlob({ type: 'image/jpeg', quality });
    }
  }
  if (!allowElement || typeof document === 'undefined') return null;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  paint(ctx, image, width, height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
  // Frees the backing store now rather than at the next GC: phones have little memory.
  canvas.width = 0;
  canvas.height = 0;
  return blob;
}

function paint(ctx: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D, image: Decoded, width: number, height: number): void {
  // A transparent PNG would turn black in JPEG: paper is white.
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(image.source, 0, 0, width, height);
}

function sizeFor(image: Decoded, longSide: number): { width: number; height: number } {
  const scale = Math.min(1, longSide / Math.max(image.width, image.height));
  return { width: Math.max(1, Math.round(image.width * scale)), height: Math.max(1, Math.round(image.height * scale)) };
}

/**
 * Re-encodes as JPEG, first shrinking (JPEG size grows with the pixel count, so each step aims
 * just under the limit), then, at the size floor, lowering quality by 0.1 down to its floor.
 */
export async function compressBlob(
  blob: Blob,
  settings: CompressSettings,
  { allowElement = false, signal }: { allowElement?: boolean; signal?: AbortSignal } = {},
): Promise<CompressOutcome> {
  const image = await decode(blob, allowElement);
  if (!image) return { ok: false, reason: 'decode' };
  try {
    const longest = Math.max(image.width, image.height);
    const floorLong = Math.min(longest, settings.minLongSide);
    let longSide = Math.min(longest, Math.max(MAX_START_LONG_SIDE, floorLong));
    let quality = Math.max(settings.minQuality, START_QUALITY);
    let last = { bytes: blob.size, ...sizeFor(image, longSide), quality };
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      signal?.throwIfAborted();
      const { width, height } = sizeFor(image, longSide);
      const out = await render(image, width, height, quality, allowElement);
      if (!out) return { ok: false, reason: 'unsupported' };
      if (out.size <= settings.maxBytes) return { ok: true, blob: out, width, height, quality, attempts: attempt };
      last = { bytes: out.size, width, height, quality };
      if (longSide > floorLong) {
        const ratio = Math.sqrt((settings.maxBytes * TARGET_RATIO) / out.size);
        longSide = Math.max(floorLong, Math.floor(longSide * Math.min(ratio, 0.9)));
      } else if (quality > settings.minQuality) {
        quality = Math.max(settings.minQuality, Math.round((quality - 0.1) * 100) / 100);
      } else break;
    }
    return { ok: false, reason: 'floor', ...last };
  } finally {
    image.close();
  }
}
