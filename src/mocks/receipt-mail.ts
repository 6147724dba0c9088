import type { Campaign, Course, Guardian, ReferenceItem, StudentCoordinates, Submission, SubmissionRequest } from '../api/contract.js';
import { TIME_ZONE } from './seed.js';

/**
 * The receipt e-mail the mock backend « sends » after a submission: plain text, in French, what a
 * family keeps as proof. The reference, the student, the date in Paris, every answer as entered
 * (coordinates, authorisations, courses, additional information, payment mode), what changed, the
 * rules version accepted, and the pieces still missing with the date until which they can be added.
 * A real backend writes its own; this one shows what the widget promises (« Un récapitulatif a été
 * envoyé à … »), and the demo's outbox and `GET /__mock/outbox` show it.
 */

export interface ReceiptInput {
  campaign: Campaign;
  submission: Submission;
  request: SubmissionRequest;
  courses: Course[];
  administrativeReregistrationApplies: boolean;
}

const longFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: TIME_ZONE, dateStyle: 'long', timeStyle: 'short' });
/** « 1er décembre 2026 à 21:52 »: Intl writes « 1 décembre », French typography the ordinal. */
const longDateTime = { format: (at: Date) => longFormat.format(at).replace(/^1 /, '1er ') };

const NOT_PROVIDED = 'Non renseigné';

/** « +33639980042 » → « 06 39 98 00 42 »; other countries as stored. */
function phone(stored: string): string {
  const french = /^\+33(\d{9})$/.exec(stored);
  return french?.[1] ? `0${french[1]}`.replace(/(\d{2})(?=\d)/g, '$1 ') : stored;
}

const date = (iso: string | null) => (iso && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso.split('-').reverse().join('/') : (iso ?? ''));
const label = (items: readonly ReferenceItem[], code: string) => items.find((i) => i.code === code)?.label ?? code;
const yesNo = (v: boolean | 'oui' | 'non' | null) => (v === true || v === 'oui' ? 'Oui' : v === false || v === 'non' ? 'Non' : '');

function country(code: string): string {
  try {
    return new Intl.DisplayNames(['fr'], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** « Libellé : valeur », « Non renseigné » when empty. */
const line = (name: string, value: string) => `  ${name} : ${value.trim() ? value : NOT_PROVIDED}`;
const phones = (...list: string[]) => list.filter(Boolean).map(phone).join(', ');
const address = (p: { address: string; postalCode: string; city: string }) => [p.address, `${p.postalCode} ${p.city}`.trim()].filter(Boolean).join(', ');
/** A change's « before » or « after »: phones and dates as elsewhere, anything else as entered. */
const changed = (v: string) => (v ? phone(date(v)) : NOT_PROVIDED);
const birthDepartment = (code: string) => (code === '99' ? "Né(e) à l'étranger" : code);

/** Who a person is: the guardian's and the student's first six lines. */
function identityLines(p: Guardian | StudentCoordinates, refs: Campaign['references']): string[] {
  return [
    line('Civilité', label(refs.civilites, p.civilite)),
    line('Nom', p.lastName),
    line('Prénom', p.firstName),
    line('Date de naissance', date(p.birthDate)),
    line('Lieu de naissance', p.birthPlace),
    line('Département de naissance', birthDepartment(p.birthDepartment)),
  ];
}

function guardianLines(g: Guardian, refs: Campaign['references']): string[] {
  return [
    'Responsable',
    ...identityLines(g, refs),
    line('Adresse', address(g)),
    line('Pays', g.country ? country(g.country) : ''),
    line('Tél. domicile', phone(g.phoneHome)),
    line('Mobile', phone(g.phoneMobile)),
    line('Tél. professionnel', phone(g.phoneWork)),
    line('Téléphones supplémentaires', phones(...g.extraPhones)),
    line('E-mail', g.email),
    line('Situation familiale', label(refs.situationsFamiliales, g.situationFamiliale)),
    line('Catégorie socio-professionnelle', label(refs.pcs, g.pcs)),
    line('Profession', g.profession),
  ];
}

function studentLines(s: StudentCoordinates, refs: Campaign['references']): string[] {
  return [
    'Élève',
    ...identityLines(s, refs),
    line('Situation familiale', label(refs.situationsFamiliales, s.situationFamiliale)),
    s.useGuardianAddress ? line('Adresse', 'celle du responsable') : line('Adresse', address(s)),
    line('Tél. domicile', phone(s.phoneHome)),
    line('Mobile', phone(s.phoneMobile)),
    line('Tél. professionnel', phone(s.phoneWork)),
    line('E-mail', s.email),
    line('Personne à prévenir', s.emergencyContact),
    line('Tél. urgence', phone(s.emergencyPhone)),
    line('Établissement scolaire', s.school),
    line('Niveau scolaire', label(refs.niveauxScolaires, s.schoolLevel)),
  ];
}

/** The missing pieces by label, each with whom it concerns (the family's pieces count for every child). */
export function missingPieces(campaign: Campaign, codes: readonly string[]): string[] {
  return codes.map((code) => {
    const type = campaign.documents.types.find((t) => t.code === code);
    return type ? `${type.label} (${type.scope === 'family' ? 'famille' : 'élève'})` : code;
  });
}

export function receiptMail(input: ReceiptInput): { subject: string; body: string } {
  const { campaign, submission, request, courses } = input;
  const { answers, acceptance, changes } = request;
  const refs = campaign.references;
  const student = `${answers.student.lastName} ${answers.student.firstName}`;
  const mode = campaign.paymentModes.find((m) => m.code === answers.paymentMode);
  const missing = missingPieces(campaign, submission.missingDocuments);
  const active = courses.filter((c) => c.active);

  const lines = [
    'Bonjour,',
    '',
    `Le conservatoire a bien reçu la réinscription de ${student} pour l'année ${campaign.schoolYear}. Gardez ce message : il récapitule votre envoi.`,
    '',
    `Numéro de référence : ${submission.reference}`,
    `Envoyée le : ${longDateTime.format(new Date(submission.submittedAt))} (heure de Paris)`,
    `État du dossier : ${missing.length ? 'incomplet, des pièces manquent' : 'complet'}`,
    '',
    ...(missing.length
      ? [
          `Pièces à ajouter depuis votre espace famille, jusqu'au ${longDateTime.format(new Date(campaign.documentsUntil))} :`,
          ...missing.map((m) => `  - ${m}`),
          'Tout dossier incomplet ne sera pas traité.',
          '',
        ]
      : []),
    'VOS RÉPONSES',
    '',
    ...guardianLines(answers.guardian, refs),
    '',
    ...studentLines(answers.student, refs),
    '',
    'Mode de règlement',
    line('Mode de règlement souhaité', mode?.label ?? answers.paymentMode ?? ''),
    ...(mode?.asksBankChange ? [line('Changement de banque', yesNo(answers.bankChanged))] : []),
    '',
    'Autorisations',
    line("Droit à l'image", yesNo(answers.authorisations.image)),
    line('Autorisation de sortie', yesNo(answers.authorisations.sortie)),
    '',
    'Cours et information complémentaire',
    ...(active.length ? active.map((c) => `  - ${c.teacher ? `${c.cursus} (${c.teacher})` : c.cursus}`) : ['  Aucun cours enregistré']),
    ...(input.administrativeReregistrationApplies ? [line('Réinscription administrative', yesNo(answers.administrativeReregistration))] : []),
    ...(input.administrativeReregistrationApplies && answers.administrativeReregistration
      ? [
          line('Instrument choisi', answers.administrativeDetails?.instrument ?? ''),
          line("Jour pour la FM1C1 et la chorale Domin'ut", answers.administrativeDetails?.day ?? ''),
        ]
      : []),
    line('Information complémentaire', answers.additionalInfo.replace(/\s*\n\s*/g, ' / ')),
    '',
    'Éléments modifiés',
    ...(changes.length ? changes.map((c) => `  ${c.label} : ${changed(c.before)} → ${changed(c.after)}`) : ['  Aucune information enregistrée modifiée']),
    '',
    `Règlement intérieur accepté : version ${acceptance.rulesVersion}, le ${longDateTime.format(new Date(acceptance.acceptedAt))}.`,
    '',
    `Une question ? Écrivez au conservatoire : ${campaign.contactEmail}`,
    '',
    `Le Conservatoire municipal de ${campaign.town}`,
  ];
  return { subject: `Conservatoire de ${campaign.town} : réinscription de ${student} reçue (${submission.reference})`, body: lines.join('\n') };
}
