import type { documents as frDocuments, When } from '../fr/documents.js';
import type { Translation } from '../translation.js';

/** <reinscription-documents>: step 3 « Documents » and the standalone « add missing documents later » page. */
export const documents = {
  'documents.intro': 'Upload the documents needed for the student’s re-registration below, each in its own row.',
  // Said once, the same way as the recap and the confirmation: moving on is allowed, processing waits for every document.
  'documents.later': (p: When) =>
    `Missing a document? You can continue to the next step and add it later from your family account, until ${p.date} at ${p.time}. Incomplete applications will not be processed: the conservatoire will process yours once all the documents asked for have arrived.`,
  'documents.addLater.heading': (p: { name: string }) => `Add documents: ${p.name}`,
  'documents.addLater.intro':
    'The re-registration has been submitted. You still need to provide the documents marked “Needed” below: each one goes to the conservatoire as soon as it is uploaded, with nothing else to submit.',
  'documents.addLater.until': (p: When) =>
    `You can add them until ${p.date} at ${p.time}. Incomplete applications will not be processed: the conservatoire will process yours once all the documents asked for have arrived.`,
  'documents.addLater.done': 'All the documents asked for have been provided: there is nothing left to send.',
  'documents.limits': (p: { max: string; extensions: string }) =>
    `Each document can be up to ${p.max}. You can only upload a PDF or an image (accepted formats: ${p.extensions}).`,
  'documents.photoHint': 'A larger photo is made smaller automatically before it is uploaded, and stays readable.',
  'documents.dropHint': 'You can also drag a file onto the document’s row.',
  'documents.closed': (p: When) => `Adding documents online closed on ${p.date} at ${p.time}. If a document is missing, email the conservatoire.`,

  'documents.family.caption': 'Documents to provide – family',
  'documents.family.shared': 'These documents count for every student in the family: you only need to upload them once.',
  'documents.family.none': 'With your answers, no documents are needed for the family.',
  'documents.student.caption': 'Documents to provide – student',
  'documents.student.captionNamed': (p: { name: string }) => `Documents to provide – student: ${p.name}`,
  'documents.student.none': 'No documents are needed for this student.',

  'documents.column.name': 'Document',
  'documents.column.file': 'File name',
  'documents.column.date': 'Date',
  'documents.column.time': 'Time',
  'documents.column.size': 'Size',
  'documents.column.state': 'Status',
  'documents.column.actions': 'Actions',
  'documents.noFile': 'No file',

  'documents.state.missing': 'Needed',
  'documents.state.provided': 'Provided',
  'documents.state.shared': 'Already provided for the family',
  'documents.state.optional': 'Optional',
  'documents.state.unneeded': 'Provided, but no longer needed with your current answers: you can delete it.',
  'documents.state.checking': 'Checking the file…',
  'documents.state.compressing': (p: { size: string }) => `Making the photo smaller (${p.size})…`,
  'documents.state.uploading': (p: { loaded: string; total: string }) => `Uploading: ${p.loaded} of ${p.total}`,
  'documents.state.deleting': 'Deleting…',
  'documents.progressLabel': (p: { name: string }) => `Uploading ${p.name}`,
  'documents.compressed': (p: { from: string; to: string }) => `Photo made smaller from ${p.from} to ${p.to}.`,

  'documents.choose': 'Choose a file',
  'documents.photo': 'Take a photo',
  'documents.view': 'View',
  'documents.delete': 'Delete',
  'documents.cancelUpload': 'Cancel upload',
  /** Visually hidden after each button, so « Choose a file » is not ten identical buttons to a screen reader. */
  'documents.forPiece': (p: { label: string }) => `: ${p.label}`,
  'documents.delete.question': (p: { name: string }) => `Delete ${p.name}?`,
  'documents.delete.confirm': 'Yes, delete',
  'documents.openLink': (p: { name: string }) => `Open ${p.name}`,
  'documents.popupBlocked': 'Your browser blocked a new window. Use this link instead (it works for a few minutes):',

  'documents.announce.added': (p: { name: string; size: string }) => `File added: ${p.name} (${p.size})`,
  'documents.announce.deleted': (p: { name: string }) => `File deleted: ${p.name}`,
  'documents.announce.cancelled': (p: { name: string }) => `Upload cancelled: ${p.name}`,

  'documents.error.tooLarge': (p: { size: string; limit: string }) =>
    `The file is ${p.size}; the limit is ${p.limit}. Make it smaller or take a less detailed photo.`,
  'documents.error.empty': (p: { name: string }) => `The file “${p.name}” is empty (0 bytes). Check it is the right file, or save it again, then choose it.`,
  'documents.error.type': (p: { name: string }) => `The file must be a PDF, JPG or PNG; “${p.name}” is none of these.`,
  'documents.error.typeMisnamed': (p: { name: string }) =>
    `The file must be a PDF, JPG or PNG. “${p.name}” is named like one, but its content is none of these: open it to check, then save it again as a PDF, JPG or PNG.`,
  'documents.error.heic.intro': (p: { name: string }) =>
    `The photo “${p.name}” is in HEIC format (used by iPhones and Macs), which the conservatoire cannot read. To send it as a JPG:`,
  'documents.error.heic.camera': 'on an iPhone, use “Take a photo”: the photo is then sent as a JPG;',
  'documents.error.heic.settings': 'or, on an iPhone, go to Settings > Camera > Formats, choose “Most Compatible”, then take the photo again;',
  'documents.error.heic.mac': 'on a Mac, open the photo in Preview, then File > Export…, format JPEG, and choose this new file.',
  'documents.error.floor': (p: { size: string; limit: string }) =>
    `Even made as small as possible while staying readable, the photo is still ${p.size}; the limit is ${p.limit}. Take the photo closer to the document, showing only the page, on a plain background.`,
  'documents.error.decode': 'This image could not be read: the file may be damaged or incomplete. Choose another file or take a new photo.',
  'documents.error.read':
    'The file could not be read. If it is stored in an online service (iCloud, Google Drive…), save it to your device first, then choose it again.',
  'documents.error.severalFiles': 'Drop one file at a time: each document is one file.',
  'documents.error.uploadFailed': (p: { name: string }) => `“${p.name}” was not uploaded.`,
  'documents.error.deleteFailed': (p: { name: string }) => `“${p.name}” was not deleted.`,
  'documents.error.viewFailed': (p: { name: string }) => `“${p.name}” could not be opened.`,
  'documents.error.noStudent': 'This page does not know which student this is for. Go back to your family account and choose the student.',
} as const satisfies Translation<typeof frDocuments>;
