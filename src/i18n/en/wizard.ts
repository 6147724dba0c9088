import type { wizard as frWizard } from '../fr/wizard.js';
import type { Translation } from '../translation.js';
import { count, plural } from './numbers.js';

/** Strings of <reinscription-wizard>: loading, navigation, session, submission. */
export const wizard = {
  'wizard.title': 'Conservatoire re-registration',
  'wizard.next': 'Continue to the next step',
  'wizard.back': 'Back to the previous step',
  'wizard.backToRecap': 'Back to the summary',
  'wizard.submit': 'Submit',
  'wizard.submitting': 'Submitting the re-registration…',
  'wizard.backHome': 'Back to the home page',
  'wizard.studentHeading': (p: { name: string }) => `Re-registration for ${p.name}`,
  'wizard.waitUploads': 'A file is still uploading: it will finish before you move on…',
  'wizard.sessionExpired': 'Your session has expired. Sign in again to continue: what you have entered is kept.',
  'wizard.sessionEnding': (p: { minutes: number }) =>
    `Your session ends in ${count(p.minutes)} ${plural(p.minutes, 'minute', 'minutes')}. Extend it so you do not have to sign in again.`,
  'wizard.extend': 'Extend my session',
  'wizard.extended': 'Session extended.',
  'wizard.loggedOut': 'You have signed out. The information on this page has been cleared.',
  'wizard.alreadySent': (p: { name: string }) => `${p.name}’s re-registration has already been submitted.`,
  'wizard.declined': (p: { name: string }) => `${p.name} is not re-registering this year.`,
  'wizard.leaveWarning': 'Some information is not saved yet.',
  'wizard.familyLoadFailed': 'You are signed in, but your information could not be loaded. You do not need to enter your password again: try again.',
  'wizard.campaignMissing': 'The re-registration information (dates, courses, rules) could not be loaded: the applications will appear as soon as it arrives.',
  'wizard.loadFailed': 'This information could not be loaded. Try again: what you have entered is kept.',
  'wizard.lastHour': (p: { time: string; afterMidnight: boolean }) =>
    `Online re-registration closes ${p.afterMidnight ? 'tonight' : 'today'} at ${p.time} (Paris time), in less than an hour. Submit the re-registration before then: a draft is not enough.`,
  'wizard.closedWhileTyping': (p: { email: string }) =>
    `Online re-registration closed while you were filling in the form, so the re-registration has not been submitted. Your answers are kept in this tab: print them or save them as a PDF, and email ${p.email} to complete your request.`,
  'wizard.printAnswers': 'Print my answers',
  'wizard.noConfirmation': 'The confirmation of this submission cannot be shown here. Go back to the home page: it shows the status of each application.',
} as const satisfies Translation<typeof frWizard>;
