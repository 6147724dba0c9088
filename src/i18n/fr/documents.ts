export interface When {
  date: string;
  time: string;
}

/** <reinscription-documents>: step 3 « Documents » and the standalone « add missing pieces later » page. */
export const documents = {
  'documents.intro': 'Importez ci-dessous les pièces demandées pour l’inscription de l’élève, chacune dans sa ligne.',
  // Said once, the same way as the recap and the confirmation: moving on is allowed, processing waits for every piece.
  'documents.later': (p: When) =>
    `Il vous manque une pièce\u202f? Vous pouvez passer à l’étape suivante et l’ajouter plus tard depuis votre espace famille, jusqu’au ${p.date} à ${p.time}. Tout dossier incomplet ne sera pas traité\u00a0: le conservatoire traitera le vôtre quand toutes les pièces demandées seront arrivées.`,
  'documents.addLater.heading': (p: { name: string }) => `Ajouter des pièces\u00a0: ${p.name}`,
  'documents.addLater.intro':
    'La réinscription est envoyée. Il reste à fournir les pièces marquées «\u202fÀ fournir\u202f» ci-dessous\u00a0: chacune est transmise au conservatoire dès son envoi, sans autre validation.',
  'documents.addLater.until': (p: When) =>
    `Vous pouvez les ajouter jusqu’au ${p.date} à ${p.time}. Tout dossier incomplet ne sera pas traité\u00a0: le conservatoire traitera le vôtre quand toutes les pièces demandées seront arrivées.`,
  'documents.addLater.done': 'Toutes les pièces demandées sont fournies\u00a0: il ne vous reste rien à envoyer.',
  'documents.limits': (p: { max: string; extensions: string }) =>
    `La taille maximale autorisée pour chaque pièce justificative est fixée à ${p.max}. Seul l’import de document PDF ou d’image est possible (formats acceptés\u00a0: ${p.extensions}).`,
  'documents.photoHint': 'Une photo plus lourde est réduite automatiquement avant l’envoi, en restant lisible.',
  'documents.dropHint': 'Vous pouvez aussi faire glisser un fichier sur la ligne de la pièce.',
  'documents.closed': (p: When) => `L’ajout de pièces en ligne est clos depuis le ${p.date} à ${p.time}. Pour une pièce manquante, écrivez au conservatoire.`,

  'documents.family.caption': 'Pièces à fournir\u00a0– Famille',
  'documents.family.shared': 'Ces pièces valent pour tous les élèves de la famille\u00a0: les importer une fois suffit.',
  'documents.family.none': 'Aucune pièce n’est demandée pour la famille avec vos réponses.',
  'documents.student.caption': 'Pièces à fournir\u00a0– Élève',
  'documents.student.captionNamed': (p: { name: string }) => `Pièces à fournir\u00a0– Élève\u00a0: ${p.name}`,
  'documents.student.none': 'Aucune pièce n’est demandée pour cet élève.',

  'documents.column.name': 'Nom du document',
  'documents.column.file': 'Nom du fichier',
  'documents.column.date': 'Date',
  'documents.column.time': 'Heure',
  'documents.column.size': 'Taille',
  'documents.column.state': 'État',
  'documents.column.actions': 'Actions',
  'documents.noFile': 'Aucun fichier',

  'documents.state.missing': 'À fournir',
  'documents.state.provided': 'Fourni',
  'documents.state.shared': 'Déjà fournie pour la famille',
  'documents.state.optional': 'Facultatif',
  'documents.state.unneeded': 'Fourni, mais plus demandé avec vos réponses actuelles\u00a0: vous pouvez le supprimer.',
  'documents.state.checking': 'Vérification du fichier…',
  'documents.state.compressing': (p: { size: string }) => `Réduction de la photo (${p.size})…`,
  'documents.state.uploading': (p: { loaded: string; total: string }) => `Envoi\u00a0: ${p.loaded} sur ${p.total}`,
  'documents.state.deleting': 'Suppression…',
  'documents.progressLabel': (p: { name: string }) => `Envoi de ${p.name}`,
  'documents.compressed': (p: { from: string; to: string }) => `Photo réduite de ${p.from} à ${p.to}.`,

  'documents.choose': 'Choisir un fichier',
  'documents.photo': 'Prendre une photo',
  'documents.view': 'Consulter',
  'documents.delete': 'Supprimer',
  'documents.cancelUpload': 'Annuler l’envoi',
  /** Visually hidden after each button, so « Choisir un fichier » is not ten identical buttons to a screen reader. */
  'documents.forPiece': (p: { label: string }) => `\u00a0: ${p.label}`,
  'documents.delete.question': (p: { name: string }) => `Supprimer ${p.name}\u202f?`,
  'documents.delete.confirm': 'Confirmer',
  'documents.openLink': (p: { name: string }) => `Ouvrir ${p.name}`,
  'documents.popupBlocked': 'Votre navigateur a bloqué l’ouverture d’une nouvelle fenêtre. Utilisez ce lien, valable quelques minutes\u00a0:',

  'documents.announce.added': (p: { name: string; size: string }) => `Fichier ajouté\u00a0: ${p.name} (${p.size})`,
  'documents.announce.deleted': (p: { name: string }) => `Fichier supprimé\u00a0: ${p.name}`,
  'documents.announce.cancelled': (p: { name: string }) => `Envoi annulé\u00a0: ${p.name}`,

  'documents.error.tooLarge': (p: { size: string; limit: string }) =>
    `Le fichier pèse ${p.size}\u202f; la limite est de ${p.limit}. Réduisez-le ou prenez une photo moins détaillée.`,
  'documents.error.empty': (p: { name: string }) =>
    `Le fichier «\u202f${p.name}\u202f» est vide (0\u00a0octet). Vérifiez que c’est le bon fichier, ou enregistrez-le à nouveau, puis choisissez-le.`,
  'documents.error.type': (p: { name: string }) => `Le fichier doit être un PDF, JPG ou PNG\u202f; «\u202f${p.name}\u202f» n’est dans aucun de ces formats.`,
  'documents.error.typeMisnamed': (p: { name: string }) =>
    `Le fichier doit être un PDF, JPG ou PNG. «\u202f${p.name}\u202f» en porte le nom, mais son contenu n’est dans aucun de ces formats\u00a0: ouvrez-le pour vérifier, puis enregistrez-le à nouveau en PDF, JPG ou PNG.`,
  'documents.error.heic.intro': (p: { name: string }) =>
    `La photo «\u202f${p.name}\u202f» est au format HEIC (celui des iPhone et des Mac), que le conservatoire ne peut pas lire. Pour l’envoyer en JPG\u00a0:`,
  'documents.error.heic.camera': 'sur iPhone, utilisez «\u202fPrendre une photo\u202f»\u00a0: la photo est alors envoyée en JPG\u202f;',
  'documents.error.heic.settings':
    'ou, sur iPhone, dans Réglages > Appareil photo > Formats, choisissez «\u202fLe plus compatible\u202f», puis reprenez la photo\u202f;',
  'documents.error.heic.mac': 'sur Mac, ouvrez la photo dans Aperçu, puis Fichier > Exporter…, format JPEG, et choisissez ce nouveau fichier.',
  'documents.error.floor': (p: { size: string; limit: string }) =>
    `Même réduite autant que possible sans devenir illisible, la photo pèse encore ${p.size}\u202f; la limite est de ${p.limit}. Photographiez le document de plus près, en cadrant seulement la page, sur un fond uni.`,
  'documents.error.decode':
    'Cette image n’a pas pu être lue\u00a0: le fichier est peut-être abîmé ou incomplet. Choisissez un autre fichier ou prenez une nouvelle photo.',
  'documents.error.read':
    'Le fichier n’a pas pu être lu. S’il est dans un service en ligne (iCloud, Google Drive…), enregistrez-le d’abord sur l’appareil, puis choisissez-le à nouveau.',
  'documents.error.severalFiles': 'Déposez un seul fichier à la fois\u00a0: chaque pièce est un fichier.',
  'documents.error.uploadFailed': (p: { name: string }) => `«\u202f${p.name}\u202f» n’a pas été envoyé.`,
  'documents.error.deleteFailed': (p: { name: string }) => `«\u202f${p.name}\u202f» n’a pas été supprimé.`,
  'documents.error.viewFailed': (p: { name: string }) => `«\u202f${p.name}\u202f» n’a pas pu être ouvert.`,
  'documents.error.noStudent': 'Cette page ne sait pas de quel élève il s’agit. Revenez à votre espace famille et choisissez l’élève.',
} as const;
