/**
 * The whole journey, from the login to the confirmation, with the keyboard alone: real key presses
 * sent by the browser's automation (Tab, Shift+Tab, Enter, Space, ArrowDown in radio groups, text
 * typed), never .click() nor .value. Each element that takes focus shows it (2 px at least, 3:1
 * against what is behind it), and focus is never lost: it goes to the step's heading on each new
 * step, to the error summary when « Passer à l'étape suivante » fails, back to the control that
 * opened a confirmation once it is cancelled, and to the identifier (already typed) after the
 * session expired.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ReinscriptionWizard } from '../../src/wizard/wizard.js';
import { applyFixture } from '../../src/mocks/fixtures.js';
import { DEMO_CREDENTIALS } from '../../src/mocks/seed.js';
import { button, normalise, shadow, until } from '../helpers/dom.js';
import { accept, atStep, confirmStep1, loggedIn, mount, next as nextStep, screen, toRecap, useMockBackend } from '../helpers/journey.js';
import { deepActiveElement, describe as name, focusIndicators, visibleFocus } from '../helpers/a11y.js';
import { onStep1 } from './screens.js';

const API = '/api-a11y-keyboard';
const mock = useMockBackend(API);

/** Every key sent: presses, and each character typed. */
let keys = 0;
/** The elements that held focus and were checked for a visible indicator. */
let focusChecks = 0;

const focused = (): HTMLElement => {
  const el = deepActiveElement();
  if (!(el instanceof HTMLElement) || el === document.body) throw new Error(`Focus lost (on ${name(el)})`);
  return el;
};

/** As normalise does, and ’ read as ' whatever the catalogue's typography. */
const text = (el: Node | null | undefined) => normalise(el?.textContent).replace(/\u2019/g, "'");

/** The focused element shows it: a ring of 2 px or more, 3:1 against what is next to it. */
function expectVisibleFocus(el: HTMLElement): void {
  const found = focusIndicators(el);
  expect(visibleFocus(el), `focus indicator of ${name(el)}: ${JSON.stringify(found)}`).to.equal(true);
  focusChecks += 1;
}

async function press(key: 'Tab' | 'Enter' | 'Space' | 'ArrowDown'): Promise<void> {
  await sendKeys({ press: key });
  keys += 1;
}

async function shiftTab(): Promise<void> {
  await sendKeys({ down: 'Shift' });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ up: 'Shift' });
  keys += 1;
}

async function typeText(value: string): Promise<void> {
  await sendKeys({ type: value });
  keys += value.length;
}

/**
 * Tab (or Shift+Tab) until focus is on what `wanted` accepts; every stop on the way must show
 * its focus. Fails after `max` presses, so a control left out of the tab order is caught.
 */
async function tabTo(wanted: (el: HTMLElement) => boolean, what: string, { back = false, max = 60 } = {}): Promise<HTMLElement> {
  for (let i = 0; i < max; i += 1) {
    await (back ? shiftTab() : press('Tab'));
    const el = focused();
    expectVisibleFocus(el);
    if (wanted(el)) return el;
  }
  throw new Error(`${what} not reached in ${max} presses of ${back ? 'Shift+Tab' : 'Tab'} (focus on ${name(deepActiveElement())})`);
}

/** After an action, focus lands where `wanted` says (async: the wizard moves it once the screen is there). */
async function focusLandsOn(wanted: (el: HTMLElement) => boolean, what: string): Promise<HTMLElement> {
  const el = await until(() => {
    const active = deepActiveElement();
    return active instanceof HTMLElement && wanted(active) ? active : undefined;
  }, `focus on ${what}`).catch((error: Error) => {
    throw new Error(`${error.message} (it is on ${name(deepActiveElement())})`);
  });
  expectVisibleFocus(el);
  return el;
}

const isButton = (label: string | RegExp) => (el: HTMLElement) =>
  el instanceof HTMLButtonElement && (typeof label === 'string' ? text(el) === label : label.test(text(el)));
const isField = (id: string) => (el: HTMLElement) => el.id === id;
const isRadio = (group: string, value?: string) => (el: HTMLElement) =>
  el instanceof HTMLInputElement && el.type === 'radio' && el.name === group && (value === undefined || el.value === value);
const isStepHeading = (n: number) => (el: HTMLElement) => el.id === 'step-heading' && text(el).startsWith(`Étape ${n} sur 6`);
const inErrorSummary = (el: HTMLElement) => el.classList.contains('error-summary');
const next = isButton("Passer à l'étape suivante");

/** Enter on « Passer à l'étape suivante » with something missing: focus goes to the error summary. */
async function failedNext(button: (el: HTMLElement) => boolean = next): Promise<HTMLElement> {
  await tabTo(button, 'the step’s main button');
  await press('Enter');
  return focusLandsOn(inErrorSummary, 'the error summary');
}

/** Enter on the step's main button: focus goes to the heading of step `n`. */
async function moveOn(n: number, button: (el: HTMLElement) => boolean = next): Promise<void> {
  await tabTo(button, 'the step’s main button');
  await press('Enter');
  await focusLandsOn(isStepHeading(n), `« Étape ${n} sur 6 »`);
}

describe('the whole journey with the keyboard alone', () => {
  it('logs in, declines and cancels, fills steps 1 to 5, survives a session expiry, and sends', async function () {
    this.timeout(120000);
    keys = 0;
    focusChecks = 0;
    // A piece already on the server, so step 3 has one to delete (and not delete).
    applyFixture(mock.backend.store, 'documents-uploaded');
    const el: ReinscriptionWizard = await mount(API);
    await until(() => normalise(el.shadowRoot?.textContent).includes('conservatoire@limonest.fr'), 'the login with its contact e-mail');

    // ------------------------------------------------------------ the login
    await tabTo(isField('identifier'), '« Identifiant »');
    await failedNext(isButton('Se connecter'));
    // The summary's first link leads to the field.
    await press('Tab');
    expect(focused().localName, 'the summary’s first link').to.equal('a');
    expectVisibleFocus(focused());
    await press('Enter');
    await focusLandsOn(isField('identifier'), '« Identifiant »');
    await typeText(DEMO_CREDENTIALS.identifier);
    await tabTo(isField('password'), '« Mot de passe »');
    await typeText('pas le bon');
    await press('Enter');
    // Refused: the identifier stays, focus goes to the password to type again.
    await until(() => text(el.shadowRoot?.querySelector('reinscription-login')?.shadowRoot?.getElementById('login-error')), 'the refusal');
    await focusLandsOn(isField('password'), '« Mot de passe » again');
    await typeText(DEMO_CREDENTIALS.password);
    await press('Enter');
    const greeting = await focusLandsOn((h) => h.localName === 'h2' && text(h).startsWith('Bonjour'), 'the home’s greeting');
    expect(text(greeting)).to.include("D'AGOSTINO Lydie");

    // ------------------------------------------------------------ the home: a confirmation opened, then cancelled
    const decline = await tabTo(isButton('Je ne souhaite pas réinscrire MOREAU Lina'), '« Je ne souhaite pas réinscrire MOREAU Lina »');
    await press('Enter');
    await focusLandsOn((h) => h.id === 'decline-title', 'the decline panel’s title');
    await tabTo(isButton('Annuler'), '« Annuler »');
    await press('Space');
    const back = await focusLandsOn((b) => b.id === decline.id, 'the button that opened the panel');
    expect(back, 'the very same button').to.equal(decline);
    await tabTo(isButton('Je souhaite réinscrire MOREAU Gianni'), '« Je souhaite réinscrire MOREAU Gianni »', { back: true });
    await press('Enter');
    await focusLandsOn(isStepHeading(1), '« Étape 1 sur 6 »');

    // ------------------------------------------------------------ step 1
    await failedNext();
    await press('Tab');
    expect(text(focused()), 'the first error’s link').to.match(/à jour/);
    await press('Enter');
    await focusLandsOn(isRadio('upToDate', 'oui'), '« Oui » to « Ces informations sont-elles à jour ? »');
    await press('Space');
    expect((focused() as HTMLInputElement).checked, '« Oui » checked').to.equal(true);
    const same = await tabTo(isButton("Même établissement que l'an dernier"), '« Même établissement que l’an dernier »');
    const school = same.getRootNode() as ShadowRoot;
    await press('Enter');
    // The button goes once the school is filled in: focus stays in the field it filled.
    await focusLandsOn(isField('student-school'), '« Établissement scolaire »');
    expect((school.getElementById('student-school') as HTMLInputElement).value, 'the school filled in').to.not.equal('');
    const level = await tabTo(isField('student-schoolLevel'), '« Niveau scolaire »');
    // A closed list picks by typing the start of an option.
    await typeText('Quatr');
    await until(() => (level as HTMLSelectElement).selectedOptions[0]?.textContent?.trim() === 'Quatrième', '« Quatrième »');
    // A radio group: Tab reaches its first choice, an arrow moves to (and picks) the next.
    await tabTo(isRadio('bankChanged'), '« Avez-vous changé de compte bancaire ? »');
    await press('ArrowDown');
    const no = focused() as HTMLInputElement;
    expect([no.value, no.checked], '« Non » picked with the arrow').to.deep.equal(['non', true]);
    expectVisibleFocus(no);

    // The session ends as the parent moves on: the login shows, focus in the identifier, already typed.
    mock.backend.scenarios.set('session-expired', { routes: ['updateFamily'], times: 1 });
    await tabTo(next, '« Passer à l’étape suivante »');
    await press('Enter');
    const identifier = (await focusLandsOn(isField('identifier'), '« Identifiant » after the expiry')) as HTMLInputElement;
    expect(identifier.value, 'the identifier already typed').to.equal(DEMO_CREDENTIALS.identifier);
    await tabTo(isField('password'), '« Mot de passe » after the expiry');
    await typeText(DEMO_CREDENTIALS.password);
    await press('Enter');
    // Back on step 1 with everything answered: its heading says where the parent is.
    await focusLandsOn(isStepHeading(1), '« Étape 1 sur 6 » after logging in again');
    await moveOn(2);

    // ------------------------------------------------------------ step 2
    await failedNext();
    await tabTo(isRadio('authorisation-image'), '« Droit à l’image »');
    await press('Space');
    await tabTo(isRadio('authorisation-sortie'), '« Autorisation de sortie »');
    await press('ArrowDown');
    expect((focused() as HTMLInputElement).value, '« Non »').to.equal('non');
    await moveOn(3);

    // ------------------------------------------------------------ step 3: a deletion asked, then cancelled
    const remove = await tabTo(isButton(/^Supprimer/), '« Supprimer » of the piece already sent');
    await press('Enter');
    await focusLandsOn((p) => p.classList.contains('confirm-question'), '« Supprimer attestation-rc.pdf ? »');
    await tabTo(isButton('Annuler'), '« Annuler »');
    await press('Enter');
    await focusLandsOn((b) => b instanceof HTMLButtonElement && text(b) === text(remove), 'the « Supprimer » that asked');
    // Pieces can be sent later: the step lets the parent on without any.
    await moveOn(4);

    // ------------------------------------------------------------ step 4
    await tabTo(isField('additional-info'), '« Information complémentaire »');
    await typeText('FM le mercredi de préférence.');
    await moveOn(5);

    // ------------------------------------------------------------ step 5: the recap
    const submit = isButton('Valider');
    await failedNext(submit);
    await press('Tab');
    await press('Enter');
    const box = await focusLandsOn((b) => b instanceof HTMLInputElement && b.type === 'checkbox', '« J’accepte »');
    await press('Space');
    expect((box as HTMLInputElement).checked, '« J’accepte » checked').to.equal(true);
    await moveOn(6, submit);
    await until(() => text(screen(el).host.shadowRoot).includes('LIM-'), 'the reference of the file sent');

    console.log(`keyboard journey: ${keys} keys, ${focusChecks} focus indicators checked`);
    expect(mock.backend.store.submissions, 'sent').to.have.length(1);
  });
});

/**
 * Tab to the summary named `name`, then Enter opens its <details> and Enter again closes it: what
 * it holds is drawn only while it is open.
 */
async function togglesWithEnter(name: string | RegExp): Promise<void> {
  const summary = await tabTo((el) => el.localName === 'summary' && (typeof name === 'string' ? text(el) === name : name.test(text(el))), `« ${name} »`);
  const details = summary.parentElement as HTMLDetailsElement;
  const body = details.querySelector<HTMLElement>(':scope > :not(summary)')!;
  expect([details.open, body.checkVisibility()], 'closed at first').to.deep.equal([false, false]);
  await press('Enter');
  await until(() => details.open, `« ${name} » open`);
  expect(body.checkVisibility(), 'its content drawn').to.equal(true);
  expect(focused(), 'focus stays on the summary').to.equal(summary);
  await press('Enter');
  await until(() => !details.open, `« ${name} » closed again`);
}

describe('additional content opens with the keyboard alone (RGAA 12.11)', () => {
  it('« Lire le texte de l’autorisation » on step 2 opens and closes with Enter', async () => {
    const el = await onStep1(API);
    await confirmStep1(screen(el));
    nextStep(el);
    await atStep(el, 2);
    await focusLandsOn(isStepHeading(2), '« Étape 2 sur 6 »');
    await togglesWithEnter(/^Lire le texte de l'autorisation /);
  });

  it('« Voir vos réponses » on the confirmation opens and closes with Enter', async () => {
    const el = await loggedIn(API);
    await toRecap(el);
    await accept(el);
    button(shadow(el), 'Valider').click();
    await atStep(el, 6);
    await focusLandsOn(isStepHeading(6), '« Étape 6 sur 6 »');
    await togglesWithEnter('Voir vos réponses');
  });
});
