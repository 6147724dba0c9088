<?php

/**
 * Throttles login and password reset: strictly per identifier (guessing one family's password, flooding one
 * mailbox), leniently per client address (a school network or a town's proxy shares one address on deadline night).
 * Fixed windows in the rate_limits table; the client address is REMOTE_ADDR, or X-Forwarded-For only when the
 * request comes from a trusted proxy.
 *
 * @package ReinscriptionWizard
 */

namespace ReinscriptionWizard\Backend;

if (!defined('ABSPATH')) {
    exit;
}

class RateLimiter
{
    /**
     * Per action and per key kind: [how many, in how many seconds]. Login counts failed attempts; password reset
     * counts every request (each one may send an e-mail). Filter: reinscription_wizard_rate_limits.
     */
    public const LIMITS = [
        'login' => ['identifier' => [5, 900], 'ip' => [300, 900]],
        'passwordReset' => ['identifier' => [3, 3600], 'ip' => [300, 900]],
    ];

    /** @var object|null a store with get(bucket), hit(bucket, nowMs, windowMs), clear(bucket); null = the database */
    private static $store = null;

    /** @var bool */
    private static $custom = false;

    /** Tests swap the database for an in-memory store (null: the database again). */
    public static function useStore(?object $store): void
    {
        self::$store = $store;
        self::$custom = $store !== null;
    }

    /** @return array<string, array{0: int, 1: int}> the limits of an action, filtered */
    public static function limits(string $action): array
    {
        $limits = self::LIMITS[$action] ?? [];
        if (function_exists('apply_filters')) {
            $limits = (array) apply_filters('reinscription_wizard_rate_limits', $limits, $action);
        }
        return $limits;
    }

    /** 429 rate-limited when one of the action's buckets is full, with Retry-After until it frees. */
    public static function check(string $action, string $identifier, string $ip, ?int $nowMs = null): void
    {
        $now = $nowMs ?? Clock::nowMs();
        $wait = 0;
        foreach (self::buckets($action, $identifier, $ip) as $bucket => $limit) {
            $row = self::store()->get($bucket);
            $retry = self::retryAfter($row, $now, $limit[0], $limit[1] * 1000);
            $wait = max($wait, $retry ?? 0);
        }
        if ($wait > 0) {
            throw new ApiError(429, 'rate-limited', 'Trop de tentatives.', [], ['Retry-After' => (string) $wait]);
        }
    }

    /** Counts one attempt in every bucket of the action. */
    public static function hit(string $action, string $identifier, string $ip, ?int $nowMs = null): void
    {
        $now = $nowMs ?? Clock::nowMs();
        foreach (self::buckets($action, $identifier, $ip) as $bucket => $limit) {
            self::store()->hit($bucket, $now, $limit[1] * 1000);
        }
    }

    /** A successful login forgets the identifier's failures (the address keeps its count). */
    public static function clearIdentifier(string $action, string $identifier): void
    {
        self::store()->clear(self::bucket($action, 'identifier', self::identifierKey($identifier)));
    }

    /**
     * Seconds until a full bucket frees, or null when another attempt is allowed.
     *
     * @param array{hits: int, window_start_ms: int}|null $row
     */
    public static function retryAfter(?array $row, int $nowMs, int $limit, int $windowMs): ?int
    {
        if ($row === null || $nowMs - (int) $row['window_start_ms'] >= $windowMs || (int) $row['hits'] < $limit) {
            return null;
        }
        return max(1, (int) ceil(((int) $row['window_start_ms'] + $windowMs - $nowMs) / 1000));
    }

    /**
     * The client's address: REMOTE_ADDR, unless it is a trusted proxy; then the right-most address of
     * X-Forwarded-For that is not a trusted proxy (the left part of the header is whatever the client wrote).
     *
     * @param string[] $trusted IPs or CIDRs (IPv4, IPv6)
     */
    public static function clientIp(array $server, array $trusted): string
    {
        $remote = self::normaliseIp((string) ($server['REMOTE_ADDR'] ?? ''));
        if ($remote === null) {
            return '';
        }
        if (!$trusted || !self::isTrusted($remote, $trusted) || empty($server['HTTP_X_FORWARDED_FOR'])) {
            return $remote;
        }
        $hops = array_reverse(array_map('trim', explode(',', (string) $server['HTTP_X_FORWARDED_FOR'])));
        $client = $remote;
        foreach ($hops as $hop) {
            $ip = self::normaliseIp(self::stripPort($hop));
            if ($ip === null) {
                break;
            }
            $client = $ip;
            if (!self::isTrusted($ip, $trusted)) {
                break;
            }
        }
        return $client;
    }

    /** @param string[] $trusted */
    public static function isTrusted(string $ip, array $trusted): bool
    {
        foreach ($trusted as $range) {
            if (self::inRange($ip, trim($range))) {
                return true;
            }
        }
        return false;
    }

    /** Whether an address is in a CIDR range ('10.0.0.0/8', '2001:db8::/32') or is that address. */
    public static function inRange(string $ip, string $range): bool
    {
        $parts = explode('/', $range, 2);
        $base = self::normaliseIp($parts[0]);
        $ipNorm = self::normaliseIp($ip);
        if ($base === null || $ipNorm === null) {
            return false;
        }
        $a = inet_pton($ipNorm);
        $b = inet_pton($base);
        if ($a === false || $b === false || strlen($a) !== strlen($b)) {
            return false;
        }
        $bits = strlen($a) * 8;
        $prefix = isset($parts[1]) && ctype_digit($parts[1]) ? (int) $parts[1] : $bits;
        if ($prefix > $bits || (isset($parts[1]) && !ctype_digit($parts[1]))) {
            return false;
        }
        $bytes = intdiv($prefix, 8);
        if (substr($a, 0, $bytes) !== substr($b, 0, $bytes)) {
            return false;
        }
        $rest = $prefix % 8;
        if ($rest === 0) {
            return true;
        }
        $mask = (0xff << (8 - $rest)) & 0xff;
        return (ord($a[$bytes]) & $mask) === (ord($b[$bytes]) & $mask);
    }

    /** The canonical text of an IP (IPv4-mapped IPv6 as IPv4), or null when it is not one. */
    public static function normaliseIp(string $ip): ?string
    {
        $ip = trim($ip, " \t[]");
        if ($ip === '' || filter_var($ip, FILTER_VALIDATE_IP) === false) {
            return null;
        }
        $packed = inet_pton($ip);
        if ($packed === false) {
            return null;
        }
        if (strlen($packed) === 16 && substr($packed, 0, 12) === str_repeat("\0", 10) . "\xff\xff") {
            $packed = substr($packed, 12);
        }
        $text = inet_ntop($packed);
        return $text === false ? null : $text;
    }

    /** @return array<string, array{0: int, 1: int}> bucket name → [limit, window seconds] */
    private static function buckets(string $action, string $identifier, string $ip): array
    {
        $out = [];
        foreach (self::limits($action) as $kind => $limit) {
            if (!is_array($limit) || count($limit) < 2 || (int) $limit[0] <= 0 || (int) $limit[1] <= 0) {
                continue;
            }
            if ($kind === 'identifier') {
                $key = self::identifierKey($identifier);
            } elseif ($kind === 'ip') {
                $key = self::ipKey($ip);
            } else {
                continue;
            }
            $out[self::bucket($action, $kind, $key)] = [(int) $limit[0], (int) $limit[1]];
        }
        return $out;
    }

    private static function bucket(string $action, string $kind, string $key): string
    {
        // Hashed: fixed length, and no identifier or address in clear in the table.
        return $action . ':' . $kind . ':' . hash('sha256', $key);
    }

    private static function identifierKey(string $identifier): string
    {
        $trimmed = trim($identifier);
        return function_exists('mb_strtolower') ? mb_strtolower($trimmed, 'UTF-8') : strtolower($trimmed);
    }

    /** An IPv6 client counts by its /64 (one household or phone gets a whole /64 and may rotate inside it). */
    private static function ipKey(string $ip): string
    {
        $packed = $ip !== '' ? inet_pton($ip) : false;
        if ($packed !== false && strlen($packed) === 16) {
            return bin2hex(substr($packed, 0, 8)) . '::/64';
        }
        return $ip;
    }

    private static function stripPort(string $hop): string
    {
        if (preg_match('/^\[([0-9a-fA-F:.]+)\](?::\d+)?$/', $hop, $m)) {
            return $m[1];
        }
        if (preg_match('/^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/', $hop, $m)) {
            return $m[1];
        }
        return $hop;
    }

    private static function store(): object
    {
        if (self::$store === null) {
            self::$store = self::tableStore();
        }
        return self::$store;
    }

    /** The rate_limits table; hit() is one atomic statement, so concurrent attempts all count. */
    private static function tableStore(): object
    {
        return new class {
            public function get(string $bucket): ?array
            {
                global $wpdb;
                $row = $wpdb->get_row(
                    $wpdb->prepare('SELECT hits, window_start_ms FROM ' . Db::table('rate_limits') . ' WHERE bucket = %s', $bucket),
                    ARRAY_A
                );
                return is_array($row) ? ['hits' => (int) $row['hits'], 'window_start_ms' => (int) $row['window_start_ms']] : null;
            }

            public function hit(string $bucket, int $nowMs, int $windowMs): void
            {
                global $wpdb;
                $expired = $nowMs - $windowMs;
                $wpdb->query($wpdb->prepare(
                    'INSERT INTO ' . Db::table('rate_limits') . ' (bucket, hits, window_start_ms) VALUES (%s, 1, %d)'
                    . ' ON DUPLICATE KEY UPDATE hits = IF(window_start_ms <= %d, 1, hits + 1),'
                    . ' window_start_ms = IF(window_start_ms <= %d, %d, window_start_ms)',
                    $bucket,
                    $nowMs,
                    $expired,
                    $expired,
                    $nowMs
                ));
            }

            public function clear(string $bucket): void
            {
                global $wpdb;
                $wpdb->delete(Db::table('rate_limits'), ['bucket' => $bucket], ['%s']);
            }
        };
    }

    /** Forgets windows older than a day (called now and then by the login). */
    public static function purge(?int $nowMs = null): void
    {
        if (self::$custom) {
            return;
        }
        global $wpdb;
        $before = ($nowMs ?? Clock::nowMs()) - 86400000;
        $wpdb->query($wpdb->prepare('DELETE FROM ' . Db::table('rate_limits') . ' WHERE window_start_ms < %d', $before));
    }
}
