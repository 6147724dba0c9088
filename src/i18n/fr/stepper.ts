/** The stepper above every step: « Étape 2 sur 6 : Autorisations », « Étape suivante : Documents ». */
export const stepper = {
  'stepper.title.1': 'Modification des coordonnées',
  'stepper.title.2': 'Autorisations',
  'stepper.title.3': 'Documents',
  'stepper.title.4': 'Cours',
  'stepper.title.5': 'Récapitulatif',
  'stepper.title.6': 'Finalisation',
  'stepper.heading': (p: { current: number; total: number; title: string }) => `Étape ${p.current} sur ${p.total}\u00a0: ${p.title}`,
  'stepper.next': (p: { title: string }) => `Étape suivante\u00a0: ${p.title}`,
  'stepper.nav': 'Étapes de la réinscription',
  // Read after a visited step's title, so a screen-reader user knows the button goes back there.
  'stepper.visited': ' (étape déjà vue)',
  'stepper.upcoming': ' (étape à venir)',
} as const;
