import type { Block, Inline, RichText } from '../api/blocks.js';
import type { Authorisation, Course, DocumentType, Guardian, PaymentMode, References, StudentCoordinates } from '../api/contract.js';

/**
 * Seed data of the mock backend, taken from the conservatory's own « Mode d'emploi réinscriptions »
 * (the iMuse extranet we replace). Long because it is data (the manual's texts and lists), not logic. Texts are the manual's, with its typos fixed; years that the
 * manual hard-codes (QF 2022, planning 2023-2024…) follow the campaign's school year instead.
 */

export const DEMO_CREDENTIALS = {
  identifier: 'LIMONEST-0001',
  password: 'conservatoire',
  email: 'lydie.dagostino@example.fr',
} as const;

export const DEMO_FAMILY_ID = 'famille-dagostino';
export const TOWN = 'Limonest';
export const TOWN_POSTAL_CODE = '69760';
export const TIME_ZONE = 'Europe/Paris';
export const CONTACT_EMAIL = 'conservatoire@limonest.fr';
export const PRIVACY = {
  url: 'https://www.limonest.fr/conservatoire-municipal/protection-des-donnees-personnelles/',
  controller: 'Mairie de Limonest',
} as const;
export const AUTHORISATION_VERSION = '2024-1';
export const ADDITIONAL_INFO_MAX_LENGTH = 1000;
export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;
export const ACCEPTED_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export const ACCEPTED_EXTENSIONS = ['.pdf', '.jpg', '.jpeg', '.png'];

export const SITE_URL = 'https://www.limonest.fr/agora-culture/conservatoire-municipal/';
const INSCRIPTIONS_URL = 'https://www.limonest.fr/les-services-municipaux/conservatoire-municipal-de-limonest/inscriptions/';
export const PAYFIP_URL = 'https://www.payfip.gouv.fr';

export const text = (t: string): Inline => ({ type: 'text', text: t });
export const strong = (t: string): Inline => ({ type: 'strong', text: t });
export const link = (t: string, href: string): Inline => ({ type: 'link', text: t, href });
export const p = (...content: Inline[]): Block => ({ type: 'paragraph', content });
const list = (...items: Inline[][]): Block => ({ type: 'list', items });

/** « 2027-2028 » for a school year starting in September 2027. */
export const schoolYearLabel = (startYear: number): string => `${startYear}-${startYear + 1}`;

/**
 * The règlement intérieur of a campaign: the town uploads each year's in May, under that school
 * year's name, and its version is the school year (« 2027-2028 »), so the link the recap names
 * « Règlement intérieur 2027-2028 » opens that year's PDF and the version accepted is that year's.
 */
export function rules(startYear: number): { url: string; version: string } {
  const year = schoolYearLabel(startYear);
  return { url: `https://www.limonest.fr/wp-content/uploads/${startYear}/05/REGLEMENT-INTERIEUR-CONSERVATOIRE-${year}.pdf`, version: year };
}

/** The 2024-2025 campaign's rules (the manual's year), kept for fixtures of that year; the store serves `rules(startYear)`. */
export const RULES: Readonly<{ url: string; version: string }> = Object.freeze(rules(2024));

export function paymentModes(): PaymentMode[] {
  return [
    {
      code: 'single',
      label: 'Règlement en une fois',
      explanation: [
        p(
          text('Règlement en une fois à partir du 25 octobre, à réception de la facture : par carte bancaire ou par virement bancaire sur le site '),
          link('www.payfip.gouv.fr', PAYFIP_URL),
          text(', ou par chèque auprès du Trésor public.'),
        ),
      ],
      asksBankChange: false,
    },
    {
      code: 'direct-debit',
      label: 'Prélèvement automatique en 9 fois',
      explanation: [
        p(text('Prélèvement automatique : 9 fois, en début de mois, à partir de novembre.')),
        p(
          text('Le mandat SEPA est à télécharger sur '),
          link('notre site internet (« documents utiles »)', SITE_URL),
          text(', à compléter et à nous renvoyer avec votre RIB (IBAN), '),
          strong('uniquement si vous avez changé de banque depuis septembre 2021'),
          text('.'),
        ),
      ],
      asksBankChange: true,
    },
  ];
}

export function paymentNotes(startYear: number): RichText {
  const qfYear = startYear - 1;
  return [
    p(text('Concernant le paiement :')),
    list(
      [text('Le coût définitif sera déterminé par nos services.')],
      [
        text(
          `Pour les Limonois, votre quotient familial (QF ${qfYear}) vous permettra de déterminer la ligne de la grille qui vous concerne. ` +
            `Si vous ne pouvez ou ne souhaitez pas justifier d'un QF pour l'année ${qfYear}, le tarif le plus cher, Q7, vous sera appliqué.`,
        ),
      ],
      [text("Si vous commencez en cours d'année, une proratisation sera calculée sur la base du paiement en 9 fois.")],
      [text("Toute inscription engage le règlement de l'année complète.")],
      [
        text('Les moyens de paiement acceptés sont : le prélèvement bancaire, le télépaiement sur le site de la DGFiP ('),
        link('www.payfip.gouv.fr', PAYFIP_URL),
        text("), les chèques vacances et le Pass'Culture de Limonest."),
      ],
    ),
  ];
}

export const QF_CONSEQUENCE = "Sans attestation QF, le tarif le plus élevé (Q7) s'applique.";

export function documentTypes(): DocumentType[] {
  return [
    {
      code: 'mandat-sepa',
      label: 'Mandat SEPA de prélèvement automatique (à télécharger sur le site de la mairie)',
      scope: 'family',
      condition: { paymentMode: 'direct-debit', bankChanged: true },
      optional: false,
    },
    {
      code: 'iban',
      label: 'RIB / IBAN (pour le règlement par prélèvement)',
      scope: 'family',
      condition: { paymentMode: 'direct-debit', bankChanged: true },
      optional: false,
    },
    {
      code: 'justificatif-domicile',
      label: 'Justificatif de domicile (de moins de 3 mois)',
      scope: 'family',
      condition: { residentOf: TOWN },
      optional: false,
    },
    {
      code: 'attestation-qf',
      label: 'Attestation QF (CAF)',
      scope: 'family',
      condition: { residentOf: TOWN },
      optional: true,
      consequence: QF_CONSEQUENCE,
    },
    { code: 'responsabilite-civile', label: 'Attestation de responsabilité civile', scope: 'student', condition: {}, optional: false },
    {
      code: 'danse-adulte-attestation',
      label: "Danse adulte - Attestation sur l'honneur",
      scope: 'student',
      condition: { discipline: 'danse', age: 'adult' },
      optional: false,
    },
    {
      code: 'danse-enfant-attestation',
      label: "Danse enfant - Attestation sur l'honneur",
      scope: 'student',
      condition: { discipline: 'danse', age: 'minor' },
      optional: false,
    },
    {
      code: 'danse-questionnaire-medical',
      label: 'Danse enfant ou adulte - Questionnaire médical',
      scope: 'student',
      condition: { discipline: 'danse' },
      optional: false,
    },
  ];
}

const C = 'le Conservatoire Municipal de Limonest';

export function authorisations(): Authorisation[] {
  return [
    {
      code: 'image',
      label: "Droit à l'image",
      version: AUTHORISATION_VERSION,
      text: [
        p(text("En cochant « oui », j'autorise le Conservatoire Municipal de Limonest à utiliser mon image ou celle de mon enfant mineur.")),
        p(
          text(
            `En conséquence de quoi et conformément aux dispositions relatives au droit à l'image, j'autorise ${C} à fixer, reproduire et communiquer au public ` +
              'les photographies prises dans le cadre des activités du Conservatoire Municipal de Limonest uniquement.',
          ),
        ),
        p(
          text(
            "Cette autorisation donne la possibilité au Conservatoire Municipal de Limonest d'apporter à la fixation initiale de mon image toute modification ou adaptation jugée utile.",
          ),
        ),
        p(
          text(
            "Le Conservatoire Municipal de Limonest pourra notamment l'utiliser, la publier, la reproduire, l'adapter ou la modifier, seule ou en combinaison avec d'autres matériels, " +
              'par tous les moyens, méthodes ou techniques actuellement connues ou à venir.',
          ),
        ),
        p(
          text(
            'Les photographies ou enregistrements pourront être exploités et utilisés directement par le Conservatoire Municipal de Limonest sous toute forme et tous supports connus et inconnus à ce jour, ' +
              'sans limitation de durée, intégralement ou par extraits et notamment :',
          ),
        ),
        list(
          [text('support papier (tirages des photographies) ;')],
          [text('CD-ROM / DVD-ROM et autres supports numériques connus et inconnus à ce jour ;')],
          [
            text(
              'tout support audiovisuel, et par tous moyens inhérents à ce mode de communication, internet (incluant blogs, réseaux sociaux), ' +
                'tous vecteurs de réception confondus (smartphones, tablettes, etc.) ;',
            ),
          ],
          [text('médias presse ;')],
          [text('supports de communication interne ;')],
          [
            text(
              'supports promotionnels (PLV, campagnes d’affichage en tous lieux, toutes dimensions et sur tous supports, notamment pour les forums des associations).',
            ),
          ],
        ),
        p(
          text(
            "Le Conservatoire Municipal de Limonest s'interdit expressément de procéder à une exploitation des photographies susceptible de porter atteinte à la vie privée ou à la réputation, " +
              "et d'utiliser les photographies de la présente dans tout support à caractère pornographique, raciste, xénophobe ou toute autre exploitation préjudiciable.",
          ),
        ),
        p(
          text(
            "Je garantis n'être lié·e par aucun accord avec un tiers, de quelque nature que ce soit, ayant pour objet ou pour effet de limiter ou empêcher la mise en œuvre de la présente autorisation.",
          ),
        ),
        p(text("La présente autorisation d'exploitation de mon droit à l'image est consentie à titre gratuit.")),
      ],
    },
    {
      code: 'sortie',
      label: 'Autorisation de sortie',
      version: AUTHORISATION_VERSION,
      text: [
        p(text("En cochant « oui », j'autorise l'élève mineur à quitter seul·e l'enceinte du Conservatoire, y compris la salle de danse et ses vestiaires.")),
      ],
      adultText: [
        p(text("Élève majeur·e : vous quittez librement l'enceinte du Conservatoire, y compris la salle de danse et ses vestiaires.")),
        p(text("Pour les élèves adultes, merci de cocher une case (« oui » ou « non ») pour valider l'inscription.")),
      ],
    },
  ];
}

export function courseNotes(startYear: number): RichText {
  const previous = schoolYearLabel(startYear - 1);
  const next = schoolYearLabel(startYear);
  const planning = (what: string) => link(`PLANNING PRÉVISIONNEL ${what} ${next}`, INSCRIPTIONS_URL);
  return [
    list(
      [
        text(
          'Pour tout changement à venir ou demande particulière concernant les cours de musique, danse, théâtre, merci de le préciser dans le champ « Information complémentaire » en écriture libre.',
        ),
      ],
      [
        text(
          `Pour les élèves qui ont fait la Découverte Instrumentale en ${previous}, cochez la case « Réinscription administrative ». ` +
            "Précisez l'instrument choisi par l'élève et le jour pour suivre la FM1C1 et la chorale Domin'ut (merci de l'indiquer dans « Information complémentaire »). " +
            'Nous vous contacterons pour confirmer la bonne inscription.',
        ),
      ],
      [
        text(
          'Pour les élèves en Éveil Artistique (mercredi ou samedi) et Découverte Instrumentale (lundi ou mercredi), merci de préciser votre préférence pour le jour de cours. Voir le ',
        ),
        planning('DES COURS COLLECTIFS'),
        text('.'),
      ],
      [
        text('Pour les élèves en FM1C1, FM1C2 et FM1C3 (mercredi ou samedi), merci de préciser votre préférence pour le jour de cours. Voir le '),
        planning('DE FORMATION MUSICALE'),
        text('.'),
      ],
      [
        text(
          "Pour les élèves en FM1C4, merci de préciser votre préférence pour l'horaire : 10 h 30 pour ceux qui font la chorale à 9 h 30, ou 11 h 30 pour ceux qui font la pratique collective orchestre le mercredi après-midi.",
        ),
      ],
      [
        text(
          "Pour le cursus musique, à partir de la 2e année d'instrument, les élèves peuvent avoir le choix entre orchestre et chorale pour la pratique collective obligatoire. " +
            'Pour les élèves concernés, merci de préciser votre préférence ici. Voir le ',
        ),
        planning('DES COURS COLLECTIFS'),
        text('.'),
      ],
    ),
  ];
}

export const REFERENCES: References = {
  civilites: [
    { code: 'MME', label: 'Madame' },
    { code: 'M', label: 'Monsieur' },
  ],
  situationsFamiliales: [
    { code: 'CELIBATAIRE', label: 'Célibataire' },
    { code: 'MARIE', label: 'Marié(e)' },
    { code: 'PACSE', label: 'Pacsé(e)' },
    { code: 'CONCUBINAGE', label: 'En concubinage' },
    { code: 'DIVORCE', label: 'Divorcé(e)' },
    { code: 'SEPARE', label: 'Séparé(e)' },
    { code: 'VEUF', label: 'Veuf/Veuve' },
  ],
  // INSEE PCS 2020, level 1 (groupes socioprofessionnels), plus the two inactive groups.
  pcs: [
    { code: '1', label: 'Agriculteurs exploitants' },
    { code: '2', label: "Artisans, commerçants et chefs d'entreprise" },
    { code: '3', label: 'Cadres et professions intellectuelles supérieures' },
    { code: '4', label: 'Professions intermédiaires' },
    { code: '5', label: 'Employés' },
    { code: '6', label: 'Ouvriers' },
    { code: '7', label: 'Retraités' },
    { code: '8', label: 'Autres personnes sans activité professionnelle' },
  ],
  niveauxScolaires: [
    { code: 'PS', label: 'Petite section' },
    { code: 'MS', label: 'Moyenne section' },
    { code: 'GS', label: 'Grande section' },
    { code: 'CP', label: 'CP' },
    { code: 'CE1', label: 'CE1' },
    { code: 'CE2', label: 'CE2' },
    { code: 'CM1', label: 'CM1' },
    { code: 'CM2', label: 'CM2' },
    { code: '6e', label: 'Sixième' },
    { code: '5e', label: 'Cinquième' },
    { code: '4e', label: 'Quatrième' },
    { code: '3e', label: 'Troisième' },
    { code: '2nde', label: 'Seconde' },
    { code: '1re', label: 'Première' },
    { code: 'Tle', label: 'Terminale' },
    { code: 'SUP', label: 'Études supérieures' },
    { code: 'NS', label: 'Non scolarisé / adulte' },
  ],
};

export interface SeedStudent {
  id: string;
  coordinates: StudentCoordinates;
  courses: Course[];
  administrativeReregistrationApplies: boolean;
}

export interface SeedFamily {
  id: string;
  account: { identifier: string; password: string; email: string };
  guardian: Guardian;
  paymentMode: string | null;
  bankChanged: boolean | null;
  students: SeedStudent[];
}

const ADDRESS = '14 chemin du Puy-d’Or';

/**
 * The demo family, as a fresh copy each call so a store can mutate it freely.
 * The guardian's civilité is stored as the legacy value « Mademoiselle », which today's list no
 * longer offers: the contract allows such prefilled values and the UI shows them verbatim.
 */
export function seedFamilies(): SeedFamily[] {
  const sharedAddress = { useGuardianAddress: true, address: ADDRESS, postalCode: TOWN_POSTAL_CODE, city: TOWN };
  return [
    {
      id: DEMO_FAMILY_ID,
      account: { ...DEMO_CREDENTIALS },
      guardian: {
        civilite: 'Mademoiselle',
        lastName: "D'AGOSTINO",
        firstName: 'Lydie',
        birthDate: '1984-03-14',
        birthPlace: 'Lyon',
        birthDepartment: '69',
        country: 'FR',
        address: ADDRESS,
        postalCode: TOWN_POSTAL_CODE,
        city: TOWN,
        // Numbers from the ranges ARCEP reserves for fiction.
        phoneHome: '+33465710012',
        phoneMobile: '+33639980042',
        phoneWork: '',
        email: DEMO_CREDENTIALS.email,
        situationFamiliale: 'SEPARE',
        pcs: '4',
        profession: 'Professeure de musique',
        extraPhones: [],
      },
      paymentMode: 'direct-debit',
      bankChanged: null,
      students: [
        {
          id: 'gianni',
          coordinates: {
            civilite: 'M',
            lastName: 'MOREAU',
            firstName: 'Gianni',
            birthDate: '2014-05-09',
            birthPlace: 'Lyon',
            birthDepartment: '69',
            situationFamiliale: '',
            ...sharedAddress,
            phoneHome: '',
            phoneMobile: '',
            phoneWork: '',
            email: '',
            emergencyContact: 'Marco MOREAU (père)',
            emergencyPhone: '+33639980043',
            school: 'Collège Jean-Philippe Rameau, Champagne-au-Mont-d’Or',
            schoolLevel: '5e',
          },
          courses: [
            { cursus: "Choeur Domin'ut", cours: '', teacher: 'Lorène REYMOND', cycle: '', active: true, discipline: 'musique' },
            { cursus: 'Clarinette', cours: '', teacher: 'Lydie DAGOSTINO', cycle: '1C2', active: true, discipline: 'musique' },
            { cursus: 'FM 1C2', cours: '', teacher: 'Catherine DUPERRAY', cycle: '', active: true, discipline: 'musique' },
            {
              cursus: 'TC1A Théâtre classe 1A PRIMAIRE JEUDI',
              cours: '',
              teacher: 'Jade BRECHELIERE',
              cycle: '',
              active: true,
              discipline: 'theatre',
            },
          ],
          administrativeReregistrationApplies: false,
        },
        {
          id: 'lina',
          coordinates: {
            civilite: 'MME',
            lastName: 'MOREAU',
            firstName: 'Lina',
            birthDate: '2019-02-21',
            birthPlace: 'Lyon',
            birthDepartment: '69',
            situationFamiliale: '',
            ...sharedAddress,
            phoneHome: '',
            phoneMobile: '',
            phoneWork: '',
            email: '',
            emergencyContact: 'Marco MOREAU (père)',
            emergencyPhone: '+33639980043',
            school: 'École élémentaire publique de Limonest',
            schoolLevel: 'CE1',
          },
          courses: [
            { cursus: 'Initiation danse 2 MERCREDI', cours: '', teacher: 'Camille FAURE', cycle: 'Initiation', active: true, discipline: 'danse' },
            { cursus: 'Découverte Instrumentale LUNDI', cours: '', teacher: 'Lorène REYMOND', cycle: '', active: true, discipline: 'musique' },
          ],
          // She did « Découverte Instrumentale »: the manual asks for an administrative re-registration.
          administrativeReregistrationApplies: true,
        },
      ],
    },
  ];
}
