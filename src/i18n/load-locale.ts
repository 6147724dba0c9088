import { chunkLoader } from '../assets-url.js';
import { hasLocale, registerLocale, type Language } from './index.js';

/**
 * The English chunk's content-hashed file name, for the assets-url fallback (as the steps chunk's
 * in wizard/load-steps.ts): the build writes the real name in place of this placeholder.
 */
export const EN_CHUNK = '__RW_EN_CHUNK__';

const loadEnglish = chunkLoader(() => import('./en.js'), EN_CHUNK);

/**
 * Loads a language's strings once (French is always there). Beside the main module first, then
 * under the host's assets-url when an optimiser moved the main file. Rejects when the chunk cannot
 * be fetched: the widget then stays in French, which is complete, rather than half translated.
 */
export async function loadLocale(lang: Language, assetsUrl?: string): Promise<void> {
  if (lang === 'fr' || hasLocale(lang)) return;
  registerLocale('en', (await loadEnglish(assetsUrl)).en);
}
