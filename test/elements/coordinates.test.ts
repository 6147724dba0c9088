import { expect, fixture, html, oneEvent } from '@open-wc/testing';
// Bundled with @web/test-runner, whose default plugins serve these commands.
import { setViewport } from '@web/test-runner-commands';
import type { CoordinatesOriginal, ReinscriptionCoordinates } from '../../src/elements/coordinates/coordinates.js';
import '../../src/elements/coordinates/coordinates.js';
import { campaign, emptyOriginal, original, TODAY } from '../fixtures/campaign.js';

type Control = HTMLInputElement | HTMLSelectElement;

const normalise = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
const shadow = (el: Element) => el.shadowRoot!;

async function step(o: { original?: CoordinatesOriginal; familyConfirmed?: boolean } = {}): Promise<ReinscriptionCoordinates> {
  return fixture<ReinscriptionCoordinates>(
    html`<reinscription-coordinates
      .campaign=${campaign()}
      .original=${o.original ?? original()}
      ?family-confirmed=${o.familyConfirmed ?? false}
    ></reinscription-coordinates>`,
  );
}

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

/** Answers the bank question so the prefilled form passes. */
async function answerBank(el: ReinscriptionCoordinates) {
  await click(el, radio(el, 'Avez-vous changé de compte bancaire depuis votre dernier mandat de prélèvement ?', 'Non'));
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
      expect(field(el, 'Élève', 'Niveau scolaire').value).to.equal('5e');
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
      expect(text).to.contain("Pensez à renseigner le plus d'informations possible ainsi que le niveau scolaire et l'établissement scolaire.");
      expect(text).to.contain('Tous les champs sont obligatoires, sauf ceux marqués « (facultatif) ».');
      for (const legend of ['Responsable', 'Élève', 'Mode de règlement souhaité']) expect(group(shadow(el), legend)).to.exist;
      expect(normalise(shadow(el).querySelector('h2')?.textContent)).to.equal('Modification des coordonnées');
    });

    it('says when the family’s details were already confirmed for a brother or sister', async () => {
      expect(normalise(shadow(await step()).textContent)).to.not.contain('frère ou une sœur');
      expect(normalise(shadow(await step({ familyConfirmed: true })).textContent)).to.contain('déjà été confirmés pour un frère ou une sœur');
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
        'Personne à prévenir',
        'Tél urgence',
        'Établissement scolaire',
        'Niveau scolaire',
      ]);
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
      for (const required of ['Nom', 'Prénom', 'Personne à prévenir', 'Tél urgence', 'Établissement scolaire', 'Niveau scolaire']) {
        expect(shown(el, 'Élève', required), required).to.equal(required);
      }
      for (const optional of ['Civilité', 'Lieu de naissance', 'Adresse', 'Mobile', 'E-mail']) {
        expect(shown(el, 'Élève', optional), optional).to.equal(`${optional} (facultatif)`);
      }
    });

    it('an adult student’s emergency contact and school become optional', async () => {
      const el = await step();
      await type(el, dateInput(el, 'Élève', 'Année'), '1990');
      expect(shown(el, 'Élève', 'Personne à prévenir')).to.equal('Personne à prévenir (facultatif)');
      expect(shown(el, 'Élève', 'Établissement scolaire')).to.equal('Établissement scolaire (facultatif)');
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
      expect(links.map((a) => normalise(a.textContent))).to.include("Saisissez le nom de famille du responsable, par exemple D'Agostino");
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
      expect(document.title).to.equal('Erreur : Réinscriptions');
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
        .find((a) => normalise(a.textContent).startsWith("Saisissez la date de naissance de l'élève"))!
        .click();
      expect(shadow(el).activeElement).to.equal(dateInput(el, 'Élève', 'Jour'));
    });

    it('a corrected field loses its message at once; a field never in error is not flagged early', async () => {
      const el = await step({ original: emptyOriginal() });
      await el.validate();
      const lastName = field(el, 'Responsable', 'Nom');
      await type(el, lastName, 'Martin2');
      expect(errorOf(lastName)).to.equal(
        "Le nom du responsable ne peut contenir que des lettres, des espaces, des apostrophes et des tirets, par exemple N'Diaye ou Le Bihan",
      );
      await type(el, lastName, 'Martin');
      expect(errorOf(lastName)).to.equal('');
      expect(lastName.getAttribute('aria-invalid')).to.equal('false');
      expect(summaryLinks(el).map((a) => normalise(a.textContent))).to.not.include("Saisissez le nom de famille du responsable, par exemple D'Agostino");
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
      expect(normalise(fieldset.querySelector('.error')?.textContent)).to.contain("La date de naissance de l'élève doit être une date qui existe");
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
        { field: 'guardian.phoneMobile', label: 'Responsable – Mobile', before: '06 39 98 00 42', after: '07 11 22 33 44' },
        {
          field: 'bankChanged',
          label: 'Avez-vous changé de compte bancaire depuis votre dernier mandat de prélèvement ?',
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
      expect(text).to.contain("Vous pouvez modifier le mode de règlement souhaité pour l'année 2026-2027.");
      expect(text).to.contain('Règlement en une fois à partir du 25 octobre');
      expect(text).to.contain('Prélèvement automatique : 9 fois, en début de mois, à partir de novembre.');
      expect(text).to.contain('uniquement si vous avez changé de banque');
      expect(text).to.contain('Toute inscription engage le règlement de l’année complète.');
      const link = group(shadow(el), 'Mode de règlement souhaité').querySelector('a')!;
      expect(link.getAttribute('href')).to.equal('https://www.payfip.gouv.fr');
    });

    it('asks about the bank account for direct debit only, and requires an answer', async () => {
      const el = await step();
      const question = 'Avez-vous changé de compte bancaire depuis votre dernier mandat de prélèvement ?';
      expect(group(shadow(el), question)).to.exist;
      expect((await el.validate()).ok).to.equal(false);
      expect(summaryLinks(el).map((a) => normalise(a.textContent))).to.deep.equal([
        'Indiquez si vous avez changé de compte bancaire depuis votre dernier mandat de prélèvement : choisissez Oui ou Non',
      ]);
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
        "L'élève doit avoir au moins 3 ans : vérifiez l'année de naissance, par exemple 2014",
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
      for (const text of [
        'Nom',
        'Prénom',
        'Adresse',
        'Code postal',
        'Ville',
        'Mobile',
        'E-mail',
        'Personne à prévenir',
        'Tél urgence',
        'Établissement scolaire',
      ]) {
        expect(field(el, 'Élève', text).getAttribute('autocomplete'), text).to.equal('off');
      }
      expect(dateInput(el, 'Élève', 'Jour').getAttribute('autocomplete')).to.equal('off');
    });

    it('numeric keyboards where they help, and never type=number or a date picker', async () => {
      const el = await step();
      expect(field(el, 'Responsable', 'Code postal').getAttribute('inputmode')).to.equal('numeric');
      expect(field(el, 'Responsable', 'Mobile').getAttribute('inputmode')).to.equal('tel');
      expect(field(el, 'Responsable', 'Mobile').getAttribute('type')).to.equal('tel');
      expect(field(el, 'Élève', 'Tél urgence').getAttribute('inputmode')).to.equal('tel');
      expect(dateInput(el, 'Élève', 'Jour').getAttribute('inputmode')).to.equal('numeric');
      expect(shadow(el).querySelectorAll('input[type="number"], input[type="date"]')).to.have.length(0);
      expect(shadow(el).querySelector('form')?.noValidate).to.equal(true);
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
