import { expect } from '@open-wc/testing';
import { button, control, inner, shadow, until } from '../helpers/dom.js';
import { atStep, loggedIn, screen, shown, toRecap, useMockBackend } from '../helpers/journey.js';

/**
 * The browser's Back and Forward buttons move between steps. This file runs in a browser page of
 * its own (the `history` group in web-test-runner.config.mjs): the runner reuses one page for all
 * other files, whose session history is long and capped by Chromium, which makes Back unreliable.
 */
const API = '/api-history-test';
useMockBackend(API);

describe('<reinscription-wizard> and the browser history', () => {
  it('keeps every answer going back and forth, with the buttons and with the browser history', async () => {
    const el = await loggedIn(API);
    await toRecap(el);
    button(shadow(el), "Retour à l'étape précédente").click();
    await atStep(el, 4);
    expect(control<HTMLTextAreaElement>(screen(el), 'Information complémentaire').value).to.equal('FM le mercredi de préférence.');
    history.back();
    await atStep(el, 3);
    history.back();
    await atStep(el, 2);
    const image = [...screen(el).querySelectorAll<HTMLInputElement>('input[type=radio]')].filter((r) => r.checked).map((r) => r.value);
    expect(image).to.deep.equal(['oui', 'non']);
    history.forward();
    await atStep(el, 3);
  });

  it('enters step 1 for a student, one history entry per step, and the browser Back returns home', async () => {
    const el = await loggedIn(API);
    const steps: number[] = [];
    el.addEventListener('reinscription-step-change', (e) => steps.push(e.detail.step));
    const url = location.href;
    button(inner(el, 'reinscription-family-home'), 'Je souhaite réinscrire MOREAU Gianni').click();
    await until(() => shown(el).includes('Étape 1 sur 6 : Modification des coordonnées'), 'step 1');
    expect(steps).to.deep.equal([1]);
    expect((history.state as Record<string, unknown>).reinscriptionWizard).to.deep.include({ studentId: 'gianni', step: 1 });
    expect(location.href).to.equal(url);
    await until(() => shadow(el).activeElement !== null, 'focus inside the step');
    history.back();
    await until(() => inner(el, 'reinscription-family-home'), 'the home after Back');
  });
});
