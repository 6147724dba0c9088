import assert from 'node:assert/strict';
import { MAX_UPLOAD_BYTES } from '../../src/mocks/seed.js';
import { call, EXE, form, JPEG, ok, PDF, pdfFile, PNG, refused, upload } from './client.js';
import { control } from './control.js';
import { test } from './harness.js';

test('recognises PDF, JPEG and PNG by their first bytes, not by the name or the declared type', async () => {
  const { token } = await control.session();
  const cases: [Uint8Array<ArrayBuffer>, string, string][] = [
    [PDF, 'attestation.pdf', 'application/pdf'],
    [JPEG, 'photo.jpg', 'image/jpeg'],
    [PNG, 'facture.pdf', 'image/png'],
  ];
  for (const [bytes, name, mimeType] of cases) {
    const doc = await upload(token, 'responsabilite-civile', 'gianni', new File([bytes], name, { type: 'application/octet-stream' }));
    assert.deepEqual(
      { typeCode: doc.typeCode, scope: doc.scope, studentId: doc.studentId, fileName: doc.fileName, size: doc.size, mimeType: doc.mimeType },
      { typeCode: 'responsabilite-civile', scope: 'student', studentId: 'gianni', fileName: name, size: bytes.byteLength, mimeType },
    );
  }
});

test('refuses a renamed executable, an empty file and one over 2 MiB, and keeps nothing', async () => {
  const { token } = await control.session();
  await refused(
    'upload',
    { token, form: form('responsabilite-civile', new File([EXE], 'attestation.pdf', { type: 'application/pdf' }), 'gianni') },
    422,
    'unsupported-type',
    {
      message: 'Seuls les documents PDF, JPEG ou PNG sont acceptés.',
    },
  );
  await refused('upload', { token, form: form('responsabilite-civile', new File(['%PD pas un pdf'], 'faux.pdf'), 'gianni') }, 422, 'unsupported-type');
  await refused('upload', { token, form: form('responsabilite-civile', new File([], 'vide.pdf'), 'gianni') }, 422, 'empty-file', {
    message: 'Le fichier est vide.',
  });
  const big = new File([PDF, new Uint8Array(MAX_UPLOAD_BYTES)], 'gros.pdf', { type: 'application/pdf' });
  await refused('upload', { token, form: form('responsabilite-civile', big, 'gianni') }, 413, 'too-large', { message: 'Le fichier dépasse 2 Mo.' });
  assert.deepEqual((await ok('registration', { token, params: { studentId: 'gianni' } })).documents, []);
});

test('takes exactly 2 MiB', async () => {
  const { token } = await control.session();
  const bytes = new Uint8Array(MAX_UPLOAD_BYTES);
  bytes.set(PDF);
  const doc = await upload(token, 'iban', undefined, new File([bytes], 'iban.pdf'));
  assert.equal(doc.size, MAX_UPLOAD_BYTES);
});

test('refuses unknown types, and student pieces without a known student of the family', async () => {
  const { token } = await control.session();
  await refused('upload', { token, form: form('responsabilite-civile', pdfFile()) }, 422, 'validation', {
    fieldErrors: { studentId: ['validation.required'] },
  });
  await refused('upload', { token, form: form('responsabilite-civile', pdfFile(), 'inconnu') }, 404, 'not-found', { message: 'Élève introuvable.' });
  await refused('upload', { token, form: form('carte-vitale', pdfFile()) }, 422, 'validation', { fieldErrors: { typeCode: ['validation.unknownValue'] } });
  await refused('upload', { token, form: form('iban', null) }, 422, 'validation', { fieldErrors: { file: ['validation.required'] } });
  assert.deepEqual((await ok('registration', { token, params: { studentId: 'gianni' } })).documents, []);
});

test("shares family pieces between the family's students", async () => {
  const { token } = await control.session();
  // A family piece sent from a student's file belongs to the family.
  const doc = await upload(token, 'justificatif-domicile', 'gianni');
  assert.deepEqual([doc.scope, doc.studentId], ['family', null]);
  const student = await upload(token, 'responsabilite-civile', 'lina');
  assert.deepEqual(
    (await ok('registration', { token, params: { studentId: 'gianni' } })).documents.map((d) => d.id),
    [doc.id],
  );
  assert.deepEqual((await ok('registration', { token, params: { studentId: 'lina' } })).documents.map((d) => d.id).sort(), [doc.id, student.id].sort());
});

test('keeps the base name of a file sent with a path', async () => {
  const { token } = await control.session();
  const doc = await upload(token, 'iban', undefined, new File([PDF], 'C:\\Users\\lydie\\RIB banque.pdf'));
  assert.equal(doc.fileName, 'RIB banque.pdf');
});

test('accepts and deletes pieces after closing until documentsUntil, not after', async () => {
  const { token } = await control.session();
  const now = Date.now();
  await control.campaign({ opensAt: new Date(now - 20 * 86400000), closesAt: new Date(now - 3600000), documentsUntil: new Date(now + 3600000) });
  const doc = await upload(token, 'iban');
  const other = await upload(token, 'mandat-sepa');
  assert.equal((await call('deleteDocument', { token, params: { documentId: other.id } })).status, 204);
  await control.campaign({ documentsUntil: new Date(now - 60000) });
  await refused('upload', { token, form: form('iban', pdfFile()) }, 409, 'campaign-closed', {
    message: /^Les pièces justificatives ne peuvent plus être déposées en ligne depuis le /,
  });
  await refused('deleteDocument', { token, params: { documentId: doc.id } }, 409, 'campaign-closed');
  assert.deepEqual(
    (await ok('registration', { token, params: { studentId: 'gianni' } })).documents.map((d) => d.id),
    [doc.id],
  );
});

test('deletes a piece: 204, then gone, then 404', async () => {
  const { token } = await control.session();
  const doc = await upload(token, 'responsabilite-civile', 'gianni');
  assert.equal((await call('deleteDocument', { token, params: { documentId: doc.id } })).status, 204);
  assert.deepEqual((await ok('registration', { token, params: { studentId: 'gianni' } })).documents, []);
  await refused('deleteDocument', { token, params: { documentId: doc.id } }, 404, 'not-found', { message: 'Document introuvable.' });
  await refused('documentLink', { token, params: { documentId: doc.id } }, 404, 'not-found');
});
