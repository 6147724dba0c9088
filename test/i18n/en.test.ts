import { expect } from '@open-wc/testing';
import { en } from '../../src/i18n/en.js';
import { fr } from '../../src/i18n/fr/index.js';
import { stepsCatalogue } from '../../src/i18n/fr/steps-catalogue.js';
import { appCatalogue } from '../../src/i18n/fr/app-catalogue.js';
import { count, plural } from '../../src/i18n/en/numbers.js';

const french = { ...fr, ...appCatalogue, ...stepsCatalogue };
const english = en;

type English = typeof english;
type FunctionId = { [K in keyof English]: English[K] extends (p: never) => string ? K : never }[keyof English];
type ParamsOf<K extends FunctionId> = English[K] extends (p: infer P) => string ? P : never;

/** Sample values by parameter name: numbers take `n` (0, 1, 2, 1200 below, for the plurals). */
const pool = (n: number) => ({
  count: n,
  max: n,
  over: n,
  seconds: n,
  minutes: n,
  remaining: n,
  step: n,
  current: 2,
  total: 6,
  n,
  value: count(n),
  name: 'Léa Martin',
  studentName: 'Léa Martin',
  label: 'Attestation de responsabilité civile',
  title: 'Documents',
  date: '15 June 2025',
  time: '23:59',
  // Both readings of the deadline warning (« cette nuit » past midnight, « aujourd’hui » before).
  afterMidnight: n % 2 === 1,
  since: '1 September 2024',
  schoolYear: '2025–2026',
  previousYear: '2024–2025',
  version: '3',
  field: 'Postcode',
  email: 'conservatoire@example.com',
  to: 'lea.martin@example.com',
  mode: 'Direct debit',
  reference: 'REI-2025-0042',
  controller: 'Ville de Limonest',
  extensions: '.pdf, .jpg, .png',
  size: '2.4\u00a0MB',
  limit: '10\u00a0MB',
  from: '6.1\u00a0MB',
  scope: 'family',
  cursus: 'Cycle 1',
  teacher: n ? 'Mme Durand' : '',
});

/** Messages whose parameters the pool does not fit (the same name with another type). */
const overrides = {
  'documents.limits': () => ({ max: '10\u00a0MB', extensions: '.pdf, .jpg, .png' }),
  'documents.state.uploading': () => ({ loaded: '1.2\u00a0MB', total: '2.4\u00a0MB' }),
} satisfies { [K in FunctionId]?: (n: number) => ParamsOf<K> };

/**
 * Type-checked: a message that gains a parameter the pool lacks, or takes one of another type,
 * fails `tsc` here (naming its id) until the pool or the overrides give it a sample.
 */
type Misfit = { [K in FunctionId]: ReturnType<typeof pool> extends ParamsOf<K> ? never : K }[FunctionId];
type Uncovered = Exclude<Misfit, keyof typeof overrides>;
const everyMessageHasSamples: [Uncovered] extends [never] ? true : Uncovered = true;

const sample = (id: string, n: number): unknown => (id in overrides ? overrides[id as keyof typeof overrides]() : pool(n));

/** Words a translator leaves behind; each is checked as a whole word, case-insensitively. */
const FRENCH_WORDS = [
  'réessayer',
  'étape',
  'passer',
  'veuillez',
  'responsable',
  'élève',
  'élèves',
  'pièce',
  'pièces',
  'coordonnées',
  'valider',
  'annuler',
  'fermer',
  'oui',
  'non',
  'erreur',
  'envoi',
  'chargement',
  'connexion',
  'déconnexion',
  'facultatif',
  'obligatoire',
  'modifier',
  'supprimer',
  'consulter',
  'récapitulatif',
  'réinscription',
  'vous',
  'votre',
  'vos',
  'avec',
  'pour',
  'règlement',
  'famille',
  'cours',
];
/** French proper nouns and official terms a parent must recognise in French paperwork. */
const ALLOWED = ['règlement intérieur', 'règlement en une fois', 'espace famille'];

const leftovers = (text: string): string[] => {
  let rest = text.toLowerCase();
  for (const allowed of ALLOWED) rest = rest.split(allowed).join(' ');
  return FRENCH_WORDS.filter((word) => new RegExp(`(?<![\\p{L}\\p{N}])${word}(?![\\p{L}\\p{N}])`, 'u').test(rest));
};

/** French typography (a space, no-break or not, before « : ; ! ? », guillemets) and mixed apostrophes or quotes. */
const typography = (text: string): string[] =>
  [
    /[\s\u00a0\u202f][:;!?]/u.test(text) && 'a space before : ; ! or ?',
    /\u202f/u.test(text) && 'a narrow no-break space',
    /[«»]/u.test(text) && 'guillemets',
    /'/u.test(text) && 'a straight apostrophe (use ’)',
    /"/u.test(text) && 'a straight double quote (use “ ”)',
    /undefined|NaN|\[object/u.test(text) && 'a missing parameter',
  ].filter((problem): problem is string => typeof problem === 'string');

/** Every English text: each string, and each function called with small and large numbers. */
const texts = (): [string, string][] =>
  Object.entries(english).flatMap(([id, message]): [string, string][] =>
    typeof message === 'function' ? [0, 1, 2, 1200].map((n) => [id, (message as (p: unknown) => string)(sample(id, n))]) : [[id, message]],
  );

describe('i18n/en: the English catalogue', () => {
  it('has every id of the French catalogue, and no other', () => {
    const fromFrench = Object.keys(french).sort();
    const fromEnglish = Object.keys(english).sort();
    expect(fromFrench.filter((id) => !(id in english))).to.deep.equal([]);
    expect(fromEnglish.filter((id) => !(id in french))).to.deep.equal([]);
    expect(fromEnglish).to.have.length(fromFrench.length);
  });

  it('has a function where French has one and a string where French has one', () => {
    const kinds = (catalogue: Record<string, unknown>) => Object.entries(catalogue).map(([id, m]) => `${id}: ${typeof m}`);
    expect(kinds(english).sort()).to.deep.equal(kinds(french).sort());
  });

  it('has sample parameters of the right shape for every function message (checked by tsc)', () => {
    expect(everyMessageHasSamples).to.equal(true);
  });

  it('calls every function message with sample parameters and gets a non-empty text', () => {
    const problems = texts()
      .filter(([, text]) => typeof text !== 'string' || text.trim() === '' || text.includes('undefined'))
      .map(([id]) => id);
    expect(problems).to.deep.equal([]);
  });

  it('has no French typography, no straight quotes and no leftover French words', () => {
    const problems = texts().flatMap(([id, text]) =>
      [...typography(text), ...leftovers(text).map((w) => `French « ${w} »`)].map((p) => `${id}: ${p} in “${text}”`),
    );
    expect(problems).to.deep.equal([]);
  });

  it('the checks above do catch what they look for', () => {
    expect(typography('Étape 2 : « Documents »')).to.include.members(['a space before : ; ! or ?', 'guillemets']);
    expect(typography('Try again\u202f!')).to.include('a narrow no-break space');
    expect(leftovers('Veuillez réessayer')).to.deep.equal(['réessayer', 'veuillez']);
    expect(leftovers('Conservatoire rules (règlement intérieur)')).to.deep.equal([]);
    expect(leftovers('Sign in to your family account (espace famille)')).to.deep.equal([]);
    expect(leftovers('Nonsense, a course')).to.deep.equal([]);
  });

  it('counts and plurals the British way: only 1 is singular', () => {
    expect(count(1200)).to.equal('1,200');
    expect(plural(1, 'file', 'files')).to.equal('file');
    expect(plural(0, 'file', 'files')).to.equal('files');
    expect(plural(2, 'file', 'files')).to.equal('files');
    expect(en['courses.additionalInfo.remaining']({ count: 1 })).to.equal('1 character left');
    expect(en['courses.additionalInfo.remaining']({ count: 0 })).to.equal('0 characters left');
    expect(en['courses.additionalInfo.over']({ count: 1200 })).to.equal('1,200 characters too many');
    expect(en['home.decline.counter']({ remaining: 0 })).to.equal('0 characters left');
    expect(en['wizard.sessionEnding']({ minutes: 1 })).to.contain('in 1 minute.');
    expect(en['wizard.sessionEnding']({ minutes: 5 })).to.contain('in 5 minutes.');
    expect(en['common.size.bytes']({ n: 0, value: '0' })).to.equal('0\u00a0bytes');
    expect(en['common.size.bytes']({ n: 1, value: '1' })).to.equal('1\u00a0byte');
  });

  it('keeps dates and times as parameters, « at » between them', () => {
    expect(en['confirmation.dateTime']({ date: '15 June 2025', time: '23:59' })).to.equal('15 June 2025 at 23:59');
    expect(en['home.student.deadline']({ date: '15 June 2025', time: '23:59' })).to.equal('Submit by 15 June 2025 at 23:59');
  });

  it('quotes buttons and labels with the words they have in English', () => {
    expect(en['login.invalidCredentials']).to.contain(`“${en['login.forgotPassword']}”`);
    expect(en['home.family.missing.note']).to.contain(`“${en['home.addDocuments']}”`);
    expect(en['confirmation.receipt.notSent']).to.contain(`“${en['confirmation.print']}”`);
    expect(en['common.requiredNote']).to.contain(`“${en['common.optional']}”`);
    expect(en['documents.addLater.intro']).to.contain(`“${en['documents.state.missing']}”`);
    expect(en['documents.error.heic.camera']).to.contain(`“${en['documents.photo']}”`);
    expect(en['courses.intro']).to.contain(`“${en['courses.additionalInfo.label']}”`);
    expect(en['recap.accept.required']).to.contain(`“${en['recap.accept.label']}”`);
    expect(en['coordinates.summary.intro']).to.contain(`“${en['coordinates.summary.edit']}”`);
    expect(en['api.validation.fields']).to.contain(`“${en['stepper.title.1']}”`);
    expect(en['validation.student.birthDepartment.list']).to.contain(`“${en['coordinates.birthDepartment.abroad']}”`);
  });
});
