import { expect } from '@open-wc/testing';
import { button, choose, control, inner, normalise, queryButton, shadow, summaryLinks, until } from '../helpers/dom.js';
import { accept, atStep, confirmStep1, loggedIn, next, screen, shown, toRecap, useMockBackend } from '../helpers/journey.js';

/**
 * The whole journey as a parent meets it: log in, re-register a child through the six steps,
 * decline the other, see both statuses. Then the navigation and submission guarantees.
 */
const API = '/api-journey-test';
const mock = useMockBackend(API);

describe('the re-registration journey', () => {
  it('re-registers MOREAU Gianni through the six steps, declines the second student, and shows both statuses', async () => {
    const el = await loggedIn(API);
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
    expect(mock.backend.store.submissions).to.have.length(1);
    expect(submitted).to.deep.equal([mock.backend.store.submissions[0]!.submission.reference]);
    expect(normalise(screen(el).textContent)).to.include(mock.backend.store.submissions[0]!.submission.reference);
    // The proof the office needs: versions accepted and when.
    const body = mock.backend.store.submissions[0]!.request;
    expect(body.acceptance.rulesVersion).to.equal(mock.backend.store.campaign().rules.version);
    expect(body.answers.authorisations).to.deep.equal({ image: 'oui', sortie: 'non' });
    expect(body.answers.additionalInfo).to.equal('FM le mercredi de préférence.');

    expect(queryButton(screen(el), 'Déconnexion')).to.exist;
    button(shadow(el), "Retour à l'accueil").click();
    const home = await until(() => inner(el, 'reinscription-family-home'), 'the home');
    button(home, 'Je ne souhaite pas réinscrire MOREAU Lina').click();
    (await until(() => queryButton(home, 'Confirmer'), 'the decline panel')).click();
    await until(() => mock.backend.store.declines.length === 1, 'the decline');
    await until(
      () => /MOREAU Gianni.*(Réinscription envoyée|Envoyée, pièces manquantes)/.test(normalise(inner(el, 'reinscription-family-home').textContent)),
      'Gianni sent',
    );
    await until(() => /MOREAU Lina.*Ne se réinscrit pas/.test(normalise(inner(el, 'reinscription-family-home').textContent)), 'Lina declined');
  });

  it('validates each step before moving on, with the summary focused', async () => {
    document.title = 'Réinscriptions - Ville de Limonest';
    const el = await loggedIn(API);
    button(inner(el, 'reinscription-family-home'), 'Je souhaite réinscrire MOREAU Gianni').click();
    await atStep(el, 1);
    await until(() => screen(el).querySelector('input'), 'the form');
    next(el);
    await until(() => screen(el).activeElement?.classList.contains('error-summary'), 'the summary focused on step 1');
    expect(shown(el)).to.include('Étape 1 sur 6');
    await until(() => document.title.startsWith('Erreur\u00a0: '), 'the page title prefixed');
    expect(summaryLinks(screen(el))).to.include('Indiquez si ces informations sont à jour : choisissez Oui ou Non');
    await confirmStep1(screen(el));
    next(el);
    await atStep(el, 2);
    expect(document.title.startsWith('Erreur\u00a0: '), 'the prefix goes once fixed').to.equal(false);
    // Moving to a step focuses its heading, which screen readers announce.
    await until(() => normalise(shadow(el).activeElement?.textContent) === 'Étape 2 sur 6 : Autorisations', 'focus on the step heading');
    next(el);
    await until(() => screen(el).activeElement?.classList.contains('error-summary'), 'the summary focused on step 2');
    expect(shown(el)).to.include('Étape 2 sur 6');
    await expect(el).to.be.accessible();
  });

  it('« Modifier » from the recap opens the step and comes back to the recap', async () => {
    const el = await loggedIn(API);
    await toRecap(el);
    button(screen(el), 'Modifier les autorisations').click();
    await atStep(el, 2);
    await choose(screen(el), "Droit à l'image", 'Non');
    button(shadow(el), 'Revenir au récapitulatif').click();
    await atStep(el, 5);
    expect(normalise(screen(el).textContent)).to.match(/Droit à l'image\s*Non/);
  });

  it('a double click on « Valider » stores exactly one submission', async () => {
    const el = await loggedIn(API);
    await toRecap(el);
    await accept(el);
    mock.backend.scenarios.set('slow', { routes: ['submit'], delayMs: 400 });
    const valider = button(shadow(el), 'Valider');
    let requests = 0;
    const count = () => (requests += 1);
    mock.backend.worker.events.on('request:start', ({ request }) => {
      if (request.url.endsWith('/submission')) count();
    });
    valider.click();
    valider.click();
    await until(() => queryButton(shadow(el), 'Envoi de la réinscription…'), 'the busy button');
    valider.click();
    await atStep(el, 6);
    expect(mock.backend.store.submissions).to.have.length(1);
    expect(requests, 'requests sent').to.equal(1);
    mock.backend.worker.events.removeAllListeners('request:start');
  });

  it('the answer is lost after the server committed: the retry leaves one submission', async () => {
    const el = await loggedIn(API);
    await toRecap(el);
    await accept(el);
    mock.backend.scenarios.set('lost-response', { routes: ['submit'], times: 1 });
    button(shadow(el), 'Valider').click();
    await until(() => shown(el).includes('Connexion impossible avec le serveur'), 'the network message');
    expect(mock.backend.store.submissions).to.have.length(1);
    expect(shown(el)).to.include('Étape 5 sur 6');
    button(shadow(el), 'Valider').click();
    await atStep(el, 6);
    expect(mock.backend.store.submissions).to.have.length(1);
  });

  it('a failed submission keeps everything and can be retried', async () => {
    const el = await loggedIn(API);
    await toRecap(el);
    await accept(el);
    mock.backend.scenarios.set('server-error', { routes: ['submit'], times: 1 });
    button(shadow(el), 'Valider').click();
    await until(() => shown(el).includes('Le serveur du conservatoire rencontre un problème'), 'the server message');
    expect(mock.backend.store.submissions).to.have.length(0);
    expect(control(screen(el), "J'accepte").checked).to.equal(true);
    expect(normalise(screen(el).textContent)).to.include('FM le mercredi de préférence.');
    await expect(el).to.be.accessible();
    button(shadow(el), 'Valider').click();
    await atStep(el, 6);
    expect(mock.backend.store.submissions).to.have.length(1);
  });

  it('a campaign closed during the journey: the server says so, nothing is lost, the contact is given', async () => {
    const el = await loggedIn(API);
    await toRecap(el);
    await accept(el);
    // The campaign closes while the parent is on the recap.
    mock.backend.store.closesAt = new Date(Date.now() - 60000);
    button(shadow(el), 'Valider').click();
    await until(() => shown(el).includes('Les réinscriptions en ligne sont closes'), 'the closed message');
    expect(shown(el)).to.include('conservatoire@limonest.fr');
    expect(shown(el)).to.include('Étape 5 sur 6');
    expect(control(screen(el), "J'accepte").checked).to.equal(true);
  });

  it('is accessible on every step, filled', async () => {
    const el = await loggedIn(API);
    button(inner(el, 'reinscription-family-home'), 'Je souhaite réinscrire MOREAU Gianni').click();
    await atStep(el, 1);
    await until(() => screen(el).querySelector('input'), 'the form');
    await expect(el).to.be.accessible();
    await confirmStep1(screen(el));
    await expect(el).to.be.accessible();
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
