import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { ApiClient } from '../../src/api/client.js';
import type { RegistrationAnswers, SubmissionRequest } from '../../src/api/contract.js';
import { ApiError, type ApiErrorKind } from '../../src/api/errors.js';
import type { RouteName } from '../../src/api/routes.js';
import { startMockBackend, type MockBackend } from '../../src/mocks/browser.js';
import { createHandlers } from '../../src/mocks/handlers.js';
import { RETRY_AFTER_SECONDS, type ScenarioName } from '../../src/mocks/scenarios.js';
import { AUTHORISATION_VERSION, DEMO_CREDENTIALS } from '../../src/mocks/seed.js';
import { createStore, type MockStore } from '../../src/mocks/store.js';

const BASE = 'https://conservatoire.test/api';

let backend: MockBackend;
let store: MockStore;
let client: ApiClient;

/** The rejection of a call, asserted to be an ApiError. */
async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (e) {
    expect(e).to.be.instanceOf(ApiError);
    return e as ApiError;
  }
  throw new Error('Expected the call to fail');
}

const login = (password: string = DEMO_CREDENTIALS.password) => client.login({ identifier: DEMO_CREDENTIALS.identifier, password });

function submission(studentId: string, patch: (a: RegistrationAnswers) => void = () => {}): SubmissionRequest {
  const answers = store.answersFor(studentId);
  answers.authorisations = { image: 'non', sortie: 'oui' };
  answers.bankChanged = false;
  patch(answers);
  return {
    answers,
    acceptance: {
      rulesVersion: store.campaign().rules.version,
      authorisationVersions: { image: AUTHORISATION_VERSION, sortie: AUTHORISATION_VERSION },
      acceptedAt: new Date().toISOString(),
    },
    changes: [],
  };
}

const PDF = new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n%%EOF\n');
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);

function uploadForm(typeCode: string, bytes: Uint8Array<ArrayBuffer>, name: string, studentId?: string): FormData {
  const form = new FormData();
  form.set('typeCode', typeCode);
  if (studentId) form.set('studentId', studentId);
  form.set('file', new File([bytes], name));
  return form;
}

describe('ApiClient against the mock backend', () => {
  before(async () => {
    backend = await startMockBackend({ baseUrl: BASE });
  });
  after(() => backend.stop());
  beforeEach(() => {
    store = createStore();
    backend.scenarios.reset();
    backend.worker.resetHandlers(...createHandlers(store, { baseUrl: BASE, scenarios: backend.scenarios }));
    client = new ApiClient(BASE, { timeoutMs: 10000 });
    client.session.clear();
  });

  describe('login', () => {
    it('stores the session on success', async () => {
      const session = await login();
      expect(client.session.token).to.equal(session.token);
      expect(store.sessions.has(session.token)).to.equal(true);
      const family = await client.family();
      expect(family.guardian.lastName).to.equal("D'AGOSTINO");
      expect(family.students.map((s) => s.id)).to.deep.equal(['gianni', 'lina']);
    });

    it('fails with unauthorized / invalid-credentials, the same for an unknown identifier', async () => {
      const wrong = await failure(login('Conservatoire'));
      const unknown = await failure(client.login({ identifier: 'LIMONEST-0404', password: DEMO_CREDENTIALS.password }));
      for (const e of [wrong, unknown]) {
        expect(e.kind).to.equal('unauthorized');
        expect(e.details.code).to.equal('invalid-credentials');
        expect(e.retryable).to.equal(false);
      }
      expect(client.session.token).to.equal(null);
    });
  });

  describe('password reset', () => {
    it('makes the old password stop working; the e-mailed one works', async () => {
      expect(await client.passwordReset({ identifier: 'LIMONEST-0001', email: DEMO_CREDENTIALS.email })).to.deep.equal({ accepted: true });
      const mail = store.outbox.at(-1)!;
      expect(mail.to).to.equal(DEMO_CREDENTIALS.email);
      expect((await failure(login())).kind).to.equal('unauthorized');
      const session = await login(mail.password);
      expect(session.token).to.have.length.of.at.least(16);
    });

    it('answers the same for an unknown pair and sends nothing', async () => {
      const known = await client.passwordReset({ identifier: 'LIMONEST-0001', email: DEMO_CREDENTIALS.email });
      const unknown = await client.passwordReset({ identifier: 'LIMONEST-0001', email: 'autre@example.fr' });
      expect(unknown).to.deep.equal(known);
      expect(store.outbox).to.have.length(1);
    });
  });

  describe('errors, one kind per failure', () => {
    const cases: [ScenarioName, RouteName[] | undefined, ApiErrorKind, boolean][] = [
      ['network-error', undefined, 'network', true],
      ['server-error', undefined, 'server', true],
      ['session-expired', undefined, 'unauthorized', false],
    ];
    for (const [scenario, routes, kind, retryable] of cases) {
      it(`${scenario} → ${kind}`, async () => {
        await login();
        backend.scenarios.set(scenario, routes ? { routes } : {});
        const e = await failure(client.family());
        expect(e.kind).to.equal(kind);
        expect(e.retryable).to.equal(retryable);
      });
    }

    it('slow → timeout, with the client’s timeoutMs', async () => {
      const impatient = new ApiClient(BASE, { timeoutMs: 150 });
      backend.scenarios.set('slow', { routes: ['campaign'] });
      const started = performance.now();
      const e = await failure(impatient.campaign());
      expect(e.kind).to.equal('timeout');
      expect(e.retryable).to.equal(true);
      expect(performance.now() - started).to.be.below(2000);
    });

    it('validation-error → validation, with the field errors', async () => {
      await login();
      backend.scenarios.set('validation-error', { routes: ['saveDraft'] });
      const e = await failure(client.saveDraft('gianni', { answers: store.answersFor('gianni'), step: 1 }));
      expect(e.kind).to.equal('validation');
      expect(e.details.status).to.equal(422);
      expect(e.details.fieldErrors).to.deep.equal({ 'answers.guardian.phoneMobile': ['validation.invalid'] });
    });

    it('a body the schema refuses → validation, with the real field paths', async () => {
      await login();
      const answers = store.answersFor('lina');
      answers.student.emergencyPhone = '06 39 98 00 43';
      const e = await failure(client.saveDraft('lina', { answers, step: 9 }));
      expect(e.kind).to.equal('validation');
      expect(e.details.fieldErrors).to.deep.equal({
        'answers.student.emergencyPhone': ['validation.format'],
        step: ['validation.tooBig'],
      });
    });

    it('rate-limited → rate-limited, retry after 30 seconds', async () => {
      backend.scenarios.set('rate-limited', { routes: ['login'] });
      const e = await failure(login());
      expect(e.kind).to.equal('rate-limited');
      expect(e.details.retryAfterSeconds).to.equal(RETRY_AFTER_SECONDS);
      expect(e.retryable).to.equal(true);
    });

    it('an answer that breaks the schema → contract', async () => {
      backend.worker.use(http.get(`${BASE}/campaign`, () => HttpResponse.json({ schoolYear: '2027-2028', isOpen: 'oui' })));
      const e = await failure(client.campaign());
      expect(e.kind).to.equal('contract');
      expect(e.details.code).to.equal('schema-mismatch');
    });

    it('the campaign is closed → campaign-closed, with the server’s message', async () => {
      store.closesAt = new Date(Date.now() - 60000);
      await login();
      const e = await failure(client.decline('gianni', {}));
      expect(e.kind).to.equal('campaign-closed');
      expect(e.details.status).to.equal(409);
      expect(e.details.serverMessage).to.match(/^Les réinscriptions en ligne sont closes depuis le /);
    });

    it('an unknown student → not-found; a file too large → too-large', async () => {
      await login();
      expect((await failure(client.registration('personne'))).kind).to.equal('not-found');
      const big = new Uint8Array(2 * 1024 * 1024 + 1);
      big.set(PDF);
      const e = await failure(client.call('upload', { body: uploadForm('iban', big, 'rib.pdf') }));
      expect([e.kind, e.details.code]).to.deep.equal(['too-large', 'too-large']);
    });
  });

  describe('submission', () => {
    it('the same Idempotency-Key twice stores one submission with one reference', async () => {
      await login();
      const body = submission('gianni');
      const first = await client.submit('gianni', body, 'cle-1');
      const second = await client.submit('gianni', body, 'cle-1');
      expect(second).to.deep.equal(first);
      expect(store.submissions).to.have.length(1);
      expect(store.submissions[0]!.idempotencyKey).to.equal('cle-1');
      // Bank unchanged: no SEPA mandate nor IBAN; still the proof of residence and the insurance.
      expect(first.missingDocuments).to.deep.equal(['justificatif-domicile', 'responsabilite-civile']);
    });

    it('an answer lost after the commit, then a retry with the same key: one submission', async () => {
      await login();
      const body = submission('lina');
      backend.scenarios.set('lost-response', { routes: ['submit'], times: 1 });
      const lost = await failure(client.submit('lina', body, 'cle-perdue'));
      expect(lost.kind).to.equal('network');
      expect(store.submissions).to.have.length(1);
      const retried = await client.submit('lina', body, 'cle-perdue');
      expect(store.submissions).to.have.length(1);
      expect(retried.reference).to.equal(store.submissions[0]!.submission.reference);
      expect((await client.family()).students.find((s) => s.id === 'lina')!.reference).to.equal(retried.reference);
    });

    it('another key after sending → conflict', async () => {
      await login();
      await client.submit('gianni', submission('gianni'), 'cle-a');
      const e = await failure(client.submit('gianni', submission('gianni'), 'cle-b'));
      expect([e.kind, e.details.code]).to.deep.equal(['conflict', 'already-submitted']);
    });
  });

  describe('decline', () => {
    it('records « ne se réinscrit pas » with the reason', async () => {
      await login();
      expect(await client.decline('gianni', { reason: 'Horaires incompatibles' })).to.deep.equal({ status: 'ne-se-reinscrit-pas' });
      const reg = await client.registration('gianni');
      expect(reg.status).to.equal('ne-se-reinscrit-pas');
      expect(reg.declineReason).to.equal('Horaires incompatibles');
      expect(store.declines).to.have.length(1);
    });
  });

  describe('documents', () => {
    it('uploads, links and deletes a piece', async () => {
      await login();
      const doc = await client.call('upload', { body: uploadForm('responsabilite-civile', JPEG, 'assurance.jpg', 'lina') });
      expect(doc).to.include({ typeCode: 'responsabilite-civile', scope: 'student', studentId: 'lina', mimeType: 'image/jpeg', size: JPEG.byteLength });
      expect((await client.registration('lina')).documents.map((d) => d.id)).to.deep.equal([doc.id]);
      expect((await client.registration('gianni')).documents).to.deep.equal([]);

      const link = await client.documentLink(doc.id);
      const file = await fetch(link.url);
      expect(file.headers.get('Content-Type')).to.equal('image/jpeg');
      expect(new Uint8Array(await file.arrayBuffer())).to.deep.equal(JPEG);

      await client.deleteDocument(doc.id);
      expect((await client.registration('lina')).documents).to.deep.equal([]);
      expect((await failure(client.deleteDocument(doc.id))).kind).to.equal('not-found');
    });

    it('refuses a file that is not a PDF, JPEG or PNG, whatever its name', async () => {
      await login();
      const e = await failure(client.call('upload', { body: uploadForm('iban', new TextEncoder().encode('GIF89a'), 'rib.pdf') }));
      expect([e.kind, e.details.code]).to.deep.equal(['validation', 'unsupported-type']);
    });
  });

  it('runs the whole happy path with every answer matching its schema', async () => {
    const campaign = await client.campaign();
    expect(campaign.isOpen).to.equal(true);
    await login();
    const family = await client.family();
    const updated = await client.updateFamily({ guardian: { ...family.guardian, civilite: 'MME' }, paymentMode: 'direct-debit', bankChanged: true });
    expect(updated.guardian.civilite).to.equal('MME');
    const registration = await client.registration('gianni');
    expect(registration.courses.map((c) => c.teacher)).to.deep.equal(['Lorène REYMOND', 'Lydie DAGOSTINO', 'Catherine DUPERRAY', 'Jade BRECHELIERE']);
    expect(registration.disciplines).to.deep.equal(['musique', 'theatre']);

    const answers = submission('gianni', (a) => (a.bankChanged = true)).answers;
    const saved = await client.saveDraft('gianni', { answers, step: 5 });
    expect(saved.status).to.equal('brouillon');
    for (const type of ['mandat-sepa', 'iban', 'justificatif-domicile', 'attestation-qf']) {
      await client.call('upload', { body: uploadForm(type, PDF, `${type}.pdf`) });
    }
    await client.call('upload', { body: uploadForm('responsabilite-civile', PDF, 'rc.pdf', 'gianni') });

    const sent = await client.submit(
      'gianni',
      submission('gianni', (a) => (a.bankChanged = true)),
      crypto.randomUUID(),
    );
    expect(sent).to.include({ status: 'envoyee' });
    expect(sent.missingDocuments).to.deep.equal([]);
    const after = await client.family();
    expect(after.students[0]).to.include({ status: 'envoyee', reference: sent.reference });

    const extended = await client.extendSession();
    expect(Date.parse(extended.expiresAt)).to.be.above(Date.parse(extended.serverNow));
    const token = client.session.token!;
    await client.logout();
    expect(store.sessions.has(token)).to.equal(false);
    expect((await failure(client.family())).details.code).to.equal('no-session');
  });
});
