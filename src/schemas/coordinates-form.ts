import * as z from 'zod/mini';
import type { Guardian, StudentCoordinates } from '../api/contract.js';
import { formatPhone } from '../format/display.js';
import { t } from '../i18n/index.js';
import { isoToParts } from './birth-date.js';
import { oneLine } from './characters.js';
import { fieldsOf, formKeys, SHARED_WITH_GUARDIAN, type FieldSpec, type SectionForm, type SharedKey } from './coordinates-fields.js';
import { FRANCE } from './country.js';
import { normaliseDepartement } from './departement.js';
import '../i18n/fr/steps-catalogue.js';

/**
 * Step 1's form model: every field exactly as typed (raw strings, no checks), serialisable and
 * restorable, so nothing typed is lost; the wizard keeps it in its journey state and a draft
 * reopens from it. Its shape comes from the field table (coordinates-fields.ts).
 */

/** The shape check of a section: only the keys and types, never the values (those are parseCoordinatesForm's). */
const section = <G extends 'guardian' | 'student'>(group: G) =>
  z.object(
    Object.fromEntries(fieldsOf(group).flatMap((f) => formKeys(f).map((key) => [key, f.input === 'check' ? z.boolean() : z.string()]))),
  ) as unknown as z.ZodMiniType<SectionForm<G>>;

export const GuardianForm = section('guardian');
export type GuardianForm = SectionForm<'guardian'>;

export const StudentForm = section('student');
export type StudentForm = SectionForm<'student'>;

/** The step-1 form schema: what the wizard keeps in its journey state (raw strings, no checks). */
export const CoordinatesForm = z.object({
  guardian: GuardianForm,
  student: StudentForm,
  paymentMode: z.string(),
  bankChanged: z.enum(['', 'oui', 'non']),
  /**
   * The short path's answer to « Ces informations sont-elles à jour ? » (absent until answered;
   * optional so that a form stored before the short path still restores).
   */
  confirmed: z.optional(z.enum(['oui', 'non'])),
});
export type CoordinatesForm = z.infer<typeof CoordinatesForm>;

/** Step 1's answers once checked and normalised, as the contract has them. */
export interface CoordinatesValues {
  guardian: Guardian;
  student: StudentCoordinates;
  paymentMode: string | null;
  bankChanged: boolean | null;
}

type Shares = { guardian: Record<SharedKey, string>; student: Record<SharedKey, string> & { useGuardianAddress: boolean } };

/**
 * While « Utiliser les coordonnées du responsable légal » is checked, the student's address and
 * phones are the guardian's, whatever the student's own fields hold: on the form as typed, and on
 * stored values (the backend may keep them empty then).
 */
export function shareGuardianCoordinates<T extends Shares>(x: T): T {
  if (!x.student.useGuardianAddress) return x;
  const student = { ...x.student };
  for (const key of SHARED_WITH_GUARDIAN) student[key] = x.guardian[key];
  return { ...x, student };
}

/** While the box is checked, the student's address and phones show the guardian's, as typed. */
export const syncStudentWithGuardian = (form: CoordinatesForm): CoordinatesForm => shareGuardianCoordinates(form);

/** A stored value as first shown in its field: phones written the French way, codes as the lists have them. */
function prefill(field: FieldSpec, value: unknown): Record<string, string | boolean> {
  if (field.input === 'check') return { [field.key]: value === true };
  const keys = formKeys(field);
  if (field.input === 'date') {
    const { day, month, year } = isoToParts(value as string | null);
    return { [keys[0] ?? '']: day, [keys[1] ?? '']: month, [keys[2] ?? '']: year };
  }
  if (field.input === 'phones') {
    const phones = value as readonly string[];
    return Object.fromEntries(keys.map((key, i) => [key, formatPhone(phones[i] ?? '')]));
  }
  const text = String(value ?? '');
  if (field.show === 'phone') return { [field.key]: formatPhone(text) };
  if (field.show === 'departement') return { [field.key]: text ? normaliseDepartement(text) : '' };
  if (field.show === 'country') return { [field.key]: text.trim().toUpperCase() || FRANCE };
  // A one-line input: an address stored on two lines reads with a space, not as a refused control character.
  return { [field.key]: oneLine(text) };
}

const prefillSection = <G extends 'guardian' | 'student'>(group: G, values: Guardian | StudentCoordinates) =>
  Object.assign({}, ...fieldsOf(group).map((f) => prefill(f, (values as unknown as Record<string, unknown>)[f.key]))) as SectionForm<G>;

/** The form as first shown: what the backend sent, phones written the French way. */
export function toCoordinatesForm(guardian: Guardian, student: StudentCoordinates, paymentMode: string | null, bankChanged: boolean | null): CoordinatesForm {
  return syncStudentWithGuardian({
    guardian: prefillSection('guardian', guardian),
    student: prefillSection('student', student),
    paymentMode: paymentMode ?? '',
    bankChanged: bankChanged === null ? '' : bankChanged ? 'oui' : 'non',
  });
}

/**
 * The form as first shown for a new school year: what is answered afresh each year (the school
 * level and establishment, the bank question) starts empty, last year's values staying in the
 * original to be shown as « l'an dernier : … ». The bank answer is kept when it was given this
 * year already, for a brother or sister (`keepBank`).
 */
export function forNewSchoolYear(form: CoordinatesForm, o: { keepBank?: boolean } = {}): CoordinatesForm {
  return {
    ...form,
    student: { ...form.student, school: '', schoolLevel: '' },
    bankChanged: o.keepBank ? form.bankChanged : '',
  };
}

export type FieldKey = keyof Guardian | keyof StudentCoordinates | keyof GuardianForm | keyof StudentForm;

/** The label of a field as shown next to it. */
export const fieldLabel = (key: Exclude<FieldKey, 'birthDay' | 'birthMonth' | 'birthYear'>): string => t(`coordinates.field.${key}`);
