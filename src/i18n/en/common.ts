import type { common as frCommon } from '../fr/common.js';
import type { Translation } from '../translation.js';

/** Strings of the login and the wizard's frame (the others' shared strings: ./shared.ts). */
export const common = {
  'common.optional': '(optional)',
  'common.errorPrefix': 'Error: ',
  'common.errorSummary.title': 'There is a problem',
  'common.pageTitleErrorPrefix': 'Error: ',
  'common.retry': 'Try again',
  'common.showPassword': 'Show password',
  'common.hidePassword': 'Hide password',
  'common.passwordShown': 'Your password is shown.',
  'common.passwordHidden': 'Your password is hidden.',
  'common.contactPrefix': 'Any questions? Email the conservatoire: ',
} as const satisfies Translation<typeof frCommon>;
