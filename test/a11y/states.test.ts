/**
 * axe-core (WCAG 2.0, 2.1 and 2.2, levels A and AA) in every state of every screen, through the
 * shadow roots: the states are one table, walked in order. A state with `start` opens a fresh
 * wizard (fresh mock data); the states after it continue from where it left the wizard. In each,
 * no violation, and nothing left « to review » but text contrast axe cannot compute (see axeCheck).
 * Each state scanned prints its name, and the last test checks that every state of the table was
 * scanned, so none is dropped silently.
 */
import { expect } from '@open-wc/testing';
import type { ReinscriptionWizard } from '../../src/wizard/wizard.js';
import { clientFor } from '../../src/api/client.js';
import { applyFixture } from '../../src/mocks/fixtures.js';
import { DEMO_CREDENTIALS } from '../../src/mocks/seed.js';
import { button, choose, control, inner, normalise, shadow, type, until } from '../helpers/dom.js';
import { accept, atStep, confirmStep1, logIn, mount, next, screen, shown, toRecap, useMockBackend } from '../helpers/journey.js';
import { axeCheck, describeViolations } from '../helpers/a11y.js';
import { exeFile, pdfFile } from '../fixtures/documents.js';

const API = '/api-a11y-states';
const mock = useMockBackend(API);

type Wizard = ReinscriptionWizard;

/** Either opens a fresh wizard, or goes on from the previous state's. */
type State = { name: string; start: () => Promise<Wizard> } | { name: string; then: (el: Wizard) => Promise<void> };

const home = (el: Wizard) => inner(el, 'reinscription-family-home');
const login = (el: Wizard) => inner(el, 'reinscription-login');
const alertText = (el: Wizard) => [...shadow(el).querySelectorAll('[role="alert"]')].map((a) => normalise(a.textContent)).join(' ');
/** Whether `text` says `words`, both read alike (spaces, apostrophes), whatever the catalogue's typography. */
const says = (text: string | null | undefined, words: string) => normalise(text).includes(normalise(words));
const hasSummary = (root: ShadowRoot) => root.querySelector('.error-summary');

function typeLogin(el: Wizard, password: string = DEMO_CREDENTIALS.password): void {
  type(control(login(el), 'Identifiant'), DEMO_CREDENTIALS.identifier);
  type(control(login(el), 'Mot de passe'), password);
  button(login(el), 'Se connecter').click();
}

async function loggedIn(): Promise<Wizard> {
  const el = await mount(API);
  await logIn(el);
  return el;
}

/** From the home to step 1 of MOREAU Gianni, its form shown. */
async function toStep1(el: Wizard): Promise<void> {
  button(home(el), 'Je souhaite réinscrire MOREAU Gianni').click();
  await atStep(el, 1);
  await until(() => screen(el).querySelector('input'), 'the coordinates form');
}

/** From the home to step `n` (2 to 4) of MOREAU Gianni, answering what is required, as toRecap does. */
async function toStep(el: Wizard, n: 2 | 3 | 4): Promise<void> {
  await toStep1(el);
  await confirmStep1(screen(el));
  next(el);
  await atStep(el, 2);
  if (n === 2) return;
  await choose(screen(el), "Droit à l'image", 'Oui');
  await choose(screen(el), 'Autorisation de sortie', 'Non');
  next(el);
  await atStep(el, 3);
  if (n === 3) return;
  next(el);
  await atStep(el, 4);
}

/** The row of step 3's tables whose piece reads `label`. */
const pieceRow = (el: Wizard, label: string) =>
  [...screen(el).querySelectorAll<HTMLTableRowElement>('tbody tr')].find((tr) => says(tr.querySelector('th')?.textContent, label));

/** A file chosen in a row's picker, as the browser hands it over. */
function pickFile(el: Wizard, label: string, file: File): void {
  const input = pieceRow(el, label)?.querySelector<HTMLInputElement>('input[type="file"][data-role="file"]');
  if (!input) throw new Error(`No file input in « ${label} »`);
  const files = new DataTransfer();
  files.items.add(file);
  input.files = files.files;
  input.dispatchEvent(new Event('change'));
}

/** The row's button whose text (« Supprimer : Attestation… ») starts with `text`. */
function rowButton(el: Wizard, label: string, text: string): HTMLButtonElement {
  const found = [...(pieceRow(el, label)?.querySelectorAll('button') ?? [])].find((b) => normalise(b.textContent).startsWith(text));
  if (!found) throw new Error(`No « ${text} » in « ${label} »`);
  return found;
}

/** Two minutes left, as the server would say after a long pause: the wizard warns. */
async function sessionEndsSoon(el: Wizard): Promise<void> {
  const store = clientFor(API).session;
  store.set({ ...store.session!, expiresAt: new Date(Date.now() + 2 * 60000).toISOString() });
  await until(() => /Votre session se termine dans [23] minutes/.test(shown(el)), 'the warning');
}

const idle = (el: Wizard) => !(screen(el).host as HTMLElement & { busy: boolean }).busy;

function sentFile(status: 'envoyee' | 'envoyee-incomplete'): void {
  const gianni = mock.backend.store.students.get('gianni')!;
  gianni.status = status;
  gianni.submission = {
    reference: 'LIM-2027-000042',
    submittedAt: '2027-05-20T08:00:00.000Z',
    status,
    missingDocuments: status === 'envoyee' ? [] : ['responsabilite-civile'],
    receipt: { sent: true },
  };
}

const frame = () => new Promise((r) => requestAnimationFrame(r));

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

const STATES: State[] = [
  // ---------------------------------------------------------------- login and lost password
  {
    name: 'login — empty',
    start: async () => {
      const el = await mount(API);
      await until(() => says(shown(el), 'conservatoire@limonest.fr'), 'the campaign’s contact e-mail');
      return el;
    },
  },
  {
    name: 'login — with errors',
    then: async (el) => {
      button(login(el), 'Se connecter').click();
      await until(() => hasSummary(login(el)), 'the error summary');
    },
  },
  {
    name: 'login — wrong password',
    then: async (el) => {
      typeLogin(el, 'pas le bon');
      await until(() => login(el).getElementById('login-error'), '« identifiant ou mot de passe incorrect »');
    },
  },
  {
    name: 'lost password — form',
    then: async (el) => {
      button(login(el), 'Mot de passe perdu ?').click();
      await until(() => inner(el, 'reinscription-password-reset'), 'the lost-password form');
    },
  },
  {
    name: 'lost password — with errors',
    then: async (el) => {
      const reset = inner(el, 'reinscription-password-reset');
      button(reset, 'Valider').click();
      await until(() => hasSummary(reset), 'the error summary');
    },
  },
  {
    name: 'lost password — sent',
    then: async (el) => {
      const reset = inner(el, 'reinscription-password-reset');
      type(control(reset, 'E-mail'), DEMO_CREDENTIALS.email);
      button(reset, 'Valider').click();
      await until(() => reset.querySelector('.confirmation'), 'the confirmation');
    },
  },

  // ---------------------------------------------------------------- the family home
  { name: 'home — to do', start: loggedIn },
  {
    name: 'home — decline panel open',
    then: async (el) => {
      button(home(el), 'Je ne souhaite pas réinscrire MOREAU Lina').click();
      await until(() => control(home(el), 'Motif').isConnected, 'the decline panel');
    },
  },
  {
    name: 'home — declined',
    then: async (el) => {
      type(control<HTMLTextAreaElement>(home(el), 'Motif'), 'Déménagement');
      button(home(el), 'Confirmer').click();
      await until(() => says(home(el).textContent, 'Ne se réinscrit pas'), 'the declined status');
    },
  },
  {
    name: 'home — session-expiry warning',
    then: sessionEndsSoon,
  },
  {
    name: 'login — after « Déconnexion »',
    then: async (el) => {
      button(home(el), 'Déconnexion').click();
      await until(() => says(shown(el), 'Vous êtes déconnecté'), 'the login after logout');
    },
  },
  {
    name: 'home — draft',
    start: async () => {
      applyFixture(mock.backend.store, 'draft-at-step-5');
      const el = await loggedIn();
      await until(() => says(home(el).textContent, 'Reprendre'), '« Reprendre la réinscription »');
      return el;
    },
  },
  {
    name: 'home — sent',
    start: async () => {
      sentFile('envoyee');
      return loggedIn();
    },
  },
  {
    name: 'home — sent with pieces missing',
    start: async () => {
      sentFile('envoyee-incomplete');
      return loggedIn();
    },
  },
  {
    name: 'documents page — adding the missing pieces',
    then: async (el) => {
      button(home(el), 'Ajouter des pièces manquantes MOREAU Gianni').click();
      const page = await until(() => shadow(el).querySelector('reinscription-documents[data-screen="documents"]'), 'the pieces page');
      await until(() => says(shadow(page).textContent, 'Ajouter des pièces : '), 'its heading');
    },
  },
  {
    name: 'home — campaign closed',
    start: async () => {
      mock.backend.store.closesAt = new Date(Date.now() - DAY);
      return loggedIn();
    },
  },
  {
    name: 'home — campaign not yet open',
    start: async () => {
      mock.backend.store.opensAt = new Date(Date.now() + 5 * DAY);
      return loggedIn();
    },
  },
  {
    name: 'home — the campaign’s last hour',
    start: async () => {
      mock.backend.store.closesAt = new Date(Date.now() + HOUR / 2);
      const el = await loggedIn();
      await until(() => says(shown(el), 'dans moins d’une heure'), 'the warning');
      return el;
    },
  },
  {
    name: 'home — « Connexion réussie, mais… » (GET /family failed)',
    start: async () => {
      const el = await mount(API);
      mock.backend.scenarios.set('server-error', { routes: ['family'], times: 1 });
      typeLogin(el);
      await until(() => says(alertText(el), 'Connexion réussie, mais'), 'the message');
      return el;
    },
  },

  // ---------------------------------------------------------------- steps 1 and 2
  {
    name: 'step 1 — as first shown',
    start: async () => {
      const el = await loggedIn();
      await toStep1(el);
      return el;
    },
  },
  {
    name: 'step 1 — with errors',
    then: async (el) => {
      next(el);
      await until(() => hasSummary(screen(el)), 'the error summary');
    },
  },
  {
    name: 'step 1 — every block open (« Non »)',
    then: async (el) => {
      await choose(screen(el), 'Ces informations sont-elles à jour', 'Non');
      await until(() => screen(el).querySelector('#guardian-lastName'), 'the guardian’s fields');
    },
  },
  {
    name: 'step 1 — filled',
    then: async (el) => {
      await confirmStep1(screen(el));
      await until(() => !says(screen(el).textContent, 'Il y a un problème'), 'no error left');
    },
  },
  {
    name: 'step 1 — « Cette étape n’est pas encore enregistrée » (PUT /family failed)',
    then: async (el) => {
      mock.backend.scenarios.set('server-error', { routes: ['updateFamily'], times: 1 });
      next(el);
      await until(() => says(alertText(el), 'Cette étape n’est pas encore enregistrée sur le serveur'), 'the alert');
    },
  },
  {
    name: 'step 2 — as first shown',
    then: async (el) => {
      button(shadow(el), 'Réessayer maintenant').click();
      await atStep(el, 2);
      await until(() => says(shown(el), 'Enregistré sur le serveur à'), 'saved');
    },
  },
  {
    name: 'step 2 — with errors',
    then: async (el) => {
      next(el);
      await until(() => hasSummary(screen(el)), 'the error summary');
    },
  },
  {
    name: 'step 2 — filled',
    then: async (el) => {
      await choose(screen(el), "Droit à l'image", 'Oui');
      await choose(screen(el), 'Autorisation de sortie', 'Non');
      await until(() => !hasSummary(screen(el)), 'no error left');
    },
  },

  // ---------------------------------------------------------------- step 3: the pieces
  {
    name: 'step 3 — as first shown',
    start: async () => {
      const el = await loggedIn();
      await toStep(el, 3);
      await until(() => pieceRow(el, 'responsabilité civile'), 'the pieces');
      return el;
    },
  },
  {
    name: 'step 3 — upload in progress',
    then: async (el) => {
      mock.backend.scenarios.set('slow', { routes: ['upload'], delayMs: 60000 });
      pickFile(el, 'responsabilité civile', pdfFile('attestation.pdf'));
      await until(() => pieceRow(el, 'responsabilité civile')?.querySelector('progress'), 'the progress bar');
    },
  },
  {
    name: 'step 3 — upload refused',
    then: async (el) => {
      rowButton(el, 'responsabilité civile', 'Annuler').click();
      await until(() => idle(el), 'the upload cancelled');
      mock.backend.scenarios.reset();
      pickFile(el, 'responsabilité civile', exeFile('attestation.pdf'));
      await until(() => pieceRow(el, 'responsabilité civile')?.querySelector('.row-error'), 'the refusal');
    },
  },
  {
    name: 'step 3 — upload done',
    then: async (el) => {
      pickFile(el, 'responsabilité civile', pdfFile('attestation.pdf'));
      await until(() => idle(el) && says(pieceRow(el, 'responsabilité civile')?.textContent, 'Fourni'), 'the piece sent');
    },
  },
  {
    name: 'step 3 — deletion asked to be confirmed',
    then: async (el) => {
      rowButton(el, 'responsabilité civile', 'Supprimer').click();
      await until(() => pieceRow(el, 'responsabilité civile')?.querySelector('.confirm-question'), 'the question');
    },
  },

  // ---------------------------------------------------------------- steps 4 to 6
  {
    name: 'step 4 — as first shown',
    start: async () => {
      // The box « réinscription administrative » and its two fields are asked of this student.
      mock.backend.store.students.get('gianni')!.administrativeReregistrationApplies = true;
      const el = await loggedIn();
      await toStep(el, 4);
      await until(() => screen(el).querySelector('textarea'), 'the step');
      return el;
    },
  },
  {
    name: 'step 4 — with errors',
    then: async (el) => {
      const box = screen(el).querySelector<HTMLInputElement>('input[type="checkbox"]')!;
      box.click();
      await until(() => screen(el).querySelectorAll('input[type="text"]').length >= 2, 'the two fields');
      next(el);
      await until(() => hasSummary(screen(el)), 'the error summary');
    },
  },
  {
    name: 'step 4 — filled',
    then: async (el) => {
      const [instrument, day] = [...screen(el).querySelectorAll<HTMLInputElement>('input[type="text"]')];
      // One field, then the page updates, then the next, as a person types.
      type(instrument!, 'Piano');
      await frame();
      type(day!, 'Mercredi');
      await frame();
      type(control<HTMLTextAreaElement>(screen(el), 'Information complémentaire'), 'FM le mercredi de préférence.');
      await until(() => !says(screen(el).textContent, 'Il y a un problème'), 'no error left');
    },
  },
  {
    name: 'step 5 — recap as first shown',
    then: async (el) => {
      next(el);
      await atStep(el, 5);
    },
  },
  {
    name: 'step 5 — with errors',
    then: async (el) => {
      button(shadow(el), 'Valider').click();
      await until(() => hasSummary(screen(el)), 'the error summary');
    },
  },
  {
    name: 'step 5 — filled (« J’accepte »)',
    then: async (el) => {
      await accept(el);
      await until(() => !hasSummary(screen(el)), 'no error left');
    },
  },
  {
    name: 'step 6 — confirmation',
    then: async (el) => {
      button(shadow(el), 'Valider').click();
      await atStep(el, 6);
      await until(() => says(screen(el).textContent, 'LIM-'), 'the reference');
    },
  },
  {
    name: 'step 5 — submission refused, the campaign closed meanwhile',
    start: async () => {
      const el = await loggedIn();
      await toRecap(el);
      await accept(el);
      mock.backend.store.closesAt = new Date(Date.now() - 1000);
      button(shadow(el), 'Valider').click();
      await until(() => says(alertText(el), 'Les réinscriptions en ligne ont fermé pendant votre saisie'), 'the refusal');
      return el;
    },
  },

  // ---------------------------------------------------------------- the session
  {
    name: 'step 1 — session-expiry warning',
    start: async () => {
      const el = await loggedIn();
      await toStep1(el);
      await confirmStep1(screen(el));
      await sessionEndsSoon(el);
      return el;
    },
  },
  {
    name: 'session expired — the login over step 1',
    then: async (el) => {
      mock.backend.scenarios.set('session-expired', { routes: ['updateFamily'], times: 1 });
      next(el);
      await until(() => says(shown(el), 'Votre session a expiré'), 'the expiry message');
    },
  },
  {
    name: 'session expired — logged in again, back on step 1',
    then: async (el) => {
      typeLogin(el);
      await until(() => !shadow(el).querySelector('reinscription-login') && says(shown(el), 'Étape 1 sur 6'), 'step 1 again');
    },
  },
];

/** The states in runs: each starts with a `start`, the following ones go on from it. */
const runs = STATES.reduce<State[][]>((all, state) => {
  if ('start' in state || !all.length) all.push([state]);
  else all.at(-1)!.push(state);
  return all;
}, []);

const scanned: string[] = [];

/** Everything rendered, then axe over the wizard and every shadow root inside it. */
async function scan(name: string, el: Wizard): Promise<void> {
  await el.updateComplete;
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const { violations, review } = await axeCheck(el);
  expect(describeViolations(violations), `axe violations in « ${name} »`).to.equal('');
  expect(describeViolations(review), `axe « needs review » in « ${name} »`).to.equal('');
  scanned.push(name);
  console.log(`axe: 0 violations, nothing to review — ${name}`);
}

describe('axe-core, WCAG 2.2 A and AA, in every state', () => {
  for (const run of runs) {
    it(run.map((s) => s.name).join(' → '), async function () {
      this.timeout(90000);
      let el: Wizard | undefined;
      for (const state of run) {
        if ('start' in state) el = await state.start();
        else await state.then(el!);
        await scan(state.name, el!);
      }
    });
  }

  it('scanned every state of the table', () => {
    expect(scanned).to.deep.equal(STATES.map((s) => s.name));
    expect(scanned.length).to.be.at.least(35);
  });
});
