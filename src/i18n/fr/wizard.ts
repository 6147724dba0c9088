import { count, plural } from './numbers.js';

/** Strings of <reinscription-wizard>: loading, navigation, session, submission. */
export const wizard = {
  'wizard.title': 'Réinscriptions au conservatoire',
  'wizard.next': 'Passer à l’étape suivante',
  'wizard.back': 'Retour à l’étape précédente',
  'wizard.backToRecap': 'Revenir au récapitulatif',
  'wizard.submit': 'Valider',
  'wizard.submitting': 'Envoi de la réinscription…',
  'wizard.backHome': 'Retour à l’accueil',
  'wizard.studentHeading': (p: { name: string }) => `Réinscription de ${p.name}`,
  'wizard.waitUploads': 'Un envoi de fichier est en cours\u00a0: il se termine avant de passer à la suite…',
  'wizard.sessionExpired': 'Votre session a expiré. Reconnectez-vous pour continuer\u00a0: ce que vous avez saisi est conservé.',
  'wizard.sessionEnding': (p: { minutes: number }) =>
    `Votre session se termine dans ${count(p.minutes)}\u00a0${plural(p.minutes, 'minute', 'minutes')}. Prolongez-la pour ne pas avoir à vous reconnecter.`,
  'wizard.extend': 'Prolonger ma session',
  'wizard.extended': 'Session prolongée.',
  'wizard.loggedOut': 'Vous êtes déconnecté. Les informations de cette page ont été effacées.',
  'wizard.alreadySent': (p: { name: string }) => `La réinscription de ${p.name} a déjà été envoyée.`,
  'wizard.declined': (p: { name: string }) => `${p.name} ne se réinscrit pas cette année.`,
  'wizard.leaveWarning': 'Des informations ne sont pas encore enregistrées.',
  'wizard.familyLoadFailed':
    'Connexion réussie, mais vos informations n’ont pas pu être chargées. Vous n’avez pas à ressaisir votre mot de passe\u00a0: réessayez.',
  'wizard.campaignMissing':
    'Les informations de la campagne de réinscription (dates, cours, règlement) n’ont pas pu être chargées\u00a0: les dossiers s’afficheront dès qu’elles arriveront.',
  'wizard.loadFailed': 'Ces informations n’ont pas pu être chargées. Réessayez\u00a0: ce que vous avez saisi est conservé.',
  'wizard.lastHour': (p: { time: string; afterMidnight: boolean }) =>
    `Les réinscriptions en ligne ferment ${p.afterMidnight ? 'cette nuit' : 'aujourd’hui'} à ${p.time} (heure de Paris), dans moins d’une heure. Envoyez la réinscription avant cette heure\u00a0: un brouillon ne suffit pas.`,
  'wizard.closedWhileTyping': (p: { email: string }) =>
    `Les réinscriptions en ligne ont fermé pendant votre saisie\u202f; la réinscription n’est pas envoyée. Vos réponses sont gardées dans cet onglet\u00a0: imprimez-les ou enregistrez-les en PDF, et écrivez à ${p.email} pour finaliser votre demande.`,
  'wizard.printAnswers': 'Imprimer mes réponses',
  'wizard.noConfirmation': 'La confirmation de cet envoi ne peut pas être affichée ici. Revenez à l’accueil\u00a0: l’état de chaque dossier y est indiqué.',
} as const;
