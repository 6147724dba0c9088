import { expect } from '@open-wc/testing';
import { BORN_ABROAD, birthDepartment, DEPARTEMENT_CODES, departementLabel } from '../../src/schemas/departement.js';
import { outcome } from './helpers.js';

const schema = birthDepartment({ notInList: 'validation.guardian.birthDepartment.list' });

describe('schemas/departement', () => {
  it('lists 01–19, 2A, 2B, 20, 21–95, 971–978, 986–988 and « né(e) à l’étranger »', () => {
    const expected = [
      ...Array.from({ length: 19 }, (_, i) => String(i + 1).padStart(2, '0')),
      '2A',
      '2B',
      '20',
      ...Array.from({ length: 75 }, (_, i) => String(i + 21)),
      '971',
      '972',
      '973',
      '974',
      '975',
      '976',
      '977',
      '978',
      '986',
      '987',
      '988',
      BORN_ABROAD,
    ];
    expect([...DEPARTEMENT_CODES]).to.deep.equal(expected);
  });

  for (const [input, stored] of [
    ['01', '01'],
    ['2A', '2A'],
    ['2b', '2B'],
    ['20', '20'],
    ['69', '69'],
    ['1', '01'],
    ['974', '974'],
    ['988', '988'],
    ['99', '99'],
    ['', ''],
  ] as const) {
    it(`accepts « ${input} »`, () => expect(outcome(schema, input)).to.deep.equal({ value: stored }));
  }

  for (const input of ['00', '96', '979', '985', '989', '100', '2C', 'Rhône']) {
    it(`refuses « ${input} », which is not a département`, () =>
      expect(outcome(schema, input)).to.deep.equal({ error: 'validation.guardian.birthDepartment.list' }));
  }

  it('keeps a prefilled value the list lacks', () => {
    expect(outcome(birthDepartment({ notInList: 'validation.guardian.birthDepartment.list', keep: 'XX' }), 'XX')).to.deep.equal({ value: 'XX' });
  });

  it('reads as « 69 – Rhône »', () => {
    expect(departementLabel('69', 'Né(e) à l’étranger')).to.equal('69 – Rhône');
    expect(departementLabel('2A', '')).to.equal('2A – Corse-du-Sud');
    expect(departementLabel(BORN_ABROAD, 'Né(e) à l’étranger')).to.equal('Né(e) à l’étranger');
  });
});
