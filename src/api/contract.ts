import * as z from 'zod/mini';
import { HttpsUrl, RichText } from './blocks.js';
import { DateTime, Text } from './contract-session.js';

/**
 * The backend contract: every request and response body, as zod schemas.
 * The API client validates every response against these; the MSW mock parses every request with
 * them and answers 422 on a mismatch; `npm run openapi` writes openapi.json from them.
 * Checks only, no transforms, so each schema is also a faithful JSON Schema.
 */

// The login's part of the contract lives in the main module (see contract-session.ts).
export { DateTime, ErrorBody, LoginRequest, Session } from './contract-session.js';

/** A calendar date, YYYY-MM-DD. */
export const IsoDate = z.iso.date();

/** The six steps of a re-registration, in the manual's order; the count is defined here only. */
export const STEPS = [1, 2, 3, 4, 5, 6] as const;
export type Step = (typeof STEPS)[number];
const StepNumber = z.number().check(z.int(), z.minimum(1), z.maximum(STEPS.length));
const Id = z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/));

// ---------------------------------------------------------------- password reset

export const PasswordResetRequest = z.object({
  identifier: z.string().check(z.minLength(1), z.maxLength(100)),
  email: z.string().check(z.minLength(3), z.maxLength(254)),
});
export type PasswordResetRequest = z.infer<typeof PasswordResetRequest>;

/** Always the same answer, whether or not the pair exists: no account enumeration. */
export const PasswordResetResponse = z.object({ accepted: z.literal(true) });

// ---------------------------------------------------------------- campaign

export const ReferenceItem = z.object({ code: Text(20), label: Text(200) });
export type ReferenceItem = z.infer<typeof ReferenceItem>;

export const References = z.object({
  civilites: z.array(ReferenceItem),
  situationsFamiliales: z.array(ReferenceItem),
  pcs: z.array(ReferenceItem),
  niveauxScolaires: z.array(ReferenceItem),
});
export type References = z.infer<typeof References>;

export const PaymentMode = z.object({
  code: Id,
  label: Text(200),
  explanation: RichText,
  /** Direct debit: a new SEPA mandate and IBAN are asked only when the bank account changed. */
  asksBankChange: z.boolean(),
});
export type PaymentMode = z.infer<typeof PaymentMode>;

/**
 * When a document type is required. Every field given must hold; an empty object means always.
 * Kept declarative so the secretary's rules live in the backend, not in the widget.
 */
export const DocumentCondition = z.object({
  paymentMode: z.optional(Id),
  bankChanged: z.optional(z.boolean()),
  residentOf: z.optional(Text(100)),
  discipline: z.optional(z.enum(['musique', 'danse', 'theatre'])),
  age: z.optional(z.enum(['adult', 'minor'])),
});
export type DocumentCondition = z.infer<typeof DocumentCondition>;

export const DocumentType = z.object({
  code: Id,
  label: Text(300),
  scope: z.enum(['family', 'student']),
  condition: DocumentCondition,
  /** Optional pieces say what happens without them (e.g. no QF certificate: the Q7 rate applies). */
  optional: z.boolean(),
  consequence: z.optional(Text(500)),
});
export type DocumentType = z.infer<typeof DocumentType>;

export const Authorisation = z.object({
  code: z.enum(['image', 'sortie']),
  label: Text(200),
  text: RichText,
  /** Wording for adult students, where it differs. */
  adultText: z.optional(RichText),
  version: Text(40),
});
export type Authorisation = z.infer<typeof Authorisation>;

/**
 * A campaign's own texts in another language, by the same codes. Any text left out stays in
 * French and is marked `lang="fr"` where it shows (api/localise.ts), so a screen reader reads it
 * with a French voice on an English page.
 */
export const CampaignTranslation = z.object({
  authorisations: z.optional(z.record(z.string(), z.object({ label: z.optional(Text(200)), text: z.optional(RichText), adultText: z.optional(RichText) }))),
  documentTypes: z.optional(z.record(z.string(), z.object({ label: z.optional(Text(300)), consequence: z.optional(Text(500)) }))),
  paymentModes: z.optional(z.record(z.string(), z.object({ label: z.optional(Text(200)), explanation: z.optional(RichText) }))),
  paymentNotes: z.optional(RichText),
  courseNotes: z.optional(RichText),
});
export type CampaignTranslation = z.infer<typeof CampaignTranslation>;

export const Campaign = z.object({
  schoolYear: z.string().check(z.regex(/^\d{4}-\d{4}$/)),
  opensAt: DateTime,
  closesAt: DateTime,
  serverNow: DateTime,
  isOpen: z.boolean(),
  /** Missing pieces can still be added until then, after closing. */
  documentsUntil: DateTime,
  timeZone: z.literal('Europe/Paris'),
  rules: z.object({ url: HttpsUrl, version: Text(40) }),
  privacy: z.object({ url: HttpsUrl, controller: Text(200) }),
  /**
   * The town's « Déclaration d'accessibilité » (a legal obligation for a public body, RGAA), linked
   * from the widget's footer; `status` as it states it: « partiellement conforme »…
   */
  accessibility: z.optional(z.object({ url: HttpsUrl, status: z.optional(Text(100)) })),
  contactEmail: z.email(),
  town: Text(100),
  paymentModes: z.array(PaymentMode),
  paymentNotes: RichText,
  documents: z.object({
    maxBytes: z.number().check(z.int(), z.positive()),
    acceptedTypes: z.array(z.enum(['application/pdf', 'image/jpeg', 'image/png'])),
    acceptedExtensions: z.array(Text(10)),
    types: z.array(DocumentType),
  }),
  authorisations: z.array(Authorisation),
  courseNotes: RichText,
  additionalInfoMaxLength: z.number().check(z.int(), z.positive()),
  references: References,
  /** The texts above in other languages than French (`en`); optional, and each text in it too. */
  translations: z.optional(z.object({ en: z.optional(CampaignTranslation) })),
});
export type Campaign = z.infer<typeof Campaign>;

// ---------------------------------------------------------------- family and students

export const StudentStatus = z.enum(['a-faire', 'brouillon', 'envoyee', 'envoyee-incomplete', 'ne-se-reinscrit-pas']);
export type StudentStatus = z.infer<typeof StudentStatus>;

/** Phones travel normalised (E.164) or empty. */
export const Phone = z.string().check(z.regex(/^(\+[1-9]\d{6,14})?$/));

/** Who a person is, for the guardian and the student alike. */
const identity = {
  civilite: Text(20),
  lastName: Text(100),
  firstName: Text(100),
  birthDate: z.nullable(IsoDate),
  birthPlace: Text(100),
  birthDepartment: Text(3),
};
/** Where a person is reached. */
const contact = {
  address: Text(300),
  postalCode: Text(20),
  city: Text(100),
  phoneHome: Phone,
  phoneMobile: Phone,
  phoneWork: Phone,
  email: Text(254),
};

/** Coordinates as stored; prefilled values may predate today's lists (e.g. « Mademoiselle »). */
export const Guardian = z.object({
  ...identity,
  country: Text(2),
  ...contact,
  situationFamiliale: Text(20),
  pcs: Text(20),
  profession: Text(100),
  extraPhones: z.array(Phone).check(z.maxLength(3)),
});
export type Guardian = z.infer<typeof Guardian>;

export const StudentCoordinates = z.object({
  ...identity,
  situationFamiliale: Text(20),
  useGuardianAddress: z.boolean(),
  ...contact,
  emergencyContact: Text(200),
  emergencyPhone: Phone,
  school: Text(200),
  schoolLevel: Text(20),
});
export type StudentCoordinates = z.infer<typeof StudentCoordinates>;

export const StudentSummary = z.object({
  id: Id,
  lastName: Text(100),
  firstName: Text(100),
  status: StudentStatus,
  /** Reference of the submission, once sent. */
  reference: z.optional(Text(40)),
  /** When it was sent (a status « Envoyée le … »). */
  submittedAt: z.optional(DateTime),
  /** The step a saved draft reached (a status « En cours — reprendre à l'étape 3 »). */
  draftStep: z.optional(StepNumber),
  /** Once sent: the required piece types still missing (their codes; family pieces are the types with scope « family »). */
  missingDocuments: z.optional(z.array(Id)),
});
export type StudentSummary = z.infer<typeof StudentSummary>;

export const Family = z.object({
  id: Id,
  guardian: Guardian,
  paymentMode: z.nullable(Id),
  bankChanged: z.nullable(z.boolean()),
  students: z.array(StudentSummary),
});
export type Family = z.infer<typeof Family>;

export const FamilyUpdate = z.object({
  guardian: Guardian,
  paymentMode: z.nullable(Id),
  bankChanged: z.nullable(z.boolean()),
});
export type FamilyUpdate = z.infer<typeof FamilyUpdate>;

export const Course = z.object({
  cursus: Text(200),
  cours: Text(200),
  ha: z.optional(Text(50)),
  teacher: Text(200),
  cycle: Text(50),
  active: z.boolean(),
  discipline: z.enum(['musique', 'danse', 'theatre']),
});
export type Course = z.infer<typeof Course>;

export const UploadedDocument = z.object({
  id: Id,
  typeCode: Id,
  scope: z.enum(['family', 'student']),
  studentId: z.nullable(Id),
  fileName: Text(255),
  size: z.number().check(z.int(), z.nonnegative()),
  mimeType: z.enum(['application/pdf', 'image/jpeg', 'image/png']),
  uploadedAt: DateTime,
});
export type UploadedDocument = z.infer<typeof UploadedDocument>;

export const YesNo = z.nullable(z.enum(['oui', 'non']));

/** What the parent answers in the wizard, for one student: the draft and the submission carry it. */
export const RegistrationAnswers = z.object({
  guardian: Guardian,
  student: StudentCoordinates,
  paymentMode: z.nullable(Id),
  bankChanged: z.nullable(z.boolean()),
  authorisations: z.object({ image: YesNo, sortie: YesNo }),
  administrativeReregistration: z.boolean(),
  /**
   * With « Réinscription administrative » (after the Découverte Instrumentale): the instrument chosen
   * and the day for FM1C1 and the choir, as the manual asks. Absent when the box is not checked, and
   * in drafts saved before it existed.
   */
  administrativeDetails: z.optional(z.object({ instrument: Text(100), day: Text(100) })),
  additionalInfo: Text(4000),
});
export type RegistrationAnswers = z.infer<typeof RegistrationAnswers>;

/** What the backend did with the receipt e-mail: sent (to which address) or not, so the confirmation never claims it. */
export const Receipt = z.object({ sent: z.boolean(), to: z.optional(Text(254)) });
export type Receipt = z.infer<typeof Receipt>;

export const Submission = z.object({
  reference: Text(40),
  submittedAt: DateTime,
  status: z.enum(['envoyee', 'envoyee-incomplete']),
  missingDocuments: z.array(Id),
  receipt: Receipt,
});
export type Submission = z.infer<typeof Submission>;

export const Registration = z.object({
  studentId: Id,
  status: StudentStatus,
  student: StudentCoordinates,
  disciplines: z.array(z.enum(['musique', 'danse', 'theatre'])),
  courses: z.array(Course),
  administrativeReregistrationApplies: z.boolean(),
  documents: z.array(UploadedDocument),
  /** The last saved draft, if any. */
  draft: z.nullable(z.object({ answers: RegistrationAnswers, step: StepNumber, savedAt: DateTime })),
  submission: z.nullable(Submission),
  declineReason: z.nullable(Text(1000)),
});
export type Registration = z.infer<typeof Registration>;

export const DraftRequest = z.object({
  answers: RegistrationAnswers,
  step: StepNumber,
});
export type DraftRequest = z.infer<typeof DraftRequest>;

export const DraftSaved = z.object({ savedAt: DateTime, status: StudentStatus });

export const FieldChange = z.object({ field: Text(100), label: Text(200), before: Text(500), after: Text(500) });
export type FieldChange = z.infer<typeof FieldChange>;

export const SubmissionRequest = z.object({
  answers: RegistrationAnswers,
  /** Proof for the office: which texts were accepted, and when. */
  acceptance: z.object({
    rulesVersion: Text(40),
    authorisationVersions: z.object({ image: Text(40), sortie: Text(40) }),
    acceptedAt: DateTime,
  }),
  changes: z.array(FieldChange),
});
export type SubmissionRequest = z.infer<typeof SubmissionRequest>;

export const DeclineRequest = z.object({ reason: z.optional(Text(1000)) });
export type DeclineRequest = z.infer<typeof DeclineRequest>;

export const DeclineResponse = z.object({ status: z.literal('ne-se-reinscrit-pas') });

export const DocumentLink = z.object({ url: z.url(), expiresAt: DateTime });
export type DocumentLink = z.infer<typeof DocumentLink>;

/** Multipart fields of POST /documents (the file itself is the `file` part). */
export const UploadFields = z.object({
  typeCode: Id,
  studentId: z.optional(Id),
});
export type UploadFields = z.infer<typeof UploadFields>;
