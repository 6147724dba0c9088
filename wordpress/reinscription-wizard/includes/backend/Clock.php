<?php

/**
 * The server's clock, in UTC milliseconds like the contract's instants; tests move it with a filter.
 *
 * @package ReinscriptionWizard
 */

namespace ReinscriptionWizard\Backend;

if (!defined('ABSPATH')) {
    exit;
}

class Clock
{
    public const TIME_ZONE = 'Europe/Paris';

    private const MONTHS = [
        1 => 'janvier', 'février', 'mars', 'avril', 'mai', 'juin',
        'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre',
    ];

    public static function nowMs(): int
    {
        $real = (int) round(microtime(true) * 1000);
        return function_exists('apply_filters') ? (int) apply_filters('reinscription_wizard_now_ms', $real) : $real;
    }

    /** 2026-12-02T13:45:00.000Z, as JavaScript's toISOString() writes it. */
    public static function iso(int $ms): string
    {
        $seconds = intdiv($ms, 1000);
        $millis = $ms % 1000;
        if ($millis < 0) {
            $seconds -= 1;
            $millis += 1000;
        }
        return gmdate('Y-m-d\TH:i:s', $seconds) . sprintf('.%03dZ', $millis);
    }

    /** 2027-06-11T23:59:00+02:00: Paris wall-clock time with its offset, seconds only (the mock's toParisIso). */
    public static function parisIso(int $ms): string
    {
        return self::paris($ms)->format('Y-m-d\TH:i:sP');
    }

    /** « 11 juin 2027 à 23:59 », what Intl fr-FR dateStyle long + timeStyle short writes in Paris time. */
    public static function frenchLong(int $ms): string
    {
        $d = self::paris($ms);
        return $d->format('j') . ' ' . self::MONTHS[(int) $d->format('n')] . ' ' . $d->format('Y') . ' à ' . $d->format('H:i');
    }

    /** The Paris calendar date of an instant, YYYY-MM-DD. */
    public static function parisDate(int $ms): string
    {
        return self::paris($ms)->format('Y-m-d');
    }

    /** The instant of a Paris wall-clock time ('2027-06-11', '23:59'); DST gaps resolve as PHP does (forward). */
    public static function parisInstant(string $date, string $time): int
    {
        $d = new \DateTimeImmutable($date . ' ' . $time . ':00', new \DateTimeZone(self::TIME_ZONE));
        return $d->getTimestamp() * 1000;
    }

    /**
     * An instant written either as Paris local time 'YYYY-MM-DDTHH:MM' (what the admin stores) or as an ISO 8601
     * instant with an offset or Z (what the test control sends); null when it is neither.
     */
    public static function parseInstant($value): ?int
    {
        if (!is_string($value)) {
            return null;
        }
        $value = trim($value);
        if (preg_match('/^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})$/', $value, $m)) {
            return self::parisInstant($m[1], $m[2]);
        }
        $iso = '/^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/';
        if (preg_match($iso, $value, $m)) {
            $format = '!Y-m-d\TH:i' . (strlen($m[1]) > 16 ? ':s' : '') . 'P';
            $d = \DateTimeImmutable::createFromFormat($format, $m[1] . ($m[3] === 'Z' ? '+00:00' : $m[3]));
            if (!$d) {
                return null;
            }
            $millis = isset($m[2]) && $m[2] !== '' ? (int) substr(str_pad($m[2], 3, '0'), 0, 3) : 0;
            return $d->getTimestamp() * 1000 + $millis;
        }
        return null;
    }

    /** Paris local 'YYYY-MM-DDTHH:MM' of an instant (what the admin's datetime-local field shows). */
    public static function parisLocal(int $ms): string
    {
        return self::paris($ms)->format('Y-m-d\TH:i');
    }

    private static function paris(int $ms): \DateTimeImmutable
    {
        $utc = (new \DateTimeImmutable('@' . intdiv($ms, 1000)));
        return $utc->setTimezone(new \DateTimeZone(self::TIME_ZONE));
    }
}
