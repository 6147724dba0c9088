import { expect, fixture, html, oneEvent } from '@open-wc/testing';
// Bundled with @web/test-runner, whose default plugins serve these commands.
import { emulateMedia } from '@web/test-runner-commands';
import type { FieldChange, RegistrationAnswers, Submission } from '../../src/api/contract.js';
import type { PendingStudent, ReinscriptionConfirmation } from '../../src/elements/confirmation/confirmation.js';
import '../../src/elements/confirmation/confirmation.js';
import type { ProvidedDocument } from '../../src/elements/recap/recap.js';
import { answers, button, campaign, definition, heading, normalise, queryButton, registration, shadow, shownText, submission } from '../fixtures/steps.js';

const LINA: PendingStudent = { id: 'lina', name: 'MOREAU Lina' };
const PAUL: PendingStudent = { id: 'paul', name: 'MOREAU Paul' };

interface Options {
  submission?: Submission;
  otherPending?: PendingStudent[];
  answers?: RegistrationAnswers;
  changes?: FieldChange[];
  provided?: ProvidedDocument[];
}

async function confirmation(options: Options = {}): Promise<ReinscriptionConfirmation> {
  return fixture<ReinscriptionConfirmation>(
    html`<reinscription-confirmation
      .campaign=${campaign()}
      .submission=${options.submission ?? submission()}
      .studentName=${'MOREAU Gianni'}
      .otherPending=${options.otherPending ?? []}
      .answers=${options.answers}
      .registration=${registration('gianni')}
      .changes=${options.changes ?? []}
      .providedDocuments=${options.provided ?? []}
    ></reinscription-confirmation>`,
  );
}

const panel = (el: Element) => shadow(el).querySelector<HTMLElement>('[role="status"]')!;

/** What Gianni's family sent: direct debit, bank changed, image yes, exit no, a note. */
const sentAnswers = (overrides: Partial<RegistrationAnswers> = {}) =>
  answers('gianni', {
    authorisations: { image: 'oui', sortie: 'non' },
    bankChanged: true,
    additionalInfo: 'Orchestre plutôt que chorale.',
    ...overrides,
  });
const changes: FieldChange[] = [{ field: 'guardian.phoneMobile', label: 'Mobile du responsable', before: '+33639980042', after: '+33639980044' }];
const provided: ProvidedDocument[] = [{ label: 'Attestation QF (CAF)', fileName: 'qf-2024.pdf' }];
const incomplete = () => submission({ status: 'envoyee-incomplete', missingDocuments: ['justificatif-domicile', 'responsabilite-civile'] });

/** « Voir vos réponses » and what it holds. */
const answersDisclosure = (el: Element) => {
  const summary = [...shadow(el).querySelectorAll('summary')].find((s) => normalise(s.textContent) === 'Voir vos réponses');
  if (!summary) throw new Error('No « Voir vos réponses »');
  return summary.parentElement as HTMLDetailsElement;
};
const receiptSection = (el: Element, title: string) => heading(shadow(el), title).closest('section')!;

describe('<reinscription-confirmation>', () => {
  it('confirms the sending in a status panel with the reference, date and time in Paris', async () => {
    const el = await confirmation();
    const p = panel(el);
    expect(normalise(p.querySelector('h2')?.textContent)).to.equal('Réinscription envoyée');
    expect(normalise(p.textContent)).to.include('La réinscription de MOREAU Gianni a bien été envoyée au conservatoire.');
    expect(definition(p, 'Numéro de référence')).to.equal('REI-2024-000123');
    expect(definition(p, "Date d'envoi")).to.equal('10/06/2024 à 14 h 32');
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
    expect(text).to.include("jusqu'au 30/09/2024 à 23 h 59");
  });

  it('says in the status panel that a summary was e-mailed, to an address masked after its first letter', async () => {
    const el = await confirmation();
    const p = normalise(panel(el).textContent);
    expect(p).to.include('Un récapitulatif a été envoyé à l…@example.fr.');
    expect(shownText(el)).not.to.include('lydie.dagostino');
  });

  it('says how to keep a copy when no summary could be e-mailed', async () => {
    const el = await confirmation({ submission: submission({ receipt: { sent: false } }) });
    const p = normalise(panel(el).textContent);
    expect(p).not.to.include('Un récapitulatif a été envoyé');
    expect(p).to.include("Aucun récapitulatif n'a été envoyé par e-mail.");
    expect(p).to.include('imprimez cette page ou enregistrez-la en PDF');
    expect(queryButton(shadow(el), 'Imprimer le récapitulatif')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('« Et maintenant ? » names only the payment mode chosen: direct debit', async () => {
    const el = await confirmation({ answers: sentAnswers({ paymentMode: 'direct-debit' }) });
    const next = normalise(heading(shadow(el), 'Et maintenant ?').nextElementSibling?.textContent);
    expect(next).to.include('Mode de règlement choisi : Prélèvement automatique en 9 fois.');
    expect(next).to.include('Prélèvement automatique : 9 fois, en début de mois, à partir de novembre.');
    expect(next).not.to.include('Règlement en une fois');
    expect(next).not.to.include('25 octobre');
  });

  it('« Et maintenant ? » names only the payment mode chosen: in one go', async () => {
    const el = await confirmation({ answers: sentAnswers({ paymentMode: 'single', bankChanged: null }) });
    const next = normalise(heading(shadow(el), 'Et maintenant ?').nextElementSibling?.textContent);
    expect(next).to.include('Mode de règlement choisi : Règlement en une fois.');
    expect(next).to.include('à partir du 25 octobre');
    expect(next).not.to.include('Prélèvement');
  });

  it('says what happens next and whom to write to', async () => {
    const el = await confirmation();
    const text = shownText(el);
    expect(text).to.include('Et maintenant ?');
    expect(text).to.include('Le coût définitif sera déterminé par les services du conservatoire.');
    // Without the answers, the mode chosen is not known: both are explained.
    expect(text).to.include('la facture vous est envoyée à partir du 25 octobre');
    const mail = shadow(el).querySelector<HTMLAnchorElement>('a[href^="mailto:"]')!;
    expect(mail.href).to.equal('mailto:conservatoire@limonest.fr');
    expect(normalise(mail.textContent)).to.equal('conservatoire@limonest.fr');
  });

  describe('the answers sent', () => {
    it('are behind « Voir vos réponses », closed on screen, with every answer as the recap showed it', async () => {
      const el = await confirmation({ answers: sentAnswers(), changes, provided, submission: incomplete() });
      const details = answersDisclosure(el);
      expect(details.open).to.equal(false);
      details.querySelector('summary')!.click();
      await el.updateComplete;
      expect(details.open).to.equal(true);

      const coordinates = receiptSection(el, 'Coordonnées');
      expect(definition(coordinates, 'Nom')).to.equal("D'AGOSTINO");
      expect(definition(coordinates, 'Mobile')).to.equal('06 39 98 00 42');
      expect(definition(coordinates, 'Mode de règlement souhaité')).to.equal('Prélèvement automatique en 9 fois');
      expect(definition(coordinates, 'Changement de banque')).to.equal('Oui');
      const auth = receiptSection(el, 'Autorisations');
      expect(definition(auth, "Droit à l'image")).to.equal('Oui');
      expect(definition(auth, 'Autorisation de sortie')).to.equal('Non');
      const courses = receiptSection(el, 'Cours et information complémentaire');
      expect(definition(courses, 'Cours')).to.include('Clarinette (Lydie DAGOSTINO)');
      expect(definition(courses, 'Information complémentaire')).to.equal('Orchestre plutôt que chorale.');
      expect(definition(receiptSection(el, 'Éléments modifiés'), 'Mobile du responsable')).to.equal('Avant : 06 39 98 00 42 Maintenant : 06 39 98 00 44');
      const docs = receiptSection(el, 'Documents');
      expect(definition(docs, 'Attestation QF (CAF)')).to.equal('qf-2024.pdf');
      const docsText = normalise(docs.textContent);
      expect(docsText).to.include('Justificatif de domicile (de moins de 3 mois) (famille)');
      expect(docsText).to.include('Attestation de responsabilité civile (élève)');
      expect(normalise(details.textContent)).to.include(`Règlement intérieur 2024-2025 accepté (version ${campaign().rules.version}).`);
      await expect(el).to.be.accessible();
    });

    it('say so when nothing was changed and every piece was sent', async () => {
      const el = await confirmation({ answers: sentAnswers(), provided });
      answersDisclosure(el).open = true;
      expect(normalise(receiptSection(el, 'Éléments modifiés').textContent)).to.include("Vous n'avez modifié aucune information enregistrée.");
      expect(normalise(receiptSection(el, 'Documents').textContent)).to.include('Toutes les pièces demandées sont fournies.');
    });

    it('are not offered when the wizard gave none', async () => {
      const el = await confirmation();
      expect([...shadow(el).querySelectorAll('summary')]).to.have.length(0);
    });
  });

  describe('printing the receipt', () => {
    const originalPrint = window.print;
    afterEach(() => {
      window.print = originalPrint;
    });

    it('prints every answer: the answers open while printing, and close again after', async () => {
      const el = await confirmation({ answers: sentAnswers(), changes, provided, submission: incomplete() });
      const details = answersDisclosure(el);
      try {
        window.dispatchEvent(new Event('beforeprint'));
        await emulateMedia({ media: 'print' });
        expect(details.open).to.equal(true);
        for (const title of ['Coordonnées', 'Autorisations', 'Cours et information complémentaire', 'Éléments modifiés', 'Documents']) {
          expect(receiptSection(el, title).getBoundingClientRect().height, title).to.be.above(0);
        }
        expect(panel(el).getBoundingClientRect().height).to.be.above(0);
      } finally {
        await emulateMedia({ media: 'screen' });
        window.dispatchEvent(new Event('afterprint'));
      }
      expect(details.open).to.equal(false);
    });

    it('leaves the answers open after printing when the parent had opened them', async () => {
      const el = await confirmation({ answers: sentAnswers() });
      const details = answersDisclosure(el);
      details.open = true;
      window.dispatchEvent(new Event('beforeprint'));
      window.dispatchEvent(new Event('afterprint'));
      expect(details.open).to.equal(true);
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
    await expect(await confirmation({ answers: sentAnswers(), changes, provided, submission: submission({ receipt: { sent: false } }) })).to.be.accessible();
    await expect(
      await confirmation({
        submission: submission({ status: 'envoyee-incomplete', missingDocuments: ['responsabilite-civile'] }),
        otherPending: [LINA, PAUL],
      }),
    ).to.be.accessible();
  });
});
