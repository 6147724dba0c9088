<?php

/**
 * The CSV import's pure parts (includes/backend/Import.php), without WordPress: encodings, separators, quoting,
 * the header guesser, the checks of each cell, the grouping into families, and the dry run's plan. The seed's
 * family (test/fixtures/seed-family.csv) must give exactly src/mocks/seed.ts's family (test/fixtures/seed-family.json,
 * which the last test regenerates with npx tsx when Node is there).
 *
 * @package ReinscriptionWizard
 */

namespace ReinscriptionWizard\Tests;

use PHPUnit\Framework\TestCase;
use ReinscriptionWizard\Backend\Import;

final class ImportTest extends TestCase
{
    private const FIXTURES = __DIR__ . '/../fixtures/';

    private static function seedCsv(): string
    {
        return (string) file_get_contents(self::FIXTURES . 'seed-family.csv');
    }

    private static function seedFamily(): array
    {
        return json_decode((string) file_get_contents(self::FIXTURES . 'seed-family.json'), true);
    }

    /** The whole pure pipeline: read, guess, build. */
    private static function build(string $bytes, ?array $paymentModes = ['single', 'direct-debit']): array
    {
        $read = Import::read($bytes);
        return Import::build($read['rows'], Import::guessMapping($read['headers']), $paymentModes);
    }

    private static function empty(): array
    {
        return ['families' => [], 'students' => [], 'ids' => []];
    }

    public function testTheSeedCsvGivesExactlyTheSeedFamily(): void
    {
        $built = self::build(self::seedCsv());
        $this->assertSame([], $built['errors']);
        $this->assertCount(1, $built['families']);
        // assertSame: the same keys in the same order, the same types (null birth dates, booleans, lists).
        $this->assertSame(self::seedFamily(), $built['families'][0]);
    }

    public function testEveryRequiredFieldOfTheSeedCsvIsGuessedFromItsFrenchHeaders(): void
    {
        $read = Import::read(self::seedCsv());
        $mapping = Import::guessMapping($read['headers']);
        $this->assertSame([], Import::mappingErrors($mapping));
        $this->assertSame('Responsable nom', $read['headers'][$mapping['guardian_last_name']]);
        $this->assertSame('Élève identifiant', $read['headers'][$mapping['student_id']]);
        $this->assertSame('Responsable e-mail', $read['headers'][$mapping['guardian_email']]);
        $this->assertSame('E-mail', $read['headers'][$mapping['email']]);
        $this->assertNull($mapping['course_ha']);
        // Every header is used once at most.
        $used = array_filter($mapping, 'is_int');
        $this->assertSame(count($used), count(array_unique($used)));
    }

    public function testTheDocumentedExampleFileImportsWithoutErrors(): void
    {
        $bytes = (string) file_get_contents(__DIR__ . '/../../wordpress/reinscription-wizard/data/import-example.csv');
        $read = Import::read($bytes);
        $mapping = Import::guessMapping($read['headers']);
        // Its headers are the documented column names: every one maps to its own field.
        foreach (array_keys(Import::fields()) as $field) {
            $this->assertNotNull($mapping[$field], $field);
            $this->assertSame($field, $read['headers'][$mapping[$field]]);
        }
        $built = Import::build($read['rows'], $mapping, ['single', 'direct-debit']);
        $this->assertSame([], $built['errors']);
        $this->assertGreaterThanOrEqual(2, count($built['families']));
    }

    public function testEncodingsAndSeparators(): void
    {
        $expected = self::seedFamily();
        $utf8 = substr(self::seedCsv(), 3);
        $this->assertSame('UTF-8 (BOM)', Import::read(self::seedCsv())['encoding']);
        $this->assertSame('UTF-8', Import::read($utf8)['encoding']);
        $this->assertSame($expected, self::build($utf8)['families'][0]);

        // Excel's « CSV (séparateur : point-virgule) » on a French Windows: Windows-1252, ’ included (0x92).
        $cp1252 = (string) iconv('UTF-8', 'Windows-1252', $utf8);
        $this->assertNotSame($utf8, $cp1252);
        $read = Import::read($cp1252);
        $this->assertSame('Windows-1252', $read['encoding']);
        $this->assertSame($expected, self::build($cp1252)['families'][0]);

        // Excel's « Texte Unicode »: UTF-16LE with its BOM.
        $utf16 = "\xFF\xFE" . (string) iconv('UTF-8', 'UTF-16LE', $utf8);
        $this->assertSame('UTF-16LE', Import::read($utf16)['encoding']);
        $this->assertSame($expected, self::build($utf16)['families'][0]);

        // Comma-separated, LF line ends, every cell quoted.
        $read = Import::read($utf8);
        $lines = [];
        foreach (array_merge([$read['headers']], array_column($read['rows'], 'cells')) as $cells) {
            $lines[] = implode(',', array_map(static function ($c) {
                return '"' . str_replace('"', '""', $c) . '"';
            }, $cells));
        }
        $comma = implode("\n", $lines) . "\n";
        $this->assertSame(',', Import::read($comma)['delimiter']);
        $this->assertSame($expected, self::build($comma)['families'][0]);
    }

    public function testQuotingLineBreaksAndBlankLines(): void
    {
        $csv = "a;b;c\r\n\"x;y\";\"line\nbreak\";\"say \"\"hi\"\"\"\r\n;;\r\n\r\n1;2;3\r\n";
        $read = Import::read($csv);
        $this->assertSame(';', $read['delimiter']);
        $this->assertSame(['a', 'b', 'c'], $read['headers']);
        $this->assertCount(2, $read['rows']);
        $this->assertSame(['x;y', "line\nbreak", 'say "hi"'], $read['rows'][0]['cells']);
        // Row numbers as in the spreadsheet: the blank records are skipped but counted.
        $this->assertSame(2, $read['rows'][0]['line']);
        $this->assertSame(5, $read['rows'][1]['line']);
        // A backslash is a character, not an escape (spreadsheets do not escape).
        $this->assertSame(['C:\\dossier\\', 'z'], Import::read("a;b\n\"C:\\dossier\\\";z\n")['rows'][0]['cells']);
    }

    public function testDelimiterDetection(): void
    {
        $this->assertSame(';', Import::detectDelimiter("a;b;c\n1,5;2;3"));
        $this->assertSame(',', Import::detectDelimiter("a,b,c\n"));
        $this->assertSame("\t", Import::detectDelimiter("a\tb\tc\n"));
        $this->assertSame(',', Import::detectDelimiter("\"a;b\",c,d\n"));
        $this->assertSame(';', Import::detectDelimiter("single\n"));
    }

    public function testCellConversions(): void
    {
        $this->assertSame('+33612345678', Import::toE164('06 12 34 56 78'));
        $this->assertSame('+33612345678', Import::toE164('06.12.34.56.78'));
        $this->assertSame('+33612345678', Import::toE164('+33 (0)6 12 34 56 78'));
        $this->assertSame('+33612345678', Import::toE164('0033 6 12 34 56 78'));
        $this->assertSame('+41791234567', Import::toE164('+41 79 123 45 67'));
        $this->assertSame('', Import::toE164('  '));
        $this->assertNull(Import::toE164('06 12 34'));
        $this->assertNull(Import::toE164('n/a'));
        $this->assertSame('2014-05-09', Import::date('09/05/2014'));
        $this->assertSame('2014-05-09', Import::date('9/5/2014'));
        $this->assertSame('2014-05-09', Import::date('2014-05-09'));
        $this->assertSame('2014-05-09', Import::date('09.05.2014'));
        $this->assertNull(Import::date('31/02/2014'));
        $this->assertNull(Import::date('09/05/14'));
        $this->assertTrue(Import::boolean('Oui'));
        $this->assertTrue(Import::boolean('X'));
        $this->assertFalse(Import::boolean('non'));
        $this->assertFalse(Import::boolean('0'));
        $this->assertNull(Import::boolean('peut-être'));
        $this->assertSame('theatre', Import::discipline('Théâtre'));
        $this->assertSame('danse', Import::discipline('DANSE'));
        $this->assertSame('musique', Import::discipline('music'));
        $this->assertNull(Import::discipline('cirque'));
        $this->assertSame('responsable_prenom', Import::normalize(' Responsable – Prénom '));
        $this->assertSame('eleve_tel_urgence', Import::normalize('Élève tél. urgence'));
    }

    public function testRowErrorsNameTheirRowAndField(): void
    {
        $csv = str_replace(
            ['06 39 98 00 42', '09/05/2014', 'Théâtre', 'direct-debit'],
            ['06 39 98', '31/02/2014', 'Cirque', 'cheque'],
            self::seedCsv()
        );
        $built = self::build($csv);
        $byLine = [];
        foreach ($built['errors'] as $error) {
            $byLine[$error['line']][$error['field']] = $error['code'];
        }
        $this->assertSame('invalid-phone', $byLine[2]['guardian_phone_mobile']);
        $this->assertSame('invalid-date', $byLine[2]['student_birth_date']);
        $this->assertSame('unknown-payment-mode', $byLine[2]['payment_mode']);
        $this->assertSame('invalid-discipline', $byLine[5]['course_discipline']);
        // Without the campaign's list, any well-formed code passes.
        $this->assertArrayNotHasKey('payment_mode', self::build($csv, null)['rows'][0]['errors']);
    }

    public function testRequiredCellsAndCourseCells(): void
    {
        $header = "family_identifier;email;guardian_last_name;guardian_first_name;student_id;student_last_name;student_first_name;"
            . "course_cursus;course_teacher;course_discipline\n";
        $csv = $header
            . "F1;a@example.fr;DUPONT;Anne;s1;DUPONT;Léo;;;\n"          // a student without a course: fine
            . "F1;a@example.fr;DUPONT;Anne;s2;DUPONT;Zoé;;Mme X;\n"     // a teacher without a cursus
            . "F1;a@example.fr;DUPONT;Anne;s3;DUPONT;Max;Piano;;\n"     // a cursus without a discipline
            . ";a@example.fr;DUPONT;Anne;s4;;Max;Piano;;musique\n";     // no identifier, no student last name
        $built = self::build($csv);
        $codes = [];
        foreach ($built['errors'] as $error) {
            $codes[] = $error['line'] . ':' . $error['field'] . ':' . $error['code'];
        }
        $this->assertSame([
            '3:course_cursus:required',
            '4:course_discipline:required',
            '5:family_identifier:required',
            '5:student_last_name:required',
        ], $codes);
        $this->assertSame([], $built['families'][0]['students'][0]['courses']);
        $this->assertSame('FR', $built['families'][0]['guardian']['country']);
        $this->assertSame('a@example.fr', $built['families'][0]['guardian']['email']);
        $this->assertNull($built['families'][0]['id']);
    }

    public function testInconsistentRowsDuplicatesAndStudentsOfTwoFamilies(): void
    {
        $header = "family_identifier;email;guardian_last_name;guardian_first_name;guardian_city;student_id;student_last_name;"
            . "student_first_name;course_cursus;course_discipline\n";
        $csv = $header
            . "F1;a@example.fr;DUPONT;Anne;Limonest;s1;DUPONT;Léo;Piano;musique\n"
            . "f1;b@example.fr;DUPONT;Anne;Limonest;s1;DUPONT;Léo;FM 1C1;musique\n" // same family (case), another e-mail
            . "F1;a@example.fr;DUPONT;Anne;;s1;DUPONT;Léo;piano;musique\n"          // an empty optional cell agrees; piano twice
            . "F2;c@example.fr;MARTIN;Paul;;s1;MARTIN;Léo;Danse;danse\n";           // s1 is F1's
        $built = self::build($csv);
        $codes = [];
        foreach ($built['errors'] as $error) {
            $codes[] = $error['line'] . ':' . $error['field'] . ':' . $error['code'];
        }
        $this->assertSame(['3:email:inconsistent', '4:course_cursus:duplicate-course', '5:student_id:student-other-family'], $codes);
        $this->assertCount(1, $built['families']);
        $this->assertCount(2, $built['families'][0]['students'][0]['courses']);
        $this->assertSame('F1', $built['families'][0]['identifier']);
        $this->assertSame('Limonest', $built['families'][0]['guardian']['city']);
    }

    public function testMappingErrors(): void
    {
        $mapping = Import::guessMapping(['Identifiant', 'E-mail', 'Nom']);
        $errors = Import::mappingErrors($mapping);
        $fields = array_column($errors, 'field');
        $this->assertContains('guardian_last_name', $fields);
        $this->assertContains('student_id', $fields);
        $this->assertNotContains('family_identifier', $fields);
        $mapping['student_id'] = 0;
        $this->assertContains(['field' => 'student_id', 'code' => 'column-twice'], Import::mappingErrors($mapping));
        $clean = Import::cleanMapping(['email' => '1', 'student_id' => '9', 'nope' => '0', 'guardian_city' => 'x'], 3);
        $this->assertSame(1, $clean['email']);
        $this->assertNull($clean['student_id']);
        $this->assertNull($clean['guardian_city']);
        $this->assertArrayNotHasKey('nope', $clean);
    }

    public function testPlanAgainstAnEmptyDatabaseCreatesEverything(): void
    {
        $plan = Import::plan(self::build(self::seedCsv())['families'], self::empty());
        $this->assertSame([], $plan['errors']);
        $this->assertSame(['create' => 1, 'update' => 0, 'unchanged' => 0], $plan['counts']['families']);
        $this->assertSame(['create' => 2, 'update' => 0, 'unchanged' => 0, 'kept' => 0], $plan['counts']['students']);
        $this->assertSame(['create' => 6, 'update' => 0, 'unchanged' => 0, 'remove' => 0], $plan['counts']['courses']);
        $this->assertSame('famille-dagostino', $plan['families'][0]['id']);
        $this->assertSame('create', $plan['families'][0]['action']);
    }

    /** The database as load() would give it after importing these families. */
    private static function existingFrom(array $families, ?string $paymentMode = 'direct-debit'): array
    {
        $existing = self::empty();
        foreach ($families as $family) {
            $existing['ids'][$family['id']] = true;
            $existing['families'][strtolower($family['identifier'])] = [
                'id' => $family['id'], 'identifier' => $family['identifier'], 'email' => $family['email'],
                'guardian' => $family['guardian'], 'payment_mode' => $paymentMode,
            ];
            foreach ($family['students'] as $position => $student) {
                $existing['students'][$student['id']] = [
                    'family_id' => $family['id'], 'position' => $position, 'coordinates' => $student['coordinates'],
                    'courses' => $student['courses'], 'administrative' => $student['administrativeReregistrationApplies'],
                ];
            }
        }
        return $existing;
    }

    public function testReimportIsUnchangedThenCountsWhatChanged(): void
    {
        $families = self::build(self::seedCsv())['families'];
        $existing = self::existingFrom(Import::plan($families, self::empty())['families']);
        $plan = Import::plan($families, $existing);
        $this->assertSame(['create' => 0, 'update' => 0, 'unchanged' => 1], $plan['counts']['families']);
        $this->assertSame(['create' => 0, 'update' => 0, 'unchanged' => 2, 'kept' => 0], $plan['counts']['students']);
        $this->assertSame(['create' => 0, 'update' => 0, 'unchanged' => 6, 'remove' => 0], $plan['counts']['courses']);

        // The secretary's new file: Gianni's clarinet cycle changed, his theatre class gone, Lina gone, a new course.
        $csv = self::seedCsv();
        $csv = str_replace(';Lydie DAGOSTINO;1C2;', ';Lydie DAGOSTINO;1C3;', $csv);
        $lines = explode("\r\n", $csv);
        $lines = array_values(array_filter($lines, static function ($line) {
            return strpos($line, 'TC1A') === false && strpos($line, ';lina;') === false;
        }));
        $lines[] = str_replace('FM 1C2;', 'Orchestre;', $lines[3]);
        $plan = Import::plan(self::build(implode("\r\n", $lines))['families'], $existing);
        $this->assertSame(['create' => 0, 'update' => 0, 'unchanged' => 1], $plan['counts']['families']);
        $this->assertSame(['create' => 0, 'update' => 1, 'unchanged' => 0, 'kept' => 1], $plan['counts']['students']);
        $this->assertSame(['create' => 1, 'update' => 1, 'unchanged' => 2, 'remove' => 1], $plan['counts']['courses']);
    }

    public function testAPaymentModeAlreadyChosenIsKept(): void
    {
        $families = self::build(self::seedCsv())['families'];
        $created = Import::plan($families, self::empty())['families'];
        // The family chose « single » in the form: the file's « direct-debit » does not overwrite it.
        $plan = Import::plan($families, self::existingFrom($created, 'single'));
        $this->assertSame('unchanged', $plan['families'][0]['action']);
        $this->assertFalse($plan['families'][0]['setPaymentMode']);
        // No mode yet: the file's is set.
        $plan = Import::plan($families, self::existingFrom($created, null));
        $this->assertSame('update', $plan['families'][0]['action']);
        $this->assertTrue($plan['families'][0]['setPaymentMode']);
    }

    public function testNewFamilyIdsAndConflicts(): void
    {
        $this->assertSame('limonest-0002', Import::newId('LIMONEST-0002', []));
        $this->assertSame('limonest-0002-2', Import::newId('LIMONEST-0002', ['limonest-0002' => true]));
        $this->assertSame('famille', Import::newId('***', []));

        $families = self::build(self::seedCsv())['families'];
        // Another family already has the code famille-dagostino: refused rather than merged.
        $existing = self::empty();
        $existing['ids']['famille-dagostino'] = true;
        $plan = Import::plan($families, $existing);
        $this->assertSame([['family' => 'LIMONEST-0001', 'field' => 'family_id', 'code' => 'family-id-taken']], $plan['errors']);
        // A student id that belongs to another family in the database.
        $existing = self::empty();
        $existing['students']['gianni'] = ['family_id' => 'other', 'position' => 0, 'coordinates' => [], 'courses' => [], 'administrative' => false];
        $plan = Import::plan($families, $existing);
        $this->assertSame([['family' => 'LIMONEST-0001', 'field' => 'student_id', 'code' => 'student-other-family']], $plan['errors']);
    }

    /** The seed CSV under other identifiers, so that the database tests never touch the seed family itself. */
    private static function testFamilyCsv(): string
    {
        return str_replace(
            ['LIMONEST-0001', 'famille-dagostino', ';gianni;', ';lina;'],
            ['TEST-IMPORT-0001', 'test-import-famille', ';test-import-gianni;', ';test-import-lina;'],
            self::seedCsv()
        );
    }

    private static function deleteTestRows(): void
    {
        global $wpdb;
        $wpdb->query($wpdb->prepare("DELETE FROM {$wpdb->prefix}rw_students WHERE id LIKE %s", 'test-import-%'));
        $wpdb->query($wpdb->prepare("DELETE FROM {$wpdb->prefix}rw_families WHERE id LIKE %s", 'test-import-%'));
    }

    private static function requireWordPress(): void
    {
        if (!RW_TEST_WORDPRESS) {
            self::markTestSkipped('needs a test site (RW_WP_LOAD)');
        }
    }

    /** @group wordpress */
    public function testWriteThenReimportOnTheSiteDatabase(): void
    {
        self::requireWordPress();
        global $wpdb;
        self::deleteTestRows();
        try {
            $families = self::build(self::testFamilyCsv())['families'];
            $plan = Import::plan($families, Import::load($families));
            $this->assertSame([], $plan['errors']);
            $this->assertSame('create', $plan['families'][0]['action']);
            $this->assertTrue(Import::write($plan['families']));
            $row = $wpdb->get_row(
                $wpdb->prepare("SELECT * FROM {$wpdb->prefix}rw_families WHERE id = %s", 'test-import-famille'),
                ARRAY_A
            );
            $this->assertSame('TEST-IMPORT-0001', $row['identifier']);
            $this->assertSame('test-import-0001', $row['identifier_lc']);
            $this->assertNull($row['password_hash']);
            $this->assertSame('direct-debit', $row['payment_mode']);
            $this->assertSame(self::seedFamily()['guardian'], json_decode($row['guardian'], true));
            $students = $wpdb->get_results(
                $wpdb->prepare("SELECT * FROM {$wpdb->prefix}rw_students WHERE family_id = %s ORDER BY position", 'test-import-famille'),
                ARRAY_A
            );
            $this->assertSame(['test-import-gianni', 'test-import-lina'], array_column($students, 'id'));
            $this->assertSame(self::seedFamily()['students'][1]['courses'], json_decode($students[1]['courses'], true));
            $this->assertSame('a-faire', $students[0]['status']);

            // The family set a password and started a draft; the secretary imports again (lower-case identifier).
            $wpdb->update($wpdb->prefix . 'rw_families', ['password_hash' => 'kept'], ['id' => 'test-import-famille']);
            $wpdb->update($wpdb->prefix . 'rw_students', ['draft' => '{"step":2}', 'status' => 'brouillon'], ['id' => 'test-import-lina']);
            $again = self::build(str_replace('TEST-IMPORT-0001', 'test-import-0001', self::testFamilyCsv()))['families'];
            $plan = Import::plan($again, Import::load($again));
            $this->assertSame(['create' => 0, 'update' => 1, 'unchanged' => 0], $plan['counts']['families']);
            $this->assertSame(['create' => 0, 'update' => 0, 'unchanged' => 2, 'kept' => 0], $plan['counts']['students']);
            $this->assertTrue(Import::write($plan['families']));
            $row = $wpdb->get_row(
                $wpdb->prepare("SELECT identifier, password_hash FROM {$wpdb->prefix}rw_families WHERE id = %s", 'test-import-famille'),
                ARRAY_A
            );
            $this->assertSame(['identifier' => 'test-import-0001', 'password_hash' => 'kept'], $row);
            $lina = $wpdb->get_row(
                $wpdb->prepare("SELECT draft, status FROM {$wpdb->prefix}rw_students WHERE id = %s", 'test-import-lina'),
                ARRAY_A
            );
            $this->assertSame(['draft' => '{"step":2}', 'status' => 'brouillon'], $lina);
        } finally {
            self::deleteTestRows();
        }
    }

    /** @group wordpress */
    public function testAFailedWriteRollsEverythingBack(): void
    {
        self::requireWordPress();
        global $wpdb;
        self::deleteTestRows();
        $families = self::build(self::testFamilyCsv())['families'];
        $plan = Import::plan($families, Import::load($families))['families'];
        // The second student's insert fails (the first one's id again): the family and first student must not stay.
        $plan[0]['students'][1]['id'] = $plan[0]['students'][0]['id'];
        $suppressed = $wpdb->suppress_errors(true);
        try {
            $this->assertFalse(Import::write($plan));
        } finally {
            $wpdb->suppress_errors($suppressed);
        }
        $count = (int) $wpdb->get_var(
            $wpdb->prepare("SELECT COUNT(*) FROM {$wpdb->prefix}rw_families WHERE id = %s", 'test-import-famille')
        );
        $this->assertSame(0, $count);
        self::deleteTestRows();
    }

    /** test/fixtures/seed-family.json is what src/mocks/seed.ts says today (skipped without Node). */
    public function testTheExpectedJsonIsTheSeedOfTheMock(): void
    {
        $root = dirname(__DIR__, 2);
        if (!is_dir($root . '/node_modules/tsx') || trim((string) shell_exec('command -v node')) === '') {
            $this->markTestSkipped('node and tsx are needed to read src/mocks/seed.ts');
        }
        $script = "import { seedFamilies } from './src/mocks/seed.ts'; const f = seedFamilies()[0];"
            . ' console.log(JSON.stringify({ id: f.id, identifier: f.account.identifier, email: f.account.email,'
            . ' guardian: f.guardian, paymentMode: f.paymentMode, bankChanged: f.bankChanged, students: f.students }));';
        // Only stdout, and only its JSON line: npm may print notices (run as www-data it has no cache to write).
        $out = (string) shell_exec('cd ' . escapeshellarg($root) . ' && NPM_CONFIG_UPDATE_NOTIFIER=false npx tsx -e ' . escapeshellarg($script));
        $json = preg_match('/^\{.*\}$/m', $out, $m) ? json_decode($m[0], true) : null;
        $this->assertSame($json, self::seedFamily(), 'regenerate test/fixtures/seed-family.json: ' . $out);
    }
}
