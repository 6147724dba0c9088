/**
 * Fuzzing every step's form through its real inputs: hostile values (test/helpers/hostile.ts) are
 * set on the inputs of the element's shadow root with `.value` and an `input` event (`checked`
 * and `change` for radios and checkboxes, `.value` and `change` for selects), as a paste or an
 * autofill does, never typed key by key; then the form is checked as the parent would make it be:
 * « Se connecter » and « Valider » pressed (with the mock backend), `validate()` called on a step.
 * `npm test` runs 200 values per form; `npm run fuzz` 1,000.
 *
 * For every run: nothing throws, nothing is logged with console.error, and each field shows
 * exactly the French message of the catalogue its schema gives for what the input holds, or
 * nothing when the value is accepted; markup typed anywhere is shown as text, never made elements.
 * Step 3 (documents) has no text input (its file inputs are fuzzed in test/files/); the recap's
 * only input is « J'accepte », fuzzed with hostile answers shown around it.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import fc from 'fast-check';
import { ApiClient } from '../../src/api/client.js';
import type { Campaign, FieldChange, RegistrationAnswers } from '../../src/api/contract.js';
import type { ReinscriptionAuthorisations } from '../../src/elements/authorisations/authorisations.js';
import type { CoordinatesOriginal, ReinscriptionCoordinates } from '../../src/elements/coordinates/coordinates.js';
import type { ReinscriptionCourses } from '../../src/elements/courses/courses.js';
import type { ReinscriptionRecap } from '../../src/elements/recap/recap.js';
import '../../src/elements/authorisations/authorisations.js';
import '../../src/elements/coordinates/coordinates.js';
import '../../src/elements/courses/courses.js';
import '../../src/elements/login/login.js';
import '../../src/elements/password-reset/password-reset.js';
import '../../src/elements/recap/recap.js';
import { t, type MessageId } from '../../src/i18n/index.js';
import { french } from '../../src/i18n/messages.js';
import { startMockBackend, type MockBackend } from '../../src/mocks/browser.js';
import { authorisationErrors } from '../../src/schemas/authorisations.js';
import { parseCoordinatesForm } from '../../src/schemas/coordinates.js';
import { additionalInfoError, administrativeErrors } from '../../src/schemas/courses.js';
import { loginErrors } from '../../src/schemas/login.js';
import { passwordResetErrors } from '../../src/schemas/password-reset.js';
import type { StepElement } from '../../src/wizard/step-contract.js';
import { campaign as coordinatesCampaign, original, TODAY } from '../fixtures/campaign.js';
import { answers, campaign, controlled, registration } from '../fixtures/steps.js';
import { normalise, shadow } from '../helpers/dom.js';
import { checkProperty, EMOJI, fuzzSettings, hostile, MARKUP, sendFigures, shown, type Outcome } from '../helpers/hostile.js';

const SETTINGS = fuzzSettings('formRuns', 200);
const API = '/api-forms-fuzz';

after(sendFigures);

const check = <T>(name: string, input: fc.Arbitrary<T>, body: (value: T) => Promise<Outcome>) =>
  checkProperty({ suite: 'element', name, ...SETTINGS }, input, body);

// ------------------------------------------------------------------ acting on the inputs

/** One task later: an unhandled rejection is reported by then. */
const task = () => new Promise((resolve) => setTimeout(resolve));

/** Waits for `condition`, a task at a time (the mock answers within a few). */
async function eventually(condition: () => boolean, what: string): Promise<void> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > 10_000) throw new Error(`Timed out waiting for ${what}`);
    await task();
  }
}

/** What a paste or an autofill does: the value set at once, then `input`. */
function fill(input: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** A radio or a checkbox set, then `change`. */
function tick(input: HTMLInputElement, checked = true): void {
  input.checked = checked;
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/** A list's value set (an option's, or anything: a value no option has leaves the list on none), then `change`. */
function choose(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/** The text inputs a parent can write in (not the read-only ones of the shared address). */
const writable = (root: ShadowRoot) =>
  [
    ...root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(
      'input[type="text"], input[type="email"], input[type="tel"], input[type="password"], textarea',
    ),
  ].filter((i) => !i.readOnly);

// ------------------------------------------------------------------ what the form shows

const PREFIX = t('common.errorPrefix');
/** Every French text the catalogue holds as is (those of a function are given their parameters below). */
const CATALOGUE = new Set(
  Object.values(french)
    .filter((m): m is string => typeof m === 'string')
    .map(normalise),
);

/** Each field's message as shown next to it, by field id (`x-error` is the message of `x`). */
function shownErrors(root: ShadowRoot): Record<string, string> {
  return Object.fromEntries(
    [...root.querySelectorAll<HTMLElement>('p.error[id$="-error"]')].map((p) => [
      p.id.replace(/-error$/, ''),
      normalise(p.textContent).replace(normalise(PREFIX), '').trim(),
    ]),
  );
}

/** The error summary's links: the same messages, each a text of the catalogue. */
const summaryTexts = (root: ShadowRoot) => [...root.querySelectorAll('.error-summary a')].map((a) => normalise(a.textContent));

/**
 * What a run must end with: exactly `expected` (field id → French text) next to the fields, each a
 * text of the catalogue (or one of `parameterised`, the texts of a function given their values),
 * the same in the summary, and no markup turned into elements.
 */
function expectShown(root: ShadowRoot, expected: Record<string, string>, parameterised: readonly string[] = []): void {
  const known = (text: string) => CATALOGUE.has(text) || parameterised.map(normalise).includes(text);
  const fields = shownErrors(root);
  expect(fields, 'the messages next to the fields').to.deep.equal(Object.fromEntries(Object.entries(expected).map(([id, text]) => [id, normalise(text)])));
  for (const [id, text] of Object.entries(fields)) expect(known(text), `${id}: « ${text} » is not a text of the catalogue`).to.equal(true);
  for (const text of summaryTexts(root)) expect(known(text), `summary: « ${text} » is not a text of the catalogue`).to.equal(true);
  expectNoMarkup(root);
}

/** Markup typed anywhere stays text: no element the widget did not write, no event-handler attribute. */
function expectNoMarkup(root: ShadowRoot): void {
  expect(root.querySelectorAll('img, script, iframe, object, embed').length, 'an element made of typed markup').to.equal(0);
  const handler = [...root.querySelectorAll('*')].find((e) => [...e.attributes].some((a) => a.name.startsWith('on')));
  expect(handler?.outerHTML.slice(0, 120), 'an event-handler attribute').to.equal(undefined);
}

const messages = (errors: Partial<Record<string, MessageId>>) => Object.fromEntries(Object.entries(errors).map(([id, m]) => [id, t(m as MessageId)]));

/** console.error, uncaught errors and unhandled rejections while a form is fuzzed: there must be none. */
function watchErrors(): { take(): string[]; stop(): void } {
  let seen: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => {
    seen.push(args.map(String).join(' '));
    original.apply(console, args);
  };
  const onError = (e: ErrorEvent) => seen.push(`uncaught: ${e.message}`);
  const onRejection = (e: PromiseRejectionEvent) => seen.push(`unhandled rejection: ${String(e.reason)}`);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    take: () => seen.splice(0),
    stop: () => {
      console.error = original;
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
      seen = [];
    },
  };
}

let errors: ReturnType<typeof watchErrors>;
beforeEach(() => (errors = watchErrors()));
afterEach(() => errors.stop());

/** Ends a run: whatever happened was said in French, nothing was thrown or logged. */
async function settled(el: HTMLElement & { updateComplete: Promise<boolean> }): Promise<void> {
  await el.updateComplete;
  await task();
  expect(errors.take(), 'console errors').to.deep.equal([]);
}

async function mount<T extends HTMLElement>(template: TemplateResult): Promise<T> {
  const el = await fixture<T>(template);
  await (el as unknown as { updateComplete: Promise<boolean> }).updateComplete;
  return el;
}

// ------------------------------------------------------------------ the values

const NAMES = ["D'AGOSTINO", 'N’Diaye', 'Jean-Marc', 'Nguyễn', '14 chemin du Puy-d’Or', 'Saint-Étienne', 'Marco MOREAU (père)'];
const PHONES = ['06 12 34 56 78', '+33 (0)6 12 34 56 78', '+41 79 123 45 67'];
const EMAILS = ['prenom.nom@exemple.fr', 'Lydie.DAgostino@Example.FR', 'x😀@y.fr'];
const OTHERS = ['69760', '69 760', 'SW1A 1AA', '14', '03', 'mars', '1985', '14/03/1985', ''];
const FIELD_VALUES = hostile([...NAMES, ...PHONES, ...EMAILS, ...OTHERS, ...MARKUP, ...EMOJI]);
const FREE_TEXT = hostile(['Il souhaite changer de professeur.', 'Ligne 1\nLigne 2\tfin', `Merci \u{1f64f} ${EMOJI[0]}`, 'Clarinette', 'mercredi', ...MARKUP]);

/** Which control to act on, among those shown then: an index taken modulo their number. */
const pick = fc.nat({ max: 1000 });

// ------------------------------------------------------------------ the first screens

describe(`fuzz: the forms of the first screens (${SETTINGS.runs} runs each)`, () => {
  let mock: MockBackend;
  before(async () => {
    mock = await startMockBackend({ baseUrl: API });
  });
  after(() => mock.stop());

  /** Presses the form's submit button, then waits for its answer (the button says « busy » meanwhile). */
  async function submit(el: HTMLElement & { updateComplete: Promise<boolean> }): Promise<void> {
    const button = shadow(el).querySelector<HTMLButtonElement>('button[type="submit"]');
    button?.click();
    await el.updateComplete;
    await eventually(() => shadow(el).querySelector('button[type="submit"]')?.getAttribute('aria-disabled') !== 'true', 'the answer');
  }

  it('<reinscription-login>: « Se connecter » with anything pasted in both fields', () => {
    const client = new ApiClient(API);
    return check(
      '<reinscription-login>',
      fc.tuple(hostile(['LIMONEST-0001', ' famille.dagostino ', ...NAMES]), hostile(['motdepasse', ' mot de passe '])),
      async ([id, password]) => {
        const el = await mount<HTMLElement & { updateComplete: Promise<boolean> }>(
          html`<reinscription-login .client=${client} contact-email="conservatoire@limonest.fr"></reinscription-login>`,
        );
        const root = shadow(el);
        const [identifierInput, passwordInput] = writable(root) as HTMLInputElement[];
        fill(identifierInput!, id);
        fill(passwordInput!, password);
        await el.updateComplete;
        const expected = messages(loginErrors({ identifier: identifierInput!.value, password: passwordInput!.value }));
        await submit(el);
        await settled(el);
        expectShown(root, expected);
        // Sent: refused by the server (no such family, or too long for it), said in an alert of ours.
        if (!Object.keys(expected).length)
          expect(normalise(root.querySelector('[role="alert"]')?.textContent), 'the server’s refusal, in French').to.not.equal('');
        el.remove();
        return Object.keys(expected).length ? 'refused' : 'accepted';
      },
    );
  });

  it('<reinscription-password-reset>: « Valider » with anything pasted in both fields', () => {
    const client = new ApiClient(API);
    return check('<reinscription-password-reset>', fc.tuple(hostile(['LIMONEST-0001', ...NAMES]), hostile(EMAILS)), async ([id, mail]) => {
      const el = await mount<HTMLElement & { updateComplete: Promise<boolean> }>(
        html`<reinscription-password-reset .client=${client} contact-email="conservatoire@limonest.fr"></reinscription-password-reset>`,
      );
      const root = shadow(el);
      const [identifierInput, emailInput] = writable(root) as HTMLInputElement[];
      fill(identifierInput!, id);
      fill(emailInput!, mail);
      await el.updateComplete;
      const errorsById = Object.entries(passwordResetErrors({ identifier: identifierInput!.value, email: emailInput!.value })).map(([f, m]) => [
        `reset-${f}`,
        m,
      ]);
      const expected = messages(Object.fromEntries(errorsById));
      await submit(el);
      await settled(el);
      expectShown(root, expected);
      if (!Object.keys(expected).length) {
        // Sent: the same answer whether or not the pair exists, or a refusal said in an alert.
        expect(normalise(root.querySelector('[role="status"], [role="alert"]')?.textContent), 'what happened, in French').to.not.equal('');
      }
      el.remove();
      return Object.keys(expected).length ? 'refused' : 'accepted';
    });
  });
});

// ------------------------------------------------------------------ the steps

describe(`fuzz: the steps' forms (${SETTINGS.runs} runs each)`, () => {
  /** Validates a step as the wizard does on « Passer à l'étape suivante », then lets it render. */
  async function validated(el: StepElement & { updateComplete: Promise<boolean> }): Promise<boolean> {
    const result = await el.validate();
    await settled(el);
    return result.ok;
  }

  it('<reinscription-coordinates> (step 1): any field, list, box or choice, then validate()', async () => {
    const c: Campaign = coordinatesCampaign();
    const o: CoordinatesOriginal = original();
    const el = await mount<ReinscriptionCoordinates>(
      html`<reinscription-coordinates .campaign=${c} .original=${o} today=${TODAY}></reinscription-coordinates>`,
    );
    const root = shadow(el);
    const prefilled = structuredClone(el.form!);
    // « Non » to « Ces informations sont-elles à jour ? » opens every block but the payment's, which
    // « Modifier » opens; this year's answers given, so that the form as it starts is valid.
    const start = {
      ...prefilled,
      confirmed: 'non' as const,
      bankChanged: 'non' as const,
      student: { ...prefilled.student, school: o.student.school, schoolLevel: o.student.schoolLevel },
    };
    expect(parseCoordinatesForm(start, c, { today: TODAY, original: o }).ok, 'the form as each run starts').to.equal(true);
    el.form = start;
    await el.updateComplete;
    [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => normalise(b.textContent) === 'Modifier le mode de règlement')?.click();
    await el.updateComplete;

    const edit = fc.oneof(
      { weight: 6, arbitrary: fc.record({ kind: fc.constant('text' as const), at: pick, value: FIELD_VALUES }) },
      { weight: 2, arbitrary: fc.record({ kind: fc.constant('list' as const), at: pick, option: pick, value: fc.oneof(fc.constant(null), FIELD_VALUES) }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('choice' as const), at: pick }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('box' as const), checked: fc.boolean() }) },
    );
    return check('<reinscription-coordinates>', fc.array(edit, { minLength: 1, maxLength: 6 }), async (edits) => {
      el.form = structuredClone(start);
      await el.updateComplete;
      for (const e of edits) {
        if (e.kind === 'text') {
          const inputs = writable(root);
          fill(inputs[e.at % inputs.length]!, e.value);
        } else if (e.kind === 'list') {
          const selects = [...root.querySelectorAll('select')];
          const select = selects[e.at % selects.length]!;
          choose(select, e.value ?? select.options[e.option % select.options.length]!.value);
        } else if (e.kind === 'choice') {
          const radios = [...root.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
          tick(radios[e.at % radios.length]!);
        } else {
          const box = root.querySelector<HTMLInputElement>('#student-useGuardianAddress');
          if (box) tick(box, e.checked);
        }
        await el.updateComplete;
      }
      const ok = await validated(el);
      const form = el.form!;
      const parsed = parseCoordinatesForm(form, c, { today: TODAY, original: o });
      const expected = messages({ ...(parsed.ok ? {} : parsed.errors), ...(form.confirmed ? {} : { upToDate: 'validation.upToDate.required' }) });
      expect(ok, `validate() for ${shown(expected)}`).to.equal(Object.keys(expected).length === 0);
      expectShown(root, expected);
      return ok ? 'accepted' : 'refused';
    });
  });

  it('<reinscription-authorisations> (step 2): each question answered or not, then validate()', async () => {
    const el = await mount<ReinscriptionAuthorisations>(
      html`<reinscription-authorisations .campaign=${campaign()} .registration=${registration()} .answers=${answers()}></reinscription-authorisations>`,
    );
    controlled(el);
    const root = shadow(el);
    const answer = fc.constantFrom('none', 'oui', 'non');
    return check('<reinscription-authorisations>', fc.tuple(answer, answer, fc.boolean()), async ([image, sortie, adult]) => {
      el.answers = answers();
      el.adult = adult;
      await el.updateComplete;
      for (const [q, a] of [
        ['image', image],
        ['sortie', sortie],
      ] as const) {
        const radio = root.querySelector<HTMLInputElement>(`#authorisation-${q}-${a === 'oui' ? 0 : 1}`);
        if (a !== 'none' && radio) tick(radio);
        await el.updateComplete;
      }
      const ok = await validated(el);
      const expected = messages(authorisationErrors(el.answers.authorisations, { adult }));
      expect(ok).to.equal(Object.keys(expected).length === 0);
      expectShown(root, Object.fromEntries(Object.entries(expected).map(([q, text]) => [`authorisation-${q}`, text])));
      return ok ? 'accepted' : 'refused';
    });
  });

  it('<reinscription-courses> (step 4): the administrative details and the free text, then validate()', async () => {
    const el = await mount<ReinscriptionCourses>(
      html`<reinscription-courses .campaign=${campaign()} .registration=${registration('lina')} .answers=${answers('lina')}></reinscription-courses>`,
    );
    controlled(el);
    const root = shadow(el);
    const max = campaign().additionalInfoMaxLength;
    return check('<reinscription-courses>', fc.tuple(fc.boolean(), FREE_TEXT, FREE_TEXT, FREE_TEXT), async ([administrative, instrument, day, info]) => {
      el.answers = answers('lina');
      await el.updateComplete;
      tick(root.querySelector<HTMLInputElement>('#administrative-reregistration')!, administrative);
      await el.updateComplete;
      for (const [id, value] of [
        ['administrative-instrument', instrument],
        ['administrative-day', day],
        ['additional-info', info],
      ] as const) {
        const input = root.getElementById(id) as HTMLInputElement | HTMLTextAreaElement | null;
        if (input) fill(input, value);
        await el.updateComplete;
      }
      const ok = await validated(el);
      const a: RegistrationAnswers = el.answers!;
      const expected: Record<string, string> = Object.fromEntries(
        Object.entries(administrativeErrors(a, { applies: true })).map(([field, id]) => [`administrative-${field}`, t(id)]),
      );
      const infoError = additionalInfoError(a.additionalInfo, max);
      if (infoError) expected['additional-info'] = infoError;
      expect(ok).to.equal(Object.keys(expected).length === 0);
      expectShown(root, expected, infoError ? [infoError] : []);
      return ok ? 'accepted' : 'refused';
    });
  });

  it('<reinscription-recap> (step 5): hostile answers shown as text, « J’accepte » checked or not, then validate()', async () => {
    const base = answers('lina', { authorisations: { image: 'oui', sortie: 'non' } });
    const el = await mount<ReinscriptionRecap>(
      html`<reinscription-recap .campaign=${campaign()} .registration=${registration('lina')} .answers=${base} .changes=${[]}></reinscription-recap>`,
    );
    el.addEventListener('reinscription-accept-change', (e) => (el.accepted = (e as CustomEvent<{ accepted: boolean }>).detail.accepted));
    const root = shadow(el);
    const change = fc.record({ field: fc.constant('guardian.profession'), label: FREE_TEXT, before: FREE_TEXT, after: FREE_TEXT }) as fc.Arbitrary<FieldChange>;
    return check(
      '<reinscription-recap>',
      fc.record({ info: FREE_TEXT, instrument: FREE_TEXT, day: FREE_TEXT, changes: fc.array(change, { maxLength: 2 }), accept: fc.boolean() }),
      async (v) => {
        el.accepted = false;
        el.answers = { ...base, administrativeReregistration: true, administrativeDetails: { instrument: v.instrument, day: v.day }, additionalInfo: v.info };
        el.changes = v.changes;
        await el.updateComplete;
        const box = root.getElementById('accept-rules') as HTMLInputElement;
        tick(box, v.accept);
        await el.updateComplete;
        const ok = await validated(el);
        expect(ok).to.equal(v.accept);
        expectShown(root, v.accept ? {} : { 'accept-rules': t('recap.accept.required') });
        // The free text reads as typed (spaces aside), markup and all.
        if (v.info.trim()) expect(normalise(root.querySelector('.free-text')?.textContent)).to.equal(normalise(v.info));
        return ok ? 'accepted' : 'refused';
      },
    );
  });
});
