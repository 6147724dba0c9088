import assert from 'node:assert/strict';
import * as z from 'zod/mini';
import * as c from '../../src/api/contract.js';
import { routes, type Route, type RouteName } from '../../src/api/routes.js';
import { scenarioApplies, type ScenarioName } from '../../src/mocks/scenarios.js';
import { DEMO_CREDENTIALS } from '../../src/mocks/seed.js';
import { call, form, ok, pdfFile, send, submission, type CallOptions } from './client.js';
import { control } from './control.js';
import { skip, test } from './harness.js';

/**
 * The faults of the control interface (`scenario`), as the widget meets them: a backend under test
 * must be able to play them for the fault table and the journeys. Each fault is checked on the
 * routes it applies to (src/mocks/scenarios.ts says which), and none of them writes anything.
 */

const names = Object.keys(routes) as RouteName[];

/** A request each route accepts, for the sweeps below. */
async function requestFor(name: RouteName, token: string): Promise<CallOptions> {
  const params = { studentId: 'gianni', documentId: 'doc-x' };
  const base: CallOptions = { token, params, headers: { 'Idempotency-Key': 'sweep' } };
  switch (name) {
    case 'login':
      return { ...base, body: { identifier: DEMO_CREDENTIALS.identifier, password: DEMO_CREDENTIALS.password } };
    case 'passwordReset':
      return { ...base, body: { identifier: DEMO_CREDENTIALS.identifier, email: DEMO_CREDENTIALS.email } };
    case 'updateFamily': {
      const family = await ok('family', { token });
      return { ...base, body: { guardian: family.guardian, paymentMode: 'single', bankChanged: null } };
    }
    case 'saveDraft':
      return { ...base, body: { answers: (await submission(token, 'gianni')).answers, step: 2 } };
    case 'submit':
      return { ...base, body: await submission(token, 'gianni') };
    case 'decline':
      return { ...base, body: {} };
    case 'upload':
      return { ...base, form: form('responsabilite-civile', pdfFile(), 'gianni') };
    default:
      return base;
  }
}

/** The requests of the routes a fault applies to, built before it is armed (building one calls other routes). */
async function requestsFor(name: ScenarioName, token: string): Promise<[RouteName, CallOptions][]> {
  const out: [RouteName, CallOptions][] = [];
  for (const route of names) if (scenarioApplies(name, route)) out.push([route, await requestFor(route, token)]);
  return out;
}

async function nothingWritten(token: string): Promise<void> {
  const registration = await ok('registration', { token, params: { studentId: 'gianni' } });
  assert.deepEqual([registration.status, registration.documents, registration.submission], ['a-faire', [], null]);
  assert.equal((await ok('family', { token })).paymentMode, 'direct-debit');
  assert.deepEqual(
    (await control.outbox()).map((m) => m.kind),
    [],
  );
}

test('rate-limited: 429 with Retry-After in seconds', async () => {
  assert.ok(await control.scenario('rate-limited'), 'rate-limited fault');
  const reply = await call('campaign');
  assert.deepEqual([reply.status, reply.error?.code, reply.error?.message], [429, 'rate-limited', 'Trop de tentatives.']);
  assert.equal(reply.headers.get('Retry-After'), '30');
});

test('unavailable: 503 with Retry-After; server-error: 500 without', async () => {
  assert.ok(await control.scenario('unavailable', { routes: ['campaign'] }));
  const down = await call('campaign');
  assert.deepEqual([down.status, down.error?.code], [503, 'unavailable']);
  assert.equal(down.headers.get('Retry-After'), '30');
  assert.ok(await control.scenario('server-error', { routes: ['campaign'] }));
  const broken = await call('campaign');
  assert.deepEqual([broken.status, broken.error?.code], [500, 'server-error']);
  assert.equal(broken.headers.get('Retry-After'), null);
});

test('fail only the chosen routes, and only `times` times', async () => {
  const { token } = await control.session();
  assert.ok(await control.scenario('server-error', { routes: ['family'], times: 2 }));
  await ok('campaign');
  assert.equal((await call('family', { token })).status, 500);
  await ok('registration', { token, params: { studentId: 'gianni' } });
  assert.equal((await call('family', { token })).status, 500);
  await ok('family', { token });
});

test('session-expired: 401 on the authenticated routes only', async () => {
  const { token } = await control.session();
  const authenticated = names.filter((name) => routes[name].auth);
  const requests: CallOptions[] = [];
  for (const name of authenticated) requests.push(await requestFor(name, token));
  assert.ok(await control.scenario('session-expired'));
  await ok('campaign');
  for (const [i, name] of authenticated.entries()) {
    const reply = await call(name, requests[i]);
    assert.deepEqual([reply.status, reply.error?.code], [401, 'session-expired'], name);
  }
});

test('validation-error: a 422 naming a field of the step a draft leaves, or the field errors it is given', async () => {
  const { token } = await control.session();
  const draft = await requestFor('saveDraft', token);
  const answers = (draft.body as { answers: unknown }).answers;
  const refusal = async (step: number) => (await call('saveDraft', { ...draft, body: { answers, step } })).error?.fieldErrors;
  assert.ok(await control.scenario('validation-error', { routes: ['saveDraft'] }));
  assert.deepEqual(await refusal(3), { 'answers.authorisations.image': ['validation.invalid'] }, 'leaving step 2');
  assert.deepEqual(await refusal(5), { 'answers.additionalInfo': ['validation.invalid'] }, 'leaving step 4');
  assert.deepEqual(await refusal(2), { 'answers.guardian.phoneMobile': ['validation.invalid'] }, 'leaving step 1');
  const given = { 'answers.courses.0.instrument': ['validation.required'] };
  assert.ok(await control.scenario('validation-error', { routes: ['saveDraft'], fieldErrors: given }));
  assert.deepEqual(await refusal(2), given, 'as given');
  await control.scenario('none');
  await nothingWritten(token);
});

/** The fault, its status and code, and whether a backend may not offer it (then the test is skipped). */
const statusOf: [ScenarioName, number, string, 'optional'?][] = [
  ['forbidden', 403, 'forbidden'],
  ['not-found', 404, 'not-found'],
  ['conflict', 409, 'conflict'],
  ['unavailable', 503, 'unavailable'],
  ['too-large', 413, 'too-large', 'optional'],
];
for (const [name, status, code, optional] of statusOf) {
  test(`${name}: ${status} « ${code} » on every route it applies to, and nothing written`, async () => {
    const { token } = await control.session();
    for (const [route, request] of await requestsFor(name, token)) {
      const armed = await control.scenario(name, { routes: [route] });
      if (!armed && optional) skip(`no ${name} fault on this backend`);
      assert.ok(armed, `${name} fault`);
      const reply = await call(route, request);
      assert.deepEqual([reply.status, reply.error?.code], [status, code], route);
      assert.equal(reply.headers.get('Retry-After'), name === 'unavailable' ? '30' : null, route);
    }
    await control.scenario('none');
    await nothingWritten(token);
  });
}

test('malformed-json: a 200 announced as JSON that is not JSON, on the routes whose answer has a body', async () => {
  const { token } = await control.session();
  for (const [route, request] of await requestsFor('malformed-json', token)) {
    assert.ok(await control.scenario('malformed-json', { routes: [route] }));
    const res = await send(route, request);
    assert.equal(res.status, 200, route);
    assert.match(res.headers.get('Content-Type') ?? '', /application\/json/, route);
    const text = await res.text();
    assert.throws(() => JSON.parse(text) as unknown, SyntaxError, route);
  }
  await control.scenario('none');
  await nothingWritten(token);
});

test("contract-break: a 200 whose JSON breaks each route's response schema", async () => {
  const { token } = await control.session();
  for (const [route, request] of await requestsFor('contract-break', token)) {
    assert.ok(await control.scenario('contract-break', { routes: [route] }));
    const res = await send(route, request);
    assert.equal(res.status, 200, route);
    const body: unknown = await res.json();
    const schema = (routes[route] as Route).response!;
    assert.equal(z.safeParse(schema, body).success, false, `${route} would accept it`);
    assert.equal(z.safeParse(c.ErrorBody, body).success, false, `${route}: not an error either`);
  }
  await control.scenario('none');
  await nothingWritten(token);
  // A 204 given a JSON 200 would be no break (the client reads no body there): the fault leaves it alone.
  assert.ok(await control.scenario('contract-break'));
  assert.equal((await call('logout', { token })).status, 204);
});
