import { expect } from '@open-wc/testing';
import { passwordResetErrors } from '../../src/schemas/password-reset.js';

describe('schemas/password-reset', () => {
  it('asks for both fields when empty', () => {
    expect(passwordResetErrors({ identifier: ' ', email: ' ' })).to.deep.equal({
      identifier: 'passwordReset.identifier.required',
      email: 'passwordReset.email.required',
    });
  });

  it('checks the address with the widget’s one e-mail validator (schemas/email.ts)', () => {
    for (const address of ['lydie.dagostino@example', 'lydie', 'a@example..fr', 'a b@example.fr']) {
      expect(passwordResetErrors({ identifier: 'LIMONEST-0001', email: address }), address).to.deep.equal({ email: 'passwordReset.email.format' });
    }
    for (const address of ['lydie.dagostino@example.fr', ' Jean.Dupont@Gmail.COM ', 'contact@société.fr']) {
      expect(passwordResetErrors({ identifier: 'LIMONEST-0001', email: address }), address).to.deep.equal({});
    }
  });

  it('an address over 254 characters gets a message of this screen', () => {
    expect(passwordResetErrors({ identifier: 'LIMONEST-0001', email: `${'a'.repeat(250)}@example.fr` }).email).to.be.oneOf([
      'passwordReset.email.format',
      'validation.email.tooLong',
    ]);
  });
});
