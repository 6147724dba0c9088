import type {
  Campaign,
  DocumentCondition,
  DocumentLink,
  DocumentType,
  DraftRequest,
  ErrorBody,
  Family,
  FamilyUpdate,
  Registration,
  RegistrationAnswers,
  Session,
  StudentStatus,
  Submission,
  SubmissionRequest,
  UploadedDocument,
  UploadFields,
} from '../api/contract.js';
import {
  ACCEPTED_EXTENSIONS,
  ACCEPTED_TYPES,
  ADDITIONAL_INFO_MAX_LENGTH,
  authorisations,
  CONTACT_EMAIL,
  courseNotes,
  DEMO_CREDENTIALS,
  documentTypes,
  MAX_UPLOAD_BYTES,
  paymentModes,
  paymentNotes,
  PRIVACY,
  REFERENCES,
  rules,
  schoolYearLabel,
  seedFamilies,
  TIME_ZONE,
  TOWN,
  TOWN_POSTAL_CODE,
  type SeedFamily,
} from './seed.js';
import { isAdultForSchoolYear } from '../schemas/age.js';
import { receiptMail } from './receipt-mail.js';
import { parisInstant, toParisIso } from '../format/paris-time.js';
import { campaignEnglish } from './seed-en.js';

/**
 * The mock backend's state, in memory. Plain methods that return contract types or throw a
 * MockError; the MSW handlers only add HTTP around them. One store per test, or `reset()`.
 *
 * Longer than the ~400 lines a module should keep to, on purpose: it is the one place that says
 * what the backend does, route by route, in the order of src/api/routes.ts, so that a backend team
 * reads the whole behaviour (statuses, refusals, idempotency, the e-mails) in one file; only the
 * receipt's wording lives apart, in receipt-mail.ts.
 */

export class MockError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
    readonly headers: Record<string, string> = {},
  ) {
    super(`${status} ${body.code}`);
  }
}

export type MimeType = (typeof ACCEPTED_TYPES)[number];
type Discipline = 'musique' | 'danse' | 'theatre';

export interface StoreOptions {
  /** The server's clock; every expiry and the campaign's `isOpen` read it. */
  now?: () => Date;
  opensAt?: Date | string;
  closesAt?: Date | string;
  documentsUntil?: Date | string;
  /** « 2027-2028 »; by default the next school year starting on 1 September after `now`. */
  schoolYear?: string;
  sessionMinutes?: number;
  linkMinutes?: number;
}

export interface SessionRecord {
  token: string;
  familyId: string;
  expiresAt: number;
}

/** An e-mail the mock « sent »: the password reset's, or a submission's receipt. */
export interface SentMail {
  kind: 'password-reset' | 'receipt';
  to: string;
  subject: string;
  body: string;
  /** The new password of a password-reset e-mail; empty in a receipt. */
  password: string;
  sentAt: string;
  /** A receipt's reference, student and missing pieces (codes), for tests and the demo's outbox. */
  receipt?: { reference: string; studentId: string; missingDocuments: string[] };
}

export interface SubmitOptions {
  /** The 'mail-error' scenario: the submission is stored, its receipt cannot be sent. */
  mailServerDown?: boolean;
}

export interface StoredDocument extends UploadedDocument {
  familyId: string;
  bytes: Uint8Array<ArrayBuffer>;
}

export interface SubmissionRecord {
  idempotencyKey: string;
  familyId: string;
  studentId: string;
  request: SubmissionRequest;
  submission: Submission;
}

export interface DeclineRecord {
  familyId: string;
  studentId: string;
  reason: string | null;
  declinedAt: string;
}

interface StudentRecord {
  id: string;
  familyId: string;
  coordinates: Registration['student'];
  courses: Registration['courses'];
  administrativeReregistrationApplies: boolean;
  status: StudentStatus;
  draft: Registration['draft'];
  submission: Submission | null;
  declineReason: string | null;
  authorisations: RegistrationAnswers['authorisations'] | null;
}

interface FamilyRecord {
  id: string;
  account: SeedFamily['account'];
  guardian: Family['guardian'];
  paymentMode: string | null;
  bankChanged: boolean | null;
}

// ---------------------------------------------------------------- time in Paris

const isoDateFormat = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const humanFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: TIME_ZONE, dateStyle: 'long', timeStyle: 'short' });

/** The Paris calendar date of an instant, YYYY-MM-DD. */
export function parisCalendarDate(at: Date): string {
  return isoDateFormat.format(at);
}

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Re-registration prepares the next school year: the one starting on the first 1 September after `at`. */
export function nextSchoolYear(at: Date): string {
  const [year, month] = parisCalendarDate(at).split('-').map(Number) as [number, number];
  return schoolYearLabel(month >= 9 ? year + 1 : year);
}

// ---------------------------------------------------------------- helpers

const normalise = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase();

function randomToken(): string {
  return crypto.randomUUID();
}

const PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** Readable (no 0/O, 1/l/I) since a parent may copy it by hand from the e-mail. */
function randomPassword(length = 12): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return Array.from(bytes, (b) => PASSWORD_ALPHABET[b % PASSWORD_ALPHABET.length]).join('');
}

const clone = <T>(value: T): T => structuredClone(value);

const toDate = (v: Date | string): Date => (v instanceof Date ? v : new Date(v));

/** The first bytes decide the type, never the file name or the declared type. */
export function sniffType(bytes: Uint8Array): MimeType | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'application/pdf';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'image/png';
  return null;
}

const notFound = (what: string) => new MockError(404, { code: 'not-found', message: `${what} introuvable.` });

// ---------------------------------------------------------------- the store

export class MockStore {
  readonly now: () => Date;
  readonly #options: StoreOptions;

  schoolYear = '';
  opensAt = new Date(0);
  closesAt = new Date(0);
  documentsUntil = new Date(0);

  families = new Map<string, FamilyRecord>();
  students = new Map<string, StudentRecord>();
  sessions = new Map<string, SessionRecord>();
  documents = new Map<string, StoredDocument>();
  fileLinks = new Map<string, { documentId: string; expiresAt: number }>();
  /** Every submission ever stored: idempotency tests assert there is exactly one. */
  submissions: SubmissionRecord[] = [];
  declines: DeclineRecord[] = [];
  /** The e-mails « sent » (password resets, receipts of submissions); the demo page shows them. */
  outbox: SentMail[] = [];
  #sequence = 123;

  /** Milliseconds added to the clock of `options.now` (the mock server's `POST /__mock/clock`); 0 after a reset. */
  #clockOffsetMs = 0;

  constructor(options: StoreOptions = {}) {
    this.#options = options;
    const clock = options.now ?? (() => new Date());
    this.now = () => (this.#clockOffsetMs ? new Date(clock().getTime() + this.#clockOffsetMs) : clock());
    this.reset();
  }

  /**
   * Moves the server's clock to `at` (it keeps running from there), or back to the real one with
   * null. The campaign's dates stay where they are: a test moves the clock past them.
   */
  setClock(at: Date | null): void {
    this.#clockOffsetMs = 0;
    if (at) this.#clockOffsetMs = at.getTime() - this.now().getTime();
  }

  /** Sets some of the campaign's dates (the mock server's `POST /__mock/campaign`), to test a closed or a not-yet-open campaign. */
  setCampaignDates(dates: { opensAt?: Date; closesAt?: Date; documentsUntil?: Date }): void {
    if (dates.opensAt) this.opensAt = dates.opensAt;
    if (dates.closesAt) this.closesAt = dates.closesAt;
    if (dates.documentsUntil) this.documentsUntil = dates.documentsUntil;
  }

  /** Back to the seed, with the clock back to `options.now` and the campaign's dates computed again from it. */
  reset(): void {
    const o = this.#options;
    this.#clockOffsetMs = 0;
    const now = this.now();
    const today = parisCalendarDate(now);
    this.opensAt = o.opensAt ? toDate(o.opensAt) : parisInstant(addDays(today, -20), '00:00');
    this.closesAt = o.closesAt ? toDate(o.closesAt) : parisInstant(addDays(today, 10), '23:59');
    this.documentsUntil = o.documentsUntil ? toDate(o.documentsUntil) : parisInstant(addDays(parisCalendarDate(this.closesAt), 14), '23:59');
    this.schoolYear = o.schoolYear ?? nextSchoolYear(this.closesAt);

    this.families.clear();
    this.students.clear();
    this.sessions.clear();
    this.documents.clear();
    this.fileLinks.clear();
    this.submissions = [];
    this.declines = [];
    this.outbox = [];
    this.#sequence = 123;
    this.seed(seedFamilies());
  }

  /**
   * Adds families in the seed's shape, as an import would (the mock server's `POST /__mock/seed`).
   * A family id, an identifier or a student id already known is a 409: nothing is added then.
   */
  seed(families: SeedFamily[]): void {
    const identifiers = new Set([...this.families.values()].map((f) => f.account.identifier.toLowerCase()));
    const studentIds = new Set(this.students.keys());
    const familyIds = new Set(this.families.keys());
    for (const f of families) {
      const clash = familyIds.has(f.id) || identifiers.has(f.account.identifier.toLowerCase()) || f.students.some((s) => studentIds.has(s.id));
      if (clash) throw new MockError(409, { code: 'conflict', message: `La famille ${f.id} (ou l'un de ses élèves) existe déjà.` });
      familyIds.add(f.id);
      identifiers.add(f.account.identifier.toLowerCase());
      for (const s of f.students) studentIds.add(s.id);
    }
    for (const f of clone(families)) {
      this.families.set(f.id, { id: f.id, account: f.account, guardian: f.guardian, paymentMode: f.paymentMode, bankChanged: f.bankChanged });
      for (const s of f.students) {
        this.students.set(s.id, {
          id: s.id,
          familyId: f.id,
          coordinates: s.coordinates,
          courses: s.courses,
          administrativeReregistrationApplies: s.administrativeReregistrationApplies,
          status: 'a-faire',
          draft: null,
          submission: null,
          declineReason: null,
          authorisations: null,
        });
      }
    }
  }

  get startYear(): number {
    return Number(this.schoolYear.slice(0, 4));
  }

  isOpen(at = this.now()): boolean {
    return at >= this.opensAt && at <= this.closesAt;
  }

  campaign(): Campaign {
    const now = this.now();
    return {
      schoolYear: this.schoolYear,
      opensAt: toParisIso(this.opensAt),
      closesAt: toParisIso(this.closesAt),
      serverNow: now.toISOString(),
      isOpen: this.isOpen(now),
      documentsUntil: toParisIso(this.documentsUntil),
      timeZone: TIME_ZONE,
      rules: rules(this.startYear),
      privacy: { ...PRIVACY },
      accessibility: { url: 'https://www.limonest.fr/accessibilite', status: 'partiellement conforme' },
      contactEmail: CONTACT_EMAIL,
      town: TOWN,
      paymentModes: paymentModes(),
      paymentNotes: paymentNotes(this.startYear),
      documents: {
        maxBytes: MAX_UPLOAD_BYTES,
        acceptedTypes: [...ACCEPTED_TYPES],
        acceptedExtensions: [...ACCEPTED_EXTENSIONS],
        types: documentTypes(),
      },
      authorisations: authorisations(),
      courseNotes: courseNotes(this.startYear),
      additionalInfoMaxLength: ADDITIONAL_INFO_MAX_LENGTH,
      references: clone(REFERENCES),
      translations: { en: campaignEnglish() },
    };
  }

  // ------------------------------------------------------------ session

  login(identifier: string, password: string): Session {
    const family = this.#familyByIdentifier(identifier);
    if (!family || family.account.password !== password) {
      throw new MockError(401, { code: 'invalid-credentials', message: 'Identifiant ou mot de passe incorrect.' });
    }
    const session: SessionRecord = { token: randomToken(), familyId: family.id, expiresAt: this.#sessionExpiry() };
    this.sessions.set(session.token, session);
    return this.#sessionBody(session);
  }

  /**
   * A session for a family without its password: the fault table and other tests seed a logged-in
   * state this way (the mock server's `POST /__mock/session`), never a real backend.
   */
  openSession(identifier: string = DEMO_CREDENTIALS.identifier): Session {
    const family = this.#familyByIdentifier(identifier);
    if (!family) throw notFound('Famille');
    const session: SessionRecord = { token: randomToken(), familyId: family.id, expiresAt: this.#sessionExpiry() };
    this.sessions.set(session.token, session);
    return this.#sessionBody(session);
  }

  /** The session of an `Authorization: Bearer …` header, or a 401. */
  authenticate(authorization: string | null): SessionRecord {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '')?.[1];
    const session = token ? this.sessions.get(token) : undefined;
    if (!session) throw new MockError(401, { code: 'unauthorized', message: 'Connexion requise.' });
    if (session.expiresAt <= this.now().getTime()) {
      this.sessions.delete(session.token);
      throw new MockError(401, { code: 'session-expired', message: 'La session a expiré.' });
    }
    return session;
  }

  extendSession(session: SessionRecord): Session {
    session.expiresAt = this.#sessionExpiry();
    return this.#sessionBody(session);
  }

  logout(session: SessionRecord): void {
    this.sessions.delete(session.token);
  }

  /**
   * As iMuse does: a matching identifier + e-mail pair gets a NEW password, which makes the
   * previous one stop working. The caller answers the same whether or not the pair matched.
   */
  requestPasswordReset(identifier: string, email: string): void {
    const family = this.#familyByIdentifier(identifier);
    if (!family || normalise(family.account.email) !== normalise(email)) return;
    const password = randomPassword();
    family.account.password = password;
    this.outbox.push({
      kind: 'password-reset',
      to: family.account.email,
      subject: 'Conservatoire de Limonest : votre nouveau mot de passe',
      body:
        'Bonjour,\n\n' +
        `Voici votre nouveau mot de passe pour l'accès usager du Conservatoire municipal de Limonest : ${password}\n` +
        `Votre identifiant : ${family.account.identifier}\n\n` +
        "Ce mot de passe remplace le précédent. Si vous n'êtes pas à l'origine de cette demande, " +
        `écrivez-nous à ${CONTACT_EMAIL}.\n\n` +
        'Le Conservatoire municipal de Limonest',
      password,
      sentAt: this.now().toISOString(),
    });
  }

  #familyByIdentifier(identifier: string): FamilyRecord | undefined {
    const wanted = identifier.trim().toLowerCase();
    return [...this.families.values()].find((f) => f.account.identifier.toLowerCase() === wanted);
  }

  #sessionExpiry(): number {
    return this.now().getTime() + (this.#options.sessionMinutes ?? 30) * 60000;
  }

  #sessionBody(session: SessionRecord): Session {
    return { token: session.token, expiresAt: new Date(session.expiresAt).toISOString(), serverNow: this.now().toISOString() };
  }

  // ------------------------------------------------------------ family

  family(familyId: string): Family {
    const f = this.#family(familyId);
    return {
      id: f.id,
      guardian: clone(f.guardian),
      paymentMode: f.paymentMode,
      bankChanged: f.bankChanged,
      students: [...this.students.values()]
        .filter((s) => s.familyId === familyId)
        .map((s) => ({
          id: s.id,
          lastName: s.coordinates.lastName,
          firstName: s.coordinates.firstName,
          status: s.status,
          ...(s.submission
            ? { reference: s.submission.reference, submittedAt: s.submission.submittedAt, missingDocuments: [...s.submission.missingDocuments] }
            : {}),
          ...(s.draft && s.status === 'brouillon' ? { draftStep: s.draft.step } : {}),
        })),
    };
  }

  updateFamily(familyId: string, update: FamilyUpdate): Family {
    this.#assertOpen();
    this.#assertPaymentMode(update.paymentMode, 'paymentMode');
    const f = this.#family(familyId);
    f.guardian = clone(update.guardian);
    f.paymentMode = update.paymentMode;
    f.bankChanged = update.bankChanged;
    return this.family(familyId);
  }

  #family(familyId: string): FamilyRecord {
    const f = this.families.get(familyId);
    if (!f) throw notFound('Famille');
    return f;
  }

  // ------------------------------------------------------------ students

  /** Students of another family are as unknown as missing ones: no hint that they exist. */
  #student(familyId: string, studentId: string): StudentRecord {
    const s = this.students.get(studentId);
    if (!s || s.familyId !== familyId) throw notFound('Élève');
    return s;
  }

  #disciplines(s: StudentRecord): Discipline[] {
    return [...new Set(s.courses.filter((c) => c.active).map((c) => c.discipline))];
  }

  registration(familyId: string, studentId: string): Registration {
    const s = this.#student(familyId, studentId);
    return {
      studentId: s.id,
      status: s.status,
      student: clone(s.coordinates),
      disciplines: this.#disciplines(s),
      courses: clone(s.courses),
      administrativeReregistrationApplies: s.administrativeReregistrationApplies,
      documents: this.#documentsFor(familyId, studentId),
      draft: clone(s.draft),
      submission: clone(s.submission),
      declineReason: s.declineReason,
    };
  }

  /** What the wizard would prefill for a student: stored data, nothing answered yet. */
  answersFor(studentId: string): RegistrationAnswers {
    const s = this.students.get(studentId);
    if (!s) throw notFound('Élève');
    const f = this.#family(s.familyId);
    return {
      guardian: clone(f.guardian),
      student: clone(s.coordinates),
      paymentMode: f.paymentMode,
      bankChanged: f.bankChanged,
      authorisations: { image: null, sortie: null },
      administrativeReregistration: false,
      additionalInfo: '',
    };
  }

  saveDraft(familyId: string, studentId: string, request: DraftRequest): { savedAt: string; status: StudentStatus } {
    this.#assertOpen();
    const s = this.#student(familyId, studentId);
    const savedAt = this.now().toISOString();
    s.draft = { answers: clone(request.answers), step: request.step, savedAt };
    // A sent or declined file keeps its status: the draft is only kept for the record.
    if (s.status === 'a-faire' || s.status === 'brouillon') s.status = 'brouillon';
    return { savedAt, status: s.status };
  }

  /**
   * Stores the submission once per Idempotency-Key: a retry with the same key (the answer was lost)
   * gets the stored one back, never a second record and never a second receipt e-mail.
   */
  submit(familyId: string, studentId: string, idempotencyKey: string, request: SubmissionRequest, options: SubmitOptions = {}): Submission {
    const previous = this.submissions.find((r) => r.familyId === familyId && r.idempotencyKey === idempotencyKey);
    if (previous) {
      if (previous.studentId !== studentId) {
        throw new MockError(409, { code: 'idempotency-key-reused', message: "Cette clé d'idempotence a déjà servi pour un autre élève." });
      }
      return clone(previous.submission);
    }
    const s = this.#student(familyId, studentId);
    this.#assertOpen();
    if (s.status === 'envoyee' || s.status === 'envoyee-incomplete' || s.status === 'ne-se-reinscrit-pas') {
      throw new MockError(409, {
        code: 'already-submitted',
        message:
          s.status === 'ne-se-reinscrit-pas'
            ? 'Vous avez déjà indiqué que cet élève ne se réinscrit pas.'
            : 'La réinscription de cet élève a déjà été envoyée.',
      });
    }
    this.#validateSubmission(request);

    const f = this.#family(familyId);
    const { answers } = request;
    // The guardian and the payment mode are the family's: one student's submission updates them for all.
    f.guardian = clone(answers.guardian);
    f.paymentMode = answers.paymentMode;
    f.bankChanged = answers.bankChanged;
    s.coordinates = clone(answers.student);
    s.authorisations = clone(answers.authorisations);

    const missingDocuments = this.missingDocuments(familyId, studentId, answers);
    const submission: Submission = {
      reference: `LIM-${this.startYear}-${String(this.#sequence++).padStart(6, '0')}`,
      submittedAt: this.now().toISOString(),
      status: missingDocuments.length ? 'envoyee-incomplete' : 'envoyee',
      missingDocuments,
      receipt: { sent: false },
    };
    submission.receipt = this.#sendReceipt(s, submission, request, options);
    s.status = submission.status;
    s.submission = submission;
    this.submissions.push({ idempotencyKey, familyId, studentId, request: clone(request), submission });
    return clone(submission);
  }

  /**
   * The receipt goes to the guardian's e-mail as entered in this submission (the family's address,
   * where invoices and passwords go too). No address, or the mail server down: not sent, and the
   * submission says so, so that the confirmation never claims an e-mail that does not exist.
   */
  #sendReceipt(s: StudentRecord, submission: Submission, request: SubmissionRequest, options: SubmitOptions): Submission['receipt'] {
    const to = request.answers.guardian.email.trim();
    if (!to || options.mailServerDown) return { sent: false };
    const mail = receiptMail({
      campaign: this.campaign(),
      submission,
      request,
      courses: s.courses,
      administrativeReregistrationApplies: s.administrativeReregistrationApplies,
    });
    this.outbox.push({
      kind: 'receipt',
      to,
      ...mail,
      password: '',
      sentAt: this.now().toISOString(),
      receipt: { reference: submission.reference, studentId: s.id, missingDocuments: [...submission.missingDocuments] },
    });
    return { sent: true, to };
  }

  /** Checks the schema cannot express: they depend on the campaign's lists and texts. */
  #validateSubmission(request: SubmissionRequest): void {
    const { answers, acceptance } = request;
    const fieldErrors: Record<string, string[]> = {};
    const add = (path: string, id: string) => (fieldErrors[path] ??= []).push(id);
    const campaign = this.campaign();
    const mode = campaign.paymentModes.find((m) => m.code === answers.paymentMode);
    if (!answers.paymentMode) add('answers.paymentMode', 'validation.required');
    else if (!mode) add('answers.paymentMode', 'validation.unknownValue');
    if (mode?.asksBankChange && answers.bankChanged === null) add('answers.bankChanged', 'validation.required');
    if (answers.authorisations.image === null) add('answers.authorisations.image', 'validation.required');
    if (answers.authorisations.sortie === null) add('answers.authorisations.sortie', 'validation.required');
    if (answers.additionalInfo.length > campaign.additionalInfoMaxLength) add('answers.additionalInfo', 'validation.tooLong');
    if (acceptance.rulesVersion !== campaign.rules.version) add('acceptance.rulesVersion', 'validation.outdated');
    for (const a of campaign.authorisations) {
      if (acceptance.authorisationVersions[a.code] !== a.version) add(`acceptance.authorisationVersions.${a.code}`, 'validation.outdated');
    }
    if (Object.keys(fieldErrors).length) throw new MockError(422, { code: 'validation', fieldErrors });
  }

  decline(familyId: string, studentId: string, reason: string | undefined): { status: 'ne-se-reinscrit-pas' } {
    const s = this.#student(familyId, studentId);
    this.#assertOpen();
    if (s.status === 'envoyee' || s.status === 'envoyee-incomplete') {
      throw new MockError(409, { code: 'already-submitted', message: 'La réinscription de cet élève a déjà été envoyée.' });
    }
    s.status = 'ne-se-reinscrit-pas';
    s.declineReason = reason?.trim() ? reason.trim() : null;
    this.declines.push({ familyId, studentId, reason: s.declineReason, declinedAt: this.now().toISOString() });
    return { status: 'ne-se-reinscrit-pas' };
  }

  #assertOpen(): void {
    if (this.isOpen()) return;
    const now = this.now();
    throw new MockError(409, {
      code: 'campaign-closed',
      message:
        now < this.opensAt
          ? `Les réinscriptions en ligne ouvriront le ${humanFormat.format(this.opensAt)}.`
          : `Les réinscriptions en ligne sont closes depuis le ${humanFormat.format(this.closesAt)}.`,
    });
  }

  #assertPaymentMode(code: string | null, path: string): void {
    if (code !== null && !paymentModes().some((m) => m.code === code)) {
      throw new MockError(422, { code: 'validation', fieldErrors: { [path]: ['validation.unknownValue'] } });
    }
  }

  // ------------------------------------------------------------ documents

  /**
   * Required pieces not yet uploaded, evaluated on the submitted answers: payment mode and bank
   * change, residence (town or postcode), the student's disciplines, and age on 1 September.
   */
  missingDocuments(familyId: string, studentId: string, answers: RegistrationAnswers): string[] {
    const s = this.#student(familyId, studentId);
    const uploaded = this.#documentsFor(familyId, studentId);
    return documentTypes()
      .filter((t) => !t.optional && this.#conditionHolds(t.condition, s, answers))
      .filter((t) => !uploaded.some((d) => d.typeCode === t.code))
      .map((t) => t.code);
  }

  /** The document types that apply to this student with these answers (optional ones included). */
  applicableDocumentTypes(studentId: string, answers: RegistrationAnswers): DocumentType[] {
    const s = this.students.get(studentId);
    if (!s) throw notFound('Élève');
    return documentTypes().filter((t) => this.#conditionHolds(t.condition, s, answers));
  }

  #conditionHolds(c: DocumentCondition, s: StudentRecord, answers: RegistrationAnswers): boolean {
    if (c.paymentMode !== undefined && answers.paymentMode !== c.paymentMode) return false;
    if (c.bankChanged !== undefined && answers.bankChanged !== c.bankChanged) return false;
    if (c.residentOf !== undefined && !this.#residentOf(c.residentOf, answers.guardian)) return false;
    if (c.discipline !== undefined && !this.#disciplines(s).includes(c.discipline)) return false;
    if (c.age !== undefined && (this.isAdult(answers.student.birthDate) ? 'adult' : 'minor') !== c.age) return false;
    return true;
  }

  #residentOf(town: string, guardian: RegistrationAnswers['guardian']): boolean {
    if (normalise(guardian.city) === normalise(town)) return true;
    return normalise(town) === normalise(TOWN) && guardian.postalCode.replace(/\s/g, '') === TOWN_POSTAL_CODE;
  }

  /** The widget's own rule (18 or more on 1 September); an unknown birth date counts as a minor. */
  isAdult(birthDate: string | null): boolean {
    return isAdultForSchoolYear(birthDate, this.schoolYear);
  }

  #documentsFor(familyId: string, studentId: string): UploadedDocument[] {
    return [...this.documents.values()].filter((d) => d.familyId === familyId && (d.studentId === null || d.studentId === studentId)).map(publicDocument);
  }

  #assertDocumentsOpen(): void {
    const now = this.now();
    if (now >= this.opensAt && now <= this.documentsUntil) return;
    throw new MockError(409, {
      code: 'campaign-closed',
      message: `Les pièces justificatives ne peuvent plus être déposées en ligne depuis le ${humanFormat.format(this.documentsUntil)}.`,
    });
  }

  upload(familyId: string, fields: UploadFields, file: { name: string; bytes: Uint8Array<ArrayBuffer> }): UploadedDocument {
    this.#assertDocumentsOpen();
    const type = documentTypes().find((t) => t.code === fields.typeCode);
    if (!type) throw new MockError(422, { code: 'validation', fieldErrors: { typeCode: ['validation.unknownValue'] } });
    let studentId: string | null = null;
    if (type.scope === 'student') {
      if (!fields.studentId) throw new MockError(422, { code: 'validation', fieldErrors: { studentId: ['validation.required'] } });
      studentId = this.#student(familyId, fields.studentId).id;
    }
    if (file.bytes.byteLength === 0) throw new MockError(422, { code: 'empty-file', message: 'Le fichier est vide.' });
    if (file.bytes.byteLength > MAX_UPLOAD_BYTES) {
      throw new MockError(413, { code: 'too-large', message: 'Le fichier dépasse 2 Mo.' });
    }
    const mimeType = sniffType(file.bytes);
    if (!mimeType) {
      throw new MockError(422, { code: 'unsupported-type', message: 'Seuls les documents PDF, JPEG ou PNG sont acceptés.' });
    }
    const doc: StoredDocument = {
      id: `doc-${randomToken()}`,
      typeCode: type.code,
      scope: type.scope,
      studentId,
      fileName: cleanFileName(file.name),
      size: file.bytes.byteLength,
      mimeType,
      uploadedAt: this.now().toISOString(),
      familyId,
      bytes: file.bytes,
    };
    this.documents.set(doc.id, doc);
    return publicDocument(doc);
  }

  #document(familyId: string, documentId: string): StoredDocument {
    const d = this.documents.get(documentId);
    if (!d || d.familyId !== familyId) throw notFound('Document');
    return d;
  }

  deleteDocument(familyId: string, documentId: string): void {
    this.#document(familyId, documentId);
    this.#assertDocumentsOpen();
    this.documents.delete(documentId);
    for (const [token, link] of this.fileLinks) if (link.documentId === documentId) this.fileLinks.delete(token);
  }

  /** `baseUrl` must be absolute: the link is opened outside the API client. */
  documentLink(familyId: string, documentId: string, baseUrl: string): DocumentLink {
    this.#document(familyId, documentId);
    const token = randomToken();
    const expiresAt = this.now().getTime() + (this.#options.linkMinutes ?? 5) * 60000;
    this.fileLinks.set(token, { documentId, expiresAt });
    return { url: `${baseUrl.replace(/\/+$/, '')}/files/${token}`, expiresAt: new Date(expiresAt).toISOString() };
  }

  /** The bytes behind a link token, or null once it expired or the document is gone. */
  file(token: string): StoredDocument | null {
    const link = this.fileLinks.get(token);
    if (!link) return null;
    if (link.expiresAt <= this.now().getTime()) {
      this.fileLinks.delete(token);
      return null;
    }
    return this.documents.get(link.documentId) ?? null;
  }
}

function publicDocument(d: StoredDocument): UploadedDocument {
  return {
    id: d.id,
    typeCode: d.typeCode,
    scope: d.scope,
    studentId: d.studentId,
    fileName: d.fileName,
    size: d.size,
    mimeType: d.mimeType,
    uploadedAt: d.uploadedAt,
  };
}

/** Keeps the base name only (a browser may send a path) and stays within the contract's 255. */
function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop()?.trim() ?? '';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '');
  return (clean || 'document').slice(-255);
}

export function createStore(options: StoreOptions = {}): MockStore {
  return new MockStore(options);
}

/** Back to the seed in place, so handlers already bound to the store see the reset. */
export function resetStore(store: MockStore): void {
  store.reset();
}
