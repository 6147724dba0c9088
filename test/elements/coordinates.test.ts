import { expect, fixture, html, oneEvent } from '@open-wc/testing';
// Bundled with @web/test-runner, whose default plugins serve these commands.
import { setViewport } from '@web/test-runner-commands';
import type { Campaign } from '../../src/api/contract.js';
import type { ConfirmedFor, CoordinatesOriginal, ReinscriptionCoordinates } from '../../src/elements/coordinates/coordinates.js';
import '../../src/elements/coordinates/coordinates.js';
import { campaign, emptyOriginal, original, TODAY } from '../fixtures/campaign.js';

type Control = HTMLInputElement | HTMLSelectElement;

const normalise = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
const shadow = (el: Element) => el.shadowRoot!;

const UP_TO_DATE = 'Ces informations sont-elles à jour ?';
const SCHOOL = 'Scolarité en 2026-2027';

/**
 * Step 1 as the wizard shows it. A prefilled record opens on its summaries (the short path); with
 * `open` (the default for the tests of the fields themselves), the parent has answered « Non » to
 * « Ces informations sont-elles à jour ? » and chosen « Modifier » on the payment mode, so every field shows.
 */
async function step(
  o: { original?: CoordinatesOriginal; confirmedFor?: ConfirmedFor; campaign?: Campaign; open?: boolean } = {},
): Promise<ReinscriptionCoordinates> {
  const el = await fixture<ReinscriptionCoordinates>(
    html`<reinscription-coordinates
      .campaign=${o.campaign ?? campaign()}
      .original=${o.original ?? original()}
      .confirmedFor=${o.confirmedFor}
    ></reinscription-coordinates>`,
  );
  if ((o.open ?? true) && normalise(shadow(el).textContent).includes(UP_TO_DATE)) {
    await click(el, radio(el, UP_TO_DATE, 'Non'));
    await click(el, button(el, 'Modifier le mode de règlement'));
  }
  return el;
}

/** The button whose name, visually hidden text included, is `text`. */
function button(el: Element, text: string): HTMLButtonElement {
  const found = [...shadow(el).querySelectorAll('button')].find((b) => normalise(b.textContent) === text);
  if (!found) throw new Error(`No button « ${text} »`);
  return found;
}
const buttons = (el: Element) => [...shadow(el).querySelectorAll('button')].map((b) => normalise(b.textContent));

/** The rows of a block's summary, « label : value ». */
const summaryRows = (el: Element, heading: string) => {
  const section = [...shadow(el).querySelectorAll('.summary')].find((s) => normalise(s.querySelector('h3')?.textContent) === heading);
  if (!section) throw new Error(`No summary « ${heading} »`);
  return [...section.querySelectorAll('.summary-row')].map(
    (r) => `${normalise(r.querySelector('dt')?.textContent)} : ${normalise(r.querySelector('dd')?.textContent)}`,
  );
};
const summaryHeadings = (el: Element) => [...shadow(el).querySelectorAll('.summary h3')].map((h) => normalise(h.textContent));

/** The group whose legend reads `legend` (« Responsable », « Élève », « Date de naissance »…). */
function group(root: ParentNode, legend: string): HTMLFieldSetElement {
  const found = [...root.querySelectorAll('legend')].find((l) => normalise(l.textContent).replace(/ \(facultatif\)$/, '') === legend);
  if (!found?.parentElement) throw new Error(`No group « ${legend} »`);
  return found.parentElement as HTMLFieldSetElement;
}

/** The label reading `text` (with or without « (facultatif) ») in `root`, as a user finds it. */
function label(root: ParentNode, text: string): HTMLLabelElement {
  const found = [...root.querySelectorAll('label')].find((l) => {
    const shown = normalise(l.textContent);
    return shown === text || shown === `${text} (facultatif)`;
  });
  if (!found) throw new Error(`No label « ${text} »`);
  return found;
}

/** The control a label names, in a section (« Responsable », « Élève », « Mode de règlement souhaité »). */
function field(el: Element, section: string, text: string): Control {
  const l = label(group(shadow(el), section), text);
  const control = shadow(el).getElementById(l.htmlFor);
  if (!(control instanceof HTMLInputElement || control instanceof HTMLSelectElement)) throw new Error(`« ${text} » labels nothing`);
  return control;
}

function dateInput(el: Element, section: string, part: 'Jour' | 'Mois' | 'Année'): HTMLInputElement {
  const l = label(group(group(shadow(el), section), 'Date de naissance'), part);
  return shadow(el).getElementById(l.htmlFor) as HTMLInputElement;
}

async function type(el: ReinscriptionCoordinates, control: Control, value: string): Promise<void> {
  control.focus();
  control.value = value;
  control.dispatchEvent(new Event(control instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function click(el: ReinscriptionCoordinates, control: HTMLElement): Promise<void> {
  control.click();
  await el.updateComplete;
}

const radio = (el: Element, legend: string, choice: string) => {
  const l = label(group(shadow(el), legend), choice);
  return shadow(el).getElementById(l.htmlFor) as HTMLInputElement;
};

/** The message shown under a control (its aria-describedby error), '' when none. */
const errorOf = (control: Element) => {
  const holder = control.closest('.field');
  return normalise(holder?.querySelector('.error')?.textContent).replace(/^Erreur : ?/, '');
};

const summaryLinks = (el: Element) => [...shadow(el).querySelectorAll<HTMLAnchorElement>('.error-summary a')];
const changesText = (el: Element) => normalise(shadow(el).querySelector('.changes')?.textContent);
const changeItems = (el: Element) => [...shadow(el).querySelectorAll('.changes li')].map((li) => normalise(li.textContent));

const BANK = 'Avez-vous changé de compte bancaire depuis votre dernier mandat de prélèvement ?';

/** Answers what is asked afresh each year (same school and level as last year, no new bank) so the prefilled form passes. */
async function answerBank(el: ReinscriptionCoordinates) {
  await click(el, radio(el, BANK, 'Non'));
  await click(el, button(el, 'Même établissement que l’an dernier'));
  await type(el, field(el, SCHOOL, 'Niveau scolaire en 2026-2027'), '5e');
}

describe('<reinscription-coordinates>', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  describe('prefill', () => {
    it('shows what the backend sent, phones by pairs and the date in three fields', async () => {
      const el = await step();
      expect(field(el, 'Responsable', 'Nom').value).to.equal("D'AGOSTINO");
      expect(field(el, 'Responsable', 'Prénom').value).to.equal('Lydie');
      expect(field(el, 'Responsable', 'Mobile').value).to.equal('06 39 98 00 42');
      expect(field(el, 'Responsable', 'Tél domicile').value).to.equal('04 65 71 00 12');
      expect(['Jour', 'Mois', 'Année'].map((p) => dateInput(el, 'Responsable', p as 'Jour').value)).to.deep.equal(['14', '03', '1984']);
      expect(field(el, 'Responsable', 'Code postal').value).to.equal('69760');
      expect(field(el, 'Responsable', 'Pays').value).to.equal('FR');
      expect(field(el, 'Responsable', 'Département de naissance').value).to.equal('69');
      expect(field(el, 'Élève', 'Prénom').value).to.equal('Gianni');
      // Answered afresh each year: last year's level is a hint, not a value.
      expect(field(el, SCHOOL, 'Niveau scolaire en 2026-2027').value).to.equal('');
      expect(radio(el, 'Choisissez un mode de règlement', 'Prélèvement automatique en 9 fois').checked).to.equal(true);
    });

    it('keeps a prefilled « Mademoiselle » that today’s list lacks, shown and accepted', async () => {
      const el = await step();
      const civilite = field(el, 'Responsable', 'Civilité') as HTMLSelectElement;
      expect(civilite.value).to.equal('Mademoiselle');
      expect(normalise(civilite.selectedOptions[0]?.textContent)).to.equal('Mademoiselle');
      await answerBank(el);
      const result = await el.validate();
      expect(result.ok).to.equal(true);
      if (result.ok) expect(result.patch.answers?.guardian?.civilite).to.equal('Mademoiselle');
    });

    it('has the manual’s hint, the required-fields note and the three groups', async () => {
      const el = await step();
      const text = normalise(shadow(el).textContent);
      expect(text).to.contain('Pensez à renseigner le plus d’informations possible ainsi que le niveau scolaire et l’établissement scolaire.');
      expect(text).to.contain('Tous les champs sont obligatoires, sauf ceux marqués « (facultatif) ».');
      for (const legend of ['Responsable', 'Élève', 'Mode de règlement souhaité']) expect(group(shadow(el), legend)).to.exist;
      expect(normalise(shadow(el).querySelector('h2')?.textContent)).to.equal('Modification des coordonnées');
    });

    it('lists the fields of the manual, in its order', async () => {
      const el = await step();
      const labels = (section: string) =>
        [
          ...group(shadow(el), section).querySelectorAll(
            ':scope > .field > label, :scope > .subgroup > .field > label, :scope > fieldset > legend, :scope > .field .choice > label',
          ),
        ].map((l) => normalise(l.textContent).replace(/ \(facultatif\)$/, ''));
      expect(labels('Responsable')).to.deep.equal([
        'Civilité',
        'Nom',
        'Prénom',
        'Date de naissance',
        'Lieu de naissance',
        'Département de naissance',
        'Adresse',
        'Code postal',
        'Ville',
        'Pays',
        'Tél domicile',
        'Mobile',
        'Tél pro',
        'E-mail',
        'Situation familiale',
        'Code socio-professionnel',
        'Profession',
        'Tél supplémentaire 1',
        'Tél supplémentaire 2',
        'Tél supplémentaire 3',
      ]);
      expect(labels('Élève')).to.deep.equal([
        'Civilité',
        'Nom',
        'Prénom',
        'Date de naissance',
        'Lieu de naissance',
        'Département de naissance',
        'Situation familiale',
        'Utiliser les coordonnées du responsable légal',
        'Adresse',
        'Code postal',
        'Ville',
        'Tél domicile',
        'Mobile',
        'Tél pro',
        'E-mail',
      ]);
      expect(labels('Personne à prévenir')).to.deep.equal(['Personne à prévenir', 'Tél urgence']);
      expect(labels(SCHOOL)).to.deep.equal(['Établissement scolaire en 2026-2027', 'Niveau scolaire en 2026-2027']);
    });
  });

  describe('required and optional fields', () => {
    const shown = (el: Element, section: string, text: string) => normalise(label(group(shadow(el), section), text).textContent);

    it('marks optional fields « (facultatif) » and leaves required ones bare', async () => {
      const el = await step();
      for (const required of ['Nom', 'Prénom', 'Adresse', 'Code postal', 'Ville', 'E-mail', 'Mobile', 'Tél domicile']) {
        expect(shown(el, 'Responsable', required), required).to.equal(required);
      }
      for (const optional of [
        'Civilité',
        'Lieu de naissance',
        'Département de naissance',
        'Tél pro',
        'Situation familiale',
        'Profession',
        'Tél supplémentaire 1',
      ]) {
        expect(shown(el, 'Responsable', optional), optional).to.equal(`${optional} (facultatif)`);
      }
      expect(normalise(group(group(shadow(el), 'Responsable'), 'Date de naissance').querySelector('legend')?.textContent)).to.equal('Date de naissance');
      // Gianni is 12: a minor of school age.
      for (const required of ['Nom', 'Prénom']) expect(shown(el, 'Élève', required), required).to.equal(required);
      for (const required of ['Personne à prévenir', 'Tél urgence']) expect(shown(el, 'Personne à prévenir', required), required).to.equal(required);
      for (const required of ['Établissement scolaire en 2026-2027', 'Niveau scolaire en 2026-2027']) {
        expect(shown(el, SCHOOL, required), required).to.equal(required);
      }
      for (const optional of ['Civilité', 'Lieu de naissance', 'Adresse', 'Mobile', 'E-mail']) {
        expect(shown(el, 'Élève', optional), optional).to.equal(`${optional} (facultatif)`);
      }
    });

    it('an adult student’s emergency contact and school become optional', async () => {
      const el = await step();
      await type(el, dateInput(el, 'Élève', 'Année'), '1990');
      expect(shown(el, 'Personne à prévenir', 'Personne à prévenir')).to.equal('Personne à prévenir (facultatif)');
      expect(shown(el, SCHOOL, 'Établissement scolaire en 2026-2027')).to.equal('Établissement scolaire en 2026-2027 (facultatif)');
    });

    it('a guardian living abroad has an optional, free-form postcode', async () => {
      const el = await step();
      await type(el, field(el, 'Responsable', 'Pays'), 'CH');
      expect(shown(el, 'Responsable', 'Code postal')).to.equal('Code postal (facultatif)');
      expect(field(el, 'Responsable', 'Code postal').getAttribute('inputmode')).to.equal('text');
    });
  });

  describe('errors', () => {
    it('shows the summary when moving on, with one link per field message, and focuses it', async () => {
      const el = await step({ original: emptyOriginal() });
      expect(shadow(el).querySelector('.error-summary')).to.equal(null);
      const result = await el.validate();
      expect(result.ok).to.equal(false);
      const summary = shadow(el).querySelector<HTMLElement>('.error-summary')!;
      expect(normalise(summary.querySelector('h2')?.textContent)).to.equal('Il y a un problème');
      expect(shadow(el).activeElement).to.equal(summary);
      const lastName = field(el, 'Responsable', 'Nom');
      const links = summaryLinks(el);
      expect(links.map((a) => normalise(a.textContent))).to.include('Saisissez le nom de famille du responsable, par exemple D’Agostino');
      expect(links).to.have.length(12);
      for (const a of links) {
        const target = shadow(el).getElementById(a.getAttribute('href')!.slice(1))!;
        const message = normalise(target.closest('.field')?.querySelector('.error')?.textContent).replace(/^Erreur : ?/, '');
        expect(normalise(a.textContent)).to.equal(message);
      }
      expect(lastName.getAttribute('aria-invalid')).to.equal('true');
      expect(lastName.getAttribute('aria-describedby')).to.contain('guardian-lastName-error');
      expect(shadow(el).getElementById('guardian-lastName-error')).to.exist;
    });

    it('prefixes the page title with « Erreur : » while a field is in error, and drops it once all are fixed', async () => {
      document.title = 'Réinscriptions';
      const el = await step();
      expect((await el.validate()).ok).to.equal(false);
      expect(document.title).to.equal('Erreur\u00a0: Réinscriptions');
      await answerBank(el);
      expect(summaryLinks(el)).to.have.length(0);
      expect(document.title).to.equal('Réinscriptions');
      expect((await el.validate()).ok).to.equal(true);
    });

    it('a summary link focuses its field, a date link the day', async () => {
      const el = await step({ original: emptyOriginal() });
      await el.validate();
      const link = summaryLinks(el).find((a) => normalise(a.textContent).startsWith('Saisissez le nom de famille du responsable'))!;
      link.click();
      expect(shadow(el).activeElement).to.equal(field(el, 'Responsable', 'Nom'));
      summaryLinks(el)
        .find((a) => normalise(a.textContent).startsWith('Saisissez la date de naissance de l’élève'))!
        .click();
      expect(shadow(el).activeElement).to.equal(dateInput(el, 'Élève', 'Jour'));
    });

    it('a corrected field loses its message at once; a field never in error is not flagged early', async () => {
      const el = await step({ original: emptyOriginal() });
      await el.validate();
      const lastName = field(el, 'Responsable', 'Nom');
      await type(el, lastName, 'Martin2');
      expect(errorOf(lastName)).to.equal(
        'Le nom du responsable ne peut contenir que des lettres, des espaces, des apostrophes et des tirets, par exemple N’Diaye ou Le Bihan',
      );
      await type(el, lastName, 'Martin');
      expect(errorOf(lastName)).to.equal('');
      expect(lastName.getAttribute('aria-invalid')).to.equal('false');
      expect(summaryLinks(el).map((a) => normalise(a.textContent))).to.not.include('Saisissez le nom de famille du responsable, par exemple D’Agostino');
      // Not in error before: stays quiet while being typed.
      const email = field(el, 'Élève', 'E-mail');
      await type(el, email, 'gianni@');
      expect(errorOf(email)).to.equal('');
    });

    it('the « one reachable phone » message goes as soon as either number is typed', async () => {
      const el = await step({ original: emptyOriginal() });
      await el.validate();
      const mobile = field(el, 'Responsable', 'Mobile');
      expect(errorOf(mobile)).to.equal('Saisissez au moins un numéro où joindre le responsable, mobile ou domicile, par exemple 06 12 34 56 78');
      await type(el, field(el, 'Responsable', 'Tél domicile'), '04 78 12 34 56');
      expect(errorOf(mobile)).to.equal('');
    });

    it('a date of birth is checked as a whole', async () => {
      const el = await step();
      await answerBank(el);
      await type(el, dateInput(el, 'Élève', 'Jour'), '31');
      await type(el, dateInput(el, 'Élève', 'Mois'), '02');
      expect((await el.validate()).ok).to.equal(false);
      const fieldset = group(group(shadow(el), 'Élève'), 'Date de naissance');
      expect(normalise(fieldset.querySelector('.error')?.textContent)).to.contain('La date de naissance de l’élève doit être une date qui existe');
      expect(fieldset.getAttribute('aria-describedby')).to.contain('student-birthDate-error');
      await type(el, dateInput(el, 'Élève', 'Jour'), '28');
      expect(fieldset.querySelector('.error')).to.equal(null);
    });

    it('a whole date pasted into « Jour » fills the three fields', async () => {
      const el = await step();
      await type(el, dateInput(el, 'Responsable', 'Jour'), '02/11/1980');
      expect(['Jour', 'Mois', 'Année'].map((p) => dateInput(el, 'Responsable', p as 'Jour').value)).to.deep.equal(['02', '11', '1980']);
    });
  });

  describe('« Utiliser les coordonnées du responsable légal »', () => {
    it('while checked, the student’s address and phones are the guardian’s, read-only and in sync', async () => {
      const el = await step();
      const box = field(el, 'Élève', 'Utiliser les coordonnées du responsable légal') as HTMLInputElement;
      expect(box.checked).to.equal(true);
      const studentAddress = field(el, 'Élève', 'Adresse') as HTMLInputElement;
      expect(studentAddress.readOnly).to.equal(true);
      expect(studentAddress.value).to.equal('14 chemin du Puy-d’Or');
      expect(field(el, 'Élève', 'Mobile').value).to.equal('06 39 98 00 42');
      await type(el, field(el, 'Responsable', 'Adresse'), '3 place de la Mairie');
      await type(el, field(el, 'Responsable', 'Mobile'), '07 11 22 33 44');
      expect(field(el, 'Élève', 'Adresse').value).to.equal('3 place de la Mairie');
      expect(field(el, 'Élève', 'Mobile').value).to.equal('07 11 22 33 44');
    });

    it('unchecked, the values stay for editing and no longer follow the guardian', async () => {
      const el = await step();
      await click(el, field(el, 'Élève', 'Utiliser les coordonnées du responsable légal'));
      const studentAddress = field(el, 'Élève', 'Adresse') as HTMLInputElement;
      expect(studentAddress.readOnly).to.equal(false);
      expect(studentAddress.value).to.equal('14 chemin du Puy-d’Or');
      await type(el, field(el, 'Responsable', 'Adresse'), '3 place de la Mairie');
      expect(field(el, 'Élève', 'Adresse').value).to.equal('14 chemin du Puy-d’Or');
      await type(el, studentAddress, '5 rue Neuve');
      expect(field(el, 'Élève', 'Adresse').value).to.equal('5 rue Neuve');
    });
  });

  describe('« Éléments modifiés »', () => {
    it('untouched: no modification', async () => {
      const el = await step();
      expect(shadow(el).querySelector('.changes')?.getAttribute('aria-labelledby')).to.equal('changes-title');
      expect(changesText(el)).to.equal('Éléments modifiés Aucune modification');
    });

    it('a phone written differently is not a change', async () => {
      const el = await step();
      await type(el, field(el, 'Responsable', 'Mobile'), '0639980042');
      await type(el, field(el, 'Responsable', 'Nom'), 'D’Agostino');
      expect(changeItems(el)).to.deep.equal([]);
    });

    it('a real change is listed with the old and the new value', async () => {
      const el = await step();
      await type(el, field(el, 'Responsable', 'Mobile'), '07 11 22 33 44');
      expect(changeItems(el)).to.deep.equal(['Responsable – Mobile : 06 39 98 00 42 → remplacé par 07 11 22 33 44']);
      await answerBank(el);
      const result = await el.validate();
      expect(result.ok && result.patch.changes).to.deep.equal([
        { field: 'guardian.phoneMobile', label: 'Responsable\u00a0– Mobile', before: '06 39 98 00 42', after: '07 11 22 33 44' },
        {
          field: 'bankChanged',
          label: 'Avez-vous changé de compte bancaire depuis votre dernier mandat de prélèvement\u202f?',
          before: 'Non renseigné',
          after: 'Non',
        },
      ]);
      expect(result.ok && result.patch.answers?.guardian?.phoneMobile).to.equal('+33711223344');
    });
  });

  describe('payment mode', () => {
    it('explains each mode and the payment notes, from the campaign', async () => {
      const el = await step();
      const text = normalise(group(shadow(el), 'Mode de règlement souhaité').textContent);
      expect(text).to.contain('Vous pouvez modifier le mode de règlement souhaité pour l’année 2026-2027.');
      expect(text).to.contain('Règlement en une fois à partir du 25 octobre');
      expect(text).to.contain('Prélèvement automatique : 9 fois, en début de mois, à partir de novembre.');
      expect(text).to.contain('uniquement si vous avez changé de banque');
      expect(text).to.contain('Toute inscription engage le règlement de l’année complète.');
      const link = group(shadow(el), 'Mode de règlement souhaité').querySelector('a')!;
      expect(link.getAttribute('href')).to.equal('https://www.payfip.gouv.fr');
    });

    it('asks about the bank account for direct debit only, and requires an answer', async () => {
      const el = await step();
      const question = BANK;
      expect(group(shadow(el), question)).to.exist;
      await answerBank(el);
      await click(el, radio(el, question, 'Non'));
      el.form = { ...el.form!, bankChanged: '' };
      await el.updateComplete;
      expect((await el.validate()).ok).to.equal(false);
      expect(summaryLinks(el).map((a) => normalise(a.textContent))).to.deep.equal(['Indiquez si vous avez changé de compte bancaire : choisissez Oui ou Non']);
      await click(el, radio(el, question, 'Oui'));
      expect(summaryLinks(el)).to.have.length(0);
      const result = await el.validate();
      expect(result.ok && result.patch.answers?.bankChanged).to.equal(true);
      await click(el, radio(el, 'Choisissez un mode de règlement', 'Règlement en une fois'));
      expect(() => group(shadow(el), question)).to.throw();
      const single = await el.validate();
      expect(single.ok && [single.patch.answers?.paymentMode, single.patch.answers?.bankChanged]).to.deep.equal(['single', null]);
    });
  });

  describe('events and state', () => {
    it('reports every change with the whole form', async () => {
      const el = await step();
      const lastName = field(el, 'Élève', 'Nom');
      setTimeout(() => {
        lastName.value = 'MOREAU-DUPONT';
        lastName.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      });
      const event = await oneEvent(el, 'reinscription-form-change');
      expect(event.bubbles && event.composed).to.equal(true);
      expect(event.detail.form.student.lastName).to.equal('MOREAU-DUPONT');
      expect(event.detail.form.guardian.lastName).to.equal("D'AGOSTINO");
    });

    it('renders the form it is given (the wizard restores what was typed)', async () => {
      const el = await step();
      const form = structuredClone(el.form!);
      form.guardian.city = 'Lyon';
      el.form = form;
      await el.updateComplete;
      expect(field(el, 'Responsable', 'Ville').value).to.equal('Lyon');
      expect(changeItems(el)).to.deep.equal(['Responsable – Ville : Limonest → remplacé par Lyon']);
    });

    it('measures ages on the server’s date, not the visitor’s clock', async () => {
      const el = await step();
      // 3 years old on the campaign's server date (1 June 2026), whatever this machine's clock says.
      await type(el, dateInput(el, 'Élève', 'Année'), '2023');
      await type(el, dateInput(el, 'Élève', 'Mois'), '06');
      await type(el, dateInput(el, 'Élève', 'Jour'), '01');
      await answerBank(el);
      expect((await el.validate()).ok).to.equal(true);
      el.today = '2026-05-31';
      await el.updateComplete;
      expect((await el.validate()).ok).to.equal(false);
      expect(summaryLinks(el).map((a) => normalise(a.textContent))).to.deep.equal([
        'L’élève doit avoir au moins 3 ans : vérifiez l’année de naissance, par exemple 2014',
      ]);
      expect(TODAY).to.equal('2026-06-01');
    });
  });

  describe('autofill and keyboards', () => {
    it('guardian fields carry personal tokens; student and emergency fields do not', async () => {
      const el = await step();
      const tokens: [string, string][] = [
        ['Civilité', 'honorific-prefix'],
        ['Nom', 'family-name'],
        ['Prénom', 'given-name'],
        ['Adresse', 'street-address'],
        ['Code postal', 'postal-code'],
        ['Ville', 'address-level2'],
        ['Pays', 'country'],
        ['Tél domicile', 'home tel'],
        ['Mobile', 'mobile tel'],
        ['Tél pro', 'work tel'],
        ['E-mail', 'email'],
      ];
      for (const [text, token] of tokens) expect(field(el, 'Responsable', text).getAttribute('autocomplete'), text).to.equal(token);
      expect(['Jour', 'Mois', 'Année'].map((p) => dateInput(el, 'Responsable', p as 'Jour').getAttribute('autocomplete'))).to.deep.equal([
        'bday-day',
        'bday-month',
        'bday-year',
      ]);
      for (const text of ['Nom', 'Prénom', 'Adresse', 'Code postal', 'Ville', 'Mobile', 'E-mail']) {
        expect(field(el, 'Élève', text).getAttribute('autocomplete'), text).to.equal('off');
      }
      for (const text of ['Personne à prévenir', 'Tél urgence'])
        expect(field(el, 'Personne à prévenir', text).getAttribute('autocomplete'), text).to.equal('off');
      expect(field(el, SCHOOL, 'Établissement scolaire en 2026-2027').getAttribute('autocomplete')).to.equal('off');
      expect(dateInput(el, 'Élève', 'Jour').getAttribute('autocomplete')).to.equal('off');
    });

    it('numeric keyboards where they help, and never type=number or a date picker', async () => {
      const el = await step();
      expect(field(el, 'Responsable', 'Code postal').getAttribute('inputmode')).to.equal('numeric');
      expect(field(el, 'Responsable', 'Mobile').getAttribute('inputmode')).to.equal('tel');
      expect(field(el, 'Responsable', 'Mobile').getAttribute('type')).to.equal('tel');
      expect(field(el, 'Personne à prévenir', 'Tél urgence').getAttribute('inputmode')).to.equal('tel');
      expect(dateInput(el, 'Élève', 'Jour').getAttribute('inputmode')).to.equal('numeric');
      expect(shadow(el).querySelectorAll('input[type="number"], input[type="date"]')).to.have.length(0);
      expect(shadow(el).querySelector('form')?.noValidate).to.equal(true);
    });
  });

  describe('the short path: prefilled details shown first as summaries', () => {
    it('shows each block as a summary with « Modifier » naming it, one question, and no field of the summarised blocks', async () => {
      const el = await step({ open: false });
      expect(summaryHeadings(el)).to.deep.equal(['Responsable', 'Élève', 'Personne à prévenir', 'Mode de règlement souhaité']);
      expect(buttons(el)).to.include.members([
        'Modifier les coordonnées du responsable',
        'Modifier les coordonnées de l’élève',
        'Modifier la personne à prévenir',
        'Modifier le mode de règlement',
      ]);
      expect(summaryRows(el, 'Responsable')).to.include.members([
        'Civilité : Mademoiselle',
        "Nom : D'AGOSTINO",
        'Date de naissance : 14/03/1984',
        'Adresse : 14 chemin du Puy-d’Or 69760 Limonest',
        'Mobile : 06 39 98 00 42',
        'Département de naissance : 69 – Rhône',
        'Tél. professionnel : Non renseigné',
      ]);
      expect(summaryRows(el, 'Personne à prévenir')).to.deep.equal(['Personne à prévenir : Marco MOREAU (père)', 'Tél. urgence : 06 39 98 00 43']);
      expect(summaryRows(el, 'Mode de règlement souhaité')).to.deep.equal(['Mode de règlement souhaité : Prélèvement automatique en 9 fois']);
      const question = group(shadow(el), UP_TO_DATE);
      expect(question.localName).to.equal('fieldset');
      expect([...question.querySelectorAll('input[type="radio"]')].map((r) => normalise((r as HTMLInputElement).labels?.[0]?.textContent))).to.deep.equal([
        'Oui',
        'Non',
      ]);
      expect(() => field(el, 'Responsable', 'Nom')).to.throw();
      // Asked directly, every year: the school year ahead and the bank question.
      expect(field(el, SCHOOL, 'Niveau scolaire en 2026-2027').value).to.equal('');
      expect(group(shadow(el), BANK)).to.exist;
      expect(shadow(el).querySelectorAll('input:not([type="radio"]), select')).to.have.length(2);
      await expect(el).to.be.accessible();
    });

    it('« Modifier » opens that block only, and moves the focus to its first field', async () => {
      const el = await step({ open: false });
      await click(el, button(el, 'Modifier la personne à prévenir'));
      await el.updateComplete;
      const contact = field(el, 'Personne à prévenir', 'Personne à prévenir');
      expect(contact.value).to.equal('Marco MOREAU (père)');
      expect(shadow(el).activeElement).to.equal(contact);
      expect(summaryHeadings(el)).to.deep.equal(['Responsable', 'Élève', 'Mode de règlement souhaité']);
      await click(el, button(el, 'Modifier le mode de règlement'));
      await el.updateComplete;
      expect(radio(el, 'Choisissez un mode de règlement', 'Prélèvement automatique en 9 fois').checked).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('« Non » opens the blocks above it, and moves the focus to the first one’s heading', async () => {
      const el = await step({ open: false });
      await click(el, radio(el, UP_TO_DATE, 'Non'));
      await el.updateComplete;
      expect(summaryHeadings(el)).to.deep.equal(['Mode de règlement souhaité']);
      expect(field(el, 'Responsable', 'Nom').value).to.equal("D'AGOSTINO");
      expect(normalise(shadow(el).activeElement?.textContent)).to.equal('Responsable');
    });

    it('asks the question when moving on, nothing flagged before; « Oui » and this year’s answers pass with no change', async () => {
      const el = await step({ open: false });
      expect(shadow(el).querySelector('.error')).to.equal(null);
      expect((await el.validate()).ok).to.equal(false);
      expect(summaryLinks(el).map((a) => normalise(a.textContent))).to.deep.equal([
        'Indiquez si ces informations sont à jour : choisissez Oui ou Non',
        'Saisissez l’établissement scolaire de l’élève, par exemple École Jean de la Fontaine, Limonest',
        'Choisissez le niveau scolaire de l’élève à la rentrée prochaine, par exemple CM1',
        'Indiquez si vous avez changé de compte bancaire : choisissez Oui ou Non',
      ]);
      summaryLinks(el)[0]!.click();
      expect(shadow(el).activeElement).to.equal(radio(el, UP_TO_DATE, 'Oui'));
      await click(el, radio(el, UP_TO_DATE, 'Oui'));
      await answerBank(el);
      expect(summaryLinks(el)).to.have.length(0);
      const result = await el.validate();
      expect(result.ok).to.equal(true);
      if (!result.ok) return;
      expect(result.patch.changes).to.deep.equal([
        {
          field: 'bankChanged',
          label: 'Avez-vous changé de compte bancaire depuis votre dernier mandat de prélèvement\u202f?',
          before: 'Non renseigné',
          after: 'Non',
        },
      ]);
      expect(result.patch.answers?.student?.schoolLevel).to.equal('5e');
      expect(result.patch.answers?.student?.school).to.equal("Collège Jean-Philippe Rameau, Champagne-au-Mont-d'Or");
    });

    it('a summarised block with a field in error opens by itself, its field marked', async () => {
      const o = original();
      o.guardian.email = 'lydie.dagostino@';
      const el = await step({ original: o });
      await click(el, radio(el, UP_TO_DATE, 'Oui'));
      await answerBank(el);
      expect((await el.validate()).ok).to.equal(false);
      const email = field(el, 'Responsable', 'E-mail');
      expect(email.getAttribute('aria-invalid')).to.equal('true');
      expect(summaryHeadings(el)).to.not.include('Responsable');
      await type(el, email, 'lydie.dagostino@example.fr');
      // Corrected: the block stays open while the parent is in it.
      expect(field(el, 'Responsable', 'E-mail').getAttribute('aria-invalid')).to.equal('false');
      await expect(el).to.be.accessible();
    });

    it('is not shown for an empty record: the whole form, as before', async () => {
      const el = await step({ original: emptyOriginal() });
      expect(summaryHeadings(el)).to.deep.equal([]);
      expect(normalise(shadow(el).textContent)).to.not.contain(UP_TO_DATE);
    });

    it('fits a 360 px wide phone, summaries and errors included', async () => {
      await setViewport({ width: 360, height: 740 });
      const el = await step({ open: false });
      await el.validate();
      expect(el.scrollWidth).to.be.at.most(el.clientWidth);
      expect(document.documentElement.scrollWidth).to.be.at.most(360);
      await expect(el).to.be.accessible();
    });
  });

  describe('the school year ahead', () => {
    it('labels the school fields with the campaign’s year and says what last year’s were, never carrying them over', async () => {
      const el = await step({ open: false });
      const level = field(el, SCHOOL, 'Niveau scolaire en 2026-2027');
      const school = field(el, SCHOOL, 'Établissement scolaire en 2026-2027');
      expect([level.value, school.value]).to.deep.equal(['', '']);
      const hint = (c: Element) => normalise(shadow(el).getElementById(`${c.id}-hint`)?.textContent);
      expect(hint(level)).to.equal("L'an dernier : Cinquième. Confirmez-le ou indiquez le nouveau.".replace("'", '’'));
      expect(hint(school)).to.contain('L’an dernier : Collège Jean-Philippe Rameau, Champagne-au-Mont-d’Or.');
      expect(level.getAttribute('aria-describedby')).to.contain(`${level.id}-hint`);
      await click(el, button(el, 'Même établissement que l’an dernier'));
      expect(field(el, SCHOOL, 'Établissement scolaire en 2026-2027').value).to.equal('Collège Jean-Philippe Rameau, Champagne-au-Mont-d’Or');
      expect(buttons(el)).to.not.include('Même établissement que l’an dernier');
      await type(el, field(el, SCHOOL, 'Niveau scolaire en 2026-2027'), 'Tle');
      expect(changeItems(el)).to.deep.equal(['Élève – Niveau scolaire : Cinquième → remplacé par Terminale']);
    });
  });

  describe('the bank question', () => {
    const since2021 = () => {
      const c = campaign();
      const debit = c.paymentModes.find((m) => m.code === 'direct-debit')!;
      debit.explanation = [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Le mandat SEPA est à renvoyer avec votre RIB, ' },
            { type: 'strong', text: 'uniquement si vous avez changé de banque depuis septembre 2021' },
            { type: 'text', text: '.' },
          ],
        },
      ];
      return c;
    };

    it('is worded from the campaign’s own date, next to the payment mode, and says what follows from each answer', async () => {
      const el = await step({ campaign: since2021(), open: false });
      const question = group(shadow(el), 'Avez-vous changé de compte bancaire depuis septembre 2021 ?');
      expect(question.closest('.summary')?.querySelector('h3')?.textContent).to.equal('Mode de règlement souhaité');
      expect(normalise(question.querySelector('.hint')?.textContent)).to.equal(
        'Oui : un nouveau mandat SEPA et votre IBAN vous seront demandés à l’étape 3, Documents. Non : rien à fournir, le prélèvement continue sur le même compte.',
      );
      expect(question.getAttribute('aria-describedby')).to.contain('bankChanged-hint');
    });

    it('is not asked for a single payment: the answer is absent (null)', async () => {
      const el = await step();
      await click(el, radio(el, 'Choisissez un mode de règlement', 'Règlement en une fois'));
      expect(normalise(shadow(el).textContent)).to.not.contain('changé de compte bancaire');
      await click(el, button(el, 'Même établissement que l’an dernier'));
      await type(el, field(el, SCHOOL, 'Niveau scolaire en 2026-2027'), '5e');
      const result = await el.validate();
      expect(result.ok && result.patch.answers?.bankChanged).to.equal(null);
      expect(result.ok && result.patch.family?.bankChanged).to.equal(null);
    });

    it('is asked afresh each year: last year’s answer is not preselected', async () => {
      const el = await step({ original: { ...original(), bankChanged: false }, open: false });
      expect([radio(el, BANK, 'Oui').checked, radio(el, BANK, 'Non').checked]).to.deep.equal([false, false]);
    });
  });

  describe('details confirmed for a brother or sister (confirmedFor)', () => {
    const confirmedFor = { studentName: 'MOREAU Gianni', at: '2026-06-01T08:15:00Z' };

    it('says so, with the date and time in Paris, and shows the guardian as a summary', async () => {
      const el = await step({ original: { ...original(), bankChanged: false }, confirmedFor, open: false });
      const notice = [...shadow(el).querySelectorAll('.notice')].map((n) => normalise(n.textContent)).find((n) => n.startsWith('Coordonnées du responsable'));
      expect(notice).to.equal(
        'Coordonnées du responsable confirmées pour MOREAU Gianni le 01/06/2026 à 10 h 15. Elles valent pour toute la famille : une modification ici vaudra pour tous vos enfants.',
      );
      expect(summaryHeadings(el)).to.include('Responsable');
      expect(() => field(el, 'Responsable', 'Nom')).to.throw();
      // The bank answer given this year for the brother stays.
      expect(radio(el, BANK, 'Non').checked).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('« Non » opens the student’s blocks, not the guardian’s already confirmed', async () => {
      const el = await step({ confirmedFor, open: false });
      await click(el, radio(el, UP_TO_DATE, 'Non'));
      await el.updateComplete;
      expect(summaryHeadings(el)).to.deep.equal(['Responsable', 'Mode de règlement souhaité']);
      expect(field(el, 'Élève', 'Prénom').value).to.equal('Gianni');
      expect(normalise(shadow(el).activeElement?.textContent)).to.equal('Élève');
    });

    it('without it, no such notice', async () => {
      expect(normalise(shadow(await step({ open: false })).textContent)).to.not.contain('confirmées pour');
    });
  });

  describe('accessibility', () => {
    it('passes axe on an empty record', async () => {
      const el = await step({ original: emptyOriginal() });
      await expect(el).to.be.accessible();
    });

    it('passes axe when filled', async () => {
      const el = await step();
      await expect(el).to.be.accessible();
    });

    it('passes axe with errors shown', async () => {
      const el = await step({ original: emptyOriginal() });
      await el.validate();
      await expect(el).to.be.accessible();
    });

    it('fits a 360 px wide phone without horizontal scrolling, errors included', async () => {
      await setViewport({ width: 360, height: 740 });
      const el = await step({ original: emptyOriginal() });
      await el.validate();
      expect(el.scrollWidth).to.be.at.most(el.clientWidth);
      expect(document.documentElement.scrollWidth).to.be.at.most(360);
      const filled = await step();
      expect(filled.scrollWidth).to.be.at.most(filled.clientWidth);
      expect(document.documentElement.scrollWidth).to.be.at.most(360);
    });
  });
});
