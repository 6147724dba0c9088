<?php

/**
 * The data layer on a test site's database (scripts/wordpress/backend-site.mjs): the tables of the plan's DDL with
 * their keys, a migration that can run again, the schema version, truncateAll(), and the test control's seed (the
 * mu-plugin the site loads) writing families as the import does, with WordPress's password hashes.
 *
 * @package ReinscriptionWizard
 */

namespace ReinscriptionWizard\Tests;

use PHPUnit\Framework\TestCase;
use ReinscriptionWizard\Backend\Db;
use ReinscriptionWizard\Backend\Options;

/**
 * @group wordpress
 */
class SchemaTest extends TestCase
{
    /** Columns per table, as the shared plan's DDL names them. */
    private const COLUMNS = [
        'families' => [
            'id', 'identifier', 'identifier_lc', 'email', 'password_hash', 'guardian', 'payment_mode', 'bank_changed',
            'created_ms', 'updated_ms',
        ],
        'students' => [
            'id', 'family_id', 'position', 'coordinates', 'courses', 'administrative_applies', 'status', 'draft',
            'submission', 'decline_reason', 'authorisations', 'updated_ms',
        ],
        'sessions' => ['token_hash', 'family_id', 'expires_ms', 'created_ms'],
        'documents' => [
            'id', 'family_id', 'student_id', 'type_code', 'scope', 'file_name', 'size', 'mime_type', 'stored_name',
            'uploaded_ms',
        ],
        'submissions' => [
            'id', 'family_id', 'student_id', 'idempotency_key', 'reference', 'request', 'submission', 'rules_version',
            'accepted_ms',
        ],
        'declines' => ['id', 'family_id', 'student_id', 'reason', 'declined_ms'],
        'rate_limits' => ['bucket', 'hits', 'window_start_ms'],
    ];

    protected function setUp(): void
    {
        Db::truncateAll();
    }

    protected function tearDown(): void
    {
        Db::truncateAll();
    }

    /** @return array<string, array{0: string, 1: string}> column => [type, null] */
    private function columns(string $table): array
    {
        global $wpdb;
        $out = [];
        foreach ((array) $wpdb->get_results('SHOW COLUMNS FROM ' . Db::table($table)) as $c) {
            $out[$c->Field] = [strtolower($c->Type), $c->Null];
        }
        return $out;
    }

    /** @return array<string, array{unique: bool, columns: string[]}> */
    private function keys(string $table): array
    {
        global $wpdb;
        $out = [];
        foreach ((array) $wpdb->get_results('SHOW INDEX FROM ' . Db::table($table)) as $k) {
            $out[$k->Key_name]['unique'] = (int) $k->Non_unique === 0;
            $out[$k->Key_name]['columns'][(int) $k->Seq_in_index - 1] = $k->Column_name;
        }
        return $out;
    }

    /** The unique keys of a table, each as its columns joined with a comma. */
    private function uniqueKeys(string $table): array
    {
        $out = [];
        foreach ($this->keys($table) as $k) {
            if ($k['unique']) {
                ksort($k['columns']);
                $out[] = implode(',', $k['columns']);
            }
        }
        sort($out);
        return $out;
    }

    public function testEveryTableHasThePlansColumns(): void
    {
        $this->assertSame(array_keys(self::COLUMNS), Db::TABLES);
        foreach (self::COLUMNS as $table => $wanted) {
            $have = array_keys($this->columns($table));
            $this->assertSame([], array_values(array_diff($wanted, $have)), "{$table}: missing columns");
        }
    }

    public function testTimesAreMillisecondsAndJsonIsLongText(): void
    {
        foreach (self::COLUMNS as $table => $names) {
            foreach ($this->columns($table) as $name => [$type]) {
                if (substr($name, -3) === '_ms') {
                    $this->assertStringStartsWith('bigint', $type, "{$table}.{$name}");
                }
            }
        }
        $jsonColumns = [
            'families' => ['guardian'],
            'students' => ['coordinates', 'courses', 'draft', 'submission'],
            'submissions' => ['request', 'submission'],
        ];
        foreach ($jsonColumns as $table => $json) {
            $columns = $this->columns($table);
            foreach ($json as $name) {
                $this->assertSame('longtext', $columns[$name][0], "{$table}.{$name}");
            }
        }
        $this->assertSame('YES', $this->columns('families')['password_hash'][1], 'no password until the first « Mot de passe perdu »');
    }

    public function testKeysThatTheDomainReliesOn(): void
    {
        $this->assertContains('id', $this->uniqueKeys('families'));
        $this->assertContains('identifier_lc', $this->uniqueKeys('families'), 'identifiers are unique whatever their case');
        $this->assertContains('token_hash', $this->uniqueKeys('sessions'));
        $this->assertContains('family_id,idempotency_key', $this->uniqueKeys('submissions'), 'one submission per key and family');
        $this->assertContains('reference', $this->uniqueKeys('submissions'));
        $this->assertContains('bucket', $this->uniqueKeys('rate_limits'));
        $documentKeys = array_map(
            function ($k) {
                return $k['columns'][0];
            },
            $this->keys('documents')
        );
        $this->assertContains('family_id', $documentKeys);
        $this->assertContains('student_id', $documentKeys);
    }

    public function testMigratingAgainChangesNothingAndRecordsTheVersion(): void
    {
        global $wpdb;
        $before = [];
        foreach (Db::TABLES as $table) {
            $before[$table] = $wpdb->get_row('SHOW CREATE TABLE ' . Db::table($table), ARRAY_N)[1];
        }
        Db::migrate();
        Db::migrate();
        foreach (Db::TABLES as $table) {
            $this->assertSame($before[$table], $wpdb->get_row('SHOW CREATE TABLE ' . Db::table($table), ARRAY_N)[1], $table);
        }
        $this->assertSame(Db::VERSION, get_option(Options::DB_VERSION));
    }

    public function testAnOlderSchemaVersionMigratesOnTheNextRequest(): void
    {
        update_option(Options::DB_VERSION, '0');
        Db::maybeMigrate();
        $this->assertSame(Db::VERSION, get_option(Options::DB_VERSION));
        $this->assertNotFalse(has_action('plugins_loaded', ['\ReinscriptionWizard\Backend\Db', 'maybeMigrate']));
    }

    public function testTruncateAllEmptiesEveryTable(): void
    {
        global $wpdb;
        $this->seed();
        $wpdb->insert(Db::table('rate_limits'), ['bucket' => 'test', 'hits' => 1, 'window_start_ms' => 1], ['%s', '%d', '%d']);
        $this->assertGreaterThan(0, (int) $wpdb->get_var('SELECT COUNT(*) FROM ' . Db::table('families')));
        Db::truncateAll();
        foreach (Db::TABLES as $table) {
            $this->assertSame(0, (int) $wpdb->get_var('SELECT COUNT(*) FROM ' . Db::table($table)), $table);
        }
    }

    public function testTheControlsSeedStoresHashedPasswordsAndTheStudentsInOrder(): void
    {
        global $wpdb;
        $this->seed();
        $family = $wpdb->get_row($wpdb->prepare('SELECT * FROM ' . Db::table('families') . ' WHERE id = %s', 'famille-test'));
        $this->assertSame('TEST-0001', $family->identifier);
        $this->assertSame('test-0001', $family->identifier_lc);
        $this->assertStringNotContainsString('secret-test', $family->password_hash);
        $this->assertTrue(wp_check_password('secret-test', $family->password_hash));
        $this->assertSame('Test', json_decode($family->guardian, true)['lastName']);
        $sql = 'SELECT id FROM ' . Db::table('students') . ' WHERE family_id = %s ORDER BY position';
        $students = $wpdb->get_col($wpdb->prepare($sql, 'famille-test'));
        $this->assertSame(['test-b', 'test-a'], $students);
    }

    public function testTheControlsSeedRefusesAFamilyThatClashes(): void
    {
        global $wpdb;
        $this->seed();
        try {
            $this->seed('famille-autre', 'test-0001', 'test-c');
            $this->fail('a second family with the same identifier (another case) was seeded');
        } catch (\Exception $e) {
            $this->assertSame(409, $e->status);
        }
        $this->assertSame(1, (int) $wpdb->get_var('SELECT COUNT(*) FROM ' . Db::table('families')));
    }

    private function seed(string $id = 'famille-test', string $identifier = 'TEST-0001', string $firstStudent = 'test-b'): void
    {
        $seed = '\ReinscriptionWizard\TestControl\seedFamilies';
        if (!function_exists($seed)) {
            $this->markTestSkipped('the test control mu-plugin is not loaded on this site');
        }
        $student = function ($studentId) {
            return [
                'id' => $studentId,
                'coordinates' => ['lastName' => 'Test'],
                'courses' => [],
                'administrativeReregistrationApplies' => false,
            ];
        };
        $seed([
            [
                'id' => $id,
                'account' => ['identifier' => $identifier, 'password' => 'secret-test', 'email' => 'test@example.fr'],
                'guardian' => ['lastName' => 'Test'],
                'paymentMode' => null,
                'bankChanged' => null,
                'students' => [$student($firstStudent), $student($firstStudent === 'test-b' ? 'test-a' : 'test-d')],
            ],
        ]);
    }
}
