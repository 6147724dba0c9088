<?php

/**
 * The pieces on a real WordPress (group `wordpress`, RW_WP_LOAD): checks by signature and size, the private
 * folder, the signed links, deletion with the student's file. Same fixture as RegistrationsTest.
 *
 * @package ReinscriptionWizard
 */

namespace ReinscriptionWizard\Tests;

use PHPUnit\Framework\TestCase;
use ReinscriptionWizard\Backend\Clock;
use ReinscriptionWizard\Backend\Db;
use ReinscriptionWizard\Backend\Documents;
use ReinscriptionWizard\Backend\Registrations;
use ReinscriptionWizard\Backend\Storage;

require_once __DIR__ . '/RegistrationsTest.php';

/**
 * @group wordpress
 */
class DocumentsTest extends TestCase
{
    private const A = RegistrationsTest::A;
    private const B = RegistrationsTest::B;
    private const PDF = "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n";
    private const PNG = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    private const JPEG = "\xff\xd8\xff\xe0\0\x10JFIF";

    /** @var string[] */
    private $temp = [];
    /** @var int */
    private $offsetMs = 0;
    /** @var int|null */
    private $frozenMs = null;
    /** @var mixed */
    private $savedCampaign;
    /** @var callable */
    private $clock;

    protected function setUp(): void
    {
        if (!defined('RW_TEST_WORDPRESS') || !RW_TEST_WORDPRESS) {
            $this->markTestSkipped('needs a WordPress test site (RW_WP_LOAD)');
        }
        $this->savedCampaign = get_option('reinscription_wizard_campaign', null);
        RegistrationsTest::openCampaign();
        $this->clock = function ($ms) {
            return $this->frozenMs ?? $ms + $this->offsetMs;
        };
        add_filter('reinscription_wizard_now_ms', $this->clock, 99);
        add_filter('reinscription_wizard_accept_local_files', '__return_true');
        add_filter('pre_wp_mail', '__return_true', 99);
        RegistrationsTest::seedFixture();
    }

    protected function tearDown(): void
    {
        foreach ($this->temp as $path) {
            if (is_file($path)) {
                unlink($path);
            }
        }
        remove_filter('reinscription_wizard_now_ms', $this->clock, 99);
        remove_filter('reinscription_wizard_accept_local_files', '__return_true');
        remove_filter('pre_wp_mail', '__return_true', 99);
        delete_option('reinscription_wizard_upload_dir');
        if ($this->savedCampaign === null) {
            delete_option('reinscription_wizard_campaign');
        } else {
            update_option('reinscription_wizard_campaign', $this->savedCampaign);
        }
    }

    private static function refusal(callable $call): array
    {
        return RegistrationsTest::refusal($call);
    }

    private static function request(string $studentId): array
    {
        return RegistrationsTest::request($studentId);
    }

    /** One $_FILES entry for these bytes (a local file: the filter of setUp lets Storage take it). */
    private function file(string $bytes, string $name = 'piece.pdf', int $error = UPLOAD_ERR_OK): array
    {
        $path = (string) tempnam(sys_get_temp_dir(), 'rw-test');
        file_put_contents($path, $bytes);
        $this->temp[] = $path;
        return ['name' => $name, 'type' => 'application/pdf', 'tmp_name' => $path, 'error' => $error, 'size' => strlen($bytes)];
    }

    private function upload(string $type, ?string $studentId, string $bytes, string $name = 'piece.pdf', string $family = self::A): array
    {
        $fields = ['typeCode' => $type] + ($studentId === null ? [] : ['studentId' => $studentId]);
        return Documents::upload($family, $fields, $this->file($bytes, $name));
    }

    private function storedPath(string $documentId): string
    {
        global $wpdb;
        $name = (string) $wpdb->get_var($wpdb->prepare('SELECT stored_name FROM ' . Db::table('documents') . ' WHERE id = %s', $documentId));
        return Storage::dir() . $name;
    }

    private static function token(array $link): string
    {
        return substr($link['url'], strrpos($link['url'], '/') + 1);
    }

    public function testTheTypeIsTheSignatureNeverTheNameOrTheDeclaredType(): void
    {
        $this->frozenMs = Clock::nowMs();
        $pdf = $this->upload('justificatif-domicile', null, self::PDF, 'photo.png');
        $this->assertSame([
            'id' => $pdf['id'], 'typeCode' => 'justificatif-domicile', 'scope' => 'family', 'studentId' => null, 'fileName' => 'photo.png',
            'size' => strlen(self::PDF), 'mimeType' => 'application/pdf', 'uploadedAt' => Clock::iso($this->frozenMs),
        ], $pdf);
        $this->assertMatchesRegularExpression('/^doc-[0-9a-f-]{36}$/', $pdf['id']);
        $this->assertSame('image/png', $this->upload('responsabilite-civile', 'eleve-paul', self::PNG, 'scan.pdf')['mimeType']);
        $this->assertSame('image/jpeg', $this->upload('responsabilite-civile', 'eleve-zoe', self::JPEG, 'x.exe')['mimeType']);
        foreach (["MZ\x90\0", '<?php echo 1;', "GIF89a", "\x25\x50\x44"] as $bytes) {
            $this->assertSame(
                [422, ['code' => 'unsupported-type', 'message' => 'Seuls les documents PDF, JPEG ou PNG sont acceptés.']],
                self::refusal(function () use ($bytes) {
                    $this->upload('justificatif-domicile', null, $bytes, 'faux.pdf');
                })
            );
        }
    }

    public function testStoredUnderARandomNameWithoutExtensionInTheDenyAllFolder(): void
    {
        $doc = $this->upload('justificatif-domicile', null, self::PDF);
        $path = $this->storedPath($doc['id']);
        $this->assertMatchesRegularExpression('~/reinscription-wizard-private/[0-9a-f]{40}$~', $path);
        $this->assertSame(self::PDF, file_get_contents($path));
        $dir = dirname($path);
        $this->assertSame('0750', substr(sprintf('%o', fileperms($dir)), -4));
        $htaccess = (string) file_get_contents($dir . '/.htaccess');
        $this->assertStringContainsString('Require all denied', $htaccess);
        $this->assertStringContainsString('Deny from all', $htaccess);
        $this->assertFileExists($dir . '/index.php');
        $this->assertFileExists($dir . '/index.html');
    }

    public function testAConfiguredFolderOutsideTheWebRoot(): void
    {
        $dir = sys_get_temp_dir() . '/rw-pieces-' . bin2hex(random_bytes(4));
        update_option('reinscription_wizard_upload_dir', $dir);
        $doc = $this->upload('justificatif-domicile', null, self::PDF);
        $this->assertStringStartsWith($dir . '/', $this->storedPath($doc['id']));
        $this->assertSame('0750', substr(sprintf('%o', fileperms($dir)), -4));
        Documents::deleteForFamily(self::A);
        foreach (['.htaccess', 'index.php', 'index.html'] as $name) {
            unlink($dir . '/' . $name);
        }
        rmdir($dir);
    }

    /**
     * The probe of the private folder over HTTP, with the web server's answer given by pre_http_request: the
     * probe's own file served back (reachable), or a 403 (protected); each probe counted.
     */
    private function serving(bool $servesFiles, array &$asked): callable
    {
        $fn = function ($pre, $args, $url) use ($servesFiles, &$asked) {
            $asked[] = $url;
            if (!$servesFiles) {
                return ['headers' => [], 'body' => 'Forbidden', 'response' => ['code' => 403, 'message' => 'Forbidden'], 'cookies' => []];
            }
            $file = Storage::dir() . basename((string) wp_parse_url($url, PHP_URL_PATH));
            $body = is_file($file) ? (string) file_get_contents($file) : '';
            return ['headers' => [], 'body' => $body, 'response' => ['code' => 200, 'message' => 'OK'], 'cookies' => []];
        };
        add_filter('pre_http_request', $fn, 10, 3);
        return $fn;
    }

    public function testThePublicReachOfThePrivateFolderIsProbedThenCached(): void
    {
        Storage::forgetReachability();
        $asked = [];
        $fn = $this->serving(true, $asked);
        try {
            $this->assertTrue(Storage::publiclyReachable());
            $uploads = wp_upload_dir(null, false);
            $this->assertCount(1, $asked);
            $this->assertStringStartsWith($uploads['baseurl'] . '/reinscription-wizard-private/probe-', $asked[0]);
            $this->assertSame([], glob(Storage::dir() . 'probe-*'), 'the probe\'s file is gone');
            // Cached: the dashboard and the settings screens do not call the web server again.
            $this->assertTrue(Storage::publiclyReachable());
            $this->assertCount(1, $asked);
            $cached = get_transient(Storage::REACHABLE_TRANSIENT);
            $this->assertTrue($cached['reachable']);
            $this->assertSame(43200, Storage::REACHABLE_TTL);
            $timeout = (int) get_option('_transient_timeout_' . Storage::REACHABLE_TRANSIENT);
            $this->assertEqualsWithDelta(time() + 43200, $timeout, 60, 'kept 12 hours');
        } finally {
            remove_filter('pre_http_request', $fn, 10);
        }

        // The web server fixed, the verdict still cached until the settings are saved (even unchanged).
        $fn = $this->serving(false, $asked);
        try {
            $this->assertTrue(Storage::publiclyReachable());
            update_option('reinscription_wizard_upload_dir', (string) get_option('reinscription_wizard_upload_dir', ''));
            $this->assertFalse(get_transient(Storage::REACHABLE_TRANSIENT), 'saving forgets the verdict');
            $this->assertFalse(Storage::publiclyReachable());
            $this->assertCount(2, $asked);
            $this->assertFalse(Storage::publiclyReachable(), 'a false verdict is cached too');
            $this->assertCount(2, $asked);
            $this->assertFalse(Storage::publiclyReachable(true), 'fresh: probed again');
            $this->assertCount(3, $asked);
        } finally {
            remove_filter('pre_http_request', $fn, 10);
            Storage::forgetReachability();
        }
    }

    public function testAFolderOutsideWhatTheSitePublishesIsNotProbed(): void
    {
        $dir = sys_get_temp_dir() . '/rw-outside-' . bin2hex(random_bytes(4));
        update_option('reinscription_wizard_upload_dir', $dir);
        $asked = [];
        $fn = $this->serving(true, $asked);
        try {
            $this->assertNull(Storage::folderUrl());
            $this->assertNull(Storage::publiclyReachable(true), 'no URL reaches it: unknown, no warning');
            $this->assertSame([], $asked);
            // An older setting inside the content folder is published there, and probed.
            update_option('reinscription_wizard_upload_dir', WP_CONTENT_DIR . '/pieces privees');
            $this->assertSame(content_url('/pieces%20privees/'), Storage::folderUrl());
            $this->assertTrue(Storage::publiclyReachable(true));
            $this->assertCount(1, $asked);
        } finally {
            remove_filter('pre_http_request', $fn, 10);
            Storage::forgetReachability();
            foreach ([$dir, WP_CONTENT_DIR . '/pieces privees'] as $folder) {
                foreach (glob($folder . '/{,.}*', GLOB_BRACE) ?: [] as $f) {
                    if (is_file($f)) {
                        unlink($f);
                    }
                }
                if (is_dir($folder)) {
                    rmdir($folder);
                }
            }
        }
    }

    public function testTheTestSitesWebServerAnswersTheRealProbe(): void
    {
        // No fake answer: Apache of the test site is asked for real. Whatever it says, the verdict is a boolean
        // (the loopback works there) and matches what a stranger gets for a real piece.
        // WordPress 6.1's Requests library is older than PHP 8.1's return types: its deprecations on loading.
        $level = error_reporting(error_reporting() & ~E_DEPRECATED);
        try {
            $verdict = Storage::publiclyReachable(true);
            $name = Storage::save($this->file(self::PDF)['tmp_name']);
            $response = wp_remote_get((string) Storage::folderUrl() . $name, ['timeout' => 5, 'redirection' => 0]);
            Storage::delete($name);
        } finally {
            error_reporting($level);
            Storage::forgetReachability();
        }
        $this->assertIsBool($verdict);
        $this->assertSame($verdict, 200 === (int) wp_remote_retrieve_response_code($response));
    }

    public function testOnlyThisRequestsUploadsAreMoved(): void
    {
        remove_filter('reinscription_wizard_accept_local_files', '__return_true');
        $file = $this->file(self::PDF);
        $refused = self::refusal(function () use ($file) {
            Documents::upload(self::A, ['typeCode' => 'justificatif-domicile'], $file);
        });
        $this->assertSame(500, $refused[0]);
        $this->assertFileExists($file['tmp_name']);
    }

    public function testRefusalsInTheMocksOrder(): void
    {
        $required = function (string $field) {
            return [422, ['code' => 'validation', 'fieldErrors' => [$field => ['validation.required']]]];
        };
        $this->assertSame($required('file'), self::refusal(function () {
            Documents::upload(self::A, ['typeCode' => 'justificatif-domicile'], []);
        }));
        $this->assertSame($required('file'), self::refusal(function () {
            Documents::upload(self::A, ['typeCode' => 'justificatif-domicile'], ['name' => '', 'tmp_name' => '', 'error' => UPLOAD_ERR_NO_FILE]);
        }));
        $this->assertSame([422, ['code' => 'validation', 'fieldErrors' => ['typeCode' => ['validation.unknownValue']]]], self::refusal(function () {
            $this->upload('inconnu', null, self::PDF);
        }));
        $this->assertSame($required('studentId'), self::refusal(function () {
            $this->upload('responsabilite-civile', null, self::PDF);
        }));
        $this->assertSame([404, ['code' => 'not-found', 'message' => 'Élève introuvable.']], self::refusal(function () {
            $this->upload('responsabilite-civile', 'eleve-jules', self::PDF);
        }));
        $this->assertSame([422, ['code' => 'empty-file', 'message' => 'Le fichier est vide.']], self::refusal(function () {
            $this->upload('justificatif-domicile', null, '');
        }));
        $tooLarge = [413, ['code' => 'too-large', 'message' => 'Le fichier dépasse 2 Mo.']];
        $this->assertSame($tooLarge, self::refusal(function () {
            $this->upload('justificatif-domicile', null, '%PDF' . str_repeat('0', 2 * 1024 * 1024 - 3));
        }));
        foreach ([UPLOAD_ERR_INI_SIZE, UPLOAD_ERR_FORM_SIZE] as $error) {
            $this->assertSame($tooLarge, self::refusal(function () use ($error) {
                Documents::upload(self::A, ['typeCode' => 'justificatif-domicile'], ['name' => 'x.pdf', 'tmp_name' => '', 'error' => $error]);
            }));
        }
        $this->assertSame(2 * 1024 * 1024, $this->upload('justificatif-domicile', null, '%PDF' . str_repeat('0', 2 * 1024 * 1024 - 4))['size']);
        // A family piece sent with a student keeps no student.
        $this->assertNull($this->upload('attestation-qf', 'eleve-jules', self::PDF)['studentId']);
    }

    public function testFileNamesKeepTheirBaseNameOnly(): void
    {
        $this->assertSame('domicile.pdf', Documents::cleanFileName('C:\\Users\\alice\\domicile.pdf'));
        $this->assertSame('scan.pdf', Documents::cleanFileName('/home/a/scan.pdf'));
        $this->assertSame('relevé.pdf', Documents::cleanFileName("  rel\x07evé.pdf\t"));
        $this->assertSame('document', Documents::cleanFileName(''));
        $this->assertSame(255, mb_strlen(Documents::cleanFileName(str_repeat('é', 300) . '.pdf')));
        $this->assertStringEndsWith('.pdf', Documents::cleanFileName(str_repeat('é', 300) . '.pdf'));
    }

    public function testRegistrationShowsTheFamilysPiecesAndThisStudentsOnly(): void
    {
        $family = $this->upload('justificatif-domicile', null, self::PDF);
        $paul = $this->upload('responsabilite-civile', 'eleve-paul', self::PDF);
        $zoe = $this->upload('responsabilite-civile', 'eleve-zoe', self::PDF);
        $this->upload('responsabilite-civile', 'eleve-jules', self::PDF, 'b.pdf', self::B);
        $ids = array_column(Registrations::registration(self::A, 'eleve-paul')['documents'], 'id');
        $this->assertSame([$family['id'], $paul['id']], $ids);
        $this->assertSame([$family['id'], $zoe['id']], array_column(Registrations::registration(self::A, 'eleve-zoe')['documents'], 'id'));
        $submission = Registrations::submit(self::A, 'eleve-paul', 'k', self::request('eleve-paul'));
        $this->assertSame('envoyee', $submission['status']);
        $this->assertSame([], $submission['missingDocuments']);
    }

    public function testDeleteIsTheFamilysOnlyAndRemovesTheBytes(): void
    {
        $doc = $this->upload('justificatif-domicile', null, self::PDF);
        $path = $this->storedPath($doc['id']);
        $this->assertSame([404, ['code' => 'not-found', 'message' => 'Document introuvable.']], self::refusal(function () use ($doc) {
            Documents::delete(self::B, $doc['id']);
        }));
        $this->assertFileExists($path);
        Documents::delete(self::A, $doc['id']);
        $this->assertFileDoesNotExist($path);
        $this->assertSame([], Registrations::registration(self::A, 'eleve-paul')['documents']);
        $this->assertSame(404, self::refusal(function () use ($doc) {
            Documents::delete(self::A, $doc['id']);
        })[0]);
    }

    public function testPiecesUntilDocumentsUntilAfterTheClosing(): void
    {
        $this->offsetMs = 11 * 86400000;
        $doc = $this->upload('justificatif-domicile', null, self::PDF);
        $this->offsetMs = 26 * 86400000;
        $closed = self::refusal(function () {
            $this->upload('justificatif-domicile', null, self::PDF);
        });
        $this->assertSame(409, $closed[0]);
        $this->assertSame('campaign-closed', $closed[1]['code']);
        $this->assertStringStartsWith('Les pièces justificatives ne peuvent plus être déposées en ligne depuis le ', $closed[1]['message']);
        $this->assertSame($closed, self::refusal(function () use ($doc) {
            Documents::delete(self::A, $doc['id']);
        }));
        // A link still opens what was sent.
        $this->assertNotNull(Documents::rowOfToken(self::token(Documents::link(self::A, $doc['id']))));
    }

    public function testSignedLinksExpireAndDieWithTheirDocument(): void
    {
        $this->frozenMs = Clock::nowMs();
        $doc = $this->upload('justificatif-domicile', null, self::PDF, 'relevé de compte.pdf');
        $link = Documents::link(self::A, $doc['id']);
        $this->assertStringStartsWith(rest_url('reinscription/v1/files/'), $link['url']);
        $this->assertSame(Clock::iso($this->frozenMs + 5 * 60000), $link['expiresAt']);
        $token = self::token($link);
        $this->assertMatchesRegularExpression('/^[A-Za-z0-9_-]+$/', $token);
        $this->assertSame($doc['id'], Documents::rowOfToken($token)->id);

        // Forged: another document's id, a later expiry, a flipped character, garbage.
        $decoded = (string) base64_decode(strtr($token, '-_', '+/'));
        [$id, $expiry, $signature] = explode('.', $decoded);
        $b64 = function (string $s) {
            return rtrim(strtr(base64_encode($s), '+/', '-_'), '=');
        };
        $other = $this->upload('responsabilite-civile', 'eleve-jules', self::PDF, 'b.pdf', self::B);
        foreach (
            [
                $b64($other['id'] . '.' . $expiry . '.' . $signature),
                $b64($id . '.' . ($expiry + 3600000) . '.' . $signature),
                $b64($id . '.' . $expiry . '.' . strrev($signature)),
                $b64($id . '.' . $expiry),
                'pas-un-jeton',
                '',
            ] as $forged
        ) {
            $this->assertNull(Documents::rowOfToken($forged), $forged);
        }
        $this->assertSame([404, ['code' => 'not-found', 'message' => 'Document introuvable.']], self::refusal(function () use ($doc) {
            Documents::link(self::B, $doc['id']);
        }));

        $this->frozenMs += 5 * 60000;
        $this->assertNull(Documents::rowOfToken($token));
        $this->frozenMs -= 1;
        $this->assertNotNull(Documents::rowOfToken($token));
        Documents::delete(self::A, $doc['id']);
        $this->assertNull(Documents::rowOfToken($token));
        $gone = [404, ['code' => 'not-found', 'message' => 'Ce lien a expiré ou le document a été supprimé.']];
        $this->assertSame($gone, self::refusal(function () use ($token) {
            Documents::serve($token);
        }));
    }

    public function testDeletedWithTheStudentsFile(): void
    {
        global $wpdb;
        $family = $this->upload('justificatif-domicile', null, self::PDF);
        $paul = $this->upload('responsabilite-civile', 'eleve-paul', self::PDF);
        $zoe = $this->upload('responsabilite-civile', 'eleve-zoe', self::PDF);
        $jules = $this->upload('responsabilite-civile', 'eleve-jules', self::PDF, 'b.pdf', self::B);
        $paths = [];
        foreach ([$family, $paul, $zoe, $jules] as $doc) {
            $paths[$doc['id']] = $this->storedPath($doc['id']);
        }
        Documents::deleteForStudent('eleve-paul');
        $this->assertFileDoesNotExist($paths[$paul['id']]);
        $this->assertFileExists($paths[$family['id']]);
        $this->assertFileExists($paths[$zoe['id']]);
        Documents::deleteForFamily(self::A);
        $this->assertFileDoesNotExist($paths[$family['id']]);
        $this->assertFileDoesNotExist($paths[$zoe['id']]);
        $this->assertFileExists($paths[$jules['id']]);
        $left = $wpdb->get_col('SELECT id FROM ' . Db::table('documents'));
        $this->assertSame([$jules['id']], $left);
    }

    public function testSniffType(): void
    {
        $this->assertSame('application/pdf', Documents::sniffType('%PDF'));
        $this->assertSame('image/jpeg', Documents::sniffType("\xff\xd8\xff"));
        $this->assertSame('image/png', Documents::sniffType("\x89PNG"));
        $this->assertNull(Documents::sniffType('%PD'));
        $this->assertNull(Documents::sniffType(''));
    }
}
