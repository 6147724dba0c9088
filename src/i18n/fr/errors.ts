import { count, plural } from './numbers.js';

/** What the parent reads when a call to the backend fails: what happened, then what to do. */
export const errors = {
  'api.network':
    'Connexion impossible avec le serveur du conservatoire. Vérifiez votre connexion Internet, puis réessayez\u00a0: ce que vous avez saisi est conservé.',
  'api.timeout': 'Le serveur du conservatoire met trop de temps à répondre. Réessayez dans un instant\u00a0: ce que vous avez saisi est conservé.',
  'api.unauthorized': 'Votre session a expiré. Reconnectez-vous\u00a0: ce que vous avez saisi est conservé.',
  'api.forbidden': 'Cette action ne vous est pas permise avec ce compte. Si c’est une erreur, écrivez au conservatoire.',
  'api.not-found': 'Cette information n’existe plus sur le serveur. Rechargez la page\u202f; si le problème continue, écrivez au conservatoire.',
  'api.conflict': 'Ce dossier a changé entre-temps (peut-être depuis un autre appareil). Rechargez la page pour voir son état actuel.',
  'api.campaign-closed':
    'Les réinscriptions en ligne sont closes. Ce que vous avez saisi est conservé sur cette page\u202f; écrivez au conservatoire pour finaliser votre demande.',
  'api.too-large': 'Le fichier est trop lourd pour le serveur. Réduisez sa taille, puis réessayez.',
  'api.validation':
    'Le serveur a refusé certaines informations. Vérifiez ce que vous avez saisi, puis réessayez\u202f; si le problème continue, écrivez au conservatoire.',
  'api.validation.fields': 'Le serveur a refusé ces informations. Vérifiez-les à l’étape «\u202fModification des coordonnées\u202f», puis réessayez\u00a0:',
  'api.rate-limited': (p: { seconds: number }) =>
    `Trop de tentatives en peu de temps. Réessayez dans ${count(p.seconds)}\u00a0${plural(p.seconds, 'seconde', 'secondes')}.`,
  'api.rate-limited.noDelay': 'Trop de tentatives en peu de temps. Réessayez dans quelques minutes.',
  'api.unavailable': (p: { seconds: number }) =>
    `Le serveur du conservatoire est momentanément indisponible. Il devrait répondre de nouveau dans ${count(p.seconds)}\u00a0s\u00a0: ce que vous avez saisi est conservé.`,
  'api.server': 'Le serveur du conservatoire rencontre un problème. Réessayez dans quelques minutes\u00a0: ce que vous avez saisi est conservé.',
  'api.contract': 'Le serveur du conservatoire a envoyé une réponse inattendue. Réessayez plus tard\u202f; si le problème continue, écrivez au conservatoire.',
  'api.aborted': 'La demande a été annulée.',
  'api.serverSaid': 'Message du serveur\u00a0: ',
} as const;
