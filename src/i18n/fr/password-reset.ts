/** <reinscription-password-reset>: the manual's « Mot de passe perdu » screen. */
export const passwordReset = {
  'passwordReset.heading': 'Mot de passe perdu',
  'passwordReset.intro':
    'Saisissez votre identifiant et l’adresse e-mail donnée au conservatoire. Un nouveau mot de passe vous sera envoyé par e-mail\u202f; l’ancien ne fonctionnera plus.',
  'passwordReset.identifier.label': 'Identifiant',
  'passwordReset.identifier.required': 'Saisissez votre identifiant',
  'passwordReset.email.label': 'E-mail',
  'passwordReset.email.required': 'Saisissez votre adresse e-mail',
  'passwordReset.email.format': 'Saisissez une adresse e-mail complète, par exemple nom@exemple.fr',
  // « Valider » is the manual's word, and this button does send the form's final answer.
  'passwordReset.submit': 'Valider',
  'passwordReset.submitting': 'Envoi en cours…',
  // The same text whatever the account, so the screen cannot be used to test which accounts exist.
  'passwordReset.sent':
    'Si l’identifiant et l’adresse e-mail correspondent à un compte, un nouveau mot de passe vient d’être envoyé à cette adresse. Il remplace l’ancien. Pensez à vérifier vos courriers indésirables.',
  'passwordReset.backToLogin': 'Retour à la connexion',
} as const;
