import assert from 'node:assert/strict';
import { DEMO_CREDENTIALS } from '../../src/mocks/seed.js';
import { login, refused, send } from './client.js';
import { control } from './control.js';
import { test } from './harness.js';

const ask = (identifier: string, email: string) => send('passwordReset', { body: { identifier, email } });

test('sends a new password each time, which replaces the previous one', async () => {
  const res = await ask('limonest-0001', 'Lydie.Dagostino@Example.fr');
  assert.equal(res.status, 202);
  assert.deepEqual(await res.json(), { accepted: true });
  assert.match(res.headers.get('Cache-Control') ?? '', /no-store/);
  const outbox = await control.outbox();
  assert.equal(outbox.length, 1);
  const first = outbox[0]!;
  assert.equal(first.kind, 'password-reset');
  assert.equal(first.to, DEMO_CREDENTIALS.email);
  assert.equal(first.subject, 'Conservatoire de Limonest : votre nouveau mot de passe');
  assert.ok(first.password.length >= 8, 'a password');
  assert.ok(first.body.includes(first.password), 'the body holds the new password');
  assert.ok(first.body.includes(DEMO_CREDENTIALS.identifier), 'and the identifier');
  await refused('login', { body: { identifier: DEMO_CREDENTIALS.identifier, password: DEMO_CREDENTIALS.password } }, 401, 'invalid-credentials');
  await login(DEMO_CREDENTIALS.identifier, first.password);

  assert.equal((await ask(DEMO_CREDENTIALS.identifier, DEMO_CREDENTIALS.email)).status, 202);
  const second = (await control.outbox())[1]!;
  assert.notEqual(second.password, first.password);
  await refused('login', { body: { identifier: DEMO_CREDENTIALS.identifier, password: first.password } }, 401, 'invalid-credentials');
  await login(DEMO_CREDENTIALS.identifier, second.password);
});

test('answers the same when the pair does not exist, sends nothing and changes nothing', async () => {
  const match = await (await ask(DEMO_CREDENTIALS.identifier, DEMO_CREDENTIALS.email)).text();
  await control.reset();
  for (const [identifier, email] of [
    [DEMO_CREDENTIALS.identifier, 'quelquun@example.fr'],
    ['LIMONEST-4242', DEMO_CREDENTIALS.email],
  ] as const) {
    const res = await ask(identifier, email);
    assert.equal(res.status, 202);
    assert.equal(await res.text(), match);
  }
  assert.deepEqual(await control.outbox(), []);
  await login(DEMO_CREDENTIALS.identifier, DEMO_CREDENTIALS.password);
});

test('refuses a request that does not match the schema with 422', async () => {
  await refused('passwordReset', { body: { identifier: '', email: DEMO_CREDENTIALS.email } }, 422, 'validation', {
    fieldErrors: { identifier: ['validation.required'] },
  });
  await refused('passwordReset', { body: { identifier: DEMO_CREDENTIALS.identifier } }, 422, 'validation', { fieldErrors: { email: ['validation.required'] } });
  assert.deepEqual(await control.outbox(), []);
});
