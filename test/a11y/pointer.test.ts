/**
 * RGAA 13.11 (WCAG 2.5.2, pointer cancellation): an action runs on the pointer's release over the
 * control, so a parent who pressed the wrong button can slide off it before letting go. Driven
 * with the browser's real mouse (sendMouse), not .click(): a synthetic click cannot be cancelled.
 */
import { expect } from '@open-wc/testing';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import { DEMO_CREDENTIALS } from '../../src/mocks/seed.js';
import type { ReinscriptionWizard } from '../../src/wizard/wizard.js';
import { button, control, inner, normalise, shadow, type, until } from '../helpers/dom.js';
import { atStep, confirmStep1, mount, screen, shown, useMockBackend } from '../helpers/journey.js';
import { onStep1, settle } from './screens.js';

const API = '/api-a11y-pointer';
const mock = useMockBackend(API);

/** The middle of `el` in viewport pixels, where the mouse presses it. */
const middle = (el: Element): [number, number] => {
  const box = el.getBoundingClientRect();
  return [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)];
};

/** The element drawn at a point of the viewport, through shadow roots. */
function drawnAt(x: number, y: number): Element | null {
  let found = document.elementFromPoint(x, y);
  while (found?.shadowRoot) {
    const inner = found.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner === found) break;
    found = inner;
  }
  return found;
}

/** A point 60 px below `el`, on nothing that acts: where the parent slides to before letting go. */
function offButton(el: HTMLElement): [number, number] {
  const box = el.getBoundingClientRect();
  const point: [number, number] = [Math.round(box.left + box.width / 2), Math.round(box.bottom + 60)];
  const there = drawnAt(...point);
  expect(there && !there.closest('button, a, input, select, textarea, label, summary'), `nothing to act on at ${point.join(', ')}`).to.equal(true);
  return point;
}

/** Every request the widget sends to the backend while `gesture` runs. */
async function requestsDuring(gesture: () => Promise<void>): Promise<string[]> {
  const sent: string[] = [];
  // The page's own modules pass through the same service worker: only the backend's routes count.
  const record = ({ request }: { request: Request }) => {
    const { pathname } = new URL(request.url);
    if (pathname.startsWith(`${API}/`)) sent.push(`${request.method} ${pathname}`);
  };
  mock.backend.worker.events.on('request:start', record);
  try {
    await gesture();
    // Long enough for a request the release might have started to reach the worker.
    await new Promise((r) => setTimeout(r, 300));
  } finally {
    mock.backend.worker.events.removeListener('request:start', record);
  }
  return sent;
}

/** Presses the mouse on `target`, slides off it, and lets go there. */
async function pressAndSlideOff(target: HTMLElement): Promise<void> {
  target.scrollIntoView({ block: 'center' });
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const away = offButton(target);
  await sendMouse({ type: 'move', position: middle(target) });
  await sendMouse({ type: 'down' });
  await sendMouse({ type: 'move', position: away });
  await sendMouse({ type: 'up' });
}

/** A real click: pressed and released on `target`. */
async function realClick(target: HTMLElement): Promise<void> {
  target.scrollIntoView({ block: 'center' });
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  await sendMouse({ type: 'click', position: middle(target) });
}

describe('actions run on release, and a press can be cancelled by sliding off (RGAA 13.11)', () => {
  afterEach(() => resetMouse());

  it('« Se connecter » pressed, then released off the button: no request, still the login; a real click logs in', async () => {
    const el: ReinscriptionWizard = await mount(API);
    const login = await until(() => inner(el, 'reinscription-login').querySelector('form') && inner(el, 'reinscription-login'), 'the login');
    // The login does not wait for the campaign: its request, once answered, is not the gesture's.
    await until(() => shown(el).includes('conservatoire@limonest.fr'), 'the campaign’s contact e-mail');
    type(control(login, 'Identifiant'), DEMO_CREDENTIALS.identifier);
    type(control(login, 'Mot de passe'), DEMO_CREDENTIALS.password);
    await settle(el);
    const submit = button(login, 'Se connecter');
    const sent = await requestsDuring(() => pressAndSlideOff(submit));
    expect(sent, 'requests after the cancelled press').to.deep.equal([]);
    expect(shadow(el).querySelector('reinscription-login'), 'still the login').to.exist;
    expect(control(login, 'Mot de passe').value, 'what was typed kept').to.equal(DEMO_CREDENTIALS.password);
    // The same mouse, pressed and released on the button: the gesture above really reached it.
    await realClick(submit);
    await until(() => normalise(inner(el, 'reinscription-family-home').textContent).includes('Bonjour'), 'the family home');
  });

  it('« Passer à l’étape suivante » pressed, then released off the button: no request, still step 1; a real click moves on', async () => {
    const el = await onStep1(API);
    await confirmStep1(screen(el));
    await settle(el);
    const history = window.history.length;
    const next = button(shadow(el), "Passer à l'étape suivante");
    const sent = await requestsDuring(() => pressAndSlideOff(next));
    expect(sent, 'requests after the cancelled press').to.deep.equal([]);
    expect(shown(el), 'still step 1').to.include('Étape 1 sur 6');
    expect(screen(el).querySelector('.error-summary'), 'nothing checked either').to.equal(null);
    expect(window.history.length, 'no history entry').to.equal(history);
    await realClick(next);
    await atStep(el, 2);
  });
});
