import assert from 'node:assert/strict';
import type * as c from '../../src/api/contract.js';
import { routes, type RouteName } from '../../src/api/routes.js';
import { call, ok, openLink, PDF, refused, refusals, submission, submitOptions, upload } from './client.js';
import { control } from './control.js';
import { OTHER_FAMILY } from './families.js';
import { test } from './harness.js';

/**
 * A family cannot read or change another family's students, registrations, drafts, submissions,
 * declines, documents or links: every authenticated route of src/api/routes.ts is called with
 * family B's token on family A's data. A foreign student or document is as unknown as a missing
 * one (404 not-found, never 200/204, never a 409 that would say it exists), and A's data is the
 * same afterwards, read back with A's token.
 */

type AuthRoute = { [N in RouteName]: (typeof routes)[N]['auth'] extends true ? N : never }[RouteName];

interface World {
  /** Family A (the seed's), its token, and what it owns. */
  a: string;
  aDocument: c.UploadedDocument;
  aFamilyDocument: c.UploadedDocument;
  aLink: c.DocumentLink;
  aKey: string;
  /** Family B (seeded), its token. */
  b: string;
  bStudent: string;
}

async function snapshot(w: World): Promise<unknown> {
  return {
    family: await ok('family', { token: w.a }),
    gianni: await ok('registration', { token: w.a, params: { studentId: 'gianni' } }),
    lina: await ok('registration', { token: w.a, params: { studentId: 'lina' } }),
  };
}

async function world(): Promise<World> {
  assert.equal(await control.seed([OTHER_FAMILY]), 1);
  const a = (await control.session()).token;
  const b = (await control.session(OTHER_FAMILY.account.identifier)).token;
  // A: a draft for Gianni, his piece and a family piece, a link, Lina's submission.
  await ok('saveDraft', { token: a, params: { studentId: 'gianni' }, body: { answers: (await submission(a, 'gianni')).answers, step: 4 } });
  const aDocument = await upload(a, 'responsabilite-civile', 'gianni');
  const aFamilyDocument = await upload(a, 'justificatif-domicile');
  const aLink = await ok('documentLink', { token: a, params: { documentId: aDocument.id } });
  const aKey = 'isolation-key';
  await ok('submit', submitOptions(a, 'lina', await submission(a, 'lina'), aKey));
  return { a, aDocument, aFamilyDocument, aLink, aKey, b, bStudent: OTHER_FAMILY.students[0]!.id };
}

const foreignStudent = { message: 'Élève introuvable.' };
const foreignDocument = { message: 'Document introuvable.' };

/** Per authenticated route: what family B tries on A's data, and what it must get. */
const attacks: Record<AuthRoute, (w: World) => Promise<void>> = {
  extendSession: async (w) => {
    // The only session a token extends is its own.
    const extended = await ok('extendSession', { token: w.b });
    assert.equal(extended.token, w.b);
  },
  logout: async (w) => {
    assert.equal((await call('logout', { token: w.b })).status, 204);
    await ok('family', { token: w.a });
  },
  family: async (w) => {
    const family = await ok('family', { token: w.b });
    assert.equal(family.id, OTHER_FAMILY.id);
    assert.deepEqual(
      family.students.map((s) => s.id),
      [w.bStudent],
    );
    assert.equal(family.guardian.email, OTHER_FAMILY.account.email);
  },
  updateFamily: async (w) => {
    const family = await ok('family', { token: w.b });
    const updated = await ok('updateFamily', {
      token: w.b,
      body: { guardian: { ...family.guardian, city: 'Dardilly' }, paymentMode: 'direct-debit', bankChanged: true },
    });
    assert.equal(updated.id, OTHER_FAMILY.id);
  },
  registration: async (w) => {
    for (const studentId of ['gianni', 'lina']) await refused('registration', { token: w.b, params: { studentId } }, 404, 'not-found', foreignStudent);
  },
  saveDraft: async (w) => {
    const { answers } = await submission(w.b, w.bStudent);
    for (const studentId of ['gianni', 'lina']) {
      await refused('saveDraft', { token: w.b, params: { studentId }, body: { answers, step: 2 } }, 404, 'not-found', foreignStudent);
    }
  },
  submit: async (w) => {
    const body = await submission(w.b, w.bStudent);
    await refused('submit', submitOptions(w.b, 'gianni', body, 'b-key'), 404, 'not-found', foreignStudent);
    // Already sent by A, with A's key: still unknown to B, and A's key is not B's.
    await refused('submit', submitOptions(w.b, 'lina', body, w.aKey), 404, 'not-found', foreignStudent);
    const own = await ok('submit', submitOptions(w.b, w.bStudent, body, w.aKey));
    assert.equal(own.status, 'envoyee-incomplete');
    const lina = await ok('registration', { token: w.a, params: { studentId: 'lina' } });
    assert.notEqual(own.reference, lina.submission?.reference);
  },
  decline: async (w) => {
    for (const studentId of ['gianni', 'lina']) {
      await refused('decline', { token: w.b, params: { studentId }, body: { reason: 'Piratage' } }, 404, 'not-found', foreignStudent);
    }
  },
  upload: async (w) => {
    // A student piece for A's student, sent by B.
    const f = new FormData();
    f.set('typeCode', 'responsabilite-civile');
    f.set('studentId', 'gianni');
    f.set('file', new File([PDF], 'intrus.pdf', { type: 'application/pdf' }));
    await refused('upload', { token: w.b, form: f }, 404, 'not-found', foreignStudent);
    // B's own family piece stays B's.
    const own = await upload(w.b, 'justificatif-domicile');
    assert.equal(own.studentId, null);
    assert.ok(!(await ok('registration', { token: w.a, params: { studentId: 'gianni' } })).documents.some((d) => d.id === own.id));
  },
  deleteDocument: async (w) => {
    for (const doc of [w.aDocument, w.aFamilyDocument]) {
      await refused('deleteDocument', { token: w.b, params: { documentId: doc.id } }, 404, 'not-found', foreignDocument);
    }
  },
  documentLink: async (w) => {
    for (const doc of [w.aDocument, w.aFamilyDocument]) {
      await refused('documentLink', { token: w.b, params: { documentId: doc.id } }, 404, 'not-found', foreignDocument);
    }
  },
};

const authRoutes = (Object.keys(routes) as RouteName[]).filter((name) => routes[name].auth);

test('has an attack for every authenticated route, above all those with a path parameter', async () => {
  const missing = authRoutes.filter((name) => !(name in attacks));
  assert.deepEqual(missing, [], 'authenticated routes without an isolation case');
  const withParameter = (Object.keys(routes) as RouteName[]).filter((name) => routes[name].path.includes('{'));
  assert.ok(withParameter.length >= 6);
  for (const name of withParameter) assert.ok(name in attacks, `${name} (${routes[name].path}) has no isolation case`);
});

for (const name of authRoutes) {
  test(`${name} with another family's token: A's data refused and unchanged`, async () => {
    const attack = (attacks as Partial<Record<RouteName, (w: World) => Promise<void>>>)[name];
    assert.ok(attack, `no isolation case for ${name}`);
    const w = await world();
    const before = await snapshot(w);
    refusals.length = 0;
    await attack(w);
    // A route that names a student or a document must have been refused at least once on A's.
    if (routes[name].path.includes('{') || name === 'upload') {
      assert.ok(
        refusals.some((r) => r.name === name && r.status === 404 && r.code === 'not-found'),
        `the ${name} case never asks for A's data with B's token`,
      );
    }
    assert.deepEqual(await snapshot(w), before, "A's data changed");
    const file = await openLink(w.aLink.url);
    assert.equal(file.status, 200, "A's link still works");
    assert.deepEqual(new Uint8Array(await file.arrayBuffer()), PDF);
  });
}

test("a family's token never shows another family's students or pieces", async () => {
  const w = await world();
  const family = await ok('family', { token: w.b });
  assert.ok(!family.students.some((s) => ['gianni', 'lina'].includes(s.id)));
  const own = await ok('registration', { token: w.b, params: { studentId: w.bStudent } });
  assert.deepEqual(own.documents, [], "A's family piece is not B's");
  assert.equal(own.draft, null);
});
