import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ApiClient } from '../../src/api/client.js';
import type { Campaign } from '../../src/api/contract.js';
import '../../src/elements/family-home/family-home.js';
import type { ReinscriptionFamilyHome } from '../../src/elements/family-home/family-home.js';
import { startMockBackend, type MockBackend } from '../../src/mocks/browser.js';
import { DEMO_CREDENTIALS, DEMO_FAMILY_ID } from '../../src/mocks/seed.js';
import { parisInstant } from '../../src/format/paris-time.js';
import { createStore } from '../../src/mocks/store.js';
import { until } from '../helpers/dom.js';

const BASE = '/api-family-home';

// One campaign with fixed dates; moving the server's clock puts it before, during or after.
let clock = new Date('2026-11-26T10:00:00Z');
const store = createStore({
  now: () => clock,
  opensAt: parisInstant('2026-11-20', '09:00'),
  closesAt: parisInstant('2026-12-06', '23:59'),
  documentsUntil: parisInstant('2026-12-20', '23:59'),
});
const DURING = new Date('2026-11-26T10:00:00Z');
const BEFORE = new Date('2026-11-10T10:00:00Z');
const AFTER_CLOSING = new Date('2026-12-10T10:00:00Z');
const AFTER_DOCUMENTS = new Date('2027-01-10T10:00:00Z');

let backend: MockBackend;
let client: ApiClient;

const text = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const root = (el: ReinscriptionFamilyHome) => el.shadowRoot!;
const buttons = (el: ReinscriptionFamilyHome) => [...root(el).querySelectorAll('button')];
/** A button by its full text, visually hidden part included (what a screen reader announces). */
const button = (el: ReinscriptionFamilyHome, label: string) => {
  const found = buttons(el).find((b) => text(b) === label);
  if (!found)
    throw new Error(
      `No button « ${label} » among: ${buttons(el)
        .map((b) => `« ${text(b)} »`)
        .join(', ')}`,
    );
  return found;
};
const hasButton = (el: ReinscriptionFamilyHome, start: string) => buttons(el).some((b) => text(b).startsWith(start));
const studentRow = (el: ReinscriptionFamilyHome, name: string) => {
  const row = [...root(el).querySelectorAll('li')].find((li) => text(li).startsWith(name));
  if (!row) throw new Error(`No row for ${name}`);
  return row;
};

/** Logs in as the demo family and renders the home with what the wizard would pass. */
async function renderHome(at = DURING, adjust: (c: Campaign) => Campaign = (c) => c): Promise<ReinscriptionFamilyHome> {
  clock = at;
  await client.login({ identifier: DEMO_CREDENTIALS.identifier, password: DEMO_CREDENTIALS.password });
  const [campaign, family] = await Promise.all([client.campaign().then(adjust), client.family()]);
  return fixture<ReinscriptionFamilyHome>(
    html`<reinscription-family-home .client=${client} .campaign=${campaign} .family=${family}></reinscription-family-home>`,
  );
}

function markSent(studentId: string, status: 'envoyee' | 'envoyee-incomplete', reference: string) {
  const student = store.students.get(studentId)!;
  student.status = status;
  student.submission = {
    reference,
    submittedAt: '2026-11-25T18:00:00.000Z',
    status,
    missingDocuments: status === 'envoyee' ? [] : ['responsabilite-civile'],
    receipt: { sent: false },
  };
}

describe('<reinscription-family-home>', () => {
  before(async () => {
    backend = await startMockBackend({ baseUrl: BASE, store });
  });
  after(() => backend.stop());
  beforeEach(() => {
    clock = DURING;
    store.reset();
    backend.scenarios.reset();
    client = new ApiClient(BASE);
  });
  afterEach(() => client.session.clear());

  describe('while the campaign is open', () => {
    it("greets the guardian with the civilité as stored: « Mademoiselle D'AGOSTINO Lydie »", async () => {
      const el = await renderHome();
      const heading = root(el).querySelector('h2')!;
      expect(text(heading)).to.equal("Bonjour Mademoiselle D'AGOSTINO Lydie");
      await expect(el).to.be.accessible();
    });

    it("shows the label of a civilité stored as a code of today's list", async () => {
      store.families.get(DEMO_FAMILY_ID)!.guardian.civilite = 'MME';
      const el = await renderHome();
      expect(text(root(el).querySelector('h2'))).to.equal("Bonjour Madame D'AGOSTINO Lydie");
    });

    it('lists both students with their status as text', async () => {
      store.students.get('lina')!.status = 'brouillon';
      const el = await renderHome();
      expect(text(root(el).querySelector('#students-title'))).to.equal('Élèves');
      expect(text(studentRow(el, 'MOREAU Gianni'))).to.include('Statut : À faire');
      expect(text(studentRow(el, 'MOREAU Lina'))).to.include('Statut : En cours');
      await expect(el).to.be.accessible();
    });

    it("shows the deadline in Paris time: « Jusqu'au 06/12/2026 à 23 h 59 »", async () => {
      const el = await renderHome();
      const box = root(el).querySelector('[part="campaign"]')!;
      expect(text(box.querySelector('h3'))).to.equal('Réinscriptions 2027-2028');
      expect(text(box.querySelector('.deadline'))).to.equal('Jusqu’au 06/12/2026 à 23 h 59');
    });

    it('offers both choices per student, each naming the student for screen readers', async () => {
      store.students.get('lina')!.status = 'brouillon';
      const el = await renderHome();
      const reregister = button(el, 'Je souhaite réinscrire MOREAU Gianni');
      expect(text(reregister.querySelector('.visually-hidden'))).to.equal('MOREAU Gianni');
      button(el, 'Je ne souhaite pas réinscrire MOREAU Gianni');
      // A draft is resumed rather than started again.
      button(el, 'Reprendre la réinscription MOREAU Lina');
      button(el, 'Je ne souhaite pas réinscrire MOREAU Lina');
      expect(hasButton(el, 'Je souhaite réinscrire MOREAU Lina')).to.equal(false);
    });

    it('« Je souhaite réinscrire » fires reinscription-reregister with the student id', async () => {
      const el = await renderHome();
      const event = oneEvent(el, 'reinscription-reregister');
      button(el, 'Je souhaite réinscrire MOREAU Lina').click();
      const { detail, bubbles, composed } = await event;
      expect(detail).to.deep.equal({ studentId: 'lina' });
      expect(bubbles && composed).to.equal(true);
    });

    it('shows the student the wizard is opening as busy, and does not fire twice', async () => {
      const el = await renderHome();
      el.busyStudentId = 'gianni';
      await el.updateComplete;
      const busy = button(el, 'Chargement… MOREAU Gianni');
      expect(busy.getAttribute('aria-disabled')).to.equal('true');
      let fired = 0;
      el.addEventListener('reinscription-reregister', () => (fired += 1));
      busy.click();
      expect(fired).to.equal(0);
      await expect(el).to.be.accessible();
    });

    it('shows a sent student with its status, when it was sent and its reference, without the choices', async () => {
      markSent('gianni', 'envoyee', 'R-2027-0042');
      const el = await renderHome();
      const row = studentRow(el, 'MOREAU Gianni');
      expect(text(row)).to.include('Statut : Réinscription envoyée');
      // 18:00 UTC on 25 November is 19:00 in Paris (winter time).
      expect(text(row.querySelector('.sent-at'))).to.equal('Envoyée le 25/11/2026 à 19 h 00');
      expect(text(row)).to.include('Référence : R-2027-0042');
      expect(text(row)).to.not.include('À envoyer avant');
      expect(hasButton(el, 'Je souhaite réinscrire MOREAU Gianni')).to.equal(false);
      expect(hasButton(el, 'Je ne souhaite pas réinscrire MOREAU Gianni')).to.equal(false);
      expect([...row.querySelectorAll('button')].map(text)).to.deep.equal(['Voir le récapitulatif MOREAU Gianni']);
      await expect(el).to.be.accessible();
    });

    it('« Voir le récapitulatif » of a sent file fires reinscription-reregister (the wizard opens its confirmation)', async () => {
      markSent('gianni', 'envoyee', 'R-2027-0042');
      const el = await renderHome();
      const event = oneEvent(el, 'reinscription-reregister');
      button(el, 'Voir le récapitulatif MOREAU Gianni').click();
      expect((await event).detail).to.deep.equal({ studentId: 'gianni' });
    });

    it("shows the step a saved draft reached: « En cours — reprendre à l'étape 3 »", async () => {
      const lina = store.students.get('lina')!;
      lina.status = 'brouillon';
      lina.draft = { answers: store.answersFor('lina'), step: 3, savedAt: '2026-11-25T18:00:00.000Z' };
      const el = await renderHome();
      const row = studentRow(el, 'MOREAU Lina');
      expect(text(row.querySelector('[part="badge"]'))).to.equal('Statut : En cours – reprendre à l’étape 3');
      button(el, 'Reprendre la réinscription MOREAU Lina');
      await expect(el).to.be.accessible();
    });

    it('each student card still to send shows the deadline in Paris time; a declined one does not', async () => {
      store.students.get('lina')!.status = 'ne-se-reinscrit-pas';
      const el = await renderHome();
      expect(text(studentRow(el, 'MOREAU Gianni').querySelector('.deadline'))).to.equal('À envoyer avant le 06/12/2026 à 23 h 59');
      expect(text(studentRow(el, 'MOREAU Lina'))).to.include('Statut : Ne se réinscrit pas');
      expect(studentRow(el, 'MOREAU Lina').querySelector('.deadline')).to.equal(null);
    });

    it('names the pieces still missing, per student and once for the family, with « Ajouter des pièces manquantes »', async () => {
      markSent('gianni', 'envoyee-incomplete', 'R-2027-0007');
      store.students.get('gianni')!.submission!.missingDocuments = ['responsabilite-civile', 'justificatif-domicile', 'attestation-qf'];
      const el = await renderHome();
      const row = studentRow(el, 'MOREAU Gianni');
      expect(text(row)).to.include('Statut : Envoyée, pièces manquantes');
      expect(text(row.querySelector('.sent-at'))).to.equal('Envoyée le 25/11/2026 à 19 h 00');
      const own = row.querySelector('[part="missing"]')!;
      expect(text(own.querySelector('p'))).to.equal('Pièces à fournir pour MOREAU Gianni :');
      expect([...own.querySelectorAll('li')].map(text)).to.deep.equal(['Attestation de responsabilité civile']);
      expect(text(own)).to.include('À ajouter avant le 20/12/2026 à 23 h 59.');

      const family = root(el).querySelector<HTMLElement>('section[aria-labelledby="family-missing-title"]')!;
      expect(text(family.querySelector('h3'))).to.equal('Pièces à fournir pour la famille');
      expect([...family.querySelectorAll('li')].map(text)).to.deep.equal(['Justificatif de domicile (de moins de 3 mois)', 'Attestation QF (CAF)']);
      expect(text(family)).to.include('Elles valent pour tous vos enfants');

      expect([...row.querySelectorAll('button')].map(text)).to.deep.equal([
        'Ajouter des pièces manquantes MOREAU Gianni',
        'Voir le récapitulatif MOREAU Gianni',
      ]);
      await expect(el).to.be.accessible();
      const event = oneEvent(el, 'reinscription-add-documents');
      button(el, 'Ajouter des pièces manquantes MOREAU Gianni').click();
      expect((await event).detail).to.deep.equal({ studentId: 'gianni' });
    });

    it('a file missing only family pieces says so on its card', async () => {
      markSent('gianni', 'envoyee-incomplete', 'R-2027-0007');
      store.students.get('gianni')!.submission!.missingDocuments = ['justificatif-domicile'];
      const el = await renderHome();
      expect(text(studentRow(el, 'MOREAU Gianni').querySelector('[part="missing"]'))).to.include('Il ne manque que des pièces de la famille');
      expect(text(root(el).querySelector('#family-missing-title'))).to.equal('Pièces à fournir pour la famille');
    });

    it('« Déconnexion » fires reinscription-logout', async () => {
      const el = await renderHome();
      const event = oneEvent(el, 'reinscription-logout');
      button(el, 'Déconnexion').click();
      expect((await event).detail).to.deep.equal({});
    });

    it('focusHeading() focuses the greeting', async () => {
      const el = await renderHome();
      el.focusHeading();
      await el.updateComplete;
      expect(root(el).activeElement).to.equal(root(el).querySelector('h2'));
    });

    it('fits a 360 px wide screen: nothing overflows, the buttons take the full width', async () => {
      const el = await renderHome();
      el.style.width = '360px';
      button(el, 'Je ne souhaite pas réinscrire MOREAU Gianni').click();
      await el.updateComplete;
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const home = root(el).querySelector<HTMLElement>('.home')!;
      expect(home.scrollWidth).to.be.at.most(360);
      const row = studentRow(el, 'MOREAU Lina');
      const rowWidth = row.getBoundingClientRect().width;
      for (const b of row.querySelectorAll('button')) expect(b.getBoundingClientRect().width).to.be.closeTo(rowWidth, 1);
      const confirm = button(el, 'Confirmer');
      const panel = root(el).querySelector<HTMLElement>('[part="decline-panel"]')!;
      expect(confirm.getBoundingClientRect().width).to.be.greaterThan(panel.clientWidth * 0.8);
      await expect(el).to.be.accessible();
    });

    it('has the privacy notice and the contact e-mail at the bottom', async () => {
      const el = await renderHome();
      const privacy = [...root(el).querySelectorAll('a')].find((a) => text(a).startsWith('Données personnelles'))!;
      expect(text(privacy)).to.equal('Données personnelles : Mairie de Limonest (nouvelle fenêtre)');
      expect(privacy.getAttribute('href')).to.equal('https://www.limonest.fr/conservatoire-municipal/protection-des-donnees-personnelles/');
      const contact = root(el).querySelector('.footer .contact a')!;
      expect(contact.getAttribute('href')).to.equal('mailto:conservatoire@limonest.fr');
    });
  });

  describe('declining', () => {
    it('confirms with a reason: the server records it, the home shows « Ne se réinscrit pas », the event fires', async () => {
      const el = await renderHome();
      const opener = button(el, 'Je ne souhaite pas réinscrire MOREAU Gianni');
      opener.click();
      await el.updateComplete;
      expect(opener.getAttribute('aria-expanded')).to.equal('true');
      const panel = root(el).querySelector('[part="decline-panel"]')!;
      const title = panel.querySelector('h4')!;
      expect(text(title)).to.equal('Confirmer : MOREAU Gianni ne se réinscrit pas');
      await until(() => root(el).activeElement === title, 'the panel takes focus');
      await expect(el).to.be.accessible();

      const label = panel.querySelector('label[for="decline-reason"]')!;
      expect(text(label)).to.equal('Motif (facultatif)');
      const reason = root(el).querySelector<HTMLTextAreaElement>('#decline-reason')!;
      expect(reason.maxLength).to.equal(1000);
      reason.focus();
      await sendKeys({ type: 'Déménagement à Lyon' });
      await el.updateComplete;
      expect(text(panel.querySelector('#decline-reason-counter'))).to.equal('981 caractères restants');

      const declined = oneEvent(el, 'reinscription-declined');
      button(el, 'Confirmer').click();
      expect((await declined).detail).to.deep.equal({ studentId: 'gianni' });

      expect(store.students.get('gianni')!.status).to.equal('ne-se-reinscrit-pas');
      expect(store.declines).to.have.length(1);
      expect(store.declines[0]!.reason).to.equal('Déménagement à Lyon');

      const notice = root(el).querySelector('[role="status"] .notice--success');
      expect(text(notice)).to.equal('La non-réinscription de MOREAU Gianni est enregistrée.');
      expect(text(studentRow(el, 'MOREAU Gianni'))).to.include('Statut : Ne se réinscrit pas');
      expect(hasButton(el, 'Je souhaite réinscrire MOREAU Gianni')).to.equal(false);
      expect(root(el).querySelector('[part="decline-panel"]')).to.equal(null);
      // Lina is untouched.
      button(el, 'Je souhaite réinscrire MOREAU Lina');
      await expect(el).to.be.accessible();
    });

    it('sends no reason when none is typed', async () => {
      const el = await renderHome();
      button(el, 'Je ne souhaite pas réinscrire MOREAU Lina').click();
      await el.updateComplete;
      const declined = oneEvent(el, 'reinscription-declined');
      button(el, 'Confirmer').click();
      await declined;
      expect(store.declines[0]!.reason).to.equal(null);
    });

    it('« Annuler » closes the panel and returns focus to the button that opened it', async () => {
      const el = await renderHome();
      const opener = button(el, 'Je ne souhaite pas réinscrire MOREAU Lina');
      opener.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(root(el).querySelector('[part="decline-panel"]')).to.not.equal(null);

      button(el, 'Annuler').click();
      await el.updateComplete;
      expect(root(el).querySelector('[part="decline-panel"]')).to.equal(null);
      await until(() => root(el).activeElement === opener, 'focus is back on the opener');
      expect(opener.getAttribute('aria-expanded')).to.equal('false');
      expect(store.students.get('lina')!.status).to.equal('a-faire');
    });

    it('keeps the typed reason and the panel open under a network error, with the French message and the contact e-mail', async () => {
      const el = await renderHome();
      backend.scenarios.set('network-error', { routes: ['decline'] });
      button(el, 'Je ne souhaite pas réinscrire MOREAU Gianni').click();
      await el.updateComplete;
      const reason = root(el).querySelector<HTMLTextAreaElement>('#decline-reason')!;
      reason.focus();
      await sendKeys({ type: 'Horaires incompatibles' });

      let fired = false;
      el.addEventListener('reinscription-declined', () => (fired = true));
      button(el, 'Confirmer').click();
      await until(() => root(el).querySelector('#decline-error'), 'the error is shown');

      const alert = root(el).querySelector('#decline-error')!;
      expect(alert.getAttribute('role')).to.equal('alert');
      expect(text(alert)).to.include('Connexion impossible avec le serveur du conservatoire.');
      expect(text(alert)).to.include('conservatoire@limonest.fr');
      expect(root(el).querySelector<HTMLTextAreaElement>('#decline-reason')!.value).to.equal('Horaires incompatibles');
      expect(text(button(el, 'Confirmer'))).to.equal('Confirmer');
      expect(fired).to.equal(false);
      expect(store.students.get('gianni')!.status).to.equal('a-faire');
      expect(text(studentRow(el, 'MOREAU Gianni'))).to.include('Statut : À faire');
      await expect(el).to.be.accessible();

      // Once the network is back, the same click works with the same reason.
      backend.scenarios.reset();
      const declined = oneEvent(el, 'reinscription-declined');
      button(el, 'Confirmer').click();
      await declined;
      expect(store.declines[0]!.reason).to.equal('Horaires incompatibles');
    });

    it('shows the button as busy while the server answers', async () => {
      const el = await renderHome();
      backend.scenarios.set('slow', { routes: ['decline'], delayMs: 300 });
      button(el, 'Je ne souhaite pas réinscrire MOREAU Gianni').click();
      await el.updateComplete;
      button(el, 'Confirmer').click();
      await el.updateComplete;
      expect(button(el, 'Envoi en cours…').getAttribute('aria-disabled')).to.equal('true');
      await oneEvent(el, 'reinscription-declined');
      expect(store.declines).to.have.length(1);
    });
  });

  describe('before the campaign opens', () => {
    it('says when it opens, shows the statuses and offers no choice', async () => {
      const el = await renderHome(BEFORE);
      const box = root(el).querySelector('[part="campaign"]')!;
      expect(text(box)).to.include('Les réinscriptions ouvriront le 20/11/2026 à 9 h 00.');
      expect(text(box)).to.include('Elles resteront ouvertes jusqu’au 06/12/2026 à 23 h 59.');
      expect(text(studentRow(el, 'MOREAU Gianni'))).to.include('Statut : À faire');
      expect(hasButton(el, 'Je souhaite réinscrire')).to.equal(false);
      expect(hasButton(el, 'Je ne souhaite pas réinscrire')).to.equal(false);
      await expect(el).to.be.accessible();
    });
  });

  describe('after the campaign closed', () => {
    it('says it is closed, still shows every status, offers no choice, and lets missing pieces be added', async () => {
      markSent('gianni', 'envoyee-incomplete', 'R-2027-0007');
      store.students.get('lina')!.status = 'ne-se-reinscrit-pas';
      const el = await renderHome(AFTER_CLOSING);
      const box = root(el).querySelector('[part="campaign"]')!;
      expect(text(box)).to.include('Les réinscriptions en ligne sont closes depuis le 06/12/2026 à 23 h 59.');
      expect(text(box)).to.include('Vous pouvez encore ajouter les pièces manquantes jusqu’au 20/12/2026 à 23 h 59.');
      expect(text(studentRow(el, 'MOREAU Gianni'))).to.include('Statut : Envoyée, pièces manquantes');
      expect(text(studentRow(el, 'MOREAU Gianni'))).to.include('Référence : R-2027-0007');
      expect(text(studentRow(el, 'MOREAU Lina'))).to.include('Statut : Ne se réinscrit pas');
      expect(hasButton(el, 'Je souhaite réinscrire')).to.equal(false);
      expect(hasButton(el, 'Je ne souhaite pas réinscrire')).to.equal(false);
      expect(hasButton(el, 'Reprendre la réinscription')).to.equal(false);
      expect(studentRow(el, 'MOREAU Lina').querySelector('button')).to.equal(null);
      await expect(el).to.be.accessible();

      const event = oneEvent(el, 'reinscription-add-documents');
      button(el, 'Ajouter des pièces manquantes MOREAU Gianni').click();
      const { detail, bubbles, composed } = (await event) as CustomEvent<{ studentId: string }>;
      expect(detail).to.deep.equal({ studentId: 'gianni' });
      expect(bubbles && composed).to.equal(true);
    });

    it('a student still « À faire » at closing keeps that status, without buttons', async () => {
      const el = await renderHome(AFTER_CLOSING);
      expect(text(studentRow(el, 'MOREAU Lina'))).to.include('Statut : À faire');
      expect(studentRow(el, 'MOREAU Lina').querySelector('button')).to.equal(null);
    });

    it('no longer mentions missing pieces once their deadline is past', async () => {
      markSent('gianni', 'envoyee-incomplete', 'R-2027-0007');
      const el = await renderHome(AFTER_DOCUMENTS);
      const box = root(el).querySelector('[part="campaign"]')!;
      expect(text(box)).to.include('Les réinscriptions en ligne sont closes depuis le 06/12/2026 à 23 h 59.');
      expect(text(box)).to.not.include('pièces manquantes');
      expect(hasButton(el, 'Ajouter des pièces manquantes')).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('follows the server when it closed the campaign before the planned date', async () => {
      const el = await renderHome(DURING, (c) => ({ ...c, isOpen: false }));
      const box = root(el).querySelector('[part="campaign"]')!;
      expect(text(box.querySelector('.closed'))).to.equal('Les réinscriptions en ligne sont closes.');
      expect(hasButton(el, 'Je souhaite réinscrire')).to.equal(false);
      await expect(el).to.be.accessible();
    });
  });

  describe('standalone (no campaign or family given)', () => {
    it('loads them itself when a session exists', async () => {
      await client.login({ identifier: DEMO_CREDENTIALS.identifier, password: DEMO_CREDENTIALS.password });
      const el = await fixture<ReinscriptionFamilyHome>(html`<reinscription-family-home .client=${client}></reinscription-family-home>`);
      await until(() => text(root(el).querySelector('h2')).startsWith('Bonjour'), 'the home is loaded');
      expect(text(studentRow(el, 'MOREAU Gianni'))).to.include('Statut : À faire');
      await expect(el).to.be.accessible();
    });

    it('asks to log in when there is no session', async () => {
      const el = await fixture<ReinscriptionFamilyHome>(html`<reinscription-family-home .client=${client}></reinscription-family-home>`);
      expect(text(root(el).querySelector('.notice'))).to.equal('Connectez-vous pour voir vos élèves et leurs réinscriptions.');
      await expect(el).to.be.accessible();
    });

    it('once removed from the page, loads nothing when someone logs in later', async () => {
      const el = await fixture<ReinscriptionFamilyHome>(html`<reinscription-family-home .client=${client}></reinscription-family-home>`);
      el.remove();
      const calls: string[] = [];
      const count = ({ request }: { request: Request }) => calls.push(new URL(request.url).pathname);
      backend.worker.events.on('request:start', count);
      try {
        await client.login({ identifier: DEMO_CREDENTIALS.identifier, password: DEMO_CREDENTIALS.password });
        await el.updateComplete;
        await new Promise((resolve) => setTimeout(resolve, 100));
        expect(calls).to.deep.equal([`${BASE}/session`]);
      } finally {
        backend.worker.events.removeListener('request:start', count);
      }
    });

    it('explains a failed load in French and offers to try again', async () => {
      await client.login({ identifier: DEMO_CREDENTIALS.identifier, password: DEMO_CREDENTIALS.password });
      backend.scenarios.set('server-error', { routes: ['family'], times: 1 });
      const el = await fixture<ReinscriptionFamilyHome>(html`<reinscription-family-home .client=${client}></reinscription-family-home>`);
      await until(() => root(el).querySelector('[role="alert"]'), 'the error is shown');
      expect(text(root(el).querySelector('[role="alert"]'))).to.include('Le serveur du conservatoire rencontre un problème.');
      await expect(el).to.be.accessible();
      button(el, 'Réessayer').click();
      await until(() => text(root(el).querySelector('h2')).startsWith('Bonjour'), 'the home is loaded');
    });
  });
});
