import { expect } from '@open-wc/testing';
import { formErrors, identifier, loginErrors, loginForm } from '../../src/schemas/login.js';
import { outcome } from './helpers.js';

describe('schemas/login', () => {
  it('asks for both fields when empty', () => {
    expect(loginErrors({ identifier: '', password: '' })).to.deep.equal({ identifier: 'login.identifier.required', password: 'login.password.required' });
  });

  it('trims the identifier: spaces alone are not an identifier', () => {
    expect(loginErrors({ identifier: '   ', password: 'x' })).to.deep.equal({ identifier: 'login.identifier.required' });
    expect(outcome(identifier('login.identifier.required'), '  LIMONEST-0001 ')).to.deep.equal({ value: 'LIMONEST-0001' });
  });

  it('keeps a password as typed: spaces may be part of it, only empty is refused', () => {
    expect(loginErrors({ identifier: 'LIMONEST-0001', password: '   ' })).to.deep.equal({});
    expect(outcome(loginForm.shape.password, ' mot de passe ')).to.deep.equal({ value: ' mot de passe ' });
  });

  it('refuses non-strings with our own ids, never zod’s wording', () => {
    expect(outcome(identifier('login.identifier.required'), undefined)).to.deep.equal({ error: 'login.identifier.required' });
    expect(outcome(loginForm.shape.password, null)).to.deep.equal({ error: 'login.password.required' });
  });

  it('formErrors: an id it does not know becomes the field’s fallback', async () => {
    const z = await import('zod/mini');
    const schema = z.object({ a: z.string().check(z.minLength(1, { error: 'not a catalogue id' })) });
    expect(formErrors(schema, { a: '' }, { a: 'login.identifier.required' })).to.deep.equal({ a: 'login.identifier.required' });
  });
});
