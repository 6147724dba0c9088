import type { confirmation as frConfirmation } from '../fr/confirmation.js';
import type { Translation } from '../translation.js';

/** <reinscription-confirmation>: step 6 « Confirmation », what was submitted and what happens next. */
export const confirmation = {
  'confirmation.heading': 'Re-registration submitted',
  'confirmation.sent': (p: { name: string }) => `${p.name}’s re-registration has been submitted to the conservatoire.`,
  'confirmation.reference': 'Reference number',
  'confirmation.sentAt': 'Date submitted',
  'confirmation.dateTime': (p: { date: string; time: string }) => `${p.date} at ${p.time}`,
  'confirmation.status': 'Application status',
  'confirmation.status.complete': 'Complete',
  'confirmation.status.incomplete': 'Incomplete: some documents are missing',
  'confirmation.receipt.sent': (p: { to: string }) => `A summary has been sent to ${p.to}.`,
  'confirmation.receipt.notSent':
    'No summary has been sent by email. To keep a copy, print this page or save it as a PDF: choose “Print the summary”, then choose “Save as PDF” as the printer.',
  'confirmation.missing.heading': 'Documents to add',
  'confirmation.missing.until': (p: { date: string; time: string }) =>
    `Add them from your family account until ${p.date} at ${p.time}. Incomplete applications will not be processed.`,
  'confirmation.next.heading': 'What happens next',
  'confirmation.next.check': 'The conservatoire checks your application and contacts you if anything is missing.',
  'confirmation.next.cost': 'The conservatoire’s office will work out the final cost.',
  /** When the mode chosen is not known (no answers given): both modes, as before. */
  'confirmation.next.invoice':
    'Single payment: you will receive the invoice from 25 October. Direct debit: 9 monthly instalments, taken at the start of each month from November.',
  'confirmation.next.payment': (p: { mode: string }) => `Payment method chosen: ${p.mode}.`,
  'confirmation.answers.summary': 'See your answers',
  'confirmation.answers.rules': (p: { version: string; schoolYear: string }) =>
    `Conservatoire rules (règlement intérieur) ${p.schoolYear} accepted (version ${p.version}).`,
  'confirmation.keep': 'Keep a record of this re-registration:',
  'confirmation.print': 'Print the summary',
  'confirmation.others.heading': 'Re-register another student',
  'confirmation.others.intro': 'These students in your family have no answer for next year yet:',
  'confirmation.others.button': (p: { name: string }) => `Re-register ${p.name}`,
  'confirmation.logout': 'Sign out',
} as const satisfies Translation<typeof frConfirmation>;
