import type { FamilyUpdate, FieldChange, RegistrationAnswers, Submission, UploadedDocument } from '../api/contract.js';
import type { CoordinatesForm } from '../schemas/coordinates.js';
import { initialState, type JourneyState, type Step } from './machine.js';

/** What the wizard remembers for one student while the parent works on it. */
export interface StudentWork {
  answers: RegistrationAnswers;
  /** The step-1 form exactly as typed (raw strings), so nothing typed is lost on the way. */
  coordinatesForm?: CoordinatesForm;
  changes: FieldChange[];
  /** The pieces on the server for this student (the family's and the student's), as the last answer listed them. */
  documents: UploadedDocument[];
  accepted: boolean;
  acceptedAt?: string;
  /** One key per version of the answers: a retry of the same answers reuses it. */
  idempotency?: { key: string; fingerprint: string };
  submission?: Submission;
}

/**
 * A server write the save queue has not got through yet, kept with the answers so that a reload
 * of the tab sends it again instead of dropping it. `familyId`: sent again only to the family that
 * typed it. A draft carries no answers of its own: it sends the student's answers as they are then.
 */
export type PendingWrite = { familyId: string; studentId: string } & ({ key: 'family'; body: FamilyUpdate } | { key: `draft:${string}`; step: Step });

export interface StoredJourney {
  journey: JourneyState;
  students: Record<string, StudentWork>;
  /** The guardian's details and the payment were saved to the family from this student's step 1, at that time. */
  familyConfirmed?: { studentId: string; at: string };
  /** What the save queue had not sent when the tab was last written, in the order it sends. */
  pending?: PendingWrite[];
}

const key = (apiUrl: string) => `reinscription-wizard:journey:${apiUrl}`;

/**
 * The journey is kept in sessionStorage (it dies with the tab, like the token), never in
 * localStorage; « Déconnexion » clears it. It never contains the password.
 */
export function loadJourney(apiUrl: string): StoredJourney {
  try {
    const raw = sessionStorage.getItem(key(apiUrl));
    if (raw) {
      const parsed = JSON.parse(raw) as Partial<StoredJourney>;
      if (parsed.journey?.screen && parsed.students) {
        // What the wizard was doing died with the page: it boots again; a session that expired
        // meanwhile is found out then.
        const journey = { ...initialState(), ...parsed.journey, activity: initialState().activity, sessionExpired: false };
        const students = Object.fromEntries(Object.entries(parsed.students).map(([id, work]) => [id, { ...work, documents: work.documents ?? [] }]));
        return {
          journey,
          students,
          ...(parsed.familyConfirmed ? { familyConfirmed: parsed.familyConfirmed } : {}),
          ...(parsed.pending?.length ? { pending: parsed.pending } : {}),
        };
      }
    }
  } catch {
    // Unreadable or disabled storage: start afresh.
  }
  return { journey: initialState(), students: {} };
}

export function saveJourney(apiUrl: string, stored: StoredJourney): void {
  try {
    sessionStorage.setItem(key(apiUrl), JSON.stringify(stored));
  } catch {
    // Storage full or disabled: the journey still lives in memory.
  }
}

export function clearJourney(apiUrl: string): void {
  try {
    sessionStorage.removeItem(key(apiUrl));
  } catch {
    // Nothing to clear.
  }
}

/** A stable fingerprint of what is being submitted, to reuse the Idempotency-Key across retries. */
export function fingerprint(value: unknown): string {
  const json = JSON.stringify(value);
  let h = 2166136261;
  for (let i = 0; i < json.length; i++) {
    h ^= json.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return `${json.length}-${(h >>> 0).toString(16)}`;
}
