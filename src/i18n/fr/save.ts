import { count } from './numbers.js';

/**
 * Strings of the save status (wizard/save-queue.ts) and of a save that failed on a step: what
 * happened, what is kept (in this tab, never « on this device »: sessionStorage dies with the tab),
 * what to do. Non-breaking spaces before « : » and between a number and its unit.
 */
export const save = {
  'save.saving': 'Enregistrement sur le serveur…',
  'save.saved': (p: { time: string }) => `Enregistré sur le serveur à ${p.time}.`,
  'save.pending': (p: { seconds: number }) =>
    `Pas encore enregistré sur le serveur\u00a0– nouvel essai dans ${count(p.seconds)}\u00a0s. Vos réponses sont gardées dans cet onglet.`,
  'save.offline': 'Hors connexion\u00a0: vos réponses sont gardées dans cet onglet et seront envoyées au retour de la connexion.',
  'save.failed': 'Pas enregistré sur le serveur. Vos réponses sont gardées dans cet onglet\u202f; elles seront renvoyées avant l’envoi de la réinscription.',
  'save.refused': 'Le serveur a refusé certaines réponses\u00a0: corrigez les champs signalés, puis passez à l’étape suivante.',
  'save.paused': 'Pas encore enregistré sur le serveur\u00a0: reconnectez-vous, l’envoi reprendra aussitôt.',
  'save.stepNotSaved': 'Cette étape n’est pas encore enregistrée sur le serveur. Ce que vous avez saisi est gardé dans cet onglet.',
  'save.willRetry': (p: { seconds: number }) =>
    `Un nouvel essai aura lieu tout seul dans ${count(p.seconds)}\u00a0s. Vous pouvez réessayer maintenant, ou continuer\u00a0: vos réponses seront renvoyées avant l’envoi de la réinscription.`,
  'save.whenOnline':
    'L’envoi reprendra tout seul au retour de la connexion. Vous pouvez continuer\u00a0: vos réponses seront renvoyées avant l’envoi de la réinscription.',
  'save.canContinue':
    'Vous pouvez continuer\u00a0: vos réponses seront renvoyées avant l’envoi de la réinscription. Si le problème persiste, écrivez au conservatoire.',
  'save.willRetryAfter': (p: { seconds: number }) =>
    `Le serveur demande d’attendre\u00a0: un nouvel essai aura lieu tout seul dans ${count(p.seconds)}\u00a0s. Vous pouvez continuer\u00a0: vos réponses seront renvoyées avant l’envoi de la réinscription.`,
  'save.failedLater': 'Vos réponses n’ont pas pu être enregistrées sur le serveur. Elles sont gardées dans cet onglet, mais le serveur ne les a pas.',
  'save.refusedLater':
    'Le serveur a refusé des réponses déjà saisies. Elles sont gardées dans cet onglet, mais ne sont pas enregistrées sur le serveur tant qu’elles ne sont pas corrigées.',
  'save.fixAt': (p: { step: number }) => `Corriger à l’étape\u00a0${p.step}`,
  'save.retryNow': 'Réessayer maintenant',
  'save.continue': 'Continuer sans attendre',
  'save.beforeSubmit':
    'Vos réponses n’ont pas pu être enregistrées sur le serveur\u00a0: la réinscription n’est pas envoyée. Ce que vous avez saisi est gardé dans cet onglet.',
} as const;
