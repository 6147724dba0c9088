import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { ApiClient } from '../../src/api/client.js';
import * as dom from '../helpers/dom.js';
import { FAULTS } from '../helpers/faults.js';
import type { ReinscriptionLogin } from '../../src/elements/login/login.js';
import '../../src/elements/login/login.js';
import { t } from '../../src/i18n/index.js';
import { startMockBackend, type MockBackend } from '../../src/mocks/browser.js';
import { RETRY_AFTER_SECONDS } from '../../src/mocks/scenarios.js';
import { DEMO_CREDENTIALS } from '../../src/mocks/seed.js';

const API = '/api-login-test';
const CONTACT = 'conservatoire@limonest.fr';

// ------------------------------------------------------------ finding things as a user does

// The shared finders (test/helpers/dom.ts) take a shadow root; these tests hold the element.
const field = (el: HTMLElement, labelText: string) => dom.control(dom.shadow(el), labelText);
const button = (el: HTMLElement, text: string) => dom.button(dom.shadow(el), text);
const queryButton = (el: HTMLElement, text: string) => dom.queryButton(dom.shadow(el), text);
const description = (el: HTMLElement, input: HTMLInputElement) => dom.description(dom.shadow(el), input);
const summaryLinks = (el: HTMLElement) => dom.summaryLinks(dom.shadow(el));
const root = (el: HTMLElement) => dom.shadow(el);
const { normalise, type } = dom;
const alertText = (el: HTMLElement) => normalise(root(el).querySelector('[role="alert"]')?.textContent);

// ------------------------------------------------------------ setup

/** A client whose requests are counted; `hold` keeps them waiting until `release` is called. */
function spyClient(options: { timeoutMs?: number; hold?: boolean } = {}) {
  const calls: string[] = [];
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const client = new ApiClient(API, {
    timeoutMs: options.timeoutMs,
    fetch: async (input, init) => {
      calls.push(String(input));
      if (options.hold) await gate;
      return fetch(input, init);
    },
  });
  return { client, calls, release };
}

async function loginElement(client: ApiClient, identifier = ''): Promise<ReinscriptionLogin> {
  const el = await fixture<ReinscriptionLogin>(
    html`<reinscription-login .client=${client} contact-email=${CONTACT} .identifier=${identifier}></reinscription-login>`,
  );
  await el.updateComplete;
  return el;
}

async function typeCredentials(el: ReinscriptionLogin, identifier: string, password: string): Promise<void> {
  type(field(el, 'Identifiant'), identifier);
  type(field(el, 'Mot de passe'), password);
  await el.updateComplete;
}

describe('<reinscription-login>', () => {
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

  it('shows a heading, two labelled fields and the two buttons, without taking focus', async () => {
    const { client } = spyClient();
    const el = await loginElement(client);
    expect(normalise(root(el).querySelector('h2')?.textContent)).to.equal('Connexion à votre espace famille');
    const identifier = field(el, 'Identifiant');
    const password = field(el, 'Mot de passe');
    expect(identifier.getAttribute('autocomplete')).to.equal('username');
    expect(identifier.getAttribute('autocapitalize')).to.equal('off');
    expect(identifier.getAttribute('spellcheck')).to.equal('false');
    expect(password.type).to.equal('password');
    expect(password.getAttribute('autocomplete')).to.equal('current-password');
    expect(button(el, 'Se connecter').type).to.equal('submit');
    expect(button(el, 'Mot de passe perdu ?').type).to.equal('button');
    expect(root(el).querySelector('form')?.noValidate).to.equal(true);
    expect(root(el).activeElement).to.equal(null);
    expect(document.activeElement).not.to.equal(el);
    await expect(el).to.be.accessible();
  });

  it('focusHeading() moves focus to the heading', async () => {
    const el = await loginElement(spyClient().client);
    el.focusHeading();
    expect(root(el).activeElement?.tagName).to.equal('H2');
  });

  it('logs in with the right credentials, trims the identifier and fires reinscription-logged-in', async () => {
    const { client, calls } = spyClient();
    const el = await loginElement(client);
    await typeCredentials(el, `  ${DEMO_CREDENTIALS.identifier} `, DEMO_CREDENTIALS.password);
    const loggedIn = oneEvent(el, 'reinscription-logged-in');
    button(el, 'Se connecter').click();
    const event = await loggedIn;
    expect(event.bubbles).to.equal(true);
    expect(event.composed).to.equal(true);
    expect(Number.isNaN(Date.parse(event.detail.expiresAt))).to.equal(false);
    expect(event.detail.identifier).to.equal(DEMO_CREDENTIALS.identifier);
    expect(client.session.token).to.be.a('string');
    expect(calls).to.have.length(1);
    await el.updateComplete;
    expect(field(el, 'Mot de passe').value).to.equal('');
    expect(alertText(el)).to.equal('');
  });

  it('works standalone from the api-url attribute', async () => {
    const el = await fixture<ReinscriptionLogin>(html`<reinscription-login api-url=${API}></reinscription-login>`);
    await typeCredentials(el, DEMO_CREDENTIALS.identifier, DEMO_CREDENTIALS.password);
    const loggedIn = oneEvent(el, 'reinscription-logged-in');
    button(el, 'Se connecter').click();
    expect((await loggedIn).detail.expiresAt).to.be.a('string');
  });

  it('empty fields: one message per field, a focused error summary, and no request', async () => {
    const { client, calls } = spyClient();
    const el = await loginElement(client);
    await expect(el).to.be.accessible();
    button(el, 'Se connecter').click();
    await el.updateComplete;

    const identifier = field(el, 'Identifiant');
    const password = field(el, 'Mot de passe');
    expect(identifier.getAttribute('aria-invalid')).to.equal('true');
    expect(password.getAttribute('aria-invalid')).to.equal('true');
    expect(description(el, identifier)).to.equal('Erreur : Saisissez votre identifiant');
    expect(description(el, password)).to.equal('Erreur : Saisissez votre mot de passe');
    expect(summaryLinks(el)).to.deep.equal(['Saisissez votre identifiant', 'Saisissez votre mot de passe']);
    expect(root(el).activeElement?.classList.contains('error-summary')).to.equal(true);
    expect(normalise(root(el).activeElement?.querySelector('h2')?.textContent)).to.equal('Il y a un problème');
    expect(calls).to.have.length(0);
    await expect(el).to.be.accessible();

    // A summary link takes the user to the field.
    [...root(el).querySelectorAll<HTMLAnchorElement>('.error-summary a')][1]!.click();
    expect(root(el).activeElement).to.equal(password);
  });

  it('a field in error clears as soon as it is corrected, the other stays flagged', async () => {
    const { client, calls } = spyClient();
    const el = await loginElement(client);
    button(el, 'Se connecter').click();
    await el.updateComplete;

    type(field(el, 'Identifiant'), 'LIMONEST-0001');
    await el.updateComplete;
    expect(field(el, 'Identifiant').getAttribute('aria-invalid')).to.equal('false');
    expect(field(el, 'Identifiant').hasAttribute('aria-describedby')).to.equal(false);
    expect(field(el, 'Mot de passe').getAttribute('aria-invalid')).to.equal('true');
    expect(summaryLinks(el)).to.deep.equal(['Saisissez votre mot de passe']);

    // Spaces alone are not an identifier.
    type(field(el, 'Identifiant'), '   ');
    await el.updateComplete;
    button(el, 'Se connecter').click();
    await el.updateComplete;
    expect(description(el, field(el, 'Identifiant'))).to.equal('Erreur : Saisissez votre identifiant');
    expect(calls).to.have.length(0);
  });

  it('while sending, the button says « Connexion… » and a second submit is ignored', async () => {
    const { client, calls, release } = spyClient({ hold: true });
    const el = await loginElement(client);
    await typeCredentials(el, DEMO_CREDENTIALS.identifier, DEMO_CREDENTIALS.password);
    button(el, 'Se connecter').click();
    await el.updateComplete;
    const busy = button(el, 'Connexion…');
    expect(busy.getAttribute('aria-disabled')).to.equal('true');
    busy.click();
    root(el).querySelector('form')!.requestSubmit();
    await aTimeout(50);
    expect(calls).to.have.length(1);

    const loggedIn = oneEvent(el, 'reinscription-logged-in');
    release();
    await loggedIn;
    await el.updateComplete;
    expect(button(el, 'Se connecter').getAttribute('aria-disabled')).to.equal('false');
    expect(calls).to.have.length(1);
  });

  it('wrong credentials: one generic message, password cleared and focused, identifier kept', async () => {
    const { client } = spyClient();
    const el = await loginElement(client);
    await typeCredentials(el, DEMO_CREDENTIALS.identifier, 'pas-le-bon');
    button(el, 'Se connecter').click();
    await dom.until(() => alertText(el) !== '', 'no alert shown');
    await el.updateComplete;

    expect(alertText(el)).to.equal('Identifiant ou mot de passe incorrect. Vérifiez-les, ou demandez un nouveau mot de passe avec « Mot de passe perdu ? ».');
    expect(field(el, 'Mot de passe').value).to.equal('');
    expect(field(el, 'Identifiant').value).to.equal(DEMO_CREDENTIALS.identifier);
    expect(root(el).activeElement).to.equal(field(el, 'Mot de passe'));
    expect(client.session.token).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('an unknown identifier gets exactly the same message as a wrong password', async () => {
    const el = await loginElement(spyClient().client);
    await typeCredentials(el, 'LIMONEST-9999', DEMO_CREDENTIALS.password);
    button(el, 'Se connecter').click();
    await dom.until(() => alertText(el) !== '', 'no alert shown');
    expect(alertText(el)).to.equal(normalise(t('login.invalidCredentials')));
  });

  for (const fault of FAULTS) {
    it(`${fault.scenario}: explains in French, with the contact e-mail, and keeps identifier and password`, async () => {
      const { client } = spyClient({ timeoutMs: 'timeoutMs' in fault ? fault.timeoutMs : undefined });
      const el = await loginElement(client);
      await typeCredentials(el, DEMO_CREDENTIALS.identifier, DEMO_CREDENTIALS.password);
      mock.scenarios.set(fault.scenario, { routes: ['login'] });
      button(el, 'Se connecter').click();
      await dom.until(() => alertText(el) !== '', 'no alert shown');
      await el.updateComplete;

      expect(alertText(el)).to.contain(normalise(fault.message()));
      expect(alertText(el)).to.contain(CONTACT);
      if (fault.scenario === 'rate-limited') expect(alertText(el)).to.contain(`${RETRY_AFTER_SECONDS} secondes`);
      expect(field(el, 'Identifiant').value).to.equal(DEMO_CREDENTIALS.identifier);
      expect(field(el, 'Mot de passe').value).to.equal(DEMO_CREDENTIALS.password);
      expect(queryButton(el, 'Se connecter')).to.exist;
      await expect(el).to.be.accessible();
    });
  }

  it('after a fault, trying again logs in without retyping', async () => {
    const el = await loginElement(spyClient().client);
    await typeCredentials(el, DEMO_CREDENTIALS.identifier, DEMO_CREDENTIALS.password);
    mock.scenarios.set('server-error', { routes: ['login'], times: 1 });
    button(el, 'Se connecter').click();
    await dom.until(() => alertText(el) !== '', 'no alert shown');
    const loggedIn = oneEvent(el, 'reinscription-logged-in');
    button(el, 'Se connecter').click();
    await loggedIn;
    await el.updateComplete;
    expect(alertText(el)).to.equal('');
  });

  it('the show/hide button toggles the password and says so politely', async () => {
    const el = await loginElement(spyClient().client);
    const password = field(el, 'Mot de passe');
    type(password, 'collé depuis un e-mail');
    await el.updateComplete;

    button(el, 'Afficher le mot de passe').click();
    await el.updateComplete;
    expect(field(el, 'Mot de passe').type).to.equal('text');
    expect(field(el, 'Mot de passe').value).to.equal('collé depuis un e-mail');
    expect(normalise(root(el).querySelector('[role="status"]')?.textContent)).to.equal('Le mot de passe est affiché.');
    await expect(el).to.be.accessible();

    button(el, 'Masquer le mot de passe').click();
    await el.updateComplete;
    expect(field(el, 'Mot de passe').type).to.equal('password');
    expect(normalise(root(el).querySelector('[role="status"]')?.textContent)).to.equal('Le mot de passe est masqué.');
  });

  it('« Mot de passe perdu ? » fires reinscription-forgot-password with the identifier typed', async () => {
    const { client, calls } = spyClient();
    const el = await loginElement(client);
    type(field(el, 'Identifiant'), 'LIMONEST-0001 ');
    await el.updateComplete;
    const forgot = oneEvent(el, 'reinscription-forgot-password');
    button(el, 'Mot de passe perdu ?').click();
    const event = await forgot;
    expect(event.detail).to.deep.equal({ identifier: 'LIMONEST-0001' });
    expect(event.composed).to.equal(true);
    expect(calls).to.have.length(0);
  });

  it('shows the identifier it was given', async () => {
    const el = await loginElement(spyClient().client, 'LIMONEST-0001');
    expect(field(el, 'Identifiant').value).to.equal('LIMONEST-0001');
  });
});
