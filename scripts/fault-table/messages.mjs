/**
 * The French a cell expects, from the built catalogue (lib/i18n, the later screens' and the steps' strings included):
 * each expected message becomes a matcher on the normalised text of an alert or a status. An id the
 * catalogue does not have (yet) makes a matcher that never matches and says so.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { norm } from './ui.mjs';

const MARK = '\u0000';

/** Loads lib/i18n; null when lib/ is not built. */
export async function loadCatalogue(root) {
  const index = join(root, 'lib', 'i18n', 'index.js');
  if (!existsSync(index)) return null;
  const i18n = await import(pathToFileURL(index).href);
  await import(pathToFileURL(join(root, 'lib', 'i18n', 'fr', 'app-catalogue.js')).href);
  await import(pathToFileURL(join(root, 'lib', 'i18n', 'fr', 'steps-catalogue.js')).href);
  const { french } = await import(pathToFileURL(join(root, 'lib', 'i18n', 'messages.js')).href);
  return { t: i18n.t, isMessageId: i18n.isMessageId, french };
}

/** One message: an id, or `[id, params]` / `[id, '*']`; anything else is a list of them. */
const isSingle = (s) =>
  typeof s === 'string' || (Array.isArray(s) && s.length === 2 && typeof s[0] === 'string' && (s[1] === '*' || (typeof s[1] === 'object' && s[1] !== null)));

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * `spec`: an id, `[id, params]`, `[id, '*']` (any parameters), or a list of those (any of them).
 * Returns `{ ids, missing, test(text) }`, `test` true when the text contains one of the messages.
 */
export function matcher(catalogue, spec) {
  const specs = isSingle(spec) ? [spec] : spec;
  const list = specs.map((s) => (Array.isArray(s) ? { id: s[0], params: s[1] } : { id: s, params: undefined }));
  const missing = list.filter((m) => !catalogue.isMessageId(m.id)).map((m) => m.id);
  const patterns = list
    .filter((m) => catalogue.isMessageId(m.id))
    .map(({ id, params }) => {
      const message = catalogue.french[id];
      if (typeof message === 'string') return new RegExp(escape(norm(message)));
      if (params !== '*') return new RegExp(escape(norm(message(params))));
      // Any parameters: the message with a marker for each, the markers matching anything.
      const any = new Proxy({}, { get: () => MARK });
      // A marker formatted as a number (count()) reads « NaN »: a wildcard too.
      return new RegExp(norm(message(any)).replaceAll('NaN', MARK).split(MARK).map(escape).join('.+?'));
    });
  return {
    ids: list.map((m) => m.id),
    missing,
    test: (text) => patterns.some((p) => p.test(norm(text))),
  };
}
