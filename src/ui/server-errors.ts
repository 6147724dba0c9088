import { ApiError } from '../api/errors.js';
import { isMessageId, t, type MessageId } from '../i18n/index.js';

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

const GROUPS: Record<string, 'coordinates.guardian.legend' | 'coordinates.student.legend'> = {
  guardian: 'coordinates.guardian.legend',
  student: 'coordinates.student.legend',
};

/**
 * The fields a 422 names, in the parent's words (« Responsable : E-mail »), from paths such as
 * `answers.guardian.email`. Paths we cannot name are left out rather than shown raw.
 */
export function refusedFields(error: unknown): string[] {
  if (!(error instanceof ApiError) || error.kind !== 'validation') return [];
  const names = Object.keys(error.details.fieldErrors ?? {}).flatMap((path) => {
    const parts = path.split('.').filter((p) => p !== 'answers' && !/^\d+$/.test(p));
    const field = parts.at(-1) ?? '';
    const id = `coordinates.field.${field}`;
    if (!isMessageId(id)) return [];
    const group = GROUPS[parts.at(-2) ?? ''];
    const label = t(id as 'coordinates.field.lastName');
    return [group ? `${t(group)} : ${label}` : label];
  });
  return [...new Set(names)];
}
