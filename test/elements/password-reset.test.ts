import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { ApiClient } from '../../src/api/client.js';
import * as dom from '../helpers/dom.js';
import { FAULTS } from '../helpers/faults.js';
import type { ReinscriptionLogin } from '../../src/elements/login/login.js';
import '../../src/elements/login/login.js';
import type { ReinscriptionPasswordReset } from '../../src/elements/password-reset/password-reset.js';
import '../../src/elements/password-reset/password-reset.js';
import { t } from '../../src/i18n/index.js';
import { startMockBackend, type MockBackend } from '../../src/mocks/browser.js';
import { DEMO_CREDENTIALS } from '../../src/mocks/seed.js';

const API = '/api-reset-test';
const CONTACT = 'conservatoire@limonest.fr';
const CONFIRMATION =
  "Si l'identifiant et l'adresse e-mail correspondent à un compte, un nouveau mot de passe vient d'être envoyé à cette adresse. Il remplace l'ancien. Pensez à vérifier vos courriers indésirables.";

// ------------------------------------------------------------ finding things as a user does

// The shared finders (test/helpers/dom.ts) take a shadow root; these tests hold the element.
const field = (el: HTMLElement, labelText: string) => dom.control(dom.shadow(el), labelText);
const button = (el: HTMLElement, text: string) => dom.button(dom.shadow(el), text);
const description = (el: HTMLElement, input: HTMLInputElement) => dom.description(dom.shadow(el), input);
const summaryLinks = (el: HTMLElement) => dom.summaryLinks(dom.shadow(el));
const root = (el: HTMLElement) => dom.shadow(el);
const { normalise, type } = dom;
const alertText = (el: HTMLElement) => normalise(root(el).querySelector('[role="alert"]')?.textContent);
const statusText = (el: HTMLElement) => normalise(root(el).querySelector('[role="status"]')?.textContent);

// ------------------------------------------------------------ setup

function spyClient(options: { timeoutMs?: number } = {}) {
  const calls: string[] = [];
  const client = new ApiClient(API, {
    timeoutMs: options.timeoutMs,
    fetch: (input, init) => {
      calls.push(String(input));
      return fetch(input, init);
    },
  });
  return { client, calls };
}

async function resetElement(client: ApiClient, identifier = ''): Promise<ReinscriptionPasswordReset> {
  const el = await fixture<ReinscriptionPasswordReset>(
    html`<reinscription-password-reset .client=${client} contact-email=${CONTACT} .identifier=${identifier}></reinscription-password-reset>`,
  );
  await el.updateComplete;
  return el;
}

async function fill(el: ReinscriptionPasswordReset, identifier: string, email: string): Promise<void> {
  type(field(el, 'Identifiant'), identifier);
  type(field(el, 'E-mail'), email);
  await el.updateComplete;
}

async function sendAndWaitForConfirmation(el: ReinscriptionPasswordReset): Promise<void> {
  button(el, 'Valider').click();
  await dom.until(() => statusText(el) !== '', 'no confirmation shown');
  await el.updateComplete;
}

/** Logs in through the real login element; resolves to the message shown, or 'logged-in'. */
async function tryLogin(client: ApiClient, password: string): Promise<string> {
  const login = await fixture<ReinscriptionLogin>(html`<reinscription-login .client=${client}></reinscription-login>`);
  type(field(login, 'Identifiant'), DEMO_CREDENTIALS.identifier);
  type(field(login, 'Mot de passe'), password);
  await login.updateComplete;
  let loggedIn = false;
  login.addEventListener('reinscription-logged-in', () => (loggedIn = true));
  button(login, 'Se connecter').click();
  await dom.until(() => loggedIn || alertText(login) !== '', 'login gave no answer');
  return loggedIn ? 'logged-in' : alertText(login);
}

describe('<reinscription-password-reset>', () => {
  let mock: MockBackend;

  before(async () => {
    mock = await startMockBackend({ baseUrl: API });
  });
  after(() => mock.stop());
  afterEach(() => {
    mock.scenarios.reset();
    mock.store.reset();
    new ApiClient(API).session.clear();
  });

  it('explains what happens, with labelled fields and « Valider », without taking focus', async () => {
    const el = await resetElement(spyClient().client, 'LIMONEST-0001');
    expect(normalise(root(el).querySelector('h2')?.textContent)).to.equal('Mot de passe perdu');
    expect(normalise(root(el).textContent)).to.contain(
      "Saisissez votre identifiant et l'adresse e-mail donnée au conservatoire. Un nouveau mot de passe vous sera envoyé par e-mail ; l'ancien ne fonctionnera plus.",
    );
    expect(field(el, 'Identifiant').value).to.equal('LIMONEST-0001');
    expect(field(el, 'Identifiant').getAttribute('autocomplete')).to.equal('username');
    const email = field(el, 'E-mail');
    expect(email.type).to.equal('email');
    expect(email.getAttribute('autocomplete')).to.equal('email');
    expect(email.getAttribute('inputmode')).to.equal('email');
    expect(email.getAttribute('spellcheck')).to.equal('false');
    expect(button(el, 'Valider').type).to.equal('submit');
    expect(root(el).querySelector('form')?.noValidate).to.equal(true);
    expect(root(el).activeElement).to.equal(null);
    el.focusHeading();
    expect(root(el).activeElement?.tagName).to.equal('H2');
    await expect(el).to.be.accessible();
  });

  it('empty fields: one message per field, a focused error summary, and no request', async () => {
    const { client, calls } = spyClient();
    const el = await resetElement(client);
    button(el, 'Valider').click();
    await el.updateComplete;

    const identifier = field(el, 'Identifiant');
    const email = field(el, 'E-mail');
    expect(identifier.getAttribute('aria-invalid')).to.equal('true');
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect(description(el, identifier)).to.equal('Erreur : Saisissez votre identifiant');
    expect(description(el, email)).to.equal('Erreur : Saisissez votre adresse e-mail');
    expect(summaryLinks(el)).to.deep.equal(['Saisissez votre identifiant', 'Saisissez votre adresse e-mail']);
    expect(root(el).activeElement?.classList.contains('error-summary')).to.equal(true);
    expect(calls).to.have.length(0);
    await expect(el).to.be.accessible();

    type(identifier, 'LIMONEST-0001');
    await el.updateComplete;
    expect(field(el, 'Identifiant').getAttribute('aria-invalid')).to.equal('false');
    expect(summaryLinks(el)).to.deep.equal(['Saisissez votre adresse e-mail']);
  });

  it('an e-mail without the shape x@y.z asks for a complete address, and clears once it is one', async () => {
    const { client, calls } = spyClient();
    const el = await resetElement(client);
    await fill(el, 'LIMONEST-0001', 'lydie.dagostino@example');
    button(el, 'Valider').click();
    await el.updateComplete;

    const email = field(el, 'E-mail');
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect(description(el, email)).to.equal('Erreur : Saisissez une adresse e-mail complète, par exemple nom@exemple.fr');
    expect(summaryLinks(el)).to.deep.equal(['Saisissez une adresse e-mail complète, par exemple nom@exemple.fr']);
    expect(field(el, 'Identifiant').getAttribute('aria-invalid')).to.equal('false');
    expect(calls).to.have.length(0);
    await expect(el).to.be.accessible();

    type(email, 'lydie.dagostino@example.fr');
    await el.updateComplete;
    expect(field(el, 'E-mail').getAttribute('aria-invalid')).to.equal('false');
    expect(root(el).querySelector('.error-summary')).to.equal(null);
  });

  it('shows the same confirmation for a real pair and for an unknown one, and focuses it', async () => {
    const real = await resetElement(spyClient().client);
    await fill(real, ` ${DEMO_CREDENTIALS.identifier} `, ` ${DEMO_CREDENTIALS.email} `);
    await sendAndWaitForConfirmation(real);
    expect(statusText(real)).to.equal(CONFIRMATION);
    const confirmation = root(real).querySelector('[role="status"]');
    expect(root(real).activeElement).to.equal(confirmation);
    expect(mock.store.outbox).to.have.length(1);
    await expect(real).to.be.accessible();

    const unknown = await resetElement(spyClient().client);
    await fill(unknown, 'LIMONEST-9999', 'personne@example.fr');
    await sendAndWaitForConfirmation(unknown);
    expect(statusText(unknown)).to.equal(statusText(real));
    expect(normalise(root(unknown).textContent)).to.equal(normalise(root(real).textContent));
    expect(mock.store.outbox).to.have.length(1);
  });

  it('the old password stops working and the one sent by e-mail works', async () => {
    const client = spyClient().client;
    expect(await tryLogin(client, DEMO_CREDENTIALS.password)).to.equal('logged-in');
    client.session.clear();

    const el = await resetElement(client);
    await fill(el, DEMO_CREDENTIALS.identifier, DEMO_CREDENTIALS.email);
    await sendAndWaitForConfirmation(el);
    const mail = mock.store.outbox.at(-1);
    expect(mail?.to).to.equal(DEMO_CREDENTIALS.email);

    expect(await tryLogin(client, DEMO_CREDENTIALS.password)).to.equal(normalise(t('login.invalidCredentials')));
    expect(await tryLogin(client, mail!.password)).to.equal('logged-in');
  });

  it('« Retour à la connexion » fires reinscription-back-to-login with the identifier, before and after sending', async () => {
    const { client, calls } = spyClient();
    const el = await resetElement(client, 'LIMONEST-0001');
    let back = oneEvent(el, 'reinscription-back-to-login');
    button(el, 'Retour à la connexion').click();
    let event = await back;
    expect(event.detail).to.deep.equal({ identifier: 'LIMONEST-0001' });
    expect(event.composed).to.equal(true);
    expect(calls).to.have.length(0);

    type(field(el, 'E-mail'), DEMO_CREDENTIALS.email);
    await el.updateComplete;
    await sendAndWaitForConfirmation(el);
    back = oneEvent(el, 'reinscription-back-to-login');
    button(el, 'Retour à la connexion').click();
    event = await back;
    expect(event.detail).to.deep.equal({ identifier: 'LIMONEST-0001' });
  });

  for (const fault of FAULTS) {
    it(`${fault.scenario}: explains in French, with the contact e-mail, and keeps what was typed`, async () => {
      const { client } = spyClient({ timeoutMs: 'timeoutMs' in fault ? fault.timeoutMs : undefined });
      const el = await resetElement(client);
      await fill(el, DEMO_CREDENTIALS.identifier, DEMO_CREDENTIALS.email);
      mock.scenarios.set(fault.scenario, { routes: ['passwordReset'] });
      button(el, 'Valider').click();
      await dom.until(() => alertText(el) !== '', 'no alert shown');
      await el.updateComplete;

      expect(alertText(el)).to.contain(normalise(fault.message()));
      expect(alertText(el)).to.contain(CONTACT);
      expect(statusText(el)).to.equal('');
      expect(field(el, 'Identifiant').value).to.equal(DEMO_CREDENTIALS.identifier);
      expect(field(el, 'E-mail').value).to.equal(DEMO_CREDENTIALS.email);
      expect(button(el, 'Valider').getAttribute('aria-disabled')).to.equal('false');
      await expect(el).to.be.accessible();
    });
  }
});
