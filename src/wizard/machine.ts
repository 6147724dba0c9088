/**
 * The journey as one small, explicit state machine. The whole state is a plain serialisable object:
 * it is kept in sessionStorage (so a reload loses nothing) and each student's answers are saved as
 * a server draft from it. The wizard element only renders `state.screen` and feeds events in.
 */
export const STEPS = [1, 2, 3, 4, 5, 6] as const;
export type Step = (typeof STEPS)[number];

export type Screen =
  | { name: 'login' }
  | { name: 'password-reset' }
  | { name: 'home' }
  /** Adding missing pieces to a file already sent (possible until the campaign's documentsUntil). */
  | { name: 'documents'; studentId: string }
  | { name: 'step'; studentId: string; step: Step; fromRecap: boolean };

export interface JourneyState {
  screen: Screen;
  /** Identifier typed at login, kept between the login and the password-reset screens. */
  identifier: string;
  /** The furthest step reached per student: steps up to it can be reopened, later ones cannot. */
  visited: Record<string, Step>;
}

export type JourneyEvent =
  | { type: 'session-found' }
  | { type: 'logged-in' }
  | { type: 'forgot-password'; identifier: string }
  | { type: 'back-to-login'; identifier: string }
  | { type: 'start'; studentId: string; step?: Step }
  | { type: 'add-documents'; studentId: string }
  | { type: 'next' }
  | { type: 'back' }
  | { type: 'go-to'; step: Step; fromRecap?: boolean }
  | { type: 'submitted' }
  | { type: 'home' }
  | { type: 'logged-out' };

export const initialState = (): JourneyState => ({ screen: { name: 'login' }, identifier: '', visited: {} });

const clampStep = (n: number): Step => Math.min(6, Math.max(1, n)) as Step;

export function transition(state: JourneyState, event: JourneyEvent): JourneyState {
  const { screen } = state;
  switch (event.type) {
    case 'session-found':
    case 'logged-in':
      return screen.name === 'login' || screen.name === 'password-reset' ? { ...state, screen: { name: 'home' } } : state;
    case 'forgot-password':
      return { ...state, identifier: event.identifier, screen: { name: 'password-reset' } };
    case 'back-to-login':
      return { ...state, identifier: event.identifier, screen: { name: 'login' } };
    case 'logged-out':
      return initialState();
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
  if (screen.name !== 'step') return state;
  const at = (step: Step, fromRecap = false): JourneyState => ({
    ...state,
    visited: { ...state.visited, [screen.studentId]: clampStep(Math.max(state.visited[screen.studentId] ?? 1, step)) },
    screen: { ...screen, step, fromRecap },
  });
  switch (event.type) {
    case 'next':
      // A step opened from the recap goes back to it; the recap's next is the submission.
      if (screen.fromRecap) return at(5);
      return screen.step < 5 ? at(clampStep(screen.step + 1)) : state;
    case 'back':
      return screen.step > 1 && screen.step < 6 ? at(clampStep(screen.step - 1)) : state;
    case 'go-to': {
      const reachable = event.step <= (state.visited[screen.studentId] ?? 1) && screen.step !== 6 && event.step !== 6;
      return reachable ? at(event.step, event.fromRecap ?? false) : state;
    }
    case 'submitted':
      return screen.step === 5 ? at(6) : state;
  }
}
