/**
 * The widget's language: the `lang` attribute, else the page's `<html lang>`, French otherwise;
 * English loaded as a chunk of its own; a switch in place that keeps what was typed.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { ReinscriptionWizard } from '../../src/wizard/wizard.js';
import { DEMO_CREDENTIALS } from '../../src/mocks/seed.js';
import { setLocale } from '../../src/i18n/index.js';
import { button, control, inner, normalise, shadow, type, until } from '../helpers/dom.js';
import { atStep, logIn, screen, useMockBackend } from '../helpers/journey.js';

const API = '/api-wizard-language';
useMockBackend(API);

async function logInAs(el: ReinscriptionWizard): Promise<void> {
  const login = await until(() => {
    const root = inner(el, 'reinscription-login');
    return control(root, 'Username') && root;
  }, 'the English login');
  type(control(login, 'Username'), DEMO_CREDENTIALS.identifier);
  type(control(login, 'Password'), DEMO_CREDENTIALS.password);
  button(login, 'Sign in').click();
  await until(() => normalise(inner(el, 'reinscription-family-home').textContent).includes('Hello'), 'the English home');
}

const contentLang = (el: ReinscriptionWizard) => shadow(el).querySelector('[lang]')?.getAttribute('lang');

describe('<reinscription-wizard> language', () => {
  const pageLang = document.documentElement.lang;
  afterEach(() => {
    document.documentElement.lang = pageLang;
    setLocale('fr');
  });

  it('is French by default, said on its content', async () => {
    document.documentElement.lang = '';
    const el = await fixture<ReinscriptionWizard>(html`<reinscription-wizard api-url=${API}></reinscription-wizard>`);
    const login = await until(() => inner(el, 'reinscription-login'), 'the login');
    expect(control(login, 'Identifiant')).to.exist;
    expect(contentLang(el)).to.equal('fr');
  });

  it('lang="en" shows the login, the home and its errors in English', async () => {
    const el = await fixture<ReinscriptionWizard>(html`<reinscription-wizard api-url=${API} lang="en"></reinscription-wizard>`);
    const login = await until(() => {
      const root = inner(el, 'reinscription-login');
      return control(root, 'Username') && root;
    }, 'the English login');
    expect(contentLang(el)).to.equal('en');
    button(login, 'Sign in').click();
    await until(() => normalise(login.textContent).includes('Enter your username'), 'an English error');
    type(control(login, 'Username'), DEMO_CREDENTIALS.identifier);
    type(control(login, 'Password'), DEMO_CREDENTIALS.password);
    button(login, 'Sign in').click();
    await until(() => normalise(inner(el, 'reinscription-family-home').textContent).includes('Hello'), 'the English home');
    await expect(el).to.be.accessible();
  });

  it('in English, the campaign’s texts are the translated ones, and those left in French say lang="fr"', async () => {
    const el = await fixture<ReinscriptionWizard>(html`<reinscription-wizard api-url=${API} lang="en"></reinscription-wizard>`);
    await logInAs(el);
    button(inner(el, 'reinscription-family-home'), 'Re-register MOREAU Gianni').click();
    await until(() => normalise(shadow(el).textContent).includes('Step 1 of 6'), 'step 1 in English');
    const coordinates = await until(() => inner(el, 'reinscription-coordinates'), 'step 1');
    await until(() => normalise(coordinates.textContent).includes('Direct debit in 9 instalments'), 'the translated payment mode');
    const notes = [...coordinates.querySelectorAll('[lang="fr"]')].map((n) => normalise(n.textContent));
    expect(
      notes.some((n) => n.startsWith('Concernant le paiement')),
      'the untranslated payment notes, lang="fr"',
    ).to.equal(true);
  });

  it('follows the page’s <html lang="en-GB"> when it has no lang of its own', async () => {
    document.documentElement.lang = 'en-GB';
    const el = await fixture<ReinscriptionWizard>(html`<reinscription-wizard api-url=${API}></reinscription-wizard>`);
    await until(() => control(inner(el, 'reinscription-login'), 'Username'), 'the English login');
    expect(contentLang(el)).to.equal('en');
  });

  it('a page in a language it does not speak gets French, marked lang="fr"', async () => {
    document.documentElement.lang = 'de';
    const el = await fixture<ReinscriptionWizard>(html`<reinscription-wizard api-url=${API}></reinscription-wizard>`);
    await until(() => control(inner(el, 'reinscription-login'), 'Identifiant'), 'the French login');
    expect(contentLang(el)).to.equal('fr');
  });

  it('the language switch changes the language in place and keeps what was typed', async () => {
    document.documentElement.lang = 'fr';
    const el = await fixture<ReinscriptionWizard>(html`<reinscription-wizard api-url=${API} language-switch></reinscription-wizard>`);
    const login = await until(() => inner(el, 'reinscription-login'), 'the login');
    type(control(login, 'Identifiant'), 'famille.test');
    const toEnglish = button(shadow(el), 'English');
    expect(toEnglish.lang).to.equal('en');
    toEnglish.click();
    await until(() => control(login, 'Username'), 'the English login');
    expect(control(login, 'Username').value).to.equal('famille.test');
    await expect(el).to.be.accessible();
    button(shadow(el), 'Français').click();
    await until(() => control(login, 'Identifiant'), 'back in French');
    expect(control(login, 'Identifiant').value).to.equal('famille.test');
  });

  it('the language switch on step 1 keeps what was typed in a field, in either language', async () => {
    document.documentElement.lang = 'fr';
    const el = await fixture<ReinscriptionWizard>(html`<reinscription-wizard api-url=${API} language-switch></reinscription-wizard>`);
    await logIn(el);
    button(inner(el, 'reinscription-family-home'), 'Je souhaite réinscrire MOREAU Gianni').click();
    await atStep(el, 1);
    // The label names the campaign's year, which the test need not know.
    const school = (start: string) => {
      const label = [...screen(el).querySelectorAll('label')].find((l) => normalise(l.textContent).startsWith(start));
      if (!(label?.control instanceof HTMLInputElement)) throw new Error(`No field « ${start}… »`);
      return label.control;
    };
    await until(() => school('Établissement scolaire en '), 'the school field of step 1');
    type(school('Établissement scolaire en '), 'Collège Jean Moulin');
    button(shadow(el), 'English').click();
    await until(() => school('School in '), 'step 1 in English');
    expect(normalise(shadow(el).textContent)).to.include('Step 1 of 6');
    expect(school('School in ').value).to.equal('Collège Jean Moulin');
    button(shadow(el), 'Français').click();
    await until(() => school('Établissement scolaire en '), 'step 1 back in French');
    expect(school('Établissement scolaire en ').value).to.equal('Collège Jean Moulin');
  });
});
