import type { authorisations as frAuthorisations } from '../fr/authorisations.js';
import type { Translation } from '../translation.js';

/** <reinscription-authorisations>: step 2 « Authorisations » (image rights, leaving alone). */
export const authorisations = {
  'authorisations.heading': 'Image rights and authorisation to leave alone',
  'authorisations.intro': 'Answer Yes or No to each of the two questions. The full text of each authorisation is under its question.',
  'authorisations.image.legend': 'Image rights',
  'authorisations.sortie.legend': 'Authorisation to leave alone',
  'authorisations.readText': 'Read the text',
  /** Visually hidden after « Read the text », so the two disclosures have distinct names. */
  'authorisations.readTextOf': (p: { label: string }) => ` of the “${p.label}” authorisation`,
  'authorisations.sortie.adultHint': 'The student is 18 or over: answer Yes or No to complete the re-registration.',
  'authorisations.image.required': 'Say whether you give image rights for the student (Yes or No)',
  'authorisations.sortie.required': 'Say whether the student may leave the conservatoire alone (Yes or No)',
  'authorisations.sortie.adultRequired': 'Answer Yes or No for the authorisation to leave alone, to complete the re-registration',
  'authorisations.serverRefused': (p: { field: string }) =>
    `The conservatoire’s server did not accept your answer to “${p.field}”. Check it, then continue to the next step.`,
} as const satisfies Translation<typeof frAuthorisations>;
