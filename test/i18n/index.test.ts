import { expect } from '@open-wc/testing';
import { t, type MessageId } from '../../src/i18n/index.js';

describe('i18n/index t()', () => {
  it('reports an unknown message id on the console, once, and shows the id', () => {
    const errors: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      const unknown = 'stepper.no-such-message' as MessageId;
      expect(t(unknown)).to.equal('stepper.no-such-message');
      expect(t(unknown)).to.equal('stepper.no-such-message');
    } finally {
      console.error = original;
    }
    expect(errors).to.have.length(1);
    expect(String(errors[0]?.[0])).to.contain('stepper.no-such-message');
  });

  it('reports nothing for a known id', () => {
    const errors: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      expect(t('login.submit')).to.equal('Se connecter');
    } finally {
      console.error = original;
    }
    expect(errors).to.deep.equal([]);
  });
});
