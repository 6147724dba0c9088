import { expect } from '@open-wc/testing';
import { initialState, transition, type JourneyEvent, type JourneyState } from '../../src/wizard/machine.js';

const run = (...events: JourneyEvent[]): JourneyState => events.reduce(transition, initialState());

describe('journey state machine', () => {
  it('goes from login to the family home, through the lost-password screen and back', () => {
    let s = run({ type: 'forgot-password', identifier: 'LIMONEST-0001' });
    expect(s.screen).to.deep.equal({ name: 'password-reset' });
    expect(s.identifier).to.equal('LIMONEST-0001');
    s = transition(s, { type: 'back-to-login', identifier: 'LIMONEST-0002' });
    expect(s.screen.name).to.equal('login');
    expect(s.identifier).to.equal('LIMONEST-0002');
    s = transition(s, { type: 'logged-in' });
    expect(s.screen.name).to.equal('home');
  });

  it('walks the steps forward and back, remembering the furthest step reached', () => {
    let s = run({ type: 'logged-in' }, { type: 'start', studentId: 'gianni' }, { type: 'next' }, { type: 'next' });
    expect(s.screen).to.deep.equal({ name: 'step', studentId: 'gianni', step: 3, fromRecap: false });
    s = transition(s, { type: 'back' });
    expect(s.screen).to.include({ step: 2 });
    expect(s.visited.gianni).to.equal(3);
    // Steps already visited can be reopened; steps ahead cannot.
    expect(transition(s, { type: 'go-to', step: 3 }).screen).to.include({ step: 3 });
    expect(transition(s, { type: 'go-to', step: 4 })).to.equal(s);
  });

  it('returns to the recap after a change made from it', () => {
    let s = run({ type: 'logged-in' }, { type: 'start', studentId: 'gianni', step: 5 });
    s = transition(s, { type: 'go-to', step: 2, fromRecap: true });
    expect(s.screen).to.deep.equal({ name: 'step', studentId: 'gianni', step: 2, fromRecap: true });
    s = transition(s, { type: 'next' });
    expect(s.screen).to.deep.equal({ name: 'step', studentId: 'gianni', step: 5, fromRecap: false });
  });

  it('only reaches the confirmation by a submission, and never leaves it backwards', () => {
    let s = run({ type: 'logged-in' }, { type: 'start', studentId: 'gianni', step: 5 });
    expect(transition(s, { type: 'next' })).to.equal(s);
    expect(transition(s, { type: 'go-to', step: 6 })).to.equal(s);
    s = transition(s, { type: 'submitted' });
    expect(s.screen).to.include({ step: 6 });
    expect(transition(s, { type: 'back' })).to.equal(s);
    expect(transition(s, { type: 'go-to', step: 2 })).to.equal(s);
  });

  it('opens the documents of a file already sent from the home only', () => {
    const s = run({ type: 'logged-in' }, { type: 'add-documents', studentId: 'gianni' });
    expect(s.screen).to.deep.equal({ name: 'documents', studentId: 'gianni' });
    expect(transition(s, { type: 'home' }).screen.name).to.equal('home');
    expect(run({ type: 'add-documents', studentId: 'gianni' }).screen.name).to.equal('login');
  });

  it('forgets everything at logout, and is plain data', () => {
    const s = run({ type: 'logged-in' }, { type: 'start', studentId: 'gianni' }, { type: 'next' });
    expect(JSON.parse(JSON.stringify(s))).to.deep.equal(s);
    expect(transition(s, { type: 'logged-out' })).to.deep.equal(initialState());
  });

  it('boots, then is idle; a second move while one runs is refused; « Valider » goes on from moving to submitting', () => {
    let s = run({ type: 'boot' });
    expect(s.activity).to.deep.equal({ name: 'booting' });
    s = transition(s, { type: 'booted' });
    expect(s.activity).to.deep.equal({ name: 'idle' });
    s = transition(run({ type: 'logged-in' }, { type: 'start', studentId: 'gianni', step: 5 }), { type: 'moving' });
    expect(transition(s, { type: 'moving' })).to.equal(s);
    expect(transition(s, { type: 'opening', studentId: 'lina' })).to.equal(s);
    s = transition(s, { type: 'submitting' });
    expect(s.activity).to.deep.equal({ name: 'submitting' });
    expect(transition(s, { type: 'idle' }).activity).to.deep.equal({ name: 'idle' });
  });

  it('says which student is being opened from the home', () => {
    const s = run({ type: 'logged-in' }, { type: 'opening', studentId: 'gianni' });
    expect(s.activity).to.deep.equal({ name: 'opening', studentId: 'gianni' });
    expect(s.screen.name).to.equal('home');
  });

  it('keeps the screen under an expired session, and the next login goes back to it', () => {
    const at3 = run({ type: 'logged-in' }, { type: 'start', studentId: 'gianni', step: 3 });
    const expired = transition(transition(at3, { type: 'moving' }), { type: 'session-expired' });
    expect(expired.sessionExpired).to.equal(true);
    expect(expired.activity).to.deep.equal({ name: 'idle' });
    expect(expired.screen).to.deep.equal(at3.screen);
    const back = transition(expired, { type: 'logged-in' });
    expect(back.sessionExpired).to.equal(false);
    expect(back.screen).to.deep.equal(at3.screen);
  });

  it('follows Back and Forward between this student’s steps already seen, and goes home on any other entry', () => {
    const s = run({ type: 'logged-in' }, { type: 'start', studentId: 'gianni', step: 3 }, { type: 'back' });
    expect(transition(s, { type: 'history', target: { studentId: 'gianni', step: 3 } }).screen).to.include({ step: 3 });
    expect(transition(s, { type: 'history', target: { studentId: 'gianni', step: 4 } }).screen.name).to.equal('home');
    expect(transition(s, { type: 'history', target: { studentId: 'lina', step: 1 } }).screen.name).to.equal('home');
    expect(transition(s, { type: 'history' }).screen.name).to.equal('home');
    const confirmed = run({ type: 'logged-in' }, { type: 'start', studentId: 'gianni', step: 5 }, { type: 'submitted' });
    expect(transition(confirmed, { type: 'history', target: { studentId: 'gianni', step: 5 } })).to.equal(confirmed);
    const home = run({ type: 'logged-in' });
    expect(transition(home, { type: 'history' })).to.equal(home);
  });
});
