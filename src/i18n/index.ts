import { fr } from './fr/index.js';

/**
 * A tiny typed message catalogue. French is the source; a message is a string or a function of
 * named parameters. Ids are stable, so rewording French never orphans a translation.
 */
export type Catalogue = { [K in keyof typeof fr]: (typeof fr)[K] extends (p: infer P) => string ? (p: P) => string : string };
export type MessageId = keyof Catalogue;
type Params<K extends MessageId> = Catalogue[K] extends (p: infer P) => string ? [params: P] : [];

const catalogues: Record<string, Partial<Catalogue>> = { fr };
let current = 'fr';

/** Registers another locale; missing ids fall back to French. */
export function registerLocale(lang: string, messages: Partial<Catalogue>): void {
  catalogues[lang] = messages;
}

export function setLocale(lang: string | null | undefined): void {
  const base = (lang ?? 'fr').toLowerCase().split('-')[0] ?? 'fr';
  current = base in catalogues ? base : 'fr';
}

export function getLocale(): string {
  return current;
}

export function t<K extends MessageId>(id: K, ...params: Params<K>): string {
  const message = (catalogues[current]?.[id] ?? fr[id]) as string | ((p: unknown) => string);
  return typeof message === 'function' ? message(params[0]) : message;
}

/** Whether a string (e.g. a zod issue message) is one of our ids. */
export function isMessageId(id: string): id is MessageId {
  return Object.prototype.hasOwnProperty.call(fr, id);
}
