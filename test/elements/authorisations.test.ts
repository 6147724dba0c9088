import { expect, fixture, html, oneEvent } from '@open-wc/testing';
// Bundled with @web/test-runner, whose default plugins serve these commands.
import { setViewport } from '@web/test-runner-commands';
import type { RegistrationAnswers } from '../../src/api/contract.js';
import type { ReinscriptionAuthorisations } from '../../src/elements/authorisations/authorisations.js';
import '../../src/elements/authorisations/authorisations.js';
import { answers, campaign, control, controlled, description, fieldset, normalise, registration, shadow, shownText, summaryLinks } from '../fixtures/steps.js';

const IMAGE = "Droit à l'image";
const SORTIE = 'Autorisation de sortie';
const IMAGE_REQUIRED = "Indiquez si vous autorisez le droit à l'image (Oui ou Non)";
const SORTIE_REQUIRED = "Indiquez si vous autorisez l'élève à quitter seul le conservatoire (Oui ou Non)";

async function step(options: { adult?: boolean; answers?: RegistrationAnswers } = {}): Promise<ReinscriptionAuthorisations> {
  const el = await fixture<ReinscriptionAuthorisations>(
    html`<reinscription-authorisations
      .campaign=${campaign()}
      .registration=${registration()}
      .answers=${options.answers ?? answers()}
      .adult=${options.adult ?? false}
    ></reinscription-authorisations>`,
  );
  controlled(el);
  return el;
}

/** Clicks « Oui » or « Non » in the question whose legend is `legend`, as a user would. */
async function choose(el: ReinscriptionAuthorisations, legend: string, choice: 'Oui' | 'Non'): Promise<void> {
  control(fieldset(shadow(el), legend), choice).click();
  await el.updateComplete;
}

const radios = (el: Element, legend: string) => [...fieldset(shadow(el), legend).querySelectorAll<HTMLInputElement>('input[type="radio"]')];
/** The disclosure that follows the question whose legend is `legend`. */
const text = (el: Element, legend: string): HTMLDetailsElement => {
  const details = fieldset(shadow(el), legend).closest('.question')?.querySelector('details');
  if (!details) throw new Error(`No text after « ${legend} »`);
  return details;
};
const fieldError = (el: Element, legend: string) => normalise(fieldset(shadow(el), legend).querySelector('.error')?.textContent);

describe('<reinscription-authorisations>', () => {
  it('asks both questions with Oui / Non and nothing preselected', async () => {
    const el = await step();
    for (const legend of [IMAGE, SORTIE]) {
      const choices = radios(el, legend);
      expect(choices.map((r) => normalise(r.labels?.[0]?.textContent))).to.deep.equal(['Oui', 'Non']);
      expect(choices.some((r) => r.checked)).to.equal(false);
    }
    expect(shadow(el).querySelector('h2')?.textContent).to.include('Droit à l’image et autorisation de sortie');
  });

  it('asks each question first, with its full text after it behind « Lire le texte », folded', async () => {
    const el = await step();
    const image = text(el, IMAGE);
    expect(normalise(image.querySelector('summary')?.textContent)).to.equal("Lire le texte de l'autorisation « Droit à l'image »");
    expect(normalise(image.querySelector('summary > span:not(.visually-hidden)')?.textContent)).to.equal('Lire le texte');
    expect(normalise(image.textContent)).to.include("j'autorise le Conservatoire Municipal de Limonest à utiliser mon image");
    expect(normalise(image.textContent)).to.include('consentie à titre gratuit');
    const sortie = text(el, SORTIE);
    expect(normalise(sortie.querySelector('summary')?.textContent)).to.equal("Lire le texte de l'autorisation « Autorisation de sortie »");
    expect(normalise(sortie.textContent)).to.include("j'autorise l'élève mineur à quitter seul·e l'enceinte du Conservatoire");
    // Oui / Non come before the text, which is folded even on a wide screen.
    const [yes] = radios(el, IMAGE);
    expect(yes!.compareDocumentPosition(image) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    expect(image.open).to.equal(false);
    expect(sortie.open).to.equal(false);
    // One tap opens it, and it stays open across renders.
    image.querySelector('summary')!.click();
    expect(image.open).to.equal(true);
    el.requestUpdate();
    await el.updateComplete;
    expect(image.open).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('on a 360 px phone, « Oui » of the image rights is on the first screen', async () => {
    await setViewport({ width: 360, height: 640 });
    try {
      const el = await step();
      const [yes] = radios(el, IMAGE);
      expect(yes!.getBoundingClientRect().bottom).to.be.below(640);
      expect([...shadow(el).querySelectorAll('details')].every((d) => !d.open)).to.equal(true);
      await expect(el).to.be.accessible();
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('focuses its heading when asked', async () => {
    const el = await step();
    el.focusHeading();
    expect(normalise(shadow(el).activeElement?.textContent)).to.equal("Droit à l'image et autorisation de sortie");
  });

  it('requires both answers: summary, focus, and a message at each question', async () => {
    const el = await step();
    expect((await el.validate()).ok).to.equal(false);
    const root = shadow(el);
    expect(summaryLinks(root)).to.deep.equal([IMAGE_REQUIRED, SORTIE_REQUIRED]);
    expect(root.activeElement?.classList.contains('error-summary')).to.equal(true);
    expect(fieldError(el, IMAGE)).to.equal(`Erreur : ${IMAGE_REQUIRED}`);
    expect(fieldError(el, SORTIE)).to.equal(`Erreur : ${SORTIE_REQUIRED}`);
    const imageFieldset = fieldset(root, IMAGE);
    expect(description(root, imageFieldset)).to.include(IMAGE_REQUIRED);
    expect(radios(el, IMAGE).every((r) => r.getAttribute('aria-invalid') === 'true')).to.equal(true);
    for (const message of [IMAGE_REQUIRED, SORTIE_REQUIRED]) {
      expect(message).not.to.match(/invalide|veuillez|obligatoire/i);
    }
  });

  it('a summary link takes the parent to the question', async () => {
    const el = await step();
    await el.validate();
    const link = [...shadow(el).querySelectorAll<HTMLAnchorElement>('.error-summary a')].find((a) => normalise(a.textContent) === SORTIE_REQUIRED)!;
    link.click();
    expect(shadow(el).activeElement).to.equal(radios(el, SORTIE)[0]);
  });

  it('clears a message as soon as the question is answered, and never flags the other early', async () => {
    const el = await step();
    await el.validate();
    await choose(el, IMAGE, 'Non');
    expect(fieldError(el, IMAGE)).to.equal('');
    expect(fieldError(el, SORTIE)).to.equal(`Erreur : ${SORTIE_REQUIRED}`);
    expect(summaryLinks(shadow(el))).to.deep.equal([SORTIE_REQUIRED]);
    await choose(el, SORTIE, 'Oui');
    expect(shadow(el).querySelector('.error-summary')).to.equal(null);
    expect((await el.validate()).ok).to.equal(true);
  });

  it('does not flag anything before validation', async () => {
    const el = await step();
    await choose(el, IMAGE, 'Oui');
    expect(shadow(el).querySelector('.error')).to.equal(null);
    expect(shadow(el).querySelector('.error-summary')).to.equal(null);
  });

  it('reports each answer as a patch of the authorisations', async () => {
    const el = await fixture<ReinscriptionAuthorisations>(
      html`<reinscription-authorisations
        .campaign=${campaign()}
        .registration=${registration()}
        .answers=${answers('gianni', { authorisations: { image: 'oui', sortie: null } })}
      ></reinscription-authorisations>`,
    );
    setTimeout(() => control(fieldset(shadow(el), SORTIE), 'Non').click());
    const event = await oneEvent(el, 'reinscription-answers-change');
    // Only the answer given: a quick second answer can never be overwritten by a stale copy.
    expect(event.detail).to.deep.equal({ patch: { authorisations: { sortie: 'non' } } });
    expect(event.bubbles && event.composed).to.equal(true);
  });

  it('renders the answers it is given (a controlled component)', async () => {
    const el = await step({ answers: answers('gianni', { authorisations: { image: 'non', sortie: 'oui' } }) });
    expect(radios(el, IMAGE).map((r) => r.checked)).to.deep.equal([false, true]);
    expect(radios(el, SORTIE).map((r) => r.checked)).to.deep.equal([true, false]);
  });

  it('words « sortie » for an adult student, and still requires it', async () => {
    const el = await step({ adult: true });
    const root = shadow(el);
    const sortie = fieldset(root, SORTIE);
    expect(normalise(sortie.querySelector('.hint')?.textContent)).to.equal("Élève majeur : indiquez Oui ou Non pour valider l'inscription.");
    expect(description(root, sortie)).to.include('Élève majeur');
    expect(normalise(text(el, SORTIE).textContent)).to.include('Pour les élèves adultes, merci de cocher une case');
    expect(normalise(text(el, SORTIE).textContent)).not.to.include("l'élève mineur");
    expect((await el.validate()).ok).to.equal(false);
    expect(summaryLinks(root)).to.deep.equal([IMAGE_REQUIRED, "Indiquez Oui ou Non pour l'autorisation de sortie, afin de valider l'inscription"]);
  });

  describe('a refusal from the server (422)', () => {
    const answered = () => step({ answers: answers('gianni', { authorisations: { image: 'oui', sortie: 'non' } }) });

    it('marks the refused question as its own check would: next to it, in the summary, which takes focus, and in the title', async () => {
      document.title = 'Réinscriptions';
      const el = await answered();
      expect(el.showServerErrors({ 'answers.authorisations.image': ['authorisations.image.required'] })).to.equal(true);
      await el.updateComplete;
      const root = shadow(el);
      expect(fieldError(el, IMAGE)).to.equal(`Erreur : ${IMAGE_REQUIRED}`);
      expect(description(root, fieldset(root, IMAGE))).to.include(IMAGE_REQUIRED);
      expect(radios(el, IMAGE).every((r) => r.getAttribute('aria-invalid') === 'true')).to.equal(true);
      expect(radios(el, SORTIE).every((r) => r.getAttribute('aria-invalid') === 'false')).to.equal(true);
      expect(summaryLinks(root)).to.deep.equal([IMAGE_REQUIRED]);
      expect(root.activeElement?.classList.contains('error-summary')).to.equal(true);
      expect(document.title).to.equal('Erreur\u00a0: Réinscriptions');
      await expect(el).to.be.accessible();
    });

    it('names the question when the server’s id is not one of the catalogue, and keeps it until the answer changes', async () => {
      const el = await answered();
      expect(el.showServerErrors({ 'answers.authorisations.sortie': ['validation.invalid'] })).to.equal(true);
      await el.updateComplete;
      const refusedSortie = "Le serveur du conservatoire a refusé votre réponse à « Autorisation de sortie » : vérifiez-la, puis passez à l'étape suivante.";
      expect(fieldError(el, SORTIE)).to.equal(`Erreur : ${refusedSortie}`);
      expect(summaryLinks(shadow(el))).to.deep.equal([refusedSortie]);
      el.requestUpdate();
      await el.updateComplete;
      expect(summaryLinks(shadow(el))).to.deep.equal([refusedSortie]);
      await choose(el, SORTIE, 'Oui');
      expect(fieldError(el, SORTIE)).to.equal('');
      expect(shadow(el).querySelector('.error-summary')).to.equal(null);
    });

    it('marks nothing and says false for the fields of other steps', async () => {
      const el = await answered();
      expect(
        el.showServerErrors({ 'answers.guardian.email': ['validation.invalid'], 'answers.additionalInfo': ['x'], 'acceptance.acceptedAt': ['x'] }),
      ).to.equal(false);
      expect(el.showServerErrors({ 'answers.authorisations': ['validation.invalid'], 'answers.authorisations.image.code': ['x'] })).to.equal(false);
      await el.updateComplete;
      expect(shadow(el).querySelector('.error-summary')).to.equal(null);
      expect(shadow(el).querySelector('.error')).to.equal(null);
    });
  });

  it('is accessible when empty, in error and answered', async () => {
    const el = await step();
    await expect(el).to.be.accessible();
    await el.validate();
    await expect(el).to.be.accessible();
    await choose(el, IMAGE, 'Oui');
    await choose(el, SORTIE, 'Non');
    await expect(el).to.be.accessible();
    expect(shownText(el)).not.to.include('Erreur');
  });
});
