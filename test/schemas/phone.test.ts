import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { formatPhone, phone, samePhone, toE164 } from '../../src/schemas/phone.js';
import { outcome } from './helpers.js';

const schema = phone({ format: 'validation.guardian.phoneMobile.format' });
const required = phone({ required: 'validation.student.emergencyPhone.required', format: 'validation.student.emergencyPhone.format' });

describe('schemas/phone', () => {
  describe('French numbers in any usual writing become E.164', () => {
    const cases: [string, string][] = [
      ['06 12 34 56 78', '+33612345678'],
      ['06.12.34.56.78', '+33612345678'],
      ['0612345678', '+33612345678'],
      ['06-12-34-56-78', '+33612345678'],
      ['+33 6 12 34 56 78', '+33612345678'],
      ['+33 (0)6 12 34 56 78', '+33612345678'],
      ['+33612345678', '+33612345678'],
      ['+33 06 12 34 56 78', '+33612345678'],
      ['0033 6 12 34 56 78', '+33612345678'],
      [' 04 78 12 34 56 ', '+33478123456'],
      ['09 70 12 34 56', '+33970123456'],
      ['０６１２３４５６７８', '+33612345678'],
    ];
    for (const [input, e164] of cases) {
      it(`« ${input} » → ${e164}`, () => expect(outcome(schema, input)).to.deep.equal({ value: e164 }));
    }
  });

  describe('overseas numbers', () => {
    // Typed nationally they are dialled from France as they are: stored under +33, like the backend does.
    for (const [input, e164] of [
      ['0262 12 34 56', '+33262123456'],
      ['0692 12 34 56', '+33692123456'],
      ['+262 692 12 34 56', '+262692123456'],
      ['+590 590 12 34 56', '+590590123456'],
      ['+594 694 12 34 56', '+594694123456'],
      ['+596 696 12 34 56', '+596696123456'],
      ['+508 41 23 45', '+508412345'],
    ] as const) {
      it(`« ${input} » → ${e164}`, () => expect(toE164(input)).to.equal(e164));
    }
  });

  describe('international numbers in + form', () => {
    for (const [input, e164] of [
      ['+41 79 123 45 67', '+41791234567'],
      ['+44 20 7946 0958', '+442079460958'],
      ['+1 (202) 555-0123', '+12025550123'],
      ['0041 79 123 45 67', '+41791234567'],
      ['+262 262 12 34 56', '+262262123456'],
    ] as const) {
      it(`« ${input} » → ${e164}`, () => expect(toE164(input)).to.equal(e164));
    }
  });

  describe('what cannot be dialled is refused', () => {
    for (const input of [
      '06 12 34 56',
      '612345678',
      '06123456789',
      '00 12',
      '0012345',
      '01 23 45 67 8',
      '0012',
      'abc',
      '06 12 34 56 7a',
      '+',
      '+0 123 456 789',
      '+33 6 12',
      '+33 0 12 34 56 78',
      '+1234567890123456',
      'tel: 06 12 34 56 78',
    ]) {
      it(`refuses « ${input} »`, () => expect(outcome(schema, input)).to.deep.equal({ error: 'validation.guardian.phoneMobile.format' }));
    }
  });

  it('nothing typed is no phone for an optional field, a message for a required one', () => {
    expect(outcome(schema, '')).to.deep.equal({ value: '' });
    expect(outcome(required, '  ')).to.deep.equal({ error: 'validation.student.emergencyPhone.required' });
  });

  describe('shown grouped by pairs', () => {
    for (const [stored, shown] of [
      ['+33612345678', '06 12 34 56 78'],
      ['+33465710012', '04 65 71 00 12'],
      ['+33692123456', '06 92 12 34 56'],
      ['+262692123456', '+262 692 12 34 56'],
      ['+508412345', '+508 41 23 45'],
      ['+41791234567', '+41 791 23 45 67'],
      ['+442079460958', '+44 20 79 46 09 58'],
      ['+12025550123', '+1 20 25 55 01 23'],
      ['', ''],
    ] as const) {
      it(`${stored || '(empty)'} → « ${shown} »`, () => expect(formatPhone(stored)).to.equal(shown));
    }
  });

  it('what is shown parses back to what is stored, for any valid number', () => {
    const national = fc.stringMatching(/^0[1-9]\d{8}$/).map((n) => `+33${n.slice(1)}`);
    const international = fc.stringMatching(/^\+[1-9]\d{6,14}$/).filter((n) => !n.startsWith('+33'));
    fc.assert(
      fc.property(fc.oneof(national, international), (e164) => {
        expect(toE164(formatPhone(e164))).to.equal(e164);
      }),
    );
  });

  it('compares numbers, not their writing', () => {
    expect(samePhone('06 12 34 56 78', '+33612345678')).to.equal(true);
    expect(samePhone('06 12 34 56 78', '06 12 34 56 79')).to.equal(false);
  });
});
