import assert from 'node:assert/strict';
import { fillPath, routes, type RouteName } from '../../src/api/routes.js';
import { api } from './config.js';
import { send } from './client.js';
import { control } from './control.js';
import { test } from './harness.js';

/** A page of the town's site embedding the widget, on another origin than the API. */
const ORIGIN = 'https://www.limonest.example';

const list = (value: string | null) => (value ?? '').split(',').map((s) => s.trim().toLowerCase());

function assertNoCredentials(res: Response, where: string): void {
  assert.notEqual(res.headers.get('Access-Control-Allow-Credentials'), 'true', `${where}: no credentials (the bearer is not a cookie)`);
}

function assertOrigin(res: Response, where: string): void {
  const allowed = res.headers.get('Access-Control-Allow-Origin');
  assert.ok(allowed === ORIGIN || allowed === '*', `${where}: Access-Control-Allow-Origin ${allowed}`);
}

test('answers a preflight from another origin on every route: Authorization, Content-Type, Idempotency-Key allowed', async () => {
  for (const name of Object.keys(routes) as RouteName[]) {
    const route = routes[name];
    const url = `${api()}${fillPath(route.path, { studentId: 'gianni', documentId: 'doc-1' })}`;
    const res = await fetch(url, {
      method: 'OPTIONS',
      headers: {
        Origin: ORIGIN,
        'Access-Control-Request-Method': route.method,
        'Access-Control-Request-Headers': 'authorization,content-type,idempotency-key',
      },
    });
    assert.ok(res.status === 200 || res.status === 204, `${name}: preflight ${res.status}`);
    assertOrigin(res, name);
    const headers = list(res.headers.get('Access-Control-Allow-Headers'));
    for (const h of ['authorization', 'content-type', 'idempotency-key']) assert.ok(headers.includes(h), `${name}: ${h} not allowed (${headers.join(', ')})`);
    const methods = list(res.headers.get('Access-Control-Allow-Methods')).map((m) => m.toUpperCase());
    assert.ok(methods.includes(route.method), `${name}: ${route.method} not allowed (${methods.join(', ')})`);
    assertNoCredentials(res, name);
  }
});

test('lets another origin read the answers, errors included, and Retry-After', async () => {
  const { token } = await control.session();
  const answers: [string, Response][] = [
    ['campaign', await send('campaign', { headers: { Origin: ORIGIN } })],
    ['family', await send('family', { token, headers: { Origin: ORIGIN } })],
    ['family without a token', await send('family', { headers: { Origin: ORIGIN } })],
    ['registration of nobody', await send('registration', { token, params: { studentId: 'inconnu' }, headers: { Origin: ORIGIN } })],
  ];
  assert.deepEqual(
    answers.map(([, res]) => res.status),
    [200, 200, 401, 404],
  );
  for (const [where, res] of answers) {
    assertOrigin(res, where);
    assert.ok(list(res.headers.get('Access-Control-Expose-Headers')).includes('retry-after'), `${where}: Retry-After exposed`);
    assertNoCredentials(res, where);
    await res.arrayBuffer();
  }
});

test('a 429 from another origin carries a readable Retry-After', async () => {
  assert.ok(await control.scenario('rate-limited', { routes: ['login'], times: 1 }), 'rate-limited fault');
  const res = await send('login', { body: { identifier: 'LIMONEST-0001', password: 'x' }, headers: { Origin: ORIGIN } });
  assert.equal(res.status, 429);
  assertOrigin(res, 'login');
  assert.equal(res.headers.get('Retry-After'), '30');
  assert.ok(list(res.headers.get('Access-Control-Expose-Headers')).includes('retry-after'));
  assertNoCredentials(res, 'login');
});
