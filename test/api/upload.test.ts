import { expect } from '@open-wc/testing';
import { ApiClient } from '../../src/api/client.js';
import { ApiError } from '../../src/api/errors.js';
import { setXhrFactory, uploadDocument, type UploadProgress } from '../../src/api/upload.js';
import { FakeXhr, pdfFile, MB } from '../fixtures/documents.js';

/** The XHR upload of src/api/upload.ts, driven through a transport the test controls. */
describe('api/upload', () => {
  let client: ApiClient;
  let n = 0;

  beforeEach(() => {
    n += 1;
    client = new ApiClient(`https://api.upload-test-${n}.example/v1/`);
    client.session.set({ token: 'jeton-de-test-0123456789', expiresAt: '2099-01-01T00:00:00Z', serverNow: '2027-05-20T12:00:00Z' });
    FakeXhr.instances = [];
    setXhrFactory(() => new FakeXhr());
  });

  afterEach(() => {
    client.session.clear();
    setXhrFactory(undefined);
  });

  const failure = async (promise: Promise<unknown>): Promise<ApiError> => {
    try {
      await promise;
    } catch (error) {
      if (error instanceof ApiError) return error;
      throw error;
    }
    throw new Error('expected a failure');
  };

  it('posts the fields and the file with the bearer token, reporting progress in bytes of the file', async () => {
    const file = pdfFile('attestation.pdf', 1.4 * MB);
    const progress: UploadProgress[] = [];
    const done = uploadDocument(client, {
      fields: { typeCode: 'responsabilite-civile', studentId: 'gianni' },
      file,
      fileName: file.name,
      onProgress: (p) => progress.push(p),
    });
    const xhr = FakeXhr.last()!;
    expect(xhr.method).to.equal('POST');
    expect(xhr.url).to.equal(`https://api.upload-test-${n}.example/v1/documents`);
    expect(xhr.headers.Authorization).to.equal('Bearer jeton-de-test-0123456789');
    expect(xhr.withCredentials).to.equal(false);
    expect(xhr.body?.get('typeCode')).to.equal('responsabilite-civile');
    expect(xhr.body?.get('studentId')).to.equal('gianni');
    expect(xhr.file.name).to.equal('attestation.pdf');

    // The request body is the file plus a few hundred bytes of multipart envelope.
    const body = file.size + 400;
    xhr.progress(body / 2, body);
    xhr.progress(body, body);
    const doc = xhr.accept();
    expect(await done).to.deep.equal(doc);
    expect(progress[0]).to.deep.equal({ loaded: 0, total: file.size });
    expect(progress[1]!.loaded).to.equal(Math.round(file.size / 2));
    expect(progress[2]).to.deep.equal({ loaded: file.size, total: file.size });
  });

  it('leaves out studentId for a family piece', async () => {
    const done = uploadDocument(client, { fields: { typeCode: 'justificatif-domicile' }, file: pdfFile(), fileName: 'edf.pdf' });
    const xhr = FakeXhr.last()!;
    expect(xhr.body?.has('studentId')).to.equal(false);
    xhr.accept();
    expect((await done).studentId).to.equal(null);
  });

  it('maps refusals to the client’s typed errors', async () => {
    const send = () => uploadDocument(client, { fields: { typeCode: 'responsabilite-civile' }, file: pdfFile(), fileName: 'a.pdf' });
    let p = send();
    FakeXhr.last()!.respond(413, { code: 'too-large', message: 'Le fichier dépasse 2 Mo.' });
    expect((await failure(p)).kind).to.equal('too-large');

    p = send();
    FakeXhr.last()!.respond(422, { code: 'unsupported-type' });
    const unsupported = await failure(p);
    expect([unsupported.kind, unsupported.details.code]).to.deep.equal(['validation', 'unsupported-type']);

    p = send();
    FakeXhr.last()!.respond(409, { code: 'campaign-closed', message: 'Clos.' });
    expect((await failure(p)).kind).to.equal('campaign-closed');

    p = send();
    FakeXhr.last()!.respond(429, { code: 'rate-limited' }, { 'Retry-After': '30' });
    const limited = await failure(p);
    expect([limited.kind, limited.details.retryAfterSeconds]).to.deep.equal(['rate-limited', 30]);

    p = send();
    FakeXhr.last()!.respond(502, '<html>Bad gateway</html>');
    expect((await failure(p)).kind).to.equal('server');

    p = send();
    FakeXhr.last()!.respond(201, { id: 'x' });
    expect((await failure(p)).kind).to.equal('contract');

    p = send();
    FakeXhr.last()!.fail();
    const network = await failure(p);
    expect(network.kind).to.equal('network');
    expect(network.retryable).to.equal(true);
  });

  it('is cancelled by its signal', async () => {
    const controller = new AbortController();
    const p = uploadDocument(client, { fields: { typeCode: 'iban' }, file: pdfFile(), fileName: 'rib.pdf', signal: controller.signal });
    controller.abort();
    expect(FakeXhr.last()!.aborted).to.equal(true);
    expect((await failure(p)).kind).to.equal('aborted');
  });

  it('gives up after a stall without progress, but not while bytes keep moving', async () => {
    // Progress every 20 ms against a 1 s stall: a timer a busy machine fires late still comes well in time.
    const p = uploadDocument(client, { fields: { typeCode: 'iban' }, file: pdfFile(), fileName: 'rib.pdf', stallTimeoutMs: 1000 });
    const xhr = FakeXhr.last()!;
    for (let i = 1; i <= 4; i += 1) {
      await new Promise((r) => setTimeout(r, 20));
      xhr.progress(i * 1000);
    }
    expect(xhr.aborted).to.equal(false);
    const error = await failure(p);
    expect(error.kind).to.equal('timeout');
    expect(xhr.aborted).to.equal(true);
  });

  it('needs a session', async () => {
    client.session.clear();
    const error = await failure(uploadDocument(client, { fields: { typeCode: 'iban' }, file: pdfFile(), fileName: 'rib.pdf' }));
    expect(error.kind).to.equal('unauthorized');
    expect(FakeXhr.instances).to.have.length(0);
  });
});
