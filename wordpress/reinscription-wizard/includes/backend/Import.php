<?php

/**
 * CSV import of families by the secretary: read the file (encoding, separator), map its columns to the documented
 * fields, check every row, group the rows into families, students and courses, compare with what the database
 * holds (the dry run), then write.
 *
 * Everything but load() and write() is pure PHP (no WordPress, no database), so test/php/ImportTest.php runs it
 * on its own. Messages are codes (`required`, `invalid-phone`…): the admin screen translates them.
 *
 * @package ReinscriptionWizard
 */

namespace ReinscriptionWizard\Backend;

if (!defined('ABSPATH')) {
    exit;
}

class Import
{
    /** A bigger file is refused before it is read: a conservatory's families fit in far less. */
    public const MAX_BYTES = 5 * 1024 * 1024;

    /** The Id pattern of the contract (src/api/contract.ts). */
    private const ID = '/^[A-Za-z0-9_-]{1,64}$/';

    /**
     * The documented columns: key => [level, type, required, max length]. Levels: family (one per family,
     * repeated on each of its rows), guardian (the same), student (repeated on each of the student's rows),
     * course (one per row). The order is the one of the screen and of the docs.
     */
    private const FIELDS = [
        'family_identifier'             => ['family', 'text', true, 100],
        'family_id'                     => ['family', 'id', false, 64],
        'email'                         => ['family', 'email', true, 254],
        'payment_mode'                  => ['family', 'id', false, 64],
        'guardian_civilite'             => ['guardian', 'text', false, 20],
        'guardian_last_name'            => ['guardian', 'text', true, 100],
        'guardian_first_name'           => ['guardian', 'text', true, 100],
        'guardian_birth_date'           => ['guardian', 'date', false, 10],
        'guardian_birth_place'          => ['guardian', 'text', false, 100],
        'guardian_birth_department'     => ['guardian', 'text', false, 3],
        'guardian_country'              => ['guardian', 'country', false, 2],
        'guardian_address'              => ['guardian', 'text', false, 300],
        'guardian_postal_code'          => ['guardian', 'text', false, 20],
        'guardian_city'                 => ['guardian', 'text', false, 100],
        'guardian_phone_home'           => ['guardian', 'phone', false, 20],
        'guardian_phone_mobile'         => ['guardian', 'phone', false, 20],
        'guardian_phone_work'           => ['guardian', 'phone', false, 20],
        'guardian_email'                => ['guardian', 'email', false, 254],
        'guardian_situation_familiale'  => ['guardian', 'text', false, 20],
        'guardian_pcs'                  => ['guardian', 'text', false, 20],
        'guardian_profession'           => ['guardian', 'text', false, 100],
        'guardian_extra_phone_1'        => ['guardian', 'phone', false, 20],
        'guardian_extra_phone_2'        => ['guardian', 'phone', false, 20],
        'guardian_extra_phone_3'        => ['guardian', 'phone', false, 20],
        'student_id'                    => ['student', 'id', true, 64],
        'student_civilite'              => ['student', 'text', false, 20],
        'student_last_name'             => ['student', 'text', true, 100],
        'student_first_name'            => ['student', 'text', true, 100],
        'student_birth_date'            => ['student', 'date', false, 10],
        'student_birth_place'           => ['student', 'text', false, 100],
        'student_birth_department'      => ['student', 'text', false, 3],
        'student_situation_familiale'   => ['student', 'text', false, 20],
        'student_use_guardian_address'  => ['student', 'boolean', false, 0],
        'student_address'               => ['student', 'text', false, 300],
        'student_postal_code'           => ['student', 'text', false, 20],
        'student_city'                  => ['student', 'text', false, 100],
        'student_phone_home'            => ['student', 'phone', false, 20],
        'student_phone_mobile'          => ['student', 'phone', false, 20],
        'student_phone_work'            => ['student', 'phone', false, 20],
        'student_email'                 => ['student', 'email', false, 254],
        'student_emergency_contact'     => ['student', 'text', false, 200],
        'student_emergency_phone'       => ['student', 'phone', false, 20],
        'student_school'                => ['student', 'text', false, 200],
        'student_school_level'          => ['student', 'text', false, 20],
        'administrative_reregistration' => ['student', 'boolean', false, 0],
        'course_cursus'                 => ['course', 'text', false, 200],
        'course_cours'                  => ['course', 'text', false, 200],
        'course_ha'                     => ['course', 'text', false, 50],
        'course_teacher'                => ['course', 'text', false, 200],
        'course_cycle'                  => ['course', 'text', false, 50],
        'course_active'                 => ['course', 'boolean', false, 0],
        'course_discipline'             => ['course', 'discipline', false, 0],
    ];

    /**
     * Other header names each field is recognised by (after normalize(): lower case, no accents, `_` between
     * words), e.g. an iMuse or spreadsheet export in French. Guardian and student fields are also recognised
     * with a prefix (responsable_, resp_, eleve_…) before the base names of PERSON_ALIASES.
     */
    private const ALIASES = [
        'family_identifier'             => [
            'identifiant', 'identifiant_famille', 'identifiant_usager', 'identifiant_extranet', 'login', 'identifier',
        ],
        'family_id'                     => ['id_famille', 'code_famille', 'famille_id'],
        'email'                         => [
            'e_mail', 'mail', 'courriel', 'email_famille', 'email_compte', 'family_email', 'account_email', 'adresse_mail',
        ],
        'payment_mode'                  => ['mode_de_reglement', 'mode_reglement', 'mode_de_paiement', 'mode_de_reglement_souhaite'],
        'administrative_reregistration' => ['reinscription_administrative', 'eleve_reinscription_administrative'],
        'course_cursus'                 => ['cursus'],
        'course_cours'                  => ['cours'],
        'course_ha'                     => ['ha'],
        'course_teacher'                => ['enseignant', 'professeur', 'teacher'],
        'course_cycle'                  => ['cycle'],
        'course_active'                 => ['actif', 'active'],
        'course_discipline'             => ['discipline'],
    ];

    /** Base names of the person fields (guardian_X, student_X), as headers say them. */
    private const PERSON_ALIASES = [
        'civilite'            => ['civilite', 'title'],
        'last_name'           => ['nom', 'nom_de_famille', 'last_name'],
        'first_name'          => ['prenom', 'first_name'],
        'birth_date'          => ['date_de_naissance', 'date_naissance', 'ne_le', 'birth_date'],
        'birth_place'         => ['lieu_de_naissance', 'lieu_naissance', 'birth_place'],
        'birth_department'    => ['departement_de_naissance', 'departement_naissance', 'dept_naissance', 'birth_department'],
        'country'             => ['pays', 'country'],
        'address'             => ['adresse', 'address'],
        'postal_code'         => ['code_postal', 'cp', 'postal_code'],
        'city'                => ['ville', 'commune', 'city'],
        'phone_home'          => ['tel_domicile', 'telephone_domicile', 'phone_home'],
        'phone_mobile'        => ['mobile', 'tel_mobile', 'telephone_mobile', 'portable', 'phone_mobile'],
        'phone_work'          => ['tel_pro', 'telephone_pro', 'telephone_professionnel', 'phone_work'],
        'email'               => ['email', 'e_mail', 'mail', 'courriel'],
        'situation_familiale' => ['situation_familiale', 'family_situation'],
        'pcs'                 => ['pcs', 'code_socio_professionnel', 'csp'],
        'profession'          => ['profession'],
        'extra_phone_1'       => ['tel_supplementaire_1', 'telephone_supplementaire_1', 'extra_phone_1'],
        'extra_phone_2'       => ['tel_supplementaire_2', 'telephone_supplementaire_2', 'extra_phone_2'],
        'extra_phone_3'       => ['tel_supplementaire_3', 'telephone_supplementaire_3', 'extra_phone_3'],
        'id'                  => ['id', 'identifiant', 'code'],
        'use_guardian_address' => [
            'utiliser_les_coordonnees_du_responsable_legal', 'utiliser_coordonnees_responsable', 'adresse_du_responsable',
            'use_guardian_address',
        ],
        'emergency_contact'   => ['personne_a_prevenir', 'emergency_contact'],
        'emergency_phone'     => ['tel_urgence', 'telephone_urgence', 'emergency_phone'],
        'school'              => ['etablissement_scolaire', 'school'],
        'school_level'        => ['niveau_scolaire', 'school_level'],
    ];

    private const PREFIXES = [
        'guardian' => ['guardian', 'responsable', 'responsable_legal', 'resp', 'parent'],
        'student'  => ['student', 'eleve'],
    ];

    /** Windows-1252's 0x80–0x9F (the rest of its upper half is Latin-1). */
    private const CP1252 = [
        0x80 => 0x20AC, 0x82 => 0x201A, 0x83 => 0x0192, 0x84 => 0x201E, 0x85 => 0x2026, 0x86 => 0x2020, 0x87 => 0x2021,
        0x88 => 0x02C6, 0x89 => 0x2030, 0x8A => 0x0160, 0x8B => 0x2039, 0x8C => 0x0152, 0x8E => 0x017D, 0x91 => 0x2018,
        0x92 => 0x2019, 0x93 => 0x201C, 0x94 => 0x201D, 0x95 => 0x2022, 0x96 => 0x2013, 0x97 => 0x2014, 0x98 => 0x02DC,
        0x99 => 0x2122, 0x9A => 0x0161, 0x9B => 0x203A, 0x9C => 0x0153, 0x9E => 0x017E, 0x9F => 0x0178,
    ];

    /**
     * The documented fields: key => ['level' => family|guardian|student|course, 'type' => text|id|email|date|phone|
     * country|boolean|discipline, 'required' => bool, 'max' => int (0: not a text)].
     *
     * @return array<string, array{level: string, type: string, required: bool, max: int}>
     */
    public static function fields(): array
    {
        $out = [];
        foreach (self::FIELDS as $key => [$level, $type, $required, $max]) {
            $out[$key] = ['level' => $level, 'type' => $type, 'required' => $required, 'max' => $max];
        }
        return $out;
    }

    // ------------------------------------------------------------------ reading the file

    /**
     * The file's text in UTF-8 and the encoding it was in: UTF-8 (with or without its BOM), UTF-16 with a BOM
     * (Excel's « Unicode text »), else Windows-1252 (Excel's « CSV (separator: semicolon) » on a French Windows).
     *
     * @return array{text: string, encoding: string}
     */
    public static function decode(string $bytes): array
    {
        if (strncmp($bytes, "\xEF\xBB\xBF", 3) === 0) {
            return ['text' => substr($bytes, 3), 'encoding' => 'UTF-8 (BOM)'];
        }
        if (strncmp($bytes, "\xFF\xFE", 2) === 0 || strncmp($bytes, "\xFE\xFF", 2) === 0) {
            $little = $bytes[0] === "\xFF";
            return ['text' => self::fromUtf16(substr($bytes, 2), $little), 'encoding' => $little ? 'UTF-16LE' : 'UTF-16BE'];
        }
        if (preg_match('//u', $bytes) === 1) {
            return ['text' => $bytes, 'encoding' => 'UTF-8'];
        }
        return ['text' => self::fromWindows1252($bytes), 'encoding' => 'Windows-1252'];
    }

    private static function fromWindows1252(string $bytes): string
    {
        $out = '';
        $length = strlen($bytes);
        for ($i = 0; $i < $length; $i++) {
            $byte = ord($bytes[$i]);
            if ($byte < 0x80) {
                $out .= $bytes[$i];
                continue;
            }
            // The five undefined bytes become U+FFFD rather than disappearing.
            $code = $byte >= 0xA0 ? $byte : (self::CP1252[$byte] ?? 0xFFFD);
            $out .= self::utf8($code);
        }
        return $out;
    }

    private static function fromUtf16(string $bytes, bool $little): string
    {
        $out = '';
        $units = array_values(unpack($little ? 'v*' : 'n*', strlen($bytes) % 2 ? substr($bytes, 0, -1) : $bytes) ?: []);
        $count = count($units);
        for ($i = 0; $i < $count; $i++) {
            $unit = $units[$i];
            if ($unit >= 0xD800 && $unit <= 0xDBFF && $i + 1 < $count && $units[$i + 1] >= 0xDC00 && $units[$i + 1] <= 0xDFFF) {
                $unit = 0x10000 + (($unit - 0xD800) << 10) + ($units[$i + 1] - 0xDC00);
                $i++;
            } elseif ($unit >= 0xD800 && $unit <= 0xDFFF) {
                $unit = 0xFFFD;
            }
            $out .= self::utf8($unit);
        }
        return $out;
    }

    private static function utf8(int $code): string
    {
        if ($code < 0x80) {
            return chr($code);
        }
        if ($code < 0x800) {
            return chr(0xC0 | ($code >> 6)) . chr(0x80 | ($code & 0x3F));
        }
        if ($code < 0x10000) {
            return chr(0xE0 | ($code >> 12)) . chr(0x80 | (($code >> 6) & 0x3F)) . chr(0x80 | ($code & 0x3F));
        }
        return chr(0xF0 | ($code >> 18)) . chr(0x80 | (($code >> 12) & 0x3F)) . chr(0x80 | (($code >> 6) & 0x3F))
            . chr(0x80 | ($code & 0x3F));
    }

    /**
     * The separator of the header line: the most frequent of `;`, `,` and tab outside quotes; `;` on a tie
     * (what a French spreadsheet writes).
     */
    public static function detectDelimiter(string $text): string
    {
        $counts = [';' => 0, ',' => 0, "\t" => 0];
        $quoted = false;
        $length = strlen($text);
        for ($i = 0; $i < $length; $i++) {
            $c = $text[$i];
            if ($c === '"') {
                $quoted = !$quoted;
            } elseif (!$quoted && ($c === "\n" || $c === "\r")) {
                break;
            } elseif (!$quoted && isset($counts[$c])) {
                $counts[$c]++;
            }
        }
        $best = ';';
        foreach ($counts as $delimiter => $count) {
            if ($count > $counts[$best]) {
                $best = $delimiter;
            }
        }
        return $best;
    }

    /**
     * Header and records of the text (RFC 4180 quoting, a quote doubled inside a quoted cell, line breaks inside
     * quotes; no backslash escape). Cells are trimmed; blank records are dropped; each record keeps its
     * spreadsheet row number (the header is row 1).
     *
     * @return array{headers: string[], rows: array<int, array{line: int, cells: string[]}>}
     */
    public static function parse(string $text, string $delimiter): array
    {
        $stream = fopen('php://memory', 'w+');
        fwrite($stream, $text);
        rewind($stream);
        $headers = null;
        $rows = [];
        $line = 0;
        // PHP 7.4 accepts '' as the escape character: no backslash escaping, as spreadsheets write CSV.
        while (($record = fgetcsv($stream, 0, $delimiter, '"', '')) !== false) {
            $line++;
            $cells = array_map(
                static function ($cell) {
                    return trim((string) $cell);
                },
                (array) $record
            );
            if ($headers === null) {
                $headers = $cells;
                continue;
            }
            if (implode('', $cells) === '') {
                continue;
            }
            $rows[] = ['line' => $line, 'cells' => $cells];
        }
        fclose($stream);
        return ['headers' => $headers ?? [], 'rows' => $rows];
    }

    /**
     * decode() + detectDelimiter() + parse().
     *
     * @return array{encoding: string, delimiter: string, headers: string[], rows: array<int, array{line: int, cells: string[]}>}
     */
    public static function read(string $bytes): array
    {
        $decoded = self::decode($bytes);
        $text = str_replace(["\r\n", "\r"], "\n", $decoded['text']);
        $delimiter = self::detectDelimiter($text);
        return ['encoding' => $decoded['encoding'], 'delimiter' => $delimiter] + self::parse($text, $delimiter);
    }

    // ------------------------------------------------------------------ mapping

    /** A header as the guesser compares it: « Responsable – Prénom » → responsable_prenom. */
    public static function normalize(string $header): string
    {
        $header = strtr(
            $header,
            [
                'à' => 'a', 'â' => 'a', 'ä' => 'a', 'á' => 'a', 'ç' => 'c', 'é' => 'e', 'è' => 'e', 'ê' => 'e', 'ë' => 'e',
                'î' => 'i', 'ï' => 'i', 'í' => 'i', 'ô' => 'o', 'ö' => 'o', 'ó' => 'o', 'ù' => 'u', 'û' => 'u', 'ü' => 'u',
                'ú' => 'u', 'ÿ' => 'y', 'œ' => 'oe', 'æ' => 'ae', 'À' => 'a', 'Â' => 'a', 'Ä' => 'a', 'Ç' => 'c', 'É' => 'e',
                'È' => 'e', 'Ê' => 'e', 'Ë' => 'e', 'Î' => 'i', 'Ï' => 'i', 'Ô' => 'o', 'Ö' => 'o', 'Ù' => 'u', 'Û' => 'u',
                'Ü' => 'u', 'Œ' => 'oe', 'Æ' => 'ae',
            ]
        );
        $header = strtolower($header);
        $header = (string) preg_replace('/[^a-z0-9]+/', '_', $header);
        return trim($header, '_');
    }

    /** Every normalised name a field is recognised by, its own key first. */
    public static function namesOf(string $field): array
    {
        $names = array_merge([$field], self::ALIASES[$field] ?? []);
        foreach (self::PREFIXES as $level => $prefixes) {
            if (strpos($field, $level . '_') !== 0) {
                continue;
            }
            $base = substr($field, strlen($level) + 1);
            foreach (self::PERSON_ALIASES[$base] ?? [] as $alias) {
                foreach ($prefixes as $prefix) {
                    $names[] = $prefix . '_' . $alias;
                    $names[] = $alias . '_' . $prefix;
                }
            }
        }
        return array_values(array_unique($names));
    }

    /**
     * The guessed mapping: field => index of the header it reads from, or null. Each header serves one field at
     * most (the first, in the documented order, whose names include it).
     *
     * @param string[] $headers The file's headers.
     * @return array<string, int|null>
     */
    public static function guessMapping(array $headers): array
    {
        $byName = [];
        foreach ($headers as $index => $header) {
            $name = self::normalize((string) $header);
            if ($name !== '' && !isset($byName[$name])) {
                $byName[$name] = $index;
            }
        }
        $used = [];
        $mapping = [];
        foreach (array_keys(self::FIELDS) as $field) {
            $mapping[$field] = null;
            foreach (self::namesOf($field) as $name) {
                if (isset($byName[$name]) && !isset($used[$byName[$name]])) {
                    $mapping[$field] = $byName[$name];
                    $used[$byName[$name]] = true;
                    break;
                }
            }
        }
        return $mapping;
    }

    /**
     * A mapping as the form posted it (field => header index as a string, '' for none), cleaned: unknown fields
     * and indexes out of range dropped.
     *
     * @param mixed $posted The form's value.
     * @return array<string, int|null>
     */
    public static function cleanMapping($posted, int $headerCount): array
    {
        $mapping = [];
        foreach (array_keys(self::FIELDS) as $field) {
            $value = is_array($posted) && isset($posted[$field]) ? $posted[$field] : '';
            $index = is_numeric($value) ? (int) $value : -1;
            $mapping[$field] = $index >= 0 && $index < $headerCount ? $index : null;
        }
        return $mapping;
    }

    /**
     * Problems of the mapping itself: required fields without a column, and a column given to two fields.
     *
     * @param array<string, int|null> $mapping
     * @return array<int, array{field: string, code: string}>
     */
    public static function mappingErrors(array $mapping): array
    {
        $errors = [];
        $seen = [];
        foreach (self::FIELDS as $field => [, , $required]) {
            $index = $mapping[$field] ?? null;
            if ($index === null) {
                if ($required) {
                    $errors[] = ['field' => $field, 'code' => 'unmapped'];
                }
                continue;
            }
            if (isset($seen[$index])) {
                $errors[] = ['field' => $field, 'code' => 'column-twice'];
            }
            $seen[$index] = true;
        }
        return $errors;
    }

    // ------------------------------------------------------------------ one row

    /**
     * One record read through the mapping: field => trimmed cell, only for the mapped fields.
     *
     * @param string[]                $cells
     * @param array<string, int|null> $mapping
     * @return array<string, string>
     */
    public static function pick(array $cells, array $mapping): array
    {
        $values = [];
        foreach ($mapping as $field => $index) {
            if ($index !== null && isset(self::FIELDS[$field])) {
                $values[$field] = isset($cells[$index]) ? trim($cells[$index]) : '';
            }
        }
        return $values;
    }

    /**
     * A row's cells turned into the values stored (phones in E.164, dates in ISO, booleans, disciplines), and
     * the cells that cannot be: field => code. An empty cell is left out of the values (the row says nothing
     * about that field), except that a required field's empty cell is an error.
     *
     * @param array<string, string> $picked      pick()'s result.
     * @param string[]|null         $paymentModes The campaign's payment mode codes, to check payment_mode.
     * @return array{values: array<string, mixed>, errors: array<string, string>}
     */
    public static function validateRow(array $picked, ?array $paymentModes = null): array
    {
        $values = [];
        $errors = [];
        foreach (self::FIELDS as $field => [$level, $type, $required, $max]) {
            $raw = $picked[$field] ?? '';
            if ($raw === '') {
                if ($required) {
                    $errors[$field] = 'required';
                }
                continue;
            }
            $value = self::convert($type, $raw);
            if ($value === null) {
                $errors[$field] = 'invalid-' . $type;
                continue;
            }
            if ($max > 0 && is_string($value) && self::length($value) > $max) {
                $errors[$field] = 'too-long';
                continue;
            }
            $values[$field] = $value;
        }
        if (isset($values['payment_mode']) && $paymentModes !== null && !in_array($values['payment_mode'], $paymentModes, true)) {
            $errors['payment_mode'] = 'unknown-payment-mode';
            unset($values['payment_mode']);
        }
        $courseFields = array_intersect_key($values, array_flip(['course_cours', 'course_ha', 'course_teacher', 'course_cycle']));
        if (!isset($values['course_cursus']) && !isset($errors['course_cursus']) && $courseFields) {
            // A course needs its name; other course cells alone are a mistake, not a student without courses.
            $errors['course_cursus'] = 'required';
        }
        if (isset($values['course_cursus']) && !isset($values['course_discipline']) && !isset($errors['course_discipline'])) {
            $errors['course_discipline'] = 'required';
        }
        return ['values' => $values, 'errors' => $errors];
    }

    private static function length(string $value): int
    {
        return (int) preg_match_all('/./us', $value);
    }

    /**
     * A cell as its type stores it, or null when it cannot be one.
     *
     * @return mixed
     */
    private static function convert(string $type, string $raw)
    {
        switch ($type) {
            case 'id':
                return preg_match(self::ID, $raw) ? $raw : null;
            case 'email':
                return filter_var($raw, FILTER_VALIDATE_EMAIL) !== false ? $raw : null;
            case 'date':
                return self::date($raw);
            case 'phone':
                $phone = self::toE164($raw);
                return $phone === '' ? null : $phone;
            case 'country':
                return preg_match('/^[A-Za-z]{2}$/', $raw) ? strtoupper($raw) : null;
            case 'boolean':
                return self::boolean($raw);
            case 'discipline':
                return self::discipline($raw);
            default:
                return $raw;
        }
    }

    /** 2014-05-09, 09/05/2014, 09-05-2014 or 09.05.2014 → 2014-05-09; null when not a real date. */
    public static function date(string $raw): ?string
    {
        if (preg_match('/^(\d{4})-(\d{2})-(\d{2})$/', $raw, $m)) {
            [, $y, $mo, $d] = $m;
        } elseif (preg_match('/^(\d{1,2})[\/.-](\d{1,2})[\/.-](\d{4})$/', $raw, $m)) {
            [, $d, $mo, $y] = $m;
        } else {
            return null;
        }
        if (!checkdate((int) $mo, (int) $d, (int) $y)) {
            return null;
        }
        return sprintf('%04d-%02d-%02d', (int) $y, (int) $mo, (int) $d);
    }

    /** oui/non, yes/no, 1/0, vrai/faux, true/false, x (a ticked cell); null for anything else. */
    public static function boolean(string $raw): ?bool
    {
        $value = self::normalize($raw);
        if (in_array($value, ['oui', 'o', 'yes', 'y', '1', 'vrai', 'true', 'x'], true)) {
            return true;
        }
        if (in_array($value, ['non', 'n', 'no', '0', 'faux', 'false'], true)) {
            return false;
        }
        return null;
    }

    /** musique, danse, theatre (also Théâtre, music, dance, theater); null for anything else. */
    public static function discipline(string $raw): ?string
    {
        $map = ['musique' => 'musique', 'music' => 'musique', 'danse' => 'danse', 'dance' => 'danse', 'theatre' => 'theatre',
            'theater' => 'theatre'];
        return $map[self::normalize($raw)] ?? null;
    }

    /**
     * The E.164 form of a phone as people type it (06 12 34 56 78, +33 (0)6…, 0033 6…, +41…): '' for nothing, null
     * when it cannot be a number. The same rules as the widget's toE164 (src/schemas/phone.ts).
     */
    public static function toE164(string $input): ?string
    {
        $typed = trim($input);
        if ($typed === '') {
            return '';
        }
        if (!preg_match('/^\+?[\d\s.\-\/()]+$/u', $typed)) {
            return null;
        }
        $withoutTrunk = $typed[0] === '+' ? (string) preg_replace('/\(\s*0\s*\)/u', '', $typed, 1) : $typed;
        $digits = (string) preg_replace('/[\s.\-\/()]/u', '', $withoutTrunk);
        if (!preg_match('/^\+?\d+$/', $digits)) {
            return null;
        }
        if (strpos($digits, '00') === 0) {
            $digits = '+' . substr($digits, 2);
        }
        if (strpos($digits, '+33') === 0) {
            $rest = substr($digits, 3);
            return self::fromNational(strpos($rest, '0') === 0 ? $rest : '0' . $rest);
        }
        if ($digits[0] === '+') {
            return preg_match('/^\+[1-9]\d{6,14}$/', $digits) ? $digits : null;
        }
        return self::fromNational($digits);
    }

    private static function fromNational(string $national): ?string
    {
        return preg_match('/^0[1-9]\d{8}$/', $national) ? '+33' . substr($national, 1) : null;
    }

    // ------------------------------------------------------------------ the whole file

    /**
     * The rows grouped into families (in the file's order), with every error: the rows' own, and the
     * inconsistencies between rows (a family or student cell that differs from an earlier row of the same
     * family or student, a student id under two families, a course twice).
     *
     * @param array<int, array{line: int, cells: string[]}> $rows
     * @param array<string, int|null>                        $mapping
     * @param string[]|null                                  $paymentModes
     * @return array{
     *   families: array<int, array<string, mixed>>,
     *   rows: array<int, array{line: int, values: array<string, mixed>, errors: array<string, string>}>,
     *   errors: array<int, array{line: int, field: string, code: string}>
     * }
     */
    public static function build(array $rows, array $mapping, ?array $paymentModes = null): array
    {
        $checked = [];
        $errors = [];
        $families = [];
        $familyOfStudent = [];
        foreach ($rows as $row) {
            $result = self::validateRow(self::pick($row['cells'], $mapping), $paymentModes);
            $values = $result['values'];
            $rowErrors = $result['errors'];
            $key = isset($values['family_identifier']) ? self::lower($values['family_identifier']) : null;
            $studentId = $values['student_id'] ?? null;
            if ($key !== null && $studentId !== null) {
                if (isset($familyOfStudent[$studentId]) && $familyOfStudent[$studentId] !== $key) {
                    $rowErrors['student_id'] = 'student-other-family';
                } else {
                    $familyOfStudent[$studentId] = $key;
                    if (!isset($families[$key])) {
                        $families[$key] = ['fields' => [], 'students' => []];
                    }
                    $family = &$families[$key];
                    self::merge($family['fields'], $values, ['family', 'guardian'], $rowErrors);
                    if (!isset($family['students'][$studentId])) {
                        $family['students'][$studentId] = ['fields' => [], 'courses' => []];
                    }
                    $student = &$family['students'][$studentId];
                    self::merge($student['fields'], $values, ['student'], $rowErrors);
                    if (isset($values['course_cursus'])) {
                        $course = self::course($values);
                        $courseKey = self::lower($course['cursus'] . "\u{1}" . $course['cours']);
                        if (isset($student['courses'][$courseKey])) {
                            $rowErrors['course_cursus'] = 'duplicate-course';
                        } elseif (!isset($rowErrors['course_cursus']) && !isset($rowErrors['course_discipline'])) {
                            $student['courses'][$courseKey] = $course;
                        }
                    }
                    unset($student, $family);
                }
            }
            foreach ($rowErrors as $field => $code) {
                $errors[] = ['line' => $row['line'], 'field' => $field, 'code' => $code];
            }
            $checked[] = ['line' => $row['line'], 'values' => $values, 'errors' => $rowErrors];
        }
        $built = [];
        foreach ($families as $family) {
            $built[] = self::family($family);
        }
        return ['families' => $built, 'rows' => $checked, 'errors' => $errors];
    }

    /**
     * Adds a row's values of the given levels to what earlier rows said; a value that differs from theirs is an
     * `inconsistent` error on that field.
     *
     * @param array<string, mixed>  $into
     * @param array<string, mixed>  $values
     * @param string[]              $levels
     * @param array<string, string> $errors
     */
    private static function merge(array &$into, array $values, array $levels, array &$errors): void
    {
        foreach ($values as $field => $value) {
            // The identifier is the family's key, compared without case (as logins are): the first row's spelling stays.
            if ($field === 'family_identifier' || !in_array(self::FIELDS[$field][0], $levels, true)) {
                if ($field === 'family_identifier' && !array_key_exists($field, $into)) {
                    $into[$field] = $value;
                }
                continue;
            }
            if (!array_key_exists($field, $into)) {
                $into[$field] = $value;
            } elseif ($into[$field] !== $value && !isset($errors[$field])) {
                $errors[$field] = 'inconsistent';
            }
        }
    }

    private static function lower(string $value): string
    {
        return function_exists('mb_strtolower') ? mb_strtolower($value, 'UTF-8') : strtolower($value);
    }

    /**
     * @param array<string, mixed> $values
     * @return array<string, mixed> A Course of the contract.
     */
    private static function course(array $values): array
    {
        $course = [
            'cursus'     => $values['course_cursus'],
            'cours'      => $values['course_cours'] ?? '',
            'teacher'    => $values['course_teacher'] ?? '',
            'cycle'      => $values['course_cycle'] ?? '',
            'active'     => $values['course_active'] ?? true,
            'discipline' => $values['course_discipline'] ?? 'musique',
        ];
        if (isset($values['course_ha'])) {
            // The contract's optional `ha` column; absent rather than empty, as in the seed.
            $course = array_slice($course, 0, 2, true) + ['ha' => $values['course_ha']] + array_slice($course, 2, null, true);
        }
        return $course;
    }

    /**
     * One family in the shape of the seed's SeedFamily (src/mocks/seed.ts), without the password: id, identifier,
     * email, guardian (a Guardian), paymentMode, bankChanged (always null: the family says it during the
     * re-registration), students [{id, coordinates, courses, administrativeReregistrationApplies}].
     *
     * @param array{fields: array<string, mixed>, students: array<string, array>} $family
     * @return array<string, mixed>
     */
    private static function family(array $family): array
    {
        $f = $family['fields'];
        $text = static function (string $field) use (&$f): string {
            return isset($f[$field]) ? (string) $f[$field] : '';
        };
        $extraPhones = [];
        foreach (['guardian_extra_phone_1', 'guardian_extra_phone_2', 'guardian_extra_phone_3'] as $field) {
            if (isset($f[$field])) {
                $extraPhones[] = $f[$field];
            }
        }
        $guardian = self::identity($f, 'guardian') + [
            'country'            => $f['guardian_country'] ?? 'FR',
            'address'            => $text('guardian_address'),
            'postalCode'         => $text('guardian_postal_code'),
            'city'               => $text('guardian_city'),
        ] + self::phones($f, 'guardian') + [
            // The account's address is the guardian's unless the file gives another one.
            'email'              => $f['guardian_email'] ?? $text('email'),
            'situationFamiliale' => $text('guardian_situation_familiale'),
            'pcs'                => $text('guardian_pcs'),
            'profession'         => $text('guardian_profession'),
            'extraPhones'        => $extraPhones,
        ];
        $students = [];
        foreach ($family['students'] as $id => $student) {
            $students[] = self::student((string) $id, $student, $guardian);
        }
        return [
            'id'          => $f['family_id'] ?? null,
            'identifier'  => $text('family_identifier'),
            'email'       => $text('email'),
            'guardian'    => $guardian,
            'paymentMode' => $f['payment_mode'] ?? null,
            'bankChanged' => null,
            'students'    => $students,
        ];
    }

    /**
     * @param array{fields: array<string, mixed>, courses: array<string, array>} $student
     * @param array<string, mixed> $guardian
     * @return array<string, mixed>
     */
    private static function student(string $id, array $student, array $guardian): array
    {
        $s = $student['fields'];
        $text = static function (string $field) use (&$s): string {
            return isset($s[$field]) ? (string) $s[$field] : '';
        };
        $hasAddress = isset($s['student_address']) || isset($s['student_postal_code']) || isset($s['student_city']);
        // Without the column, a student without an address of their own lives at the guardian's.
        $shared = $s['student_use_guardian_address'] ?? !$hasAddress;
        return [
            'id'          => $id,
            'coordinates' => self::identity($s, 'student') + [
                'situationFamiliale' => $text('student_situation_familiale'),
                'useGuardianAddress' => $shared,
                // The guardian's address fills in a shared address the file leaves blank.
                'address'            => $shared && !isset($s['student_address']) ? $guardian['address'] : $text('student_address'),
                'postalCode'         => $shared && !isset($s['student_postal_code']) ? $guardian['postalCode'] : $text('student_postal_code'),
                'city'               => $shared && !isset($s['student_city']) ? $guardian['city'] : $text('student_city'),
            ] + self::phones($s, 'student') + [
                'email'              => $text('student_email'),
                'emergencyContact'   => $text('student_emergency_contact'),
                'emergencyPhone'     => $text('student_emergency_phone'),
                'school'             => $text('student_school'),
                'schoolLevel'        => $text('student_school_level'),
            ],
            'courses'     => array_values($student['courses']),
            'administrativeReregistrationApplies' => $s['administrative_reregistration'] ?? false,
        ];
    }

    /**
     * Who a person is (the contract's identity fields, guardian and student alike), from the fields of a prefix.
     *
     * @param array<string, mixed> $fields
     * @return array<string, mixed>
     */
    private static function identity(array $fields, string $prefix): array
    {
        $out = [];
        $keys = ['civilite' => 'civilite', 'lastName' => 'last_name', 'firstName' => 'first_name', 'birthDate' => 'birth_date',
            'birthPlace' => 'birth_place', 'birthDepartment' => 'birth_department'];
        foreach ($keys as $key => $field) {
            $value = $fields[$prefix . '_' . $field] ?? null;
            // A date is null when unknown, a text is empty.
            $out[$key] = $key === 'birthDate' ? $value : (string) $value;
        }
        return $out;
    }

    /**
     * A person's three phones, '' when not given.
     *
     * @param array<string, mixed> $fields
     * @return array<string, string>
     */
    private static function phones(array $fields, string $prefix): array
    {
        $out = [];
        foreach (['phoneHome' => 'phone_home', 'phoneMobile' => 'phone_mobile', 'phoneWork' => 'phone_work'] as $key => $field) {
            $out[$key] = (string) ($fields[$prefix . '_' . $field] ?? '');
        }
        return $out;
    }

    // ------------------------------------------------------------------ the dry run

    /**
     * What the import would do, against what the database holds (load()'s result): families, students and
     * courses to create, to update and unchanged, and the students the database has that the file leaves out
     * (kept as they are). Courses are matched by cursus and cours within their student.
     *
     * Also gives each new family its id: the file's family_id, else one made from its identifier, never one
     * already taken.
     *
     * @param array<int, array<string, mixed>> $families build()'s families.
     * @param array{families: array<string, array>, students: array<string, array>, ids: array<string, bool>} $existing
     * @return array{counts: array<string, array<string, int>>, families: array<int, array<string, mixed>>,
     *   errors: array<int, array{family: string, field: string, code: string}>}
     */
    public static function plan(array $families, array $existing): array
    {
        $counts = [];
        foreach (['families', 'students', 'courses'] as $what) {
            $counts[$what] = ['create' => 0, 'update' => 0, 'unchanged' => 0];
        }
        $counts['students']['kept'] = 0;
        $counts['courses']['remove'] = 0;
        $errors = [];
        $taken = $existing['ids'];
        $planned = [];
        foreach ($families as $family) {
            $key = self::lower($family['identifier']);
            $current = $existing['families'][$key] ?? null;
            if ($current !== null) {
                $family['id'] = $current['id'];
                // A payment mode already chosen (by the family, or an earlier import) is theirs to change.
                $family['setPaymentMode'] = $family['paymentMode'] !== null && $current['payment_mode'] === null;
                $family['action'] = self::sameFamily($family, $current) ? 'unchanged' : 'update';
            } else {
                if ($family['id'] !== null && isset($taken[$family['id']])) {
                    $errors[] = ['family' => $family['identifier'], 'field' => 'family_id', 'code' => 'family-id-taken'];
                }
                $family['id'] = $family['id'] ?? self::newId($family['identifier'], $taken);
                $family['action'] = 'create';
                $family['setPaymentMode'] = true;
            }
            $taken[$family['id']] = true;
            $counts['families'][$family['action']]++;
            $inFile = [];
            foreach ($family['students'] as $position => &$student) {
                $inFile[$student['id']] = true;
                $was = $existing['students'][$student['id']] ?? null;
                if ($was !== null && $was['family_id'] !== $family['id']) {
                    $errors[] = ['family' => $family['identifier'], 'field' => 'student_id', 'code' => 'student-other-family'];
                    $student['action'] = 'conflict';
                    continue;
                }
                $before = $was !== null ? $was['courses'] : [];
                $courseCounts = self::courseCounts($before, $student['courses']);
                foreach ($courseCounts as $what => $n) {
                    $counts['courses'][$what] += $n;
                }
                if ($was === null) {
                    $student['action'] = 'create';
                } elseif (
                    $was['coordinates'] == $student['coordinates'] && $was['courses'] == $student['courses']
                    && (bool) $was['administrative'] === $student['administrativeReregistrationApplies']
                    && (int) $was['position'] === $position
                ) {
                    $student['action'] = 'unchanged';
                } else {
                    $student['action'] = 'update';
                }
                $counts['students'][$student['action']]++;
            }
            unset($student);
            foreach ($existing['students'] as $id => $was) {
                if ($was['family_id'] === $family['id'] && !isset($inFile[$id])) {
                    $counts['students']['kept']++;
                }
            }
            $planned[] = $family;
        }
        return ['counts' => $counts, 'families' => $planned, 'errors' => $errors];
    }

    /**
     * @param array<string, mixed> $family
     * @param array<string, mixed> $current
     */
    private static function sameFamily(array $family, array $current): bool
    {
        return $family['identifier'] === $current['identifier'] && $family['email'] === $current['email']
            && $family['guardian'] == $current['guardian'] && !$family['setPaymentMode'];
    }

    /**
     * @param array<int, array<string, mixed>> $before
     * @param array<int, array<string, mixed>> $after
     * @return array{create: int, update: int, unchanged: int, remove: int}
     */
    private static function courseCounts(array $before, array $after): array
    {
        $index = [];
        foreach ($before as $course) {
            $index[self::lower(($course['cursus'] ?? '') . "\u{1}" . ($course['cours'] ?? ''))] = $course;
        }
        $counts = ['create' => 0, 'update' => 0, 'unchanged' => 0, 'remove' => 0];
        foreach ($after as $course) {
            $key = self::lower($course['cursus'] . "\u{1}" . $course['cours']);
            if (!isset($index[$key])) {
                $counts['create']++;
            } elseif ($index[$key] == $course) {
                $counts['unchanged']++;
            } else {
                $counts['update']++;
            }
            unset($index[$key]);
        }
        $counts['remove'] = count($index);
        return $counts;
    }

    /**
     * An id for a new family, from its identifier (LIMONEST-0001 → limonest-0001), made unique against $taken.
     *
     * @param array<string, bool> $taken
     */
    public static function newId(string $identifier, array $taken): string
    {
        $base = substr(str_replace('_', '-', self::normalize($identifier)), 0, 56);
        $base = $base === '' ? 'famille' : $base;
        $id = $base;
        for ($n = 2; isset($taken[$id]); $n++) {
            $id = $base . '-' . $n;
        }
        return $id;
    }

    // ------------------------------------------------------------------ the database

    /** A table's name, through H-core's Db when it is loaded. */
    private static function table(string $name): string
    {
        global $wpdb;
        return class_exists(Db::class) ? Db::table($name) : $wpdb->prefix . 'rw_' . $name;
    }

    private static function nowMs(): int
    {
        return class_exists(Clock::class) ? Clock::nowMs() : (int) round(microtime(true) * 1000);
    }

    /**
     * What plan() compares with: the families whose identifier the file names (by lower-case identifier), the
     * students of those families and those whose ids the file names, and every family id (for new ids).
     *
     * @param array<int, array<string, mixed>> $families build()'s families.
     * @return array{families: array<string, array>, students: array<string, array>, ids: array<string, bool>}
     */
    public static function load(array $families): array
    {
        global $wpdb;
        $familiesTable = self::table('families');
        $studentsTable = self::table('students');
        $out = ['families' => [], 'students' => [], 'ids' => []];
        foreach ((array) $wpdb->get_col("SELECT id FROM {$familiesTable}") as $id) {
            $out['ids'][(string) $id] = true;
        }
        $familyIds = [];
        foreach ($families as $family) {
            $row = $wpdb->get_row(
                $wpdb->prepare(
                    "SELECT id, identifier, email, guardian, payment_mode FROM {$familiesTable} WHERE identifier_lc = %s",
                    self::lower($family['identifier'])
                ),
                ARRAY_A
            );
            if (is_array($row)) {
                $row['guardian'] = json_decode((string) $row['guardian'], true);
                $out['families'][self::lower($family['identifier'])] = $row;
                $familyIds[] = $row['id'];
            }
            foreach ($family['students'] as $student) {
                $studentRow = $wpdb->get_row(
                    $wpdb->prepare(
                        "SELECT id, family_id, position, coordinates, courses, administrative_applies FROM {$studentsTable} WHERE id = %s",
                        $student['id']
                    ),
                    ARRAY_A
                );
                if (is_array($studentRow)) {
                    $out['students'][$studentRow['id']] = self::studentRow($studentRow);
                }
            }
        }
        foreach (array_unique($familyIds) as $familyId) {
            $rows = $wpdb->get_results(
                $wpdb->prepare(
                    "SELECT id, family_id, position, coordinates, courses, administrative_applies FROM {$studentsTable} WHERE family_id = %s",
                    $familyId
                ),
                ARRAY_A
            );
            foreach ((array) $rows as $studentRow) {
                $out['students'][$studentRow['id']] = self::studentRow($studentRow);
            }
        }
        return $out;
    }

    /**
     * @param array<string, mixed> $row
     * @return array<string, mixed>
     */
    private static function studentRow(array $row): array
    {
        return [
            'family_id'      => (string) $row['family_id'],
            'position'       => (int) $row['position'],
            'coordinates'    => json_decode((string) $row['coordinates'], true),
            'courses'        => json_decode((string) $row['courses'], true) ?: [],
            'administrative' => (bool) $row['administrative_applies'],
        ];
    }

    /**
     * Writes plan()'s families in one transaction: new families without a password (password_hash NULL, the
     * first login goes through « Mot de passe perdu »), updated ones without touching their password, a payment
     * mode already chosen, drafts, submissions or documents. Students: coordinates, courses, the administrative
     * flag and their order; their status, draft, submission and authorisations stay.
     *
     * @param array<int, array<string, mixed>> $planned plan()'s families.
     * @return bool False when the database refused a write (everything is rolled back).
     */
    public static function write(array $planned): bool
    {
        global $wpdb;
        $familiesTable = self::table('families');
        $studentsTable = self::table('students');
        $now = self::nowMs();
        $wpdb->query('START TRANSACTION');
        $ok = true;
        foreach ($planned as $family) {
            $guardian = wp_json_encode($family['guardian']);
            if ($family['action'] === 'create') {
                $ok = $ok && false !== $wpdb->insert(
                    $familiesTable,
                    [
                        'id'            => $family['id'],
                        'identifier'    => $family['identifier'],
                        'identifier_lc' => self::lower($family['identifier']),
                        'email'         => $family['email'],
                        'guardian'      => $guardian,
                        'payment_mode'  => $family['paymentMode'],
                        'created_ms'    => $now,
                        'updated_ms'    => $now,
                    ],
                    ['%s', '%s', '%s', '%s', '%s', '%s', '%d', '%d']
                );
            } elseif ($family['action'] === 'update') {
                $data = [
                    'identifier'    => $family['identifier'],
                    'identifier_lc' => self::lower($family['identifier']),
                    'email'         => $family['email'],
                    'guardian'      => $guardian,
                    'updated_ms'    => $now,
                ];
                $formats = ['%s', '%s', '%s', '%s', '%d'];
                if ($family['setPaymentMode']) {
                    $data['payment_mode'] = $family['paymentMode'];
                    $formats[] = '%s';
                }
                $ok = $ok && false !== $wpdb->update($familiesTable, $data, ['id' => $family['id']], $formats, ['%s']);
            }
            foreach ($family['students'] as $position => $student) {
                if (!$ok) {
                    break;
                }
                $data = [
                    'family_id'              => $family['id'],
                    'position'               => $position,
                    'coordinates'            => wp_json_encode($student['coordinates']),
                    'courses'                => wp_json_encode($student['courses']),
                    'administrative_applies' => $student['administrativeReregistrationApplies'] ? 1 : 0,
                    'updated_ms'             => $now,
                ];
                $formats = ['%s', '%d', '%s', '%s', '%d', '%d'];
                if ($student['action'] === 'create') {
                    $ok = false !== $wpdb->insert(
                        $studentsTable,
                        ['id' => $student['id'], 'status' => 'a-faire'] + $data,
                        array_merge(['%s', '%s'], $formats)
                    );
                } elseif ($student['action'] === 'update') {
                    $ok = false !== $wpdb->update($studentsTable, $data, ['id' => $student['id']], $formats, ['%s']);
                }
            }
            if (!$ok) {
                break;
            }
        }
        $wpdb->query($ok ? 'COMMIT' : 'ROLLBACK');
        return $ok;
    }
}
