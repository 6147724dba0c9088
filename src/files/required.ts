import type { Campaign, DocumentCondition, DocumentType, Guardian, Registration, RegistrationAnswers, UploadedDocument } from '../api/contract.js';

/**
 * Which pieces a student's re-registration asks for, and which are already there. The rules
 * themselves come from the backend (Campaign.documents.types, each with a declarative condition);
 * this module only evaluates them on the parent's current answers, so the list follows step 1
 * (payment mode, bank change, address) without a round trip.
 */

export type RequiredState = 'provided' | 'missing' | 'optional';

export interface RequiredDocument {
  type: DocumentType;
  state: RequiredState;
  /** The uploaded piece(s) of this type, newest first; the first is the one shown. */
  uploaded: UploadedDocument[];
}

/** The answers the conditions read. The wizard passes its RegistrationAnswers; standalone, the family's. */
export interface DocumentAnswers {
  paymentMode: RegistrationAnswers['paymentMode'];
  bankChanged: RegistrationAnswers['bankChanged'];
  guardian: Pick<Guardian, 'city' | 'postalCode'>;
}

export interface RequiredOptions {
  /** The family's town when it is known apart from the answers (overrides guardian.city). */
  familyTown?: string;
  /** 18 or more on 1 September of the school year (src/schemas/age.ts). */
  adult: boolean;
  /** The uploaded pieces to match (defaults to registration.documents). */
  documents?: readonly UploadedDocument[];
}

/**
 * Postcodes that mean a town even when the city is misspelt (« Limonnest », « LIMONEST CEDEX »).
 * 69760 is Limonest's only postcode.
 */
const TOWN_POSTCODES: Record<string, readonly string[]> = { limonest: ['69760'] };

/** Case, accents, hyphens and apostrophes do not matter (« LIMONEST » = « Limonest »); abbreviations are not expanded. */
export function normaliseTown(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s'’-]+/g, ' ')
    .trim();
}

export function isResidentOf(town: string, guardian: Pick<Guardian, 'city' | 'postalCode'>, familyTown?: string): boolean {
  const wanted = normaliseTown(town);
  if (normaliseTown(familyTown ?? guardian.city) === wanted) return true;
  const postcode = guardian.postalCode.replace(/\s/g, '');
  return !!postcode && (TOWN_POSTCODES[wanted] ?? []).includes(postcode);
}

/** The disciplines a student follows: those of the courses, or the registration's own list. */
export function disciplinesOf(registration: Pick<Registration, 'courses' | 'disciplines'>): Set<string> {
  return new Set([...registration.disciplines, ...registration.courses.filter((c) => c.active).map((c) => c.discipline)]);
}

export function conditionHolds(
  condition: DocumentCondition,
  answers: DocumentAnswers,
  registration: Pick<Registration, 'courses' | 'disciplines'>,
  options: Pick<RequiredOptions, 'familyTown' | 'adult'>,
): boolean {
  const c = condition;
  if (c.paymentMode !== undefined && answers.paymentMode !== c.paymentMode) return false;
  // An unanswered bank question (null) does not ask for the mandate yet: step 1 asks it first.
  if (c.bankChanged !== undefined && answers.bankChanged !== c.bankChanged) return false;
  if (c.residentOf !== undefined && !isResidentOf(c.residentOf, answers.guardian, options.familyTown)) return false;
  if (c.discipline !== undefined && !disciplinesOf(registration).has(c.discipline)) return false;
  if (c.age !== undefined && (options.adult ? 'adult' : 'minor') !== c.age) return false;
  return true;
}

/** Whether an uploaded piece belongs to this student's list: family pieces are shared by all students. */
export function belongsTo(doc: UploadedDocument, type: DocumentType, studentId: string): boolean {
  if (doc.typeCode !== type.code) return false;
  return type.scope === 'family' ? doc.studentId === null : doc.studentId === studentId;
}

const newestFirst = (a: UploadedDocument, b: UploadedDocument) => Date.parse(b.uploadedAt) - Date.parse(a.uploadedAt);

/** The pieces that apply, in the campaign's order, each with its state. */
export function requiredDocuments(
  campaign: Pick<Campaign, 'documents'>,
  answers: DocumentAnswers,
  registration: Pick<Registration, 'studentId' | 'courses' | 'disciplines' | 'documents'>,
  options: RequiredOptions,
): RequiredDocument[] {
  const documents = options.documents ?? registration.documents;
  return campaign.documents.types
    .filter((type) => conditionHolds(type.condition, answers, registration, options))
    .map((type) => {
      const uploaded = documents.filter((d) => belongsTo(d, type, registration.studentId)).sort(newestFirst);
      const state: RequiredState = uploaded.length ? 'provided' : type.optional ? 'optional' : 'missing';
      return { type, state, uploaded };
    });
}

/**
 * Pieces already uploaded whose type no longer applies (e.g. a SEPA mandate sent before the
 * parent chose to pay in one go). Listed so they can be removed, never silently hidden.
 */
export function unneededDocuments(
  campaign: Pick<Campaign, 'documents'>,
  required: readonly RequiredDocument[],
  studentId: string,
  documents: readonly UploadedDocument[],
): { type: DocumentType; uploaded: UploadedDocument[] }[] {
  const applying = new Set(required.map((r) => r.type.code));
  return campaign.documents.types
    .filter((type) => !applying.has(type.code))
    .map((type) => ({ type, uploaded: documents.filter((d) => belongsTo(d, type, studentId)).sort(newestFirst) }))
    .filter((r) => r.uploaded.length > 0);
}
