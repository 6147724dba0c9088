import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { isMessageId, t, type MessageId } from '../../src/i18n/index.js';
import { stepsCatalogue as fr } from '../../src/i18n/fr/steps-catalogue.js';
import { birthDate, joinDateParts } from '../../src/schemas/birth-date.js';
import { CoordinatesForm, parseCoordinatesForm, toCoordinatesForm } from '../../src/schemas/coordinates.js';
import { country } from '../../src/schemas/country.js';
import { birthDepartment } from '../../src/schemas/departement.js';
import { answered } from '../../src/schemas/authorisations.js';
import { email } from '../../src/schemas/email.js';
import { identifier, loginForm } from '../../src/schemas/login.js';
import { address, emergencyContact, personName, placeName, profession, school } from '../../src/schemas/names.js';
import { phone } from '../../src/schemas/phone.js';
import { passwordResetForm } from '../../src/schemas/password-reset.js';
import { foreignPostcode, frenchPostcode } from '../../src/schemas/postcode.js';
import { campaign, original, TODAY } from '../fixtures/campaign.js';
import { allMessages, FORBIDDEN } from './helpers.js';

const validationIds = Object.keys(fr).filter((id) => id.startsWith('validation.')) as MessageId[];

/** Anything a parent can type or paste: full Unicode, plus strings near the real shapes. */
const typed = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom(..."0123456789 +.-/()@aé'’"), maxLength: 25 }),
  fc.string({ unit: 'binary-ascii', minLength: 95, maxLength: 320 }),
);

const schemas = {
  name: personName({ required: 'validation.guardian.lastName.required', characters: 'validation.guardian.lastName.characters' }),
  place: placeName({ characters: 'validation.guardian.birthPlace.characters' }),
  address: address({ required: 'validation.guardian.address.required', characters: 'validation.guardian.address.characters' }),
  profession: profession({ characters: 'validation.guardian.profession.characters' }),
  emergency: emergencyContact({ required: 'validation.student.emergencyContact.required', characters: 'validation.student.emergencyContact.characters' }),
  school: school({ characters: 'validation.student.school.characters' }),
  postcode: frenchPostcode({
    required: 'validation.guardian.postalCode.required',
    format: 'validation.guardian.postalCode.format',
    unknown: 'validation.guardian.postalCode.unknown',
  }),
  foreignPostcode: foreignPostcode({ format: 'validation.guardian.postalCode.abroad' }),
  departement: birthDepartment({ notInList: 'validation.guardian.birthDepartment.list' }),
  country: country({ required: 'validation.guardian.country.list', notInList: 'validation.guardian.country.list' }),
  phone: phone({ required: 'validation.student.emergencyPhone.required', format: 'validation.student.emergencyPhone.format' }),
  email: email({ required: 'validation.guardian.email.required', format: 'validation.guardian.email.format' }),
  birthDate: birthDate(
    {
      required: 'validation.student.birthDate.required',
      incomplete: 'validation.student.birthDate.incomplete',
      year: 'validation.student.birthDate.year',
      real: 'validation.student.birthDate.real',
      past: 'validation.student.birthDate.past',
      tooYoung: 'validation.student.birthDate.tooYoung',
      tooOld: 'validation.student.birthDate.tooOld',
    },
    { today: TODAY, minAge: 3, maxAge: 110 },
  ),
  loginIdentifier: identifier('login.identifier.required'),
  loginPassword: loginForm.shape.password,
  resetEmail: passwordResetForm.shape.email,
  authorisation: answered('authorisations.sortie.adultRequired'),
};

const assertOurs = (messages: string[]) => {
  for (const message of messages) {
    expect(isMessageId(message), `« ${message} » is not a catalogue id`).to.equal(true);
    if (isMessageId(message)) expect(t(message)).to.not.match(FORBIDDEN);
  }
};

describe('validation messages', () => {
  it('are actionable: an example, never « invalide », « veuillez » or « obligatoire »', () => {
    expect(validationIds.length).to.be.greaterThan(60);
    for (const id of validationIds) {
      const message = t(id);
      expect(message, id).to.not.match(FORBIDDEN);
      expect(message, id).to.match(/par exemple|Oui ou Non/);
    }
  });

  it('guardian and student messages differ, so the error summary is unambiguous', () => {
    const texts = validationIds.filter((id) => /^validation\.(guardian|student)\./.test(id)).map((id) => t(id));
    expect(new Set(texts).size).to.equal(texts.length);
  });

  for (const [name, schema] of Object.entries(schemas)) {
    it(`${name}: every rejection of any string is one of our messages`, () => {
      fc.assert(
        fc.property(typed, (input) => assertOurs(allMessages(schema, input))),
        { numRuns: 300 },
      );
    });
  }

  it('non-strings are refused with our messages too', () => {
    for (const schema of Object.values(schemas)) {
      for (const input of [undefined, null, 42, {}, []]) assertOurs(allMessages(schema, input));
    }
  });

  it('birth date parts: any three strings give our messages', () => {
    fc.assert(
      fc.property(typed, typed, typed, (day, month, year) => assertOurs(allMessages(schemas.birthDate, joinDateParts({ day, month, year })))),
      { numRuns: 300 },
    );
  });

  it('the whole form: any value in any field gives only our messages', () => {
    const base = toCoordinatesForm(original().guardian, original().student, original().paymentMode, original().bankChanged);
    const guardianKeys = Object.keys(base.guardian) as (keyof CoordinatesForm['guardian'])[];
    const studentKeys = Object.keys(base.student).filter((k) => k !== 'useGuardianAddress') as Exclude<
      keyof CoordinatesForm['student'],
      'useGuardianAddress'
    >[];
    fc.assert(
      fc.property(
        fc.constantFrom(...guardianKeys),
        fc.constantFrom(...studentKeys),
        typed,
        typed,
        fc.boolean(),
        fc.constantFrom('', 'single', 'direct-debit', 'autre'),
        (gKey, sKey, gValue, sValue, useGuardianAddress, paymentMode) => {
          const form: CoordinatesForm = {
            ...base,
            paymentMode,
            guardian: { ...base.guardian, [gKey]: gValue },
            student: { ...base.student, [sKey]: sValue, useGuardianAddress },
          };
          const result = parseCoordinatesForm(form, campaign(), { today: TODAY, original: original() });
          if (!result.ok) assertOurs(Object.values(result.errors));
        },
      ),
      { numRuns: 400 },
    );
  });
});
