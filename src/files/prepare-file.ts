import type { Catalogue } from '../i18n/index.js';
import type { CompressResult } from './compress.js';
import { formatOverLimit, formatSize } from './size.js';
import { sniffFile, type Sniffed } from './sniff.js';

/**
 * What to do with a file a parent chose or dropped, decided from its content, before anything is
 * sent (`accept` is only a hint: drag and drop and some mobile browsers ignore it). Pure: no DOM
 * and no strings, only catalogue ids and their parameters, so the element words them and the
 * rules are tested without rendering. The compression itself is `compressImage` (compress.ts);
 * `compressed()` turns its result into the same kind of decision.
 */

/** The campaign's rules for one piece (`campaign.documents`). */
export interface FileLimits {
  maxBytes: number;
  acceptedTypes: readonly string[];
  acceptedExtensions: readonly string[];
}

type ParamsOf<K extends keyof Catalogue> = Catalogue[K] extends (p: infer P) => string ? P : undefined;

export type RefusalId =
  | 'documents.error.empty'
  | 'documents.error.read'
  | 'documents.error.heic.intro'
  | 'documents.error.type'
  | 'documents.error.typeMisnamed'
  | 'documents.error.tooLarge'
  | 'documents.error.floor'
  | 'documents.error.decode';

/** A catalogue message and its parameters; `documents.error.heic.intro` comes with its instructions. */
export type Refusal = { [K in RefusalId]: { id: K; params: ParamsOf<K> } }[RefusalId];

export type Decision =
  | { kind: 'refuse'; refusal: Refusal }
  /** Sent as it is, or its reduced copy with the note « Photo réduite de 5,3 Mo à 1,4 Mo. ». */
  | { kind: 'accept'; file: File; note?: { id: 'documents.compressed'; params: ParamsOf<'documents.compressed'> } }
  /** A JPEG or PNG photo over the limit: reduce it (compressImage), then ask `compressed()`. */
  | { kind: 'compress' }
  /** The parent cancelled while the file was being read. */
  | { kind: 'cancelled' };

const refusal = <K extends RefusalId>(id: K, params: ParamsOf<K>): Refusal => ({ id, params }) as Refusal;
const refuse = (r: Refusal): Decision => ({ kind: 'refuse', refusal: r });

/** The refusals the server may also answer with (a 413 or 422): worded like ours. */
export const refusals = {
  empty: (name: string) => refusal('documents.error.empty', { name }),
  type: (name: string) => refusal('documents.error.type', { name }),
  tooLarge: (size: number, limits: Pick<FileLimits, 'maxBytes'>) => refusal('documents.error.tooLarge', formatOverLimit(size, limits.maxBytes)),
  /** The file could not be decoded or reduced (also when the reduction itself failed). */
  decode: () => refusal('documents.error.decode', undefined),
};

/** What is known of a file once its first bytes are read. */
interface Facts {
  file: File;
  sniffed: Sniffed;
}

/**
 * The checks on the content, in the order a parent should hear about them; the first that fails
 * is the answer. Small validator objects (Lion's idea): a message id and when it applies.
 */
interface ContentCheck {
  fails(facts: Facts, limits: FileLimits): boolean;
  refusal(facts: Facts, limits: FileLimits): Refusal;
}

const extensionOf = (name: string) => /\.[^.]+$/.exec(name)?.[0].toLowerCase() ?? '';
const acceptedContent = ({ sniffed }: Facts, limits: FileLimits) => sniffed.kind === 'accepted' && limits.acceptedTypes.includes(sniffed.mime);
/** Named like an accepted file, but not one inside: the message says so. */
const acceptedName = ({ file }: Facts, limits: FileLimits) => limits.acceptedExtensions.map((e) => e.toLowerCase()).includes(extensionOf(file.name));

const CONTENT_CHECKS: readonly ContentCheck[] = [
  { fails: ({ sniffed }) => sniffed.kind === 'heic', refusal: ({ file }) => refusal('documents.error.heic.intro', { name: file.name }) },
  {
    fails: (facts, limits) => !acceptedContent(facts, limits) && acceptedName(facts, limits),
    refusal: ({ file }) => refusal('documents.error.typeMisnamed', { name: file.name }),
  },
  { fails: (facts, limits) => !acceptedContent(facts, limits), refusal: ({ file }) => refusals.type(file.name) },
  // A PDF cannot be reduced here; photos can (below).
  {
    fails: ({ file, sniffed }, limits) => file.size > limits.maxBytes && sniffed.kind === 'accepted' && sniffed.mime === 'application/pdf',
    refusal: ({ file }, limits) => refusals.tooLarge(file.size, limits),
  },
];

export async function prepareFile(file: File, limits: FileLimits, options: { signal?: AbortSignal } = {}): Promise<Decision> {
  // Before reading anything: an empty file has no first bytes to tell what it is.
  if (file.size === 0) return refuse(refusals.empty(file.name));
  let sniffed: Sniffed;
  try {
    sniffed = await sniffFile(file);
  } catch {
    return refuse(refusal('documents.error.read', undefined));
  }
  if (options.signal?.aborted) return { kind: 'cancelled' };
  const facts = { file, sniffed };
  const failed = CONTENT_CHECKS.find((check) => check.fails(facts, limits));
  if (failed) return refuse(failed.refusal(facts, limits));
  return file.size <= limits.maxBytes ? { kind: 'accept', file } : { kind: 'compress' };
}

/** The decision once `compressImage` answered for a file `prepareFile` said to reduce. */
export function compressed(original: File, result: CompressResult, limits: Pick<FileLimits, 'maxBytes'>): Decision {
  if (result.ok) {
    const note = { id: 'documents.compressed' as const, params: { from: formatSize(original.size), to: formatSize(result.file.size) } };
    return { kind: 'accept', file: result.file, note };
  }
  // Even at the smallest readable size and quality, still over the limit.
  if (result.reason === 'floor') return refuse(refusal('documents.error.floor', formatOverLimit(result.bytes, limits.maxBytes)));
  return refuse(refusals.decode());
}
