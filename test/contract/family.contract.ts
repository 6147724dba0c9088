import assert from 'node:assert/strict';
import { DEMO_CREDENTIALS, DEMO_FAMILY_ID } from '../../src/mocks/seed.js';
import { ok, prefilled, refused, submission } from './client.js';
import { control } from './control.js';
import { test } from './harness.js';

const closeCampaign = async () => {
  const now = Date.now();
  await control.campaign({ opensAt: new Date(now - 20 * 86400000), closesAt: new Date(now - 60000), documentsUntil: new Date(now + 86400000) });
};

test("lists the logged-in family's guardian, payment mode and students", async () => {
  const { token } = await control.session();
  const family = await ok('family', { token });
  assert.equal(family.id, DEMO_FAMILY_ID);
  assert.equal(family.guardian.email, DEMO_CREDENTIALS.email);
  // A legacy value no list offers any more is served as stored.
  assert.equal(family.guardian.civilite, 'Mademoiselle');
  assert.equal(family.paymentMode, 'direct-debit');
  assert.equal(family.bankChanged, null);
  assert.deepEqual(
    family.students.map((s) => [s.id, s.firstName, s.status]),
    [
      ['gianni', 'Gianni', 'a-faire'],
      ['lina', 'Lina', 'a-faire'],
    ],
  );
});

test('updates the guardian and payment mode for the whole family', async () => {
  const { token } = await control.session();
  const family = await ok('family', { token });
  const updated = await ok('updateFamily', { token, body: { guardian: { ...family.guardian, civilite: 'MME' }, paymentMode: 'single', bankChanged: null } });
  assert.equal(updated.paymentMode, 'single');
  assert.equal(updated.guardian.civilite, 'MME');
  assert.deepEqual(updated.students, family.students);
  assert.equal((await prefilled(token, 'lina')).guardian.civilite, 'MME');
  await refused('updateFamily', { token, body: { guardian: family.guardian, paymentMode: 'bitcoin', bankChanged: null } }, 422, 'validation', {
    fieldErrors: { paymentMode: ['validation.unknownValue'] },
  });
  assert.equal((await ok('family', { token })).paymentMode, 'single');
});

test('saves a draft: status brouillon, answers and step kept, shown in the family', async () => {
  const { token } = await control.session();
  const { answers } = await submission(token, 'gianni');
  const saved = await ok('saveDraft', { token, params: { studentId: 'gianni' }, body: { answers, step: 3 } });
  assert.equal(saved.status, 'brouillon');
  const registration = await ok('registration', { token, params: { studentId: 'gianni' } });
  assert.equal(registration.status, 'brouillon');
  assert.equal(registration.draft?.step, 3);
  assert.equal(registration.draft?.savedAt, saved.savedAt);
  assert.deepEqual(registration.draft?.answers, answers);
  const family = await ok('family', { token });
  assert.deepEqual(
    family.students.map((s) => [s.id, s.status, s.draftStep]),
    [
      ['gianni', 'brouillon', 3],
      ['lina', 'a-faire', undefined],
    ],
  );
});

test('keeps the status of a sent file when a draft is saved afterwards', async () => {
  const { token } = await control.session();
  const body = await submission(token, 'gianni');
  const sent = await ok('submit', { token, params: { studentId: 'gianni' }, body, headers: { 'Idempotency-Key': 'k' } });
  const saved = await ok('saveDraft', { token, params: { studentId: 'gianni' }, body: { answers: body.answers, step: 6 } });
  assert.equal(saved.status, sent.status);
  const registration = await ok('registration', { token, params: { studentId: 'gianni' } });
  assert.deepEqual([registration.status, registration.submission, registration.draft?.step], [sent.status, sent, 6]);
  // The family's list shows where a draft stopped only for a file still in progress.
  assert.equal((await ok('family', { token })).students[0]?.draftStep, undefined);
});

test('serves a registration: prefilled coordinates, courses, disciplines, nothing sent yet', async () => {
  const { token } = await control.session();
  const lina = await ok('registration', { token, params: { studentId: 'lina' } });
  assert.equal(lina.studentId, 'lina');
  assert.equal(lina.status, 'a-faire');
  assert.equal(lina.student.birthDate, '2019-02-21');
  assert.deepEqual(lina.disciplines, ['danse', 'musique']);
  assert.equal(lina.administrativeReregistrationApplies, true);
  assert.deepEqual(
    lina.courses.map((c) => c.cursus),
    ['Initiation danse 2 MERCREDI', 'Découverte Instrumentale LUNDI'],
  );
  assert.deepEqual([lina.documents, lina.draft, lina.submission, lina.declineReason], [[], null, null, null]);
  const gianni = await ok('registration', { token, params: { studentId: 'gianni' } });
  assert.deepEqual(gianni.disciplines, ['musique', 'theatre']);
  assert.equal(gianni.administrativeReregistrationApplies, false);
});

test('refuses to change the family or a draft once the campaign is closed', async () => {
  const { token } = await control.session();
  const family = await ok('family', { token });
  const { answers } = await submission(token, 'gianni');
  await closeCampaign();
  await refused('updateFamily', { token, body: { guardian: family.guardian, paymentMode: 'single', bankChanged: null } }, 409, 'campaign-closed', {
    message: /^Les réinscriptions en ligne sont closes depuis le /,
  });
  await refused('saveDraft', { token, params: { studentId: 'gianni' }, body: { answers, step: 2 } }, 409, 'campaign-closed');
  assert.equal((await ok('family', { token })).paymentMode, 'direct-debit');
  assert.equal((await ok('registration', { token, params: { studentId: 'gianni' } })).draft, null);
});
