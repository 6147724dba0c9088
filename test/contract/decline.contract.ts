import assert from 'node:assert/strict';
import { ok, refused, submission, submitOptions } from './client.js';
import { control } from './control.js';
import { test } from './harness.js';

test('stores the status and the reason, then refuses a submission', async () => {
  const { token } = await control.session();
  const body = await submission(token, 'lina');
  assert.deepEqual(await ok('decline', { token, params: { studentId: 'lina' }, body: { reason: '  Déménagement ' } }), { status: 'ne-se-reinscrit-pas' });
  const registration = await ok('registration', { token, params: { studentId: 'lina' } });
  assert.deepEqual([registration.status, registration.declineReason], ['ne-se-reinscrit-pas', 'Déménagement']);
  assert.equal((await ok('family', { token })).students.find((s) => s.id === 'lina')?.status, 'ne-se-reinscrit-pas');
  await refused('submit', submitOptions(token, 'lina', body, 'k'), 409, 'already-submitted', {
    message: 'Vous avez déjà indiqué que cet élève ne se réinscrit pas.',
  });
});

test('keeps no reason when none or only spaces are given', async () => {
  const { token } = await control.session();
  await ok('decline', { token, params: { studentId: 'lina' }, body: {} });
  assert.equal((await ok('registration', { token, params: { studentId: 'lina' } })).declineReason, null);
  await ok('decline', { token, params: { studentId: 'gianni' }, body: { reason: '   ' } });
  assert.equal((await ok('registration', { token, params: { studentId: 'gianni' } })).declineReason, null);
});

test('refuses once the re-registration was sent', async () => {
  const { token } = await control.session();
  await ok('submit', submitOptions(token, 'gianni', await submission(token, 'gianni'), 'k'));
  await refused('decline', { token, params: { studentId: 'gianni' }, body: {} }, 409, 'already-submitted', {
    message: 'La réinscription de cet élève a déjà été envoyée.',
  });
  assert.equal((await ok('registration', { token, params: { studentId: 'gianni' } })).status, 'envoyee-incomplete');
});

test('refuses with 409 campaign-closed once the campaign is closed', async () => {
  const { token } = await control.session();
  const now = Date.now();
  await control.campaign({ opensAt: new Date(now - 20 * 86400000), closesAt: new Date(now - 1000) });
  await refused('decline', { token, params: { studentId: 'lina' }, body: {} }, 409, 'campaign-closed');
  assert.equal((await ok('registration', { token, params: { studentId: 'lina' } })).status, 'a-faire');
});
