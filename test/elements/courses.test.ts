import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { Registration, RegistrationAnswers } from '../../src/api/contract.js';
import type { ReinscriptionCourses } from '../../src/elements/courses/courses.js';
import '../../src/elements/courses/courses.js';
import { answers, campaign, control, controlled, description, normalise, registration, shadow, summaryLinks, type } from '../fixtures/steps.js';

const ADMINISTRATIVE = 'Réinscription administrative';
const INFO = 'Information complémentaire';

async function step(
  options: { registration?: Registration; answers?: RegistrationAnswers; width?: number; maxLength?: number } = {},
): Promise<ReinscriptionCourses> {
  const el = await fixture<ReinscriptionCourses>(
    html`<reinscription-courses
      style=${`display:block;width:${options.width ?? 800}px`}
      .campaign=${campaign(options.maxLength ? { additionalInfoMaxLength: options.maxLength } : {})}
      .registration=${options.registration ?? registration()}
      .answers=${options.answers ?? answers()}
    ></reinscription-courses>`,
  );
  controlled(el);
  return el;
}

const table = (el: Element) => shadow(el).querySelector('table')!;
const headers = (el: Element) => [...table(el).querySelectorAll('thead th')].map((th) => normalise(th.textContent));
/** Each row as the values of its cells (without the card labels). */
const rows = (el: Element) =>
  [...table(el).querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => normalise(td.lastElementChild?.textContent)));
const counter = (el: Element) => normalise(shadow(el).querySelector('.counter')?.textContent);

describe('<reinscription-courses>', () => {
  it("shows the student's courses as a table with the manual's columns, without « Ha » nor an empty « Cours »", async () => {
    const el = await step();
    expect(normalise(table(el).caption?.textContent)).to.equal('Cours de MOREAU Gianni');
    expect(headers(el)).to.deep.equal(['Cursus', 'Enseignant', 'Cycle', 'Actif']);
    expect(rows(el)).to.deep.equal([
      ["Choeur Domin'ut", 'Lorène REYMOND', '', 'Oui'],
      ['Clarinette', 'Lydie DAGOSTINO', '1C2', 'Oui'],
      ['FM 1C2', 'Catherine DUPERRAY', '', 'Oui'],
      ['TC1A Théâtre classe 1A PRIMAIRE JEUDI', 'Jade BRECHELIERE', '', 'Oui'],
    ]);
    expect(table(el).querySelectorAll('input, select, textarea, button')).to.have.length(0);
  });

  it('shows « Cours » once one course has it, and never the « Ha » code', async () => {
    const reg = registration();
    reg.courses = [{ ...reg.courses[1]!, cours: 'Clarinette 30 min', ha: 'H12' }, reg.courses[0]!];
    const el = await step({ registration: reg });
    expect(headers(el)).to.deep.equal(['Cursus', 'Cours', 'Enseignant', 'Cycle', 'Actif']);
    expect(rows(el)[0]).to.deep.equal(['Clarinette', 'Clarinette 30 min', 'Lydie DAGOSTINO', '1C2', 'Oui']);
    expect(normalise(shadow(el).textContent)).to.not.include('H12');
  });

  it('says « Non » in words for an inactive course', async () => {
    const reg = registration();
    reg.courses = [{ ...reg.courses[0]!, active: false }];
    const el = await step({ registration: reg });
    expect(rows(el)[0]![3]).to.equal('Non');
  });

  it('turns each row into a labelled card on a 360 px phone', async () => {
    const el = await step({ width: 360 });
    const firstRow = table(el).querySelector('tbody tr')!;
    expect(getComputedStyle(firstRow).display).to.equal('block');
    const teacherCell = firstRow.querySelectorAll('td')[1]!;
    const label = teacherCell.querySelector('.cell-label')!;
    expect(normalise(label.textContent)).to.equal('Enseignant');
    expect(getComputedStyle(label).display).not.to.equal('none');
    // Empty cells take no room on a card.
    expect(getComputedStyle(firstRow.querySelectorAll('td')[2]!).display).to.equal('none'); // no cycle
    expect(table(el).getBoundingClientRect().width).to.be.at.most(360);
    // The column labels are only for the card layout on wide screens.
    const wide = await step();
    expect(getComputedStyle(table(wide).querySelector('.cell-label')!).display).to.equal('none');
  });

  it('offers « Réinscription administrative » only where the backend says it applies', async () => {
    const gianni = await step();
    expect(() => control(shadow(gianni), ADMINISTRATIVE)).to.throw();
    expect(shadow(gianni).querySelector('input[type="checkbox"]')).to.equal(null);
    const lina = await step({ registration: registration('lina'), answers: answers('lina') });
    const box = control(shadow(lina), ADMINISTRATIVE);
    expect(box.type).to.equal('checkbox');
    expect(box.checked).to.equal(false);
    expect(normalise(shadow(lina).getElementById(box.getAttribute('aria-describedby')!)?.textContent)).to.include(
      'Pour les élèves qui ont fait la Découverte Instrumentale en 2023-2024',
    );
    setTimeout(() => box.click());
    const event = await oneEvent(lina, 'reinscription-answers-change');
    expect(event.detail).to.deep.equal({ patch: { administrativeReregistration: true } });
    await lina.updateComplete;
    expect(control(shadow(lina), ADMINISTRATIVE).checked).to.equal(true);
  });

  describe('« Réinscription administrative » checked: the instrument and the day', () => {
    const INSTRUMENT = "Instrument choisi par l'élève";
    const DAY = "Jour souhaité pour la FM1C1 et la chorale Domin'ut";
    const lina = () => step({ registration: registration('lina'), answers: answers('lina') });

    it('asks for them only once the box is checked, with hints, and carries them in the answers', async () => {
      const el = await lina();
      expect(() => control(shadow(el), INSTRUMENT)).to.throw();
      expect(() => control(shadow(el), DAY)).to.throw();
      control(shadow(el), ADMINISTRATIVE).click();
      await el.updateComplete;
      const instrument = control(shadow(el), INSTRUMENT);
      const day = control(shadow(el), DAY);
      // Required (no « (facultatif) »), with an example of what to write.
      expect(normalise(instrument.labels?.[0]?.textContent)).to.equal(INSTRUMENT);
      expect(description(shadow(el), instrument)).to.equal('Par exemple : clarinette');
      expect(description(shadow(el), day)).to.equal('Par exemple : mercredi ou samedi');
      setTimeout(() => type(instrument, 'Violoncelle'));
      const event = await oneEvent(el, 'reinscription-answers-change');
      expect(event.detail).to.deep.equal({ patch: { administrativeDetails: { instrument: 'Violoncelle', day: '' } } });
      await el.updateComplete;
      type(control(shadow(el), DAY), 'Mercredi');
      await el.updateComplete;
      expect(el.answers?.administrativeDetails).to.deep.equal({ instrument: 'Violoncelle', day: 'Mercredi' });
      expect((await el.validate()).ok).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('stops the step while either is missing, names them in the summary, clears each once written', async () => {
      const el = await step({ registration: registration('lina'), answers: answers('lina', { administrativeReregistration: true }) });
      expect((await el.validate()).ok).to.equal(false);
      expect(summaryLinks(shadow(el))).to.deep.equal([
        "Indiquez l'instrument choisi par l'élève, par exemple clarinette",
        "Indiquez le jour souhaité pour la FM1C1 et la chorale Domin'ut, par exemple mercredi",
      ]);
      const instrument = control(shadow(el), INSTRUMENT);
      expect(instrument.getAttribute('aria-invalid')).to.equal('true');
      expect(description(shadow(el), instrument)).to.include("Erreur : Indiquez l'instrument choisi par l'élève");
      await expect(el).to.be.accessible();
      type(instrument, 'Flûte traversière');
      await el.updateComplete;
      expect(instrument.getAttribute('aria-invalid')).to.equal('false');
      expect(summaryLinks(shadow(el))).to.have.length(1);
      // A dash alone is not a day.
      type(control(shadow(el), DAY), '-');
      await el.updateComplete;
      expect(summaryLinks(shadow(el))).to.have.length(1);
      type(control(shadow(el), DAY), 'Samedi');
      await el.updateComplete;
      expect(shadow(el).querySelector('.error-summary')).to.equal(null);
      expect((await el.validate()).ok).to.equal(true);
    });

    it('unchecking the box drops them from the answers and from the page', async () => {
      const el = await step({
        registration: registration('lina'),
        answers: answers('lina', { administrativeReregistration: true, administrativeDetails: { instrument: 'Violon', day: 'Samedi' } }),
      });
      expect(control(shadow(el), INSTRUMENT).value).to.equal('Violon');
      setTimeout(() => control(shadow(el), ADMINISTRATIVE).click());
      const event = await oneEvent(el, 'reinscription-answers-change');
      expect(event.detail.patch).to.deep.equal({ administrativeReregistration: false, administrativeDetails: undefined });
      await el.updateComplete;
      expect(() => control(shadow(el), INSTRUMENT)).to.throw();
      expect((await el.validate()).ok).to.equal(true);
    });

    it('marks a detail the server refused next to its field and in the summary, which takes focus', async () => {
      const el = await step({
        registration: registration('lina'),
        answers: answers('lina', { administrativeReregistration: true, administrativeDetails: { instrument: 'Violon', day: 'Samedi' } }),
      });
      const required = "Indiquez l'instrument choisi par l'élève, par exemple clarinette";
      expect(el.showServerErrors({ 'answers.administrativeDetails.instrument': ['courses.administrative.instrument.required'] })).to.equal(true);
      await el.updateComplete;
      const root = shadow(el);
      const instrument = control(root, INSTRUMENT);
      expect(instrument.getAttribute('aria-invalid')).to.equal('true');
      expect(description(root, instrument)).to.include(`Erreur : ${required}`);
      expect(control(root, DAY).getAttribute('aria-invalid')).to.equal('false');
      expect(summaryLinks(root)).to.deep.equal([required]);
      expect(root.activeElement?.classList.contains('error-summary')).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('names the box when the server refuses it with an id the catalogue does not know', async () => {
      const el = await step({ registration: registration('lina'), answers: answers('lina', { administrativeReregistration: false }) });
      expect(el.showServerErrors({ 'answers.administrativeReregistration': ['validation.invalid'] })).to.equal(true);
      await el.updateComplete;
      const box = control(shadow(el), ADMINISTRATIVE);
      const refused = "Le serveur du conservatoire a refusé « Réinscription administrative » : vérifiez votre réponse, puis passez à l'étape suivante.";
      expect(box.getAttribute('aria-invalid')).to.equal('true');
      expect(description(shadow(el), box)).to.include(refused);
      expect(summaryLinks(shadow(el))).to.deep.equal([refused]);
    });

    it('says false for a detail the page does not show: box unchecked, or where it does not apply', async () => {
      const unchecked = await lina();
      expect(unchecked.showServerErrors({ 'answers.administrativeDetails.instrument': ['validation.invalid'] })).to.equal(false);
      const gianni = await step();
      expect(gianni.showServerErrors({ 'answers.administrativeDetails.day': ['x'], 'answers.administrativeReregistration': ['x'] })).to.equal(false);
      await gianni.updateComplete;
      expect(shadow(gianni).querySelector('.error-summary')).to.equal(null);
    });

    it('asks nothing where it does not apply, whatever an old draft says', async () => {
      const el = await step({ answers: answers('gianni', { administrativeReregistration: true }) });
      expect(() => control(shadow(el), INSTRUMENT)).to.throw();
      expect((await el.validate()).ok).to.equal(true);
    });
  });

  it("shows the campaign's guidance notes with their links, opening in a new window", async () => {
    const el = await step();
    const notes = shadow(el).querySelector('.notes')!;
    expect(normalise(notes.textContent)).to.include("Pour les élèves en FM1C4, merci de préciser votre préférence pour l'horaire");
    const links = [...notes.querySelectorAll('a')];
    expect(links.length).to.be.at.least(2);
    for (const a of links) {
      expect(a.href).to.match(/^https:\/\//);
      expect(a.target).to.equal('_blank');
      expect(a.rel).to.include('noopener');
      expect(normalise(a.textContent)).to.include('(nouvelle fenêtre)');
    }
    expect(normalise(links[0]!.textContent)).to.include('PLANNING PRÉVISIONNEL DES COURS COLLECTIFS 2024-2025');
  });

  it('has an optional « Information complémentaire » with its limit and a live counter', async () => {
    const el = await step();
    const area = control<HTMLTextAreaElement>(shadow(el), INFO);
    expect(normalise(area.labels[0]?.textContent)).to.equal('Information complémentaire (facultatif)');
    expect(area.maxLength).to.equal(1000);
    expect(counter(el)).to.equal('1 000 caractères restants');
    setTimeout(() => type(area, 'Préférence : FM le mercredi.'));
    const event = await oneEvent(el, 'reinscription-answers-change');
    expect(event.detail).to.deep.equal({ patch: { additionalInfo: 'Préférence : FM le mercredi.' } });
    await el.updateComplete;
    expect(counter(el)).to.equal('972 caractères restants');
    expect(area.getAttribute('aria-describedby')).to.include(shadow(el).querySelector('.counter')!.id);
    type(area, 'x'.repeat(999));
    await el.updateComplete;
    expect(counter(el)).to.equal('1 caractère restant');
  });

  it('focuses its heading when asked', async () => {
    const el = await step();
    el.focusHeading();
    expect(normalise(shadow(el).activeElement?.textContent)).to.equal('Cours et information complémentaire');
  });

  it('accepts the step when the text is within the limit, even empty', async () => {
    const el = await step();
    expect((await el.validate()).ok).to.equal(true);
    expect(shadow(el).querySelector('.error-summary')).to.equal(null);
  });

  it('stops a text longer than the limit (e.g. an older draft) and clears the message once shortened', async () => {
    const el = await step({ maxLength: 20, answers: answers('gianni', { additionalInfo: 'Une demande un peu trop longue' }) });
    expect(counter(el)).to.equal('10 caractères en trop');
    expect((await el.validate()).ok).to.equal(false);
    const message = "L'information complémentaire doit faire au plus 20 caractères : raccourcissez-la de 10 caractères";
    expect(summaryLinks(shadow(el))).to.deep.equal([message]);
    expect(shadow(el).activeElement?.classList.contains('error-summary')).to.equal(true);
    const area = control<HTMLTextAreaElement>(shadow(el), INFO);
    expect(area.getAttribute('aria-invalid')).to.equal('true');
    type(area, 'Une demande courte');
    await el.updateComplete;
    expect(shadow(el).querySelector('.error-summary')).to.equal(null);
    expect(area.getAttribute('aria-invalid')).to.equal('false');
  });

  describe('a refusal from the server (422) of « Information complémentaire »', () => {
    const refused = "Le serveur du conservatoire a refusé « Information complémentaire » : vérifiez votre réponse, puis passez à l'étape suivante.";

    it('is said next to the text area and in the summary, which takes focus, until the text changes', async () => {
      document.title = 'Réinscriptions';
      const el = await step({ answers: answers('gianni', { additionalInfo: 'Orchestre plutôt que chorale.' }) });
      expect(el.showServerErrors({ 'answers.additionalInfo': ['validation.invalid'] })).to.equal(true);
      await el.updateComplete;
      const root = shadow(el);
      const area = control<HTMLTextAreaElement>(root, INFO);
      expect(area.getAttribute('aria-invalid')).to.equal('true');
      expect(description(root, area)).to.include(`Erreur : ${refused}`);
      expect(summaryLinks(root)).to.deep.equal([refused]);
      expect(root.activeElement?.classList.contains('error-summary')).to.equal(true);
      expect(document.title).to.equal('Erreur\u00a0: Réinscriptions');
      // A summary link takes the parent to the text area.
      root.querySelector<HTMLAnchorElement>('.error-summary a')!.click();
      expect(root.activeElement).to.equal(area);
      type(area, 'Orchestre le samedi.');
      await el.updateComplete;
      expect(area.getAttribute('aria-invalid')).to.equal('false');
      expect(root.querySelector('.error-summary')).to.equal(null);
    });

    it('shows a catalogue message the server names as it is, and one it words with parameters as the field’s refusal', async () => {
      const el = await step({ answers: answers('gianni', { additionalInfo: 'Texte' }) });
      el.showServerErrors({ additionalInfo: ['validation.controlCharacters'] });
      await el.updateComplete;
      expect(summaryLinks(shadow(el))).to.deep.equal([
        'Ce champ contient des caractères invisibles ou de contrôle, par exemple une tabulation ou une marque de mise en forme copiée avec le texte : retirez-les ou retapez le texte au clavier',
      ]);
      el.showServerErrors({ 'answers.additionalInfo': ['courses.additionalInfo.tooLong'] });
      await el.updateComplete;
      expect(summaryLinks(shadow(el))).to.deep.equal([refused]);
    });

    it('says false for the fields of other steps', async () => {
      const el = await step();
      expect(el.showServerErrors({ 'answers.authorisations.image': ['x'], 'answers.guardian.email': ['x'], 'acceptance.rulesVersion': ['x'] })).to.equal(false);
      await el.updateComplete;
      expect(shadow(el).querySelector('.error-summary')).to.equal(null);
    });
  });

  it('is accessible when empty, in error and filled, wide and narrow', async () => {
    const empty = await step({ registration: registration('lina'), answers: answers('lina') });
    await expect(empty).to.be.accessible();
    const error = await step({ maxLength: 5, answers: answers('gianni', { additionalInfo: 'Trop long' }) });
    await error.validate();
    await expect(error).to.be.accessible();
    const filled = await step({ width: 360, answers: answers('gianni', { additionalInfo: 'Orchestre plutôt que chorale.' }) });
    await expect(filled).to.be.accessible();
  });
});
