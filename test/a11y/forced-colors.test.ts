import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { ReinscriptionWizard } from '../../src/wizard/wizard.js';
import { button, inner, until } from '../helpers/dom.js';
import { atStep, loggedIn, next, screen, useMockBackend } from '../helpers/journey.js';
import { hiddenFromSight, named, nothingFoundOnAnyScreen, settle, shownIn } from './screens.js';

/**
 * Windows' contrast themes (forced-colors: active; RGAA 10.3, WCAG 1.4.11): the browser paints
 * with the user's few system colours, so anything that was told by a background or a colour alone
 * disappears. Borders, the focus ring and the state of radios and checkboxes must stay visible.
 * The runner's emulateMedia does not pass forced-colors on to Chrome: the « emulate-forced-colors »
 * command of web-test-runner.config.mjs sends it over CDP, and each test first checks it took.
 */
const API = '/api-forced-colors-test';
useMockBackend(API);

const forced = (active: boolean) => executeServerCommand('emulate-forced-colors', { active });

function emulated(): void {
  expect(matchMedia('(forced-colors: active)').matches, 'forced-colors emulated').to.equal(true);
}

/** A colour that paints something: not transparent. */
const painted = (colour: string): boolean => {
  const alpha = /rgba\([^)]*,\s*([\d.]+)\)/.exec(colour)?.[1];
  return colour !== 'transparent' && (alpha === undefined || Number(alpha) > 0);
};

/** A system colour (LinkText, Canvas…) as the browser paints it in the theme emulated. */
function systemColour(name: string): string {
  const probe = document.createElement('span');
  probe.style.color = name;
  document.body.append(probe);
  const colour = getComputedStyle(probe).color;
  probe.remove();
  return colour;
}

/** Underlined (itself or the text inside) and in the theme's colour for links. */
function looksLikeALink(el: HTMLElement): boolean {
  const underlined = [el, ...el.querySelectorAll('*')].some(
    (e) => !hiddenFromSight(e) && getComputedStyle(e).textDecorationLine.includes('underline') && getComputedStyle(e).color === systemColour('LinkText'),
  );
  return underlined;
}

type Side = 'Top' | 'Right' | 'Bottom' | 'Left';
const SIDES: readonly Side[] = ['Top', 'Right', 'Bottom', 'Left'];

/** The sides of `el` whose border cannot be seen. */
function unseenSides(el: Element, sides: readonly Side[] = SIDES): Side[] {
  const style = getComputedStyle(el);
  return sides.filter((side) => {
    const kind = style.getPropertyValue(`border-${side.toLowerCase()}-style`);
    const width = parseFloat(style.getPropertyValue(`border-${side.toLowerCase()}-width`));
    return kind === 'none' || kind === 'hidden' || !(width >= 1) || !painted(style.getPropertyValue(`border-${side.toLowerCase()}-color`));
  });
}

const FIELDS = 'input:not([type=radio]):not([type=checkbox]):not([type=file]):not([type=hidden]), select, textarea';
const CHECKABLE = 'input[type=radio], input[type=checkbox]';
const FOCUSABLE = 'button, a[href], input:not([type=hidden]), select, textarea, summary';

/** What a contrast theme would lose on the screen shown. */
function lost(el: ReinscriptionWizard): string[] {
  const problems: string[] = [];
  for (const b of shownIn(el, `button, ${FIELDS}`)) {
    const sides = unseenSides(b);
    // A button dressed as a link is told by what links are told by: underlined, in LinkText.
    if (sides.length && !looksLikeALink(b)) problems.push(`${named(b)} has no visible border (${sides.join(', ')}) and does not look like a link`);
  }
  for (const box of shownIn(el, CHECKABLE)) {
    const style = getComputedStyle(box);
    // Native controls are drawn in system colours, checked or not; a custom one would need its own rules.
    if (style.appearance === 'none' || style.forcedColorAdjust === 'none') problems.push(`${named(box)} is not a native control`);
  }
  for (const alert of shownIn(el, '.notice, .error-summary, .card, .panel, .decline-panel')) {
    const sides = unseenSides(alert, alert.matches('.notice') ? ['Left'] : SIDES);
    if (sides.length) problems.push(`${named(alert)} has no visible border (${sides.join(', ')})`);
  }
  for (const target of shownIn(el, FOCUSABLE)) {
    // As when it is reached with the keyboard: :focus-visible whatever the last click was.
    target.focus({ focusVisible: true } as FocusOptions);
    const style = getComputedStyle(target);
    const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 && painted(style.outlineColor);
    if (!ring) problems.push(`${named(target)} shows no focus ring (${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor})`);
  }
  return problems;
}

describe('forced colours (Windows contrast themes)', () => {
  before(() => forced(true));
  after(() => forced(false));

  it('is emulated, and stops being when asked', async () => {
    emulated();
    await forced(false);
    expect(matchMedia('(forced-colors: active)').matches).to.equal(false);
    await forced(true);
    emulated();
  });

  it('on every screen, buttons and fields keep their borders, every control its focus ring, radios and checkboxes stay native', async () => {
    emulated();
    let checked = 0;
    await nothingFoundOnAnyScreen(API, (el) => {
      checked += shownIn(el, CHECKABLE).filter((box) => (box as HTMLInputElement).checked).length;
      return lost(el);
    });
    expect(checked, 'checked radios and checkboxes met on the way').to.be.greaterThan(3);
  });

  it('the current step stands out from the others in the stepper', async () => {
    emulated();
    const el = await loggedIn(API);
    await toStep1(el);
    const steps = shownIn(el, '.stepper__step');
    const current = steps.find((s) => s.matches('.stepper__step--current'));
    expect(current, 'the current step').to.exist;
    // What the eye sees: an underline, a filled number, in a colour that is not the page's (bold alone is not enough).
    const canvas = systemColour('Canvas');
    const seen = (colour: string) => painted(colour) && colour !== canvas;
    const mark = (s: HTMLElement) => {
      const style = getComputedStyle(s);
      const number = getComputedStyle(s.querySelector('.stepper__number')!);
      const underline = style.borderBottomStyle !== 'none' && parseFloat(style.borderBottomWidth) >= 2 && seen(style.borderBottomColor);
      return `underline ${underline ? style.borderBottomColor : 'none'}, number ${seen(number.backgroundColor) ? number.backgroundColor : 'not filled'}`;
    };
    expect(mark(current!), 'the current step').not.to.equal('underline none, number not filled');
    for (const other of steps.filter((s) => s !== current)) expect(mark(other), 'a step that is not the current one').not.to.equal(mark(current!));
  });

  it('the error summary and the fields in error keep their borders', async () => {
    emulated();
    const el = await loggedIn(API);
    await toStep1(el);
    next(el);
    await until(() => screen(el).activeElement?.classList.contains('error-summary'), 'the error summary');
    await settle(el);
    const summary = screen(el).querySelector('.error-summary')!;
    expect(unseenSides(summary), 'the error summary').to.deep.equal([]);
    const marked = shownIn(el, '.field--error');
    expect(marked.length, 'fields in error').to.be.greaterThan(0);
    for (const field of marked) expect(unseenSides(field, ['Left']), named(field)).to.deep.equal([]);
    expect(lost(el)).to.deep.equal([]);
  });
});

async function toStep1(el: ReinscriptionWizard): Promise<void> {
  button(inner(el, 'reinscription-family-home'), 'Je souhaite réinscrire MOREAU Gianni').click();
  await atStep(el, 1);
  await until(() => screen(el).querySelector('input'), 'the coordinates form');
  await settle(el);
}
