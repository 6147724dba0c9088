import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { stepper, stepperStyles } from '../../src/ui/stepper.js';
import { baseStyles } from '../../src/ui/styles.js';
import { normalise, queryButton, shadow } from '../fixtures/steps.js';

/** A host like the wizard: renders the stepper into its shadow root with the shared styles. */
class StepperTestHost extends LitElement {
  static override styles = [baseStyles, stepperStyles];
  @property({ type: Number }) current = 1;
  @property({ type: Number }) visited = 1;
  @property({ type: Boolean }) list = true;
  gone: number[] = [];
  protected override render(): TemplateResult {
    return stepper({ current: this.current, visited: this.visited, list: this.list, onGo: (step) => this.gone.push(step) });
  }
}
customElements.define('stepper-test-host', StepperTestHost);

async function host(current: number, visited: number, width = 800): Promise<StepperTestHost> {
  return fixture<StepperTestHost>(
    html`<stepper-test-host style=${`display:block;width:${width}px`} .current=${current} .visited=${visited}></stepper-test-host>`,
  );
}

const items = (el: Element) => [...shadow(el).querySelectorAll('ol > li')];

describe('stepper()', () => {
  it('says where the parent is and what comes next', async () => {
    const el = await host(2, 2);
    const heading = shadow(el).querySelector('h2')!;
    expect(normalise(heading.textContent)).to.equal('Étape 2 sur 6 : Autorisations');
    expect(heading.id).to.equal('step-heading');
    expect(heading.getAttribute('tabindex')).to.equal('-1');
    expect(normalise(shadow(el).querySelector('.stepper__next')?.textContent)).to.equal('Étape suivante : Documents');
  });

  it('lists the six steps of the manual, in order', async () => {
    const el = await host(1, 1);
    expect(items(el).map((li) => normalise(li.querySelector('.stepper__title')?.textContent))).to.deep.equal([
      'Modification des coordonnées',
      'Autorisations',
      'Documents',
      'Cours',
      'Récapitulatif',
      'Finalisation',
    ]);
  });

  it('has no « Étape suivante » on the last step', async () => {
    const el = await host(6, 6);
    expect(normalise(shadow(el).querySelector('h2')?.textContent)).to.equal('Étape 6 sur 6 : Finalisation');
    expect(shadow(el).querySelector('.stepper__next')).to.equal(null);
    expect(shownTextOf(el)).not.to.include('Étape suivante');
  });

  it('can show its heading alone, once nothing can be reopened (after sending)', async () => {
    const el = await fixture<StepperTestHost>(html`<stepper-test-host .current=${6} .visited=${6} .list=${false}></stepper-test-host>`);
    expect(normalise(shadow(el).querySelector('h2')?.textContent)).to.equal('Étape 6 sur 6 : Finalisation');
    expect(items(el)).to.have.length(0);
    expect(shadow(el).querySelector('button')).to.equal(null);
  });

  it('marks the current step with aria-current, and only that one', async () => {
    const el = await host(3, 4);
    const current = items(el).filter((li) => li.getAttribute('aria-current') === 'step');
    expect(current).to.have.length(1);
    expect(normalise(current[0]!.textContent)).to.equal('3 Documents');
    expect(current[0]!.querySelector('button')).to.equal(null);
  });

  it('lets a visited step be reopened with a button; steps ahead are plain text', async () => {
    const el = await host(3, 4);
    const root = shadow(el);
    queryButton(root, '1 Modification des coordonnées (étape déjà vue)')!.click();
    queryButton(root, '4 Cours (étape déjà vue)')!.click();
    expect(el.gone).to.deep.equal([1, 4]);
    expect(root.querySelectorAll('button')).to.have.length(3);
    for (const future of items(el).slice(4)) {
      expect(future.querySelector('button, a, [tabindex]')).to.equal(null);
    }
    expect(normalise(items(el)[4]!.textContent)).to.equal('5 Récapitulatif (étape à venir)');
  });

  it('stays compact on a 360 px phone: the numbers in one row, the titles for screen readers only', async () => {
    const el = await host(2, 3, 360);
    const list = shadow(el).querySelector('ol')!;
    expect(list.getBoundingClientRect().height).to.be.below(70);
    expect(list.getBoundingClientRect().width).to.be.at.most(360);
    const title = items(el)[0]!.querySelector('.stepper__title')!;
    expect(title.getBoundingClientRect().width).to.be.at.most(1);
    // Still a 44 px target for a thumb.
    const reopen = queryButton(shadow(el), '1 Modification des coordonnées (étape déjà vue)')!;
    expect(reopen.getBoundingClientRect().height).to.be.at.least(44);
    expect(reopen.getBoundingClientRect().width).to.be.at.least(44);
  });

  it('is accessible, wide and narrow', async () => {
    await expect(await host(2, 3)).to.be.accessible();
    await expect(await host(5, 5, 360)).to.be.accessible();
  });
});

function shownTextOf(el: Element): string {
  return normalise(shadow(el).textContent);
}
