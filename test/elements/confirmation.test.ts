import { expect, fixture, html, oneEvent } from '@open-wc/testing';
// Bundled with @web/test-runner, whose default plugins serve these commands.
import { emulateMedia } from '@web/test-runner-commands';
import type { Submission } from '../../src/api/contract.js';
import type { PendingStudent, ReinscriptionConfirmation } from '../../src/elements/confirmation/confirmation.js';
import '../../src/elements/confirmation/confirmation.js';
import { button, campaign, definition, normalise, queryButton, shadow, shownText, submission } from '../fixtures/steps.js';

const LINA: PendingStudent = { id: 'lina', name: 'MOREAU Lina' };
const PAUL: PendingStudent = { id: 'paul', name: 'MOREAU Paul' };

async function confirmation(options: { submission?: Submission; otherPending?: PendingStudent[] } = {}): Promise<ReinscriptionConfirmation> {
  return fixture<ReinscriptionConfirmation>(
    html`<reinscription-confirmation
      .campaign=${campaign()}
      .submission=${options.submission ?? submission()}
      .studentName=${'MOREAU Gianni'}
      .otherPending=${options.otherPending ?? []}
    ></reinscription-confirmation>`,
  );
}

const panel = (el: Element) => shadow(el).querySelector<HTMLElement>('[role="status"]')!;

describe('<reinscription-confirmation>', () => {
  it('confirms the sending in a status panel with the reference, date and time in Paris', async () => {
    const el = await confirmation();
    const p = panel(el);
    expect(normalise(p.querySelector('h2')?.textContent)).to.equal('Réinscription envoyée');
    expect(normalise(p.textContent)).to.include('La réinscription de MOREAU Gianni a bien été envoyée au conservatoire.');
    expect(definition(p, 'Numéro de référence')).to.equal('REI-2024-000123');
    expect(definition(p, "Date d'envoi")).to.equal('10/06/2024 à 14:32');
    expect(definition(p, 'État du dossier')).to.equal('Complet');
  });

  it('lists the missing pieces and until when they can be added', async () => {
    const el = await confirmation({
      submission: submission({ status: 'envoyee-incomplete', missingDocuments: ['justificatif-domicile', 'responsabilite-civile'] }),
    });
    expect(definition(panel(el), 'État du dossier')).to.equal('Incomplet : des pièces manquent');
    const text = shownText(el);
    expect(text).to.include('Pièces à ajouter');
    expect(text).to.include('Justificatif de domicile (de moins de 3 mois)');
    expect(text).to.include('Attestation de responsabilité civile');
    expect(text).to.include("jusqu'au 30/09/2024 à 23:59");
  });

  it('says what happens next and whom to write to', async () => {
    const el = await confirmation();
    const text = shownText(el);
    expect(text).to.include('Et maintenant ?');
    expect(text).to.include('Le coût définitif sera déterminé par les services du conservatoire.');
    expect(text).to.include('la facture vous est envoyée à partir du 25 octobre');
    const mail = shadow(el).querySelector<HTMLAnchorElement>('a[href^="mailto:"]')!;
    expect(mail.href).to.equal('mailto:conservatoire@limonest.fr');
    expect(normalise(mail.textContent)).to.equal('conservatoire@limonest.fr');
  });

  describe('printing the receipt', () => {
    const originalPrint = window.print;
    afterEach(() => {
      window.print = originalPrint;
    });

    const hasPrintSheet = (root: Document | ShadowRoot) =>
      root.adoptedStyleSheets.some((sheet) => [...sheet.cssRules].some((rule) => rule.cssText.includes('data-rw-print-chain')));

    it('adopts a page-level print sheet while printing, hiding everything but the receipt, and removes it after', async () => {
      const outside = document.createElement('p');
      outside.textContent = 'Menu du site de la mairie';
      document.body.append(outside);
      const el = await confirmation();
      let during: { document: boolean; chain: boolean; outsideHidden: boolean } | undefined;
      window.print = () => {
        window.dispatchEvent(new Event('beforeprint'));
        during = {
          document: hasPrintSheet(document),
          chain: el.hasAttribute('data-rw-print-chain') && document.body.hasAttribute('data-rw-print-chain'),
          outsideHidden: !outside.hasAttribute('data-rw-print-chain'),
        };
        window.dispatchEvent(new Event('afterprint'));
      };
      expect(hasPrintSheet(document)).to.equal(false);
      button(shadow(el), 'Imprimer le récapitulatif').click();
      expect(during).to.deep.equal({ document: true, chain: true, outsideHidden: true });
      expect(hasPrintSheet(document)).to.equal(false);
      expect(el.hasAttribute('data-rw-print-chain')).to.equal(false);
      expect(document.body.hasAttribute('data-rw-print-chain')).to.equal(false);
      outside.remove();
    });

    it('hides the print sheet rules behind @media print, so the screen is never affected', async () => {
      const el = await confirmation();
      window.dispatchEvent(new Event('beforeprint'));
      const sheet = document.adoptedStyleSheets.find((s) => [...s.cssRules].some((r) => r.cssText.includes('data-rw-print-chain')))!;
      expect([...sheet.cssRules].every((r) => r instanceof CSSMediaRule && r.media.mediaText === 'print')).to.equal(true);
      expect(getComputedStyle(el).display).to.equal('block');
      window.dispatchEvent(new Event('afterprint'));
    });

    it('also adopts it in the shadow roots between the page and the receipt (inside the wizard)', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
      const wizardRoot = wrapper.attachShadow({ mode: 'open' });
      const stepperLike = document.createElement('h2');
      stepperLike.textContent = 'Étape 6 sur 6 : Finalisation';
      const el = document.createElement('reinscription-confirmation');
      el.campaign = campaign();
      el.submission = submission();
      el.studentName = 'MOREAU Gianni';
      wizardRoot.append(stepperLike, el);
      await el.updateComplete;
      window.dispatchEvent(new Event('beforeprint'));
      expect(hasPrintSheet(wizardRoot)).to.equal(true);
      expect(hasPrintSheet(document)).to.equal(true);
      expect(wrapper.hasAttribute('data-rw-print-chain')).to.equal(true);
      expect(stepperLike.hasAttribute('data-rw-print-chain')).to.equal(false);
      window.dispatchEvent(new Event('afterprint'));
      expect(hasPrintSheet(wizardRoot)).to.equal(false);
      expect(hasPrintSheet(document)).to.equal(false);
    });

    it('prints only the receipt: the page around it and the wizard around it are hidden in print media', async () => {
      const pageMenu = document.createElement('nav');
      pageMenu.textContent = 'Menu du site de la mairie';
      document.body.prepend(pageMenu);
      const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
      const wizardRoot = wrapper.attachShadow({ mode: 'open' });
      const stepperLike = document.createElement('h2');
      stepperLike.textContent = 'Étape 6 sur 6 : Finalisation';
      const el = document.createElement('reinscription-confirmation');
      el.campaign = campaign();
      el.submission = submission();
      el.studentName = 'MOREAU Gianni';
      el.otherPending = [LINA];
      wizardRoot.append(stepperLike, el);
      await el.updateComplete;
      const printButton = button(shadow(el), 'Imprimer le récapitulatif');
      try {
        window.dispatchEvent(new Event('beforeprint'));
        await emulateMedia({ media: 'print' });
        expect(getComputedStyle(pageMenu).display).to.equal('none');
        expect(getComputedStyle(stepperLike).display).to.equal('none');
        expect(getComputedStyle(el).display).to.equal('block');
        expect(getComputedStyle(wrapper).display).not.to.equal('none');
        expect(panel(el).getBoundingClientRect().height).to.be.above(0);
        // The receipt's own buttons are not printed.
        expect(printButton.getBoundingClientRect().height).to.equal(0);
      } finally {
        await emulateMedia({ media: 'screen' });
        window.dispatchEvent(new Event('afterprint'));
      }
      expect(getComputedStyle(pageMenu).display).to.equal('block');
      pageMenu.remove();
    });

    it('leaves nothing behind when removed during printing', async () => {
      const el = await confirmation();
      window.dispatchEvent(new Event('beforeprint'));
      el.remove();
      expect(hasPrintSheet(document)).to.equal(false);
      expect(document.body.hasAttribute('data-rw-print-chain')).to.equal(false);
    });
  });

  it('offers no other student when none is pending', async () => {
    const el = await confirmation();
    expect(shownText(el)).not.to.include('Réinscrire un autre élève');
    expect([...shadow(el).querySelectorAll('button')].some((b) => normalise(b.textContent).startsWith('Réinscrire'))).to.equal(false);
  });

  it('names the other student still pending, and fires reinscription-reregister', async () => {
    const el = await confirmation({ otherPending: [LINA] });
    expect(shownText(el)).to.include('Réinscrire un autre élève');
    setTimeout(() => button(shadow(el), 'Réinscrire MOREAU Lina').click());
    const event = await oneEvent(el, 'reinscription-reregister');
    expect(event.detail).to.deep.equal({ studentId: 'lina' });
    expect(event.bubbles && event.composed).to.equal(true);
  });

  it('has one button per pending student when there are several', async () => {
    const el = await confirmation({ otherPending: [LINA, PAUL] });
    expect(queryButton(shadow(el), 'Réinscrire MOREAU Lina')).to.exist;
    setTimeout(() => button(shadow(el), 'Réinscrire MOREAU Paul').click());
    const event = await oneEvent(el, 'reinscription-reregister');
    expect(event.detail).to.deep.equal({ studentId: 'paul' });
  });

  it('« Déconnexion » fires reinscription-logout', async () => {
    const el = await confirmation();
    setTimeout(() => button(shadow(el), 'Déconnexion').click());
    const event = await oneEvent(el, 'reinscription-logout');
    expect(event.detail).to.deep.equal({});
  });

  it('focuses its heading when asked', async () => {
    const el = await confirmation();
    el.focusHeading();
    expect(normalise(shadow(el).activeElement?.textContent)).to.equal('Réinscription envoyée');
  });

  it('is accessible, complete or with missing pieces and other students', async () => {
    await expect(await confirmation()).to.be.accessible();
    await expect(
      await confirmation({
        submission: submission({ status: 'envoyee-incomplete', missingDocuments: ['responsabilite-civile'] }),
        otherPending: [LINA, PAUL],
      }),
    ).to.be.accessible();
  });
});
