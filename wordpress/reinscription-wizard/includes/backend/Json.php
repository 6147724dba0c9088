<?php

/**
 * JSON columns and bodies: the contract objects as stored, decoded to arrays and back.
 *
 * @package ReinscriptionWizard
 */

namespace ReinscriptionWizard\Backend;

if (!defined('ABSPATH')) {
    exit;
}

class Json
{
    /** Unicode and slashes as typed, so a stored name reads the same in the database as in the widget. */
    public static function encode($value): string
    {
        $flags = JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES;
        // Outside WordPress (the pure unit tests) the plain function does the same job.
        $json = function_exists('wp_json_encode')
            ? wp_json_encode($value, $flags)
            : \json_encode($value, $flags); // phpcs:ignore Generic.PHP.ForbiddenFunctions
        return is_string($json) ? $json : 'null';
    }

    /** A stored column as an array, or null when empty or not JSON (a row written by hand). */
    public static function decode(?string $json): ?array
    {
        if ($json === null || $json === '') {
            return null;
        }
        $value = json_decode($json, true);
        return is_array($value) ? $value : null;
    }

    /** JavaScript's String.prototype.trim: Unicode spaces too, which PHP's trim() leaves. */
    public static function trim(string $s): string
    {
        $trimmed = preg_replace('/^[\s\p{Z}\x{FEFF}]+|[\s\p{Z}\x{FEFF}]+$/u', '', $s);
        return is_string($trimmed) ? $trimmed : trim($s);
    }
}
