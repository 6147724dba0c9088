<?php

/**
 * Families' accounts: login, bearer sessions, « Mot de passe perdu ». Families are never WordPress users: their
 * passwords are hashed with WordPress's functions into the families table, sessions are random tokens of which only
 * the SHA-256 is stored.
 *
 * @package ReinscriptionWizard
 */

namespace ReinscriptionWizard\Backend;

if (!defined('ABSPATH')) {
    exit;
}

class Accounts
{
    /**
     * The family row for what a parent typed: case-insensitive, surrounding spaces ignored (as the mock).
     *
     * @return array{id: string, identifier: string, email: string, password_hash: ?string}|null
     */
    public static function familyByIdentifier(string $identifier): ?array
    {
        global $wpdb;
        $key = self::identifierKey($identifier);
        if ($key === '') {
            return null;
        }
        $row = $wpdb->get_row(
            $wpdb->prepare(
                'SELECT id, identifier, email, password_hash FROM ' . Db::table('families') . ' WHERE identifier_lc = %s',
                $key
            ),
            ARRAY_A
        );
        return is_array($row) ? $row : null;
    }

    /** The families.identifier_lc of an identifier (the import and the seed store it with this). */
    public static function identifierKey(string $identifier): string
    {
        $trimmed = trim($identifier);
        return function_exists('mb_strtolower') ? mb_strtolower($trimmed, 'UTF-8') : strtolower($trimmed);
    }

    /**
     * POST /session. Failed attempts count against the identifier and the address; a family without a password
     * yet (imported, never reset) cannot log in.
     */
    public static function login(string $identifier, string $password, string $ip = ''): array
    {
        RateLimiter::check('login', $identifier, $ip);
        $family = self::familyByIdentifier($identifier);
        $hash = $family['password_hash'] ?? null;
        if (!is_string($hash) || $hash === '') {
            // The same work as a real check, so that timing does not tell which identifiers exist.
            wp_check_password($password, self::dummyHash());
            $ok = false;
        } else {
            $ok = wp_check_password($password, $hash);
        }
        if (!$ok || $family === null) {
            RateLimiter::hit('login', $identifier, $ip);
            throw new ApiError(401, 'invalid-credentials', 'Identifiant ou mot de passe incorrect.');
        }
        RateLimiter::clearIdentifier('login', $identifier);
        self::purgeExpired();
        return self::createSession((string) $family['id']);
    }

    /** The test control's logged-in state: a session without the password. */
    public static function openSession(string $familyId): array
    {
        return self::createSession($familyId);
    }

    /** A new session for a family (the login, and the test control's logged-in state). */
    public static function createSession(string $familyId): array
    {
        global $wpdb;
        $now = Clock::nowMs();
        $token = self::base64url(random_bytes(32));
        $expires = $now + Options::sessionMinutes() * 60000;
        $wpdb->insert(
            Db::table('sessions'),
            ['token_hash' => hash('sha256', $token), 'family_id' => $familyId, 'expires_ms' => $expires, 'created_ms' => $now],
            ['%s', '%s', '%d', '%d']
        );
        return self::sessionBody($token, $expires, $now);
    }

    /**
     * The session of an `Authorization: Bearer …` header, or 401 (unauthorized, or session-expired once its time
     * is over; the expired row goes).
     *
     * @return array{token: string, tokenHash: string, familyId: string, expiresMs: int}
     */
    public static function authenticate(?string $authorization): array
    {
        global $wpdb;
        $token = preg_match('/^Bearer\s+(\S+)$/i', trim((string) $authorization), $m) ? $m[1] : '';
        $row = null;
        if ($token !== '' && strlen($token) <= 2000) {
            $hash = hash('sha256', $token);
            $row = $wpdb->get_row(
                $wpdb->prepare('SELECT family_id, expires_ms FROM ' . Db::table('sessions') . ' WHERE token_hash = %s', $hash),
                ARRAY_A
            );
        }
        if (!is_array($row)) {
            throw new ApiError(401, 'unauthorized', 'Connexion requise.');
        }
        if ((int) $row['expires_ms'] <= Clock::nowMs()) {
            $wpdb->delete(Db::table('sessions'), ['token_hash' => $hash], ['%s']);
            throw new ApiError(401, 'session-expired', 'La session a expiré.');
        }
        return ['token' => $token, 'tokenHash' => $hash, 'familyId' => (string) $row['family_id'], 'expiresMs' => (int) $row['expires_ms']];
    }

    /** POST /session/extend: the same token, a new expiry. */
    public static function extendSession(array $session): array
    {
        global $wpdb;
        $now = Clock::nowMs();
        $expires = $now + Options::sessionMinutes() * 60000;
        $wpdb->update(Db::table('sessions'), ['expires_ms' => $expires], ['token_hash' => $session['tokenHash']], ['%d'], ['%s']);
        return self::sessionBody($session['token'], $expires, $now);
    }

    /** DELETE /session: the token stops working. */
    public static function logout(array $session): void
    {
        global $wpdb;
        $wpdb->delete(Db::table('sessions'), ['token_hash' => $session['tokenHash']], ['%s']);
    }

    /**
     * POST /password-reset, as iMuse does: a matching identifier + e-mail pair gets a NEW password by e-mail, which
     * makes the previous one stop working. The caller answers 202 whether or not the pair matched; only the rate
     * limit (per identifier and address, whether or not it exists) may refuse.
     */
    public static function requestPasswordReset(string $identifier, string $email, string $ip = ''): void
    {
        global $wpdb;
        RateLimiter::check('passwordReset', $identifier, $ip);
        RateLimiter::hit('passwordReset', $identifier, $ip);
        $family = self::familyByIdentifier($identifier);
        if ($family === null || self::normaliseEmail((string) $family['email']) !== self::normaliseEmail($email)) {
            return;
        }
        $password = wp_generate_password(12, false);
        $wpdb->update(
            Db::table('families'),
            ['password_hash' => wp_hash_password($password), 'updated_ms' => Clock::nowMs()],
            ['id' => $family['id']],
            ['%s', '%d'],
            ['%s']
        );
        $campaign = Campaign::body();
        $town = (string) ($campaign['town'] ?? 'Limonest');
        $contact = (string) ($campaign['contactEmail'] ?? '');
        wp_mail(
            (string) $family['email'],
            'Conservatoire de ' . $town . ' : votre nouveau mot de passe',
            self::resetMailBody($town, $contact, $password, (string) $family['identifier']),
            ['Content-Type: text/plain; charset=UTF-8']
        );
    }

    /** The mock's wording (src/mocks/store.ts requestPasswordReset), with the campaign's town and address. */
    public static function resetMailBody(string $town, string $contact, string $password, string $identifier): string
    {
        return "Bonjour,\n\n"
            . "Voici votre nouveau mot de passe pour l'accès usager du Conservatoire municipal de " . $town . ' : ' . $password . "\n"
            . 'Votre identifiant : ' . $identifier . "\n\n"
            . "Ce mot de passe remplace le précédent. Si vous n'êtes pas à l'origine de cette demande, "
            . 'écrivez-nous à ' . $contact . ".\n\n"
            . 'Le Conservatoire municipal de ' . $town;
    }

    /** A hash of no one's password, made once by this WordPress (so it costs what a family's hash costs to check). */
    private static function dummyHash(): string
    {
        $hash = get_option(Options::DUMMY_HASH, '');
        if (!is_string($hash) || $hash === '') {
            $hash = wp_hash_password(wp_generate_password(32, true, true));
            update_option(Options::DUMMY_HASH, $hash, false);
        }
        return $hash;
    }

    /** Sets a family's password (the test control's seed gives the demo family its demo password). */
    public static function setPassword(string $familyId, string $password): void
    {
        global $wpdb;
        $wpdb->update(Db::table('families'), ['password_hash' => wp_hash_password($password)], ['id' => $familyId], ['%s'], ['%s']);
    }

    /** Expired sessions go at each login; rate-limit windows older than a day too. */
    public static function purgeExpired(): void
    {
        global $wpdb;
        $now = Clock::nowMs();
        $wpdb->query($wpdb->prepare('DELETE FROM ' . Db::table('sessions') . ' WHERE expires_ms <= %d', $now));
        RateLimiter::purge($now);
    }

    /** As the mock's normalise(): accents, case and surrounding spaces do not matter. */
    public static function normaliseEmail(string $email): string
    {
        $email = trim($email);
        if (function_exists('remove_accents')) {
            $email = remove_accents($email);
        }
        return function_exists('mb_strtolower') ? mb_strtolower($email, 'UTF-8') : strtolower($email);
    }

    private static function sessionBody(string $token, int $expiresMs, int $nowMs): array
    {
        return ['token' => $token, 'expiresAt' => Clock::iso($expiresMs), 'serverNow' => Clock::iso($nowMs)];
    }

    private static function base64url(string $bytes): string
    {
        return rtrim(strtr(base64_encode($bytes), '+/', '-_'), '=');
    }
}
