/**
 * Step 1 « Modification des coordonnées »: the form model, its validation and « Éléments modifiés ».
 *
 * REQUIRED FIELDS (what the conservatory needs to invoice and reach the family, and to look after a
 * child; everything else is marked « (facultatif) »):
 * - Responsable: Nom, Prénom, Date de naissance (an adult: 18 or older today), Adresse, Pays (France
 *   preselected), Code postal (when living in France; optional abroad, where some countries have
 *   none), Ville, at least one phone where the guardian can be reached — Mobile or Tél domicile —,
 *   and E-mail (invoices, the password and the confirmation are sent there).
 * - Élève: Nom, Prénom, Date de naissance (3 years old or more today; nobody over 110).
 *   For a minor (under 18 on 1 September of the school year, the conservatory's rule, also used
 *   by step 2): Personne à prévenir and Tél urgence.
 *   For a school-age student (3 to 18 years old on that date): Niveau scolaire, and Établissement
 *   scolaire unless the level chosen is « Non scolarisé ».
 *   These conditions apply once the date of birth is a real date; until then only the date is
 *   asked for.
 * - Mode de règlement souhaité: one of the campaign's modes (when it offers any); for a mode that
 *   asks it (direct debit), whether the bank account changed since the last mandate (Oui/Non),
 *   since a new SEPA mandate and IBAN are needed only then.
 * - When « Utiliser les coordonnées du responsable légal » is checked, the student's address,
 *   postcode, city and phones are the guardian's (checked once, on the guardian's fields).
 * Optional: civilités, lieux and départements de naissance, situations familiales, code
 * socio-professionnel, profession, Tél pro, the three Tél supplémentaires, the student's own
 * address, phones and e-mail.
 * Lists (civilité, situation familiale, PCS, niveau scolaire, département, pays) accept today's
 * codes and the value the backend prefilled, even when today's list no longer has it
 * (« Mademoiselle »): a parent is never blocked by the conservatory's old data.
 */
import * as z from 'zod/mini';
import type { Campaign, FieldChange, Guardian, StudentCoordinates } from '../api/contract.js';
import { schoolYearStart } from '../format/age.js';
import { t, type MessageId } from '../i18n/index.js';
import { ageOn, birthDate, formatIsoDate, isoToParts, joinDateParts, partsToIso, type BirthDateMessages } from './birth-date.js';
import { country, countryName, FRANCE } from './country.js';
import { birthDepartment, departementLabel, normaliseDepartement } from './departement.js';
import { email, normaliseEmail } from './email.js';
import { address, emergencyContact, normaliseName, personName, placeName, profession, school } from './names.js';
import { formatPhone, phone, toE164 } from './phone.js';
import { compactPostcode, foreignPostcode, frenchPostcode } from './postcode.js';
import { listSchema, normaliseText, run, type Checked } from './text.js';
import '../i18n/fr/steps-catalogue.js';

export const GUARDIAN_MIN_AGE = 18;
export const STUDENT_MIN_AGE = 3;
export const MAX_AGE = 110;
export const ADULT_AGE = 18;
export const SCHOOL_AGE_MAX = 18;

// ---------------------------------------------------------------- the form model

const s = z.string();

/** The guardian's fields exactly as typed: serialisable, restorable, never lost. */
export const GuardianForm = z.object({
  civilite: s,
  lastName: s,
  firstName: s,
  birthDay: s,
  birthMonth: s,
  birthYear: s,
  birthPlace: s,
  birthDepartment: s,
  address: s,
  postalCode: s,
  city: s,
  country: s,
  phoneHome: s,
  phoneMobile: s,
  phoneWork: s,
  email: s,
  situationFamiliale: s,
  pcs: s,
  profession: s,
  extraPhone1: s,
  extraPhone2: s,
  extraPhone3: s,
});
export type GuardianForm = z.infer<typeof GuardianForm>;

export const StudentForm = z.object({
  civilite: s,
  lastName: s,
  firstName: s,
  birthDay: s,
  birthMonth: s,
  birthYear: s,
  birthPlace: s,
  birthDepartment: s,
  situationFamiliale: s,
  useGuardianAddress: z.boolean(),
  address: s,
  postalCode: s,
  city: s,
  phoneHome: s,
  phoneMobile: s,
  phoneWork: s,
  email: s,
  emergencyContact: s,
  emergencyPhone: s,
  school: s,
  schoolLevel: s,
});
export type StudentForm = z.infer<typeof StudentForm>;

/** The step-1 form schema: what the wizard keeps in its journey state (raw strings, no checks). */
export const CoordinatesForm = z.object({
  guardian: GuardianForm,
  student: StudentForm,
  paymentMode: s,
  bankChanged: z.enum(['', 'oui', 'non']),
});
export type CoordinatesForm = z.infer<typeof CoordinatesForm>;

/** The student's fields that mirror the guardian's while « Utiliser les coordonnées du responsable légal » is checked. */
export const SHARED_WITH_GUARDIAN = ['address', 'postalCode', 'city', 'phoneHome', 'phoneMobile', 'phoneWork'] as const;

/** Ids of the fields in the element's shadow root, in page order: errors are keyed and sorted by them. */
export const FIELD_IDS = [
  'guardian-civilite',
  'guardian-lastName',
  'guardian-firstName',
  'guardian-birthDate',
  'guardian-birthPlace',
  'guardian-birthDepartment',
  'guardian-address',
  'guardian-postalCode',
  'guardian-city',
  'guardian-country',
  'guardian-phoneHome',
  'guardian-phoneMobile',
  'guardian-phoneWork',
  'guardian-email',
  'guardian-situationFamiliale',
  'guardian-pcs',
  'guardian-profession',
  'guardian-extraPhone1',
  'guardian-extraPhone2',
  'guardian-extraPhone3',
  'student-civilite',
  'student-lastName',
  'student-firstName',
  'student-birthDate',
  'student-birthPlace',
  'student-birthDepartment',
  'student-situationFamiliale',
  'student-address',
  'student-postalCode',
  'student-city',
  'student-phoneHome',
  'student-phoneMobile',
  'student-phoneWork',
  'student-email',
  'student-emergencyContact',
  'student-emergencyPhone',
  'student-school',
  'student-schoolLevel',
  'paymentMode',
  'bankChanged',
] as const;
export type FieldId = (typeof FIELD_IDS)[number];

export type CoordinatesErrors = Partial<Record<FieldId, MessageId>>;

export interface CoordinatesValues {
  guardian: Guardian;
  student: StudentCoordinates;
  paymentMode: string | null;
  bankChanged: boolean | null;
}

export type ParseResult = ({ ok: true } & CoordinatesValues) | { ok: false; errors: CoordinatesErrors };

export interface ParseOptions {
  /** The server's date in Paris, YYYY-MM-DD: ages and « in the past » are measured against it. */
  today: string;
  /** What the backend sent: its list values are accepted even when today's lists lack them. */
  original?: Pick<CoordinatesValues, 'guardian' | 'student' | 'paymentMode'>;
}

// ---------------------------------------------------------------- backend → form

const dateFields = (iso: string | null) => {
  const { day, month, year } = isoToParts(iso);
  return { birthDay: day, birthMonth: month, birthYear: year };
};

/** The form as first shown: what the backend sent, phones written the French way. */
export function toCoordinatesForm(guardian: Guardian, student: StudentCoordinates, paymentMode: string | null, bankChanged: boolean | null): CoordinatesForm {
  const [extra1 = '', extra2 = '', extra3 = ''] = guardian.extraPhones;
  const g: GuardianForm = {
    civilite: guardian.civilite,
    lastName: guardian.lastName,
    firstName: guardian.firstName,
    ...dateFields(guardian.birthDate),
    birthPlace: guardian.birthPlace,
    birthDepartment: guardian.birthDepartment ? normaliseDepartement(guardian.birthDepartment) : '',
    address: guardian.address,
    postalCode: guardian.postalCode,
    city: guardian.city,
    country: guardian.country.trim().toUpperCase() || FRANCE,
    phoneHome: formatPhone(guardian.phoneHome),
    phoneMobile: formatPhone(guardian.phoneMobile),
    phoneWork: formatPhone(guardian.phoneWork),
    email: guardian.email,
    situationFamiliale: guardian.situationFamiliale,
    pcs: guardian.pcs,
    profession: guardian.profession,
    extraPhone1: formatPhone(extra1),
    extraPhone2: formatPhone(extra2),
    extraPhone3: formatPhone(extra3),
  };
  const st: StudentForm = {
    civilite: student.civilite,
    lastName: student.lastName,
    firstName: student.firstName,
    ...dateFields(student.birthDate),
    birthPlace: student.birthPlace,
    birthDepartment: student.birthDepartment ? normaliseDepartement(student.birthDepartment) : '',
    situationFamiliale: student.situationFamiliale,
    useGuardianAddress: student.useGuardianAddress,
    address: student.address,
    postalCode: student.postalCode,
    city: student.city,
    phoneHome: formatPhone(student.phoneHome),
    phoneMobile: formatPhone(student.phoneMobile),
    phoneWork: formatPhone(student.phoneWork),
    email: student.email,
    emergencyContact: student.emergencyContact,
    emergencyPhone: formatPhone(student.emergencyPhone),
    school: student.school,
    schoolLevel: student.schoolLevel,
  };
  const form = { guardian: g, student: st, paymentMode: paymentMode ?? '', bankChanged: bankChanged === null ? '' : bankChanged ? 'oui' : 'non' } as const;
  return syncStudentWithGuardian(form);
}

/** While the box is checked, the student's address and phones show the guardian's, as typed. */
export function syncStudentWithGuardian(form: CoordinatesForm): CoordinatesForm {
  if (!form.student.useGuardianAddress) return form;
  const student = { ...form.student };
  for (const key of SHARED_WITH_GUARDIAN) student[key] = form.guardian[key];
  return { ...form, student };
}

// ---------------------------------------------------------------- form → backend

// Typed builders: a typo in a field or rule name is a compile error, not a raw id shown to a parent.
const G = <F extends string, R extends string>(field: F, rule: R) => `validation.guardian.${field}.${rule}` as const;
const S = <F extends string, R extends string>(field: F, rule: R) => `validation.student.${field}.${rule}` as const;

const guardianBirth: Required<BirthDateMessages> = {
  required: G('birthDate', 'required'),
  incomplete: G('birthDate', 'incomplete'),
  year: G('birthDate', 'year'),
  real: G('birthDate', 'real'),
  past: G('birthDate', 'past'),
  tooYoung: G('birthDate', 'tooYoung'),
  tooOld: G('birthDate', 'tooOld'),
};

const studentBirth: Required<BirthDateMessages> = {
  required: S('birthDate', 'required'),
  incomplete: S('birthDate', 'incomplete'),
  year: S('birthDate', 'year'),
  real: S('birthDate', 'real'),
  past: S('birthDate', 'past'),
  tooYoung: S('birthDate', 'tooYoung'),
  tooOld: S('birthDate', 'tooOld'),
};

/** A level meaning « not at school » (no school to name): recognised by its label, as codes vary by campaign. */
export const isNotSchooled = (level: string, campaign: Campaign) =>
  /non scolaris/iu.test(campaign.references.niveauxScolaires.find((l) => l.code === level)?.label ?? '');

/**
 * The student's age as the conservatory counts it — full years on 1 September of the school year,
 * the rule step 2 uses for « adult » too — or null while the date typed is not a real past date.
 */
export function studentAge(form: CoordinatesForm, campaign: Campaign, today: string): number | null {
  const iso = partsToIso({ day: form.student.birthDay, month: form.student.birthMonth, year: form.student.birthYear });
  return iso && iso <= today ? ageOn(iso, schoolYearStart(campaign.schoolYear)) : null;
}

/** Which conditional requirements apply to the student, for the labels and the checks alike. */
export function studentRequirements(form: CoordinatesForm, campaign: Campaign, today: string) {
  const age = studentAge(form, campaign, today);
  const minor = age !== null && age < ADULT_AGE;
  const schoolAge = age !== null && age >= STUDENT_MIN_AGE && age <= SCHOOL_AGE_MAX;
  return {
    age,
    emergency: minor,
    schoolLevel: schoolAge,
    school: schoolAge && !isNotSchooled(form.student.schoolLevel, campaign),
  };
}

/**
 * Checks the whole form. On success, the values are normalised (trimmed, single spaces, straight
 * apostrophes, E.164 phones, ISO dates, upper-case codes) and valid against the contract's
 * Guardian and StudentCoordinates; otherwise one message id per field in error.
 */
export function parseCoordinatesForm(form: CoordinatesForm, campaign: Campaign, options: ParseOptions): ParseResult {
  const errors: CoordinatesErrors = {};
  const take = <T>(id: FieldId, checked: Checked<T>, empty: T): T => {
    if (checked.ok) return checked.value;
    errors[id] = checked.error;
    return empty;
  };
  const text = (id: FieldId, schema: z.ZodMiniType<string>, raw: string, fallback: MessageId) => take(id, run(schema, raw, fallback), '');
  const codes = (list: readonly { code: string }[]) => list.map((i) => i.code);
  const refs = campaign.references;
  const og = options.original?.guardian;
  const os = options.original?.student;
  const today = options.today;
  const g = form.guardian;
  const st = form.student;

  /** The identity fields both people have, checked alike; only the messages and the minimum age differ. */
  const identity = (who: 'guardian' | 'student', v: typeof g | typeof st, original: Guardian | StudentCoordinates | undefined) => {
    const m = <F extends string, R extends string>(field: F, rule: R) => `validation.${who}.${field}.${rule}` as const;
    const guardianSide = who === 'guardian';
    return {
      civilite: text(
        `${who}-civilite`,
        listSchema({ codes: codes(refs.civilites), keep: original?.civilite, notInList: m('civilite', 'list') }),
        v.civilite,
        m('civilite', 'list'),
      ),
      lastName: text(
        `${who}-lastName`,
        personName({ required: m('lastName', 'required'), characters: m('lastName', 'characters') }),
        v.lastName,
        m('lastName', 'characters'),
      ),
      firstName: text(
        `${who}-firstName`,
        personName({ required: m('firstName', 'required'), characters: m('firstName', 'characters') }),
        v.firstName,
        m('firstName', 'characters'),
      ),
      birthDate:
        text(
          `${who}-birthDate`,
          birthDate(guardianSide ? guardianBirth : studentBirth, { today, minAge: guardianSide ? GUARDIAN_MIN_AGE : STUDENT_MIN_AGE, maxAge: MAX_AGE }),
          joinDateParts({ day: v.birthDay, month: v.birthMonth, year: v.birthYear }),
          m('birthDate', 'real'),
        ) || null,
      birthPlace: text(`${who}-birthPlace`, placeName({ characters: m('birthPlace', 'characters') }), v.birthPlace, m('birthPlace', 'characters')),
      birthDepartment: text(
        `${who}-birthDepartment`,
        birthDepartment({ notInList: m('birthDepartment', 'list'), keep: original?.birthDepartment }),
        v.birthDepartment,
        m('birthDepartment', 'list'),
      ),
      situationFamiliale: text(
        `${who}-situationFamiliale`,
        listSchema({ codes: codes(refs.situationsFamiliales), keep: original?.situationFamiliale, notInList: m('situationFamiliale', 'list') }),
        v.situationFamiliale,
        m('situationFamiliale', 'list'),
      ),
    };
  };

  // Responsable
  const abroad = g.country.trim() !== '' && g.country.trim().toUpperCase() !== FRANCE;
  const guardianPostcode = abroad
    ? foreignPostcode({ format: G('postalCode', 'abroad') })
    : frenchPostcode({ required: G('postalCode', 'required'), format: G('postalCode', 'format'), unknown: G('postalCode', 'unknown') });
  const guardianPhone = <F extends 'phoneHome' | 'phoneMobile' | 'phoneWork' | 'extraPhone1' | 'extraPhone2' | 'extraPhone3'>(field: F) =>
    phone({ format: G(field, 'format') });
  const guardian: Guardian = {
    ...identity('guardian', g, og),
    country: text(
      'guardian-country',
      country({ required: G('country', 'list'), notInList: G('country', 'list'), keep: og?.country }),
      g.country,
      G('country', 'list'),
    ),
    address: text(
      'guardian-address',
      address({ required: G('address', 'required'), characters: G('address', 'characters') }),
      g.address,
      G('address', 'characters'),
    ),
    postalCode: text('guardian-postalCode', guardianPostcode, g.postalCode, G('postalCode', 'format')),
    city: text('guardian-city', placeName({ required: G('city', 'required'), characters: G('city', 'characters') }), g.city, G('city', 'characters')),
    phoneHome: text('guardian-phoneHome', guardianPhone('phoneHome'), g.phoneHome, G('phoneHome', 'format')),
    phoneMobile: text('guardian-phoneMobile', guardianPhone('phoneMobile'), g.phoneMobile, G('phoneMobile', 'format')),
    phoneWork: text('guardian-phoneWork', guardianPhone('phoneWork'), g.phoneWork, G('phoneWork', 'format')),
    email: text('guardian-email', email({ required: G('email', 'required'), format: G('email', 'format') }), g.email, G('email', 'format')),
    pcs: text('guardian-pcs', listSchema({ codes: codes(refs.pcs), keep: og?.pcs, notInList: G('pcs', 'list') }), g.pcs, G('pcs', 'list')),
    profession: text('guardian-profession', profession({ characters: G('profession', 'characters') }), g.profession, G('profession', 'characters')),
    extraPhones: (['extraPhone1', 'extraPhone2', 'extraPhone3'] as const)
      .map((key) => text(`guardian-${key}`, guardianPhone(key), g[key], G(key, 'format')))
      .filter(Boolean),
  };
  const phoneErrors = errors['guardian-phoneHome'] ?? errors['guardian-phoneMobile'];
  if (!phoneErrors && !guardian.phoneHome && !guardian.phoneMobile) errors['guardian-phoneMobile'] = 'validation.guardian.phoneReachable';

  // Élève
  const needs = studentRequirements(form, campaign, today);
  const studentPhone = <F extends 'phoneHome' | 'phoneMobile' | 'phoneWork' | 'emergencyPhone'>(field: F, required?: MessageId) =>
    phone({ format: S(field, 'format'), required });
  const own = !st.useGuardianAddress;
  const studentPostcode = abroad
    ? foreignPostcode({ format: S('postalCode', 'abroad') })
    : frenchPostcode({ format: S('postalCode', 'format'), unknown: S('postalCode', 'unknown') });
  const student: StudentCoordinates = {
    ...identity('student', st, os),
    useGuardianAddress: st.useGuardianAddress,
    address: own ? text('student-address', address({ characters: S('address', 'characters') }), st.address, S('address', 'characters')) : guardian.address,
    postalCode: own ? text('student-postalCode', studentPostcode, st.postalCode, S('postalCode', 'format')) : guardian.postalCode,
    city: own ? text('student-city', placeName({ characters: S('city', 'characters') }), st.city, S('city', 'characters')) : guardian.city,
    phoneHome: own ? text('student-phoneHome', studentPhone('phoneHome'), st.phoneHome, S('phoneHome', 'format')) : guardian.phoneHome,
    phoneMobile: own ? text('student-phoneMobile', studentPhone('phoneMobile'), st.phoneMobile, S('phoneMobile', 'format')) : guardian.phoneMobile,
    phoneWork: own ? text('student-phoneWork', studentPhone('phoneWork'), st.phoneWork, S('phoneWork', 'format')) : guardian.phoneWork,
    email: text('student-email', email({ format: S('email', 'format') }), st.email, S('email', 'format')),
    emergencyContact: text(
      'student-emergencyContact',
      emergencyContact({ required: needs.emergency ? S('emergencyContact', 'required') : undefined, characters: S('emergencyContact', 'characters') }),
      st.emergencyContact,
      S('emergencyContact', 'characters'),
    ),
    emergencyPhone: text(
      'student-emergencyPhone',
      studentPhone('emergencyPhone', needs.emergency ? S('emergencyPhone', 'required') : undefined),
      st.emergencyPhone,
      S('emergencyPhone', 'format'),
    ),
    school: text(
      'student-school',
      school({ required: needs.school ? S('school', 'required') : undefined, characters: S('school', 'characters') }),
      st.school,
      S('school', 'characters'),
    ),
    schoolLevel: text(
      'student-schoolLevel',
      listSchema({
        codes: codes(refs.niveauxScolaires),
        keep: os?.schoolLevel,
        required: needs.schoolLevel ? S('schoolLevel', 'required') : undefined,
        notInList: S('schoolLevel', 'list'),
      }),
      st.schoolLevel,
      S('schoolLevel', 'list'),
    ),
  };

  // Mode de règlement
  const modes = campaign.paymentModes;
  const paymentMode =
    text(
      'paymentMode',
      listSchema({
        codes: modes.map((m) => m.code),
        keep: options.original?.paymentMode ?? undefined,
        required: modes.length ? 'validation.paymentMode.required' : undefined,
        notInList: 'validation.paymentMode.required',
      }),
      form.paymentMode,
      'validation.paymentMode.required',
    ) || null;
  const asksBankChange = modes.some((m) => m.code === paymentMode && m.asksBankChange);
  let bankChanged: boolean | null = null;
  if (asksBankChange) {
    if (form.bankChanged === '') errors.bankChanged = 'validation.bankChanged.required';
    else bankChanged = form.bankChanged === 'oui';
  }

  if (Object.keys(errors).length) return { ok: false, errors: sortErrors(errors) };
  return { ok: true, guardian, student, paymentMode, bankChanged };
}

/** Errors in page order, as the summary lists them. */
export function sortErrors(errors: CoordinatesErrors): CoordinatesErrors {
  const sorted: CoordinatesErrors = {};
  for (const id of FIELD_IDS) {
    const error = errors[id];
    if (error) sorted[id] = error;
  }
  return sorted;
}

// ---------------------------------------------------------------- « Éléments modifiés »

/**
 * A best-effort normalisation of a form that may not validate yet, for the live list: phones that
 * parse become E.164, real dates become ISO, everything else is compared as typed.
 */
export function previewCoordinates(form: CoordinatesForm): CoordinatesValues {
  const synced = syncStudentWithGuardian(form);
  const g = synced.guardian;
  const st = synced.student;
  const tel = (v: string) => toE164(v) ?? v.trim();
  const date = (day: string, month: string, year: string) => partsToIso({ day, month, year }) ?? (joinDateParts({ day, month, year }) || null);
  return {
    guardian: {
      civilite: g.civilite,
      lastName: g.lastName,
      firstName: g.firstName,
      birthDate: date(g.birthDay, g.birthMonth, g.birthYear),
      birthPlace: g.birthPlace,
      birthDepartment: g.birthDepartment,
      country: g.country,
      address: g.address,
      postalCode: g.postalCode,
      city: g.city,
      phoneHome: tel(g.phoneHome),
      phoneMobile: tel(g.phoneMobile),
      phoneWork: tel(g.phoneWork),
      email: g.email,
      situationFamiliale: g.situationFamiliale,
      pcs: g.pcs,
      profession: g.profession,
      extraPhones: [g.extraPhone1, g.extraPhone2, g.extraPhone3].map(tel).filter(Boolean),
    },
    student: {
      civilite: st.civilite,
      lastName: st.lastName,
      firstName: st.firstName,
      birthDate: date(st.birthDay, st.birthMonth, st.birthYear),
      birthPlace: st.birthPlace,
      birthDepartment: st.birthDepartment,
      situationFamiliale: st.situationFamiliale,
      useGuardianAddress: st.useGuardianAddress,
      address: st.address,
      postalCode: st.postalCode,
      city: st.city,
      phoneHome: tel(st.phoneHome),
      phoneMobile: tel(st.phoneMobile),
      phoneWork: tel(st.phoneWork),
      email: st.email,
      emergencyContact: st.emergencyContact,
      emergencyPhone: tel(st.emergencyPhone),
      school: st.school,
      schoolLevel: st.schoolLevel,
    },
    paymentMode: form.paymentMode || null,
    bankChanged: form.bankChanged === '' ? null : form.bankChanged === 'oui',
  };
}

export type ChangeField = `guardian.${keyof Guardian}` | `student.${keyof StudentCoordinates}` | 'paymentMode' | 'bankChanged';

/** The fields of « Éléments modifiés », in page order. */
export const CHANGE_FIELDS: readonly ChangeField[] = [
  'guardian.civilite',
  'guardian.lastName',
  'guardian.firstName',
  'guardian.birthDate',
  'guardian.birthPlace',
  'guardian.birthDepartment',
  'guardian.address',
  'guardian.postalCode',
  'guardian.city',
  'guardian.country',
  'guardian.phoneHome',
  'guardian.phoneMobile',
  'guardian.phoneWork',
  'guardian.email',
  'guardian.situationFamiliale',
  'guardian.pcs',
  'guardian.profession',
  'guardian.extraPhones',
  'student.civilite',
  'student.lastName',
  'student.firstName',
  'student.birthDate',
  'student.birthPlace',
  'student.birthDepartment',
  'student.situationFamiliale',
  'student.useGuardianAddress',
  'student.address',
  'student.postalCode',
  'student.city',
  'student.phoneHome',
  'student.phoneMobile',
  'student.phoneWork',
  'student.email',
  'student.emergencyContact',
  'student.emergencyPhone',
  'student.school',
  'student.schoolLevel',
  'paymentMode',
  'bankChanged',
];

export interface DiffLabels {
  /** The label of each field as the secretary reads it, e.g. « Responsable – Mobile ». */
  fields: Record<ChangeField, string>;
  /** How a stored value reads: list codes as their labels, phones by pairs, dates JJ/MM/AAAA. */
  value: (field: ChangeField, value: string) => string;
}

const PHONE_FIELDS = new Set<string>(['phoneHome', 'phoneMobile', 'phoneWork', 'emergencyPhone']);
const CODE_FIELDS = new Set<string>(['civilite', 'situationFamiliale', 'pcs', 'schoolLevel', 'paymentMode']);

const SHARED_CHANGE_FIELDS = new Set<ChangeField>(SHARED_WITH_GUARDIAN.map((key) => `student.${key}` as const));

/**
 * The student's address and phones as they really are: the guardian's while the box is checked,
 * whatever the record holds (the backend may keep them empty then).
 */
function effective(values: CoordinatesValues): CoordinatesValues {
  if (!values.student.useGuardianAddress) return values;
  const student = { ...values.student };
  for (const key of SHARED_WITH_GUARDIAN) student[key] = values.guardian[key];
  return { ...values, student };
}

/** A field's stored value as one string: lists joined, booleans as « oui »/« non », nothing as ''. */
function rawValue(values: CoordinatesValues, field: ChangeField): string {
  const [scope, key] = field.split('.') as [string, string | undefined];
  const source: unknown =
    key === undefined ? values[scope as 'paymentMode' | 'bankChanged'] : (values[scope as 'guardian' | 'student'] as unknown as Record<string, unknown>)[key];
  if (source === null || source === undefined) return '';
  if (typeof source === 'boolean') return source ? 'oui' : 'non';
  if (Array.isArray(source)) return source.map(String).join(', ');
  return String(source);
}

/** What counts as « the same value »: how it is written does not matter, only what it says. */
function comparisonKey(field: ChangeField, value: string): string {
  const key = field.split('.').pop() ?? field;
  if (PHONE_FIELDS.has(key)) return toE164(value) ?? value.trim();
  if (key === 'extraPhones')
    return value
      .split(',')
      .map((p) => toE164(p) ?? p.trim())
      .filter(Boolean)
      .sort()
      .join(',');
  if (CODE_FIELDS.has(key)) return value.trim();
  if (key === 'birthDepartment') return value ? normaliseDepartement(value) : '';
  if (key === 'country') return value.trim().toUpperCase() || FRANCE;
  if (key === 'postalCode') return compactPostcode(value).toUpperCase();
  if (key === 'email') return normaliseEmail(value).toLowerCase();
  if (key === 'birthDate' || key === 'useGuardianAddress' || field === 'bankChanged') return value;
  // Names and places: « DUPONT » and « Dupont », « D’Agostino » and « D'Agostino » say the same.
  return normaliseName(normaliseText(value)).toLocaleLowerCase('fr');
}

/**
 * The fields whose value changed between what the backend sent and the current values, as the
 * secretary reads them. Only real changes count: an untouched prefilled field never appears,
 * however it is written. The bank-account question appears only while it is asked.
 */
export function diffCoordinates(original: CoordinatesValues, current: CoordinatesValues, labels: DiffLabels): FieldChange[] {
  const changes: FieldChange[] = [];
  const before$ = effective(original);
  const after$ = effective(current);
  const bothShared = original.student.useGuardianAddress && current.student.useGuardianAddress;
  for (const field of CHANGE_FIELDS) {
    if (field === 'bankChanged' && current.bankChanged === null) continue;
    // While both use the guardian's coordinates, the guardian's line already says what changed.
    if (bothShared && SHARED_CHANGE_FIELDS.has(field)) continue;
    const before = rawValue(before$, field);
    const after = rawValue(after$, field);
    if (comparisonKey(field, before) === comparisonKey(field, after)) continue;
    changes.push({
      field,
      label: labels.fields[field].slice(0, 200),
      before: labels.value(field, before).slice(0, 500),
      after: labels.value(field, after).slice(0, 500),
    });
  }
  return changes;
}

/** The French labels and value formats of « Éléments modifiés », for the element and the recap. */
export function coordinatesChangeLabels(campaign: Campaign): DiffLabels {
  const refs = campaign.references;
  const lists: Partial<Record<string, readonly { code: string; label: string }[]>> = {
    civilite: refs.civilites,
    situationFamiliale: refs.situationsFamiliales,
    pcs: refs.pcs,
    schoolLevel: refs.niveauxScolaires,
    paymentMode: campaign.paymentModes.map((m) => ({ code: m.code, label: m.label })),
  };
  const fields = {} as Record<ChangeField, string>;
  for (const field of CHANGE_FIELDS) fields[field] = changeFieldLabel(field);
  return {
    fields,
    value: (field, value) => {
      if (value === '') return t('common.notProvided');
      const key = field.split('.').pop() ?? field;
      if (PHONE_FIELDS.has(key)) return formatPhone(value);
      if (key === 'extraPhones') return value.split(', ').map(formatPhone).join(', ');
      if (key === 'birthDate') return formatIsoDate(value);
      if (key === 'birthDepartment') return departementLabel(value, t('coordinates.birthDepartment.abroad'));
      if (key === 'country') return countryName(value);
      if (key === 'useGuardianAddress' || key === 'bankChanged') return value === 'oui' ? t('common.yes') : t('common.no');
      const list = lists[key];
      return list?.find((i) => i.code === value)?.label ?? value;
    },
  };
}

/** « Responsable – Mobile », « Élève – Nom », « Mode de règlement souhaité ». */
function changeFieldLabel(field: ChangeField): string {
  if (field === 'paymentMode') return t('coordinates.payment.legend');
  if (field === 'bankChanged') return t('coordinates.bankChanged.label');
  const [scope, key] = field.split('.') as ['guardian' | 'student', FieldKey];
  const who = scope === 'guardian' ? t('coordinates.guardian.legend') : t('coordinates.student.legend');
  return `${who} – ${fieldLabel(key)}`;
}

export type FieldKey = keyof Guardian | keyof StudentCoordinates | 'extraPhone1' | 'extraPhone2' | 'extraPhone3';

/** The label of a field as shown next to it. */
export const fieldLabel = (key: FieldKey): string => t(`coordinates.field.${key}`);
