<?php

/**
 * Families' accounts on a test site's database: login, hashed sessions with expiry, extension and logout, the
 * password reset by wp_mail (captured with pre_wp_mail), as the mock's store does.
 *
 * @package ReinscriptionWizard
 */

namespace ReinscriptionWizard\Tests;

use PHPUnit\Framework\TestCase;
use ReinscriptionWizard\Backend\Accounts;
use ReinscriptionWizard\Backend\Clock;
use ReinscriptionWizard\Backend\Db;
use ReinscriptionWizard\Backend\Rest;

/**
 * @group wordpress
 */
class AccountsTest extends TestCase
{
    use ExpectsApiError;

    /** @var array[] */
    private $mails = [];
    /** @var int|null */
    private $nowMs = null;
    /** @var callable */
    private $mailFilter;
    /** @var callable */
    private $clockFilter;

    protected function setUp(): void
    {
        global $wpdb;
        Db::truncateAll();
        $this->mails = [];
        $this->mailFilter = function ($null, $atts) {
            $this->mails[] = $atts;
            return true;
        };
        $this->clockFilter = function ($ms) {
            return $this->nowMs ?? $ms;
        };
        add_filter('pre_wp_mail', $this->mailFilter, 99, 2);
        add_filter('reinscription_wizard_now_ms', $this->clockFilter, 2000);
        foreach (
            [
                ['fam-a', 'TEST-0001', 'Parent.A@Example.fr', wp_hash_password('secret-pass')],
                ['fam-b', 'TEST-0002', 'parent.b@example.fr', null],
            ] as [$id, $identifier, $email, $hash]
        ) {
            $wpdb->insert(
                Db::table('families'),
                [
                    'id' => $id,
                    'identifier' => $identifier,
                    'identifier_lc' => Accounts::identifierKey($identifier),
                    'email' => $email,
                    'password_hash' => $hash,
                    'guardian' => '{}',
                    'created_ms' => 0,
                    'updated_ms' => 0,
                ],
                ['%s', '%s', '%s', '%s', '%s', '%s', '%d', '%d']
            );
        }
    }

    protected function tearDown(): void
    {
        remove_filter('pre_wp_mail', $this->mailFilter, 99);
        remove_filter('reinscription_wizard_now_ms', $this->clockFilter, 2000);
        Db::truncateAll();
    }

    public function testLoginGivesARandomTokenOfWhichOnlyTheHashIsStored(): void
    {
        global $wpdb;
        $this->nowMs = 1796219100000;
        $session = Accounts::login(' test-0001 ', 'secret-pass');
        $this->assertMatchesRegularExpression('/^[A-Za-z0-9_-]{43}$/', $session['token']);
        $this->assertSame('2026-12-02T14:15:00.000Z', $session['expiresAt'], 'thirty minutes');
        $this->assertSame('2026-12-02T13:45:00.000Z', $session['serverNow']);
        $rows = $wpdb->get_results('SELECT token_hash, family_id FROM ' . Db::table('sessions'), ARRAY_A);
        $this->assertSame([['token_hash' => hash('sha256', $session['token']), 'family_id' => 'fam-a']], $rows);
        $this->assertNotSame($session['token'], Accounts::login('TEST-0001', 'secret-pass')['token']);
    }

    public function testWrongPasswordUnknownIdentifierAndNoPasswordYetAreTheSameRefusal(): void
    {
        foreach ([['TEST-0001', 'wrong'], ['NOBODY', 'secret-pass'], ['TEST-0002', ''], ['TEST-0002', 'anything']] as [$id, $pw]) {
            $e = $this->refusal(function () use ($id, $pw) {
                Accounts::login($id, $pw);
            });
            $this->assertSame(401, $e->status);
            $this->assertSame(['code' => 'invalid-credentials', 'message' => 'Identifiant ou mot de passe incorrect.'], $e->body());
        }
    }

    public function testBearerSessionsExpireAndCanBeExtendedAndRevoked(): void
    {
        $this->nowMs = 1796219100000;
        $token = Accounts::login('TEST-0001', 'secret-pass')['token'];
        $session = Accounts::authenticate('Bearer ' . $token);
        $this->assertSame('fam-a', $session['familyId']);
        $this->assertSame('fam-a', Accounts::authenticate('  bearer   ' . $token . ' ')['familyId']);

        foreach ([null, '', 'Bearer', 'Basic ' . $token, 'Bearer nope', 'Bearer ' . $token . 'x'] as $header) {
            $e = $this->refusal(function () use ($header) {
                Accounts::authenticate($header);
            });
            $this->assertSame(['code' => 'unauthorized', 'message' => 'Connexion requise.'], $e->body());
        }

        $this->nowMs += 29 * 60000;
        $extended = Accounts::extendSession($session);
        $this->assertSame($token, $extended['token']);
        $this->assertSame(Clock::iso($this->nowMs + 30 * 60000), $extended['expiresAt']);
        $this->nowMs += 29 * 60000;
        Accounts::authenticate('Bearer ' . $token);

        $this->nowMs += 60000;
        $e = $this->refusal(function () use ($token) {
            Accounts::authenticate('Bearer ' . $token);
        });
        $this->assertSame(['code' => 'session-expired', 'message' => 'La session a expiré.'], $e->body());
        $e = $this->refusal(function () use ($token) {
            Accounts::authenticate('Bearer ' . $token);
        });
        $this->assertSame('unauthorized', $e->errorCode, 'the expired session is gone');

        $other = Accounts::login('TEST-0001', 'secret-pass')['token'];
        Accounts::logout(Accounts::authenticate('Bearer ' . $other));
        $this->assertSame('unauthorized', $this->refusal(function () use ($other) {
            Accounts::authenticate('Bearer ' . $other);
        })->errorCode);
    }

    public function testPasswordResetSendsANewPasswordOnlyToTheMatchingPair(): void
    {
        global $wpdb;
        Accounts::requestPasswordReset('TEST-0001', 'someone@else.fr');
        Accounts::requestPasswordReset('NOBODY', 'parent.a@example.fr');
        $this->assertSame([], $this->mails, 'no mail when the pair does not match');

        Accounts::requestPasswordReset(' test-0002 ', ' Parent.B@EXAMPLE.fr ');
        $this->assertCount(1, $this->mails);
        $mail = $this->mails[0];
        $this->assertSame('parent.b@example.fr', $mail['to']);
        $this->assertSame('Conservatoire de Limonest : votre nouveau mot de passe', $mail['subject']);
        $this->assertMatchesRegularExpression('/Conservatoire municipal de Limonest : ([A-Za-z0-9]{12})\n/', $mail['message']);
        preg_match('/Limonest : ([A-Za-z0-9]{12})\n/', $mail['message'], $m);
        $this->assertStringContainsString("Votre identifiant : TEST-0002\n", $mail['message']);
        $this->assertStringContainsString('écrivez-nous à conservatoire@limonest.fr.', $mail['message']);

        $hash = $wpdb->get_var($wpdb->prepare('SELECT password_hash FROM ' . Db::table('families') . ' WHERE id = %s', 'fam-b'));
        $this->assertStringNotContainsString($m[1], (string) $hash);
        $this->assertTrue(wp_check_password($m[1], (string) $hash), "hashed with WordPress's functions");
        $this->assertSame('fam-b', Accounts::authenticate('Bearer ' . Accounts::login('TEST-0002', $m[1])['token'])['familyId']);

        // A second reset makes the first password stop working.
        Accounts::requestPasswordReset('TEST-0002', 'parent.b@example.fr');
        $this->assertSame('invalid-credentials', $this->refusal(function () use ($m) {
            Accounts::login('TEST-0002', $m[1]);
        })->errorCode);
    }

    public function testTheResetMailIsTheMocksWording(): void
    {
        $this->assertSame(
            "Bonjour,\n\nVoici votre nouveau mot de passe pour l'accès usager du Conservatoire municipal de Limonest : Ab3dEf6hJk9m\n"
            . "Votre identifiant : LIMONEST-0001\n\nCe mot de passe remplace le précédent. Si vous n'êtes pas à l'origine de cette demande, "
            . "écrivez-nous à conservatoire@limonest.fr.\n\nLe Conservatoire municipal de Limonest",
            Accounts::resetMailBody('Limonest', 'conservatoire@limonest.fr', 'Ab3dEf6hJk9m', 'LIMONEST-0001')
        );
    }

    public function testTheBearerIsFoundWhereverTheServerPutIt(): void
    {
        $saved = $_SERVER;
        try {
            unset($_SERVER['HTTP_AUTHORIZATION'], $_SERVER['REDIRECT_HTTP_AUTHORIZATION']);
            $request = new \WP_REST_Request('GET', '/reinscription/v1/family');
            $this->assertNull(Rest::authorization($request));
            // php-fpm behind Apache's rewrite (WordPress's .htaccess): only the REDIRECT_ copy arrives.
            $_SERVER['REDIRECT_HTTP_AUTHORIZATION'] = 'Bearer from-the-rewrite';
            $this->assertSame('Bearer from-the-rewrite', Rest::authorization($request));
            $_SERVER['HTTP_AUTHORIZATION'] = 'Bearer direct';
            $this->assertSame('Bearer direct', Rest::authorization($request));
            $request->set_header('Authorization', 'Bearer from-wordpress');
            $this->assertSame('Bearer from-wordpress', Rest::authorization($request));
        } finally {
            $_SERVER = $saved;
        }
    }

    public function testExpiredSessionsArePurgedAtLogin(): void
    {
        global $wpdb;
        $this->nowMs = 1796219100000;
        Accounts::login('TEST-0001', 'secret-pass');
        $this->nowMs += 31 * 60000;
        Accounts::login('TEST-0001', 'secret-pass');
        $this->assertSame('1', $wpdb->get_var('SELECT COUNT(*) FROM ' . Db::table('sessions')));
    }
}
