import type { MessageId } from '../i18n/index.js';

/**
 * The one table of step 1's fields, in page order. Each field is listed here once; the form's
 * shape, the ids errors are keyed and sorted by, the « Éléments modifiés » list and the recap's
 * rows are derived from it, so a new field is one more line here (and its check in
 * coordinates-validation.ts, which the compiler asks for through the contract's types).
 */

/** Where a field sits: the guardian's and the student's sections, or the payment choice. */
export type Group = 'guardian' | 'student' | 'payment';

/**
 * The blocks step 1 shows, each as a summary with « Modifier » when prefilled (the short path) or
 * as its fields: the guardian, the student, the emergency contact, the school year ahead, the payment.
 */
export type Block = 'guardian' | 'student' | 'emergency' | 'school' | 'payment';

/** A campaign's reference list a code is chosen from (and shown by its label). */
export type ListName = 'civilites' | 'situationsFamiliales' | 'pcs' | 'niveauxScolaires' | 'paymentModes';

/** How a stored value reads (src/format/display.ts), on step 1's changes and on the recap alike. */
export type Show = 'text' | 'phone' | 'phones' | 'date' | 'departement' | 'country' | 'yesNo' | { list: ListName };

/**
 * How « Éléments modifiés » tells a new value from a rewritten one. By default it follows `show`:
 * phones by number, codes trimmed, names and places whatever their case, spacing or apostrophes.
 */
export type Compare = 'postcode' | 'email';

export interface FieldSpec {
  readonly group: Group;
  /** The value's key in the contract (Guardian, StudentCoordinates) or the payment answers. */
  readonly key: string;
  /** The typed shape: one text (default), three date parts, three extra phones, or a checkbox. */
  readonly input?: 'date' | 'phones' | 'check';
  /**
   * The label shown next to the field on step 1 (and, after its section, in « Éléments modifiés »)
   * when it is not `coordinates.field.<key>` (see labelOf).
   */
  readonly label?: MessageId;
  readonly show: Show;
  readonly compare?: Compare;
  /** The student's value is the guardian's while « Utiliser les coordonnées du responsable légal » is checked. */
  readonly shared?: true;
  /**
   * The recap row's label when it is not `label` (« Tél. domicile » for « Téléphone du domicile »);
   * null when another row shows it (postcode and city, with the address).
   */
  readonly recap?: MessageId | null;
  /** Fields the recap shows on this row's second line (« 69760 Limonest » under the address). */
  readonly recapWith?: readonly string[];
  /** The recap's words for a checkbox, when plain « Oui »/« Non » would not say enough. */
  readonly recapAnswers?: { readonly yes: MessageId; readonly no: MessageId };
  /** Step 1's block, when it is not the group's own (the emergency contact, the school). */
  readonly block?: Block;
  /**
   * Answered afresh each school year, never carried over from last year (school level and
   * establishment, the bank question): left unanswered, it is no « Élément modifié ».
   */
  readonly yearly?: true;
}

const list = (name: ListName) => ({ list: name }) as const;

/** The identity fields both people have, alike but for their section. */
const identity = <G extends 'guardian' | 'student'>(group: G) =>
  [
    { group, key: 'civilite', show: list('civilites') },
    { group, key: 'lastName', show: 'text' },
    { group, key: 'firstName', show: 'text' },
    { group, key: 'birthDate', input: 'date', show: 'date' },
    { group, key: 'birthPlace', show: 'text' },
    { group, key: 'birthDepartment', show: 'departement' },
  ] as const;

export const FIELDS = [
  ...identity('guardian'),
  { group: 'guardian', key: 'address', show: 'text', recapWith: ['postalCode', 'city'] },
  { group: 'guardian', key: 'postalCode', show: 'text', compare: 'postcode', recap: null },
  { group: 'guardian', key: 'city', show: 'text', recap: null },
  { group: 'guardian', key: 'country', show: 'country' },
  { group: 'guardian', key: 'phoneHome', show: 'phone', recap: 'recap.field.phoneHome' },
  { group: 'guardian', key: 'phoneMobile', show: 'phone' },
  { group: 'guardian', key: 'phoneWork', show: 'phone', recap: 'recap.field.phoneWork' },
  { group: 'guardian', key: 'email', show: 'text', compare: 'email' },
  { group: 'guardian', key: 'situationFamiliale', show: list('situationsFamiliales') },
  { group: 'guardian', key: 'pcs', show: list('pcs'), recap: 'recap.field.pcs' },
  { group: 'guardian', key: 'profession', show: 'text' },
  { group: 'guardian', key: 'extraPhones', input: 'phones', show: 'phones', recap: 'recap.field.extraPhones' },

  ...identity('student'),
  { group: 'student', key: 'situationFamiliale', show: list('situationsFamiliales') },
  {
    group: 'student',
    key: 'useGuardianAddress',
    input: 'check',
    show: 'yesNo',
    recap: 'recap.field.useGuardianAddress',
    recapAnswers: { yes: 'recap.useGuardianAddress.yes', no: 'recap.useGuardianAddress.no' },
  },
  { group: 'student', key: 'address', show: 'text', shared: true, recapWith: ['postalCode', 'city'] },
  { group: 'student', key: 'postalCode', show: 'text', compare: 'postcode', shared: true, recap: null },
  { group: 'student', key: 'city', show: 'text', shared: true, recap: null },
  { group: 'student', key: 'phoneHome', show: 'phone', shared: true, recap: 'recap.field.phoneHome' },
  { group: 'student', key: 'phoneMobile', show: 'phone', shared: true },
  { group: 'student', key: 'phoneWork', show: 'phone', shared: true, recap: 'recap.field.phoneWork' },
  { group: 'student', key: 'email', show: 'text', compare: 'email' },
  { group: 'student', key: 'emergencyContact', show: 'text', block: 'emergency' },
  { group: 'student', key: 'emergencyPhone', show: 'phone', recap: 'recap.field.emergencyPhone', block: 'emergency' },
  { group: 'student', key: 'school', show: 'text', block: 'school', yearly: true },
  { group: 'student', key: 'schoolLevel', show: list('niveauxScolaires'), block: 'school', yearly: true },

  { group: 'payment', key: 'paymentMode', label: 'coordinates.payment.legend', show: list('paymentModes') },
  { group: 'payment', key: 'bankChanged', label: 'coordinates.bankChanged.label', show: 'yesNo', recap: 'recap.field.bankChanged', yearly: true },
] as const satisfies readonly FieldSpec[];

export type Field = (typeof FIELDS)[number];

/** A field's label on step 1: its own, or `coordinates.field.<key>` (the catalogue test checks each exists). */
export const labelOf = (field: FieldSpec): MessageId => field.label ?? (`coordinates.field.${field.key}` as MessageId);

/** The recap row's label: the field's own label unless the table says otherwise; null for no row. */
export const recapLabelOf = (field: FieldSpec): MessageId | null => (field.recap === undefined ? labelOf(field) : field.recap);

/** The three inputs behind one value: the date's parts, the extra phones. */
export const DATE_PARTS = ['birthDay', 'birthMonth', 'birthYear'] as const;
export const EXTRA_PHONES = ['extraPhone1', 'extraPhone2', 'extraPhone3'] as const;

// ---------------------------------------------------------------- derived: the form's keys

type FormKeysOf<F> = F extends { input: 'date' }
  ? (typeof DATE_PARTS)[number]
  : F extends { input: 'phones' }
    ? (typeof EXTRA_PHONES)[number]
    : F extends { key: infer K extends string }
      ? K
      : never;
type FormValueOf<F> = F extends { input: 'check' } ? boolean : string;

/** One section's inputs exactly as typed: the persisted shape of CoordinatesForm. */
export type SectionForm<G extends 'guardian' | 'student'> = { [F in Extract<Field, { group: G }> as FormKeysOf<F>]: FormValueOf<F> };

/** The form keys a field's value is typed into. */
export const formKeys = (field: FieldSpec): readonly string[] => (field.input === 'date' ? DATE_PARTS : field.input === 'phones' ? EXTRA_PHONES : [field.key]);

// ---------------------------------------------------------------- derived: the ids of the page

type IdsOf<F> = F extends { input: 'check' }
  ? never
  : F extends { input: 'phones'; group: infer G extends string }
    ? `${G}-${(typeof EXTRA_PHONES)[number]}`
    : F extends { group: 'payment'; key: infer K extends string }
      ? K
      : F extends { group: infer G extends string; key: infer K extends string }
        ? `${G}-${K}`
        : never;

/** The id of a field's control in the element's shadow root (three for the extra phones; none for a checkbox, which is never in error). */
export type FieldId = IdsOf<Field>;

export function fieldIds(field: FieldSpec): FieldId[] {
  if (field.input === 'check') return [];
  if (field.group === 'payment') return [field.key as FieldId];
  const keys = field.input === 'phones' ? EXTRA_PHONES : [field.key];
  return keys.map((key) => `${field.group}-${key}` as FieldId);
}

/** Ids of the fields in page order: errors are keyed and sorted by them. */
export const FIELD_IDS: readonly FieldId[] = FIELDS.flatMap(fieldIds);

// ---------------------------------------------------------------- derived: « Éléments modifiés »

type ChangeOf<F> = F extends { group: 'payment'; key: infer K extends string }
  ? K
  : F extends { group: infer G extends string; key: infer K extends string }
    ? `${G}.${K}`
    : never;

/** A field of « Éléments modifiés »: « guardian.phoneMobile », « paymentMode ». */
export type ChangeField = ChangeOf<Field>;

export const changeField = (field: FieldSpec): ChangeField => (field.group === 'payment' ? field.key : `${field.group}.${field.key}`) as ChangeField;

/** The fields of « Éléments modifiés », in page order. */
export const CHANGE_FIELDS: readonly ChangeField[] = FIELDS.map(changeField);

/** The student's fields that mirror the guardian's while « Utiliser les coordonnées du responsable légal » is checked. */
export type SharedKey = Extract<Field, { shared: true }>['key'];
export const SHARED_WITH_GUARDIAN: readonly SharedKey[] = FIELDS.flatMap((f) => ('shared' in f ? [f.key] : []));

/** One section's fields, in page order. */
export const fieldsOf = (group: Group): readonly FieldSpec[] => (FIELDS as readonly FieldSpec[]).filter((f) => f.group === group);

/** A field's block on step 1. */
export const blockOf = (field: FieldSpec): Block => field.block ?? field.group;

/** One block's fields, in page order. */
export const fieldsOfBlock = (block: Block): readonly FieldSpec[] => (FIELDS as readonly FieldSpec[]).filter((f) => blockOf(f) === block);
