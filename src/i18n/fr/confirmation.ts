/** <reinscription-confirmation>: step 6 « Finalisation », what was sent and what happens next. */
export const confirmation = {
  'confirmation.heading': 'Réinscription envoyée',
  'confirmation.sent': (p: { name: string }) => `La réinscription de ${p.name} a bien été envoyée au conservatoire.`,
  'confirmation.reference': 'Numéro de référence',
  'confirmation.sentAt': 'Date d’envoi',
  'confirmation.dateTime': (p: { date: string; time: string }) => `${p.date} à ${p.time}`,
  'confirmation.status': 'État du dossier',
  'confirmation.status.complete': 'Complet',
  'confirmation.status.incomplete': 'Incomplet\u00a0: des pièces manquent',
  'confirmation.receipt.sent': (p: { to: string }) => `Un récapitulatif a été envoyé à ${p.to}.`,
  'confirmation.receipt.notSent':
    'Aucun récapitulatif n’a été envoyé par e-mail. Pour en garder une copie, imprimez cette page ou enregistrez-la en PDF\u00a0: «\u202fImprimer le récapitulatif\u202f», puis choisissez «\u202fEnregistrer au format PDF\u202f» comme imprimante.',
  'confirmation.missing.heading': 'Pièces à ajouter',
  'confirmation.missing.until': (p: { date: string; time: string }) =>
    `Ajoutez-les depuis votre espace famille jusqu’au ${p.date} à ${p.time}\u00a0: tout dossier incomplet ne sera pas traité.`,
  'confirmation.next.heading': 'Et maintenant\u202f?',
  'confirmation.next.check': 'Le conservatoire vérifie votre dossier et vous contacte si une information manque.',
  'confirmation.next.cost': 'Le coût définitif sera déterminé par les services du conservatoire.',
  /** When the mode chosen is not known (no answers given): both modes, as before. */
  'confirmation.next.invoice':
    'Règlement en une fois\u00a0: la facture vous est envoyée à partir du 25\u00a0octobre. Prélèvement automatique\u00a0: 9\u00a0fois, en début de mois, à partir de novembre.',
  'confirmation.next.payment': (p: { mode: string }) => `Mode de règlement choisi\u00a0: ${p.mode}.`,
  'confirmation.answers.summary': 'Voir vos réponses',
  'confirmation.answers.rules': (p: { version: string; schoolYear: string }) => `Règlement intérieur ${p.schoolYear} accepté (version ${p.version}).`,
  'confirmation.keep': 'Gardez une trace de cette réinscription\u00a0:',
  'confirmation.print': 'Imprimer le récapitulatif',
  'confirmation.others.heading': 'Réinscrire un autre élève',
  'confirmation.others.intro': 'Ces élèves de votre famille n’ont pas encore de réponse pour l’année prochaine\u00a0:',
  'confirmation.others.button': (p: { name: string }) => `Réinscrire ${p.name}`,
  'confirmation.logout': 'Déconnexion',
} as const;
