import { expect } from '@open-wc/testing';
import { Campaign, Guardian, StudentCoordinates } from '../../src/api/contract.js';
import {
  coordinatesChangeLabels,
  CoordinatesForm,
  diffCoordinates,
  forNewSchoolYear,
  parseCoordinatesForm,
  previewCoordinates,
  toCoordinatesForm,
  type CoordinatesValues,
} from '../../src/schemas/coordinates.js';
import { campaign, emptyOriginal, guardian, original, student, TODAY } from '../fixtures/campaign.js';

const formOf = (o = original()) => toCoordinatesForm(o.guardian, o.student, o.paymentMode, o.bankChanged);
const parse = (form: CoordinatesForm, o = original()) => parseCoordinatesForm(form, campaign(), { today: TODAY, original: o });
const errorsOf = (form: CoordinatesForm, o = original()) => {
  const result = parse(form, o);
  return result.ok ? {} : result.errors;
};
const edit = (
  form: CoordinatesForm,
  patch: { guardian?: Partial<CoordinatesForm['guardian']>; student?: Partial<CoordinatesForm['student']> } & Partial<
    Pick<CoordinatesForm, 'paymentMode' | 'bankChanged'>
  >,
): CoordinatesForm => ({
  ...form,
  ...patch,
  guardian: { ...form.guardian, ...patch.guardian },
  student: { ...form.student, ...patch.student },
});
const withBank = (form: CoordinatesForm) => edit(form, { bankChanged: 'non' });

describe('schemas/coordinates', () => {
  it('the fixtures satisfy the backend contract', () => {
    expect(Campaign.safeParse(campaign()).success).to.equal(true);
    expect(Guardian.safeParse(guardian()).success).to.equal(true);
    expect(StudentCoordinates.safeParse(student()).success).to.equal(true);
  });

  describe('toCoordinatesForm', () => {
    it('prefills with phones written the French way and dates split in three', () => {
      const form = formOf();
      expect(form.guardian.phoneMobile).to.equal('06 39 98 00 42');
      expect(form.guardian.phoneHome).to.equal('04 65 71 00 12');
      expect([form.guardian.birthDay, form.guardian.birthMonth, form.guardian.birthYear]).to.deep.equal(['14', '03', '1984']);
      expect(form.guardian.civilite).to.equal('Mademoiselle');
      expect(form.paymentMode).to.equal('direct-debit');
      expect(form.bankChanged).to.equal('');
      expect(CoordinatesForm.safeParse(form).success).to.equal(true);
    });

    it('shows the guardian’s address and phones on the student while the box is checked', () => {
      const form = formOf();
      expect(form.student.useGuardianAddress).to.equal(true);
      expect(form.student.phoneMobile).to.equal(form.guardian.phoneMobile);
      expect(form.student.address).to.equal(form.guardian.address);
    });

    it('an address stored on two lines reads as one, so the untouched form is not refused for a line break', () => {
      const o = original();
      o.guardian.address = '14 chemin du Puy-d’Or\r\nBât. B';
      o.student.address = o.guardian.address;
      const form = formOf(o);
      expect(form.guardian.address).to.equal('14 chemin du Puy-d’Or Bât. B');
      const result = parse(withBank(edit(form, { student: { school: 'Collège', schoolLevel: '5e' } })), o);
      expect(result.ok && result.guardian.address).to.equal("14 chemin du Puy-d'Or Bât. B");
    });
  });

  describe('parseCoordinatesForm', () => {
    it('accepts the untouched prefilled form and returns contract-valid, normalised values', () => {
      const result = parse(withBank(formOf()));
      expect(result.ok).to.equal(true);
      if (!result.ok) return;
      expect(Guardian.safeParse(result.guardian).success).to.equal(true);
      expect(StudentCoordinates.safeParse(result.student).success).to.equal(true);
      expect(result.guardian.phoneMobile).to.equal('+33639980042');
      expect(result.guardian.civilite).to.equal('Mademoiselle');
      expect(result.guardian.address).to.equal("14 chemin du Puy-d'Or");
      expect(result.student.birthDate).to.equal('2014-05-09');
      expect(result.paymentMode).to.equal('direct-debit');
      expect(result.bankChanged).to.equal(false);
    });

    it('an empty record asks exactly for the required fields', () => {
      const errors = errorsOf(formOf(emptyOriginal()), emptyOriginal());
      expect(Object.keys(errors)).to.deep.equal([
        'guardian-lastName',
        'guardian-firstName',
        'guardian-birthDate',
        'guardian-address',
        'guardian-postalCode',
        'guardian-city',
        'guardian-phoneMobile',
        'guardian-email',
        'student-lastName',
        'student-firstName',
        'student-birthDate',
        'paymentMode',
      ]);
      expect(errors['guardian-phoneMobile']).to.equal('validation.guardian.phoneReachable');
      expect(errors['guardian-postalCode']).to.equal('validation.guardian.postalCode.required');
    });

    it('one reachable phone is enough: home or mobile', () => {
      const base = withBank(formOf());
      expect(parse(edit(base, { guardian: { phoneMobile: '' } })).ok).to.equal(true);
      expect(parse(edit(base, { guardian: { phoneHome: '' } })).ok).to.equal(true);
      expect(errorsOf(edit(base, { guardian: { phoneHome: '', phoneMobile: '' } }))).to.deep.equal({
        'guardian-phoneMobile': 'validation.guardian.phoneReachable',
      });
    });

    it('a minor needs an emergency contact and phone; an adult does not', () => {
      const minor = edit(withBank(formOf()), { student: { emergencyContact: '', emergencyPhone: '' } });
      expect(errorsOf(minor)).to.deep.equal({
        'student-emergencyContact': 'validation.student.emergencyContact.required',
        'student-emergencyPhone': 'validation.student.emergencyPhone.required',
      });
      const adult = edit(minor, { student: { birthYear: '1990', schoolLevel: 'NS', school: '' } });
      expect(parse(adult).ok).to.equal(true);
    });

    it('minority is counted on 1 September of the school year, as in step 2', () => {
      // 18 on 1 September 2026 but 17 today (1 June 2026): an adult for the conservatory.
      const almost = edit(withBank(formOf()), { student: { birthDay: '15', birthMonth: '08', birthYear: '2008', emergencyContact: '', emergencyPhone: '' } });
      expect(errorsOf(almost)).to.not.have.property('student-emergencyContact');
    });

    it('a school-age student needs a school and a level, unless not at school', () => {
      const noSchool = edit(withBank(formOf()), { student: { school: '', schoolLevel: '' } });
      expect(errorsOf(noSchool)).to.deep.equal({
        'student-school': 'validation.student.school.required',
        'student-schoolLevel': 'validation.student.schoolLevel.required',
      });
      expect(parse(edit(noSchool, { student: { schoolLevel: 'NS' } })).ok).to.equal(true);
    });

    it('the conditional rules wait for a real date of birth', () => {
      const errors = errorsOf(edit(withBank(formOf()), { student: { birthDay: '31', birthMonth: '02', emergencyContact: '', school: '', schoolLevel: '' } }));
      expect(errors).to.deep.equal({ 'student-birthDate': 'validation.student.birthDate.real' });
    });

    it('a guardian living abroad is not held to the French postcode', () => {
      const swiss = edit(withBank(formOf()), { guardian: { country: 'CH', postalCode: '1200', city: 'Genève', phoneMobile: '+41 79 123 45 67' } });
      const result = parse(swiss);
      expect(result.ok).to.equal(true);
      if (result.ok) {
        expect(result.guardian.country).to.equal('CH');
        expect(result.guardian.postalCode).to.equal('1200');
        expect(result.student.postalCode).to.equal('1200');
        expect(result.guardian.phoneMobile).to.equal('+41791234567');
      }
      expect(parse(edit(swiss, { guardian: { postalCode: '' } })).ok).to.equal(true);
      expect(errorsOf(edit(withBank(formOf()), { guardian: { postalCode: '1200' } }))).to.deep.equal({
        'guardian-postalCode': 'validation.guardian.postalCode.format',
      });
    });

    it('« Utiliser les coordonnées du responsable légal » gives the student the guardian’s normalised values', () => {
      const form = edit(withBank(formOf()), { guardian: { phoneMobile: '06.11.22.33.44', address: '  3  place  de la Mairie ' } });
      const result = parse(form);
      expect(result.ok).to.equal(true);
      if (!result.ok) return;
      expect(result.student.phoneMobile).to.equal('+33611223344');
      expect(result.student.address).to.equal('3 place de la Mairie');
      // The student's own (stale) values are ignored while the box is checked.
      const stale = edit(form, { student: { postalCode: 'ABCDE' } });
      expect(parse(stale).ok).to.equal(true);
    });

    it('unchecked, the student’s own address is checked', () => {
      const own = edit(withBank(formOf()), { student: { useGuardianAddress: false, postalCode: '6976' } });
      expect(errorsOf(own)).to.deep.equal({ 'student-postalCode': 'validation.student.postalCode.format' });
    });

    it('keeps a prefilled « Mademoiselle » that today’s list lacks, but no other unknown value', () => {
      expect(parse(withBank(formOf())).ok).to.equal(true);
      expect(errorsOf(edit(withBank(formOf()), { guardian: { civilite: 'Docteur' } }))).to.deep.equal({
        'guardian-civilite': 'validation.guardian.civilite.list',
      });
      const noOriginal = parseCoordinatesForm(withBank(formOf()), campaign(), { today: TODAY });
      expect(noOriginal.ok ? {} : noOriginal.errors).to.deep.equal({ 'guardian-civilite': 'validation.guardian.civilite.list' });
    });

    it('asks about the bank account only for direct debit', () => {
      expect(errorsOf(formOf())).to.deep.equal({ bankChanged: 'validation.bankChanged.required' });
      const single = parse(edit(formOf(), { paymentMode: 'single' }));
      expect(single.ok && single.bankChanged).to.equal(null);
      const changed = parse(edit(formOf(), { bankChanged: 'oui' }));
      expect(changed.ok && changed.bankChanged).to.equal(true);
      expect(errorsOf(edit(formOf(), { paymentMode: 'cash' }))).to.deep.equal({ paymentMode: 'validation.paymentMode.required' });
    });

    it('extra phones are stored without gaps', () => {
      const result = parse(edit(withBank(formOf()), { guardian: { extraPhone2: '07 11 22 33 44' } }));
      expect(result.ok && result.guardian.extraPhones).to.deep.equal(['+33711223344']);
    });

    it('a guardian must be an adult, a student at least 3', () => {
      expect(errorsOf(edit(withBank(formOf()), { guardian: { birthYear: '2010' } }))).to.deep.equal({
        'guardian-birthDate': 'validation.guardian.birthDate.tooYoung',
      });
      expect(errorsOf(edit(withBank(formOf()), { student: { birthYear: '2024' } }))).to.deep.equal({
        'student-birthDate': 'validation.student.birthDate.tooYoung',
      });
    });
  });

  describe('forNewSchoolYear', () => {
    it('starts the yearly answers empty (school, level, bank), keeping the bank answer given this year for a brother or sister', () => {
      const form = toCoordinatesForm(guardian(), student(), 'direct-debit', false);
      const fresh = forNewSchoolYear(form);
      expect([fresh.student.school, fresh.student.schoolLevel, fresh.bankChanged]).to.deep.equal(['', '', '']);
      expect(fresh.student.lastName).to.equal('MOREAU');
      expect(forNewSchoolYear(form, { keepBank: true }).bankChanged).to.equal('non');
    });

    it('an unanswered yearly field is no change; an answer differing from last year’s is one', () => {
      const o = original();
      const labels = coordinatesChangeLabels(campaign());
      const fresh = forNewSchoolYear(toCoordinatesForm(o.guardian, o.student, o.paymentMode, o.bankChanged));
      expect(diffCoordinates(o, previewCoordinates(fresh), labels)).to.deep.equal([]);
      const answered = edit(fresh, { student: { schoolLevel: 'Tle' } });
      expect(diffCoordinates(o, previewCoordinates(answered), labels).map((c) => c.field)).to.deep.equal(['student.schoolLevel']);
    });
  });

  describe('diffCoordinates (« Éléments modifiés »)', () => {
    const labels = coordinatesChangeLabels(campaign());
    const diff = (form: CoordinatesForm) => diffCoordinates(original(), previewCoordinates(form), labels);

    it('an untouched prefilled form has no change', () => {
      expect(diff(formOf())).to.deep.equal([]);
    });

    it('rewriting without changing is not a change: phones, apostrophes, spaces, case', () => {
      const rewritten = edit(formOf(), {
        guardian: {
          phoneMobile: '+33 6 39 98 00 42',
          phoneHome: '04.65.71.00.12',
          lastName: 'D’Agostino',
          firstName: '  LYDIE ',
          address: "14  chemin du Puy-d'Or",
          email: 'Lydie.Dagostino@EXAMPLE.fr',
          postalCode: '69 760',
        },
      });
      expect(diff(rewritten)).to.deep.equal([]);
    });

    it('lists a real change with its label and both values as read', () => {
      const changed = edit(formOf(), { guardian: { phoneMobile: '07 11 22 33 44', civilite: 'MME' }, paymentMode: 'single' });
      expect(diff(changed)).to.deep.equal([
        { field: 'guardian.civilite', label: 'Responsable\u00a0– Civilité', before: 'Mademoiselle', after: 'Madame' },
        // The student shares the guardian's phones, before and after: one line says it.
        { field: 'guardian.phoneMobile', label: 'Responsable\u00a0– Mobile', before: '06 39 98 00 42', after: '07 11 22 33 44' },
        { field: 'paymentMode', label: 'Mode de règlement souhaité', before: 'Prélèvement automatique en 9 fois', after: 'Règlement en une fois' },
      ]);
    });

    it('unchecking « Utiliser les coordonnées du responsable légal » changes nothing until the student’s own values are edited', () => {
      const own = edit(formOf(), { student: { useGuardianAddress: false } });
      expect(diff(own)).to.deep.equal([
        { field: 'student.useGuardianAddress', label: 'Élève\u00a0– Utiliser les coordonnées du responsable légal', before: 'Oui', after: 'Non' },
      ]);
      expect(diff(edit(own, { student: { city: 'Lyon' } })).map((c) => [c.field, c.before, c.after])).to.deep.equal([
        ['student.useGuardianAddress', 'Oui', 'Non'],
        ['student.city', 'Limonest', 'Lyon'],
      ]);
    });

    it('checking it lists the student’s values that become the guardian’s', () => {
      const separate = { ...original(), student: { ...student(), useGuardianAddress: false, address: '1 rue Neuve', phoneMobile: '+33611111111' } };
      const form = edit(formOf(separate), { student: { useGuardianAddress: true } });
      expect(diffCoordinates(separate, previewCoordinates(form), labels).map((c) => c.field)).to.deep.equal([
        'student.useGuardianAddress',
        'student.address',
        'student.phoneHome',
        'student.phoneMobile',
      ]);
    });

    it('works on validated values as well as on previews', () => {
      const result = parse(edit(withBank(formOf()), { student: { birthDay: '10' } }));
      expect(result.ok).to.equal(true);
      if (!result.ok) return;
      const values: CoordinatesValues = {
        guardian: result.guardian,
        student: result.student,
        paymentMode: result.paymentMode,
        bankChanged: result.bankChanged,
      };
      expect(diffCoordinates(original(), values, labels)).to.deep.equal([
        { field: 'student.birthDate', label: 'Élève\u00a0– Date de naissance', before: '09/05/2014', after: '10/05/2014' },
        {
          field: 'bankChanged',
          label: 'Avez-vous changé de compte bancaire depuis votre dernier mandat de prélèvement\u202f?',
          before: 'Non renseigné',
          after: 'Non',
        },
      ]);
    });
  });
});
