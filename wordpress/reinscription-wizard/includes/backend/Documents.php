<?php

/**
 * The families' pieces (POST /documents, DELETE /documents/{id}, GET /documents/{id}/link, GET /files/{token}),
 * as src/mocks/store.ts answers them: same statuses, codes and messages.
 *
 * @package ReinscriptionWizard
 */

namespace ReinscriptionWizard\Backend;

if (!defined('ABSPATH')) {
    exit;
}

class Documents
{
    /** The first bytes decide the type, never the file name or the declared type. */
    private const SIGNATURES = [
        'application/pdf' => "\x25\x50\x44\x46",
        'image/jpeg' => "\xff\xd8\xff",
        'image/png' => "\x89\x50\x4e\x47",
    ];

    private const TOO_LARGE = 'Le fichier dépasse 2 Mo.';

    /**
     * Stores one piece.
     *
     * @param array $fields the multipart's text fields: typeCode, studentId (student pieces)
     * @param array $file   one entry of $_FILES (name, tmp_name, size, error), or [] when there is no `file` part
     * @return array UploadedDocument
     */
    public static function upload(string $familyId, array $fields, array $file): array
    {
        global $wpdb;
        self::assertBodyFits();
        // Several `file` parts (file[]) are no single piece either.
        $error = isset($file['error']) && !is_array($file['error']) ? (int) $file['error'] : UPLOAD_ERR_NO_FILE;
        if ($error === UPLOAD_ERR_NO_FILE || ($error === UPLOAD_ERR_OK && (empty($file['tmp_name']) || !is_string($file['tmp_name'])))) {
            throw new ApiError(422, 'validation', null, ['file' => ['validation.required']]);
        }
        Campaign::assertDocumentsOpen();
        $campaign = Campaign::body();
        $type = null;
        foreach ($campaign['documents']['types'] as $t) {
            if ($t['code'] === ($fields['typeCode'] ?? null)) {
                $type = $t;
                break;
            }
        }
        if ($type === null) {
            throw new ApiError(422, 'validation', null, ['typeCode' => ['validation.unknownValue']]);
        }
        $studentId = null;
        if ($type['scope'] === 'student') {
            if (empty($fields['studentId']) || !is_string($fields['studentId'])) {
                throw new ApiError(422, 'validation', null, ['studentId' => ['validation.required']]);
            }
            $studentId = Registrations::studentOf($familyId, $fields['studentId']);
        }
        $maxBytes = (int) $campaign['documents']['maxBytes'];
        if ($error === UPLOAD_ERR_INI_SIZE || $error === UPLOAD_ERR_FORM_SIZE) {
            throw new ApiError(413, 'too-large', self::TOO_LARGE);
        }
        if ($error !== UPLOAD_ERR_OK) {
            // A partial upload or a server without a temporary folder: nothing the family can fix by choosing another file.
            throw new ApiError(500, 'server-error', "Le fichier n'a pas pu être reçu.");
        }
        $tmp = (string) $file['tmp_name'];
        clearstatcache(true, $tmp);
        $size = is_file($tmp) ? (int) filesize($tmp) : 0;
        if ($size === 0) {
            throw new ApiError(422, 'empty-file', 'Le fichier est vide.');
        }
        if ($size > $maxBytes) {
            throw new ApiError(413, 'too-large', self::TOO_LARGE);
        }
        $mimeType = self::sniffType((string) file_get_contents($tmp, false, null, 0, 8));
        if ($mimeType === null) {
            throw new ApiError(422, 'unsupported-type', 'Seuls les documents PDF, JPEG ou PNG sont acceptés.');
        }

        $storedName = Storage::save($tmp);
        $now = Clock::nowMs();
        $doc = [
            'id' => 'doc-' . wp_generate_uuid4(),
            'typeCode' => $type['code'],
            'scope' => $type['scope'],
            'studentId' => $studentId,
            'fileName' => self::cleanFileName((string) ($file['name'] ?? '')),
            'size' => $size,
            'mimeType' => $mimeType,
            'uploadedAt' => Clock::iso($now),
        ];
        $inserted = $wpdb->insert(
            Db::table('documents'),
            [
                'id' => $doc['id'],
                'family_id' => $familyId,
                'student_id' => $studentId,
                'type_code' => $doc['typeCode'],
                'scope' => $doc['scope'],
                'file_name' => $doc['fileName'],
                'size' => $size,
                'mime_type' => $mimeType,
                'stored_name' => $storedName,
                'uploaded_ms' => $now,
            ],
            ['%s', '%s', '%s', '%s', '%s', '%s', '%d', '%s', '%s', '%d']
        );
        if (!$inserted) {
            Storage::delete($storedName);
            throw new ApiError(500, 'server-error', "Le fichier n'a pas pu être enregistré.");
        }
        return $doc;
    }

    public static function delete(string $familyId, string $documentId): void
    {
        global $wpdb;
        $row = self::row($familyId, $documentId);
        Campaign::assertDocumentsOpen();
        $wpdb->delete(Db::table('documents'), ['id' => $row->id], ['%s']);
        Storage::delete((string) $row->stored_name);
    }

    /**
     * A short-lived link that opens the piece without the bearer token: the token is signed, not stored,
     * so it dies with its expiry or with the document.
     *
     * @return array DocumentLink
     */
    public static function link(string $familyId, string $documentId): array
    {
        $row = self::row($familyId, $documentId);
        $expiresMs = Clock::nowMs() + Options::linkMinutes() * 60000;
        $payload = $row->id . '.' . $expiresMs;
        $token = self::base64url($payload . '.' . self::signature($payload));
        return ['url' => rest_url('reinscription/v1/files/' . $token), 'expiresAt' => Clock::iso($expiresMs)];
    }

    /**
     * Streams the piece behind a link token and ends the request, or throws the mock's 404 when the
     * token is forged, expired, or its document deleted.
     */
    public static function serve(string $token): void
    {
        $path = null;
        $row = self::rowOfToken($token);
        if ($row !== null) {
            $path = Storage::path((string) $row->stored_name);
        }
        if ($row === null || $path === null) {
            throw new ApiError(404, 'not-found', 'Ce lien a expiré ou le document a été supprimé.');
        }
        while (ob_get_level() > 0) {
            ob_end_clean();
        }
        status_header(200);
        header('Content-Type: ' . $row->mime_type);
        header('Content-Length: ' . filesize($path));
        header("Content-Disposition: inline; filename*=UTF-8''" . rawurlencode((string) $row->file_name));
        header('Cache-Control: private, no-store');
        header('X-Content-Type-Options: nosniff');
        readfile($path);
        exit;
    }

    /** The document behind a valid, unexpired token, or null. */
    public static function rowOfToken(string $token): ?object
    {
        global $wpdb;
        $decoded = self::unbase64url($token);
        $parts = $decoded === null ? [] : explode('.', $decoded);
        if (count($parts) !== 3 || !preg_match('/^[A-Za-z0-9_-]{1,64}$/', $parts[0]) || !ctype_digit($parts[1])) {
            return null;
        }
        if (!hash_equals(self::signature($parts[0] . '.' . $parts[1]), $parts[2]) || (int) $parts[1] <= Clock::nowMs()) {
            return null;
        }
        $table = Db::table('documents');
        $row = $wpdb->get_row($wpdb->prepare("SELECT * FROM {$table} WHERE id = %s", $parts[0]));
        return $row ?: null;
    }

    /**
     * The pieces a student's registration shows: the family's and this student's, in upload order.
     *
     * @return array UploadedDocument[]
     */
    public static function forStudent(string $familyId, string $studentId): array
    {
        global $wpdb;
        $table = Db::table('documents');
        $rows = $wpdb->get_results($wpdb->prepare(
            "SELECT * FROM {$table} WHERE family_id = %s AND (student_id IS NULL OR student_id = %s) ORDER BY uploaded_ms, id",
            $familyId,
            $studentId
        ));
        return array_map([self::class, 'toContract'], $rows ?: []);
    }

    /** A student's file is deleted: its pieces go with it, rows and bytes. */
    public static function deleteForStudent(string $studentId): void
    {
        self::deleteWhere('student_id', $studentId);
    }

    /** A family is deleted: every piece of it, the family's and its students'. */
    public static function deleteForFamily(string $familyId): void
    {
        self::deleteWhere('family_id', $familyId);
    }

    /** The first bytes decide the type (the mock's sniffType). */
    public static function sniffType(string $head): ?string
    {
        foreach (self::SIGNATURES as $mime => $signature) {
            if (strncmp($head, $signature, strlen($signature)) === 0) {
                return $mime;
            }
        }
        return null;
    }

    /** Keeps the base name only (a browser may send a path) and stays within the contract's 255. */
    public static function cleanFileName(string $name): string
    {
        $parts = preg_split('/[\\\\\/]/', $name);
        $base = Json::trim((string) end($parts));
        $clean = (string) preg_replace('/[\x00-\x1f\x7f]/', '', $base);
        if ($clean === '') {
            return 'document';
        }
        return mb_strlen($clean, 'UTF-8') > 255 ? mb_substr($clean, -255, null, 'UTF-8') : $clean;
    }

    /**
     * PHP drops every field and file of a body over post_max_size: without this, the answer would be a
     * confusing « typeCode required » instead of « too large ».
     */
    public static function assertBodyFits(): void
    {
        $length = isset($_SERVER['CONTENT_LENGTH']) ? (int) $_SERVER['CONTENT_LENGTH'] : 0;
        $limit = self::iniBytes((string) ini_get('post_max_size'));
        if ($limit > 0 && $length > $limit) {
            throw new ApiError(413, 'too-large', self::TOO_LARGE);
        }
    }

    private static function iniBytes(string $value): int
    {
        if (function_exists('wp_convert_hr_to_bytes')) {
            return (int) wp_convert_hr_to_bytes($value);
        }
        $n = (int) $value;
        $unit = strtolower(substr(trim($value), -1));
        $factor = ['k' => 1024, 'm' => 1048576, 'g' => 1073741824][$unit] ?? 1;
        return $n * $factor;
    }

    private static function row(string $familyId, string $documentId): object
    {
        global $wpdb;
        $table = Db::table('documents');
        $row = $wpdb->get_row($wpdb->prepare("SELECT * FROM {$table} WHERE id = %s AND family_id = %s", $documentId, $familyId));
        if (!$row) {
            throw new ApiError(404, 'not-found', 'Document introuvable.');
        }
        return $row;
    }

    private static function deleteWhere(string $column, string $value): void
    {
        global $wpdb;
        $table = Db::table('documents');
        $sql = $column === 'student_id'
            ? $wpdb->prepare("SELECT id, stored_name FROM {$table} WHERE student_id = %s", $value)
            : $wpdb->prepare("SELECT id, stored_name FROM {$table} WHERE family_id = %s", $value);
        foreach ($wpdb->get_results($sql) ?: [] as $row) {
            $wpdb->delete($table, ['id' => $row->id], ['%s']);
            Storage::delete((string) $row->stored_name);
        }
    }

    public static function toContract(object $row): array
    {
        return [
            'id' => (string) $row->id,
            'typeCode' => (string) $row->type_code,
            'scope' => (string) $row->scope,
            'studentId' => $row->student_id === null ? null : (string) $row->student_id,
            'fileName' => (string) $row->file_name,
            'size' => (int) $row->size,
            'mimeType' => (string) $row->mime_type,
            'uploadedAt' => Clock::iso((int) $row->uploaded_ms),
        ];
    }

    /** HMAC-SHA256 with the site's auth salt: a link cannot be forged or stretched without the server. */
    private static function signature(string $payload): string
    {
        return hash_hmac('sha256', 'reinscription-wizard-file|' . $payload, wp_salt('auth'));
    }

    private static function base64url(string $s): string
    {
        return rtrim(strtr(base64_encode($s), '+/', '-_'), '=');
    }

    private static function unbase64url(string $s): ?string
    {
        if (!preg_match('/^[A-Za-z0-9_-]{1,400}$/', $s)) {
            return null;
        }
        $decoded = base64_decode(strtr($s, '-_', '+/'), true);
        // Only the one canonical spelling: the unused low bits of the last character would otherwise let an
        // altered token decode to the same bytes (and the same valid signature).
        return is_string($decoded) && self::base64url($decoded) === $s ? $decoded : null;
    }
}
