import assert from 'node:assert/strict';
import { DEMO_CREDENTIALS } from '../../src/mocks/seed.js';
import { call, login, ok, refused } from './client.js';
import { control } from './control.js';
import { test } from './harness.js';

const MINUTE = 60000;
/** A backend's clock keeps running between two calls: what « the same instant » means here. */
const SLACK_MS = 2000;

test('hands out random tokens that expire 30 minutes after the server clock', async () => {
  // Identifiers are trimmed and case-insensitive, as the families type them.
  const a = await ok('login', { body: { identifier: ' limonest-0001 ', password: DEMO_CREDENTIALS.password } });
  const b = await ok('login', { body: { identifier: 'LIMONEST-0001', password: DEMO_CREDENTIALS.password } });
  assert.ok(a.token.length >= 16);
  assert.notEqual(a.token, b.token);
  const lifetime = Date.parse(a.expiresAt) - Date.parse(a.serverNow);
  assert.ok(Math.abs(lifetime - 30 * MINUTE) <= SLACK_MS, `lifetime ${lifetime} ms`);
  assert.ok(Math.abs(Date.parse(a.serverNow) - Date.now()) < 60000, 'serverNow is the real time after a reset');
});

test('refuses a wrong password and an unknown identifier with the same answer', async () => {
  const wrong = await refused('login', { body: { identifier: 'LIMONEST-0001', password: 'Conservatoire' } }, 401, 'invalid-credentials', {
    message: 'Identifiant ou mot de passe incorrect.',
  });
  const unknown = await refused('login', { body: { identifier: 'LIMONEST-9999', password: DEMO_CREDENTIALS.password } }, 401, 'invalid-credentials');
  assert.deepEqual(wrong, unknown);
});

test('extends the expiry on the server clock, rejects an expired token with session-expired', async () => {
  const t0 = new Date(Math.floor(Date.now() / MINUTE) * MINUTE);
  await control.clock(t0);
  const token = await login(DEMO_CREDENTIALS.identifier, DEMO_CREDENTIALS.password);
  await control.clock(new Date(t0.getTime() + 20 * MINUTE));
  const extended = await ok('extendSession', { token });
  assert.ok(Math.abs(Date.parse(extended.expiresAt) - (t0.getTime() + 50 * MINUTE)) <= SLACK_MS, extended.expiresAt);
  assert.equal(extended.token, token);
  await control.clock(new Date(t0.getTime() + 45 * MINUTE));
  await ok('family', { token });
  await control.clock(new Date(t0.getTime() + 51 * MINUTE));
  await refused('family', { token }, 401, 'session-expired', { message: 'La session a expiré.' });
});

test('cannot extend a session that has expired', async () => {
  const t0 = new Date(Math.floor(Date.now() / MINUTE) * MINUTE);
  await control.clock(t0);
  const { token } = await control.session();
  await control.clock(new Date(t0.getTime() + 31 * MINUTE));
  await refused('extendSession', { token }, 401, 'session-expired');
});

test('an unextended session expires 30 minutes after the login', async () => {
  const t0 = new Date(Math.floor(Date.now() / MINUTE) * MINUTE);
  await control.clock(t0);
  const { token } = await control.session();
  await control.clock(new Date(t0.getTime() + 29 * MINUTE));
  await ok('family', { token });
  await control.clock(new Date(t0.getTime() + 31 * MINUTE));
  await refused('registration', { token, params: { studentId: 'gianni' } }, 401, 'session-expired');
});

test('revokes the token on logout, and only that one', async () => {
  const token = await login(DEMO_CREDENTIALS.identifier, DEMO_CREDENTIALS.password);
  const other = (await control.session()).token;
  assert.equal((await call('logout', { token })).status, 204);
  await refused('family', { token }, 401, 'unauthorized', { message: 'Connexion requise.' });
  await refused('extendSession', { token }, 401, 'unauthorized');
  await ok('family', { token: other });
});

test('reads the bearer whatever the case of the scheme', async () => {
  const { token } = await control.session();
  await ok('family', { headers: { Authorization: `bearer ${token}` } });
  await refused('family', { headers: { Authorization: `Basic ${token}` } }, 401, 'unauthorized');
});
