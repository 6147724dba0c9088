import { expect } from '@open-wc/testing';
import * as z from 'zod/mini';
import { richTextToPlain, type RichText } from '../../src/api/blocks.js';
import * as c from '../../src/api/contract.js';
import { fillPath, routes, type Route, type RouteName } from '../../src/api/routes.js';
import { startMockBackend, type MockBackend } from '../../src/mocks/browser.js';
import { applyFixture, completeAnswers, FIXTURE_DOCUMENT, FIXTURE_NAMES, resetWithFixture } from '../../src/mocks/fixtures.js';
import { CONTRACT_BREAK, createHandlers } from '../../src/mocks/handlers.js';
import { RETRY_AFTER_SECONDS, SCENARIO_DESCRIPTIONS, SCENARIO_NAMES, scenarioApplies, type ScenarioName } from '../../src/mocks/scenarios.js';
import { AUTHORISATION_VERSION, DEMO_CREDENTIALS, MAX_UPLOAD_BYTES } from '../../src/mocks/seed.js';
import { createStore, type MockStore, type StoreOptions } from '../../src/mocks/store.js';
import type { SubPathWindow } from './sub-path/app.js';

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
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

function form(typeCode: string, file: File | null, studentId?: string): FormData {
  const f = new FormData();
  f.set('typeCode', typeCode);
  if (studentId) f.set('studentId', studentId);
  if (file) f.set('file', file);
  return f;
}

const pdfFile = (name = 'attestation.pdf') => new File([PDF], name, { type: 'application/pdf' });

async function upload(token: string, typeCode: string, studentId?: string, file: File = pdfFile()): Promise<c.UploadedDocument> {
  const res = await api('POST', '/documents', { token, form: form(typeCode, file, studentId) });
  expect(res.status, `upload ${typeCode}`).to.equal(201);
  return z.parse(c.UploadedDocument, await res.json());
}

function links(blocks: RichText): string[] {
  return blocks
    .flatMap((b) => (b.type === 'paragraph' ? [b.content] : b.items))
    .flatMap((inlines) => inlines.flatMap((i) => (i.type === 'link' ? [i.href] : [])));
}

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

  describe('campaign', () => {
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

    it("carries the manual's texts, lists and rules", async () => {
      const campaign = z.parse(c.Campaign, await (await api('GET', '/campaign')).json());
      // The campaign's own year's rules: the recap's link names that year.
      expect(campaign.schoolYear).to.equal('2027-2028');
      expect(campaign.rules).to.deep.equal({
        url: 'https://www.limonest.fr/wp-content/uploads/2027/05/REGLEMENT-INTERIEUR-CONSERVATOIRE-2027-2028.pdf',
        version: '2027-2028',
      });
      expect(campaign.privacy.controller).to.equal('Mairie de Limonest');
      expect(campaign.contactEmail).to.equal('conservatoire@limonest.fr');
      expect(campaign.paymentModes.map((m) => [m.code, m.asksBankChange])).to.deep.equal([
        ['single', false],
        ['direct-debit', true],
      ]);
      const directDebit = richTextToPlain(campaign.paymentModes[1]!.explanation);
      expect(directDebit).to.contain('9 fois').and.to.contain('septembre 2021');
      const notes = richTextToPlain(campaign.paymentNotes);
      for (const part of ['QF 2026', 'Q7', 'proratisation', "l'année complète", "Pass'Culture"]) expect(notes).to.contain(part);
      expect(links(campaign.paymentNotes)).to.deep.equal(['https://www.payfip.gouv.fr']);

      expect(campaign.documents.maxBytes).to.equal(2 * 1024 * 1024);
      expect(campaign.documents.acceptedExtensions).to.deep.equal(['.pdf', '.jpg', '.jpeg', '.png']);
      const types = Object.fromEntries(campaign.documents.types.map((t) => [t.code, t]));
      expect(types['mandat-sepa']!.condition).to.deep.equal({ paymentMode: 'direct-debit', bankChanged: true });
      expect(types['attestation-qf']).to.include({ optional: true, consequence: "Sans attestation QF, le tarif le plus élevé (Q7) s'applique." });
      expect(types['danse-adulte-attestation']!.condition).to.deep.equal({ discipline: 'danse', age: 'adult' });
      expect(types['responsabilite-civile']!.condition).to.deep.equal({});

      const sortie = campaign.authorisations.find((a) => a.code === 'sortie')!;
      expect(richTextToPlain(sortie.text)).to.contain("quitter seul·e l'enceinte du Conservatoire");
      expect(sortie.adultText).to.have.length.above(0);
      expect(richTextToPlain(campaign.authorisations[0]!.text)).to.contain('consentie à titre gratuit');
      const courseLinks = links(campaign.courseNotes);
      expect(courseLinks).to.have.length(3);
      expect(richTextToPlain(campaign.courseNotes)).to.contain('Découverte Instrumentale en 2026-2027');

      const { references } = campaign;
      expect(references.civilites.map((r) => r.code)).to.deep.equal(['MME', 'M']);
      expect(references.pcs.map((r) => r.code)).to.deep.equal(['1', '2', '3', '4', '5', '6', '7', '8']);
      expect(references.niveauxScolaires[0]).to.deep.equal({ code: 'PS', label: 'Petite section' });
      expect(references.niveauxScolaires.slice(-3).map((r) => r.code)).to.deep.equal(['Tle', 'SUP', 'NS']);
      expect(references.situationsFamiliales).to.have.length(7);
    });
  });

  describe('routes table', () => {
    const samples: Record<string, unknown> = { login: { identifier: 'x', password: 'y' }, passwordReset: { identifier: 'x', email: 'x@y.fr' } };

    it('has a handler for every route, whose successes match the response schema', async () => {
      const token = await login();
      // Logging out revokes the token the other routes need: last.
      const names = (Object.keys(routes) as RouteName[]).sort((a, b) => Number(a === 'logout') - Number(b === 'logout'));
      const seen: string[] = [];
      for (const name of names) {
        const route: Route = routes[name];
        const path = fillPath(route.path, { studentId: 'gianni', documentId: 'doc-inconnu' });
        const res = await api(route.method, path, {
          token,
          ...(route.method !== 'GET' && route.request && !route.multipart ? { body: samples[name] ?? {} } : {}),
          ...(route.multipart ? { form: new FormData() } : {}),
        });
        if (res.ok && route.response) z.parse(route.response, await res.json());
        else if (!res.ok) expect((await errorOf(res)).code, name).not.to.equal('no-route');
        seen.push(`${name} ${res.status}`);
      }
      expect(seen).to.have.length(Object.keys(routes).length);
      expect(seen).to.include.members(['campaign 200', 'family 200', 'upload 422', 'deleteDocument 404', 'submit 422', 'logout 204']);
      const unknown = await api('GET', '/nowhere');
      expect(unknown.status).to.equal(404);
      expect((await errorOf(unknown)).code).to.equal('no-route');
    });

    it('answers 401 unauthorized on every authenticated route without a valid bearer', async () => {
      for (const [name, route] of Object.entries(routes)) {
        if (!route.auth) continue;
        const path = fillPath(route.path, { studentId: 'gianni', documentId: 'doc-1' });
        for (const token of [undefined, 'not-a-real-token']) {
          const res = await api(route.method, path, { token });
          expect(res.status, name).to.equal(401);
          expect((await errorOf(res)).code, name).to.equal('unauthorized');
        }
      }
    });

    it('answers 404 for an unknown student', async () => {
      const token = await login();
      const res = await api('GET', '/students/inconnu/registration', { token });
      expect(res.status).to.equal(404);
      expect((await errorOf(res)).code).to.equal('not-found');
    });

    it('answers 422 with field paths when the body does not match the schema', async () => {
      const bad = await api('POST', '/session', { body: { identifier: '', password: 5 } });
      expect(bad.status).to.equal(422);
      expect(await errorOf(bad)).to.deep.equal({
        code: 'validation',
        fieldErrors: { identifier: ['validation.required'], password: ['validation.invalidType'] },
      });

      const token = await login();
      const family = z.parse(c.Family, await (await api('GET', '/family', { token })).json());
      const update = { guardian: { ...family.guardian, phoneMobile: '06 39 98 00 42' }, paymentMode: 'single', bankChanged: null };
      const res = await api('PUT', '/family', { token, body: update });
      expect(res.status).to.equal(422);
      expect((await errorOf(res)).fieldErrors).to.deep.equal({ 'guardian.phoneMobile': ['validation.format'] });

      const notJson = await api('POST', '/session', { raw: '{not json', headers: { 'Content-Type': 'application/json' } });
      expect(notJson.status).to.equal(422);
      expect((await errorOf(notJson)).code).to.equal('validation');
    });

    it('never sends an answer that breaks the contract: a corrupted store gives a 500', async () => {
      store.schoolYear = 'deux mille vingt-sept';
      const res = await api('GET', '/campaign');
      expect(res.status).to.equal(500);
      expect((await errorOf(res)).code).to.equal('mock-contract-violation');
    });
  });

  describe('session', () => {
    it('hands out random tokens that expire 30 minutes after the server clock', async () => {
      const a = await api('POST', '/session', { body: { identifier: ' limonest-0001 ', password: 'conservatoire' } });
      const b = await api('POST', '/session', { body: { identifier: 'LIMONEST-0001', password: 'conservatoire' } });
      const [sa, sb] = [z.parse(c.Session, await a.json()), z.parse(c.Session, await b.json())];
      expect(sa.token).to.have.length.of.at.least(16);
      expect(sa.token).not.to.equal(sb.token);
      expect(Date.parse(sa.expiresAt) - NOW.getTime()).to.equal(30 * 60000);
      expect(sa.serverNow).to.equal(NOW.toISOString());
    });

    it('refuses a wrong password and an unknown identifier with the same answer', async () => {
      const wrong = await api('POST', '/session', { body: { identifier: 'LIMONEST-0001', password: 'Conservatoire' } });
      const unknown = await api('POST', '/session', { body: { identifier: 'LIMONEST-9999', password: 'conservatoire' } });
      expect([wrong.status, unknown.status]).to.deep.equal([401, 401]);
      expect(await errorOf(wrong)).to.deep.equal(await errorOf(unknown));
    });

    it('extends the expiry, rejects an expired token and revokes on logout', async () => {
      const token = await login();
      clock = new Date(NOW.getTime() + 20 * 60000);
      const extended = z.parse(c.Session, await (await api('POST', '/session/extend', { token })).json());
      expect(extended.expiresAt).to.equal(new Date(clock.getTime() + 30 * 60000).toISOString());
      clock = new Date(NOW.getTime() + 45 * 60000);
      expect((await api('GET', '/family', { token })).status).to.equal(200);
      clock = new Date(NOW.getTime() + 51 * 60000);
      const expired = await api('GET', '/family', { token });
      expect(expired.status).to.equal(401);
      expect((await errorOf(expired)).code).to.equal('session-expired');

      clock = NOW;
      const other = await login();
      expect((await api('DELETE', '/session', { token: other })).status).to.equal(204);
      expect((await api('GET', '/family', { token: other })).status).to.equal(401);
    });
  });

  describe('password reset', () => {
    it('sends a new password each time, which replaces the previous one', async () => {
      const ask = () => api('POST', '/password-reset', { body: { identifier: 'limonest-0001', email: 'Lydie.Dagostino@Example.fr' } });
      const res = await ask();
      expect(res.status).to.equal(202);
      expect(await res.json()).to.deep.equal({ accepted: true });
      expect(store.outbox).to.have.length(1);
      const first = store.outbox[0]!;
      expect(first.to).to.equal(DEMO_CREDENTIALS.email);
      expect(first.body).to.contain(first.password);
      expect((await api('POST', '/session', { body: { identifier: 'LIMONEST-0001', password: 'conservatoire' } })).status).to.equal(401);
      await login(first.password);

      await ask();
      const second = store.outbox[1]!;
      expect(second.password).not.to.equal(first.password);
      expect((await api('POST', '/session', { body: { identifier: 'LIMONEST-0001', password: first.password } })).status).to.equal(401);
      await login(second.password);
    });

    it('answers the same when the pair does not exist, and changes nothing', async () => {
      const answers = await Promise.all(
        [
          { identifier: 'LIMONEST-0001', email: 'quelquun@example.fr' },
          { identifier: 'LIMONEST-4242', email: DEMO_CREDENTIALS.email },
        ].map((body) => api('POST', '/password-reset', { body })),
      );
      for (const res of answers) {
        expect(res.status).to.equal(202);
        expect(await res.text()).to.equal('{"accepted":true}');
      }
      expect(store.outbox).to.have.length(0);
      await login(DEMO_CREDENTIALS.password);
    });
  });

  describe('family and drafts', () => {
    it('saves a draft: status brouillon, answers and step kept', async () => {
      const token = await login();
      const answers = submission('gianni').answers;
      const res = await api('PUT', '/students/gianni/draft', { token, body: { answers, step: 3 } });
      expect(res.status).to.equal(200);
      expect(z.parse(c.DraftSaved, await res.json()).status).to.equal('brouillon');
      const reg = z.parse(c.Registration, await (await api('GET', '/students/gianni/registration', { token })).json());
      expect(reg.status).to.equal('brouillon');
      expect(reg.draft?.step).to.equal(3);
      expect(reg.draft?.answers).to.deep.equal(answers);
      const family = z.parse(c.Family, await (await api('GET', '/family', { token })).json());
      expect(family.students.map((s) => [s.id, s.status])).to.deep.equal([
        ['gianni', 'brouillon'],
        ['lina', 'a-faire'],
      ]);
    });

    it('updates the guardian and payment mode for the whole family', async () => {
      const token = await login();
      const family = z.parse(c.Family, await (await api('GET', '/family', { token })).json());
      expect(family.guardian.civilite).to.equal('Mademoiselle');
      const res = await api('PUT', '/family', { token, body: { guardian: { ...family.guardian, civilite: 'MME' }, paymentMode: 'single', bankChanged: null } });
      expect(res.status).to.equal(200);
      expect(z.parse(c.Family, await res.json()).paymentMode).to.equal('single');
      expect(store.answersFor('lina').guardian.civilite).to.equal('MME');
      const unknownMode = await api('PUT', '/family', { token, body: { guardian: family.guardian, paymentMode: 'bitcoin', bankChanged: null } });
      expect(unknownMode.status).to.equal(422);
      expect((await errorOf(unknownMode)).fieldErrors).to.deep.equal({ paymentMode: ['validation.unknownValue'] });
    });
  });

  describe('submission', () => {
    it('requires an Idempotency-Key header', async () => {
      const token = await login();
      const res = await api('POST', '/students/gianni/submission', { token, body: submission('gianni') });
      expect(res.status).to.equal(400);
      expect((await errorOf(res)).code).to.equal('idempotency-key-required');
      expect(store.submissions).to.have.length(0);
    });

    it('is incomplete while required pieces are missing, complete once they are uploaded', async () => {
      const token = await login();
      const first = await submit(token, 'gianni', submission('gianni'), 'key-gianni');
      expect(first.status).to.equal(201);
      const sent = z.parse(c.Submission, await first.json());
      expect(sent.status).to.equal('envoyee-incomplete');
      expect(sent.reference).to.match(/^LIM-2027-\d{6}$/);
      expect(sent.missingDocuments).to.deep.equal(['mandat-sepa', 'iban', 'justificatif-domicile', 'responsabilite-civile']);

      for (const type of ['mandat-sepa', 'iban', 'justificatif-domicile']) await upload(token, type);
      for (const type of ['responsabilite-civile', 'danse-enfant-attestation', 'danse-questionnaire-medical']) await upload(token, type, 'lina');
      const lina = z.parse(c.Submission, await (await submit(token, 'lina', submission('lina'), 'key-lina')).json());
      expect(lina).to.include({ status: 'envoyee' });
      expect(lina.missingDocuments).to.deep.equal([]);
      expect(lina.reference).not.to.equal(sent.reference);
      const family = z.parse(c.Family, await (await api('GET', '/family', { token })).json());
      expect(family.students.map((s) => [s.status, s.reference])).to.deep.equal([
        ['envoyee-incomplete', sent.reference],
        ['envoyee', lina.reference],
      ]);
    });

    it('evaluates the conditions on the answers: bank unchanged, another town, an adult dancer', async () => {
      const token = await login();
      const body = submission('lina', (a) => {
        a.bankChanged = false;
        a.guardian = { ...a.guardian, postalCode: '69009', city: 'Lyon' };
        a.student = { ...a.student, birthDate: '2005-03-01' };
      });
      const sent = z.parse(c.Submission, await (await submit(token, 'lina', body, 'k1')).json());
      expect(sent.missingDocuments).to.deep.equal(['responsabilite-civile', 'danse-adulte-attestation', 'danse-questionnaire-medical']);
      // 18 on 2 September 2027: still a minor on 1 September of the school year.
      expect(store.isAdult('2009-09-02')).to.equal(false);
      expect(store.isAdult('2009-09-01')).to.equal(true);
    });

    it('stores one submission per Idempotency-Key and refuses a second one with another key', async () => {
      const token = await login();
      const body = submission('gianni');
      const a = z.parse(c.Submission, await (await submit(token, 'gianni', body, 'same-key')).json());
      const again = await submit(token, 'gianni', body, 'same-key');
      expect(again.status).to.equal(201);
      expect(z.parse(c.Submission, await again.json())).to.deep.equal(a);
      expect(store.submissions).to.have.length(1);

      const other = await submit(token, 'gianni', body, 'another-key');
      expect(other.status).to.equal(409);
      expect((await errorOf(other)).code).to.equal('already-submitted');
      expect(store.submissions).to.have.length(1);
    });

    it('sends one receipt e-mail to the guardian, with the reference, the answers and the missing pieces', async () => {
      const token = await login();
      const body = submission('gianni', (a) => {
        a.additionalInfo = 'Orchestre plutôt que chorale.';
        a.guardian = { ...a.guardian, phoneMobile: '+33639980044' };
      });
      body.changes = [{ field: 'guardian.phoneMobile', label: 'Mobile du responsable', before: '+33639980042', after: '+33639980044' }];
      const sent = z.parse(c.Submission, await (await submit(token, 'gianni', body, 'key-receipt')).json());
      expect(sent.receipt).to.deep.equal({ sent: true, to: DEMO_CREDENTIALS.email });
      expect(store.outbox).to.have.length(1);
      const mail = store.outbox[0]!;
      expect(mail.kind).to.equal('receipt');
      expect(mail.to).to.equal(DEMO_CREDENTIALS.email);
      expect(mail.receipt).to.deep.equal({ reference: sent.reference, studentId: 'gianni', missingDocuments: sent.missingDocuments });
      expect(mail.subject).to.equal(`Conservatoire de Limonest : réinscription de MOREAU Gianni reçue (${sent.reference})`);
      const text = mail.body;
      for (const expected of [
        `Numéro de référence : ${sent.reference}`,
        // 10:00 UTC on 26 November is 11:00 in Paris (winter time).
        'Envoyée le : 26 novembre 2026 à 11:00 (heure de Paris)',
        "la réinscription de MOREAU Gianni pour l'année 2027-2028",
        'État du dossier : incomplet, des pièces manquent',
        '  - Mandat SEPA de prélèvement automatique (à télécharger sur le site de la mairie) (famille)',
        '  - Justificatif de domicile (de moins de 3 mois) (famille)',
        '  - Attestation de responsabilité civile (élève)',
        "  Nom : D'AGOSTINO",
        '  Mobile : 06 39 98 00 44',
        '  Situation familiale : Séparé(e)',
        '  Niveau scolaire : Cinquième',
        '  Mode de règlement souhaité : Prélèvement automatique en 9 fois',
        '  Changement de banque : Oui',
        "  Droit à l'image : Oui",
        '  Autorisation de sortie : Non',
        '  - Clarinette (Lydie DAGOSTINO)',
        '  Information complémentaire : Orchestre plutôt que chorale.',
        '  Mobile du responsable : 06 39 98 00 42 → 06 39 98 00 44',
        `Règlement intérieur accepté : version ${store.campaign().rules.version}, le 26 novembre 2026 à 11:00.`,
        'conservatoire@limonest.fr',
      ]) {
        expect(text, expected).to.contain(expected);
      }
    });

    it('writes the instrument and the day of an administrative re-registration in the receipt', async () => {
      const token = await login();
      const body = submission('lina', (a) => {
        a.administrativeReregistration = true;
        a.administrativeDetails = { instrument: 'Violoncelle', day: 'Samedi' };
      });
      expect((await submit(token, 'lina', body, 'k-lina')).status).to.equal(201);
      const text = store.outbox[0]!.body;
      expect(text).to.contain('  Réinscription administrative : Oui');
      expect(text).to.contain('  Instrument choisi : Violoncelle');
      expect(text).to.contain("  Jour pour la FM1C1 et la chorale Domin'ut : Samedi");
      expect(text).to.contain('  - Découverte Instrumentale LUNDI (Lorène REYMOND)');
    });

    it('sends no second receipt on a retry with the same Idempotency-Key, even when the first answer was lost', async () => {
      const token = await login();
      const body = submission('gianni');
      backend.scenarios.set('lost-response', { routes: ['submit'], times: 1 });
      await submit(token, 'gianni', body, 'same-key').catch(() => undefined);
      expect(store.outbox).to.have.length(1);
      const retried = z.parse(c.Submission, await (await submit(token, 'gianni', body, 'same-key')).json());
      expect(retried.receipt).to.deep.equal({ sent: true, to: DEMO_CREDENTIALS.email });
      expect(store.outbox).to.have.length(1);
      expect(store.outbox[0]!.receipt?.reference).to.equal(retried.reference);
    });

    it('says the receipt was not sent when the guardian has no e-mail address, or the mail server is down', async () => {
      const token = await login();
      const noAddress = submission('gianni', (a) => (a.guardian = { ...a.guardian, email: '' }));
      const gianni = z.parse(c.Submission, await (await submit(token, 'gianni', noAddress, 'k-gianni')).json());
      expect(gianni.receipt).to.deep.equal({ sent: false });

      backend.scenarios.set('mail-error');
      // Only the submission meets the mail server: other routes behave.
      expect((await api('GET', '/family', { token })).status).to.equal(200);
      const lina = z.parse(c.Submission, await (await submit(token, 'lina', submission('lina'), 'k-lina')).json());
      expect(lina.receipt).to.deep.equal({ sent: false });
      expect(store.submissions).to.have.length(2);
      expect(store.outbox).to.have.length(0);
      const registration = z.parse(c.Registration, await (await api('GET', '/students/lina/registration', { token })).json());
      expect(registration.submission?.receipt).to.deep.equal({ sent: false });
    });

    it('checks what the schema cannot: authorisations answered, current rules version', async () => {
      const token = await login();
      const body = submission('gianni', (a) => (a.authorisations = { image: null, sortie: 'oui' }));
      body.acceptance.rulesVersion = '2022-2023';
      const res = await submit(token, 'gianni', body, 'k');
      expect(res.status).to.equal(422);
      expect((await errorOf(res)).fieldErrors).to.deep.equal({
        'answers.authorisations.image': ['validation.required'],
        'acceptance.rulesVersion': ['validation.outdated'],
      });
      expect(store.submissions).to.have.length(0);
    });

    it('refuses with 409 campaign-closed once the campaign is closed', async () => {
      clock = new Date(store.closesAt.getTime() + 60000);
      const token = await login();
      const res = await submit(token, 'gianni', submission('gianni'), 'late');
      expect(res.status).to.equal(409);
      const body = await errorOf(res);
      expect(body.code).to.equal('campaign-closed');
      expect(body.message).to.contain('6 décembre 2026');
      expect(store.submissions).to.have.length(0);
    });

    it('applies the answers to the family: guardian and payment are shared', async () => {
      const token = await login();
      await submit(
        token,
        'gianni',
        submission('gianni', (a) => (a.guardian = { ...a.guardian, phoneWork: '+33465710099' })),
        'k',
      );
      expect(store.answersFor('lina').guardian.phoneWork).to.equal('+33465710099');
      expect(store.answersFor('lina').bankChanged).to.equal(true);
    });
  });

  describe('decline', () => {
    it('stores the status and the reason, then refuses a submission', async () => {
      const token = await login();
      const res = await api('POST', '/students/lina/decline', { token, body: { reason: 'Déménagement' } });
      expect(res.status).to.equal(200);
      expect(z.parse(c.DeclineResponse, await res.json()).status).to.equal('ne-se-reinscrit-pas');
      const reg = z.parse(c.Registration, await (await api('GET', '/students/lina/registration', { token })).json());
      expect([reg.status, reg.declineReason]).to.deep.equal(['ne-se-reinscrit-pas', 'Déménagement']);
      const after = await submit(token, 'lina', submission('lina'), 'k');
      expect(after.status).to.equal(409);
      expect((await errorOf(after)).code).to.equal('already-submitted');
    });

    it('refuses with 409 campaign-closed once the campaign is closed', async () => {
      clock = new Date(store.closesAt.getTime() + 1000);
      const token = await login();
      const res = await api('POST', '/students/lina/decline', { token, body: {} });
      expect(res.status).to.equal(409);
      expect((await errorOf(res)).code).to.equal('campaign-closed');
      expect(store.students.get('lina')!.status).to.equal('a-faire');
    });
  });

  describe('documents', () => {
    it('shares family pieces between students and trusts the bytes, not the name', async () => {
      const token = await login();
      const doc = await upload(token, 'justificatif-domicile', 'gianni', new File([PNG], 'facture.pdf', { type: 'application/pdf' }));
      expect(doc).to.include({ scope: 'family', studentId: null, mimeType: 'image/png', fileName: 'facture.pdf', size: PNG.byteLength });
      for (const id of ['gianni', 'lina']) {
        const reg = z.parse(c.Registration, await (await api('GET', `/students/${id}/registration`, { token })).json());
        expect(reg.documents.map((d) => d.id)).to.deep.equal([doc.id]);
      }
    });

    it('refuses empty, too large, unknown types, and student pieces without a known student', async () => {
      const token = await login();
      const cases: [FormData, number, string][] = [
        [form('responsabilite-civile', new File([], 'vide.pdf'), 'gianni'), 422, 'empty-file'],
        [form('responsabilite-civile', new File([PDF, new Uint8Array(MAX_UPLOAD_BYTES)], 'gros.pdf'), 'gianni'), 413, 'too-large'],
        [form('responsabilite-civile', new File(['%PD pas un pdf'], 'faux.pdf'), 'gianni'), 422, 'unsupported-type'],
        [form('responsabilite-civile', pdfFile()), 422, 'validation'],
        [form('responsabilite-civile', pdfFile(), 'inconnu'), 404, 'not-found'],
        [form('carte-vitale', pdfFile()), 422, 'validation'],
        [form('iban', null), 422, 'validation'],
      ];
      for (const [body, status, code] of cases) {
        const res = await api('POST', '/documents', { token, form: body });
        expect(res.status, code).to.equal(status);
        expect((await errorOf(res)).code).to.equal(code);
      }
      expect(store.documents.size).to.equal(0);
    });

    it('accepts pieces after closing until documentsUntil, not after', async () => {
      clock = new Date(store.closesAt.getTime() + 3600000);
      await upload(await login(), 'iban');
      clock = new Date(store.documentsUntil.getTime() + 60000);
      const late = await api('POST', '/documents', { token: await login(), form: form('iban', pdfFile()) });
      expect(late.status).to.equal(409);
      expect((await errorOf(late)).code).to.equal('campaign-closed');
    });

    it('serves a short-lived link with the right type, and deletes', async () => {
      const token = await login();
      const doc = await upload(token, 'responsabilite-civile', 'gianni');
      const link = z.parse(c.DocumentLink, await (await api('GET', `/documents/${doc.id}/link`, { token })).json());
      expect(link.url.startsWith(`${BASE}/files/`)).to.equal(true);
      expect(Date.parse(link.expiresAt) - NOW.getTime()).to.equal(5 * 60000);
      const file = await fetch(link.url);
      expect(file.status).to.equal(200);
      expect(file.headers.get('Content-Type')).to.equal('application/pdf');
      expect(new Uint8Array(await file.arrayBuffer())).to.deep.equal(PDF);

      clock = new Date(NOW.getTime() + 5 * 60000 + 1);
      expect((await fetch(link.url)).status).to.equal(404);

      clock = NOW;
      const fresh = z.parse(c.DocumentLink, await (await api('GET', `/documents/${doc.id}/link`, { token })).json());
      expect((await api('DELETE', `/documents/${doc.id}`, { token })).status).to.equal(204);
      expect((await fetch(fresh.url)).status).to.equal(404);
      expect((await api('DELETE', `/documents/${doc.id}`, { token })).status).to.equal(404);
      expect(store.documents.size).to.equal(0);
    });
  });

  describe('scenarios', () => {
    it('fail only the chosen routes, and only `times` times', async () => {
      backend.scenarios.set('server-error', { routes: ['login'], times: 1 });
      expect((await api('GET', '/campaign')).status).to.equal(200);
      const failed = await api('POST', '/session', { body: { identifier: 'LIMONEST-0001', password: 'conservatoire' } });
      expect(failed.status).to.equal(500);
      expect((await errorOf(failed)).code).to.equal('server-error');
      expect(backend.scenarios.name).to.equal('none');
      await login();
    });

    it('answer 429 with Retry-After, 401 on authenticated routes only, 422 on write routes only', async () => {
      const token = await login();
      backend.scenarios.set('rate-limited');
      const limited = await api('GET', '/campaign');
      expect(limited.status).to.equal(429);
      expect(limited.headers.get('Retry-After')).to.equal(String(RETRY_AFTER_SECONDS));

      backend.scenarios.set('session-expired');
      expect((await api('GET', '/campaign')).status).to.equal(200);
      const expired = await api('GET', '/family', { token });
      expect([expired.status, (await errorOf(expired)).code]).to.deep.equal([401, 'session-expired']);

      backend.scenarios.set('validation-error');
      expect((await api('GET', '/family', { token })).status).to.equal(200);
      const refused = await api('POST', '/students/lina/decline', { token, body: {} });
      expect(refused.status).to.equal(422);
      expect((await errorOf(refused)).fieldErrors).to.deep.equal({ reason: ['validation.invalid'] });
      expect(store.students.get('lina')!.status).to.equal('a-faire');
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

    /** A request each route accepts (bodies that parse), for the sweeps below. */
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

    /** Arms `name` on each route it applies to in turn (that route only), calls it, and checks the answer. */
    async function sweep(name: ScenarioName, token: string, check: (res: Response, route: RouteName) => Promise<void>): Promise<void> {
      for (const route of Object.keys(routes) as RouteName[]) {
        if (!scenarioApplies(name, route)) continue;
        backend.scenarios.set(name, { routes: [route] });
        await check(await callRoute(route, token), route);
      }
      backend.scenarios.reset();
    }

    const statusOf: Partial<Record<ScenarioName, [number, string]>> = {
      forbidden: [403, 'forbidden'],
      'not-found': [404, 'not-found'],
      conflict: [409, 'conflict'],
      'too-large': [413, 'too-large'],
      unavailable: [503, 'unavailable'],
    };
    for (const [name, [status, code]] of Object.entries(statusOf) as [ScenarioName, [number, string]][]) {
      it(`${name}: ${status} with code « ${code} » on every route it applies to, and nothing written`, async () => {
        const token = await login();
        await sweep(name, token, async (res, route) => {
          expect(res.status, route).to.equal(status);
          expect((await errorOf(res)).code, route).to.equal(code);
          expect(res.headers.get('Retry-After'), route).to.equal(name === 'unavailable' ? String(RETRY_AFTER_SECONDS) : null);
        });
        expect(store.submissions).to.have.length(0);
        expect(store.documents.size).to.equal(0);
        expect(store.students.get('gianni')!.status).to.equal('a-faire');
      });
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

    it('malformed-json: a 200 announced as JSON that is not JSON, on routes whose answer has a body', async () => {
      await sweep('malformed-json', await login(), async (res, route) => {
        expect(res.status, route).to.equal(200);
        expect(res.headers.get('Content-Type'), route).to.contain('application/json');
        const text = await res.text();
        expect(() => JSON.parse(text) as unknown, route).to.throw(SyntaxError);
      });
      expect(store.submissions).to.have.length(0);
    });

    it("contract-break: a 200 whose JSON breaks each route's response schema", async () => {
      const token = await login();
      await sweep('contract-break', token, async (res, route) => {
        expect(res.status, route).to.equal(200);
        const body: unknown = await res.json();
        expect(body, route).to.deep.equal(CONTRACT_BREAK);
        const schema = (routes[route] as Route).response!;
        expect(z.safeParse(schema, body).success, `${route} would accept it`).to.equal(false);
      });
      // A 204 route given a JSON 200 is no break (the client reads no body): the scenario leaves it alone.
      backend.scenarios.set('contract-break');
      expect((await api('DELETE', '/session', { token })).status).to.equal(204);
    });

    it('fail one route only, `times` times, then behave', async () => {
      const token = await login();
      backend.scenarios.set('unavailable', { routes: ['family'], times: 2 });
      expect((await api('GET', '/campaign')).status).to.equal(200);
      expect((await api('GET', '/family', { token })).status).to.equal(503);
      expect((await api('GET', '/family', { token })).status).to.equal(503);
      expect((await api('GET', '/family', { token })).status).to.equal(200);
      expect(backend.scenarios.name).to.equal('none');
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
