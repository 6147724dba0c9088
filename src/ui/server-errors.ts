import { ApiError } from '../api/errors.js';
import { isMessageId, t, type MessageId } from '../i18n/index.js';
import { french } from '../i18n/messages.js';
import { leadRefusedFieldsWith } from './api-error.js';

/**
 * A 422's `fieldErrors` (paths such as `answers.guardian.email`, each with message ids of our
 * catalogue) as the errors of a form's own fields, so the server's refusal is shown next to each
 * input and in the error summary like the form's own check. `idOf` names the form's field for a
 * path (without the `answers.` prefix), or nothing when the form has no such field. An id the
 * catalogue does not know (the server's generic ones) becomes `fallback`, which names the field;
 * so does one the catalogue words only with parameters, which the server cannot send.
 */
export function serverErrorsFor<K extends string>(
  fieldErrors: Record<string, readonly string[]>,
  idOf: (path: string[]) => K | undefined,
  fallback: MessageId,
): Partial<Record<K, MessageId>> {
  const out: Partial<Record<K, MessageId>> = {};
  for (const [path, ids] of Object.entries(fieldErrors)) {
    const id = idOf(pathOf(path));
    if (id === undefined || out[id]) continue;
    const known = ids.find((m) => isMessageId(m) && typeof french[m] === 'string');
    out[id] = (known as MessageId | undefined) ?? fallback;
  }
  return out;
}

/** A path's parts, without the `answers.` a draft or a submission puts before the answers. */
const pathOf = (path: string): string[] => {
  const parts = path.split('.').filter((p) => p !== '');
  return parts[0] === 'answers' ? parts.slice(1) : parts;
};

/** The steps whose fields a 422 can name (documents and the recap have none of the answers' own). */
type FieldStep = 1 | 2 | 4;

const COORDINATE_GROUPS: Record<string, 'coordinates.guardian.legend' | 'coordinates.student.legend'> = {
  guardian: 'coordinates.guardian.legend',
  student: 'coordinates.student.legend',
};

/** Step 1's answers outside the guardian and the student, by the words of their question. */
const PAYMENT_LABELS: Record<string, MessageId> = { paymentMode: 'coordinates.payment.legend', bankChanged: 'recap.field.bankChanged' };

/** Steps 2 and 4's answers, by the words of their question on the step. */
const STEP_LABELS: Record<string, { step: FieldStep; label: MessageId }> = {
  'authorisations.image': { step: 2, label: 'authorisations.image.legend' },
  'authorisations.sortie': { step: 2, label: 'authorisations.sortie.legend' },
  administrativeReregistration: { step: 4, label: 'courses.administrative.label' },
  'administrativeDetails.instrument': { step: 4, label: 'courses.administrative.instrument.label' },
  'administrativeDetails.day': { step: 4, label: 'courses.administrative.day.label' },
  additionalInfo: { step: 4, label: 'courses.additionalInfo.label' },
};

/** Whether the steps' strings are there: a 422 can come before their chunk, and a raw id must never show. */
const known = (...ids: string[]) => ids.every(isMessageId);

/** A path's parts without the answers' prefix nor the indexes of lists. */
const fieldParts = (path: string): string[] => pathOf(path).filter((p) => !/^\d+$/.test(p));

/** The step where a path's answer is asked, from the same tables that name it (strings loaded or not). */
function stepOfParts(parts: string[]): FieldStep | undefined {
  const other = STEP_LABELS[parts.join('.')];
  if (other) return other.step;
  if (parts.length === 1 && PAYMENT_LABELS[parts[0] ?? '']) return 1;
  return parts.length === 2 && COORDINATE_GROUPS[parts[0] ?? ''] ? 1 : undefined;
}

/** The first step holding a field a 422 names (where « Corriger » leads), or nothing when it names none we know. */
export function stepOfFieldErrors(fieldErrors: Record<string, readonly string[]>): FieldStep | undefined {
  const steps = Object.keys(fieldErrors).flatMap((path) => stepOfParts(fieldParts(path)) ?? []);
  return steps.length ? (Math.min(...steps) as FieldStep) : undefined;
}

/** A path as the parent reads it, with its step; undefined when the widget has no words for it. */
function nameOf(path: string): { step: FieldStep; name: string } | undefined {
  const parts = fieldParts(path);
  const other = STEP_LABELS[parts.join('.')];
  if (other)
    return known(other.label, `stepper.title.${other.step}`)
      ? { step: other.step, name: t('api.validation.fieldName', { title: t(`stepper.title.${other.step}`), field: t(other.label) }) }
      : undefined;
  const payment = parts.length === 1 ? PAYMENT_LABELS[parts[0] ?? ''] : undefined;
  if (payment) return known(payment) ? { step: 1, name: t(payment) } : undefined;
  // A section's field only: a bare `email` is another form's (the password reset), not the answers'.
  const group = parts.length === 2 ? COORDINATE_GROUPS[parts[0] ?? ''] : undefined;
  const id = `coordinates.field.${parts[1] ?? ''}`;
  if (!group || !known(group, id)) return undefined;
  return { step: 1, name: t('api.validation.fieldName', { title: t(group), field: t(id as 'coordinates.field.lastName') }) };
}

function namedFields(error: unknown): { step: FieldStep; name: string }[] {
  if (!(error instanceof ApiError) || error.kind !== 'validation') return [];
  return Object.keys(error.details.fieldErrors ?? {}).flatMap((path) => nameOf(path) ?? []);
}

/**
 * The fields a 422 names, in the parent's words: step 1's by their section (« Responsable :
 * E-mail »), the others' by their step (« Autorisations : Droit à l'image »). Paths we cannot name
 * are left out rather than shown raw.
 */
export function refusedFields(error: unknown): string[] {
  return [...new Set(namedFields(error).map((f) => f.name))];
}

/**
 * What the alert says before the list of `refusedFields`: where to check them, the one step they
 * are on, or the steps named in the list when they are on several.
 */
export function refusedFieldsLead(error: unknown): string {
  const steps = [...new Set(namedFields(error).map((f) => f.step))];
  const [step] = steps;
  if (steps.length !== 1 || step === undefined) return t('api.validation.fieldsSeveral');
  return step === 1 ? t('api.validation.fields') : t('api.validation.fieldsAt', { title: t(`stepper.title.${step}`) });
}

leadRefusedFieldsWith(refusedFieldsLead);
