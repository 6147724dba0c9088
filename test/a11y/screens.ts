/**
 * Every screen of the journey, for the checks that look at how each one is drawn (reflow, text
 * spacing, forced colours, contrast, target sizes): the login, the family home, steps 1 to 5 and
 * the confirmation, reached as a parent does with the shared journey helpers.
 */
import { expect } from '@open-wc/testing';
import type { LitElement } from 'lit';
import type { ReinscriptionWizard } from '../../src/wizard/wizard.js';
import { button, control, inner, normalise, shadow, type, until } from '../helpers/dom.js';
import { accept, atStep, confirmStep1, loggedIn, logIn, mount, next, screen } from '../helpers/journey.js';
import { choose } from '../helpers/dom.js';

export const SCREENS = ['login', 'home', 'step 1', 'step 2', 'step 3', 'step 4', 'step 5', 'confirmation'] as const;
export type ScreenName = (typeof SCREENS)[number];

export type Visit = (name: ScreenName, el: ReinscriptionWizard) => Promise<void>;

/** Waits until the wizard and the screen it shows have rendered, and the browser has laid them out. */
export async function settle(el: ReinscriptionWizard): Promise<void> {
  await el.updateComplete;
  const shown = shadow(el).querySelector('[data-screen]');
  if (shown && 'updateComplete' in shown) await (shown as LitElement).updateComplete;
  await document.fonts.ready;
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
}

/** Walks from the login to the confirmation of MOREAU Gianni, calling `visit` once on each screen; returns the screens visited. */
export async function eachScreen(api: string, visit: Visit): Promise<ScreenName[]> {
  const seen: ScreenName[] = [];
  const at = async (name: ScreenName, el: ReinscriptionWizard) => {
    await settle(el);
    await visit(name, el);
    seen.push(name);
  };
  const el = await mount(api);
  await until(() => inner(el, 'reinscription-login').querySelector('input'), 'the login form');
  await at('login', el);
  await logIn(el);
  await at('home', el);
  button(inner(el, 'reinscription-family-home'), 'Je souhaite réinscrire MOREAU Gianni').click();
  await atStep(el, 1);
  await until(() => screen(el).querySelector('input'), 'the coordinates form');
  await confirmStep1(screen(el));
  await at('step 1', el);
  next(el);
  await atStep(el, 2);
  await until(() => screen(el).querySelector('fieldset'), 'the authorisations');
  await choose(screen(el), "Droit à l'image", 'Oui');
  await choose(screen(el), 'Autorisation de sortie', 'Non');
  await at('step 2', el);
  next(el);
  await atStep(el, 3);
  await until(() => screen(el).querySelector('table'), 'the documents table');
  await at('step 3', el);
  next(el);
  await atStep(el, 4);
  await until(() => screen(el).querySelector('textarea'), 'the courses');
  type(control<HTMLTextAreaElement>(screen(el), 'Information complémentaire'), 'FM le mercredi de préférence.');
  await at('step 4', el);
  next(el);
  await atStep(el, 5);
  await until(() => screen(el).querySelector('input'), 'the recap');
  await accept(el);
  await at('step 5', el);
  button(shadow(el), 'Valider').click();
  await atStep(el, 6);
  await until(() => normalise(screen(el).textContent).includes('Numéro de référence'), 'the confirmation');
  await at('confirmation', el);
  return seen;
}

/**
 * Logged in, on MOREAU Gianni's step 1 with its form drawn; with `everyField`, « Non » to « Ces
 * informations sont-elles à jour ? » has opened every field of the form.
 */
export async function onStep1(api: string, { everyField = false } = {}): Promise<ReinscriptionWizard> {
  const el = await loggedIn(api);
  button(inner(el, 'reinscription-family-home'), 'Je souhaite réinscrire MOREAU Gianni').click();
  await atStep(el, 1);
  await until(() => screen(el).querySelector('input'), 'the coordinates form');
  if (everyField) {
    await choose(screen(el), 'Ces informations sont-elles à jour', 'Non');
    await until(() => screen(el).getElementById('guardian-email'), 'the guardian’s fields');
  }
  return el;
}

/** Every element drawn inside the widget: its shadow root and the shadow roots of the screens within, depth first. */
export function deepElements(root: ShadowRoot | Element): Element[] {
  const found: Element[] = [];
  const walk = (from: ShadowRoot | Element) => {
    for (const child of from.querySelectorAll('*')) {
      found.push(child);
      if (child.shadowRoot) walk(child.shadowRoot);
    }
  };
  walk(root);
  return found;
}

/** Every shadow root inside the widget, its own first. */
export function deepRoots(el: Element): ShadowRoot[] {
  const own = shadow(el);
  return [own, ...deepElements(own).flatMap((e) => (e.shadowRoot ? [e.shadowRoot] : []))];
}

/** The element's parent across shadow boundaries. */
export const composedParent = (el: Element): Element | null => el.parentElement ?? ((el.getRootNode() as ShadowRoot).host || null);

/**
 * Not drawn for the eye: display none, visibility hidden, inside a closed <details>, or visually
 * hidden (clipped to nothing, for screen readers only), itself or through an ancestor.
 */
export function hiddenFromSight(el: Element): boolean {
  // display: none, visibility: hidden, or under content-visibility: hidden (a closed <details>).
  if (!el.checkVisibility({ visibilityProperty: true })) return true;
  for (let at: Element | null = el; at; at = composedParent(at)) {
    const style = getComputedStyle(at);
    if (style.clipPath !== 'none' && style.clipPath.startsWith('inset(50%')) return true;
    const box = at.getBoundingClientRect();
    if (style.position === 'absolute' && box.width <= 1 && box.height <= 1) return true;
  }
  return el.getClientRects().length === 0;
}

/** The elements matching `selector` inside the widget that are drawn for the eye. */
export const shownIn = (el: Element, selector: string): HTMLElement[] =>
  deepElements(shadow(el)).filter((e): e is HTMLElement => e instanceof HTMLElement && e.matches(selector) && !hiddenFromSight(e));

/** An element as a message names it: tag, classes, the start of its text. */
export const named = (el: Element): string =>
  `${el.localName}${el.classList.length ? `.${[...el.classList].join('.')}` : ''} « ${normalise(el.textContent).slice(0, 40)} »`;

/** Each piece of text drawn for the eye inside the widget, with the element it is in. */
export function shownTexts(el: Element): { text: Text; parent: HTMLElement }[] {
  const found: { text: Text; parent: HTMLElement }[] = [];
  for (const root of deepRoots(el)) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || !normalise(node.textContent) || ['style', 'script', 'option'].includes(parent.localName) || hiddenFromSight(parent)) continue;
      found.push({ text: node as Text, parent });
    }
  }
  return found;
}

/** Walks every screen and expects `check` to find nothing on any of them (its findings listed by screen). */
export async function nothingFoundOnAnyScreen(api: string, check: (el: ReinscriptionWizard) => string[] | Promise<string[]>): Promise<void> {
  const found: Partial<Record<ScreenName, string[]>> = {};
  const seen = await eachScreen(api, async (name, el) => {
    const problems = await check(el);
    if (problems.length) found[name] = problems;
  });
  expect(seen).to.deep.equal([...SCREENS]);
  expect(found).to.deep.equal({});
}
