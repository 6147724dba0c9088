/**
 * RGAA 11.3 and 11.4 (WCAG 3.3.2, 2.4.6): each field's label stands next to it and is tied to it
 * by `for` / `id`, above a text field or a list and just after a radio or a box; and a field that
 * does the same thing has the same name wherever it shows.
 */
import { expect, fixtureCleanup } from '@open-wc/testing';
import { clientFor } from '../../src/api/client.js';
import type { ReinscriptionWizard } from '../../src/wizard/wizard.js';
import { button, inner, normalise, shadow, until } from '../helpers/dom.js';
import { accept, atStep, loggedIn, mount, screen, toRecap, useMockBackend } from '../helpers/journey.js';
import { deepRoots, hiddenFromSight, named, nothingFoundOnAnyScreen, onStep1, settle } from './screens.js';

const API = '/api-a11y-labels';
useMockBackend(API);

const CONTROLS = 'input:not([type=hidden]), select, textarea';
const boxLike = (c: Element) => c instanceof HTMLInputElement && (c.type === 'radio' || c.type === 'checkbox');

/**
 * Each field drawn on the screen whose label is not tied to it by `for` / `id`, not on its own
 * side of it (before a text field or a list, after a radio or a box), or not its neighbour: in
 * the order of the root's labels and fields, nothing stands between a label and its field.
 * A file input, drawn as a « Choisir un fichier » button, has no label of its own to check.
 */
function misplacedLabels(el: ReinscriptionWizard): string[] {
  return deepRoots(el).flatMap((root) => {
    const sequence = [...root.querySelectorAll(`label, ${CONTROLS}`)].filter((e) => !(e instanceof HTMLInputElement && e.type === 'file'));
    return sequence
      .filter((c): c is HTMLInputElement => c.localName !== 'label' && !hiddenFromSight(c))
      .flatMap((control) => {
        const labels = [...(control.labels ?? [])];
        const label = labels[0];
        if (labels.length !== 1 || !label) return [`${named(control)}: ${labels.length} labels`];
        const problems: string[] = [];
        if (!control.id || label.htmlFor !== control.id) problems.push(`label for="${label.htmlFor}", field id="${control.id}"`);
        if (root.querySelectorAll(`[id="${CSS.escape(control.id)}"]`).length !== 1) problems.push(`id « ${control.id} » not unique`);
        const [first, second] = boxLike(control) ? [control, label] : [label, control];
        if (sequence.indexOf(second) !== sequence.indexOf(first) + 1)
          problems.push(boxLike(control) ? 'its label is not just after it' : 'its label is not just before it');
        if (hiddenFromSight(label)) problems.push('its label is not drawn');
        return problems.map((p) => `${named(control)} « ${normalise(label.textContent)} »: ${p}`);
      });
  });
}

/** A second wizard in the same test starts as a new visitor's: the first one gone, no session. */
function newVisitor(): void {
  fixtureCleanup();
  clientFor(API).session.clear();
  sessionStorage.clear();
}

/** The label of the field `id` on the screen shown, without « (facultatif) ». */
function labelOf(root: ShadowRoot, id: string): string {
  const field = root.getElementById(id) as HTMLInputElement | null;
  if (!field?.labels?.[0]) throw new Error(`No labelled field #${id}`);
  return normalise(field.labels[0].textContent).replace(/ \(facultatif\)$/, '');
}

/** The text of a <dl>'s row `label` under the <h4> `group`. */
function rowUnder(root: ShadowRoot, group: string, label: string): string {
  const heading = [...root.querySelectorAll('h4')].find((h) => normalise(h.textContent) === group);
  const list = heading?.nextElementSibling;
  if (!(list instanceof HTMLDListElement)) throw new Error(`No list under « ${group} »`);
  const dt = [...list.querySelectorAll('dt')].find((d) => normalise(d.textContent) === label);
  if (!dt) throw new Error(`No « ${label} » under « ${group} » (rows: ${[...list.querySelectorAll('dt')].map((d) => normalise(d.textContent)).join(', ')})`);
  return normalise(dt.nextElementSibling?.textContent);
}

describe('labels next to their fields (RGAA 11.4)', () => {
  it('on every screen, each field’s label is tied by for / id and stands just before it (just after a radio or a box)', async () => {
    await nothingFoundOnAnyScreen(API, misplacedLabels);
  });

  it('so on step 1 with every field open (« Non » to « Ces informations sont-elles à jour ? ») and on the lost-password form', async () => {
    const el = await onStep1(API, { everyField: true });
    await settle(el);
    expect(screen(el).querySelectorAll(CONTROLS).length, 'fields on step 1').to.be.greaterThan(40);
    expect(misplacedLabels(el)).to.deep.equal([]);

    newVisitor();
    const fresh = await mount(API);
    button(inner(fresh, 'reinscription-login'), 'Mot de passe perdu ?').click();
    await until(() => inner(fresh, 'reinscription-password-reset').querySelector('input'), 'the lost-password form');
    await settle(fresh);
    expect(misplacedLabels(fresh)).to.deep.equal([]);
  });
});

describe('the same function, the same label (RGAA 11.3)', () => {
  it('« Identifiant » on the login and on the lost-password form, the same account name for the browser', async () => {
    const el = await mount(API);
    const login = await until(() => inner(el, 'reinscription-login').querySelector('input') && inner(el, 'reinscription-login'), 'the login');
    const onLogin = login.querySelector<HTMLInputElement>('input[autocomplete=username]')!;
    expect(normalise(onLogin.labels?.[0]?.textContent)).to.equal('Identifiant');
    button(login, 'Mot de passe perdu ?').click();
    const reset = await until(() => inner(el, 'reinscription-password-reset').querySelector('input') && inner(el, 'reinscription-password-reset'), 'the form');
    const onReset = reset.querySelector<HTMLInputElement>('input[autocomplete=username]')!;
    expect(normalise(onReset.labels?.[0]?.textContent)).to.equal('Identifiant');
  });

  it('the guardian’s and the student’s « E-mail » on step 1, on the recap and in the confirmation’s answers', async () => {
    const el = await onStep1(API, { everyField: true });
    expect([labelOf(screen(el), 'guardian-email'), labelOf(screen(el), 'student-email')], 'step 1').to.deep.equal(['E-mail', 'E-mail']);
    // What that field holds is what the rows below show under the same name.
    const guardian = (screen(el).getElementById('guardian-email') as HTMLInputElement).value;
    expect(guardian).to.include('@');

    newVisitor();
    const again = await loggedIn(API);
    await toRecap(again);
    await until(() => screen(again).querySelector('dl'), 'the recap');
    expect(rowUnder(screen(again), 'Responsable', 'E-mail'), 'the recap’s guardian row').to.equal(guardian);
    rowUnder(screen(again), 'Élève', 'E-mail');
    await accept(again);
    button(shadow(again), 'Valider').click();
    await atStep(again, 6);
    const answers = await until(() => screen(again).querySelector('.answers-details h4') && screen(again), 'the confirmation’s answers');
    expect(rowUnder(answers, 'Responsable', 'E-mail'), 'the confirmation’s guardian row').to.equal(guardian);
    rowUnder(answers, 'Élève', 'E-mail');
  });
});
