import { count, plural } from './numbers.js';

export interface When {
  date: string;
  time: string;
}

/** The family home: greeting, students and their status, the campaign's dates, declining. */
export const home = {
  'home.heading': 'Vos réinscriptions',
  'home.greeting': (p: { name: string }) => `Bonjour ${p.name}`,
  'home.logout': 'Déconnexion',
  'home.signedOut': 'Connectez-vous pour voir vos élèves et leurs réinscriptions.',

  'home.students.title': 'Élèves',
  'home.students.empty': 'Aucun élève n’est rattaché à votre compte. Si c’est une erreur, écrivez au conservatoire.',
  'home.status.prefix': 'Statut\u00a0: ',
  'home.status.a-faire': 'À faire',
  'home.status.brouillon': 'En cours',
  'home.status.brouillonAt': (p: { step: number }) => `En cours\u00a0– reprendre à l’étape ${p.step}`,
  'home.status.envoyee': 'Réinscription envoyée',
  'home.status.envoyee-incomplete': 'Envoyée, pièces manquantes',
  'home.status.ne-se-reinscrit-pas': 'Ne se réinscrit pas',
  'home.reference': (p: { reference: string }) => `Référence\u00a0: ${p.reference}`,
  'home.student.deadline': (p: When) => `À envoyer avant le ${p.date} à ${p.time}`,
  'home.student.sentAt': (p: When) => `Envoyée le ${p.date} à ${p.time}`,
  'home.student.missing': (p: { name: string }) => `Pièces à fournir pour ${p.name}\u00a0:`,
  'home.student.missingFamilyOnly': 'Il ne manque que des pièces de la famille (ci-dessous).',
  'home.student.missingUntil': (p: When) => `À ajouter avant le ${p.date} à ${p.time}.`,
  'home.family.missing.title': 'Pièces à fournir pour la famille',
  'home.family.missing.note':
    'Elles valent pour tous vos enfants\u00a0: ajoutez-les une seule fois, depuis «\u202fAjouter des pièces manquantes\u202f» de l’un d’eux.',

  'home.campaign.title': (p: { schoolYear: string }) => `Réinscriptions ${p.schoolYear}`,
  'home.campaign.until': (p: When) => `Jusqu’au ${p.date} à ${p.time}`,
  'home.campaign.instructions': 'Pour chaque élève, indiquez s’il se réinscrit.',
  'home.campaign.notYet': (p: When) => `Les réinscriptions ouvriront le ${p.date} à ${p.time}.`,
  'home.campaign.notYetUntil': (p: When) => `Elles resteront ouvertes jusqu’au ${p.date} à ${p.time}.`,
  'home.campaign.closedSince': (p: When) => `Les réinscriptions en ligne sont closes depuis le ${p.date} à ${p.time}.`,
  'home.campaign.closed': 'Les réinscriptions en ligne sont closes.',
  'home.campaign.documentsUntil': (p: When) => `Vous pouvez encore ajouter les pièces manquantes jusqu’au ${p.date} à ${p.time}.`,

  'home.reregister': 'Je souhaite réinscrire',
  'home.resume': 'Reprendre la réinscription',
  'home.decline': 'Je ne souhaite pas réinscrire',
  'home.addDocuments': 'Ajouter des pièces manquantes',
  'home.viewReceipt': 'Voir le récapitulatif',

  'home.decline.title': (p: { name: string }) => `Confirmer\u00a0: ${p.name} ne se réinscrit pas`,
  'home.decline.explanation': (p: { name: string; schoolYear: string }) =>
    `Le conservatoire sera prévenu que ${p.name} ne se réinscrit pas pour l’année ${p.schoolYear}.`,
  'home.decline.reason': 'Motif',
  // French treats 0 and 1 as singular (numbers.ts).
  'home.decline.counter': (p: { remaining: number }) => `${count(p.remaining)}\u00a0${plural(p.remaining, 'caractère restant', 'caractères restants')}`,
  'home.decline.confirm': 'Confirmer',
  'home.decline.done': (p: { name: string }) => `La non-réinscription de ${p.name} est enregistrée.`,

  'home.privacy': (p: { controller: string }) => `Données personnelles\u00a0: ${p.controller}`,
} as const;
