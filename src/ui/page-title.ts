import { t } from '../i18n/index.js';

/** DSFR / GOV.UK: while a page shows errors, its title starts with « Erreur : ». */
export function markPageTitle(hasErrors: boolean): void {
  const prefix = t('common.pageTitleErrorPrefix');
  const prefixed = document.title.startsWith(prefix);
  if (hasErrors && !prefixed) document.title = `${prefix}${document.title}`;
  else if (!hasErrors && prefixed) document.title = document.title.slice(prefix.length);
}
