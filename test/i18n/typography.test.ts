import { expect } from '@open-wc/testing';
import { formatProgress, formatSize, MO } from '../../src/files/size.js';
import { parisDate, parisInstant, parisTime } from '../../src/format/paris-time.js';
import { fr } from '../../src/i18n/fr/index.js';
import { count } from '../../src/i18n/fr/numbers.js';
import { stepsCatalogue } from '../../src/i18n/fr/steps-catalogue.js';
import { appCatalogue } from '../../src/i18n/fr/app-catalogue.js';
import { CONTACT_EMAIL, DEMO_CREDENTIALS } from '../../src/mocks/seed.js';
import type { ReinscriptionWizard } from '../../src/wizard/wizard.js';
import { button, choose, control, inner, normalise, queryButton, shadow, type, until } from '../helpers/dom.js';
import { accept, atStep, confirmStep1, logIn, mount, next, screen, useMockBackend } from '../helpers/journey.js';

/**
 * French typography (issue 13), over every French string of the catalogue and over the text each
 * screen shows. The rules, as the Imprimerie nationale's Lexique writes them for the screen:
 *
 * - « : » after a no-break space, U+00A0;
 * - « ; », « ! », « ? » after a narrow no-break space, U+202F — and only U+202F (one choice, kept
 *   everywhere: it is the space Intl.NumberFormat('fr') groups thousands with);
 * - guillemets with U+202F inside (« « Modifier » »), never an ordinary space or none;
 * - the apostrophe ’ (U+2019), never the straight one; guillemets, never straight double quotes;
 * - a dash between words is an en dash, U+2013, with a no-break space before it (« Pièces à
 *   fournir – Famille »), never « - » or an em dash;
 * - a number and its unit (Mo, Ko, octets, s, min, h, €, %, an(s), fois, mois, jours, heures,
 *   minutes, secondes, caractères, chiffres) and a day and its month (« 25 octobre ») joined by
 *   U+00A0, never by an ordinary space;
 * - thousands grouped with U+202F (« 1 200 »): never an ordinary space or U+00A0, and a count
 *   of 1 000 or more never printed without grouping;
 * - times as « 23 h 59 », U+00A0 on each side of « h » (the widget's one time format: see
 *   src/format/paris-time.ts), never « 23h59 », « 23 h 59 » with ordinary spaces or « 23:59 »;
 * - « … », never three full stops; no space before « , » or « . », none inside parentheses.
 *
 * The catalogue is checked string by string, each function message called with 0, 1, 2 and 1 200 and
 * the dates, times and sizes the format modules print. The screens are rendered with the mock backend
 * and their text walked through every shadow root. Exceptions are explicit (EXEMPT below, each with
 * its reason), and so is data: what the mock backend sends (src/mocks/seed.ts) and the answers as the
 * widget stores them are not the widget's text; they are checked by the same rules, masked on the
 * screens and listed for their owner (BACKEND below) rather than failed here.
 */

// ------------------------------------------------------------ the rules

/** Spaces that let a line break: what the rules below refuse where a no-break space belongs. */
const BREAKING = '[ \\t\\n\\r]';

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const UNITS = [
  'Go',
  'Mo',
  'Ko',
  'octets?',
  's',
  'min',
  'h',
  '€',
  '%',
  'ans?',
  'fois',
  'mois',
  'jours?',
  'semaines?',
  'heures?',
  'minutes?',
  'secondes?',
  'caractères?',
  'chiffres?',
];
const UNIT = `(?:${UNITS.join('|')})(?![\\p{L}\\p{N}])`;
const MONTH = `(?:${MONTHS.join('|')})(?![\\p{L}\\p{N}])`;

interface Rule {
  rule: string;
  pattern: RegExp;
}

const RULES: Rule[] = [
  { rule: 'U+00A0 before « : »', pattern: /(?<!\u00a0):/gu },
  { rule: 'U+202F before « ; ! ? »', pattern: /(?<!\u202f)[;!?]/gu },
  { rule: 'U+202F after « « »', pattern: /«(?!\u202f)/gu },
  { rule: 'U+202F before « » »', pattern: /(?<!\u202f)»/gu },
  { rule: '’ rather than a straight apostrophe', pattern: /'/gu },
  { rule: '« » rather than straight double quotes', pattern: /"/gu },
  {
    rule: 'U+00A0 and an en dash (« \u00a0– ») between words',
    // On one line: a hyphen alone in a table cell (« - » for « nothing ») is not between words.
    pattern: /[ \t\u00a0\u202f]-[ \t\u00a0\u202f]|(?<!\u00a0)–[ \t\u00a0\u202f]|[ \t\u00a0\u202f]—|—[ \t\u00a0\u202f]/gu,
  },
  { rule: '« … » rather than three full stops', pattern: /\.\.\./gu },
  { rule: 'U+00A0 between a number and its unit', pattern: new RegExp(`\\d(?:${BREAKING}+)?${UNIT}`, 'gu') },
  { rule: 'U+00A0 between a day and its month', pattern: new RegExp(`(?<![\\d/])\\d{1,2}(?:er)?${BREAKING}+${MONTH}`, 'gu') },
  { rule: 'U+202F to group thousands', pattern: /(?<![\d\u202f])\d{1,3}(?:[ \u00a0]\d{3})+(?![\d])/gu },
  { rule: 'thousands grouped (« 1 000 caractères »)', pattern: new RegExp(`(?<![\\d.,])\\d{4,}(?=\\s*${UNIT})`, 'gu') },
  { rule: 'a time as « 23 h 59 » (U+00A0 around « h »)', pattern: /(?<!\d)\d{1,2}(?::|(?!\u00a0h\u00a0)\s*h\s*)\d{2}(?!\d)/gu },
  { rule: 'no space before « , » or « . »', pattern: /(?<=\S)\s+[,.](?![\p{L}\p{N}.])/gu },
  { rule: 'no space inside parentheses', pattern: /\(\s|(?<=\S)\s+\)/gu },
];

/**
 * What the rules do not apply to, each for a reason. Replaced by a neutral « ▢ » before checking.
 */
const EXEMPT: { what: string; why: string; pattern: RegExp }[] = [
  {
    what: 'web addresses',
    why: 'typed or followed as they are: « https: » and « ?a=b » are not French punctuation',
    pattern: /\b(?:https?:\/\/|www\.)[^\s«»()]*[^\s«»().,;:!?]/gu,
  },
  {
    what: 'e-mail addresses',
    why: 'an address is copied letter for letter',
    pattern: /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu,
  },
  {
    what: 'ISO 8601 instants',
    why: 'machine values in the JSON the widget receives and sends, never shown as such',
    pattern: /\d{4}-\d{2}-\d{2}T[\d:.]+(?:Z|[+-]\d{2}:\d{2})?/gu,
  },
  {
    what: 'phone numbers',
    why: 'grouped by pairs as the phone format writes them (schemas/phone.ts), not thousands',
    pattern: /\+\d{1,3}(?:[ \u00a0]\d{1,4}){2,}|(?<!\d)0\d(?:[ \u00a0]\d{2}){4}(?!\d)/gu,
  },
];

/** The text with exemptions (and `masks`, the backend's own texts) replaced by « ▢ ». */
function masked(text: string, masks: Iterable<string> = []): string {
  let rest = text;
  for (const mask of [...masks].sort((a, b) => b.length - a.length)) rest = rest.split(mask).join('▢');
  for (const { pattern } of EXEMPT) rest = rest.replace(pattern, '▢');
  return rest;
}

/** Invisible spaces made visible in a report: ⍽ for U+00A0, ⸱ for U+202F, · for an ordinary space. */
const shownSpaces = (s: string) =>
  s
    .replace(/\u00a0/g, '⍽')
    .replace(/\u202f/g, '⸱')
    .replace(/ /g, '·')
    .replace(/\n/g, '↵');

/** The rules `text` breaks, once per breach. */
function breaches(text: string, masks: Iterable<string> = []): { rule: string; context: string }[] {
  const rest = masked(text, masks);
  return RULES.flatMap(({ rule, pattern }) =>
    [...rest.matchAll(pattern)].map((m) => ({ rule, context: shownSpaces(rest.slice(Math.max(0, m.index - 20), m.index + m[0].length + 20)) })),
  );
}

/** Every breach of the rules in `text`, each as « rule in “…context…” ». */
const problems = (text: string, masks: Iterable<string> = []): string[] => breaches(text, masks).map(({ rule, context }) => `${rule} in “${context}”`);

// ------------------------------------------------------------ the catalogue

const french = { ...fr, ...appCatalogue, ...stepsCatalogue };

type French = typeof french;
type FunctionId = { [K in keyof French]: French[K] extends (p: never) => string ? K : never }[keyof French];
type ParamsOf<K extends FunctionId> = French[K] extends (p: infer P) => string ? P : never;

const closesAt = parisInstant('2026-12-06', '23:59');
/** What the screens pass: dates and times from the format module, sizes from files/size.ts. */
const pool = (n: number) => ({
  count: n,
  max: n,
  over: n,
  seconds: n,
  minutes: n,
  remaining: n,
  n,
  value: count(n),
  step: 3,
  current: 2,
  total: 6,
  name: 'MOREAU Gianni',
  studentName: 'MOREAU Gianni',
  label: 'Attestation de responsabilité civile',
  title: 'Documents',
  date: parisDate(closesAt),
  time: parisTime(closesAt),
  // Both readings of the deadline warning (« cette nuit » past midnight, « aujourd’hui » before).
  afterMidnight: n % 2 === 1,
  since: 'septembre 2021',
  schoolYear: '2027-2028',
  previousYear: '2026-2027',
  version: '2027-2028',
  field: 'Code postal',
  email: CONTACT_EMAIL,
  to: DEMO_CREDENTIALS.email,
  mode: 'Prélèvement automatique en 9\u00a0fois',
  reference: 'LIM-2027-000042',
  controller: 'Mairie de Limonest',
  size: formatSize(n * 3000),
  limit: formatSize(2 * MO),
  scope: 'famille',
  cursus: 'Formation musicale',
  teacher: n ? 'Mme Durand' : '',
});

/** Messages whose parameters the pool does not fit (the same name with another type). */
const overrides = {
  'documents.limits': () => ({ max: formatSize(2 * MO), extensions: '.pdf, .jpg, .jpeg, .png' }),
  'documents.state.uploading': (n: number) => formatProgress(n * 1000, 1_400_000),
  'documents.compressed': (n: number) => ({ from: formatSize(6 * MO + n), to: formatSize(MO + n) }),
} satisfies { [K in FunctionId]?: (n: number) => ParamsOf<K> };

/** Type-checked, as in en.test.ts: a message whose parameters the samples do not fit fails `tsc` here. */
type Misfit = { [K in FunctionId]: ReturnType<typeof pool> extends ParamsOf<K> ? never : K }[FunctionId];
type Uncovered = Exclude<Misfit, keyof typeof overrides>;
const everyMessageHasSamples: [Uncovered] extends [never] ? true : Uncovered = true;

const sample = (id: string, n: number): unknown => (id in overrides ? overrides[id as keyof typeof overrides](n) : pool(n));

/** The numbers each function message is called with: the singular (0, 1), the plural, and a count that needs grouping. */
const SAMPLE_NUMBERS = [0, 1, 2, 1200];

/** Every French text of the catalogue: each string, and each function called with each sample number. */
const texts = (): { id: string; n?: number; text: string }[] =>
  Object.entries(french).flatMap(([id, message]): { id: string; n?: number; text: string }[] =>
    typeof message === 'function' ? SAMPLE_NUMBERS.map((n) => ({ id, n, text: (message as (p: unknown) => string)(sample(id, n)) })) : [{ id, text: message }],
  );

describe('i18n/fr: French typography', () => {
  describe('the rules', () => {
    it('catch the common mistakes', () => {
      const caught = (text: string) => breaches(text).map((b) => b.rule);
      expect(caught('Une question : écrivez-nous')).to.deep.equal(['U+00A0 before « : »']);
      expect(caught('Une question? Écrivez')).to.deep.equal(['U+202F before « ; ! ? »']);
      expect(caught('Une question\u00a0? Écrivez')).to.deep.equal(['U+202F before « ; ! ? »']);
      expect(caught('« Modifier »')).to.deep.equal(['U+202F after « « »', 'U+202F before « » »']);
      expect(caught('«Modifier»')).to.deep.equal(['U+202F after « « »', 'U+202F before « » »']);
      expect(caught("Droit à l'image")).to.deep.equal(['’ rather than a straight apostrophe']);
      expect(caught('"Modifier"')).to.have.length(2);
      expect(caught('Pièces à fournir - Famille')).to.deep.equal(['U+00A0 and an en dash (« \u00a0– ») between words']);
      expect(caught('Pièces à fournir – Famille')).to.deep.equal(['U+00A0 and an en dash (« \u00a0– ») between words']);
      expect(caught('En cours — reprendre')).to.have.length(1);
      expect(caught('Envoi...')).to.deep.equal(['« … » rather than three full stops']);
      for (const unit of [
        '2 Mo',
        '850 Ko',
        '12 octets',
        '30 s',
        '5 min',
        '18 ans',
        '9 fois',
        '3 mois',
        '100 caractères',
        '10 chiffres',
        '15 %',
        '12 €',
        '2Mo',
      ]) {
        expect(caught(`jusqu’à ${unit} au plus`), unit).to.deep.equal(['U+00A0 between a number and its unit']);
      }
      expect(caught('à partir du 25 octobre')).to.deep.equal(['U+00A0 between a day and its month']);
      expect(caught('1 200 caractères').sort()).to.deep.equal(['U+00A0 between a number and its unit', 'U+202F to group thousands']);
      expect(caught('1\u00a0200\u00a0caractères')).to.deep.equal(['U+202F to group thousands']);
      expect(caught('1200\u00a0caractères')).to.deep.equal(['thousands grouped (« 1 000 caractères »)']);
      expect(caught('à 10h30')).to.deep.equal(['a time as « 23 h 59 » (U+00A0 around « h »)']);
      expect(caught('à 10\u00a0h 30')).to.deep.equal(['a time as « 23 h 59 » (U+00A0 around « h »)']);
      expect(caught('à 23:59').sort()).to.deep.equal(['U+00A0 before « : »', 'a time as « 23 h 59 » (U+00A0 around « h »)']);
      expect(caught('Oui , non .')).to.have.length(2);
      expect(caught('( facultatif )')).to.have.length(2);
    });

    it('let correct French through', () => {
      const good = [
        'Une question\u202f? Écrivez au conservatoire\u00a0: conservatoire@limonest.fr',
        '«\u202fModifier\u202f» ouvre les champs d’un bloc\u202f; rien n’est perdu\u202f!',
        'Pièces à fournir\u00a0– Famille',
        'La limite est de 2\u00a0Mo, 850\u00a0Ko ou 12\u00a0octets, dans 30\u00a0s, 9\u00a0fois, à 18\u00a0ans.',
        'À partir du 25\u00a0octobre, jusqu’au 06/12/2026 à 23\u00a0h\u00a059.',
        `${count(1200)}\u00a0caractères restants`,
        'Chargement…',
        'Par exemple 06 12 34 56 78 ou +41 22 123 45 67, 14 03 1985, 69760 ou 1200 (Genève), 2027-2028, FM1C1',
        'Voir https://www.payfip.gouv.fr/?a=b:c ou www.limonest.fr.',
        'Réglages > Appareil photo > Formats',
      ];
      for (const text of good) expect(problems(text), text).to.deep.equal([]);
    });

    it('count() groups thousands with U+202F, as the rules expect', () => {
      expect(count(1200)).to.equal('1\u202f200');
      expect(count(999)).to.equal('999');
    });

    it('time: one format for the whole widget, « 23 h 59 » with U+00A0 around « h »', () => {
      expect(parisTime(closesAt)).to.equal('23\u00a0h\u00a059');
      expect(parisTime(parisInstant('2026-12-06', '09:05'))).to.equal('9\u00a0h\u00a005');
    });
  });

  describe('the catalogue', () => {
    it('has sample parameters of the right shape for every function message (checked by tsc)', () => {
      expect(everyMessageHasSamples).to.equal(true);
    });

    it('follows the rules in every French string, every function message called with 0, 1, 2 and 1200', () => {
      const found = texts().flatMap(({ id, n, text }) => problems(text).map((p) => `${id}${n === undefined ? '' : ` (${n})`}: ${p}`));
      expect(found, found.join('\n')).to.deep.equal([]);
    });

    it('groups every count of 1 000 or more with U+202F, as count() prints it', () => {
      const ungrouped = texts()
        .filter(({ n, text }) => n === 1200 && /(?<![\d\u202f])1[ \u00a0]?200(?!\d)/u.test(text))
        .map(({ id, text }) => `${id}: “${shownSpaces(text)}”`);
      expect(ungrouped, ungrouped.join('\n')).to.deep.equal([]);
    });

    it(`checks ${Object.keys(french).length} messages`, () => {
      expect(Object.keys(french).length).to.be.greaterThan(300);
    });
  });
});

// ------------------------------------------------------------ the screens

const API = '/api-typography-test';
const mock = useMockBackend(API);

/**
 * Data, not the widget's text: every string of every JSON body the mock sent (the backend's: the
 * campaign, the family, the seed) or received (the parent's answers as the widget stores them, e.g.
 * a school name whose ’ schemas/text.ts turned into ').
 */
const backendTexts = new Set<string>();
/** Those of them that break the rules: masked on the screens, listed for their owner. */
const BACKEND = new Map<string, string[]>();

function collect(value: unknown): void {
  if (typeof value === 'string') {
    if (backendTexts.has(value)) return;
    backendTexts.add(value);
    const found = problems(value);
    if (found.length) BACKEND.set(value, found);
  } else if (Array.isArray(value)) value.forEach(collect);
  else if (value && typeof value === 'object') Object.values(value).forEach(collect);
}

const pendingBodies: Promise<void>[] = [];

/** Elements whose text is not French prose, or not shown. */
const SKIPPED = new Set(['style', 'script', 'template', 'noscript']);
/** Elements that end a line: their text is not run into the next one's. */
const BLOCKS = new Set([
  'p',
  'div',
  'li',
  'option',
  'td',
  'th',
  'tr',
  'dt',
  'dd',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'legend',
  'label',
  'button',
  'br',
  'section',
  'fieldset',
]);
/** Attributes whose text is shown (placeholder, title, alt) or said (aria-label). */
const SPOKEN = ['aria-label', 'placeholder', 'title', 'alt'];

/**
 * The text a parent sees and a screen reader says, one string per tree (a shadow root's text nodes in
 * order, through light children, each nested shadow root a string of its own), plus the spoken
 * attributes; a part in another language (lang="en": the language switch) is left out.
 */
function visibleTexts(host: Element): string[] {
  const out: string[] = [];
  const tree = (root: Node) => {
    let text = '';
    const walk = (node: Node) => {
      for (const child of node.childNodes) {
        if (child.nodeType === Node.TEXT_NODE) text += child.textContent ?? '';
        if (!(child instanceof Element) || SKIPPED.has(child.localName)) continue;
        const lang = child.getAttribute('lang');
        if (lang && !lang.toLowerCase().startsWith('fr')) continue;
        for (const name of SPOKEN) {
          const value = child.getAttribute(name);
          if (value) out.push(value);
        }
        if (child.shadowRoot) tree(child.shadowRoot);
        walk(child);
        if (BLOCKS.has(child.localName)) text += '\n';
      }
    };
    walk(root);
    out.push(text);
  };
  tree(shadow(host));
  return out;
}

let screensRendered = 0;
const screenProblems: string[] = [];

/** Checks what `el` shows now, as screen `name`. */
async function check(el: ReinscriptionWizard, name: string): Promise<void> {
  await el.updateComplete;
  await new Promise((r) => requestAnimationFrame(r));
  await Promise.all(pendingBodies);
  screensRendered += 1;
  const masks = [...BACKEND.keys()];
  for (const text of [...visibleTexts(el), document.title]) {
    for (const p of problems(text, masks)) screenProblems.push(`${name}: ${p}`);
  }
}

describe('i18n/fr: French typography on every screen', function () {
  this.timeout(120000);

  before(() => {
    const read = (body: Request | Response) => {
      if ((body.headers.get('content-type') ?? '').includes('json'))
        pendingBodies.push(
          body
            .clone()
            .json()
            .then(collect, () => undefined),
        );
    };
    mock.backend.worker.events.on('request:start', ({ request }) => read(request));
    mock.backend.worker.events.on('response:mocked', ({ response }) => read(response));
  });
  after(() => {
    mock.backend.worker.events.removeAllListeners('request:start');
    mock.backend.worker.events.removeAllListeners('response:mocked');
    if (BACKEND.size) {
      console.info(
        `Data shown on the screens (the mock backend's, src/mocks/seed.ts, and the answers as stored) breaks the rules in ${BACKEND.size} texts, not the widget's:\n` +
          [...BACKEND].map(([text, found]) => `  “${text.length > 80 ? `${text.slice(0, 80)}…` : text}”\n    ${found.join('\n    ')}`).join('\n'),
      );
    }
  });
  beforeEach(() => {
    screenProblems.length = 0;
    document.title = 'Réinscriptions';
  });

  it('the login, its errors, the wrong password, the lost password form and its answer', async () => {
    const el = await mount(API);
    const login = await until(() => inner(el, 'reinscription-login'), 'the login');
    await check(el, 'login');
    button(login, 'Se connecter').click();
    await until(() => login.querySelector('.error-summary'), 'the error summary');
    await check(el, 'login, with errors');
    type(control(login, 'Identifiant'), DEMO_CREDENTIALS.identifier);
    type(control(login, 'Mot de passe'), 'pas le bon');
    button(login, 'Se connecter').click();
    await until(() => normalise(login.textContent).includes('Identifiant ou mot de passe incorrect'), 'the refusal');
    await check(el, 'login, wrong password');
    button(login, 'Mot de passe perdu ?').click();
    const reset = await until(() => inner(el, 'reinscription-password-reset'), 'the reset screen');
    await check(el, 'lost password');
    button(reset, 'Valider').click();
    await until(() => reset.querySelector('.error-summary'), 'the reset errors');
    await check(el, 'lost password, with errors');
    type(control(reset, 'E-mail'), DEMO_CREDENTIALS.email);
    button(reset, 'Valider').click();
    await until(() => normalise(reset.textContent).includes('Si l'), 'the answer');
    await check(el, 'lost password, sent');
    expect(screenProblems, screenProblems.join('\n')).to.deep.equal([]);
  });

  it('the family home and its decline panel', async () => {
    const el = await mount(API);
    await logIn(el);
    await check(el, 'home');
    const home = inner(el, 'reinscription-family-home');
    button(home, 'Je ne souhaite pas réinscrire MOREAU Lina').click();
    await until(() => queryButton(home, 'Confirmer'), 'the decline panel');
    await check(el, 'home, declining');
    expect(screenProblems, screenProblems.join('\n')).to.deep.equal([]);
  });

  it('each step, with its errors, the confirmation, the home after it and the page for pieces added later', async () => {
    const el = await mount(API);
    await logIn(el);
    button(inner(el, 'reinscription-family-home'), 'Je souhaite réinscrire MOREAU Gianni').click();
    await atStep(el, 1);
    await until(() => screen(el).querySelector('input'), 'the coordinates form');
    await check(el, 'step 1');
    next(el);
    await until(() => screen(el).querySelector('.error-summary'), 'the summary of step 1');
    await check(el, 'step 1, with errors');
    await choose(screen(el), 'Ces informations sont-elles à jour', 'Non');
    await check(el, 'step 1, every field open');
    next(el);
    await until(() => screen(el).querySelectorAll('.error-summary a').length > 1, 'the errors of the open fields');
    await check(el, 'step 1, every field open, with errors');
    await choose(screen(el), 'Ces informations sont-elles à jour', 'Oui');
    await confirmStep1(screen(el));
    next(el);
    await atStep(el, 2);
    await check(el, 'step 2');
    next(el);
    await until(() => screen(el).querySelector('.error-summary'), 'the summary of step 2');
    await check(el, 'step 2, with errors');
    await choose(screen(el), "Droit à l'image", 'Oui');
    await choose(screen(el), 'Autorisation de sortie', 'Non');
    next(el);
    await atStep(el, 3);
    await until(() => screen(el).querySelector('table, [role="table"]'), 'the pieces');
    await check(el, 'step 3');
    next(el);
    await atStep(el, 4);
    await check(el, 'step 4');
    type(control<HTMLTextAreaElement>(screen(el), 'Information complémentaire'), 'FM le mercredi de préférence.');
    next(el);
    await atStep(el, 5);
    await check(el, 'step 5');
    button(shadow(el), 'Valider').click();
    await until(() => screen(el).querySelector('.error-summary'), 'the summary of step 5');
    await check(el, 'step 5, with errors');
    await accept(el);
    button(shadow(el), 'Valider').click();
    await atStep(el, 6);
    await until(() => normalise(screen(el).textContent).includes('Numéro de référence'), 'the confirmation');
    await check(el, 'step 6, confirmation');
    button(shadow(el), "Retour à l'accueil").click();
    const home = await until(() => inner(el, 'reinscription-family-home'), 'the home');
    await until(() => /MOREAU Gianni.*(Réinscription envoyée|Envoyée, pièces manquantes)/.test(normalise(home.textContent)), 'Gianni sent');
    await check(el, 'home, one file sent');
    const addLater = queryButton(home, 'Ajouter des pièces manquantes MOREAU Gianni');
    if (addLater) {
      addLater.click();
      const page = await until(() => shadow(el).querySelector('reinscription-documents[data-screen="documents"]'), 'the pieces page');
      await until(() => normalise(shadow(page).textContent).includes('Ajouter des pièces'), 'its heading');
      await check(el, 'pieces added later');
    }
    expect(screenProblems, screenProblems.join('\n')).to.deep.equal([]);
  });

  it('rendered the screens', () => {
    console.info(`French typography checked on ${screensRendered} screens.`);
    expect(screensRendered).to.be.at.least(21);
  });
});
