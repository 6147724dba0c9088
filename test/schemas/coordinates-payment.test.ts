import { expect } from '@open-wc/testing';
import { bankChangeSince } from '../../src/schemas/coordinates.js';
import { paymentModes } from '../../src/mocks/seed.js';

describe('schemas/coordinates-payment', () => {
  it('reads the date a change of bank counts from in the payment mode’s own text', () => {
    const debit = paymentModes().find((m) => m.asksBankChange);
    expect(bankChangeSince(debit)).to.equal('septembre 2021');
    const text = (t: string) => ({ explanation: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text: t }] }] });
    expect(bankChangeSince(text('si vous avez changé de banque depuis le 1er octobre 2024.'))).to.equal('le 1er octobre 2024');
  });

  it('says nothing when the text names no date', () => {
    expect(bankChangeSince(paymentModes().find((m) => !m.asksBankChange))).to.equal(null);
    expect(bankChangeSince(undefined)).to.equal(null);
  });
});
