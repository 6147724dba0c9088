import type { frame as frFrame } from '../fr/frame.js';
import type { Translation } from '../translation.js';

/** Strings of <reinscription-wizard>'s frame, shown before the rest of the widget has loaded. */
export const frame = {
  /** The other language's own name, on the button that switches to it (lang set on the button). */
  'wizard.otherLanguage': 'Français',
  'wizard.loading': 'Loading your re-registrations…',
} satisfies Translation<typeof frFrame>;
