/**
 * Fuzzing every schema of the form data (src/schemas) and of the backend contract's request
 * bodies (src/api/contract.ts) with hostile strings (test/helpers/hostile.ts). `npm test` runs each
 * property 1,000 times; `npm run fuzz` (scripts/fuzz.mjs) 10,000 times, with figures.
 *
 * The properties:
 * - nothing throws, whatever the input (strings of any kind, or not strings at all);
 * - a form schema refuses with ids of our catalogue only (never zod's wording), each one resolving
 *   to its French text, or accepts, and then parse(parse(x)) equals parse(x) (normalisation is
 *   idempotent) and the value fits the contract's field it is sent as;
 * - names, places and addresses refuse C0 controls, DEL and bidi overrides with
 *   « validation.controlCharacters », and never keep an invisible character;
 * - emoji are kept whole: no accepted value, no « Éléments modifiés » line holds half a ZWJ
 *   sequence or half a surrogate pair;
 * - a contract schema either accepts a body unchanged (checks only, no transforms, so parsing
 *   again gives the same) or names each problem by its field path, which the mock server turns
 *   into a 422's `fieldErrors`.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import * as z from 'zod/mini';
import {
  DeclineRequest,
  DraftRequest,
  ErrorBody,
  FamilyUpdate,
  FieldChange,
  Guardian,
  IsoDate,
  LoginRequest,
  PasswordResetRequest,
  Phone,
  RegistrationAnswers,
  StudentCoordinates,
  SubmissionRequest,
  UploadFields,
} from '../../src/api/contract.js';
import { isMessageId, t, type MessageId } from '../../src/i18n/index.js';
import { fieldErrorsOf } from '../../src/mocks/handlers.js';
import { answered, authorisationErrors } from '../../src/schemas/authorisations.js';
import { birthDate, joinDateParts } from '../../src/schemas/birth-date.js';
import {
  coordinatesChangeLabels,
  CoordinatesForm,
  diffCoordinates,
  parseCoordinatesForm,
  previewCoordinates,
  toCoordinatesForm,
  type CoordinatesValues,
} from '../../src/schemas/coordinates.js';
import { country } from '../../src/schemas/country.js';
import { birthMessages } from '../../src/schemas/coordinates-validation.js';
import { additionalInfo, additionalInfoError, administrativeDay, administrativeErrors, administrativeInstrument } from '../../src/schemas/courses.js';
import { birthDepartment } from '../../src/schemas/departement.js';
import { email } from '../../src/schemas/email.js';
import { identifier, loginErrors, loginForm } from '../../src/schemas/login.js';
import { address, emergencyContact, personName, placeName, profession, school } from '../../src/schemas/names.js';
import { passwordResetErrors, passwordResetForm } from '../../src/schemas/password-reset.js';
import { phone } from '../../src/schemas/phone.js';
import { foreignPostcode, frenchPostcode } from '../../src/schemas/postcode.js';
import { truncate } from '../../src/schemas/characters.js';
import { listSchema } from '../../src/schemas/text.js';
import { campaign, original, TODAY } from '../fixtures/campaign.js';
import { answers as seedAnswers } from '../fixtures/steps.js';
import {
  checkProperty,
  EMOJI,
  emojiOf,
  FORBIDDEN_IN_NAMES,
  fuzzSettings,
  graphemes,
  hostile,
  isWellFormed,
  notAString,
  sendFigures,
  type Outcome,
} from '../helpers/hostile.js';

const SETTINGS = fuzzSettings('runs', 1000);
const RUNS = SETTINGS.runs;
/** The ids whose text takes parameters, given by the element that shows them. */
const PARAMETERISED = new Set<string>(['courses.additionalInfo.tooLong']);
type StaticId = Exclude<MessageId, 'courses.additionalInfo.tooLong'>;
const CONTROL_MESSAGE = 'validation.controlCharacters';
/** Control and format characters (C0, DEL, C1, bidi controls, zero widths, BOM): what a name must never keep. */
const HIDDEN = /[\p{Cc}\p{Cf}]/u;

after(sendFigures);

/** Runs a property RUNS times (the seed of npm run fuzz when given) and keeps its figures. */
const check = <T>(suite: string, name: string, input: fc.Arbitrary<T>, body: (value: T) => Outcome) => checkProperty({ suite, name, ...SETTINGS }, input, body);

/** A message id of ours whose French text is loaded (a function of parameters for some: the element gives them). */
function expectCatalogued(message: string, where: string): void {
  expect(isMessageId(message), `${where}: « ${message.slice(0, 80)} » is not a catalogue id`).to.equal(true);
  if (isMessageId(message) && !PARAMETERISED.has(message)) expect(t(message as StaticId), `${where}: ${message}`).to.not.equal(message);
}

/** No emoji of `output` is a piece of one of `input`'s (a split family, half a flag), and no pair was cut. */
function expectEmojiWhole(input: string, output: string, where: string): void {
  if (isWellFormed(input)) expect(isWellFormed(output), `${where}: a surrogate pair was cut`).to.equal(true);
  const whole = new Set([...graphemes(input), ...graphemes(input.normalize('NFC'))]);
  for (const emoji of emojiOf(output)) expect(whole.has(emoji), `${where}: « ${emoji} » is a piece of an emoji`).to.equal(true);
}

// ------------------------------------------------------------------ the form schemas

interface FormCase {
  name: string;
  schema: z.ZodMiniType<unknown>;
  /** Real values of the field, around which the hostile strings are built. */
  examples: readonly string[];
  /** A name, a place or an address: controls and bidi overrides refused with their own message, no invisible character kept. */
  strict?: boolean;
  /** An e-mail address: whatever it keeps, never a control, a bidi override or half a surrogate pair. */
  noControls?: boolean;
  /** The contract's schema of the field the value is sent as. */
  fits?: z.ZodMiniType<unknown>;
}

const NAMES = ["D'AGOSTINO", 'N’Diaye', 'Jean-Marc', 'Le Bihan', 'Œillet', 'Nguyễn', 'محمد', '李', 'Ze\u0301lie', 'St. John', 'Anne\u00a0Sophie'];
const PLACES = ['Lyon', 'Saint-Étienne', "L'Haÿ-les-Roses", 'Lyon 3e', 'Saint-Denis (La Réunion)', 'Villeneuve-d’Ascq'];
const ADDRESSES = ['14 chemin du Puy-d’Or', "12 bis, rue de l'Église", 'Résidence « Les Tilleuls », bât. B n° 4', 'BP 12 - 3 place de la Mairie'];
const FREE = ['Marco MOREAU (père)', 'Infirmier', 'Collège Jean-Philippe Rameau, Champagne-au-Mont-d’Or', 'Marie Martin (grand-mère) 06 12 34 56 78'];
const PHONES = ['06 12 34 56 78', '+33 (0)6 12 34 56 78', '0033 6 12 34 56 78', '+41 79 123 45 67', '０６１２３４５６７８', ''];
const EMAILS = ['prenom.nom@exemple.fr', 'Lydie.DAgostino@Example.FR', 'a+b@société.fr', ' x@y.fr ', 'x😀@y.fr'];
const DATES = ['14/03/1985', '14 03 1985', '14.03.1985', '14031985', '14 mars 1985', '1985-03-14', '29/02/2012', '2/9/2014'];
const POSTCODES = ['69760', '69 760', '20000', '97100', '98000', '00100', '9'];
const FOREIGN = ['1200', 'SW1A 1AA', 'd02 x285', '10-100'];
const CODES = ['69', '2a', '2B', '1', '971', '99', 'FR', 'ch', 'M', 'Mme', 'Mademoiselle', '5e', 'CM1'];
const IDENTIFIERS = ['LIMONEST-0001', ' famille.dagostino ', 'Lydie'];
const PASSWORDS = ['motdepasse', ' mot de passe ', 'p@ss\u{1f511}'];
const FREE_TEXT = ['Il souhaite changer de professeur.', 'Ligne 1\nLigne 2\tfin', `Merci \u{1f64f} ${EMOJI[0]}`, 'Clarinette', 'mercredi'];

const required = (field: string, who: 'guardian' | 'student' = 'guardian') => `validation.${who}.${field}.required` as MessageId;
const characters = (field: string, who: 'guardian' | 'student' = 'guardian') => `validation.${who}.${field}.characters` as MessageId;
const contractText = (max: number) => z.string().check(z.maxLength(max));
const refs = campaign().references;

const G = Guardian.shape;
const S = StudentCoordinates.shape;

/** Names, places and addresses: the strict ones. */
const FORM_CASES: FormCase[] = [
  {
    name: 'lastName (guardian, required)',
    schema: personName({ required: required('lastName'), characters: characters('lastName') }),
    examples: NAMES,
    fits: G.lastName,
  },
  {
    name: 'firstName (student, required)',
    schema: personName({ required: required('firstName', 'student'), characters: characters('firstName', 'student') }),
    examples: NAMES,
    fits: S.firstName,
  },
  { name: 'birthPlace (optional)', schema: placeName({ characters: characters('birthPlace') }), examples: PLACES, fits: G.birthPlace },
  { name: 'city (guardian, required)', schema: placeName({ required: required('city'), characters: characters('city') }), examples: PLACES, fits: G.city },
  {
    name: 'address (guardian, required)',
    schema: address({ required: required('address'), characters: characters('address') }),
    examples: ADDRESSES,
    fits: G.address,
  },
  { name: 'address (student, optional)', schema: address({ characters: characters('address', 'student') }), examples: ADDRESSES, fits: S.address },
  { name: 'profession', schema: profession({ characters: characters('profession') }), examples: FREE, fits: G.profession },
  {
    name: 'emergencyContact',
    schema: emergencyContact({ required: required('emergencyContact', 'student'), characters: characters('emergencyContact', 'student') }),
    examples: FREE,
    fits: S.emergencyContact,
  },
  { name: 'school', schema: school({ required: required('school', 'student'), characters: characters('school', 'student') }), examples: FREE, fits: S.school },
].map((c) => ({ ...c, strict: true }));

FORM_CASES.push(
  {
    name: 'postalCode (France, required)',
    schema: frenchPostcode({
      required: required('postalCode'),
      format: 'validation.guardian.postalCode.format',
      unknown: 'validation.guardian.postalCode.unknown',
    }),
    examples: POSTCODES,
    fits: G.postalCode,
  },
  {
    name: 'postalCode (France, optional)',
    schema: frenchPostcode({ format: 'validation.student.postalCode.format', unknown: 'validation.student.postalCode.unknown' }),
    examples: POSTCODES,
    fits: S.postalCode,
  },
  { name: 'postalCode (abroad)', schema: foreignPostcode({ format: 'validation.guardian.postalCode.abroad' }), examples: FOREIGN, fits: G.postalCode },
  { name: 'phone (optional)', schema: phone({ format: 'validation.guardian.phoneMobile.format' }), examples: PHONES, fits: Phone },
  {
    name: 'phone (required)',
    schema: phone({ required: required('emergencyPhone', 'student'), format: 'validation.student.emergencyPhone.format' }),
    examples: PHONES,
    fits: Phone,
  },
  {
    name: 'email (required)',
    schema: email({ required: required('email'), format: 'validation.guardian.email.format' }),
    examples: EMAILS,
    fits: G.email,
    noControls: true,
  },
  { name: 'email (optional)', schema: email({ format: 'validation.student.email.format' }), examples: EMAILS, fits: S.email, noControls: true },
  {
    name: 'birthDate (guardian)',
    schema: birthDate(birthMessages('guardian'), { today: TODAY, minAge: 18, maxAge: 110 }),
    examples: DATES,
    fits: z.union([IsoDate, z.literal('')]),
  },
  {
    name: 'birthDate (student)',
    schema: birthDate(birthMessages('student'), { today: TODAY, minAge: 3, maxAge: 110 }),
    examples: DATES,
    fits: z.union([IsoDate, z.literal('')]),
  },
  { name: 'birthDepartment', schema: birthDepartment({ notInList: 'validation.guardian.birthDepartment.list' }), examples: CODES, fits: G.birthDepartment },
  {
    name: 'country',
    schema: country({ required: 'validation.guardian.country.list', notInList: 'validation.guardian.country.list', keep: 'XX' }),
    examples: CODES,
    fits: G.country,
  },
  {
    name: 'civilite (list, with a legacy value)',
    schema: listSchema({ codes: refs.civilites.map((c) => c.code), keep: 'Mademoiselle', notInList: 'validation.guardian.civilite.list' }),
    examples: CODES,
    fits: G.civilite,
  },
  {
    name: 'schoolLevel (list, required)',
    schema: listSchema({
      codes: refs.niveauxScolaires.map((c) => c.code),
      required: 'validation.student.schoolLevel.required',
      notInList: 'validation.student.schoolLevel.list',
    }),
    examples: CODES,
    fits: S.schoolLevel,
  },
  { name: 'login identifier', schema: identifier('login.identifier.required'), examples: IDENTIFIERS },
  { name: 'login password', schema: loginForm.shape.password, examples: PASSWORDS },
  { name: 'password-reset identifier', schema: passwordResetForm.shape.identifier, examples: IDENTIFIERS },
  { name: 'password-reset email', schema: passwordResetForm.shape.email, examples: EMAILS, fits: PasswordResetRequest.shape.email, noControls: true },
  { name: 'authorisation answer', schema: answered('authorisations.image.required'), examples: ['oui', 'non', 'Oui', ' oui'] },
  { name: 'additionalInfo (4000)', schema: additionalInfo(4000), examples: FREE_TEXT, fits: RegistrationAnswers.shape.additionalInfo },
  { name: 'administrative instrument', schema: administrativeInstrument, examples: FREE_TEXT, fits: contractText(100) },
  { name: 'administrative day', schema: administrativeDay, examples: FREE_TEXT, fits: contractText(100) },
);

/** One field's property: see the file's header. Returns whether the value was accepted. */
function formProperty(c: FormCase, input: unknown): Outcome {
  const first = c.schema.safeParse(input);
  const text = typeof input === 'string' ? input : undefined;
  if (!first.success) {
    for (const issue of first.error.issues) expectCatalogued(issue.message, c.name);
    if (c.strict && text !== undefined && FORBIDDEN_IN_NAMES.test(text)) expect(first.error.issues[0]?.message, c.name).to.equal(CONTROL_MESSAGE);
    return 'refused';
  }
  const value = first.data;
  const again = c.schema.safeParse(value);
  expect(again.success, `${c.name}: its own output is refused`).to.equal(true);
  expect(again.data, `${c.name}: normalising twice changes the value`).to.deep.equal(value);
  if (c.fits) expect(c.fits.safeParse(value).success, `${c.name}: « ${String(value).slice(0, 60)} » does not fit the contract`).to.equal(true);
  if (typeof value === 'string' && text !== undefined) {
    if (c.strict) expect(HIDDEN.test(text), `${c.name}: accepted a control or invisible character`).to.equal(false);
    if (c.noControls) expect(FORBIDDEN_IN_NAMES.test(value) || !isWellFormed(value), `${c.name}: kept a control character`).to.equal(false);
    expectEmojiWhole(text, value, c.name);
  }
  return 'accepted';
}

describe(`fuzz: form schemas (${RUNS} runs each)`, () => {
  for (const c of FORM_CASES) {
    it(c.name, () => {
      return check('form', c.name, fc.oneof({ weight: 9, arbitrary: hostile(c.examples) }, { weight: 1, arbitrary: notAString }), (x) => formProperty(c, x));
    });
  }

  it('birth date typed in three fields', () => {
    const schema = birthDate(birthMessages('student'), { today: TODAY, minAge: 3, maxAge: 110 });
    const part = hostile(['14', '3', 'mars', '1985', '14/03/1985', '']);
    const real = fc.tuple(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1900, max: 2030 })).map((d) => d.map(String));
    const parts = fc.oneof(
      real,
      fc.tuple(part, part, part),
      real.chain(([d, m, y]) => fc.tuple(fc.oneof(fc.constant(d), part), fc.constant(m), fc.oneof(fc.constant(y), part))),
    );
    return check('form', 'birth date parts', parts, ([day = '', month = '', year = '']) =>
      formProperty({ name: 'birth date parts', schema, examples: [], fits: z.union([IsoDate, z.literal('')]) }, joinDateParts({ day, month, year })),
    );
  });

  it('login form and password-reset form: one catalogue message per field, or sent as typed', () => {
    const id = hostile(IDENTIFIERS);
    return check('form', 'login + password-reset forms', fc.tuple(id, hostile(PASSWORDS), hostile(EMAILS)), ([identifierValue, password, mail]) => {
      const errors = { ...loginErrors({ identifier: identifierValue, password }), ...passwordResetErrors({ identifier: identifierValue, email: mail }) };
      for (const message of Object.values(errors)) expectCatalogued(message, 'login/password-reset');
      return Object.keys(errors).length ? 'refused' : 'accepted';
    });
  });

  it('authorisations and courses: each answer a catalogue message or accepted', () => {
    type Answers = Parameters<typeof authorisationErrors>[0];
    type Details = { instrument: string; day: string };
    const answer = fc.oneof(fc.constantFrom('oui', 'non', null, undefined), hostile(['oui', 'non']), notAString);
    const detail = fc.oneof({ weight: 9, arbitrary: hostile(FREE_TEXT) }, { weight: 1, arbitrary: notAString });
    return check(
      'form',
      'authorisations + administrative details',
      fc.tuple(answer, answer, fc.boolean(), fc.boolean(), detail, detail),
      ([image, sortie, adult, checked, instrument, day]) => {
        const details = { instrument, day } as Details;
        const errors = {
          ...authorisationErrors({ image, sortie } as Answers, { adult }),
          ...administrativeErrors({ administrativeReregistration: checked, administrativeDetails: details }, { applies: true }),
        };
        for (const message of Object.values(errors)) expectCatalogued(message, 'authorisations/courses');
        const ok = Object.keys(errors).length === 0;
        if (ok && checked) expect(RegistrationAnswers.shape.administrativeDetails.safeParse(details).success, 'details fit the contract').to.equal(true);
        return ok ? 'accepted' : 'refused';
      },
    );
  });

  it('additional information: its message says the limit, or the text is kept as typed', () => {
    return check('form', 'additionalInfoError', fc.tuple(hostile(FREE_TEXT), fc.integer({ min: 1, max: 4000 })), ([text, max]) => {
      const error = additionalInfoError(text, max);
      if (error === undefined) {
        // zod measures strings in code points (an emoji is one), as the contract does.
        expect([...text].length).to.be.at.most(max);
        expect(FORBIDDEN_IN_NAMES.test(text.replace(/[\t\n\r]/g, '')), 'a control or bidi override kept in the free text').to.equal(false);
        return 'accepted';
      }
      expect([t('courses.additionalInfo.tooLong', { max, over: [...text].length - max }), t(CONTROL_MESSAGE)]).to.include(error);
      return 'refused';
    });
  });
});

describe(`fuzz: cutting a text (${RUNS} runs)`, () => {
  it('truncate: a prefix within the limit, cut between graphemes', () => {
    return check('form', 'truncate', fc.tuple(hostile([...FREE_TEXT, EMOJI.join(' ')]), fc.integer({ min: 0, max: 600 })), ([text, max]) => {
      const cut = truncate(text, max);
      expect(cut.length).to.be.at.most(max);
      expect(text.startsWith(cut)).to.equal(true);
      expectEmojiWhole(text, cut, 'truncate');
      return cut === text ? 'accepted' : 'refused';
    });
  });
});

// ------------------------------------------------------------------ step 1 as a whole

/** What a parent may do to a prefilled value and still mean it: spaces around and inside, other apostrophes, accents decomposed, capitals. */
const REWRITES: readonly ((value: string) => string)[] = [
  (v) => `  ${v} `,
  (v) => v.replace(/ /g, '\u00a0'),
  (v) => v.replace(/ /g, '   '),
  (v) => v.normalize('NFD'),
  (v) => v.replace(/'/g, '’'),
  (v) => v.toUpperCase(),
];

/**
 * A form that was prefilled from the contract's values, then had some of its fields rewritten (as
 * above, mostly accepted) or replaced with hostile text (mostly refused), and its school year answered.
 */
const coordinatesForm = (() => {
  const o = original();
  const base = toCoordinatesForm(o.guardian, o.student, o.paymentMode, o.bankChanged);
  const textKeys = (section: Record<string, unknown>) => Object.keys(section).filter((k) => typeof section[k] === 'string');
  const examples = [...NAMES, ...ADDRESSES, ...PHONES, ...EMAILS, ...POSTCODES, ...CODES, '14', '03', '1985'];
  const edits = (section: Record<string, unknown>) =>
    fc
      .dictionary(
        fc.constantFrom(...textKeys(section)),
        fc.oneof({ weight: 1, arbitrary: hostile(examples) }, { weight: 3, arbitrary: fc.constantFrom(...REWRITES) }),
        { maxKeys: 4 },
      )
      .map((d) => Object.fromEntries(Object.entries(d).map(([k, v]) => [k, typeof v === 'function' ? v(String(section[k])) : v])));
  return fc
    .record({
      guardian: edits(base.guardian),
      student: edits(base.student),
      useGuardianAddress: fc.boolean(),
      paymentMode: fc.oneof({ weight: 4, arbitrary: fc.constantFrom('single', 'direct-debit') }, { weight: 1, arbitrary: fc.constantFrom('', 'autre') }),
      bankChanged: fc.oneof({ weight: 4, arbitrary: fc.constantFrom('oui', 'non') }, { weight: 1, arbitrary: fc.constant('') }) as fc.Arbitrary<
        '' | 'oui' | 'non'
      >,
    })
    .map((e): CoordinatesForm => ({
      ...base,
      paymentMode: e.paymentMode,
      bankChanged: e.bankChanged,
      guardian: { ...base.guardian, ...e.guardian },
      student: { ...base.student, ...e.student, useGuardianAddress: e.useGuardianAddress },
    }));
})();

describe(`fuzz: step 1 as a whole (${RUNS} runs each)`, () => {
  const options = { today: TODAY, original: original() };

  it('parseCoordinatesForm: catalogue messages, or values the contract accepts that parse again to themselves', () => {
    return check('form', 'parseCoordinatesForm', coordinatesForm, (form) => {
      const result = parseCoordinatesForm(form, campaign(), options);
      if (!result.ok) {
        for (const [id, message] of Object.entries(result.errors)) expectCatalogued(message, id);
        return 'refused';
      }
      const values: CoordinatesValues = {
        guardian: result.guardian,
        student: result.student,
        paymentMode: result.paymentMode,
        bankChanged: result.bankChanged,
      };
      expect(Guardian.safeParse(values.guardian).success, 'the guardian fits the contract').to.equal(true);
      expect(StudentCoordinates.safeParse(values.student).success, 'the student fits the contract').to.equal(true);
      expect(FamilyUpdate.safeParse({ guardian: values.guardian, paymentMode: values.paymentMode, bankChanged: values.bankChanged }).success).to.equal(true);
      const again = parseCoordinatesForm(toCoordinatesForm(values.guardian, values.student, values.paymentMode, values.bankChanged), campaign(), options);
      expect(again.ok, 'the values, shown again, are refused').to.equal(true);
      if (again.ok) {
        const { guardian, student, paymentMode, bankChanged } = again;
        expect({ guardian, student, paymentMode, bankChanged }, 'parsing the values again changes them').to.deep.equal(values);
      }
      return 'accepted';
    });
  });

  it('« Éléments modifiés »: within the contract, emoji and surrogate pairs never cut', () => {
    const labels = coordinatesChangeLabels(campaign());
    const o = original();
    const stored = [...Object.values(o.guardian), ...Object.values(o.student)];
    return check('form', 'diffCoordinates', coordinatesForm, (form) => {
      const changes = diffCoordinates(o, previewCoordinates(form), labels);
      const sources = [...stored, ...Object.values(form.guardian), ...Object.values(form.student)].filter((v): v is string => typeof v === 'string');
      const whole = new Set(sources.flatMap((v) => [...graphemes(v), ...graphemes(v.normalize('NFC'))]));
      const wellFormed = sources.every(isWellFormed);
      for (const c of changes) {
        expect(FieldChange.safeParse(c).success, `${c.field} fits FieldChange`).to.equal(true);
        if (wellFormed) expect(isWellFormed(c.before) && isWellFormed(c.after), `${c.field}: a surrogate pair was cut`).to.equal(true);
        for (const emoji of [...emojiOf(c.before), ...emojiOf(c.after)])
          expect(whole.has(emoji), `${c.field}: « ${emoji} » is a piece of an emoji`).to.equal(true);
      }
      return changes.length ? 'accepted' : 'refused';
    });
  });
});

// ------------------------------------------------------------------ the contract's request bodies

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path to a leaf of a JSON value (arrays by index). */
function leafPaths(value: Json, path: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [path];
  const entries: [string | number, Json][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  return entries.length ? entries.flatMap(([k, v]) => leafPaths(v, [...path, k])) : [path];
}

function at(value: unknown, path: readonly (string | number | symbol)[]): unknown {
  return path.reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<string | number | symbol, unknown>)[k] : undefined), value);
}

/** A copy of `body` with the leaf at `path` replaced (or removed, for `undefined`). */
function withLeaf(body: Json, path: readonly (string | number)[], leaf: unknown): unknown {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  const parent = at(copy, path.slice(0, -1)) as Record<string | number, unknown> | undefined;
  const key = path[path.length - 1];
  if (parent === undefined || key === undefined) return leaf;
  if (leaf !== undefined) parent[key] = leaf;
  else if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else Reflect.deleteProperty(parent, key);
  return copy;
}

const acceptance = { rulesVersion: '2024-2025', authorisationVersions: { image: '2024-v1', sortie: '2024-v1' }, acceptedAt: '2024-06-10T12:32:00Z' };
const change = { field: 'guardian.email', label: 'Responsable – E-mail', before: 'a@exemple.fr', after: 'b@exemple.fr' };

/** Each request body of the contract, with a valid example the mutations start from. */
const CONTRACT_CASES: { name: string; schema: z.ZodMiniType<unknown>; valid: () => Json }[] = [
  { name: 'LoginRequest', schema: LoginRequest, valid: () => ({ identifier: 'LIMONEST-0001', password: 'motdepasse' }) },
  { name: 'PasswordResetRequest', schema: PasswordResetRequest, valid: () => ({ identifier: 'LIMONEST-0001', email: 'lydie.dagostino@example.fr' }) },
  {
    name: 'FamilyUpdate',
    schema: FamilyUpdate,
    valid: () => ({ guardian: original().guardian, paymentMode: 'direct-debit', bankChanged: null }) as unknown as Json,
  },
  { name: 'DraftRequest', schema: DraftRequest, valid: () => ({ answers: seedAnswers(), step: 2 }) as unknown as Json },
  { name: 'SubmissionRequest', schema: SubmissionRequest, valid: () => ({ answers: seedAnswers(), acceptance, changes: [change] }) as unknown as Json },
  { name: 'DeclineRequest', schema: DeclineRequest, valid: () => ({ reason: 'Déménagement à Lyon' }) },
  { name: 'UploadFields', schema: UploadFields, valid: () => ({ typeCode: 'attestation-qf', studentId: 'gianni' }) },
  { name: 'ErrorBody', schema: ErrorBody, valid: () => ({ code: 'validation', message: 'Refusé', fieldErrors: { 'guardian.email': ['validation.format'] } }) },
];

/** A value in place of a leaf: hostile text, another JSON value, nothing at all, or the leaf's own. */
const replacement: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: hostile([...NAMES, ...EMAILS, ...PHONES, '2024-06-10T12:32:00Z', 'gianni']) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: notAString },
);

describe(`fuzz: contract request bodies (${RUNS} runs each)`, () => {
  for (const c of CONTRACT_CASES) {
    it(c.name, () => {
      const valid = c.valid();
      expect(c.schema.safeParse(valid).success, `${c.name}'s example`).to.equal(true);
      const paths = leafPaths(valid);
      const mutated = fc
        .array(fc.tuple(fc.constantFrom(...paths), replacement), { minLength: 1, maxLength: 3 })
        .map((edits) => edits.reduce<unknown>((body, [path, leaf]) => withLeaf(body as Json, path, leaf), valid));
      return check('contract', c.name, fc.oneof({ weight: 9, arbitrary: mutated }, { weight: 1, arbitrary: fc.anything() }), (body) => {
        const first = c.schema.safeParse(body);
        if (!first.success) {
          const fieldErrors = fieldErrorsOf(first.error.issues);
          expect(Object.keys(fieldErrors).length, `${c.name}: a refusal names no field`).to.be.greaterThan(0);
          for (const issue of first.error.issues) {
            // The field named exists in the body, or its parent does (a missing key): never a made-up path.
            expect(issue.path.length === 0 || at(body, issue.path.slice(0, -1)) !== undefined, `${c.name}: path ${issue.path.join('.')}`).to.equal(true);
          }
          for (const ids of Object.values(fieldErrors)) for (const id of ids) expect(id).to.match(/^validation\.[a-zA-Z]+$/);
          return 'refused';
        }
        // Checks only, no transforms: what is accepted is what was sent, and parses again to itself.
        for (const path of leafPaths(first.data as Json)) {
          const leaf = at(first.data, path);
          if (leaf === null || typeof leaf !== 'object') expect(leaf, `${c.name}: ${path.join('.')} was rewritten`).to.equal(at(body, path));
        }
        expect(c.schema.safeParse(first.data).data).to.deep.equal(first.data);
        return 'accepted';
      });
    });
  }
});
