/**
 * How each call of the fault table is made: the seeded state (a mock fixture, a session or not, a
 * journey snapshot for the tab's sessionStorage), when the screen is ready, the one action the
 * parent does there, and what success looks like once the fault is cleared (on the page, or in the
 * mock's store, which runs in this process). The expectations themselves are data, in cells.mjs.
 *
 * `c` is the cell's context: { t, store, fixtures, demoFamilyId, student, studentName, greeting,
 * pdf, session, documents }.
 */
import { TYPED } from './cells.mjs';

const PIECE = 'Attestation de responsabilité civile';
/** The session controller checks its expiry every 15 s; the extendSession cells make that 250 ms. */
const CHECK_EVERY_MS = 15000;

/** A StoredJourney (src/wizard/journey-store.ts) at `screen`, with the student's work when given. */
function journeyAt(screen, { visited = {}, students = {} } = {}) {
  return { journey: { screen, identifier: TYPED.identifier, visited, activity: { name: 'idle' }, sessionExpired: false }, students };
}

/** The work the wizard keeps for a student (StudentWork): answers as given, nothing changed, nothing accepted. */
const workOf = (answers, documents = []) => ({ answers, changes: [], documents, accepted: false });

/** On step `step` of the fixture's student, with the work the store would prefill (or `answers`). */
const onStep = (step, answers) => (c) =>
  journeyAt(
    { name: 'step', studentId: c.student, step, fromRecap: false },
    { visited: { [c.student]: step }, students: { [c.student]: workOf(answers?.(c) ?? c.store.answersFor(c.student), c.documents) } },
  );

const home = () => journeyAt({ name: 'home' });

const login = async (ui, c) => {
  await ui.type(c.t('login.identifier.label'), TYPED.identifier);
  await ui.type(c.t('login.password.label'), TYPED.password);
  await ui.click(c.t('login.submit'));
};

const named = (c, action) => `${action}${c.t('documents.forPiece', { label: PIECE })}`;
const family = (c) => c.store.families.get(c.demoFamilyId);
const studentRecord = (c) => c.store.students.get(c.student);

/** Waits up to `timeout` for a condition of the mock's store. */
async function serverHas(check, timeout) {
  const until = Date.now() + timeout;
  for (;;) {
    if (check()) return true;
    if (Date.now() >= until) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The login screen of a tab with nothing in it; « Se connecter » lands on the home. */
const onLogin = {
  journey: () => null,
  ready: (ui, c) => ui.field(c.t('login.identifier.label')),
  act: login,
  succeeded: (ui, c, timeout) => ui.hasText(c.greeting, timeout),
};

export const CALL_DEFS = {
  login: onLogin,
  passwordReset: {
    journey: () => journeyAt({ name: 'password-reset' }),
    ready: (ui, c) => ui.field(c.t('passwordReset.email.label')),
    act: async (ui, c) => {
      if ((await ui.value(c.t('passwordReset.email.label'))) !== TYPED.email) await ui.type(c.t('passwordReset.email.label'), TYPED.email);
      await ui.click(c.t('passwordReset.submit'));
    },
    succeeded: (ui, c, timeout) => ui.hasText(c.t('passwordReset.sent'), timeout),
  },
  campaign: {
    ...onLogin,
    armBeforeLoad: true,
    // The login works without the campaign: the parent is logged in (the password is not asked any more).
    act: async (ui, c) => {
      await login(ui, c);
      await ui.must('logged in', (l) => !window.__rwJourney.control(l), [c.t('login.password.label')]);
    },
    succeeded: (ui, c, timeout) => ui.hasText(c.t('home.campaign.title', { schoolYear: c.store.schoolYear }), timeout),
  },
  // GET /family right after « Se connecter ».
  family: onLogin,
  updateFamily: {
    session: true,
    step: 1,
    journey: onStep(1),
    ready: (ui, c) => ui.radio(c.t('coordinates.upToDate.legend'), c.t('common.no')).then(() => ui.field(c.t('coordinates.field.profession'))),
    act: async (ui, c) => {
      if ((await ui.value(c.t('coordinates.field.profession'))) !== TYPED.profession) {
        await ui.retype(c.t('coordinates.field.profession'), TYPED.profession);
        await ui.clickStarting(c.t('coordinates.school.same'));
        await ui.choose(c.t('coordinates.school.level', { schoolYear: c.store.schoolYear }), 'Quatrième');
        await ui.radio(c.t('coordinates.bankChanged.label').slice(0, 30), c.t('common.no'));
      }
      await ui.click(c.t('wizard.next'));
    },
    succeeded: (ui, c, timeout) => serverHas(() => family(c).guardian.profession === TYPED.profession, timeout),
  },
  registration: {
    session: true,
    journey: home,
    ready: (ui, c) => ui.must('the home', (n) => window.__rwJourney.button(n), [`${c.t('home.reregister')} ${c.studentName}`]),
    act: (ui, c) => ui.click(`${c.t('home.reregister')} ${c.studentName}`),
    succeeded: (ui, c, timeout) => ui.hasText(c.t('stepper.heading', { current: 1, total: 6, title: c.t('stepper.title.1') }), timeout),
  },
  saveDraft: {
    session: true,
    step: 2,
    journey: onStep(2),
    ready: (ui, c) => ui.must('step 2', (l, o) => window.__rwJourney.radio(l, o), [c.t('authorisations.image.legend'), c.t('common.yes')]),
    act: async (ui, c) => {
      await ui.radio(c.t('authorisations.image.legend'), c.t('common.yes'));
      await ui.radio(c.t('authorisations.sortie.legend'), c.t('common.no'));
      await ui.click(c.t('wizard.next'));
    },
    succeeded: (ui, c, timeout) =>
      serverHas(() => {
        const a = studentRecord(c).draft?.answers.authorisations;
        return a?.image === 'oui' && a?.sortie === 'non';
      }, timeout),
  },
  submit: {
    fixture: 'draft-at-step-5',
    session: true,
    step: 5,
    journey: onStep(5, (c) => c.fixtures.completeAnswers(c.store, c.student)),
    ready: (ui, c) => ui.field(c.t('recap.accept.label')),
    act: async (ui, c) => {
      if ((await ui.value(c.t('recap.accept.label'))) !== true) await ui.check(c.t('recap.accept.label'));
      await ui.click(c.t('wizard.submit'));
    },
    succeeded: async (ui, c, timeout) =>
      (await ui.hasText(c.t('stepper.heading', { current: 6, total: 6, title: c.t('stepper.title.6') }), timeout)) && c.store.submissions.length === 1,
  },
  decline: {
    session: true,
    journey: home,
    ready: (ui, c) => ui.must('the home', (n) => window.__rwJourney.button(n), [`${c.t('home.decline')} ${c.studentName}`]),
    act: async (ui, c) => {
      const reason = c.t('home.decline.reason');
      if (!(await ui.hasField(reason))) await ui.click(`${c.t('home.decline')} ${c.studentName}`);
      if ((await ui.value(reason)) !== TYPED.reason) await ui.type(reason, TYPED.reason);
      await ui.click(c.t('home.decline.confirm'));
    },
    succeeded: (ui, c, timeout) => serverHas(() => studentRecord(c).status === 'ne-se-reinscrit-pas', timeout),
  },
  upload: {
    session: true,
    step: 3,
    journey: onStep(3),
    ready: (ui, c) => ui.must('step 3', (n) => window.__rwJourney.button(n), [named(c, c.t('documents.choose'))]),
    act: async (ui, c) => {
      const [chooser] = await Promise.all([ui.page.waitForFileChooser({ timeout: 5000 }), ui.click(named(c, c.t('documents.choose')))]);
      await chooser.accept([c.pdf]);
    },
    succeeded: (ui, c, timeout) => serverHas(() => [...c.store.documents.values()].some((d) => d.fileName === TYPED.fileName), timeout),
  },
  deleteDocument: {
    fixture: 'documents-uploaded',
    session: true,
    step: 3,
    journey: onStep(3),
    ready: (ui, c) => ui.must('step 3', (n) => window.__rwJourney.button(n), [named(c, c.t('documents.delete'))]),
    act: async (ui, c) => {
      if (!(await ui.clickStarting(c.t('documents.delete.confirm'), 1))) {
        await ui.click(named(c, c.t('documents.delete')));
        await ui.click(c.t('documents.delete.confirm'));
      }
    },
    succeeded: (ui, c, timeout) => serverHas(() => c.store.documents.size === 0, timeout),
  },
  documentLink: {
    fixture: 'documents-uploaded',
    session: true,
    step: 3,
    journey: onStep(3),
    ready: (ui, c) => ui.must('step 3', (n) => window.__rwJourney.button(n), [named(c, c.t('documents.view'))]),
    act: (ui, c) => ui.click(named(c, c.t('documents.view'))),
    succeeded: (ui, c, timeout) => serverHas(() => c.store.fileLinks.size > 0, timeout),
  },
  extendSession: {
    session: true,
    // The tab's copy of the session ends in 2 minutes (the server's lasts): the warning shows.
    sessionInTab: (session) => ({ ...session, expiresAt: new Date(Date.parse(session.serverNow) + 2 * 60000).toISOString() }),
    pageClock: CHECK_EVERY_MS,
    journey: home,
    ready: (ui, c) => ui.must('the session warning', (n) => window.__rwJourney.button(n), [c.t('wizard.extend')], 8000),
    act: (ui, c) => ui.click(c.t('wizard.extend')),
    succeeded: (ui, c, timeout) => serverHas(() => (c.store.sessions.get(c.session.token)?.expiresAt ?? 0) > Date.parse(c.session.expiresAt), timeout),
    /** Logged in again, the session is a new one: being back on the home is the success. */
    succeededAfterLogin: (ui, c, timeout) => ui.hasText(c.greeting, timeout),
  },
  logout: {
    session: true,
    journey: home,
    ready: (ui, c) => ui.must('the home', (n) => window.__rwJourney.button(n), [c.t('home.logout')]),
    act: (ui, c) => ui.click(c.t('home.logout')),
    succeeded: async () => true,
  },
};
