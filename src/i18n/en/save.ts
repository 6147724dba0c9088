import type { save as frSave } from '../fr/save.js';
import type { Translation } from '../translation.js';
import { count, plural } from './numbers.js';

const inSeconds = (n: number): string => `${count(n)} ${plural(n, 'second', 'seconds')}`;

/**
 * Strings of the save status (wizard/save-queue.ts) and of a save that failed on a step: what
 * happened, what is kept (in this tab, never « on this device »: sessionStorage dies with the tab),
 * what to do.
 */
export const save = {
  'save.saving': 'Saving to the server…',
  'save.saved': (p: { time: string }) => `Saved to the server at ${p.time}.`,
  'save.pending': (p: { seconds: number }) => `Not saved to the server yet – trying again in ${inSeconds(p.seconds)}. Your answers are kept in this tab.`,
  'save.offline': 'You are offline: your answers are kept in this tab and will be sent when you are back online.',
  'save.failed': 'Not saved to the server. Your answers are kept in this tab; they will be sent again before the re-registration is submitted.',
  'save.refused': 'The server did not accept some answers: correct the fields marked, then continue to the next step.',
  'save.paused': 'Not saved to the server yet: sign in again and saving will start again straight away.',
  'save.stepNotSaved': 'This step is not saved to the server yet. What you have entered is kept in this tab.',
  'save.willRetry': (p: { seconds: number }) =>
    `Saving will be tried again automatically in ${inSeconds(p.seconds)}. You can try again now, or continue: your answers will be sent again before the re-registration is submitted.`,
  'save.whenOnline':
    'Saving will start again automatically when you are back online. You can continue: your answers will be sent again before the re-registration is submitted.',
  'save.canContinue':
    'You can continue: your answers will be sent again before the re-registration is submitted. If the problem continues, email the conservatoire.',
  'save.willRetryAfter': (p: { seconds: number }) =>
    `The server asked us to wait: saving will be tried again automatically in ${inSeconds(p.seconds)}. You can continue: your answers will be sent again before the re-registration is submitted.`,
  'save.failedLater': 'Your answers could not be saved to the server. They are kept in this tab, but the server does not have them.',
  'save.refusedLater':
    'The server did not accept some answers you gave earlier. They are kept in this tab, but they are not saved to the server until they are corrected.',
  'save.fixAt': (p: { step: number }) => `Correct them at step ${p.step}`,
  'save.retryNow': 'Try again now',
  'save.continue': 'Continue without waiting',
  'save.beforeSubmit':
    'Your answers could not be saved to the server, so the re-registration has not been submitted. What you have entered is kept in this tab.',
} as const satisfies Translation<typeof frSave>;
