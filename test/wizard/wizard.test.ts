import { expect, fixture, html } from '@open-wc/testing';
import type { ReinscriptionWizard } from '../../src/wizard/wizard.js';
import { DEMO_CREDENTIALS } from '../../src/mocks/seed.js';
import { button, choose, control, description, inner, normalise, shadow, summaryLinks, type, until } from '../helpers/dom.js';
import { clientFor } from '../../src/api/client.js';
import { atStep, confirmStep1, logIn, mount, next, openDecline, screen, shown, toRecap, useMockBackend } from '../helpers/journey.js';
import { pdfFile } from '../fixtures/documents.js';

const API = '/api-wizard-test';
const mock = useMockBackend(API);

const screenText = (wizard: ReinscriptionWizard, tag: string) => normalise(inner(wizard, tag).textContent);

describe('<reinscription-wizard>', () => {
  it('starts on the login, with the contact e-mail, and is accessible', async () => {
    const el = await mount(API);
    expect(control(inner(el, 'reinscription-login'), 'Identifiant')).to.exist;
    // The login does not wait for the campaign; its contact e-mail fills in when it arrives.
    await until(() => shown(el).includes('conservatoire@limonest.fr'), 'the campaign’s contact e-mail');
    // The town's « Déclaration d'accessibilité », from the campaign, on every screen.
    const statement = await until(
      () => [...shadow(el).querySelectorAll('a')].find((a) => normalise(a.textContent).startsWith("Déclaration d'accessibilité")),
      'the accessibility statement link',
    );
    expect(statement.getAttribute('href')).to.equal('https://www.limonest.fr/accessibilite');
    await expect(el).to.be.accessible();
  });

  it('logs in, greets the family, and moves focus to the home heading', async () => {
    const el = await mount(API);
    const events: string[] = [];
    el.addEventListener('reinscription-logged-in', () => events.push('logged-in'));
    await logIn(el);
    expect(events).to.deep.equal(['logged-in']);
    const home = inner(el, 'reinscription-family-home');
    await until(() => home.activeElement?.matches('h2'), 'focus on the home heading');
    await expect(el).to.be.accessible();
  });

  it('goes to the lost-password screen and back, keeping the identifier', async () => {
    const el = await mount(API);
    const login = inner(el, 'reinscription-login');
    type(control(login, 'Identifiant'), 'LIMONEST-0001');
    button(login, 'Mot de passe perdu ?').click();
    const reset = await until(() => inner(el, 'reinscription-password-reset'), 'the reset screen');
    expect(control(reset, 'Identifiant').value).to.equal('LIMONEST-0001');
    await expect(el).to.be.accessible();
    button(reset, 'Retour à la connexion').click();
    const back = await until(() => inner(el, 'reinscription-login'), 'the login again');
    expect(control(back, 'Identifiant').value).to.equal('LIMONEST-0001');
  });

  it('keeps the parent logged in across a reload of the tab, and « Déconnexion » clears everything', async () => {
    const first = await mount(API);
    await logIn(first);
    first.remove();
    const el = await mount(API);
    await until(() => screenText(el, 'reinscription-family-home').includes('Bonjour'), 'the home after reload');
    expect(Object.keys(sessionStorage).some((k) => k.startsWith('reinscription-wizard:'))).to.equal(true);
    expect(Object.keys(localStorage).some((k) => k.startsWith('reinscription-wizard'))).to.equal(false);
    const ended: string[] = [];
    el.addEventListener('reinscription-session-end', (e) => ended.push(e.detail.reason));
    button(inner(el, 'reinscription-family-home'), 'Déconnexion').click();
    await until(() => inner(el, 'reinscription-login'), 'the login after logout');
    expect(ended).to.deep.equal(['logout']);
    expect(Object.keys(sessionStorage).filter((k) => k.startsWith('reinscription-wizard:'))).to.deep.equal([]);
    expect(shown(el)).to.include('Vous êtes déconnecté');
  });

  it('keeps the pieces uploaded at step 3 in the journey, so a reload of the tab shows them at once', async () => {
    const first = await mount(API);
    await logIn(first);
    button(inner(first, 'reinscription-family-home'), 'Je souhaite réinscrire MOREAU Gianni').click();
    await atStep(first, 1);
    await until(() => screen(first).querySelector('input'), 'the coordinates form');
    await confirmStep1(screen(first));
    next(first);
    await atStep(first, 2);
    await choose(screen(first), "Droit à l'image", 'Oui');
    await choose(screen(first), 'Autorisation de sortie', 'Non');
    next(first);
    await atStep(first, 3);
    const pieces = () => [...screen(first).querySelectorAll('tbody tr')];
    const row = await until(() => pieces().find((tr) => normalise(tr.querySelector('th')?.textContent).includes('responsabilité civile')), 'the row');
    const input = row.querySelector<HTMLInputElement>('input[type="file"][data-role="file"]')!;
    const files = new DataTransfer();
    files.items.add(pdfFile('attestation.pdf'));
    input.files = files.files;
    input.dispatchEvent(new Event('change'));
    await until(
      () => normalise(screen(first).textContent).includes('attestation.pdf') && !(screen(first).host as HTMLElement & { busy: boolean }).busy,
      'the piece sent',
    );
    const stored = Object.entries(sessionStorage).find(([k]) => k.startsWith('reinscription-wizard:journey:'))?.[1] ?? '';
    expect(JSON.parse(stored).students.gianni.documents.map((d: { fileName: string }) => d.fileName)).to.include('attestation.pdf');
    first.remove();

    const el = await fixture<ReinscriptionWizard>(html`<reinscription-wizard api-url=${API}></reinscription-wizard>`);
    await atStep(el, 3);
    await until(() => normalise(screen(el).textContent).includes('attestation.pdf'), 'the piece after the reload');
  });

  it('declines a student and shows the new status on the home', async () => {
    const el = await mount(API);
    await logIn(el);
    const home = inner(el, 'reinscription-family-home');
    await openDecline(home, 'Déménagement');
    button(home, 'Confirmer').click();
    await until(() => mock.backend.store.declines.length === 1, 'the decline on the server');
    await until(() => screenText(el, 'reinscription-family-home').includes('Ne se réinscrit pas'), 'the declined status');
  });

  /** Step 1 answered, then the session expires as the parent moves on. */
  async function expiredOnStep1(): Promise<ReinscriptionWizard> {
    const el = await mount(API);
    await logIn(el);
    button(inner(el, 'reinscription-family-home'), 'Je souhaite réinscrire MOREAU Gianni').click();
    await atStep(el, 1);
    await confirmStep1(screen(el));
    mock.backend.scenarios.set('session-expired', { routes: ['updateFamily'], times: 1 });
    button(shadow(el), "Passer à l'étape suivante").click();
    await until(() => shown(el).includes('Votre session a expiré'), 'the expiry message');
    return el;
  }

  it('asks to log in again when the session expired, then goes on where the parent was', async () => {
    const el = await expiredOnStep1();
    await expect(el).to.be.accessible();
    const login = inner(el, 'reinscription-login');
    type(control(login, 'Identifiant'), DEMO_CREDENTIALS.identifier);
    type(control(login, 'Mot de passe'), DEMO_CREDENTIALS.password);
    button(login, 'Se connecter').click();
    await until(() => shown(el).includes('Étape 1 sur 6'), 'step 1 again');
    await until(() => shown(el).includes('Enregistré sur le serveur à'), 'the held write sent after the login');
    // The parent has not left step 1: no draft says they are on step 2.
    expect(mock.backend.store.students.get('gianni')?.draft ?? null, 'no draft of step 2').to.equal(null);
    // What was answered before the expiry is still there.
    const coordinates = await until(() => inner(el, 'reinscription-coordinates'), 'the form again');
    const bank = [...coordinates.querySelectorAll<HTMLInputElement>('input[type=radio]')].find((r) => r.checked && r.value === 'non');
    expect(bank, 'the bank-change answer').to.exist;
  });

  it('after an expiry, focus is in the login’s identifier, already typed', async () => {
    const el = await expiredOnStep1();
    const login = inner(el, 'reinscription-login');
    await until(() => login.activeElement === control(login, 'Identifiant'), 'focus in « Identifiant »');
    expect(control(login, 'Identifiant').value).to.equal(DEMO_CREDENTIALS.identifier);
    expect(control(login, 'Mot de passe').value, 'the password to type again').to.equal('');
  });

  it('shows a draft on the home as soon as the parent goes back to it', async () => {
    const el = await mount(API);
    await logIn(el);
    const card = (name: string) =>
      [...inner(el, 'reinscription-family-home').querySelectorAll('[part~="student"]')].find((c) => normalise(c.textContent).includes(name));
    expect(normalise(card('MOREAU Gianni')?.textContent)).to.include('À faire');
    button(inner(el, 'reinscription-family-home'), 'Je souhaite réinscrire MOREAU Gianni').click();
    await atStep(el, 1);
    await until(() => screen(el).querySelector('input'), 'the coordinates form');
    await confirmStep1(screen(el));
    next(el);
    await atStep(el, 2);
    button(shadow(el), "Retour à l'accueil").click();
    await until(() => card('MOREAU Gianni') && !normalise(card('MOREAU Gianni')?.textContent).includes('À faire'), 'the draft on the home');
  });

  it('shows one heading per step: the stepper’s', async () => {
    const el = await mount(API);
    await logIn(el);
    button(inner(el, 'reinscription-family-home'), 'Je souhaite réinscrire MOREAU Gianni').click();
    await atStep(el, 1);
    await until(() => screen(el).querySelector('h2'), 'the step');
    const visible = [shadow(el), screen(el)].flatMap((root) => [...root.querySelectorAll('h2')].filter((h) => h.getClientRects().length > 0));
    expect(visible.map((h) => normalise(h.textContent))).to.deep.equal(['Étape 1 sur 6 : Modification des coordonnées']);
  });

  it('from the home, adds the pieces of a file sent incomplete on a page of its own, and reopens its receipt', async () => {
    const gianni = mock.backend.store.students.get('gianni')!;
    gianni.status = 'envoyee-incomplete';
    gianni.submission = {
      reference: 'LIM-2027-000042',
      submittedAt: '2027-05-20T08:00:00.000Z',
      status: 'envoyee-incomplete',
      missingDocuments: ['responsabilite-civile'],
      receipt: { sent: false },
    };
    const el = await mount(API);
    await logIn(el);
    button(inner(el, 'reinscription-family-home'), 'Ajouter des pièces manquantes MOREAU Gianni').click();
    const later = await until(() => shadow(el).querySelector('reinscription-documents[data-screen="documents"]'), 'the pieces page');
    await until(() => normalise(shadow(later).textContent).includes('Ajouter des pièces : '), 'its own heading');
    expect(shown(el)).not.to.include("Passer à l'étape suivante");
    expect(normalise(shadow(later).textContent)).not.to.include('étape suivante');
    await expect(el).to.be.accessible();
    button(shadow(el), "Retour à l'accueil").click();
    button(await until(() => inner(el, 'reinscription-family-home'), 'the home'), 'Voir le récapitulatif MOREAU Gianni').click();
    await atStep(el, 6);
    await until(() => normalise(screen(el).textContent).includes('LIM-2027-000042'), 'the receipt with its reference');
    // The receipt carries the answers, not only the reference.
    expect(normalise(screen(el).textContent)).to.include('Voir vos réponses');
    expect(normalise(screen(el).textContent)).to.include('MOREAU');
  });

  it('tells the second child’s step 1 that the guardian’s details were confirmed for the first', async () => {
    const el = await mount(API);
    await logIn(el);
    await toRecap(el);
    button(shadow(el), "Retour à l'accueil").click();
    button(await until(() => inner(el, 'reinscription-family-home'), 'the home'), 'Je souhaite réinscrire MOREAU Lina').click();
    await atStep(el, 1);
    await until(() => normalise(screen(el).textContent).includes('Coordonnées du responsable confirmées pour MOREAU Gianni le '), 'the notice');
    await expect(el).to.be.accessible();
  });

  it('warns before the session ends and lets the parent extend it (RGAA 13.1)', async () => {
    const el = await mount(API);
    await logIn(el);
    const store = clientFor(API).session;
    const session = store.session!;
    // Two minutes left, as the server would say after a long pause on a step.
    store.set({ ...session, expiresAt: new Date(Date.now() + 2 * 60000).toISOString() });
    await until(() => /Votre session se termine dans [23] minutes/.test(shown(el)), 'the warning');
    await expect(el).to.be.accessible();
    button(shadow(el), 'Prolonger ma session').click();
    await until(() => shown(el).includes('Session prolongée.'), 'the extension');
    expect(shown(el)).not.to.include('Votre session se termine');
    expect(Date.parse(store.session!.expiresAt) - Date.now()).to.be.above(10 * 60000);
  });

  it('counts the session on the server’s clock: a device two hours ahead (another time zone set) keeps a fresh session, and its warning', async () => {
    mock.backend.store.setClock(new Date(Date.now() - 2 * 3600_000));
    const el = await mount(API);
    await logIn(el);
    expect(normalise(inner(el, 'reinscription-family-home').textContent)).to.include("Bonjour Mademoiselle D'AGOSTINO Lydie");
    expect(shown(el)).not.to.include('Votre session a expiré');
    const store = clientFor(API).session;
    // Two minutes left by the server's clock: two hours and two minutes in the past by the device's.
    store.set({
      ...store.session!,
      serverNow: mock.backend.store.now().toISOString(),
      expiresAt: new Date(mock.backend.store.now().getTime() + 2 * 60000).toISOString(),
    });
    await until(() => /Votre session se termine dans [23] minutes/.test(shown(el)), 'the warning');
    expect(shown(el)).not.to.include('Votre session a expiré');
  });

  it('warns before leaving the page only while something is not saved', async () => {
    const el = await mount(API);
    await logIn(el);
    // Read from the wizard: a synthetic beforeunload would also reach MSW, which stops mocking
    // for a page it believes is closing.
    const leave = () => el.hasUnsavedChanges;
    expect(leave(), 'nothing typed yet').to.equal(false);
    button(inner(el, 'reinscription-family-home'), 'Je souhaite réinscrire MOREAU Gianni').click();
    await atStep(el, 1);
    const coordinates = await until(() => inner(el, 'reinscription-coordinates'), 'the form');
    await confirmStep1(coordinates);
    expect(leave(), 'an answer not saved yet').to.equal(true);
    button(shadow(el), "Passer à l'étape suivante").click();
    await until(() => shown(el).includes('Enregistré sur le serveur à'), 'the draft saved');
    expect(leave(), 'everything saved').to.equal(false);
  });

  it('stays on step 1 when the server refuses a field, and names it', async () => {
    const el = await mount(API);
    await logIn(el);
    button(inner(el, 'reinscription-family-home'), 'Je souhaite réinscrire MOREAU Gianni').click();
    await atStep(el, 1);
    const coordinates = await until(() => inner(el, 'reinscription-coordinates'), 'the form');
    await confirmStep1(coordinates);
    mock.backend.scenarios.set('validation-error', { routes: ['updateFamily'], times: 1 });
    button(shadow(el), "Passer à l'étape suivante").click();
    // Said next to the field, and in the error summary, which takes focus.
    const refused = 'Le serveur du conservatoire a refusé « E-mail (Responsable) »';
    await until(() => normalise(description(coordinates, control(coordinates, 'E-mail'))).includes(refused), 'the refusal next to « E-mail »');
    expect(
      summaryLinks(coordinates).some((l) => l.startsWith(refused)),
      'in the error summary',
    ).to.equal(true);
    await until(() => coordinates.activeElement?.closest('.error-summary'), 'focus on the error summary');
    expect(shown(el)).to.include('Étape 1 sur 6');
    expect(shown(el)).not.to.include('Enregistré sur le serveur');
    await expect(el).to.be.accessible();
    button(shadow(el), "Passer à l'étape suivante").click();
    await until(() => shown(el).includes('Étape 2 sur 6'), 'step 2 once accepted');
  });
});
