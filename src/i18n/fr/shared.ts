/** Strings shared by the screens after the login (the family home, the steps); the login's are in ./common.ts. */
export const shared = {
  'common.requiredNote': 'Tous les champs sont obligatoires, sauf ceux marqués «\u202f(facultatif)\u202f».',
  'common.loading': 'Chargement…',
  'common.sending': 'Envoi en cours…',
  'common.close': 'Fermer',
  'common.cancel': 'Annuler',
  'common.yes': 'Oui',
  'common.no': 'Non',
  'common.notProvided': 'Non renseigné',
  'common.contact': (p: { email: string }) => `Une question\u202f? Écrivez au conservatoire\u00a0: ${p.email}`,
  'common.newWindow': '(nouvelle fenêtre)',
  /** The town's accessibility statement, linked from every screen's footer. */
  'common.accessibility': 'Déclaration d’accessibilité',
  /** Progress of a file in Ko before its first whole Ko is sent (« moins de 1 Ko sur 850 Ko »). */
  'common.size.lessThan1Ko': 'moins de 1\u00a0Ko',
  'common.size.bytes': (p: { n: number; value: string }) => `${p.value}\u00a0${p.n <= 1 ? 'octet' : 'octets'}`,
  'common.size.kb': (p: { value: string }) => `${p.value}\u00a0Ko`,
  'common.size.mb': (p: { value: string }) => `${p.value}\u00a0Mo`,
  'common.noscript': 'Activez JavaScript pour faire la réinscription en ligne.',
  /** Above a 422's list of fields (ui/server-errors.ts, after the login): where to check them. */
  'api.validation.fieldsAt': (p: { title: string }) =>
    `Le serveur a refusé ces informations. Vérifiez-les à l’étape «\u202f${p.title}\u202f», puis réessayez\u00a0:`,
  'api.validation.fieldsSeveral': 'Le serveur a refusé ces informations. Vérifiez-les aux étapes où vous les avez saisies, puis réessayez\u00a0:',
  /** One refused field in that list: where it is asked, and its label (« Responsable : E-mail »). */
  'api.validation.fieldName': (p: { title: string; field: string }) => `${p.title}\u00a0: ${p.field}`,
} as const;
