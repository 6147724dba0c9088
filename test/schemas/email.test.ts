import { expect } from '@open-wc/testing';
import { email } from '../../src/schemas/email.js';
import { outcome } from './helpers.js';

const required = email({ required: 'validation.guardian.email.required', format: 'validation.guardian.email.format' });

describe('schemas/email', () => {
  for (const [input, stored] of [
    ['lydie.dagostino@example.fr', 'lydie.dagostino@example.fr'],
    [' lydie.dagostino@example.fr ', 'lydie.dagostino@example.fr'],
    ['Jean.Dupont+conservatoire@Gmail.COM', 'Jean.Dupont+conservatoire@gmail.com'],
    ["o'brien@example.ie", "o'brien@example.ie"],
    ['contact@société.fr', 'contact@société.fr'],
    ['a@mairie.limonest.fr', 'a@mairie.limonest.fr'],
    ['x_y-z@sub-domain.example.museum', 'x_y-z@sub-domain.example.museum'],
  ] as const) {
    it(`accepts « ${input} »`, () => expect(outcome(required, input)).to.deep.equal({ value: stored }));
  }

  for (const input of [
    'lydie',
    'lydie@',
    '@example.fr',
    'lydie@example',
    'lydie example@example.fr',
    'a@@example.fr',
    'a@b@example.fr',
    'a@example..fr',
    '.a@example.fr',
    'a.@example.fr',
    'a..b@example.fr',
    'a@-example.fr',
    'a@example.f',
    'a@example.fr.',
    'a@exa mple.fr',
  ]) {
    it(`refuses « ${input} »`, () => expect(outcome(required, input)).to.deep.equal({ error: 'validation.guardian.email.format' }));
  }

  it('asks for the address when empty, and caps its length', () => {
    expect(outcome(required, '')).to.deep.equal({ error: 'validation.guardian.email.required' });
    expect(outcome(required, `${'a'.repeat(250)}@example.fr`)).to.deep.equal({ error: 'validation.email.tooLong' });
  });

  it('refuses an address holding a control, a bidi override, a zero width or half a surrogate pair', () => {
    for (const input of ['a\u0000b@example.fr', '\u202eab@example.fr', 'a\u200bb@example.fr', 'a\ud800@example.fr']) {
      expect(outcome(required, input)).to.deep.equal({ error: 'validation.controlCharacters' });
    }
    // A byte order mark or spaces pasted around it are trimmed, as before.
    expect(outcome(required, '\ufeffa@example.fr ')).to.deep.equal({ value: 'a@example.fr' });
  });
});
