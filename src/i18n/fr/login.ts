/** <reinscription-login>: the « Connexion » screen of the family space. */
export const login = {
  'login.heading': 'Connexion à votre espace famille',
  'login.intro': 'Saisissez l’identifiant et le mot de passe reçus du conservatoire. Vous pouvez les copier et les coller.',
  'login.identifier.label': 'Identifiant',
  'login.identifier.required': 'Saisissez votre identifiant',
  'login.password.label': 'Mot de passe',
  'login.password.required': 'Saisissez votre mot de passe',
  'login.submit': 'Se connecter',
  'login.submitting': 'Connexion…',
  'login.forgotPassword': 'Mot de passe perdu\u202f?',
  // Deliberately does not say which of the two was wrong: that would reveal which identifiers exist.
  'login.invalidCredentials':
    'Identifiant ou mot de passe incorrect. Vérifiez-les, ou demandez un nouveau mot de passe avec «\u202fMot de passe perdu\u202f?\u202f».',
} as const;
