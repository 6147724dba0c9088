import { expect } from '@open-wc/testing';
import { t } from '../../src/i18n/index.js';
import { CHANGE_FIELDS, FIELD_IDS, FIELDS, labelOf, recapLabelOf, SHARED_WITH_GUARDIAN } from '../../src/schemas/coordinates-fields.js';
import { CoordinatesForm, toCoordinatesForm } from '../../src/schemas/coordinates-form.js';
import { original } from '../fixtures/campaign.js';

describe('schemas/coordinates-fields (the one field table)', () => {
  it('lists each field once', () => {
    const keys = FIELDS.map((f) => `${f.group}.${f.key}`);
    expect(new Set(keys).size).to.equal(keys.length);
  });

  it('gives the page its field ids, in page order', () => {
    expect(FIELD_IDS).to.deep.equal([
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
    ]);
  });

  it('gives « Éléments modifiés » its fields, in page order', () => {
    expect(CHANGE_FIELDS).to.deep.equal([
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
    ]);
  });

  it('shares the address and phones with the guardian, nothing else', () => {
    expect(SHARED_WITH_GUARDIAN).to.deep.equal(['address', 'postalCode', 'city', 'phoneHome', 'phoneMobile', 'phoneWork']);
  });

  it('names every field with a catalogue label, and every recap row too', () => {
    for (const f of FIELDS) {
      const label = labelOf(f);
      const recap = recapLabelOf(f);
      expect(t(label), label).to.not.equal(label);
      if (recap) expect(t(recap), recap).to.not.equal(recap);
    }
  });

  it('shapes the persisted form: a draft of another shape is refused', () => {
    const o = original();
    const form = toCoordinatesForm(o.guardian, o.student, o.paymentMode, o.bankChanged);
    expect(CoordinatesForm.safeParse(form).success).to.equal(true);
    expect(Object.keys(form.guardian)).to.include.members(['birthDay', 'birthMonth', 'birthYear', 'extraPhone1', 'extraPhone2', 'extraPhone3']);
    const older: Partial<typeof form.guardian> = { ...form.guardian };
    delete older.extraPhone3;
    expect(CoordinatesForm.safeParse({ ...form, guardian: older }).success).to.equal(false);
    expect(CoordinatesForm.safeParse({ ...form, student: { ...form.student, useGuardianAddress: 'oui' } }).success).to.equal(false);
  });
});
