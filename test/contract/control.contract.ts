import assert from 'node:assert/strict';
import { DEMO_CREDENTIALS } from '../../src/mocks/seed.js';
import { controlBase } from './config.js';
import { login, ok, upload } from './client.js';
import { control } from './control.js';
import { OTHER_FAMILY } from './families.js';
import { test } from './harness.js';

/**
 * The test-control interface itself, which every other test leans on: a backend whose controls
 * drift (a reset that keeps the clock, a seed that is not loginable) would make the contract tests
 * pass or fail for the wrong reasons.
 */

test('reset: the seed again, the real clock, the default dates, no fault, an empty outbox', async () => {
  const before = await ok('campaign');
  const { token } = await control.session();
  await upload(token, 'iban');
  await ok('passwordReset', { body: { identifier: DEMO_CREDENTIALS.identifier, email: DEMO_CREDENTIALS.email } });
  await control.clock(new Date(Date.now() + 3 * 86400000));
  await control.campaign({ closesAt: new Date(Date.now() - 60000) });
  assert.ok(await control.scenario('server-error', { routes: ['family'] }));
  await control.reset();
  const after = await ok('campaign');
  assert.deepEqual({ ...after, serverNow: '' }, { ...before, serverNow: '' });
  assert.ok(Math.abs(Date.parse(after.serverNow) - Date.now()) < 60000);
  assert.deepEqual(await control.outbox(), []);
  const fresh = await control.session();
  await ok('family', { token: fresh.token });
  assert.deepEqual((await ok('registration', { token: fresh.token, params: { studentId: 'gianni' } })).documents, []);
  // The reset password is the seed's again.
  await login(DEMO_CREDENTIALS.identifier, DEMO_CREDENTIALS.password);
});

test('clock: answers the instant it was set to, and the contract routes see it', async () => {
  const at = new Date('2026-12-24T18:30:00.000Z');
  const now = await control.clock(at);
  assert.ok(Math.abs(now.getTime() - at.getTime()) < 2000, now.toISOString());
  const session = await control.session();
  assert.ok(Math.abs(Date.parse(session.serverNow) - at.getTime()) < 5000, session.serverNow);
  const real = await control.clock(null);
  assert.ok(Math.abs(real.getTime() - Date.now()) < 60000, real.toISOString());
});

test('seed: the families added can log in, with their password or a control session', async () => {
  assert.equal(await control.seed([OTHER_FAMILY]), 1);
  const token = await login(OTHER_FAMILY.account.identifier, OTHER_FAMILY.account.password);
  assert.equal((await ok('family', { token })).id, OTHER_FAMILY.id);
  const session = await control.session(OTHER_FAMILY.account.identifier.toLowerCase());
  assert.deepEqual(
    (await ok('family', { token: session.token })).students.map((s) => s.id),
    OTHER_FAMILY.students.map((s) => s.id),
  );
});

test('session: refused for an unknown identifier', async () => {
  const res = await fetch(`${controlBase()}/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: '{"identifier":"LIMONEST-9999"}',
  });
  assert.ok(res.status >= 400 && res.status < 500, `status ${res.status}`);
});

test('scenario: refuses an unknown fault name', async () => {
  const res = await fetch(`${controlBase()}/scenario`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: '{"name":"tremblement-de-terre"}',
  });
  assert.ok(res.status >= 400 && res.status < 500, `status ${res.status}`);
  await ok('campaign');
});
