/**
 * The journey as one small, explicit state machine. The whole state is a plain serialisable object:
 * it is kept in sessionStorage (so a reload loses nothing) and each student's answers are saved as
 * a server draft from it. The wizard element only renders the state and feeds events in.
 */
import { STEPS, type Step } from '../api/contract.js';

export { STEPS, type Step };
/** The last step with answers: « Valider » there is the submission. */
export const RECAP = 5 satisfies Step;
export const LAST_STEP = STEPS.length as 6;

export type Screen =
  | { name: 'login' }
  | { name: 'password-reset' }
  | { name: 'home' }
  /** Adding missing pieces to a file already sent (possible until the campaign's documentsUntil). */
  | { name: 'documents'; studentId: string }
  | { name: 'step'; studentId: string; step: Step; fromRecap: boolean };

/** What the wizard is doing besides showing its screen. Never persisted: a reload boots again. */
export type Activity =
  /** Until we know whether a session survives, nothing but « Chargement » is shown. */
  | { name: 'booting' }
  | { name: 'idle' }
  /** A student's file is being fetched: that button on the home says it is busy. */
  | { name: 'opening'; studentId: string }
  /** A step is being checked and saved: a second « Passer à l'étape suivante » does nothing. */
  | { name: 'moving' }
  | { name: 'submitting' };

export interface JourneyState {
  screen: Screen;
  /** Identifier typed at login, kept between the login and the password-reset screens. */
  identifier: string;
  /** The furthest step reached per student: steps up to it can be reopened, later ones cannot. */
  visited: Record<string, Step>;
  activity: Activity;
  /** The session ran out: a login shows over the screen, which stays as it was, with all it holds. */
  sessionExpired: boolean;
}

export type JourneyEvent =
  | { type: 'boot' }
  | { type: 'booted' }
  | { type: 'session-found' }
  | { type: 'session-expired' }
  /** With the identifier used, so a login after an expiry has it already typed. */
  | { type: 'logged-in'; identifier?: string }
  | { type: 'forgot-password'; identifier: string }
  | { type: 'back-to-login'; identifier: string }
  | { type: 'opening'; studentId: string }
  | { type: 'start'; studentId: string; step?: Step }
  | { type: 'add-documents'; studentId: string }
  | { type: 'moving' }
  | { type: 'submitting' }
  | { type: 'idle' }
  | { type: 'next' }
  | { type: 'back' }
  | { type: 'go-to'; step: Step; fromRecap?: boolean }
  /** The browser's Back or Forward landed on one of our entries (or on another page's, without target). */
  | { type: 'history'; target?: { studentId: string; step: Step } }
  | { type: 'submitted' }
  | { type: 'home' }
  | { type: 'logged-out' };

const IDLE: Activity = { name: 'idle' };

export const initialState = (): JourneyState => ({ screen: { name: 'login' }, identifier: '', visited: {}, activity: IDLE, sessionExpired: false });

const clampStep = (n: number): Step => Math.min(LAST_STEP, Math.max(1, n)) as Step;

export function transition(state: JourneyState, event: JourneyEvent): JourneyState {
  const { screen } = state;
  switch (event.type) {
    case 'boot':
      return { ...state, activity: { name: 'booting' } };
    case 'booted':
    case 'idle':
      return { ...state, activity: IDLE };
    case 'opening':
      return state.activity.name === 'idle' ? { ...state, activity: { name: 'opening', studentId: event.studentId } } : state;
    case 'moving':
      return state.activity.name === 'idle' ? { ...state, activity: { name: 'moving' } } : state;
    case 'submitting':
      // « Valider » is the recap's move on: it is already moving when it sends.
      return state.activity.name === 'idle' || state.activity.name === 'moving' ? { ...state, activity: { name: 'submitting' } } : state;
    case 'session-expired':
      return { ...state, sessionExpired: true, activity: IDLE };
    case 'session-found':
    case 'logged-in': {
      const identifier = (event.type === 'logged-in' && event.identifier) || state.identifier;
      // After an expiry the parent logs in again over the screen, which stays where it was.
      if (state.sessionExpired) return { ...state, identifier, sessionExpired: false };
      return screen.name === 'login' || screen.name === 'password-reset' ? { ...state, identifier, screen: { name: 'home' } } : state;
    }
    case 'forgot-password':
      return { ...state, identifier: event.identifier, screen: { name: 'password-reset' } };
    case 'back-to-login':
      return { ...state, identifier: event.identifier, screen: { name: 'login' } };
    case 'logged-out':
      return { ...initialState(), activity: state.activity };
    case 'home':
      return { ...state, screen: { name: 'home' } };
    case 'add-documents':
      return screen.name === 'home' ? { ...state, screen: { name: 'documents', studentId: event.studentId } } : state;
    case 'start': {
      const step = event.step ?? 1;
      const visited = clampStep(Math.max(state.visited[event.studentId] ?? 1, step));
      return {
        ...state,
        visited: { ...state.visited, [event.studentId]: visited },
        screen: { name: 'step', studentId: event.studentId, step, fromRecap: false },
      };
    }
  }
  if (screen.name !== 'step') return event.type === 'history' && screen.name === 'documents' ? { ...state, screen: { name: 'home' } } : state;
  const at = (step: Step, fromRecap = false): JourneyState => ({
    ...state,
    visited: { ...state.visited, [screen.studentId]: clampStep(Math.max(state.visited[screen.studentId] ?? 1, step)) },
    screen: { ...screen, step, fromRecap },
  });
  const reachable = (step: Step) => step <= (state.visited[screen.studentId] ?? 1) && screen.step !== LAST_STEP && step !== LAST_STEP;
  switch (event.type) {
    case 'next':
      // A step opened from the recap goes back to it; the recap's next is the submission.
      if (screen.fromRecap) return at(RECAP);
      return screen.step < RECAP ? at(clampStep(screen.step + 1)) : state;
    case 'back':
      return screen.step > 1 && screen.step < LAST_STEP ? at(clampStep(screen.step - 1)) : state;
    case 'go-to':
      return reachable(event.step) ? at(event.step, event.fromRecap ?? false) : state;
    case 'history': {
      // Back and Forward between our entries of this student move between steps (as « go-to »
      // would: never into or out of the confirmation); any other entry leads home.
      const target = event.target;
      if (target?.studentId !== screen.studentId || target.step > (state.visited[screen.studentId] ?? 1)) return { ...state, screen: { name: 'home' } };
      return reachable(target.step) ? at(target.step) : state;
    }
    case 'submitted':
      return screen.step === RECAP ? at(LAST_STEP) : state;
  }
}
