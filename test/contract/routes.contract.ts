import assert from 'node:assert/strict';
import * as z from 'zod/mini';
import { ErrorBody } from '../../src/api/contract.js';
import { routes, type Route, type RouteName } from '../../src/api/routes.js';
import { DEMO_CREDENTIALS } from '../../src/mocks/seed.js';
import { api } from './config.js';
import { call, ok, refused } from './client.js';
import { control } from './control.js';
import { test } from './harness.js';

const names = Object.keys(routes) as RouteName[];
const params = { studentId: 'gianni', documentId: 'doc-inconnu' };

test('answers every route of src/api/routes.ts, each success in its schema', async () => {
  const { token } = await control.session();
  const samples: Partial<Record<RouteName, unknown>> = {
    login: { identifier: 'x', password: 'y' },
    passwordReset: { identifier: 'x', email: 'x@y.fr' },
  };
  // Logging out revokes the token the other routes need: last.
  const ordered = [...names].sort((a, b) => Number(a === 'logout') - Number(b === 'logout'));
  const seen: string[] = [];
  for (const name of ordered) {
    const route: Route = routes[name];
    const reply = await call(name, {
      token,
      params,
      ...(route.request && !route.multipart ? { body: samples[name] ?? {} } : {}),
      ...(route.multipart ? { form: new FormData() } : {}),
    });
    assert.notEqual(reply.error?.code, 'no-route', name);
    seen.push(`${name} ${reply.status}`);
  }
  assert.deepEqual(seen, [
    'login 401',
    'extendSession 200',
    'passwordReset 202',
    'campaign 200',
    'family 200',
    'updateFamily 422',
    'registration 200',
    'saveDraft 422',
    'submit 422',
    'decline 200',
    'upload 422',
    'deleteDocument 404',
    'documentLink 404',
    'logout 204',
  ]);
});

test('answers 404 no-route, as an ErrorBody, for an address that is no route', async () => {
  const res = await fetch(`${api()}/nowhere`);
  assert.equal(res.status, 404);
  const body = z.parse(ErrorBody, await res.json());
  assert.equal(body.code, 'no-route');
});

test('answers 401 unauthorized on every authenticated route without a valid bearer', async () => {
  for (const name of names) {
    if (!routes[name].auth) continue;
    for (const token of [undefined, 'not-a-real-token-0123456789']) {
      await refused(name, { token, params }, 401, 'unauthorized', { message: 'Connexion requise.' });
    }
  }
});

test('answers 404 not-found for an unknown student, on every student route', async () => {
  const { token } = await control.session();
  await refused('registration', { token, params: { studentId: 'inconnu' } }, 404, 'not-found', { message: 'Élève introuvable.' });
  await refused('decline', { token, params: { studentId: 'inconnu' }, body: {} }, 404, 'not-found', { message: 'Élève introuvable.' });
});

test('answers 422 with the field paths and message ids when the body does not match the schema', async () => {
  const bad = await call('login', { body: { identifier: '', password: 5 } });
  assert.equal(bad.status, 422);
  assert.deepEqual(bad.error, { code: 'validation', fieldErrors: { identifier: ['validation.required'], password: ['validation.invalidType'] } });

  const { token } = await control.session();
  const family = await ok('family', { token });
  await refused(
    'updateFamily',
    { token, body: { guardian: { ...family.guardian, phoneMobile: '06 39 98 00 42' }, paymentMode: 'single', bankChanged: null } },
    422,
    'validation',
    {
      fieldErrors: { 'guardian.phoneMobile': ['validation.format'] },
    },
  );
  const long = 'x'.repeat(1001);
  await refused('decline', { token, params: { studentId: 'lina' }, body: { reason: long } }, 422, 'validation', {
    fieldErrors: { reason: ['validation.tooLong'] },
  });
  await refused('saveDraft', { token, params: { studentId: 'gianni' }, body: { answers: {}, step: 9 } }, 422, 'validation');
});

test('answers 422 validation when the body is not JSON', async () => {
  await refused('login', { raw: '{not json' }, 422, 'validation', { message: "Le corps de la requête n'est pas du JSON valide." });
  const { token } = await control.session();
  await refused('decline', { token, params: { studentId: 'lina' }, raw: '{"reason":' }, 422, 'validation', {
    message: "Le corps de la requête n'est pas du JSON valide.",
  });
  assert.equal((await ok('registration', { token, params: { studentId: 'lina' } })).status, 'a-faire');
});

test('a login with the seed credentials works after a reset', async () => {
  await ok('login', { body: { identifier: DEMO_CREDENTIALS.identifier, password: DEMO_CREDENTIALS.password } });
});
