/**
 * What a file really is, read from its first bytes. The extension and the browser's `type` only
 * repeat the file's name, and `accept` is only a hint (drag and drop and some mobile browsers
 * ignore it): an executable renamed `.pdf` must be refused here, before it is sent.
 */

export type AcceptedMime = 'application/pdf' | 'image/jpeg' | 'image/png';

export type Sniffed =
  | { kind: 'accepted'; mime: AcceptedMime }
  /** An iPhone or Mac photo kept in its original format: refused, with instructions to send a JPEG. */
  | { kind: 'heic' }
  | { kind: 'unknown' };

/** Enough for every signature below, including an ftyp box's list of compatible brands. */
export const SNIFF_BYTES = 64;

const SIGNATURES: readonly { mime: AcceptedMime; bytes: readonly number[] }[] = [
  { mime: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46] }, // %PDF
  { mime: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { mime: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47] },
];

/**
 * HEIF brands (ISO/IEC 23008-12): heic/heix (HEVC stills), heim/heis, hevc/hevx/hevm/hevs
 * (sequences), mif1/msf1 (the generic image and sequence brands).
 */
const HEIF_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs', 'mif1', 'msf1', 'mif2']);
/** AVIF also declares mif1; it is not an iPhone photo, so it gets the plain « PDF, JPG ou PNG » answer. */
const AVIF_BRANDS = new Set(['avif', 'avis']);

const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));

/** The brands of an ISO base media `ftyp` box at the start of the file, or null. */
function ftypBrands(bytes: Uint8Array): string[] | null {
  if (bytes.length < 16 || ascii(bytes, 4, 8) !== 'ftyp') return null;
  const boxSize = new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0);
  const end = Math.min(bytes.length, boxSize >= 16 ? boxSize : bytes.length);
  const brands = [ascii(bytes, 8, 12)];
  // Bytes 12–16 are the minor version; compatible brands follow, four bytes each.
  for (let i = 16; i + 4 <= end; i += 4) brands.push(ascii(bytes, i, i + 4));
  return brands;
}

export function sniffBytes(bytes: Uint8Array): Sniffed {
  for (const s of SIGNATURES) if (s.bytes.every((b, i) => bytes[i] === b)) return { kind: 'accepted', mime: s.mime };
  const [major, ...compatible] = ftypBrands(bytes) ?? [];
  if (major && !AVIF_BRANDS.has(major) && [major, ...compatible].some((b) => HEIF_BRANDS.has(b))) return { kind: 'heic' };
  return { kind: 'unknown' };
}

/** Reads only the head of the file: a 50 MB video dropped by mistake is not loaded into memory. */
export async function sniffFile(file: Blob): Promise<Sniffed> {
  const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
  return sniffBytes(head);
}
