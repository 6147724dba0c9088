import { expect } from '@open-wc/testing';
import * as z from 'zod/mini';
import * as c from '../../src/api/contract.js';
import { fillPath, routes, type Route, type RouteName } from '../../src/api/routes.js';
import { startMockBackend, type MockBackend } from '../../src/mocks/browser.js';
import { applyFixture, completeAnswers, FIXTURE_DOCUMENT, FIXTURE_NAMES, resetWithFixture } from '../../src/mocks/fixtures.js';
import { createHandlers } from '../../src/mocks/handlers.js';
import { SCENARIO_DESCRIPTIONS, SCENARIO_NAMES, scenarioApplies, type ScenarioName } from '../../src/mocks/scenarios.js';
import { AUTHORISATION_VERSION, DEMO_CREDENTIALS } from '../../src/mocks/seed.js';
import { createStore, type MockStore, type StoreOptions } from '../../src/mocks/store.js';
import type { SubPathWindow } from './sub-path/app.js';

/**
 * What is particular to the mock in the browser: the MSW handlers behind a service worker, the
 * store's options (its clock, its dates), the scenarios' own rules, the fixtures, a sub-path. The
 * contract itself (statuses, codes, idempotency, uploads, links, CORS, isolation…) is tested over
 * HTTP by the backend-neutral suite, test/contract/*.contract.ts (`npm run test:contract`), which
 * runs against the mock server and the WordPress backend alike.
 */

/** Any origin works: the service worker sees every request of this page. */
const BASE = 'https://api.test/v1';
const NOW = new Date('2026-11-26T10:00:00Z');

let backend: MockBackend;
let store: MockStore;
let clock: Date;

/** A fresh store (and handlers bound to it) for each test; the clock is movable. */
function useStore(options: StoreOptions = {}): MockStore {
  store = createStore({ now: () => clock, ...options });
  backend.worker.resetHandlers(...createHandlers(store, { baseUrl: BASE, scenarios: backend.scenarios }));
  return store;
}

interface Call {
  token?: string;
  body?: unknown;
  raw?: string;
  form?: FormData;
  headers?: Record<string, string>;
}

function api(method: string, path: string, call: Call = {}): Promise<Response> {
  const headers: Record<string, string> = { ...call.headers };
  if (call.token) headers.Authorization = `Bearer ${call.token}`;
  let body: BodyInit | undefined = call.form ?? call.raw;
  if (call.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(call.body);
  }
  return fetch(`${BASE}${path}`, { method, headers, body });
}

async function login(password: string = DEMO_CREDENTIALS.password): Promise<string> {
  const res = await api('POST', '/session', { body: { identifier: DEMO_CREDENTIALS.identifier, password } });
  expect(res.status).to.equal(200);
  return z.parse(c.Session, await res.json()).token;
}

/** Reads an error answer, asserting it has the contract's ErrorBody shape. */
async function errorOf(res: Response): Promise<c.ErrorBody> {
  return z.parse(c.ErrorBody, await res.json());
}

/** A submission the mock accepts: the prefilled answers plus what the parent must add. */
function submission(studentId: string, patch: (a: c.RegistrationAnswers) => void = () => {}): c.SubmissionRequest {
  const answers = store.answersFor(studentId);
  answers.authorisations = { image: 'oui', sortie: 'non' };
  answers.bankChanged = true;
  patch(answers);
  return {
    answers,
    acceptance: {
      rulesVersion: store.campaign().rules.version,
      authorisationVersions: { image: AUTHORISATION_VERSION, sortie: AUTHORISATION_VERSION },
      acceptedAt: clock.toISOString(),
    },
    changes: [],
  };
}

function submit(token: string, studentId: string, body: c.SubmissionRequest, key: string): Promise<Response> {
  return api('POST', `/students/${studentId}/submission`, { token, body, headers: { 'Idempotency-Key': key } });
}

const PDF = new TextEncoder().encode('%PDF-1.4\n% test\n1 0 obj\n<<>>\nendobj\n%%EOF\n');

function form(typeCode: string, file: File | null, studentId?: string): FormData {
  const f = new FormData();
  f.set('typeCode', typeCode);
  if (studentId) f.set('studentId', studentId);
  if (file) f.set('file', file);
  return f;
}

const pdfFile = (name = 'attestation.pdf') => new File([PDF], name, { type: 'application/pdf' });

const parisWallClock = (iso: string) =>
  new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));

describe('mock backend handlers', () => {
  before(async () => {
    backend = await startMockBackend({ baseUrl: BASE });
  });
  after(() => backend.stop());
  beforeEach(() => {
    clock = NOW;
    backend.scenarios.reset();
    useStore();
  });

  describe("campaign dates from the store's clock and options", () => {
    it('is open around the server clock and closes at 23:59 Paris time, winter offset', async () => {
      const res = await api('GET', '/campaign');
      expect(res.status).to.equal(200);
      const campaign = z.parse(c.Campaign, await res.json());
      expect(campaign.isOpen).to.equal(true);
      expect(campaign.serverNow).to.equal(NOW.toISOString());
      // Re-registration in November prepares the next school year, starting September 2027.
      expect(campaign.schoolYear).to.equal('2027-2028');
      expect(campaign.closesAt).to.equal('2026-12-06T23:59:00+01:00');
      expect(parisWallClock(campaign.closesAt)).to.equal('06/12/2026 23:59');
      expect(campaign.documentsUntil).to.equal('2026-12-20T23:59:00+01:00');
      expect(Date.parse(campaign.opensAt)).to.be.below(NOW.getTime());
      expect(campaign.timeZone).to.equal('Europe/Paris');
    });

    it('computes the summer offset for a closing date in summer', async () => {
      clock = new Date('2027-05-20T08:00:00Z');
      useStore();
      const campaign = z.parse(c.Campaign, await (await api('GET', '/campaign')).json());
      expect(campaign.closesAt).to.equal('2027-05-30T23:59:00+02:00');
      expect(new Date(campaign.closesAt).toISOString()).to.equal('2027-05-30T21:59:00.000Z');
      expect(campaign.schoolYear).to.equal('2027-2028');
    });

    it('takes explicit dates and reports closed once past closesAt', async () => {
      useStore({ opensAt: '2026-11-01T00:00:00+01:00', closesAt: '2026-11-20T23:59:00+01:00', documentsUntil: '2026-12-31T23:59:00+01:00' });
      const campaign = z.parse(c.Campaign, await (await api('GET', '/campaign')).json());
      expect(campaign.isOpen).to.equal(false);
      expect(campaign.closesAt).to.equal('2026-11-20T23:59:00+01:00');
      clock = new Date('2026-11-15T10:00:00Z');
      expect(z.parse(c.Campaign, await (await api('GET', '/campaign')).json()).isOpen).to.equal(true);
    });
  });

  describe('contract checks of the handlers', () => {
    it('never sends an answer that breaks the contract: a corrupted store gives a 500', async () => {
      store.schoolYear = 'deux mille vingt-sept';
      const res = await api('GET', '/campaign');
      expect(res.status).to.equal(500);
      expect((await errorOf(res)).code).to.equal('mock-contract-violation');
    });
  });

  describe('scenarios', () => {
    it('validation-error: 422 on routes with a body only, nothing written', async () => {
      const token = await login();
      backend.scenarios.set('validation-error');
      expect((await api('GET', '/family', { token })).status).to.equal(200);
      const refused = await api('POST', '/students/lina/decline', { token, body: {} });
      expect(refused.status).to.equal(422);
      expect((await errorOf(refused)).fieldErrors).to.deep.equal({ reason: ['validation.invalid'] });
      expect(store.students.get('lina')!.status).to.equal('a-faire');
    });

    it('validation-error on a draft blames a field of the step being left, read from the step it goes to', async () => {
      const token = await login();
      backend.scenarios.set('validation-error', { routes: ['saveDraft'] });
      const refusal = async (step: number) => {
        const res = await api('PUT', '/students/gianni/draft', { token, body: { answers: store.answersFor('gianni'), step } });
        expect(res.status).to.equal(422);
        return (await errorOf(res)).fieldErrors;
      };
      expect(await refusal(2)).to.deep.equal({ 'answers.guardian.phoneMobile': ['validation.invalid'] });
      expect(await refusal(3)).to.deep.equal({ 'answers.authorisations.image': ['validation.invalid'] });
      // Step 3 (documents) has no field of the answers: the route's own field.
      expect(await refusal(4)).to.deep.equal({ 'answers.guardian.phoneMobile': ['validation.invalid'] });
      expect(await refusal(5)).to.deep.equal({ 'answers.additionalInfo': ['validation.invalid'] });
      expect(store.students.get('gianni')!.draft).to.equal(null);
    });

    it('validation-error sends the field errors it is given, on any route with a body', async () => {
      const token = await login();
      const fieldErrors = { 'answers.administrativeDetails.instrument': ['courses.administrative.instrument.required'], 'acceptance.acceptedAt': ['x'] };
      backend.scenarios.set('validation-error', { routes: ['saveDraft', 'submit'], fieldErrors });
      const draft = await api('PUT', '/students/gianni/draft', { token, body: { answers: store.answersFor('gianni'), step: 3 } });
      expect((await errorOf(draft)).fieldErrors).to.deep.equal(fieldErrors);
      const submitted = await api('POST', '/students/gianni/submission', { token, body: submission('gianni'), headers: { 'Idempotency-Key': 'seeded-422' } });
      expect(submitted.status).to.equal(422);
      expect((await errorOf(submitted)).fieldErrors).to.deep.equal(fieldErrors);
      expect(store.submissions).to.have.length(0);
    });

    it('cut the connection, or slow it down', async () => {
      backend.scenarios.set('network-error', { routes: ['campaign'] });
      let failure: unknown;
      await api('GET', '/campaign').catch((e: unknown) => (failure = e));
      expect(failure).to.be.instanceOf(TypeError);

      backend.scenarios.set('slow', { delayMs: 300 });
      const started = performance.now();
      expect((await api('GET', '/campaign')).status).to.equal(200);
      expect(performance.now() - started).to.be.at.least(290);
    });

    /** A request each route accepts (bodies that parse), for the test below. */
    async function callRoute(name: RouteName, token: string): Promise<Response> {
      const route: Route = routes[name];
      const path = fillPath(route.path, { studentId: 'gianni', documentId: 'doc-x' });
      const bodies: Partial<Record<RouteName, unknown>> = {
        login: { identifier: DEMO_CREDENTIALS.identifier, password: DEMO_CREDENTIALS.password },
        passwordReset: { identifier: DEMO_CREDENTIALS.identifier, email: DEMO_CREDENTIALS.email },
        updateFamily: { guardian: store.answersFor('gianni').guardian, paymentMode: 'single', bankChanged: null },
        saveDraft: { answers: store.answersFor('gianni'), step: 2 },
        submit: submission('gianni'),
        decline: {},
      };
      const call: Call = { token, headers: { 'Idempotency-Key': 'sweep' } };
      if (name === 'upload') call.form = form('responsabilite-civile', pdfFile(), 'gianni');
      else if (name in bodies) call.body = bodies[name];
      return api(route.method, path, call);
    }

    it('leave the routes they do not apply to alone', async () => {
      const token = await login();
      backend.scenarios.set('conflict', { routes: ['campaign', 'family', 'login'] });
      expect((await callRoute('campaign', token)).status).to.equal(200);
      expect((await callRoute('family', token)).status).to.equal(200);
      backend.scenarios.set('too-large', { routes: ['registration', 'logout'] });
      expect((await callRoute('registration', token)).status).to.equal(200);
      backend.scenarios.set('malformed-json', { routes: ['deleteDocument'] });
      // The route runs: an unknown document is its own 404, not the scenario's 200.
      expect((await callRoute('deleteDocument', token)).status).to.equal(404);
    });

    it('apply 409 to writes of the family’s file, 413 to requests with a body, and a broken 200 to answers with a body', () => {
      const applies = (name: ScenarioName) => (Object.keys(routes) as RouteName[]).filter((r) => scenarioApplies(name, r));
      expect(applies('conflict')).to.deep.equal(['updateFamily', 'saveDraft', 'submit', 'decline', 'upload', 'deleteDocument']);
      expect(applies('too-large')).to.deep.equal(applies('validation-error'));
      expect(applies('malformed-json')).to.not.include.members(['logout', 'deleteDocument']);
      expect(applies('contract-break')).to.deep.equal(applies('malformed-json'));
      expect(applies('forbidden')).to.have.length(Object.keys(routes).length);
      expect(applies('unavailable')).to.have.length(Object.keys(routes).length);
    });

    it('are all described in French for the demo panel', () => {
      for (const name of SCENARIO_NAMES) expect(SCENARIO_DESCRIPTIONS[name], name).to.match(/^[A-ZÉ][^]{8,}/);
    });

    it('lost-response commits the write, then loses the answer', async () => {
      const token = await login();
      backend.scenarios.set('lost-response', { routes: ['decline'] });
      let failure: unknown;
      await api('POST', '/students/gianni/decline', { token, body: {} }).catch((e: unknown) => (failure = e));
      expect(failure).to.be.instanceOf(TypeError);
      expect(store.students.get('gianni')!.status).to.equal('ne-se-reinscrit-pas');
    });
  });

  describe('fixtures and seeded sessions', () => {
    it('opens a session for a family without its password, the demo family by default', async () => {
      const session = store.openSession();
      expect(z.safeParse(c.Session, session).success).to.equal(true);
      const family = z.parse(c.Family, await (await api('GET', '/family', { token: session.token })).json());
      expect(family.guardian.email).to.equal(DEMO_CREDENTIALS.email);
      expect(store.openSession(DEMO_CREDENTIALS.identifier.toLowerCase()).token).to.not.equal(session.token);
      expect(() => store.openSession('LIMONEST-9999')).to.throw('404');
    });

    it("'draft-at-step-5': Gianni's draft at step 5, answers the mock accepts as a submission", async () => {
      resetWithFixture(store, 'draft-at-step-5');
      const { token } = store.openSession();
      const reg = z.parse(c.Registration, await (await api('GET', '/students/gianni/registration', { token })).json());
      expect([reg.status, reg.draft?.step]).to.deep.equal(['brouillon', 5]);
      expect(reg.draft?.answers).to.deep.equal(completeAnswers(store));
      expect(reg.draft?.answers.authorisations).to.deep.equal({ image: 'oui', sortie: 'non' });
      const body: c.SubmissionRequest = {
        answers: reg.draft!.answers,
        acceptance: {
          rulesVersion: store.campaign().rules.version,
          authorisationVersions: { image: AUTHORISATION_VERSION, sortie: AUTHORISATION_VERSION },
          acceptedAt: NOW.toISOString(),
        },
        changes: [],
      };
      expect((await submit(token, 'gianni', body, 'fixture')).status).to.equal(201);
    });

    it("'documents-uploaded': a piece on the server to open and delete", async () => {
      const { documents } = resetWithFixture(store, 'documents-uploaded');
      expect(documents.map((d) => [d.typeCode, d.studentId, d.mimeType])).to.deep.equal([[FIXTURE_DOCUMENT.typeCode, 'gianni', 'application/pdf']]);
      const { token } = store.openSession();
      const link = z.parse(c.DocumentLink, await (await api('GET', `/documents/${documents[0]!.id}/link`, { token })).json());
      expect((await fetch(link.url)).status).to.equal(200);
      expect((await api('DELETE', `/documents/${documents[0]!.id}`, { token })).status).to.equal(204);
    });

    it("'seed' and a reset leave nothing of a fixture behind", () => {
      for (const name of FIXTURE_NAMES) applyFixture(store, name);
      resetWithFixture(store);
      expect(store.documents.size).to.equal(0);
      expect(store.students.get('gianni')!.draft).to.equal(null);
    });
  });
});

describe('startMockBackend in an app served under a sub-path', () => {
  const folder = '/test/mocks/sub-path/';

  it('registers the worker at serviceWorkerUrl, which then answers the pages of that folder', async () => {
    const frame = document.createElement('iframe');
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    frame.src = `${folder}index.html`;
    document.body.append(frame);
    await loaded;
    const app = frame.contentWindow as SubPathWindow;
    const sub = await app.startMockBackend({ baseUrl: 'https://sub-path.test/api', serviceWorkerUrl: `${folder}mockServiceWorker.js` });
    try {
      const registration = await app.navigator.serviceWorker.getRegistration();
      expect(registration?.scope).to.equal(`${location.origin}${folder}`);
      expect(app.navigator.serviceWorker.controller?.scriptURL).to.equal(`${location.origin}${folder}mockServiceWorker.js`);
      const res = await app.fetch('https://sub-path.test/api/campaign');
      expect(res.status).to.equal(200);
      expect(z.safeParse(c.Campaign, await res.json()).success).to.equal(true);
    } finally {
      sub.stop();
      for (const r of await app.navigator.serviceWorker.getRegistrations()) if (r.scope === `${location.origin}${folder}`) await r.unregister();
      frame.remove();
    }
  });
});
