import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { Campaign, FieldChange, RegistrationAnswers } from '../../src/api/contract.js';
import type { MissingDocument, ProvidedDocument, ReinscriptionRecap } from '../../src/elements/recap/recap.js';
import '../../src/elements/recap/recap.js';
import {
  answers,
  button,
  campaign,
  control,
  definition,
  description,
  heading,
  normalise,
  queryButton,
  registration,
  shadow,
  summaryLinks,
} from '../fixtures/steps.js';

const ACCEPT_REQUIRED = "Cochez « J'accepte » pour valider la réinscription";

const filledAnswers = (overrides: Partial<RegistrationAnswers> = {}) =>
  answers('gianni', {
    authorisations: { image: 'oui', sortie: 'non' },
    additionalInfo: 'Préférence : FM le mercredi.\nOrchestre plutôt que chorale.',
    ...overrides,
  });

const changes: FieldChange[] = [
  { field: 'guardian.phoneMobile', label: 'Mobile du responsable', before: '+33639980042', after: '+33639980044' },
  { field: 'guardian.profession', label: 'Profession du responsable', before: '', after: 'Professeure de musique' },
];
const missing: MissingDocument[] = [
  { label: 'Justificatif de domicile (de moins de 3 mois)', scope: 'family' },
  { label: 'Attestation de responsabilité civile', scope: 'student' },
];
const provided: ProvidedDocument[] = [{ label: 'Attestation QF (CAF)', fileName: 'qf-2023.pdf' }];

async function recap(
  options: {
    answers?: RegistrationAnswers;
    changes?: FieldChange[];
    missing?: MissingDocument[];
    provided?: ProvidedDocument[];
    accepted?: boolean;
    lina?: boolean;
    campaign?: Campaign;
  } = {},
): Promise<ReinscriptionRecap> {
  const el = await fixture<ReinscriptionRecap>(
    html`<reinscription-recap
      .campaign=${options.campaign ?? campaign()}
      .registration=${registration(options.lina ? 'lina' : 'gianni')}
      .answers=${options.answers ?? filledAnswers()}
      .changes=${options.changes ?? []}
      .missingDocuments=${options.missing ?? []}
      .providedDocuments=${options.provided ?? []}
      .accepted=${options.accepted ?? false}
    ></reinscription-recap>`,
  );
  // As the wizard does: « J'accepte » is controlled.
  el.addEventListener('reinscription-accept-change', (e) => (el.accepted = (e as CustomEvent<{ accepted: boolean }>).detail.accepted));
  return el;
}

/** The section whose heading is `title`. */
function section(el: Element, title: string): HTMLElement {
  const found = heading(shadow(el), title).closest('section');
  if (!found) throw new Error(`No section « ${title} »`);
  return found;
}

/** The list under a sub-heading (Responsable, Élève…). */
function group(el: Element, title: string): HTMLElement {
  const h = heading(shadow(el), title);
  const list = h.nextElementSibling;
  if (!(list instanceof HTMLElement)) throw new Error(`Nothing under « ${title} »`);
  return list;
}

describe('<reinscription-recap>', () => {
  it('has one section per step, each with its own « Modifier »', async () => {
    const el = await recap();
    const root = shadow(el);
    expect(normalise(root.querySelector('h2')?.textContent)).to.equal('Récapitulatif de la réinscription');
    for (const [title, edit] of [
      ['Coordonnées', 'Modifier les coordonnées'],
      ['Autorisations', 'Modifier les autorisations'],
      ['Documents', 'Modifier les documents'],
      ['Cours et information complémentaire', "Modifier l'information complémentaire"],
    ] as const) {
      const s = section(el, title);
      expect(queryButton(s, edit), edit).to.exist;
      // Only « Modifier » is visible; the rest is for screen readers.
      expect(normalise(s.querySelector('button .visually-hidden')?.textContent)).to.equal(edit.replace('Modifier ', ''));
    }
  });

  it('« Modifier » asks the wizard to reopen the right step', async () => {
    const el = await recap();
    const root = shadow(el);
    const expected = {
      'Modifier les coordonnées': 1,
      'Modifier les autorisations': 2,
      'Modifier les documents': 3,
      "Modifier l'information complémentaire": 4,
    };
    for (const [text, step] of Object.entries(expected)) {
      setTimeout(() => button(root, text).click());
      const event = await oneEvent(el, 'reinscription-recap-edit');
      expect(event.detail).to.deep.equal({ step });
      expect(event.bubbles && event.composed).to.equal(true);
    }
  });

  it('shows the coordinates with labels for coded values, French phones and dates', async () => {
    const el = await recap();
    const guardian = group(el, 'Responsable');
    // A legacy civilité is shown as stored.
    expect(definition(guardian, 'Civilité')).to.equal('Mademoiselle');
    expect(definition(guardian, 'Nom')).to.equal("D'AGOSTINO");
    expect(definition(guardian, 'Date de naissance')).to.equal('14/03/1984');
    expect(definition(guardian, 'Adresse')).to.equal("14 chemin du Puy-d'Or 69760 Limonest");
    expect(definition(guardian, 'Pays')).to.equal('France');
    expect(definition(guardian, 'Tél. domicile')).to.equal('04 65 71 00 12');
    expect(definition(guardian, 'Mobile')).to.equal('06 39 98 00 42');
    expect(definition(guardian, 'Situation familiale')).to.equal('Séparé(e)');
    expect(definition(guardian, 'Catégorie socio-professionnelle')).to.equal('Professions intermédiaires');
    const student = group(el, 'Élève');
    expect(definition(student, 'Civilité')).to.equal('Monsieur');
    expect(definition(student, 'Prénom')).to.equal('Gianni');
    expect(definition(student, 'Date de naissance')).to.equal('09/05/2014');
    expect(definition(student, 'Niveau scolaire')).to.equal('Cinquième');
    expect(definition(student, 'Tél. urgence')).to.equal('06 39 98 00 43');
    const payment = group(el, 'Mode de règlement');
    expect(definition(payment, 'Mode de règlement souhaité')).to.equal('Prélèvement automatique en 9 fois');
    expect(definition(payment, 'Changement de banque')).to.equal('Non renseigné');
  });

  it('keeps a phone from another country in its + form', async () => {
    const a = filledAnswers();
    const el = await recap({ answers: { ...a, guardian: { ...a.guardian, phoneMobile: '+41791234567' } } });
    expect(definition(group(el, 'Responsable'), 'Mobile')).to.equal('+41791234567');
  });

  it('names the départements of birth as step 1 lists them', async () => {
    const a = filledAnswers();
    const el = await recap({
      answers: { ...a, guardian: { ...a.guardian, birthDepartment: '69' }, student: { ...a.student, birthDepartment: '99' } },
    });
    expect(definition(group(el, 'Responsable'), 'Département de naissance')).to.equal('69 – Rhône');
    expect(definition(group(el, 'Élève'), 'Département de naissance')).to.equal("Né(e) à l'étranger");
  });

  it('shows the extra phones one per line, and the address with its town', async () => {
    const a = filledAnswers();
    const el = await recap({ answers: { ...a, guardian: { ...a.guardian, extraPhones: ['+33711223344', '+33722334455'] } } });
    const guardian = group(el, 'Responsable');
    expect(definition(guardian, 'Téléphones supplémentaires')).to.equal('07 11 22 33 44 07 22 33 44 55');
    const row = [...guardian.querySelectorAll('dt')].find((dt) => normalise(dt.textContent) === 'Téléphones supplémentaires');
    expect(row?.nextElementSibling?.querySelectorAll('br').length).to.equal(1);
    const town = await recap({ answers: { ...a, guardian: { ...a.guardian, address: '', postalCode: '', city: '' } } });
    expect(definition(group(town, 'Responsable'), 'Adresse')).to.equal('Non renseigné');
  });

  it('asks about the bank account only under a mode that asks it', async () => {
    const el = await recap({ answers: filledAnswers({ paymentMode: 'single' }) });
    const payment = group(el, 'Mode de règlement');
    expect(definition(payment, 'Mode de règlement souhaité')).to.equal('Règlement en une fois');
    expect([...payment.querySelectorAll('dt')].map((dt) => normalise(dt.textContent))).to.deep.equal(['Mode de règlement souhaité']);
  });

  it("prefixes the page title with « Erreur : » while « J'accepte » is missing", async () => {
    document.title = 'Réinscriptions';
    const el = await recap();
    await el.validate();
    expect(document.title).to.equal('Erreur\u00a0: Réinscriptions');
    setTimeout(() => control(shadow(el), "J'accepte").click());
    await oneEvent(el, 'reinscription-accept-change');
    await el.updateComplete;
    expect(document.title).to.equal('Réinscriptions');
  });

  it('says « Non renseigné » for empty optional answers', async () => {
    const el = await recap({ answers: answers() });
    expect(definition(group(el, 'Responsable'), 'Tél. professionnel')).to.equal('Non renseigné');
    expect(definition(group(el, 'Élève'), 'E-mail')).to.equal('Non renseigné');
    expect(definition(group(el, 'Élève'), 'Situation familiale')).to.equal('Non renseigné');
    const courses = section(el, 'Cours et information complémentaire');
    expect(definition(courses, 'Information complémentaire')).to.equal('Non renseigné');
    const auth = section(el, 'Autorisations');
    expect(definition(auth, "Droit à l'image")).to.equal('Non renseigné');
  });

  it('shows the authorisations, courses and additional information', async () => {
    const el = await recap({
      lina: true,
      answers: filledAnswers({
        student: answers('lina').student,
        administrativeReregistration: true,
        administrativeDetails: { instrument: 'Clarinette', day: 'Mercredi' },
      }),
    });
    const auth = section(el, 'Autorisations');
    expect(definition(auth, "Droit à l'image")).to.equal('Oui');
    expect(definition(auth, 'Autorisation de sortie')).to.equal('Non');
    const courses = section(el, 'Cours et information complémentaire');
    expect(definition(courses, 'Cours')).to.include('Découverte Instrumentale LUNDI (Lorène REYMOND)');
    expect(definition(courses, 'Réinscription administrative')).to.equal('Oui');
    expect(definition(courses, 'Instrument choisi')).to.equal('Clarinette');
    expect(definition(courses, "Jour pour la FM1C1 et la chorale Domin'ut")).to.equal('Mercredi');
    expect(definition(courses, 'Information complémentaire')).to.equal('Préférence : FM le mercredi. Orchestre plutôt que chorale.');
  });

  it('lists the modified elements, before and after', async () => {
    const el = await recap({ changes });
    const s = section(el, 'Éléments modifiés');
    expect(definition(s, 'Mobile du responsable')).to.equal('Avant : 06 39 98 00 42 Maintenant : 06 39 98 00 44');
    expect(definition(s, 'Profession du responsable')).to.equal('Avant : Non renseigné Maintenant : Professeure de musique');
    const none = await recap();
    expect(normalise(section(none, 'Éléments modifiés').textContent)).to.include("Vous n'avez modifié aucune information enregistrée.");
  });

  it('warns that an incomplete file will not be processed, and that pieces can still be added', async () => {
    const el = await recap({ missing, provided });
    const docs = section(el, 'Documents');
    expect(definition(docs, 'Attestation QF (CAF)')).to.equal('qf-2023.pdf');
    const text = normalise(docs.textContent);
    expect(text).to.include('Justificatif de domicile (de moins de 3 mois) (famille)');
    expect(text).to.include('Attestation de responsabilité civile (élève)');
    expect(text).to.include('Tout dossier incomplet ne sera pas traité.');
    expect(text).to.include("ajouter les pièces manquantes plus tard depuis votre espace famille, jusqu'au 30/09/2024 à 23 h 59");
  });

  it('has no warning when every piece is provided', async () => {
    const el = await recap({ provided });
    const text = normalise(section(el, 'Documents').textContent);
    expect(text).not.to.include('Tout dossier incomplet');
    expect(text).to.include('Toutes les pièces demandées sont fournies.');
  });

  it("gives the manual's validation text and the rules, opening in a new window", async () => {
    const el = await recap();
    const s = section(el, 'Validation pour la réinscription');
    const text = normalise(s.textContent);
    expect(text).to.include(
      "En cliquant sur J'accepte, je certifie avoir pris connaissance du règlement intérieur (à télécharger sur le lien ci-dessous) et m'engage à le respecter.",
    );
    expect(text).to.include('Je prends acte que toute année commencée est due.');
    const link = s.querySelector('a')!;
    // The campaign's own year: label, URL and version all say 2024-2025.
    expect(link.href).to.equal('https://www.limonest.fr/wp-content/uploads/2024/05/REGLEMENT-INTERIEUR-CONSERVATOIRE-2024-2025.pdf');
    expect(normalise(link.textContent)).to.equal('Règlement intérieur 2024-2025 (PDF) (nouvelle fenêtre)');
    expect(normalise(link.querySelector('.visually-hidden')?.textContent)).to.equal('(nouvelle fenêtre)');
    expect(link.target).to.equal('_blank');
    expect(link.rel).to.include('noopener');
  });

  it("names the version of the rules « J'accepte » accepts, from the campaign, tied to the checkbox", async () => {
    const el = await recap({
      campaign: campaign({ schoolYear: '2027-2028', rules: { url: 'https://www.limonest.fr/reglement-2027.pdf', version: '2027-2028 v2' } }),
    });
    const s = section(el, 'Validation pour la réinscription');
    const link = s.querySelector('a')!;
    expect(link.href).to.equal('https://www.limonest.fr/reglement-2027.pdf');
    expect(normalise(link.textContent)).to.equal('Règlement intérieur 2027-2028 (PDF) (nouvelle fenêtre)');
    expect(description(shadow(el), control(shadow(el), "J'accepte"))).to.equal('Vous acceptez la version 2027-2028 v2 du règlement intérieur.');
  });

  it("requires « J'accepte »: summary, focus, message, cleared once checked", async () => {
    const el = await recap();
    const root = shadow(el);
    expect((await el.validate()).ok).to.equal(false);
    expect(summaryLinks(root)).to.deep.equal([ACCEPT_REQUIRED]);
    expect(root.activeElement?.classList.contains('error-summary')).to.equal(true);
    const box = control(root, "J'accepte");
    expect(box.getAttribute('aria-invalid')).to.equal('true');
    expect(normalise(root.getElementById(`${box.id}-error`)?.textContent)).to.equal(`Erreur : ${ACCEPT_REQUIRED}`);
    setTimeout(() => box.click());
    const event = await oneEvent(el, 'reinscription-accept-change');
    expect(event.detail).to.deep.equal({ accepted: true });
    await el.updateComplete;
    expect(root.querySelector('.error-summary')).to.equal(null);
    expect(box.getAttribute('aria-invalid')).to.equal('false');
    expect((await el.validate()).ok).to.equal(true);
  });

  it('focuses its heading when asked', async () => {
    const el = await recap();
    el.focusHeading();
    expect(normalise(shadow(el).activeElement?.textContent)).to.equal('Récapitulatif de la réinscription');
  });

  it("renders « J'accepte » from its property", async () => {
    const el = await recap({ accepted: true });
    expect(control(shadow(el), "J'accepte").checked).to.equal(true);
    expect((await el.validate()).ok).to.equal(true);
  });

  describe('a refusal from the server (422)', () => {
    const POSTCODE = 'Saisissez le code postal du responsable à 5 chiffres, par exemple 69760';
    const INFO_REFUSED =
      'Le serveur du conservatoire a refusé « Information complémentaire » : corrigez cette réponse avec « Modifier », puis validez de nouveau.';
    /** The row of `label` in `list`. */
    const row = (list: HTMLElement, label: string) => [...list.querySelectorAll('dt')].find((dt) => normalise(dt.textContent) === label)!.closest('.row')!;

    it("marks « J'accepte » when the acceptance is refused: next to the box, in the summary, which takes focus", async () => {
      document.title = 'Réinscriptions';
      const el = await recap({ accepted: true });
      expect(el.showServerErrors({ 'acceptance.rulesVersion': ['validation.invalid'] })).to.equal(true);
      await el.updateComplete;
      const root = shadow(el);
      const refused = "Le serveur du conservatoire n'a pas accepté votre validation du règlement intérieur : vérifiez « J'accepte », puis validez de nouveau.";
      const box = control(root, "J'accepte");
      expect(box.getAttribute('aria-invalid')).to.equal('true');
      expect(description(root, box)).to.include(`Erreur : ${refused}`);
      expect(summaryLinks(root)).to.deep.equal([refused]);
      expect(root.activeElement?.classList.contains('error-summary')).to.equal(true);
      expect(document.title).to.equal('Erreur\u00a0: Réinscriptions');
      await expect(el).to.be.accessible();
    });

    it('marks each refused answer on its row, in page order in the summary, each link leading to the « Modifier » that fixes it', async () => {
      const el = await recap({ accepted: true });
      expect(
        el.showServerErrors({ 'answers.additionalInfo': ['validation.invalid'], 'answers.guardian.postalCode': ['validation.guardian.postalCode.format'] }),
      ).to.equal(true);
      await el.updateComplete;
      const root = shadow(el);
      expect(summaryLinks(root)).to.deep.equal([POSTCODE, INFO_REFUSED]);
      expect(root.activeElement?.classList.contains('error-summary')).to.equal(true);
      // The postcode is shown on the address's row.
      const address = row(group(el, 'Responsable'), 'Adresse');
      expect(normalise(address.querySelector('.error')?.textContent)).to.equal(`Erreur : ${POSTCODE}`);
      const courses = section(el, 'Cours et information complémentaire');
      expect(normalise(row(courses, 'Information complémentaire').querySelector('.error')?.textContent)).to.equal(`Erreur : ${INFO_REFUSED}`);
      // What was answered is still shown under the message.
      expect(definition(courses, 'Information complémentaire')).to.include('Orchestre plutôt que chorale.');
      const editCourses = button(root, "Modifier l'information complémentaire");
      expect(description(root, editCourses)).to.equal(`Erreur : ${INFO_REFUSED}`);
      expect(description(root, button(root, 'Modifier les coordonnées'))).to.equal(`Erreur : ${POSTCODE}`);
      expect(button(root, 'Modifier les autorisations').hasAttribute('aria-describedby')).to.equal(false);
      [...root.querySelectorAll<HTMLAnchorElement>('.error-summary a')].find((a) => normalise(a.textContent) === INFO_REFUSED)!.click();
      expect(root.activeElement).to.equal(editCourses);
      await expect(el).to.be.accessible();
      // Sending again lets the server judge again: its refusals go.
      expect((await el.validate()).ok).to.equal(true);
      expect(root.querySelector('.error-summary')).to.equal(null);
      expect(root.querySelector('.row--error')).to.equal(null);
    });

    it('names an authorisation refused with an id the catalogue does not know', async () => {
      const el = await recap({ accepted: true });
      expect(el.showServerErrors({ 'answers.authorisations.image': ['validation.invalid'] })).to.equal(true);
      await el.updateComplete;
      expect(summaryLinks(shadow(el))).to.deep.equal([
        "Le serveur du conservatoire a refusé « Droit à l'image » : corrigez cette réponse avec « Modifier », puis validez de nouveau.",
      ]);
      expect(definition(section(el, 'Autorisations'), "Droit à l'image")).to.include('Oui');
    });

    it('says false for what it does not show: another form’s fields, an answer the recap has no row for', async () => {
      const el = await recap({ accepted: true });
      expect(el.showServerErrors({ file: ['validation.required'], reason: ['x'], 'answers.administrativeDetails.day': ['x'], changes: ['x'] })).to.equal(false);
      await el.updateComplete;
      expect(shadow(el).querySelector('.error-summary')).to.equal(null);
      expect(shadow(el).querySelector('.row--error')).to.equal(null);
    });
  });

  it('is accessible when empty, in error and filled', async () => {
    const empty = await recap({ answers: answers() });
    await expect(empty).to.be.accessible();
    await empty.validate();
    await expect(empty).to.be.accessible();
    const filled = await recap({ changes, missing, provided, accepted: true, lina: true, answers: filledAnswers({ student: answers('lina').student }) });
    await expect(filled).to.be.accessible();
  });
});
