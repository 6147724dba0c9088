import type { errors as frErrors } from '../fr/errors.js';
import type { Translation } from '../translation.js';
import { count, plural } from './numbers.js';

/** What the parent reads when a call to the backend fails: what happened, then what to do. */
export const errors = {
  'api.network': 'Cannot reach the conservatoire’s server. Check your internet connection, then try again: what you have entered is kept.',
  'api.timeout': 'The conservatoire’s server is taking too long to answer. Try again in a moment: what you have entered is kept.',
  'api.unauthorized': 'Your session has expired. Sign in again: what you have entered is kept.',
  'api.forbidden': 'This account cannot do this. If you think this is a mistake, email the conservatoire.',
  'api.not-found': 'This information is no longer on the server. Reload the page. If the problem continues, email the conservatoire.',
  'api.conflict': 'This application has changed in the meantime (perhaps on another device). Reload the page to see where it stands now.',
  'api.campaign-closed': 'Online re-registration is closed. What you have entered is kept on this page: email the conservatoire to complete your request.',
  'api.too-large': 'The file is too large for the server. Make it smaller, then try again.',
  'api.validation':
    'The server did not accept some of the information. Check what you have entered, then try again. If the problem continues, email the conservatoire.',
  'api.validation.fields': 'The server did not accept this information. Check it at the “Update your details” step, then try again:',
  'api.rate-limited': (p: { seconds: number }) =>
    `Too many attempts in a short time. Try again in ${count(p.seconds)} ${plural(p.seconds, 'second', 'seconds')}.`,
  'api.rate-limited.noDelay': 'Too many attempts in a short time. Try again in a few minutes.',
  'api.unavailable': (p: { seconds: number }) =>
    `The conservatoire’s server is unavailable for the moment. It should answer again in ${count(p.seconds)} ${plural(p.seconds, 'second', 'seconds')}: what you have entered is kept.`,
  'api.server': 'The conservatoire’s server has a problem. Try again in a few minutes: what you have entered is kept.',
  'api.contract': 'The conservatoire’s server sent an unexpected answer. Try again later. If the problem continues, email the conservatoire.',
  'api.aborted': 'The request was cancelled.',
  'api.serverSaid': 'Message from the server: ',
} as const satisfies Translation<typeof frErrors>;
