import { fr } from './fr/index.js';
import type { appCatalogue } from './fr/app-catalogue.js';
import type { stepsCatalogue } from './fr/steps-catalogue.js';
import { addMessages, french, isKnownMessage } from './messages.js';

/**
 * A tiny typed message catalogue. French is the source; a message is a string or a function of
 * named parameters. Ids are stable, so rewording French never orphans a translation.
 */
type French = typeof fr & typeof appCatalogue & typeof stepsCatalogue;
export type Catalogue = { [K in keyof French]: French[K] extends (p: infer P) => string ? (p: P) => string : string };
export type MessageId = keyof Catalogue;
type Params<K extends MessageId> = Catalogue[K] extends (p: infer P) => string ? [params: P] : [];

/** French, the source and the fallback; grows as lazily loaded parts add their strings (./messages.ts). */
addMessages(fr);
const catalogues: Record<string, Partial<Catalogue>> = { fr: french as Partial<Catalogue> };

/** Adds French strings of a part loaded later (see fr/steps-catalogue.ts). */
export { addMessages };
let current = 'fr';

/** The languages the widget speaks: French, the source and the fallback, then English. */
export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The language a `lang` value asks for (`en-GB` → `en`); French for any other or none. */
export function languageOf(lang: string | null | undefined): Language {
  const base = (lang ?? '').trim().toLowerCase().split('-')[0] ?? '';
  return (LANGUAGES as readonly string[]).includes(base) ? (base as Language) : 'fr';
}

/** Fires `change` when the language changes: every element re-renders (i18n/locale-controller.ts). */
export const localeChanges = new EventTarget();

/** Registers another locale; missing ids fall back to French. */
export function registerLocale(lang: string, messages: Partial<Catalogue>): void {
  catalogues[lang] = messages;
}

export const hasLocale = (lang: string): boolean => lang in catalogues;

export function setLocale(lang: string | null | undefined): void {
  const base = languageOf(lang);
  const next = base in catalogues ? base : 'fr';
  if (next === current) return;
  current = next;
  localeChanges.dispatchEvent(new Event('change'));
}

export function getLocale(): string {
  return current;
}

/** The BCP 47 locale for Intl in the current language. */
export const intlLocale = (): string => (current === 'en' ? 'en-GB' : 'fr-FR');

/** Ids already reported, so a re-render does not flood the console. */
const reported = new Set<string>();

export function t<K extends MessageId>(id: K, ...params: Params<K>): string {
  const message = (catalogues[current]?.[id] ?? french[id]) as string | ((p: unknown) => string) | undefined;
  if (message === undefined) {
    // In every build, not only in development: a missing string is what a lost chunk looks like
    // (see wizard/steps.ts), and the built-artifact journeys fail on any console error.
    if (!reported.has(id)) console.error(`reinscription-wizard: no message « ${id} » (its catalogue was not loaded)`);
    reported.add(id);
    return id;
  }
  return typeof message === 'function' ? message(params[0]) : message;
}

/** Whether a string (e.g. a zod issue message) is one of our ids. */
export const isMessageId = isKnownMessage as (id: string) => id is MessageId;
