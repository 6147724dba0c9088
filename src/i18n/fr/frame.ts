/** Strings of <reinscription-wizard>'s frame, shown before the rest of the widget has loaded (the others: ./wizard.ts). */
export const frame = {
  /** The other language's own name, on the button that switches to it (lang set on the button). */
  'wizard.otherLanguage': 'English',
  'wizard.loading': 'Chargement des réinscriptions…',
} as const;
