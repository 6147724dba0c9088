/**
 * Step 1's validation: the form as typed → the values the contract expects, normalised, or one
 * message id per field in error (keyed by the page's field ids, in page order).
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
import type { Campaign, Guardian, StudentCoordinates } from '../api/contract.js';
import { schoolYearStart } from './age.js';
import type { MessageId } from '../i18n/index.js';
import { ageOn, birthDate, joinDateParts, partsToIso, type BirthDateMessages } from './birth-date.js';
import { FIELD_IDS, SHARED_WITH_GUARDIAN, type FieldId } from './coordinates-fields.js';
import type { CoordinatesForm, CoordinatesValues } from './coordinates-form.js';
import { country, FRANCE } from './country.js';
import { birthDepartment } from './departement.js';
import { email } from './email.js';
import { address, emergencyContact, personName, placeName, profession, school } from './names.js';
import { phone } from './phone.js';
import { foreignPostcode, frenchPostcode } from './postcode.js';
import { listSchema, run, type Checked } from './text.js';
import '../i18n/fr/steps-catalogue.js';

export const GUARDIAN_MIN_AGE = 18;
export const STUDENT_MIN_AGE = 3;
export const MAX_AGE = 110;
export const ADULT_AGE = 18;
export const SCHOOL_AGE_MAX = 18;

export type CoordinatesErrors = Partial<Record<FieldId, MessageId>>;

export type ParseResult = ({ ok: true } & CoordinatesValues) | { ok: false; errors: CoordinatesErrors };

export interface ParseOptions {
  /** The server's date in Paris, YYYY-MM-DD: ages and « in the past » are measured against it. */
  today: string;
  /** What the backend sent: its list values are accepted even when today's lists lack them. */
  original?: Pick<CoordinatesValues, 'guardian' | 'student' | 'paymentMode'>;
}

// Typed builders: a typo in a field or rule name is a compile error, not a raw id shown to a parent.
const G = <F extends string, R extends string>(field: F, rule: R) => `validation.guardian.${field}.${rule}` as const;
const S = <F extends string, R extends string>(field: F, rule: R) => `validation.student.${field}.${rule}` as const;

/** The same seven date messages for both people, each in their own words. */
export const birthMessages = (who: 'guardian' | 'student'): Required<BirthDateMessages> => {
  const m = (rule: 'required' | 'incomplete' | 'year' | 'real' | 'past' | 'tooYoung' | 'tooOld') => `validation.${who}.birthDate.${rule}` as const;
  return {
    required: m('required'),
    incomplete: m('incomplete'),
    year: m('year'),
    real: m('real'),
    past: m('past'),
    tooYoung: m('tooYoung'),
    tooOld: m('tooOld'),
  };
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
          birthDate(birthMessages(who), { today, minAge: guardianSide ? GUARDIAN_MIN_AGE : STUDENT_MIN_AGE, maxAge: MAX_AGE }),
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

  // Responsable and Élève: the address and phones both may have (the student's, unless they are the guardian's).
  const abroad = g.country.trim() !== '' && g.country.trim().toUpperCase() !== FRANCE;
  type Contact = Pick<Guardian, 'address' | 'postalCode' | 'city' | 'phoneHome' | 'phoneMobile' | 'phoneWork'>;
  const contact = (
    who: 'guardian' | 'student',
    v: typeof g | typeof st,
    required: { address?: MessageId; postalCode?: MessageId; city?: MessageId } = {},
  ): Contact => {
    const m = <F extends string, R extends string>(field: F, rule: R) => `validation.${who}.${field}.${rule}` as const;
    const tel = (key: 'phoneHome' | 'phoneMobile' | 'phoneWork') => text(`${who}-${key}`, phone({ format: m(key, 'format') }), v[key], m(key, 'format'));
    return {
      address: text(`${who}-address`, address({ required: required.address, characters: m('address', 'characters') }), v.address, m('address', 'characters')),
      postalCode: text(
        `${who}-postalCode`,
        abroad
          ? foreignPostcode({ format: m('postalCode', 'abroad') })
          : frenchPostcode({ required: required.postalCode, format: m('postalCode', 'format'), unknown: m('postalCode', 'unknown') }),
        v.postalCode,
        m('postalCode', 'format'),
      ),
      city: text(`${who}-city`, placeName({ required: required.city, characters: m('city', 'characters') }), v.city, m('city', 'characters')),
      phoneHome: tel('phoneHome'),
      phoneMobile: tel('phoneMobile'),
      phoneWork: tel('phoneWork'),
    };
  };
  const mail = (who: 'guardian' | 'student', value: string, required?: MessageId) =>
    text(`${who}-email`, email({ required, format: `validation.${who}.email.format` }), value, `validation.${who}.email.format`);

  // Responsable
  const guardian: Guardian = {
    ...identity('guardian', g, og),
    country: text(
      'guardian-country',
      country({ required: G('country', 'list'), notInList: G('country', 'list'), keep: og?.country }),
      g.country,
      G('country', 'list'),
    ),
    ...contact('guardian', g, { address: G('address', 'required'), postalCode: G('postalCode', 'required'), city: G('city', 'required') }),
    email: mail('guardian', g.email, G('email', 'required')),
    pcs: text('guardian-pcs', listSchema({ codes: codes(refs.pcs), keep: og?.pcs, notInList: G('pcs', 'list') }), g.pcs, G('pcs', 'list')),
    profession: text('guardian-profession', profession({ characters: G('profession', 'characters') }), g.profession, G('profession', 'characters')),
    extraPhones: (['extraPhone1', 'extraPhone2', 'extraPhone3'] as const)
      .map((key) => text(`guardian-${key}`, phone({ format: G(key, 'format') }), g[key], G(key, 'format')))
      .filter(Boolean),
  };
  const phoneErrors = errors['guardian-phoneHome'] ?? errors['guardian-phoneMobile'];
  if (!phoneErrors && !guardian.phoneHome && !guardian.phoneMobile) errors['guardian-phoneMobile'] = 'validation.guardian.phoneReachable';

  // Élève
  const needs = studentRequirements(form, campaign, today);
  const student: StudentCoordinates = {
    ...identity('student', st, os),
    useGuardianAddress: st.useGuardianAddress,
    // While « Utiliser les coordonnées du responsable légal » is checked, they are the guardian's (checked once, there).
    ...(st.useGuardianAddress ? (Object.fromEntries(SHARED_WITH_GUARDIAN.map((key) => [key, guardian[key]])) as Contact) : contact('student', st)),
    email: mail('student', st.email),
    emergencyContact: text(
      'student-emergencyContact',
      emergencyContact({ required: needs.emergency ? S('emergencyContact', 'required') : undefined, characters: S('emergencyContact', 'characters') }),
      st.emergencyContact,
      S('emergencyContact', 'characters'),
    ),
    emergencyPhone: text(
      'student-emergencyPhone',
      phone({ format: S('emergencyPhone', 'format'), required: needs.emergency ? S('emergencyPhone', 'required') : undefined }),
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
