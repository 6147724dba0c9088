import assert from 'node:assert/strict';
import * as z from 'zod/mini';
import { ErrorBody } from '../../src/api/contract.js';
import { call, ok, openLink, PDF, PNG, upload } from './client.js';
import { control } from './control.js';
import { test } from './harness.js';

const MINUTE = 60000;

async function expectGone(url: string): Promise<void> {
  const res = await openLink(url);
  assert.equal(res.status, 404, url);
  const body = z.parse(ErrorBody, await res.json());
  assert.equal(body.code, 'not-found');
  assert.equal(body.message, 'Ce lien a expiré ou le document a été supprimé.');
}

test('serves the bytes behind a short-lived link, without the bearer, with a safe type', async () => {
  const t0 = new Date(Math.floor(Date.now() / MINUTE) * MINUTE);
  await control.clock(t0);
  const { token } = await control.session();
  const doc = await upload(token, 'responsabilite-civile', 'gianni');
  const link = await ok('documentLink', { token, params: { documentId: doc.id } });
  assert.ok(Math.abs(Date.parse(link.expiresAt) - (t0.getTime() + 5 * MINUTE)) < 5000, link.expiresAt);
  assert.ok(!link.url.includes(doc.id), 'the link does not carry the document id');
  const file = await openLink(link.url);
  assert.equal(file.status, 200);
  assert.equal(file.headers.get('Content-Type'), 'application/pdf');
  assert.equal(file.headers.get('X-Content-Type-Options'), 'nosniff');
  assert.match(file.headers.get('Cache-Control') ?? '', /no-store/);
  assert.deepEqual(new Uint8Array(await file.arrayBuffer()), PDF);
  // Opened twice within its life: still there.
  assert.equal((await openLink(link.url)).status, 200);
});

test('names the file inline, its name encoded', async () => {
  const { token } = await control.session();
  const name = 'Attestation été 2027.pdf';
  const doc = await upload(token, 'iban', undefined, new File([PDF], name));
  const file = await openLink((await ok('documentLink', { token, params: { documentId: doc.id } })).url);
  const disposition = file.headers.get('Content-Disposition') ?? '';
  assert.match(disposition, /^inline;/, disposition);
  assert.ok(disposition.includes(`filename*=UTF-8''${encodeURIComponent(name)}`), disposition);
  await file.arrayBuffer();
});

test('serves an image with its own type', async () => {
  const { token } = await control.session();
  const doc = await upload(token, 'iban', undefined, new File([PNG], 'rib.png'));
  const file = await openLink((await ok('documentLink', { token, params: { documentId: doc.id } })).url);
  assert.equal(file.headers.get('Content-Type'), 'image/png');
  assert.deepEqual(new Uint8Array(await file.arrayBuffer()), PNG);
});

test('expires: 404 once the server clock passes expiresAt', async () => {
  const t0 = new Date(Math.floor(Date.now() / MINUTE) * MINUTE);
  await control.clock(t0);
  const { token } = await control.session();
  const doc = await upload(token, 'iban');
  const link = await ok('documentLink', { token, params: { documentId: doc.id } });
  await control.clock(new Date(t0.getTime() + 4 * MINUTE));
  assert.equal((await openLink(link.url)).status, 200);
  await control.clock(new Date(t0.getTime() + 5 * MINUTE + 30000));
  await expectGone(link.url);
  // A new link works again (a fresh session: the first one's 30 minutes are not over).
  const fresh = await ok('documentLink', { token, params: { documentId: doc.id } });
  assert.equal((await openLink(fresh.url)).status, 200);
});

test('dies with its document: 404 once the piece is deleted', async () => {
  const { token } = await control.session();
  const doc = await upload(token, 'iban');
  const link = await ok('documentLink', { token, params: { documentId: doc.id } });
  assert.equal((await call('deleteDocument', { token, params: { documentId: doc.id } })).status, 204);
  await expectGone(link.url);
});

test('a made-up or altered token is a 404', async () => {
  const { token } = await control.session();
  const doc = await upload(token, 'iban');
  const link = await ok('documentLink', { token, params: { documentId: doc.id } });
  // Every other last character: a base64url token's last character carries unused bits, and a backend that
  // decodes leniently would take some of these for the genuine token (it did: a flake of the PHP backend).
  const last = link.url.slice(-1);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  for (const tail of alphabet.replace(last, '')) await expectGone(`${link.url.slice(0, -1)}${tail}`);
  assert.notEqual((await ok('documentLink', { token, params: { documentId: doc.id } })).url, link.url, 'a new token each time');
});
