import type { shared as frShared } from '../fr/shared.js';
import type { Translation } from '../translation.js';
import { plural } from './numbers.js';

/** Strings shared by the screens after the login (the family home, the steps). */
export const shared = {
  'common.requiredNote': 'All fields are required unless marked “(optional)”.',
  'common.loading': 'Loading…',
  'common.sending': 'Sending…',
  'common.close': 'Close',
  'common.cancel': 'Cancel',
  'common.yes': 'Yes',
  'common.no': 'No',
  'common.notProvided': 'Not provided',
  'common.contact': (p: { email: string }) => `Any questions? Email the conservatoire: ${p.email}`,
  'common.newWindow': '(opens in a new window)',
  'common.accessibility': 'Accessibility statement',
  /** Progress of a file in KB before its first whole KB is sent (« less than 1 KB of 850 KB »). */
  'common.size.lessThan1Ko': 'less than 1\u00a0KB',
  // A no-break space between a number and its unit, so « 1.8 » and « MB » never split across lines.
  'common.size.bytes': (p: { n: number; value: string }) => `${p.value}\u00a0${plural(p.n, 'byte', 'bytes')}`,
  'common.size.kb': (p: { value: string }) => `${p.value}\u00a0KB`,
  'common.size.mb': (p: { value: string }) => `${p.value}\u00a0MB`,
  'common.noscript': 'Turn on JavaScript to re-register online.',
  /** Above a 422's list of fields (ui/server-errors.ts, after the login): where to check them. */
  'api.validation.fieldsAt': (p: { title: string }) => `The server did not accept this information. Check it at the “${p.title}” step, then try again:`,
  'api.validation.fieldsSeveral': 'The server did not accept this information. Check it at the steps where you entered it, then try again:',
  /** One refused field in that list: where it is asked, and its label (« Responsable : E-mail »). */
  'api.validation.fieldName': (p: { title: string; field: string }) => `${p.title}: ${p.field}`,
} satisfies Translation<typeof frShared>;
