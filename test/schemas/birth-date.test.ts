import { expect } from '@open-wc/testing';
import { ageOn, birthDate, joinDateParts, partsToIso, type DateParts } from '../../src/schemas/birth-date.js';
import { outcome } from './helpers.js';

const TODAY = '2026-06-01';
const g = (rule: string) => `validation.guardian.birthDate.${rule}`;
const guardian = birthDate(
  {
    required: 'validation.guardian.birthDate.required',
    incomplete: 'validation.guardian.birthDate.incomplete',
    year: 'validation.guardian.birthDate.year',
    real: 'validation.guardian.birthDate.real',
    past: 'validation.guardian.birthDate.past',
    tooYoung: 'validation.guardian.birthDate.tooYoung',
    tooOld: 'validation.guardian.birthDate.tooOld',
  },
  { today: TODAY, minAge: 18, maxAge: 110 },
);
const student = birthDate(
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
);
const parts = (day: string, month: string, year: string): DateParts => ({ day, month, year });

describe('schemas/birth-date', () => {
  describe('French order, in three fields or one text', () => {
    const accepted: [string | DateParts, string][] = [
      [parts('14', '03', '1984'), '1984-03-14'],
      [parts('14', '3', '1984'), '1984-03-14'],
      [parts(' 1 ', '3', '1984'), '1984-03-01'],
      [parts('14', 'mars', '1984'), '1984-03-14'],
      [parts('14', 'Févr.', '1984'), '1984-02-14'],
      [parts('29', '02', '1984'), '1984-02-29'],
      [parts('14/03/1984', '', ''), '1984-03-14'],
      ['14/03/1984', '1984-03-14'],
      ['14.03.1984', '1984-03-14'],
      ['14-03-1984', '1984-03-14'],
      ['14 03 1984', '1984-03-14'],
      ['14031984', '1984-03-14'],
      ['14 mars 1984', '1984-03-14'],
      ['1984-03-14', '1984-03-14'],
      [parts('1', '6', '2008'), '2008-06-01'],
    ];
    for (const [input, iso] of accepted) {
      const text = typeof input === 'string' ? input : joinDateParts(input);
      it(`« ${text} » → ${iso}`, () => expect(outcome(guardian, text)).to.deep.equal({ value: iso }));
    }
  });

  describe('what is not a plausible date of birth is refused, saying why', () => {
    const rejected: [string | DateParts, string][] = [
      [parts('', '', ''), g('required')],
      ['', g('required')],
      [parts('14', '', '1984'), g('incomplete')],
      [parts('14', '03', ''), g('incomplete')],
      [parts('', '03', '1984'), g('incomplete')],
      [parts('14', '03', '84'), g('year')],
      [parts('14', '03', '19844'), g('year')],
      [parts('31', '02', '1984'), g('real')],
      [parts('29', '02', '1985'), g('real')],
      [parts('0', '03', '1984'), g('real')],
      [parts('14', '13', '1984'), g('real')],
      [parts('14', 'abc', '1984'), g('real')],
      [parts('1.5', '03', '1984'), g('real')],
      ['14/03/1984/12', g('real')],
      [parts('14', '03', '2027'), g('past')],
      [parts('02', '06', '2026'), g('past')],
      [parts('14', '03', '2010'), g('tooYoung')],
      [parts('2', '6', '2008'), g('tooYoung')],
      [parts('14', '03', '1900'), g('tooOld')],
      [parts('14', '03', '0000'), g('tooOld')],
    ];
    for (const [input, error] of rejected) {
      const text = typeof input === 'string' ? input : joinDateParts(input);
      it(`« ${text} » → ${error}`, () => expect(outcome(guardian, text)).to.deep.equal({ error }));
    }
  });

  it('a student may be 3 years old, not younger', () => {
    expect(outcome(student, '01/06/2023')).to.deep.equal({ value: '2023-06-01' });
    expect(outcome(student, '02/06/2023')).to.deep.equal({ error: 'validation.student.birthDate.tooYoung' });
    expect(outcome(student, '09/05/2014')).to.deep.equal({ value: '2014-05-09' });
  });

  it('counts full years, 29 February included', () => {
    expect(ageOn('2008-06-01', '2026-06-01')).to.equal(18);
    expect(ageOn('2008-06-02', '2026-06-01')).to.equal(17);
    expect(ageOn('2008-02-29', '2026-02-28')).to.equal(17);
    expect(ageOn('2008-02-29', '2026-03-01')).to.equal(18);
  });

  it('previews only real dates', () => {
    expect(partsToIso(parts('9', '5', '2014'))).to.equal('2014-05-09');
    expect(partsToIso(parts('31', '4', '2014'))).to.equal(null);
  });
});
