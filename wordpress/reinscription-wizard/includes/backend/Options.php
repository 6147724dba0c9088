<?php

/**
 * Typed reads of the backend's options, with their defaults (the admin screens write them).
 *
 * @package ReinscriptionWizard
 */

namespace ReinscriptionWizard\Backend;

if (!defined('ABSPATH')) {
    exit;
}

class Options
{
    public const BACKEND = 'reinscription_wizard_backend';
    public const CAMPAIGN = 'reinscription_wizard_campaign';
    public const TRUSTED_PROXIES = 'reinscription_wizard_trusted_proxies';
    public const UPLOAD_DIR = 'reinscription_wizard_upload_dir';
    public const SESSION_MINUTES = 'reinscription_wizard_session_minutes';
    public const LINK_MINUTES = 'reinscription_wizard_link_minutes';
    public const DB_VERSION = 'reinscription_wizard_db_version';
    /** Not a setting: the hash an unknown identifier's login is checked against (Accounts). */
    public const DUMMY_HASH = 'reinscription_wizard_dummy_hash';

    /** Every option of the backend, for uninstall.php. */
    public const ALL = [
        self::BACKEND, self::CAMPAIGN, self::TRUSTED_PROXIES, self::UPLOAD_DIR, self::SESSION_MINUTES, self::LINK_MINUTES,
        self::DB_VERSION, self::DUMMY_HASH,
    ];

    /** The keys of the campaign option; every one may be missing (then the seed's default applies). */
    public const CAMPAIGN_KEYS = [
        'school_year', 'opens_at', 'closes_at', 'documents_until', 'contact_email', 'town', 'town_postal_code',
        'rules_url', 'rules_version', 'reference_prefix', 'overrides',
    ];

    /** 'site' when this WordPress is the widget's backend, 'external' (the default) for an API elsewhere. */
    public static function backend(): string
    {
        return get_option(self::BACKEND, 'external') === 'site' ? 'site' : 'external';
    }

    /**
     * The campaign option with only its known keys, each a trimmed string ('' = not set, use the default).
     *
     * @return array<string, string>
     */
    public static function campaign(): array
    {
        $raw = get_option(self::CAMPAIGN, []);
        $raw = is_array($raw) ? $raw : [];
        $out = [];
        foreach (self::CAMPAIGN_KEYS as $key) {
            $value = $raw[$key] ?? '';
            if (is_array($value) && $key === 'overrides') {
                $value = (string) wp_json_encode($value);
            }
            $out[$key] = is_scalar($value) ? trim((string) $value) : '';
        }
        return $out;
    }

    /**
     * The campaign's overrides (a JSON object merged over the seed's Campaign), [] when unset or not an object.
     *
     * @return array<string, mixed>
     */
    public static function campaignOverrides(): array
    {
        $json = self::campaign()['overrides'];
        if ($json === '') {
            return [];
        }
        $decoded = json_decode($json, true);
        return is_array($decoded) && !Validator::isList($decoded) ? $decoded : [];
    }

    /**
     * The proxies whose X-Forwarded-For is believed: IPs or CIDRs, comma- or space-separated.
     *
     * @return string[]
     */
    public static function trustedProxies(): array
    {
        $raw = get_option(self::TRUSTED_PROXIES, '');
        $list = is_string($raw) ? preg_split('/[\s,;]+/', $raw, -1, PREG_SPLIT_NO_EMPTY) : [];
        return (array) apply_filters('reinscription_wizard_trusted_proxies', $list ?: []);
    }

    /** The configured folder for uploads (absolute, outside the web root), or '' for the default private folder. */
    public static function uploadDir(): string
    {
        $raw = get_option(self::UPLOAD_DIR, '');
        return is_string($raw) ? rtrim(trim($raw), '/\\') : '';
    }

    public static function sessionMinutes(): int
    {
        return self::minutes(self::SESSION_MINUTES, 30, 'reinscription_wizard_session_minutes');
    }

    public static function linkMinutes(): int
    {
        return self::minutes(self::LINK_MINUTES, 5, 'reinscription_wizard_link_minutes');
    }

    public static function dbVersion(): string
    {
        $raw = get_option(self::DB_VERSION, '');
        return is_string($raw) ? $raw : '';
    }

    private static function minutes(string $option, int $default, string $filter): int
    {
        $raw = get_option($option, $default);
        $value = is_numeric($raw) && (int) $raw > 0 ? (int) $raw : $default;
        $filtered = (int) apply_filters($filter, $value);
        return $filtered > 0 ? $filtered : $default;
    }
}
