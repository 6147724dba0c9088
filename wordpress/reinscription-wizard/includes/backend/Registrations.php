<?php

/**
 * The families' side of the contract: the family, a student's registration, drafts, submissions and declines,
 * answered as src/mocks/store.ts answers them (same statuses, codes, French messages and field paths).
 *
 * @package ReinscriptionWizard
 */

namespace ReinscriptionWizard\Backend;

if (!defined('ABSPATH')) {
    exit;
}

class Registrations
{
    private const SENT = ['envoyee', 'envoyee-incomplete'];

    private const DECLINED = 'ne-se-reinscrit-pas';

    /** The reference of the first submission after a reset (the mock's sequence starts there). */
    private const FIRST_SEQUENCE = 123;

    /** How long a retry waits for the same key's first request to finish (its receipt included). */
    private const KEY_LOCK_WAIT_SECONDS = 10;

    /** @return array Family */
    public static function family(string $familyId): array
    {
        global $wpdb;
        $f = self::familyRow($familyId);
        $table = Db::table('students');
        $rows = $wpdb->get_results($wpdb->prepare("SELECT * FROM {$table} WHERE family_id = %s ORDER BY position, id", $familyId)) ?: [];
        $students = [];
        foreach ($rows as $s) {
            $coordinates = Json::decode($s->coordinates) ?? [];
            $summary = [
                'id' => (string) $s->id,
                'lastName' => (string) ($coordinates['lastName'] ?? ''),
                'firstName' => (string) ($coordinates['firstName'] ?? ''),
                'status' => (string) $s->status,
            ];
            $submission = Json::decode($s->submission);
            if ($submission !== null) {
                $summary['reference'] = $submission['reference'];
                $summary['submittedAt'] = $submission['submittedAt'];
                $summary['missingDocuments'] = array_values($submission['missingDocuments']);
            }
            $draft = Json::decode($s->draft);
            if ($draft !== null && $s->status === 'brouillon') {
                $summary['draftStep'] = (int) $draft['step'];
            }
            $students[] = $summary;
        }
        return [
            'id' => (string) $f->id,
            'guardian' => Json::decode($f->guardian) ?? [],
            'paymentMode' => $f->payment_mode === null ? null : (string) $f->payment_mode,
            'bankChanged' => self::bool($f->bank_changed),
            'students' => $students,
        ];
    }

    /** @param array $update FamilyUpdate  @return array Family */
    public static function updateFamily(string $familyId, array $update): array
    {
        global $wpdb;
        Campaign::assertOpen();
        $mode = $update['paymentMode'] ?? null;
        if ($mode !== null && self::paymentMode($mode) === null) {
            throw new ApiError(422, 'validation', null, ['paymentMode' => ['validation.unknownValue']]);
        }
        self::familyRow($familyId);
        $wpdb->update(
            Db::table('families'),
            [
                'guardian' => Json::encode($update['guardian']),
                'payment_mode' => $mode,
                'bank_changed' => self::tinyint($update['bankChanged'] ?? null),
                'updated_ms' => Clock::nowMs(),
            ],
            ['id' => $familyId],
            ['%s', '%s', '%d', '%d'],
            ['%s']
        );
        return self::family($familyId);
    }

    /** @return array Registration */
    public static function registration(string $familyId, string $studentId): array
    {
        $s = self::studentRow($familyId, $studentId);
        $courses = Json::decode($s->courses) ?? [];
        $draft = Json::decode($s->draft);
        return [
            'studentId' => (string) $s->id,
            'status' => (string) $s->status,
            'student' => Json::decode($s->coordinates) ?? [],
            'disciplines' => Conditions::disciplines($courses),
            'courses' => $courses,
            'administrativeReregistrationApplies' => (bool) $s->administrative_applies,
            'documents' => Documents::forStudent($familyId, (string) $s->id),
            'draft' => $draft === null ? null : ['answers' => $draft['answers'], 'step' => (int) $draft['step'], 'savedAt' => $draft['savedAt']],
            'submission' => Json::decode($s->submission),
            'declineReason' => $s->decline_reason === null ? null : (string) $s->decline_reason,
        ];
    }

    /** @param array $request DraftRequest  @return array DraftSaved */
    public static function saveDraft(string $familyId, string $studentId, array $request): array
    {
        global $wpdb;
        Campaign::assertOpen();
        $s = self::studentRow($familyId, $studentId);
        $now = Clock::nowMs();
        $savedAt = Clock::iso($now);
        // A sent or declined file keeps its status: the draft is only kept for the record.
        $status = in_array($s->status, ['a-faire', 'brouillon'], true) ? 'brouillon' : (string) $s->status;
        $wpdb->update(
            Db::table('students'),
            [
                'draft' => Json::encode(['answers' => $request['answers'], 'step' => (int) $request['step'], 'savedAt' => $savedAt]),
                'status' => $status,
                'updated_ms' => $now,
            ],
            ['id' => $s->id],
            ['%s', '%s', '%d'],
            ['%s']
        );
        return ['savedAt' => $savedAt, 'status' => $status];
    }

    /**
     * Stores the submission once per Idempotency-Key: a retry with the same key (the answer was lost) gets the
     * stored one back, never a second record and never a second receipt e-mail. Every write is one transaction,
     * the student's row locked, so two tabs sending at once store one submission.
     *
     * The receipt is sent only once that transaction is committed: an e-mail must never prove a submission the
     * database does not hold (a COMMIT that fails answers 500 and sends nothing). The stored Submission says
     * « not sent » until the mail is out, then its receipt is updated; a retry of the same key waits for that
     * (a named lock held from the first read to the last write), so it gets the final Submission and no mail.
     *
     * @param array $request SubmissionRequest
     * @return array Submission
     */
    public static function submit(string $familyId, string $studentId, string $idempotencyKey, array $request): array
    {
        $lock = self::lockKey($familyId, $idempotencyKey);
        try {
            return self::submitLocked($familyId, $studentId, $idempotencyKey, $request);
        } finally {
            self::unlockKey($lock);
        }
    }

    /** submit() once this key's lock is held (or could not be had: the row lock and the unique key still hold). */
    private static function submitLocked(string $familyId, string $studentId, string $idempotencyKey, array $request): array
    {
        global $wpdb;
        $previous = self::replay($familyId, $studentId, $idempotencyKey);
        if ($previous !== null) {
            return $previous;
        }
        $s = self::studentRow($familyId, $studentId);
        Campaign::assertOpen();
        self::assertNotSubmitted((string) $s->status);
        $campaign = Campaign::body();
        self::validateSubmission($request, $campaign);

        $students = Db::table('students');
        $wpdb->query('START TRANSACTION');
        try {
            $locked = $wpdb->get_row($wpdb->prepare("SELECT * FROM {$students} WHERE id = %s AND family_id = %s FOR UPDATE", $s->id, $familyId));
            if (!$locked) {
                throw new ApiError(404, 'not-found', 'Élève introuvable.');
            }
            // A retry that raced this one has committed while we waited for the lock.
            $previous = self::replay($familyId, $studentId, $idempotencyKey);
            if ($previous !== null) {
                $wpdb->query('ROLLBACK');
                return $previous;
            }
            self::assertNotSubmitted((string) $locked->status);
            $stored = self::store($familyId, $locked, $idempotencyKey, $request, $campaign);
            if ($stored === null) {
                // The same key committed by a concurrent request between our check and our insert.
                $wpdb->query('ROLLBACK');
                $previous = self::replay($familyId, $studentId, $idempotencyKey);
                if ($previous !== null) {
                    return $previous;
                }
                throw new ApiError(500, 'server-error', "La réinscription n'a pas pu être enregistrée.");
            }
            if ($wpdb->query('COMMIT') === false) {
                throw new ApiError(500, 'server-error', "La réinscription n'a pas pu être enregistrée.");
            }
        } catch (\Throwable $e) {
            $wpdb->query('ROLLBACK');
            throw $e;
        }
        return self::deliverReceipt($locked, $stored['id'], $stored['submission'], $request, $campaign);
    }

    /**
     * Sends the receipt of a committed submission and records the outcome in it. Should that record fail, the
     * family is still told the truth about the e-mail (it was sent); the stored copy keeps « not sent ».
     *
     * @param array $submission Submission, receipt {sent: false}
     * @return array Submission with its final receipt
     */
    private static function deliverReceipt(object $s, int $id, array $submission, array $request, array $campaign): array
    {
        global $wpdb;
        $receipt = self::sendReceipt($s, $submission, $request, $campaign);
        if ($receipt === $submission['receipt']) {
            return $submission;
        }
        $submission['receipt'] = $receipt;
        $json = Json::encode($submission);
        $wpdb->query('START TRANSACTION');
        $a = $wpdb->update(Db::table('submissions'), ['submission' => $json], ['id' => $id], ['%s'], ['%d']);
        $b = $wpdb->update(Db::table('students'), ['submission' => $json], ['id' => $s->id], ['%s'], ['%s']);
        if ($a === false || $b === false || $wpdb->query('COMMIT') === false) {
            $wpdb->query('ROLLBACK');
            // For a site's monitoring: the family has the e-mail, the stored Submission still says « not sent ».
            do_action('reinscription_wizard_receipt_not_recorded', $submission['reference'], (string) $wpdb->last_error);
        }
        return $submission;
    }

    /**
     * A lock of the database server on this family's key, held until unlockKey(): the same key's requests run one
     * after the other. Named after the database and the table prefix too, since one server may hold many sites.
     * Null when it could not be had within the wait (the request goes on: only the replay's receipt may lag).
     */
    private static function lockKey(string $familyId, string $key): ?string
    {
        global $wpdb;
        $name = 'rw-submit-' . sha1($wpdb->dbname . '|' . $wpdb->prefix . '|' . $familyId . '|' . $key);
        $got = $wpdb->get_var($wpdb->prepare('SELECT GET_LOCK(%s, %d)', $name, self::KEY_LOCK_WAIT_SECONDS));
        return (string) $got === '1' ? $name : null;
    }

    private static function unlockKey(?string $name): void
    {
        global $wpdb;
        if ($name !== null) {
            $wpdb->query($wpdb->prepare('SELECT RELEASE_LOCK(%s)', $name));
        }
    }

    /** @return array DeclineResponse */
    public static function decline(string $familyId, string $studentId, ?string $reason): array
    {
        global $wpdb;
        $s = self::studentRow($familyId, $studentId);
        Campaign::assertOpen();
        if (in_array($s->status, self::SENT, true)) {
            throw new ApiError(409, 'already-submitted', 'La réinscription de cet élève a déjà été envoyée.');
        }
        $trimmed = $reason === null ? '' : Json::trim($reason);
        $reason = $trimmed !== '' ? $trimmed : null;
        $now = Clock::nowMs();
        $wpdb->query('START TRANSACTION');
        $updated = $wpdb->update(
            Db::table('students'),
            ['status' => self::DECLINED, 'decline_reason' => $reason, 'updated_ms' => $now],
            ['id' => $s->id],
            ['%s', '%s', '%d'],
            ['%s']
        );
        $inserted = $wpdb->insert(
            Db::table('declines'),
            ['family_id' => $familyId, 'student_id' => (string) $s->id, 'reason' => $reason, 'declined_ms' => $now],
            ['%s', '%s', '%s', '%d']
        );
        if ($updated === false || !$inserted) {
            $wpdb->query('ROLLBACK');
            throw new ApiError(500, 'server-error', "Le refus n'a pas pu être enregistré.");
        }
        $wpdb->query('COMMIT');
        return ['status' => self::DECLINED];
    }

    /**
     * The id of a student of this family, or the 404 of a missing one: another family's student is exactly as
     * unknown as one that does not exist, with no hint that it does.
     */
    public static function studentOf(string $familyId, string $studentId): string
    {
        return (string) self::studentRow($familyId, $studentId)->id;
    }

    /**
     * Required pieces not yet uploaded, evaluated on these answers (codes, in the campaign's order).
     *
     * @param array $answers RegistrationAnswers
     */
    public static function missingDocuments(string $familyId, string $studentId, array $answers, ?array $campaign = null): array
    {
        $s = self::studentRow($familyId, $studentId);
        $campaign = $campaign ?? Campaign::body();
        $uploaded = array_map(function ($d) {
            return $d['typeCode'];
        }, Documents::forStudent($familyId, (string) $s->id));
        return Conditions::missingDocuments(
            $campaign['documents']['types'],
            Json::decode($s->courses) ?? [],
            $answers,
            $uploaded,
            self::conditionContext($campaign)
        );
    }

    /**
     * The document types that apply to this student with these answers, optional ones included (the mock's
     * applicableDocumentTypes), for the secretary's review of pieces.
     *
     * @param array $answers RegistrationAnswers
     * @return array DocumentType[]
     */
    public static function applicableDocumentTypes(string $familyId, string $studentId, array $answers): array
    {
        $s = self::studentRow($familyId, $studentId);
        $campaign = Campaign::body();
        return Conditions::applicableTypes(
            $campaign['documents']['types'],
            Json::decode($s->courses) ?? [],
            $answers,
            self::conditionContext($campaign)
        );
    }

    /** What the document conditions need to know of the campaign. */
    public static function conditionContext(array $campaign): array
    {
        return [
            'schoolYear' => (string) $campaign['schoolYear'],
            'town' => (string) $campaign['town'],
            'townPostalCode' => Campaign::townPostalCode((string) $campaign['town']),
        ];
    }

    /**
     * Inserts the submission and writes the family and the student, receipt not sent yet; null when the key is
     * already taken.
     *
     * @return array{id: int, submission: array}|null
     */
    private static function store(string $familyId, object $s, string $key, array $request, array $campaign): ?array
    {
        global $wpdb;
        $now = Clock::nowMs();
        $answers = $request['answers'];
        $table = Db::table('submissions');
        $suppress = $wpdb->suppress_errors(true);
        $inserted = $wpdb->insert(
            $table,
            [
                'family_id' => $familyId,
                'student_id' => (string) $s->id,
                'idempotency_key' => $key,
                // Unique until the row's own id gives the real one, two statements later in this transaction.
                'reference' => 'pending-' . bin2hex(random_bytes(12)),
                'request' => Json::encode($request),
                'submission' => '',
                'rules_version' => (string) $request['acceptance']['rulesVersion'],
                'accepted_ms' => $now,
            ],
            ['%s', '%s', '%s', '%s', '%s', '%s', '%s', '%d']
        );
        $wpdb->suppress_errors($suppress);
        if (!$inserted) {
            return null;
        }
        $id = (int) $wpdb->insert_id;
        // The row's own id: unique under concurrency, and 1 again after the tables are emptied (TRUNCATE).
        $sequence = $id - 1 + self::FIRST_SEQUENCE;
        $reference = Campaign::referencePrefix() . '-' . Campaign::startYear() . '-' . str_pad((string) $sequence, 6, '0', STR_PAD_LEFT);

        // The guardian and the payment mode are the family's: one student's submission updates them for all.
        $wpdb->update(
            Db::table('families'),
            [
                'guardian' => Json::encode($answers['guardian']),
                'payment_mode' => $answers['paymentMode'],
                'bank_changed' => self::tinyint($answers['bankChanged']),
                'updated_ms' => $now,
            ],
            ['id' => $familyId],
            ['%s', '%s', '%d', '%d'],
            ['%s']
        );
        $missing = self::missingDocuments($familyId, (string) $s->id, $answers, $campaign);
        $submission = [
            'reference' => $reference,
            'submittedAt' => Clock::iso($now),
            'status' => $missing ? 'envoyee-incomplete' : 'envoyee',
            'missingDocuments' => $missing,
            'receipt' => ['sent' => false],
        ];

        $wpdb->update(
            $table,
            ['reference' => $reference, 'submission' => Json::encode($submission)],
            ['id' => $id],
            ['%s', '%s'],
            ['%d']
        );
        $wpdb->update(
            Db::table('students'),
            [
                'coordinates' => Json::encode($answers['student']),
                'authorisations' => Json::encode($answers['authorisations']),
                'status' => $submission['status'],
                'submission' => Json::encode($submission),
                'updated_ms' => $now,
            ],
            ['id' => $s->id],
            ['%s', '%s', '%s', '%s', '%d'],
            ['%s']
        );
        return ['id' => $id, 'submission' => $submission];
    }

    /**
     * The receipt goes to the guardian's e-mail as entered in this submission. No address, or wp_mail failing:
     * not sent, and the submission says so, so that the confirmation never claims an e-mail that does not exist.
     */
    private static function sendReceipt(object $s, array $submission, array $request, array $campaign): array
    {
        $to = Json::trim((string) $request['answers']['guardian']['email']);
        if ($to === '') {
            return ['sent' => false];
        }
        $mail = Receipt::mail($campaign, $submission, $request, Json::decode($s->courses) ?? [], (bool) $s->administrative_applies);
        return Receipt::send($to, $mail, $submission['reference']) ? ['sent' => true, 'to' => $to] : ['sent' => false];
    }

    /** Checks the schema cannot express: they depend on the campaign's lists and texts. */
    private static function validateSubmission(array $request, array $campaign): void
    {
        $answers = $request['answers'];
        $acceptance = $request['acceptance'];
        $errors = [];
        $add = function (string $path, string $id) use (&$errors) {
            $errors[$path][] = $id;
        };
        $mode = self::paymentMode($answers['paymentMode'], $campaign);
        if ($answers['paymentMode'] === null || $answers['paymentMode'] === '') {
            $add('answers.paymentMode', 'validation.required');
        } elseif ($mode === null) {
            $add('answers.paymentMode', 'validation.unknownValue');
        }
        if ($mode !== null && !empty($mode['asksBankChange']) && $answers['bankChanged'] === null) {
            $add('answers.bankChanged', 'validation.required');
        }
        if ($answers['authorisations']['image'] === null) {
            $add('answers.authorisations.image', 'validation.required');
        }
        if ($answers['authorisations']['sortie'] === null) {
            $add('answers.authorisations.sortie', 'validation.required');
        }
        if (self::jsLength((string) $answers['additionalInfo']) > (int) $campaign['additionalInfoMaxLength']) {
            $add('answers.additionalInfo', 'validation.tooLong');
        }
        if ($acceptance['rulesVersion'] !== $campaign['rules']['version']) {
            $add('acceptance.rulesVersion', 'validation.outdated');
        }
        foreach ($campaign['authorisations'] as $a) {
            if (($acceptance['authorisationVersions'][$a['code']] ?? null) !== $a['version']) {
                $add('acceptance.authorisationVersions.' . $a['code'], 'validation.outdated');
            }
        }
        if ($errors) {
            throw new ApiError(422, 'validation', null, $errors);
        }
    }

    private static function assertNotSubmitted(string $status): void
    {
        if ($status === self::DECLINED) {
            throw new ApiError(409, 'already-submitted', 'Vous avez déjà indiqué que cet élève ne se réinscrit pas.');
        }
        if (in_array($status, self::SENT, true)) {
            throw new ApiError(409, 'already-submitted', 'La réinscription de cet élève a déjà été envoyée.');
        }
    }

    /** The stored Submission of this key, or null; the key used for another student is a 409. */
    private static function replay(string $familyId, string $studentId, string $key): ?array
    {
        global $wpdb;
        $table = Db::table('submissions');
        $row = $wpdb->get_row($wpdb->prepare(
            "SELECT student_id, submission FROM {$table} WHERE family_id = %s AND idempotency_key = %s",
            $familyId,
            $key
        ));
        if (!$row) {
            return null;
        }
        if ((string) $row->student_id !== $studentId) {
            throw new ApiError(409, 'idempotency-key-reused', "Cette clé d'idempotence a déjà servi pour un autre élève.");
        }
        return Json::decode($row->submission);
    }

    private static function familyRow(string $familyId): object
    {
        global $wpdb;
        $table = Db::table('families');
        $row = $wpdb->get_row($wpdb->prepare("SELECT * FROM {$table} WHERE id = %s", $familyId));
        if (!$row) {
            throw new ApiError(404, 'not-found', 'Famille introuvable.');
        }
        return $row;
    }

    private static function studentRow(string $familyId, string $studentId): object
    {
        global $wpdb;
        $table = Db::table('students');
        $row = $wpdb->get_row($wpdb->prepare("SELECT * FROM {$table} WHERE id = %s AND family_id = %s", $studentId, $familyId));
        if (!$row) {
            throw new ApiError(404, 'not-found', 'Élève introuvable.');
        }
        return $row;
    }

    private static function paymentMode(?string $code, ?array $campaign = null): ?array
    {
        $campaign = $campaign ?? Campaign::body();
        foreach ($campaign['paymentModes'] as $m) {
            if ($m['code'] === $code) {
                return $m;
            }
        }
        return null;
    }

    /** String length as JavaScript counts it (UTF-16 code units), as the mock's limit does. */
    private static function jsLength(string $s): int
    {
        return intdiv(strlen((string) mb_convert_encoding($s, 'UTF-16LE', 'UTF-8')), 2);
    }

    private static function bool($v): ?bool
    {
        return $v === null ? null : (bool) (int) $v;
    }

    private static function tinyint(?bool $v): ?int
    {
        return $v === null ? null : ($v ? 1 : 0);
    }
}
