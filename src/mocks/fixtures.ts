import type { RegistrationAnswers, UploadedDocument } from '../api/contract.js';
import { DEMO_FAMILY_ID } from './seed.js';
import type { MockStore } from './store.js';

/**
 * Starting states of the mock backend, applied after a reset (the mock server's
 * `POST /__mock/reset {fixture}`, the demo's « État de départ », tests): a cell of the fault table
 * starts from one of these plus a journey snapshot instead of replaying a login and five steps.
 * Browser-safe, like the rest of src/mocks/.
 */
export const FIXTURE_NAMES = ['seed', 'draft-at-step-5', 'documents-uploaded'] as const;
export type FixtureName = (typeof FIXTURE_NAMES)[number];

export const FIXTURE_DESCRIPTIONS: Record<FixtureName, string> = {
  seed: 'Données de départ : aucune réinscription commencée',
  'draft-at-step-5': 'Brouillon de MOREAU Gianni enregistré à l’étape 5, toutes les réponses données',
  'documents-uploaded': 'Une attestation de responsabilité civile déjà déposée pour MOREAU Gianni',
};

export const isFixtureName = (name: unknown): name is FixtureName => typeof name === 'string' && (FIXTURE_NAMES as readonly string[]).includes(name);

/** The student the fixtures prepare: the demo family's eldest. */
export const FIXTURE_STUDENT = 'gianni';
/** The piece 'documents-uploaded' puts on the server. */
export const FIXTURE_DOCUMENT = { typeCode: 'responsabilite-civile', fileName: 'attestation-rc.pdf' } as const;

/** A small valid PDF (the mock sniffs the first bytes). */
export const FIXTURE_PDF = (): Uint8Array<ArrayBuffer> =>
  new TextEncoder().encode('%PDF-1.4\n% fixture\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n') as Uint8Array<ArrayBuffer>;

/**
 * A student's answers as a parent leaves them at the recap: the stored details confirmed, the new
 * school year's level, both authorisations answered, no new bank account, a note for the office.
 */
export function completeAnswers(store: MockStore, studentId: string = FIXTURE_STUDENT): RegistrationAnswers {
  const answers = store.answersFor(studentId);
  return {
    ...answers,
    student: { ...answers.student, schoolLevel: answers.student.schoolLevel === '5e' ? '4e' : answers.student.schoolLevel },
    bankChanged: false,
    authorisations: { image: 'oui', sortie: 'non' },
    additionalInfo: 'FM le mercredi de préférence.',
  };
}

/** Puts the fixture's state in a store just reset to the seed; returns what a test needs to know of it. */
export function applyFixture(store: MockStore, name: FixtureName): { documents: UploadedDocument[] } {
  switch (name) {
    case 'seed':
      return { documents: [] };
    case 'draft-at-step-5':
      store.saveDraft(DEMO_FAMILY_ID, FIXTURE_STUDENT, { answers: completeAnswers(store), step: 5 });
      return { documents: [] };
    case 'documents-uploaded': {
      const doc = store.upload(
        DEMO_FAMILY_ID,
        { typeCode: FIXTURE_DOCUMENT.typeCode, studentId: FIXTURE_STUDENT },
        { name: FIXTURE_DOCUMENT.fileName, bytes: FIXTURE_PDF() },
      );
      return { documents: [doc] };
    }
  }
}

/** Back to the seed, then the fixture. */
export function resetWithFixture(store: MockStore, name: FixtureName = 'seed'): { documents: UploadedDocument[] } {
  store.reset();
  return applyFixture(store, name);
}
