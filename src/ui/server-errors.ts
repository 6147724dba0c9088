import { isMessageId, type MessageId } from '../i18n/index.js';

/**
 * A 422's `fieldErrors` (paths such as `answers.guardian.email`, each with message ids of our
 * catalogue) as the errors of a form's own fields, so the server's refusal is shown next to each
 * input and in the error summary like the form's own check. `idOf` names the form's field for a
 * path (without the `answers.` prefix), or nothing when the form has no such field. An id the
 * catalogue does not know (the server's generic ones) becomes `fallback`, which names the field.
 */
export function serverErrorsFor<K extends string>(
  fieldErrors: Record<string, readonly string[]>,
  idOf: (path: string[]) => K | undefined,
  fallback: MessageId,
): Partial<Record<K, MessageId>> {
  const out: Partial<Record<K, MessageId>> = {};
  for (const [path, ids] of Object.entries(fieldErrors)) {
    const parts = path.split('.').filter((p) => p !== '');
    const id = idOf(parts[0] === 'answers' ? parts.slice(1) : parts);
    if (id === undefined || out[id]) continue;
    const known = ids.find(isMessageId);
    out[id] = known ?? fallback;
  }
  return out;
}
