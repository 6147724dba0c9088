<?php

/**
 * The families' side on a real WordPress database (group `wordpress`: RW_WP_LOAD names a started test site,
 * scripts/wordpress/backend-site.mjs): what src/mocks/store.ts answers, route by route, and what is stored.
 * Each test empties the plugin's tables and seeds two families of its own; the campaign option is restored after.
 *
 * @package ReinscriptionWizard
 */

namespace ReinscriptionWizard\Tests;

use PHPUnit\Framework\TestCase;
use ReinscriptionWizard\Backend\ApiError;
use ReinscriptionWizard\Backend\Campaign;
use ReinscriptionWizard\Backend\Clock;
use ReinscriptionWizard\Backend\Db;
use ReinscriptionWizard\Backend\Registrations;

/**
 * @group wordpress
 */
class RegistrationsTest extends TestCase
{
    public const A = 'famille-test-a';
    public const B = 'famille-test-b';

    /** @var int milliseconds added to the server's clock */
    protected $offsetMs = 0;
    /** @var int|null the server's clock stopped there */
    protected $frozenMs = null;
    /** @var array[] the e-mails wp_mail was given */
    protected $mails = [];
    /** @var bool what the mail server says */
    protected $mailWorks = true;
    /** @var mixed */
    private $savedCampaign;
    /** @var callable[] */
    private $hooks = [];

    protected function setUp(): void
    {
        if (!defined('RW_TEST_WORDPRESS') || !RW_TEST_WORDPRESS) {
            $this->markTestSkipped('needs a WordPress test site (RW_WP_LOAD)');
        }
        $this->savedCampaign = get_option('reinscription_wizard_campaign', null);
        self::openCampaign();
        $this->hook('reinscription_wizard_now_ms', function ($ms) {
            return $this->frozenMs ?? $ms + $this->offsetMs;
        }, 99);
        $this->hook('pre_wp_mail', function ($short, $atts) {
            $this->mails[] = $atts;
            return $this->mailWorks;
        }, 99, 2);
        $this->hook('reinscription_wizard_accept_local_files', '__return_true');
        self::seedFixture();
    }

    protected function tearDown(): void
    {
        foreach ($this->hooks as [$name, $fn, $priority]) {
            remove_filter($name, $fn, $priority);
        }
        if ($this->savedCampaign === null) {
            delete_option('reinscription_wizard_campaign');
        } else {
            update_option('reinscription_wizard_campaign', $this->savedCampaign);
        }
    }

    protected function hook(string $name, $fn, int $priority = 10, int $args = 1): void
    {
        add_filter($name, $fn, $priority, $args);
        $this->hooks[] = [$name, $fn, $priority];
    }

    /** Open since 20 days, closing in 10 (Paris dates, as the admin stores them); pieces 14 days more. */
    public static function openCampaign(): void
    {
        $today = new \DateTimeImmutable('now', new \DateTimeZone('Europe/Paris'));
        update_option('reinscription_wizard_campaign', [
            'opens_at' => $today->modify('-20 days')->format('Y-m-d') . 'T00:00',
            'closes_at' => $today->modify('+10 days')->format('Y-m-d') . 'T23:59',
        ]);
    }

    public static function guardian(array $changes = []): array
    {
        return $changes + [
            'civilite' => 'MME', 'lastName' => 'TEST', 'firstName' => 'Alice', 'birthDate' => '1980-01-02', 'birthPlace' => 'Lyon',
            'birthDepartment' => '69', 'country' => 'FR', 'address' => '1 rue Haute', 'postalCode' => '69760', 'city' => 'Limonest',
            'phoneHome' => '', 'phoneMobile' => '+33639980042', 'phoneWork' => '', 'email' => 'alice@example.fr',
            'situationFamiliale' => 'MARIE', 'pcs' => '3', 'profession' => '', 'extraPhones' => [],
        ];
    }

    public static function student(string $first, string $birthDate): array
    {
        return [
            'civilite' => 'M', 'lastName' => 'TEST', 'firstName' => $first, 'birthDate' => $birthDate, 'birthPlace' => 'Lyon',
            'birthDepartment' => '69', 'situationFamiliale' => '', 'useGuardianAddress' => true, 'address' => '1 rue Haute',
            'postalCode' => '69760', 'city' => 'Limonest', 'phoneHome' => '', 'phoneMobile' => '', 'phoneWork' => '', 'email' => '',
            'emergencyContact' => 'Bob TEST', 'emergencyPhone' => '+33639980043', 'school' => 'École', 'schoolLevel' => 'CE1',
        ];
    }

    /** Family A: Paul (music) and Zoé (dance, a minor, « Découverte Instrumentale »); family B: Jules. */
    public static function seedFixture(): void
    {
        global $wpdb;
        Db::truncateAll();
        $course = function (string $cursus, string $discipline, bool $active = true) {
            return ['cursus' => $cursus, 'cours' => '', 'teacher' => 'Prof', 'cycle' => '', 'active' => $active, 'discipline' => $discipline];
        };
        $families = [
            self::A => ['TEST-A', 'direct-debit', [
                ['eleve-paul', self::student('Paul', '2012-03-04'), [$course('Piano', 'musique'), $course('Danse', 'danse', false)], 0],
                ['eleve-zoe', self::student('Zoé', '2018-10-11'), [$course('Initiation danse', 'danse')], 1],
            ]],
            self::B => ['TEST-B', null, [['eleve-jules', self::student('Jules', '2010-01-01'), [$course('Théâtre', 'theatre')], 0]]],
        ];
        foreach ($families as $id => [$identifier, $mode, $students]) {
            $wpdb->insert(Db::table('families'), [
                'id' => $id, 'identifier' => $identifier, 'identifier_lc' => strtolower($identifier), 'email' => 'alice@example.fr',
                'guardian' => wp_json_encode(self::guardian()), 'payment_mode' => $mode, 'created_ms' => 0, 'updated_ms' => 0,
            ]);
            // In reverse, so that the order shown is the position, not the insertion.
            foreach (array_reverse($students, true) as $position => [$sid, $coordinates, $courses, $applies]) {
                $wpdb->insert(Db::table('students'), [
                    'id' => $sid, 'family_id' => $id, 'position' => $position, 'coordinates' => wp_json_encode($coordinates),
                    'courses' => wp_json_encode($courses), 'administrative_applies' => $applies, 'status' => 'a-faire', 'updated_ms' => 0,
                ]);
            }
        }
    }

    public static function answers(string $studentId, array $changes = []): array
    {
        $registration = Registrations::registration($studentId === 'eleve-jules' ? self::B : self::A, $studentId);
        return array_replace([
            'guardian' => self::guardian(),
            'student' => $registration['student'],
            'paymentMode' => 'single',
            'bankChanged' => null,
            'authorisations' => ['image' => 'oui', 'sortie' => 'non'],
            'administrativeReregistration' => false,
            'additionalInfo' => '',
        ], $changes);
    }

    public static function request(string $studentId, array $changes = []): array
    {
        $c = Campaign::body();
        $versions = [];
        foreach ($c['authorisations'] as $a) {
            $versions[$a['code']] = $a['version'];
        }
        return [
            'answers' => self::answers($studentId, $changes),
            'acceptance' => [
                'rulesVersion' => $c['rules']['version'],
                'authorisationVersions' => $versions,
                'acceptedAt' => '2026-12-01T10:00:00.000Z',
            ],
            'changes' => [],
        ];
    }

    /** The ApiError a call throws, as [status, ErrorBody]. */
    public static function refusal(callable $call): array
    {
        try {
            $call();
        } catch (ApiError $e) {
            return [$e->status, json_decode((string) wp_json_encode($e->body()), true)];
        }
        return [0, null];
    }

    private const SENT = [409, ['code' => 'already-submitted', 'message' => 'La réinscription de cet élève a déjà été envoyée.']];

    private static function modeRefused(string $id): array
    {
        return [422, ['code' => 'validation', 'fieldErrors' => ['answers.paymentMode' => [$id]]]];
    }

    private function reference(int $n): string
    {
        return Campaign::referencePrefix() . '-' . Campaign::startYear() . '-' . str_pad((string) $n, 6, '0', STR_PAD_LEFT);
    }

    public function testFamilyListsItsStudentsInOrder(): void
    {
        $family = Registrations::family(self::A);
        $this->assertSame(self::A, $family['id']);
        $this->assertSame('direct-debit', $family['paymentMode']);
        $this->assertNull($family['bankChanged']);
        $this->assertSame(self::guardian(), $family['guardian']);
        $this->assertSame([
            ['id' => 'eleve-paul', 'lastName' => 'TEST', 'firstName' => 'Paul', 'status' => 'a-faire'],
            ['id' => 'eleve-zoe', 'lastName' => 'TEST', 'firstName' => 'Zoé', 'status' => 'a-faire'],
        ], $family['students']);
        $this->assertSame([404, ['code' => 'not-found', 'message' => 'Famille introuvable.']], self::refusal(function () {
            Registrations::family('famille-inconnue');
        }));
    }

    public function testAnotherFamilysStudentIsAsUnknownAsAMissingOne(): void
    {
        $notFound = [404, ['code' => 'not-found', 'message' => 'Élève introuvable.']];
        foreach (['eleve-jules', 'personne'] as $id) {
            $this->assertSame($notFound, self::refusal(function () use ($id) {
                Registrations::registration(self::A, $id);
            }));
            $this->assertSame($notFound, self::refusal(function () use ($id) {
                Registrations::saveDraft(self::A, $id, ['answers' => self::answers('eleve-paul'), 'step' => 2]);
            }));
            $this->assertSame($notFound, self::refusal(function () use ($id) {
                Registrations::submit(self::A, $id, 'k-' . $id, self::request('eleve-paul'));
            }));
            $this->assertSame($notFound, self::refusal(function () use ($id) {
                Registrations::decline(self::A, $id, null);
            }));
        }
        $this->assertSame('a-faire', Registrations::registration(self::B, 'eleve-jules')['status']);
    }

    public function testRegistration(): void
    {
        $r = Registrations::registration(self::A, 'eleve-paul');
        $this->assertSame('eleve-paul', $r['studentId']);
        $this->assertSame(['musique'], $r['disciplines']);
        $this->assertCount(2, $r['courses']);
        $this->assertFalse($r['administrativeReregistrationApplies']);
        $this->assertTrue(Registrations::registration(self::A, 'eleve-zoe')['administrativeReregistrationApplies']);
        $this->assertSame([], $r['documents']);
        $this->assertNull($r['draft']);
        $this->assertNull($r['submission']);
        $this->assertNull($r['declineReason']);
    }

    public function testApplicableTypesFollowTheAnswersAndTheCourses(): void
    {
        $codes = function (string $studentId, array $changes) {
            return array_column(Registrations::applicableDocumentTypes(self::A, $studentId, self::answers($studentId, $changes)), 'code');
        };
        $this->assertSame(['justificatif-domicile', 'attestation-qf', 'responsabilite-civile'], $codes('eleve-paul', []));
        $this->assertSame(
            ['mandat-sepa', 'iban', 'responsabilite-civile', 'danse-enfant-attestation', 'danse-questionnaire-medical'],
            $codes('eleve-zoe', [
                'paymentMode' => 'direct-debit',
                'bankChanged' => true,
                'guardian' => self::guardian(['city' => 'Lyon', 'postalCode' => '69001']),
            ])
        );
        $this->assertSame(404, self::refusal(function () {
            Registrations::applicableDocumentTypes(self::A, 'eleve-jules', self::answers('eleve-paul'));
        })[0]);
    }

    public function testUpdateFamily(): void
    {
        $refused = self::refusal(function () {
            Registrations::updateFamily(self::A, ['guardian' => self::guardian(), 'paymentMode' => 'cheque', 'bankChanged' => null]);
        });
        $this->assertSame([422, ['code' => 'validation', 'fieldErrors' => ['paymentMode' => ['validation.unknownValue']]]], $refused);
        $family = Registrations::updateFamily(self::A, [
            'guardian' => self::guardian(['city' => 'Lyon']),
            'paymentMode' => 'direct-debit',
            'bankChanged' => true,
        ]);
        $this->assertSame('Lyon', $family['guardian']['city']);
        $this->assertTrue($family['bankChanged']);
        $family = Registrations::updateFamily(self::A, ['guardian' => self::guardian(), 'paymentMode' => null, 'bankChanged' => null]);
        $this->assertNull($family['paymentMode']);
    }

    public function testDraftKeepsTheStepAndASentOrDeclinedStatus(): void
    {
        $this->frozenMs = Clock::nowMs() + 1234;
        $saved = Registrations::saveDraft(self::A, 'eleve-paul', ['answers' => self::answers('eleve-paul'), 'step' => 3]);
        $this->assertSame(['savedAt' => Clock::iso(Clock::nowMs()), 'status' => 'brouillon'], $saved);
        $this->assertSame(3, Registrations::family(self::A)['students'][0]['draftStep']);
        $draft = Registrations::registration(self::A, 'eleve-paul')['draft'];
        $this->assertSame(['answers' => self::answers('eleve-paul'), 'step' => 3, 'savedAt' => $saved['savedAt']], $draft);

        Registrations::decline(self::A, 'eleve-zoe', null);
        $kept = Registrations::saveDraft(self::A, 'eleve-zoe', ['answers' => self::answers('eleve-zoe'), 'step' => 1]);
        $this->assertSame('ne-se-reinscrit-pas', $kept['status']);
        $this->assertArrayNotHasKey('draftStep', Registrations::family(self::A)['students'][1]);
    }

    public function testSubmissionIsStoredOnceWithItsProof(): void
    {
        global $wpdb;
        $this->offsetMs = 5000;
        $request = self::request('eleve-paul', ['guardian' => self::guardian(['email' => '  alice.new@example.fr '])]);
        $request['answers']['student']['school'] = 'Collège';
        $submission = Registrations::submit(self::A, 'eleve-paul', 'key-1', $request);
        $acceptedMs = Clock::nowMs();
        $this->assertSame($this->reference(123), $submission['reference']);
        $this->assertSame('envoyee-incomplete', $submission['status']);
        $this->assertSame(['justificatif-domicile', 'responsabilite-civile'], $submission['missingDocuments']);
        $this->assertSame(['sent' => true, 'to' => 'alice.new@example.fr'], $submission['receipt']);
        $this->assertCount(1, $this->mails);
        $this->assertSame('alice.new@example.fr', $this->mails[0]['to']);
        $this->assertStringContainsString('(' . $submission['reference'] . ')', $this->mails[0]['subject']);
        $this->assertStringContainsString('Numéro de référence : ' . $submission['reference'], $this->mails[0]['message']);

        $row = $wpdb->get_row($wpdb->prepare('SELECT * FROM ' . Db::table('submissions') . ' WHERE reference = %s', $submission['reference']));
        $this->assertSame(Campaign::body()['rules']['version'], $row->rules_version);
        $this->assertEqualsWithDelta($acceptedMs, (int) $row->accepted_ms, 2000);
        $this->assertSame($request, json_decode($row->request, true));
        $this->assertSame($submission, json_decode($row->submission, true));

        // The same key again (the answer was lost): the stored one, no second row, no second e-mail.
        $this->assertSame($submission, Registrations::submit(self::A, 'eleve-paul', 'key-1', self::request('eleve-paul')));
        $this->assertSame('1', $wpdb->get_var('SELECT COUNT(*) FROM ' . Db::table('submissions')));
        $this->assertCount(1, $this->mails);

        $this->assertSame(
            [409, ['code' => 'idempotency-key-reused', 'message' => "Cette clé d'idempotence a déjà servi pour un autre élève."]],
            self::refusal(function () {
                Registrations::submit(self::A, 'eleve-zoe', 'key-1', self::request('eleve-zoe'));
            })
        );
        $this->assertSame(self::SENT, self::refusal(function () {
            Registrations::submit(self::A, 'eleve-paul', 'key-2', self::request('eleve-paul'));
        }));

        // The guardian and the payment are the family's; the coordinates are the student's.
        $family = Registrations::family(self::A);
        $this->assertSame('  alice.new@example.fr ', $family['guardian']['email']);
        $this->assertSame('single', $family['paymentMode']);
        $this->assertSame(
            [
                'id' => 'eleve-paul', 'lastName' => 'TEST', 'firstName' => 'Paul', 'status' => 'envoyee-incomplete',
                'reference' => $submission['reference'], 'submittedAt' => $submission['submittedAt'],
                'missingDocuments' => $submission['missingDocuments'],
            ],
            $family['students'][0]
        );
        $registration = Registrations::registration(self::A, 'eleve-paul');
        $this->assertSame('Collège', $registration['student']['school']);
        $this->assertSame($submission, $registration['submission']);

        // The next reference follows; another family may use the same key.
        $this->assertSame($this->reference(124), Registrations::submit(self::B, 'eleve-jules', 'key-1', self::request('eleve-jules'))['reference']);
    }

    public function testTheCampaignsOwnChecks(): void
    {
        $request = self::request('eleve-paul', [
            'paymentMode' => 'direct-debit',
            'bankChanged' => null,
            'authorisations' => ['image' => null, 'sortie' => null],
            'additionalInfo' => str_repeat('é', (int) Campaign::body()['additionalInfoMaxLength'] + 1),
        ]);
        $request['acceptance']['rulesVersion'] = '1999-2000';
        $request['acceptance']['authorisationVersions']['image'] = 'ancienne';
        $this->assertSame([422, ['code' => 'validation', 'fieldErrors' => [
            'answers.bankChanged' => ['validation.required'],
            'answers.authorisations.image' => ['validation.required'],
            'answers.authorisations.sortie' => ['validation.required'],
            'answers.additionalInfo' => ['validation.tooLong'],
            'acceptance.rulesVersion' => ['validation.outdated'],
            'acceptance.authorisationVersions.image' => ['validation.outdated'],
        ]]], self::refusal(function () use ($request) {
            Registrations::submit(self::A, 'eleve-paul', 'k', $request);
        }));
        $this->assertSame(self::modeRefused('validation.required'), self::refusal(function () {
            Registrations::submit(self::A, 'eleve-paul', 'k', self::request('eleve-paul', ['paymentMode' => null]));
        }));
        $this->assertSame(self::modeRefused('validation.unknownValue'), self::refusal(function () {
            Registrations::submit(self::A, 'eleve-paul', 'k', self::request('eleve-paul', ['paymentMode' => 'cheque']));
        }));
        $this->assertSame('a-faire', Registrations::registration(self::A, 'eleve-paul')['status']);
        $this->assertSame([], $this->mails);
    }

    public function testNoReceiptClaimedWithoutAnAddressOrAMailServer(): void
    {
        $request = self::request('eleve-paul', ['guardian' => self::guardian(['email' => ' '])]);
        $noAddress = Registrations::submit(self::A, 'eleve-paul', 'k1', $request);
        $this->assertSame(['sent' => false], $noAddress['receipt']);
        $this->assertSame([], $this->mails);
        $this->mailWorks = false;
        $down = Registrations::submit(self::A, 'eleve-zoe', 'k2', self::request('eleve-zoe'));
        $this->assertSame(['sent' => false], $down['receipt']);
        $this->assertSame('envoyee-incomplete', Registrations::registration(self::A, 'eleve-zoe')['status']);
    }

    /** What another connection to the database sees: only what is committed. */
    private static function otherConnection(): \wpdb
    {
        $other = new \wpdb(DB_USER, DB_PASSWORD, DB_NAME, DB_HOST);
        $other->suppress_errors(true);
        return $other;
    }

    public function testTheReceiptIsSentOnlyOnceTheSubmissionIsCommitted(): void
    {
        global $wpdb;
        $table = Db::table('submissions');
        $other = self::otherConnection();
        $seenWhenMailed = [];
        $this->hook('pre_wp_mail', function ($short) use ($other, $table, &$seenWhenMailed) {
            $seenWhenMailed[] = json_decode((string) $other->get_var(
                $other->prepare("SELECT submission FROM {$table} WHERE idempotency_key = %s", 'key-c')
            ), true);
            return $short;
        }, 98);
        $submission = Registrations::submit(self::A, 'eleve-paul', 'key-c', self::request('eleve-paul'));
        $other->close();

        // When wp_mail ran, the submission was already committed, its receipt not yet claimed.
        $this->assertCount(1, $seenWhenMailed);
        $this->assertSame($submission['reference'], $seenWhenMailed[0]['reference']);
        $this->assertSame(['sent' => false], $seenWhenMailed[0]['receipt']);
        // Then the stored copies say what the answer says.
        $this->assertSame(['sent' => true, 'to' => 'alice@example.fr'], $submission['receipt']);
        $this->assertSame($submission, json_decode((string) $wpdb->get_var("SELECT submission FROM {$table}"), true));
        $this->assertSame($submission, Registrations::registration(self::A, 'eleve-paul')['submission']);
        $this->assertSame($submission, Registrations::submit(self::A, 'eleve-paul', 'key-c', self::request('eleve-paul')));
        $this->assertCount(1, $this->mails);
    }

    /**
     * A retry of the same key while the first request is still sending its receipt (another PHP process, as a
     * second web request would be): it waits for the key's lock, then answers the final Submission, no mail.
     */
    public function testARetryDuringTheReceiptWaitsForItsOutcome(): void
    {
        $dir = sys_get_temp_dir() . '/rw-retry-' . bin2hex(random_bytes(4));
        mkdir($dir);
        $request = self::request('eleve-paul');
        file_put_contents($dir . '/request.json', (string) wp_json_encode($request));
        file_put_contents($dir . '/retry.php', implode("\n", [
            '<?php',
            'require ' . var_export(__DIR__ . '/bootstrap.php', true) . ';',
            '$mails = 0;',
            'add_filter("pre_wp_mail", function () use (&$mails) { $mails++; return true; }, 99);',
            '$request = json_decode((string) file_get_contents($argv[1]), true);',
            'echo "\\nready\\n";',
            'flush();',
            '$started = microtime(true);',
            '$s = \\ReinscriptionWizard\\Backend\\Registrations::submit("' . self::A . '", "eleve-paul", "key-w", $request);',
            'echo "\\n" . json_encode(["submission" => $s, "mails" => $mails, "ms" => (microtime(true) - $started) * 1000]);',
        ]));
        $proc = null;
        $pipes = [];
        $this->hook('pre_wp_mail', function ($short) use ($dir, &$proc, &$pipes) {
            // Committed, the receipt not yet sent: the retry starts now, and is let reach submit() before we go on.
            $proc = proc_open([PHP_BINARY, $dir . '/retry.php', $dir . '/request.json'], [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
            while (($line = fgets($pipes[1])) !== false && trim($line) !== 'ready') {
                continue;
            }
            usleep(800000);
            return $short;
        }, 98);
        try {
            $submission = Registrations::submit(self::A, 'eleve-paul', 'key-w', $request);
            $out = (string) stream_get_contents($pipes[1]);
            $err = (string) stream_get_contents($pipes[2]);
            proc_close($proc);
        } finally {
            array_map('unlink', glob($dir . '/*') ?: []);
            rmdir($dir);
        }
        $lines = explode("\n", trim($out));
        $retry = json_decode((string) end($lines), true);
        $this->assertIsArray($retry, $out . $err);
        $this->assertSame(['sent' => true, 'to' => 'alice@example.fr'], $submission['receipt']);
        $this->assertSame($submission, $retry['submission'], 'the final Submission, not the one of before the mail');
        $this->assertGreaterThan(500, $retry['ms'], 'the retry waited for the first request');
        $this->assertSame(0, $retry['mails']);
        $this->assertCount(1, $this->mails);
    }

    public function testAFailedCommitStoresNothingAndSendsNoReceipt(): void
    {
        global $wpdb;
        $failCommit = true;
        $this->hook('query', function ($query) use (&$failCommit) {
            return $failCommit && trim((string) $query) === 'COMMIT' ? 'COMMIT_REFUSED_BY_THE_TEST' : $query;
        });
        $suppress = $wpdb->suppress_errors(true);
        try {
            $refused = self::refusal(function () {
                Registrations::submit(self::A, 'eleve-paul', 'key-f', self::request('eleve-paul'));
            });
        } finally {
            $wpdb->suppress_errors($suppress);
        }
        $this->assertSame([500, ['code' => 'server-error', 'message' => "La réinscription n'a pas pu être enregistrée."]], $refused);
        $this->assertSame([], $this->mails);
        $this->assertSame('0', $wpdb->get_var('SELECT COUNT(*) FROM ' . Db::table('submissions')));
        $this->assertSame('a-faire', Registrations::registration(self::A, 'eleve-paul')['status']);
        $this->assertNull(Registrations::registration(self::A, 'eleve-paul')['submission']);

        // The family's retry with the same key is then stored, with its one receipt.
        $failCommit = false;
        $submission = Registrations::submit(self::A, 'eleve-paul', 'key-f', self::request('eleve-paul'));
        $this->assertSame(['sent' => true, 'to' => 'alice@example.fr'], $submission['receipt']);
        $this->assertCount(1, $this->mails);
        $this->assertSame('1', $wpdb->get_var('SELECT COUNT(*) FROM ' . Db::table('submissions')));
    }

    public function testAReplayNeverSendsTheReceiptAgain(): void
    {
        $this->mailWorks = false;
        $first = Registrations::submit(self::A, 'eleve-paul', 'key-r', self::request('eleve-paul'));
        $this->assertSame(['sent' => false], $first['receipt']);
        $this->mailWorks = true;
        // The mail server is back: the retry gets the stored answer, the receipt still not claimed nor re-sent.
        $this->assertSame($first, Registrations::submit(self::A, 'eleve-paul', 'key-r', self::request('eleve-paul')));
        $this->assertCount(1, $this->mails);
        $this->assertSame($first, Registrations::registration(self::A, 'eleve-paul')['submission']);
    }

    public function testDecline(): void
    {
        global $wpdb;
        $this->assertSame(['status' => 'ne-se-reinscrit-pas'], Registrations::decline(self::A, 'eleve-zoe', "  On déménage.\n "));
        $this->assertSame('On déménage.', Registrations::registration(self::A, 'eleve-zoe')['declineReason']);
        Registrations::decline(self::A, 'eleve-zoe', '   ');
        $this->assertNull(Registrations::registration(self::A, 'eleve-zoe')['declineReason']);
        $reasons = $wpdb->get_col($wpdb->prepare('SELECT reason FROM ' . Db::table('declines') . ' WHERE student_id = %s ORDER BY id', 'eleve-zoe'));
        $this->assertSame(['On déménage.', null], $reasons);
        $this->assertSame(
            [409, ['code' => 'already-submitted', 'message' => 'Vous avez déjà indiqué que cet élève ne se réinscrit pas.']],
            self::refusal(function () {
                Registrations::submit(self::A, 'eleve-zoe', 'k', self::request('eleve-zoe'));
            })
        );
        Registrations::submit(self::A, 'eleve-paul', 'k', self::request('eleve-paul'));
        $this->assertSame(self::SENT, self::refusal(function () {
            Registrations::decline(self::A, 'eleve-paul', null);
        }));
    }

    public function testAClosedCampaignRefusesEveryChange(): void
    {
        $this->offsetMs = 11 * 86400000;
        $closed = self::refusal(function () {
            Registrations::saveDraft(self::A, 'eleve-paul', ['answers' => self::answers('eleve-paul'), 'step' => 2]);
        });
        $this->assertSame(409, $closed[0]);
        $this->assertSame('campaign-closed', $closed[1]['code']);
        $this->assertStringStartsWith('Les réinscriptions en ligne sont closes depuis le ', $closed[1]['message']);
        $calls = [
            function () {
                Registrations::updateFamily(self::A, ['guardian' => self::guardian(), 'paymentMode' => null, 'bankChanged' => null]);
            },
            function () {
                Registrations::submit(self::A, 'eleve-paul', 'k', self::request('eleve-paul'));
            },
            function () {
                Registrations::decline(self::A, 'eleve-paul', null);
            },
        ];
        foreach ($calls as $call) {
            $this->assertSame($closed, self::refusal($call));
        }
        // Reading stays possible.
        $this->assertSame('a-faire', Registrations::registration(self::A, 'eleve-paul')['status']);
        $this->offsetMs = -21 * 86400000;
        $early = self::refusal(function () {
            Registrations::decline(self::A, 'eleve-paul', null);
        });
        $this->assertStringStartsWith('Les réinscriptions en ligne ouvriront le ', $early[1]['message']);
    }
}
