/** Strings of the login and the wizard's frame, shared by every element (the later screens' shared strings: ./shared.ts). */
export const common = {
  'common.optional': '(facultatif)',
  'common.errorPrefix': 'Erreur\u00a0: ',
  'common.errorSummary.title': 'Il y a un problème',
  'common.pageTitleErrorPrefix': 'Erreur\u00a0: ',
  'common.retry': 'Réessayer',
  'common.showPassword': 'Afficher le mot de passe',
  'common.hidePassword': 'Masquer le mot de passe',
  'common.passwordShown': 'Le mot de passe est affiché.',
  'common.passwordHidden': 'Le mot de passe est masqué.',
  'common.contactPrefix': 'Une question\u202f? Écrivez au conservatoire\u00a0: ',
} as const;
