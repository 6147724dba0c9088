/**
 * What the parent is told, and what is kept, when a call fails where issue 12 found the wizard
 * silent or untruthful: the family after the login, the family's details and the draft as a step
 * is left, the campaign, and deadline night.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import type { ReinscriptionWizard } from '../../src/wizard/wizard.js';
import { DEMO_CREDENTIALS } from '../../src/mocks/seed.js';
import type { ScenarioName } from '../../src/mocks/scenarios.js';
import { parisInstant } from '../../src/format/paris-time.js';
import { addDays, parisCalendarDate } from '../../src/mocks/store.js';
import { button, choose, control, inner, normalise, queryButton, shadow, type, until } from '../helpers/dom.js';
import { accept, atStep, confirmStep1, logIn, mount, next, openDecline, screen, shown, toRecap, useMockBackend } from '../helpers/journey.js';

const API = '/api-wizard-failures';
const mock = useMockBackend(API);

const alertText = (el: ReinscriptionWizard) => [...shadow(el).querySelectorAll('[role="alert"]')].map((a) => normalise(a.textContent)).join(' ');

/**
 * Whether `text` counts down from the mock's Retry-After of 30 s after `lead`: the countdown ticks
 * each second, so a busy machine may read 29 or less, but never the 5 s at most of a first backoff.
 */
function fromRetryAfter(text: string, lead: string): boolean {
  const seconds = Number(new RegExp(`${lead} (\\d+) s`).exec(text)?.[1]);
  return seconds > 20 && seconds <= 30;
}

/** Counts the calls the page makes to a route while a test watches. */
function watch(method: string, path: RegExp) {
  const seen: Request[] = [];
  const on = ({ request }: { request: Request }) => {
    if (request.method === method && path.test(new URL(request.url).pathname)) seen.push(request.clone());
  };
  mock.backend.worker.events.on('request:start', on);
  return { seen, stop: () => mock.backend.worker.events.removeListener('request:start', on) };
}

async function typeLogin(el: ReinscriptionWizard): Promise<void> {
  const login = await until(() => inner(el, 'reinscription-login'), 'the login');
  type(control(login, 'Identifiant'), DEMO_CREDENTIALS.identifier);
  type(control(login, 'Mot de passe'), DEMO_CREDENTIALS.password);
  button(login, 'Se connecter').click();
}

async function onStep1(): Promise<ReinscriptionWizard> {
  const el = await mount(API);
  await logIn(el);
  button(inner(el, 'reinscription-family-home'), 'Je souhaite réinscrire MOREAU Gianni').click();
  await atStep(el, 1);
  await confirmStep1(screen(el));
  return el;
}

describe('<reinscription-wizard> when the backend fails', () => {
  describe('GET /family right after « Se connecter »', () => {
    const faults: ScenarioName[] = ['network-error', 'server-error', 'rate-limited'];
    for (const fault of faults) {
      it(`(${fault}) lands on the home with « Connexion réussie, mais… » and « Réessayer », without the password again`, async () => {
        const el = await mount(API);
        mock.backend.scenarios.set(fault, { routes: ['family'], times: 1 });
        await typeLogin(el);
        await until(() => alertText(el).includes("Connexion réussie, mais vos informations n'ont pas pu être chargées"), 'the message');
        expect(shadow(el).querySelector('reinscription-login'), 'not back on the login').to.equal(null);
        expect(shadow(el).activeElement?.id, 'focus on the message').to.equal('api-error');
        await expect(el).to.be.accessible();
        button(shadow(el), 'Réessayer').click();
        await until(() => normalise(inner(el, 'reinscription-family-home').textContent).includes("Bonjour Mademoiselle D'AGOSTINO Lydie"), 'the home');
      });
    }
  });

  describe('PUT /family as step 1 is left', () => {
    it('stays on step 1, says the details are not saved, keeps them, and « Réessayer maintenant » saves them', async () => {
      const el = await onStep1();
      mock.backend.scenarios.set('server-error', { routes: ['updateFamily'], times: 1 });
      next(el);
      await until(() => alertText(el).includes("Cette étape n'est pas encore enregistrée sur le serveur"), 'the alert on step 1');
      expect(shown(el)).to.include('Étape 1 sur 6');
      expect(shown(el)).not.to.include('Enregistré sur le serveur à');
      expect(shown(el)).to.include('Pas encore enregistré sur le serveur – nouvel essai dans');
      expect(shadow(el).activeElement?.id, 'focus on the alert').to.equal('save-problem');
      expect(el.hasUnsavedChanges).to.equal(true);
      await expect(el).to.be.accessible();
      button(shadow(el), 'Réessayer maintenant').click();
      await atStep(el, 2);
      await until(() => shown(el).includes('Enregistré sur le serveur à'), 'saved');
      expect(el.hasUnsavedChanges).to.equal(false);
    });

    it('« Continuer sans attendre » moves on; the queue keeps the write, and the submission sends it first', async () => {
      const el = await onStep1();
      mock.backend.scenarios.set('network-error', { routes: ['updateFamily'], times: 1 });
      next(el);
      await until(() => queryButton(shadow(el), 'Continuer sans attendre'), 'the choice');
      const updates = watch('PUT', /\/family$/);
      try {
        button(shadow(el), 'Continuer sans attendre').click();
        await atStep(el, 2);
        expect(shown(el)).not.to.include('Enregistré sur le serveur à');
        // The queue retries by itself: the backoff's first wait is 2.5 to 5 s.
        await until(() => updates.seen.length > 0, 'the family sent again', 12000);
        await until(() => shown(el).includes('Enregistré sur le serveur à'), 'saved at last', 12000);
      } finally {
        updates.stop();
      }
    });

    it("a brother's or sister's step 1 shows the new details even before they reach the server", async () => {
      const el = await mount(API);
      await logIn(el);
      button(inner(el, 'reinscription-family-home'), 'Je souhaite réinscrire MOREAU Gianni').click();
      await atStep(el, 1);
      const coordinates = screen(el);
      await until(() => coordinates.querySelector('input'), 'the form');
      await confirmStep1(coordinates);
      button(coordinates, 'Modifier les coordonnées du responsable').click();
      const mobile = await until(() => control<HTMLInputElement>(coordinates, 'Mobile'), '« Mobile »');
      type(mobile, '06 99 88 77 66');
      mock.backend.scenarios.set('network-error', { routes: ['updateFamily'] });
      next(el);
      await until(() => queryButton(shadow(el), 'Continuer sans attendre'), 'the choice');
      button(shadow(el), 'Continuer sans attendre').click();
      await atStep(el, 2);
      button(shadow(el), "Retour à l'accueil").click();
      const home = await until(() => inner(el, 'reinscription-family-home'), 'the home');
      const other = await until(
        () => [...home.querySelectorAll('button')].find((b) => /Je souhaite réinscrire (?!MOREAU Gianni)/.test(normalise(b.textContent))),
        'the other child',
      );
      other.click();
      await atStep(el, 1);
      await until(() => normalise(inner(el, 'reinscription-coordinates').textContent).includes('06 99 88 77 66'), 'the new mobile for the second child');
    });
  });

  describe('writes the queue sends later', () => {
    it("« Continuer sans attendre » after PUT /family failed: the step's draft goes too, once the family's details do", async () => {
      const el = await onStep1();
      mock.backend.scenarios.set('network-error', { routes: ['updateFamily'] });
      const drafts = watch('PUT', /\/draft$/);
      try {
        next(el);
        await until(() => queryButton(shadow(el), 'Continuer sans attendre'), 'the choice');
        button(shadow(el), 'Continuer sans attendre').click();
        await atStep(el, 2);
        mock.backend.scenarios.reset();
        window.dispatchEvent(new Event('online'));
        await until(() => shown(el).includes('Enregistré sur le serveur à'), 'saved');
        expect(drafts.seen.length, 'the draft of step 1 sent').to.equal(1);
        const body = (await drafts.seen[0]!.json()) as { step: number; answers: { student: { lastName: string } } };
        expect(body.step, 'a draft that reopens at step 2').to.equal(2);
        expect(body.answers.student.lastName).to.equal('MOREAU');
        expect(el.hasUnsavedChanges).to.equal(false);
      } finally {
        drafts.stop();
      }
    });

    it("a write the queue retried and the server then refused (422) is said on the step the parent is on, and « Corriger à l'étape 1 » marks the field", async () => {
      const el = await onStep1();
      mock.backend.scenarios.set('network-error', { routes: ['updateFamily'], times: 1 });
      next(el);
      await until(() => queryButton(shadow(el), 'Continuer sans attendre'), 'the choice');
      button(shadow(el), 'Continuer sans attendre').click();
      await atStep(el, 2);
      mock.backend.scenarios.set('validation-error', { routes: ['updateFamily'] });
      window.dispatchEvent(new Event('online'));
      await until(() => alertText(el).includes('Le serveur a refusé des réponses déjà saisies'), 'the refusal, on step 2');
      expect(alertText(el)).to.include('Responsable : E-mail');
      expect(shown(el)).to.include('Étape 2 sur 6');
      await expect(el).to.be.accessible();
      mock.backend.scenarios.reset();
      button(shadow(el), "Corriger à l'étape 1").click();
      await atStep(el, 1);
      const coordinates = screen(el);
      const email = await until(() => coordinates.querySelector<HTMLInputElement>('input[aria-invalid="true"]'), 'the refused field marked');
      expect(normalise(coordinates.querySelector(`label[for="${email.id}"]`)?.textContent)).to.include('E-mail');
      expect(alertText(el), 'the alert above has said its part').not.to.include('Le serveur a refusé des réponses déjà saisies');
    });

    it('a write not sent when the tab is reloaded goes after the reload; until it has, leaving the page asks first', async () => {
      const el = await onStep1();
      mock.backend.scenarios.set('network-error', { routes: ['updateFamily'] });
      next(el);
      await until(() => queryButton(shadow(el), 'Continuer sans attendre'), 'the choice');
      button(shadow(el), 'Continuer sans attendre').click();
      await atStep(el, 2);
      // Read from the wizard: a synthetic beforeunload would also reach MSW, which stops mocking.
      expect(el.hasUnsavedChanges, 'the browser asks before the tab closes').to.equal(true);
      // The reload: the element goes, a new one boots from what the tab kept.
      el.remove();
      mock.backend.scenarios.reset();
      const updates = watch('PUT', /\/family$/);
      try {
        // Back where the parent was: step 2 (mount() waits for a login or a home).
        const again = await fixture<ReinscriptionWizard>(html`<reinscription-wizard api-url=${API}></reinscription-wizard>`);
        await atStep(again, 2);
        await until(() => updates.seen.length === 1, 'the family sent again after the reload');
        await until(() => shown(again).includes('Enregistré sur le serveur à'), 'saved');
      } finally {
        updates.stop();
      }
    });
  });

  describe('PUT /students/{id}/draft as a step is left', () => {
    const delayed: [ScenarioName, string][] = [
      ['rate-limited', 'Trop de tentatives en peu de temps. Réessayez dans 30 secondes.'],
      ['unavailable', 'Le serveur du conservatoire est momentanément indisponible. Il devrait répondre de nouveau dans 30 s'],
    ];
    for (const [fault, message] of delayed) {
      it(`(${fault}) says on the step when it will be tried again, from Retry-After, and keeps the answers`, async () => {
        const el = await onStep1();
        next(el);
        await atStep(el, 2);
        mock.backend.scenarios.set(fault, { routes: ['saveDraft'] });
        await choose(screen(el), "Droit à l'image", 'Oui');
        await choose(screen(el), 'Autorisation de sortie', 'Non');
        next(el);
        await until(() => fromRetryAfter(alertText(el), 'un nouvel essai aura lieu tout seul dans'), 'when, from Retry-After');
        expect(alertText(el)).to.include(message);
        expect(shown(el)).to.include('Étape 2 sur 6');
        expect(fromRetryAfter(shown(el), 'Pas encore enregistré sur le serveur – nouvel essai dans'), 'the status says when').to.equal(true);
        const checked = [...screen(el).querySelectorAll<HTMLInputElement>('input[type=radio]')].filter((r) => r.checked).length;
        expect(checked, 'the two answers kept').to.equal(2);
        // The server asked for a pause: no « Réessayer maintenant » that it would refuse again.
        expect(alertText(el)).to.include("Le serveur demande d'attendre");
        expect(queryButton(shadow(el), 'Réessayer maintenant')).not.to.exist;
        mock.backend.scenarios.reset();
        const drafts = watch('PUT', /\/draft$/);
        try {
          button(shadow(el), 'Continuer sans attendre').click();
          await atStep(el, 3);
          // Leaving step 3 queues a newer draft: it waits for the Retry-After too, said on the step.
          next(el);
          await until(() => alertText(el).includes("Le serveur demande d'attendre"), 'step 3 told it waits');
          expect(shown(el)).to.include('Étape 3 sur 6');
          await new Promise((r) => setTimeout(r, 500));
          expect(drafts.seen.length, 'nothing sent before the Retry-After ends').to.equal(0);
        } finally {
          drafts.stop();
        }
      });
    }

    it('says « Hors connexion » when the browser is offline, and sends as soon as it is back online', async () => {
      const el = await onStep1();
      mock.backend.scenarios.set('network-error', { routes: ['saveDraft'] });
      Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
      try {
        next(el);
        await until(() => shown(el).includes('Hors connexion : vos réponses sont gardées dans cet onglet'), 'offline');
        expect(alertText(el)).to.include("L'envoi reprendra tout seul au retour de la connexion");
      } finally {
        delete (navigator as { onLine?: boolean }).onLine;
      }
      mock.backend.scenarios.reset();
      window.dispatchEvent(new Event('online'));
      await until(() => shown(el).includes('Enregistré sur le serveur à'), 'sent once online');
    });
  });

  describe('a 401 met by an inner element', () => {
    it("on the home's decline, shows the login over the screen and keeps the reason typed", async () => {
      const el = await mount(API);
      await logIn(el);
      const home = inner(el, 'reinscription-family-home');
      await openDecline(home, 'Déménagement');
      mock.backend.scenarios.set('session-expired', { routes: ['decline'], times: 1 });
      button(home, 'Confirmer').click();
      await until(() => shown(el).includes('Votre session a expiré'), 'the expiry');
      const login = await until(() => inner(el, 'reinscription-login'), 'the login over the screen');
      type(control(login, 'Mot de passe'), DEMO_CREDENTIALS.password);
      button(login, 'Se connecter').click();
      const again = await until(() => inner(el, 'reinscription-family-home'), 'the home again');
      expect(control<HTMLTextAreaElement>(again, 'Motif').value, 'the reason kept').to.equal('Déménagement');
    });
  });

  describe('GET /campaign', () => {
    it('failing, the login still shows and works; the home says what is missing and « Réessayer » loads it', async () => {
      mock.backend.scenarios.set('server-error', { routes: ['campaign'] });
      const el = await fixture<ReinscriptionWizard>(
        html`<reinscription-wizard api-url=${API} contact-email="conservatoire@limonest.fr"></reinscription-wizard>`,
      );
      await typeLogin(el);
      await until(
        () => alertText(el).includes("Les informations de la campagne de réinscription (dates, cours, règlement) n'ont pas pu être chargées"),
        'what is missing',
      );
      expect(alertText(el)).to.include('conservatoire@limonest.fr');
      await expect(el).to.be.accessible();
      mock.backend.scenarios.reset();
      button(shadow(el), 'Réessayer').click();
      await until(() => normalise(inner(el, 'reinscription-family-home').textContent).includes("Bonjour Mademoiselle D'AGOSTINO Lydie"), 'the home');
    });

    it('hanging, the login shows at once', async () => {
      mock.backend.scenarios.set('slow', { routes: ['campaign'], delayMs: 60000 });
      const asked = watch('GET', /\/campaign$/);
      let answered = false;
      const onAnswer = ({ request }: { request: Request }) => {
        if (/\/campaign$/.test(new URL(request.url).pathname)) answered = true;
      };
      mock.backend.worker.events.on('response:mocked', onAnswer);
      try {
        const el = await fixture<ReinscriptionWizard>(html`<reinscription-wizard api-url=${API}></reinscription-wizard>`);
        // Shown while the campaign is still on its way, not by a deadline of ours: a busy machine is slow.
        await until(() => shadow(el).querySelector('reinscription-login'), 'the login', 20000);
        await until(() => asked.seen.length > 0, 'the campaign asked for', 20000);
        expect(answered, 'the campaign has not answered yet').to.equal(false);
        expect(shadow(el).querySelector('reinscription-login'), 'the login still shown').to.exist;
      } finally {
        asked.stop();
        mock.backend.worker.events.removeListener('response:mocked', onAnswer);
      }
    });
  });

  describe('deadline night', () => {
    // On the server's clock, set to a Paris time: the test reads the same whenever it runs.
    const lastHour: [string, string, string, string][] = [
      ['22 h 40', '22:40', '23:10', "ferment aujourd'hui à 23 h 10 (heure de Paris), dans moins d'une heure"],
      ['23 h 40, closing past midnight', '23:40', '00:10', "ferment cette nuit à 0 h 10 (heure de Paris), dans moins d'une heure"],
    ];
    for (const [what, clock, closes, warning] of lastHour) {
      it(`warns in the last hour before the campaign closes, in Paris time (at ${what})`, async () => {
        const today = parisCalendarDate(new Date());
        mock.backend.store.setClock(parisInstant(today, clock));
        mock.backend.store.closesAt = parisInstant(closes < clock ? addDays(today, 1) : today, closes);
        const el = await mount(API);
        await logIn(el);
        await until(() => shown(el).includes(`Les réinscriptions en ligne ${warning}`), 'the warning');
        await expect(el).to.be.accessible();
      });
    }

    it('no warning more than an hour before', async () => {
      mock.backend.store.closesAt = new Date(Date.now() + 90 * 60 * 1000);
      const el = await mount(API);
      await logIn(el);
      expect(shown(el)).not.to.include("dans moins d'une heure");
    });

    it('a submission refused because the campaign closed meanwhile keeps everything, says whom to write to, and offers to print', async () => {
      const el = await mount(API);
      await logIn(el);
      await toRecap(el);
      await accept(el);
      mock.backend.store.closesAt = new Date(Date.now() - 1000);
      button(shadow(el), 'Valider').click();
      await until(() => alertText(el).includes('Les réinscriptions en ligne ont fermé pendant votre saisie'), 'the refusal');
      expect(alertText(el)).to.include('conservatoire@limonest.fr');
      expect(shown(el)).to.include('Étape 5 sur 6');
      expect(normalise(inner(el, 'reinscription-recap').textContent), 'the answers still shown').to.include('FM le mercredi de préférence.');
      expect(queryButton(shadow(el), 'Imprimer mes réponses'), 'print').to.exist;
      await expect(el).to.be.accessible();
      // On paper: the recap alone, every answer, no button; not the page around nor the stepper.
      const original = window.print;
      window.print = () => window.dispatchEvent(new Event('beforeprint'));
      const townHeader = document.body.appendChild(document.createElement('header'));
      townHeader.textContent = 'Ville de Limonest';
      try {
        button(shadow(el), 'Imprimer mes réponses').click();
        await emulateMedia({ media: 'print' });
        const visible = (e: Element | null | undefined) => !!e && e.getBoundingClientRect().height > 0;
        const recap = shadow(el).querySelector('reinscription-recap')!;
        expect(visible(recap), 'the recap printed').to.equal(true);
        expect(normalise(shadow(recap).textContent)).to.include('FM le mercredi de préférence.');
        expect(visible(shadow(el).querySelector('nav')), 'no stepper').to.equal(false);
        expect(visible(shadow(el).querySelector('[part="nav"]')), 'no buttons of the wizard').to.equal(false);
        expect([...shadow(recap).querySelectorAll('button')].some(visible), 'no « Modifier »').to.equal(false);
        expect(visible(townHeader), 'nothing of the page around').to.equal(false);
      } finally {
        townHeader.remove();
        await emulateMedia({ media: 'screen' });
        window.dispatchEvent(new Event('afterprint'));
        window.print = original;
      }
    });
  });
});
