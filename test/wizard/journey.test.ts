import { expect, fixture, html } from '@open-wc/testing';
import '../../src/wizard/wizard.js';
import type { ReinscriptionWizard } from '../../src/wizard/wizard.js';
import { clientFor } from '../../src/api/client.js';
import { startMockBackend, type MockBackend } from '../../src/mocks/browser.js';
import { DEMO_CREDENTIALS } from '../../src/mocks/seed.js';
import { button, choose, control, inner, normalise, queryButton, shadow, type, until } from '../helpers/dom.js';

/**
 * The whole journey as a parent meets it: log in, re-register a child through the six steps,
 * decline the other, see both statuses. Then the navigation and submission guarantees.
 */
const API = '/api-journey-test';
let backend: MockBackend;

before(async () => {
  backend = await startMockBackend({ baseUrl: API });
});
after(() => backend.stop());
beforeEach(() => {
  clientFor(API).session.clear();
  sessionStorage.clear();
  backend.store.reset();
  backend.scenarios.reset();
});

const shown = (el: Element) => normalise(shadow(el).textContent);
const screen = (el: ReinscriptionWizard) => {
  const found = shadow(el).querySelector('[data-screen]');
  if (!found) throw new Error('no screen');
  return shadow(found);
};
const atStep = (el: ReinscriptionWizard, n: number) => until(() => shown(el).includes(`Étape ${n} sur 6`), `step ${n}`);
const next = (el: ReinscriptionWizard) => button(shadow(el), "Passer à l'étape suivante").click();

async function loggedIn(): Promise<ReinscriptionWizard> {
  const el = await fixture<ReinscriptionWizard>(html`<reinscription-wizard api-url=${API}></reinscription-wizard>`);
  const login = await until(() => inner(el, 'reinscription-login'), 'the login');
  type(control(login, 'Identifiant'), DEMO_CREDENTIALS.identifier);
  type(control(login, 'Mot de passe'), DEMO_CREDENTIALS.password);
  button(login, 'Se connecter').click();
  await until(() => inner(el, 'reinscription-family-home'), 'the home');
  return el;
}

/** From the home to the recap of Gianni, answering what is required. */
async function toRecap(el: ReinscriptionWizard): Promise<void> {
  button(inner(el, 'reinscription-family-home'), 'Je souhaite réinscrire MOREAU Gianni').click();
  await atStep(el, 1);
  await until(() => screen(el).querySelector('input'), 'the coordinates form');
  await choose(screen(el), 'Avez-vous changé de compte bancaire', 'Non');
  next(el);
  await atStep(el, 2);
  await choose(screen(el), "Droit à l'image", 'Oui');
  await choose(screen(el), 'Autorisation de sortie', 'Non');
  next(el);
  await atStep(el, 3);
  next(el);
  await atStep(el, 4);
  type(control<HTMLTextAreaElement>(screen(el), 'Information complémentaire'), 'FM le mercredi de préférence.');
  next(el);
  await atStep(el, 5);
}

async function accept(el: ReinscriptionWizard): Promise<void> {
  const box = control(screen(el), "J'accepte");
  box.click();
  await until(() => box.checked, 'J’accepte checked');
}

describe('the re-registration journey', () => {
  it('re-registers MOREAU Gianni through the six steps, declines the second student, and shows both statuses', async () => {
    const el = await loggedIn();
    const submitted: string[] = [];
    el.addEventListener('reinscription-submitted', (e) => submitted.push(e.detail.reference));
    await toRecap(el);
    const recap = normalise(screen(el).textContent);
    expect(recap).to.include('FM le mercredi de préférence.');
    expect(recap).to.include('Tout dossier incomplet ne sera pas traité');
    await accept(el);
    button(shadow(el), 'Valider').click();
    await atStep(el, 6);
    await until(() => normalise(screen(el).textContent).includes('Numéro de référence'), 'the confirmation');
    expect(backend.store.submissions).to.have.length(1);
    expect(submitted).to.deep.equal([backend.store.submissions[0]!.submission.reference]);
    expect(normalise(screen(el).textContent)).to.include(backend.store.submissions[0]!.submission.reference);
    // The proof the office needs: versions accepted and when.
    const body = backend.store.submissions[0]!.request;
    expect(body.acceptance.rulesVersion).to.equal(backend.store.campaign().rules.version);
    expect(body.answers.authorisations).to.deep.equal({ image: 'oui', sortie: 'non' });
    expect(body.answers.additionalInfo).to.equal('FM le mercredi de préférence.');

    expect(queryButton(screen(el), 'Déconnexion')).to.exist;
    button(shadow(el), "Retour à l'accueil").click();
    const home = await until(() => inner(el, 'reinscription-family-home'), 'the home');
    button(home, 'Je ne souhaite pas réinscrire MOREAU Lina').click();
    (await until(() => queryButton(home, 'Confirmer'), 'the decline panel')).click();
    await until(() => backend.store.declines.length === 1, 'the decline');
    await until(() => /MOREAU Gianni.*(Réinscription envoyée|Envoyée, pièces manquantes)/.test(normalise(inner(el, 'reinscription-family-home').textContent)), 'Gianni sent');
    await until(() => /MOREAU Lina.*Ne se réinscrit pas/.test(normalise(inner(el, 'reinscription-family-home').textContent)), 'Lina declined');
  });

  it('validates each step before moving on, with the summary focused', async () => {
    const el = await loggedIn();
    button(inner(el, 'reinscription-family-home'), 'Je souhaite réinscrire MOREAU Gianni').click();
    await atStep(el, 1);
    await until(() => screen(el).querySelector('input'), 'the form');
    next(el);
    await until(() => screen(el).activeElement?.classList.contains('error-summary'), 'the summary focused on step 1');
    expect(shown(el)).to.include('Étape 1 sur 6');
    await choose(screen(el), 'Avez-vous changé de compte bancaire', 'Non');
    next(el);
    await atStep(el, 2);
    next(el);
    await until(() => screen(el).activeElement?.classList.contains('error-summary'), 'the summary focused on step 2');
    expect(shown(el)).to.include('Étape 2 sur 6');
    await expect(el).to.be.accessible();
  });

  it('keeps every answer going back and forth, with the buttons and with the browser history', async () => {
    const el = await loggedIn();
    await toRecap(el);
    button(shadow(el), "Retour à l'étape précédente").click();
    await atStep(el, 4);
    expect(control<HTMLTextAreaElement>(screen(el), 'Information complémentaire').value).to.equal('FM le mercredi de préférence.');
    history.back();
    await atStep(el, 3);
    history.back();
    await atStep(el, 2);
    const image = [...screen(el).querySelectorAll<HTMLInputElement>('input[type=radio]')].filter((r) => r.checked).map((r) => r.value);
    expect(image).to.deep.equal(['oui', 'non']);
    history.forward();
    await atStep(el, 3);
  });

  it('« Modifier » from the recap opens the step and comes back to the recap', async () => {
    const el = await loggedIn();
    await toRecap(el);
    button(screen(el), 'Modifier les autorisations').click();
    await atStep(el, 2);
    await choose(screen(el), "Droit à l'image", 'Non');
    button(shadow(el), 'Revenir au récapitulatif').click();
    await atStep(el, 5);
    expect(normalise(screen(el).textContent)).to.match(/Droit à l'image\s*Non/);
  });

  it('a double click on « Valider » stores exactly one submission', async () => {
    const el = await loggedIn();
    await toRecap(el);
    await accept(el);
    backend.scenarios.set('slow', { routes: ['submit'], delayMs: 400 });
    const valider = button(shadow(el), 'Valider');
    valider.click();
    valider.click();
    await until(() => queryButton(shadow(el), 'Envoi de la réinscription…'), 'the busy button');
    await atStep(el, 6);
    expect(backend.store.submissions).to.have.length(1);
  });

  it('the answer is lost after the server committed: the retry leaves one submission', async () => {
    const el = await loggedIn();
    await toRecap(el);
    await accept(el);
    backend.scenarios.set('lost-response', { routes: ['submit'], times: 1 });
    button(shadow(el), 'Valider').click();
    await until(() => shown(el).includes('Connexion impossible avec le serveur'), 'the network message');
    expect(backend.store.submissions).to.have.length(1);
    expect(shown(el)).to.include('Étape 5 sur 6');
    button(shadow(el), 'Valider').click();
    await atStep(el, 6);
    expect(backend.store.submissions).to.have.length(1);
  });

  it('a failed submission keeps everything and can be retried', async () => {
    const el = await loggedIn();
    await toRecap(el);
    await accept(el);
    backend.scenarios.set('server-error', { routes: ['submit'], times: 1 });
    button(shadow(el), 'Valider').click();
    await until(() => shown(el).includes('Le serveur du conservatoire rencontre un problème'), 'the server message');
    expect(backend.store.submissions).to.have.length(0);
    expect(control(screen(el), "J'accepte").checked).to.equal(true);
    expect(normalise(screen(el).textContent)).to.include('FM le mercredi de préférence.');
    await expect(el).to.be.accessible();
    button(shadow(el), 'Valider').click();
    await atStep(el, 6);
    expect(backend.store.submissions).to.have.length(1);
  });

  it('a campaign closed during the journey: the server says so, nothing is lost, the contact is given', async () => {
    const el = await loggedIn();
    await toRecap(el);
    await accept(el);
    // The campaign closes while the parent is on the recap.
    backend.store.closesAt = new Date(Date.now() - 60000);
    button(shadow(el), 'Valider').click();
    await until(() => shown(el).includes('Les réinscriptions en ligne sont closes'), 'the closed message');
    expect(shown(el)).to.include('conservatoire@limonest.fr');
    expect(shown(el)).to.include('Étape 5 sur 6');
    expect(control(screen(el), "J'accepte").checked).to.equal(true);
  });

  it('is accessible on every step, filled', async () => {
    const el = await loggedIn();
    button(inner(el, 'reinscription-family-home'), 'Je souhaite réinscrire MOREAU Gianni').click();
    await atStep(el, 1);
    await until(() => screen(el).querySelector('input'), 'the form');
    await expect(el).to.be.accessible();
    await choose(screen(el), 'Avez-vous changé de compte bancaire', 'Non');
    next(el);
    await atStep(el, 2);
    await expect(el).to.be.accessible();
    await choose(screen(el), "Droit à l'image", 'Oui');
    await choose(screen(el), 'Autorisation de sortie', 'Oui');
    next(el);
    await atStep(el, 3);
    await until(() => screen(el).querySelector('table'), 'the documents');
    await expect(el).to.be.accessible();
    next(el);
    await atStep(el, 4);
    await expect(el).to.be.accessible();
    next(el);
    await atStep(el, 5);
    await expect(el).to.be.accessible();
    await accept(el);
    button(shadow(el), 'Valider').click();
    await atStep(el, 6);
    await expect(el).to.be.accessible();
  });
});
