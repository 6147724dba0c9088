/** <reinscription-authorisations>: step 2 « Autorisations » (image rights, leaving alone). */
export const authorisations = {
  'authorisations.heading': 'Droit à l’image et autorisation de sortie',
  'authorisations.intro': 'Répondez Oui ou Non à chacune des deux questions. Le texte complet de chaque autorisation se lit sous sa question.',
  'authorisations.image.legend': 'Droit à l’image',
  'authorisations.sortie.legend': 'Autorisation de sortie',
  'authorisations.readText': 'Lire le texte',
  /** Visually hidden after « Lire le texte », so the two disclosures have distinct names. */
  'authorisations.readTextOf': (p: { label: string }) => ` de l’autorisation «\u202f${p.label}\u202f»`,
  'authorisations.sortie.adultHint': 'Élève majeur\u00a0: indiquez Oui ou Non pour valider l’inscription.',
  'authorisations.image.required': 'Indiquez si vous autorisez le droit à l’image (Oui ou Non)',
  'authorisations.sortie.required': 'Indiquez si vous autorisez l’élève à quitter seul le conservatoire (Oui ou Non)',
  'authorisations.sortie.adultRequired': 'Indiquez Oui ou Non pour l’autorisation de sortie, afin de valider l’inscription',
  'authorisations.serverRefused': (p: { field: string }) =>
    `Le serveur du conservatoire a refusé votre réponse à «\u202f${p.field}\u202f»\u00a0: vérifiez-la, puis passez à l’étape suivante.`,
} as const;
