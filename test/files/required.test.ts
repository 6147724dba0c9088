import { expect } from '@open-wc/testing';
import type { Registration } from '../../src/api/contract.js';
import { isResidentOf, normaliseTown, requiredDocuments, unneededDocuments, type DocumentAnswers } from '../../src/files/required.js';
import { seedData, uploaded } from '../fixtures/documents.js';

const codes = (list: { type: { code: string } }[]) => list.map((r) => r.type.code);

describe('files/required', () => {
  const { campaign, registration: gianni } = seedData('gianni');
  const { registration: lina } = seedData('lina');
  const limonest = { city: 'Limonest', postalCode: '69760' };
  const answers = (patch: Partial<DocumentAnswers> = {}): DocumentAnswers => ({ paymentMode: 'single', bankChanged: null, guardian: limonest, ...patch });

  it('asks the SEPA mandate and IBAN only for direct debit with a change of bank', () => {
    const sepa = ['mandat-sepa', 'iban'];
    const has = (a: DocumentAnswers) => sepa.every((c) => codes(requiredDocuments(campaign, a, gianni, { adult: false })).includes(c));
    const none = (a: DocumentAnswers) => sepa.every((c) => !codes(requiredDocuments(campaign, a, gianni, { adult: false })).includes(c));
    expect(none(answers({ paymentMode: 'single' }))).to.equal(true);
    expect(none(answers({ paymentMode: 'direct-debit', bankChanged: false }))).to.equal(true);
    expect(none(answers({ paymentMode: 'direct-debit', bankChanged: null }))).to.equal(true);
    expect(has(answers({ paymentMode: 'direct-debit', bankChanged: true }))).to.equal(true);
  });

  it('an absent bank answer (null: the question was not asked) asks for no SEPA mandate and no IBAN', () => {
    for (const paymentMode of ['single', 'direct-debit'] as const) {
      const list = codes(requiredDocuments(campaign, answers({ paymentMode, bankChanged: null }), gianni, { adult: false }));
      expect(list, paymentMode).to.not.include.members(['mandat-sepa']);
      expect(list, paymentMode).to.not.include('iban');
    }
  });

  it('recognises a Limonest resident by town (any case or accents) or by postcode', () => {
    expect(normaliseTown('  LIMONEST ')).to.equal('limonest');
    expect(normaliseTown('Saint-Didier-au-Mont-d’Or')).to.equal('saint didier au mont d or');
    expect(isResidentOf('Limonest', { city: 'LIMONEST', postalCode: '' })).to.equal(true);
    expect(isResidentOf('Limonest', { city: 'Limonnest', postalCode: '69 760' })).to.equal(true);
    expect(isResidentOf('Limonest', { city: 'Dardilly', postalCode: '69570' })).to.equal(false);
    expect(isResidentOf('Limonest', { city: 'Dardilly', postalCode: '69570' }, 'Limonest')).to.equal(true);

    const resident = codes(requiredDocuments(campaign, answers(), gianni, { adult: false }));
    expect(resident).to.include.members(['justificatif-domicile', 'attestation-qf']);
    const outsider = codes(requiredDocuments(campaign, answers({ guardian: { city: 'Dardilly', postalCode: '69570' } }), gianni, { adult: false }));
    expect(outsider).to.not.include('justificatif-domicile');
    expect(outsider).to.not.include('attestation-qf');
  });

  it('marks the QF certificate optional, with its consequence', () => {
    const qf = requiredDocuments(campaign, answers(), gianni, { adult: false }).find((r) => r.type.code === 'attestation-qf');
    expect(qf?.state).to.equal('optional');
    expect(qf?.type.consequence).to.contain('Q7');
  });

  it('asks the dance pieces only of dance students, by age on 1 September', () => {
    expect(codes(requiredDocuments(campaign, answers(), gianni, { adult: false }))).to.not.include('danse-questionnaire-medical');
    const child = codes(requiredDocuments(campaign, answers(), lina, { adult: false }));
    expect(child).to.include.members(['danse-enfant-attestation', 'danse-questionnaire-medical', 'responsabilite-civile']);
    expect(child).to.not.include('danse-adulte-attestation');
    const adult = codes(requiredDocuments(campaign, answers(), lina, { adult: true }));
    expect(adult).to.include('danse-adulte-attestation');
    expect(adult).to.not.include('danse-enfant-attestation');
    // A dance course that ended does not count.
    const retired: Registration = { ...lina, disciplines: [], courses: lina.courses.map((c) => ({ ...c, active: c.discipline !== 'danse' })) };
    expect(codes(requiredDocuments(campaign, answers(), retired, { adult: false }))).to.not.include('danse-questionnaire-medical');
  });

  it('shares family pieces between students and keeps student pieces apart', () => {
    const home = uploaded({ typeCode: 'justificatif-domicile', scope: 'family', studentId: null });
    const rc = uploaded({ typeCode: 'responsabilite-civile', studentId: 'gianni' });
    const documents = [home, rc];
    const forGianni = requiredDocuments(campaign, answers(), gianni, { adult: false, documents });
    const forLina = requiredDocuments(campaign, answers(), lina, { adult: false, documents });
    const state = (list: typeof forGianni, code: string) => list.find((r) => r.type.code === code)?.state;
    expect(state(forGianni, 'justificatif-domicile')).to.equal('provided');
    expect(state(forLina, 'justificatif-domicile')).to.equal('provided');
    expect(state(forGianni, 'responsabilite-civile')).to.equal('provided');
    expect(state(forLina, 'responsabilite-civile')).to.equal('missing');
  });

  it('lists pieces already sent whose type no longer applies', () => {
    const sepa = uploaded({ typeCode: 'mandat-sepa', scope: 'family', studentId: null });
    const required = requiredDocuments(campaign, answers({ paymentMode: 'single' }), gianni, { adult: false, documents: [sepa] });
    expect(unneededDocuments(campaign, required, 'gianni', [sepa]).map((r) => r.type.code)).to.deep.equal(['mandat-sepa']);
  });
});
