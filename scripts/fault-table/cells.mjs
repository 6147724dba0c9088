/**
 * The fault table's expectations, as data: for every call a parent makes (src/api/routes.ts) and
 * every fault the mock injects (src/mocks/scenarios.ts), what the parent must see, what must be
 * kept, and how the call is tried again. scripts/fault-table/calls.mjs says how each call is made
 * (the seeded state, the parent's action, what success looks like); scripts/fault-table.mjs runs
 * one cell per pair and writes README's table. Editing this file makes .fault-table.json stale.
 *
 * Messages are catalogue ids of the built lib/ (lib/i18n), never French copied here: a string is
 * an id, `[id, params]` an id with its parameters, `[id, '*']` an id whose parameters may be
 * anything (the seconds of a backoff). A list is « any of these ».
 *
 * Retry kinds, tried in the order given until the call succeeds (the fault is cleared first):
 * - `auto`: the widget tries again by itself: its timer; after a Retry-After of 30 s, which the cell
 *   does not wait for, the browser's `online` event (the status must have said « dans 30 s »);
 * - `button`: a button whose name starts with « Réessayer » (or « Réessayer maintenant »);
 * - `again`: the parent does the same action once more;
 * - `relogin`: the parent logs in again over the screen (the password only), then, if needed, again;
 * - `reload`: the parent reloads the page (everything is in the tab).
 */

/** The columns, in order: the faults of issue 12. */
export const FAULTS = [
  { name: 'network-error', label: 'network', message: 'api.network' },
  { name: 'server-error', label: '500', message: 'api.server' },
  { name: 'unavailable', label: '503 + Retry-After', message: [['api.unavailable', { seconds: 30 }]], retryAfter: true },
  { name: 'session-expired', label: '401', message: ['wizard.sessionExpired', 'api.unauthorized'] },
  { name: 'forbidden', label: '403', message: 'api.forbidden' },
  { name: 'not-found', label: '404', message: 'api.not-found' },
  { name: 'conflict', label: '409', message: 'api.conflict' },
  { name: 'too-large', label: '413', message: 'api.too-large' },
  {
    name: 'validation-error',
    label: '422',
    message: ['api.validation', 'api.validation.fields', ['api.validation.fieldsAt', '*'], 'api.validation.fieldsSeveral', 'save.refused'],
  },
  { name: 'rate-limited', label: '429 + Retry-After', message: [['api.rate-limited', { seconds: 30 }]], retryAfter: true },
  { name: 'malformed-json', label: 'malformed JSON', message: 'api.contract' },
  { name: 'contract-break', label: 'contract break', message: 'api.contract' },
];

/** Why a cell is « — »: the reason shown in the table's footnote, by fault (scenarioApplies() decides which cells). */
export const NOT_APPLICABLE = {
  'session-expired': 'a public route: there is no session to expire',
  conflict: 'nothing of the family’s file changes (a read, or the session’s own route): nothing to conflict with',
  'too-large': 'the request has no body',
  'validation-error': 'the request has no body to refuse',
  'malformed-json': 'the route answers 204: the client reads no body',
  'contract-break': 'the route answers 204: the client reads no body',
};

/** Faults a retry may cure (ApiError.retryable): the widget itself may try again. */
const RETRYABLE = new Set(['network-error', 'server-error', 'unavailable', 'rate-limited']);
/** « nouvel essai dans N s » after a Retry-After of 30 s, whichever second the status is read in. */
const RETRY_AFTER_COUNTDOWN = Array.from({ length: 10 }, (_, i) => ['save.pending', { seconds: 30 - i }]);

/** Typed by the parent in the cells, checked as kept. */
export const TYPED = {
  identifier: 'LIMONEST-0001',
  password: 'conservatoire',
  email: 'lydie.dagostino@example.fr',
  profession: 'Musicienne intervenante',
  reason: 'Déménagement à Lyon',
  fileName: 'attestation-fault-table.pdf',
};

/**
 * The rows, in the order of the journey. `screen`: where the parent makes the call, for the table.
 * `kept`: what must still be there after the failure: `{ field, value }` a field found by its French
 * label (a checkbox's value is its checked state; a field no longer shown counts as lost unless
 * `optional`), `{ journey, value }` a path in the student's work in the tab's
 * sessionStorage (StoredJourney.students[student]), `{ text }` a text still shown.
 * `alert`: the message instead of the fault's own (null: no alert expected). `status`: a role="status"
 * expected too. `orOnScreen`: instead of the alert, a message anywhere on the screen will do (a field's
 * error and the error summary, which are not alerts). `refused`: a save's 422, the refused field's message its step must show
 * (next to the field and in the error summary), never an alert. `faults`: a cell whose expectation is its own (what it says replaces the rest; `gone`:
 * texts no longer shown). `after`: `not-login` (the password is not asked again), `login` (the login
 * shows over the screen), `logged-out`. `retry`: the kinds accepted, in the order tried.
 */
export const CALLS = [
  {
    route: 'login',
    screen: 'Connexion',
    action: '« Se connecter »',
    kept: [
      { field: 'Identifiant', value: TYPED.identifier },
      { field: 'Mot de passe', value: TYPED.password },
    ],
    retry: ['again'],
  },
  {
    route: 'passwordReset',
    screen: 'Mot de passe perdu',
    action: '« Valider »',
    kept: [
      { field: 'Identifiant', value: TYPED.identifier },
      { field: 'E-mail', value: TYPED.email },
    ],
    retry: ['again'],
  },
  {
    route: 'campaign',
    screen: 'first screen',
    action: 'opening the page, then « Se connecter »',
    // The login shows and works without the campaign; the home says what is missing.
    alert: ['wizard.campaignMissing', 'FAULT'],
    after: 'not-login',
    retry: ['button', 'auto', 'reload'],
  },
  {
    route: 'family',
    screen: 'Connexion → accueil',
    action: '« Se connecter »',
    alert: 'wizard.familyLoadFailed',
    after: 'not-login',
    retry: ['button', 'auto'],
  },
  {
    route: 'updateFamily',
    screen: 'Étape 1',
    action: '« Passer à l’étape suivante »',
    save: true,
    refused: [['coordinates.serverRefused', '*']],
    kept: [
      // Not shown once the parent has moved on to step 2: then the tab's journey says it.
      { field: 'Profession', value: TYPED.profession, optional: true },
      { journey: 'answers.guardian.profession', value: TYPED.profession },
    ],
  },
  { route: 'registration', screen: 'Accueil', action: '« Je souhaite réinscrire »', retry: ['button', 'again'] },
  {
    route: 'saveDraft',
    screen: 'Étape 2',
    action: '« Passer à l’étape suivante »',
    save: true,
    // The mock blames the step being left (« Droit à l’image »): the draft's `step` says which.
    refused: [['authorisations.serverRefused', '*']],
    kept: [{ journey: 'answers.authorisations', value: { image: 'oui', sortie: 'non' } }],
  },
  {
    route: 'submit',
    screen: 'Étape 5',
    action: '« Valider »',
    kept: [
      { field: 'J’accepte', value: true },
      { journey: 'accepted', value: true },
      { journey: 'answers.additionalInfo', value: 'FM le mercredi de préférence.' },
    ],
    retry: ['again'],
    // Refused for its content: the recap marks the answer on its row (the mock blames the
    // guardian's e-mail), its summary leading to the « Modifier » that changes it; no alert.
    faults: {
      'validation-error': {
        alert: [['recap.serverRefused', '*']],
        orOnScreen: [['recap.serverRefused', '*']],
        after: 'same-step',
        kept: [
          { field: 'J’accepte', value: true },
          { journey: 'answers.additionalInfo', value: 'FM le mercredi de préférence.' },
        ],
        retry: ['again'],
      },
    },
  },
  {
    route: 'decline',
    screen: 'Accueil',
    action: '« Je ne souhaite pas réinscrire » → « Confirmer »',
    kept: [{ field: 'Motif', value: TYPED.reason }],
    retry: ['again'],
  },
  { route: 'upload', screen: 'Étape 3', action: '« Choisir un fichier »', retry: ['button', 'again'] },
  {
    route: 'deleteDocument',
    screen: 'Étape 3',
    action: '« Supprimer » → « Confirmer »',
    kept: [{ text: 'attestation-rc.pdf' }],
    retry: ['again'],
    // A 404 means already gone (deleted from another device): the list catches up, nothing to explain.
    faults: { 'not-found': { alert: null, status: [['documents.announce.deleted', '*']], kept: [], gone: ['attestation-rc.pdf'], retry: [] } },
  },
  { route: 'documentLink', screen: 'Étape 3', action: '« Consulter »', retry: ['again'] },
  {
    route: 'extendSession',
    screen: 'Accueil, 2 min before the end',
    action: '« Prolonger ma session »',
    retry: ['again', 'button'],
  },
  {
    route: 'logout',
    screen: 'Accueil',
    action: '« Déconnexion »',
    // Forgotten in the tab whatever the server says: nothing to retry, nothing kept on purpose.
    alert: null,
    status: 'wizard.loggedOut',
    after: 'logged-out',
    retry: [],
  },
];

/**
 * One cell's expectation: the row's, with what the fault changes. A 401 shows the login over the
 * screen and is cured by logging in again; a 422 keeps the parent where the fields are; a save
 * (PUT /family, PUT …/draft) that fails otherwise is said on the step (« pas enregistré sur le
 * serveur »), with its state in a role="status", and the save queue tries again by itself when the
 * fault may pass, or on « Réessayer maintenant » when it may not.
 */
export function expectation(call, fault) {
  const special = call.faults?.[fault.name];
  if (special) return { alert: null, status: null, after: null, kept: [], retry: [], noEarlyRetry: false, ...special };
  const e = {
    alert: call.alert === undefined ? fault.message : call.alert,
    status: call.status ?? null,
    after: call.after ?? null,
    kept: call.kept ?? [],
    retry: call.retry ?? [],
    // A Retry-After is honoured: no second call to the route while the cell watches (a few seconds).
    noEarlyRetry: !!fault.retryAfter,
  };
  if (Array.isArray(e.alert) && e.alert.includes('FAULT')) e.alert = [...e.alert.filter((m) => m !== 'FAULT'), ...[fault.message].flat(1)];
  if (fault.name === 'session-expired' && call.route !== 'logout') return { ...e, alert: fault.message, status: null, after: 'login', retry: ['relogin'] };
  if (call.save) {
    // Refused for its content: the parent stays where the fields are, each one marked (the error
    // summary and the field). Expected as the alert too, which no alert says: an alert instead fails.
    if (fault.name === 'validation-error') return { ...e, alert: call.refused, orOnScreen: call.refused, after: 'same-step', retry: ['again'] };
    // A fault that may pass is retried by the queue (its status says when: after a Retry-After, in
    // those 30 s, counting down each second, so 21 to 30 as read on a busy machine, never the 5 s at
    // most of a first backoff); one that may not waits for the parent (« Réessayer », or moving on again).
    if (RETRYABLE.has(fault.name)) {
      return {
        ...e,
        alert: ['save.failed', 'save.stepNotSaved'],
        status: fault.retryAfter ? RETRY_AFTER_COUNTDOWN : [['save.pending', '*'], 'save.offline'],
        retry: ['auto', 'button'],
      };
    }
    return { ...e, alert: ['save.failed', 'save.stepNotSaved'], status: 'save.failed', retry: ['button', 'again'] };
  }
  return e;
}
