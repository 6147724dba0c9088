<?php

/**
 * The campaign (GET /campaign): the seed manual's texts and lists (data/campaign-defaults.json, generated from the
 * mock's seed) under the secretary's settings, with the dates in Europe/Paris and the server's clock.
 *
 * @package ReinscriptionWizard
 */

namespace ReinscriptionWizard\Backend;

if (!defined('ABSPATH')) {
    exit;
}

class Campaign
{
    /** The manual's deadline: « Jusqu'au 11/06 à 23:59 ». */
    private const DEFAULT_CLOSES = ['06-11', '23:59'];
    /** The manual gives no opening date: a month before the deadline, as long as the mock's window. */
    private const DEFAULT_OPENS_DAYS_BEFORE = 30;
    /** Missing pieces are accepted two weeks after the closing, as in the mock. */
    private const DOCUMENTS_DAYS_AFTER = 14;

    /** The contract's e-mail pattern (zod's z.email()), so that a setting never breaks the answer. */
    private const EMAIL = "~^(?:[A-Za-z0-9_'+\\-]+\\.)*[A-Za-z0-9_'+\\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\\-]*\\.)+[A-Za-z]{2,}$~D";

    /**
     * The seed's town's postcode (src/mocks/seed.ts TOWN_POSTAL_CODE; CampaignTest compares them): a guardian
     * living there is a resident of the seed's town, however they spell its name.
     */
    public const DEFAULT_TOWN_POSTAL_CODE = '69760';

    /** A postcode as the settings accept it: letters, digits and hyphens, once the spaces are gone. */
    public const POSTAL_CODE = '/^[A-Za-z0-9-]{2,10}$/D';

    /** @var array|null */
    private static $defaults = null;

    /** The generated defaults, years as {{Y-1}} {{Y}} {{Y+1}}. */
    public static function defaults(): array
    {
        if (self::$defaults === null) {
            $json = file_get_contents(dirname(__DIR__, 2) . '/data/campaign-defaults.json');
            $decoded = is_string($json) ? json_decode($json, true) : null;
            if (!is_array($decoded)) {
                throw new \RuntimeException('data/campaign-defaults.json is missing or broken (npm run backend-data)');
            }
            self::$defaults = $decoded;
        }
        return self::$defaults;
    }

    /** « 2027-2028 »: the configured school year, or the one after the closing date (or after today). */
    public static function schoolYear(): string
    {
        $configured = Options::campaign()['school_year'];
        if (preg_match('/^(\d{4})-(\d{4})$/', $configured, $m) && (int) $m[2] === (int) $m[1] + 1) {
            return $configured;
        }
        $closes = Clock::parseInstant(Options::campaign()['closes_at']);
        $start = self::nextStartYear($closes !== null ? $closes : Clock::nowMs());
        return $start . '-' . ($start + 1);
    }

    public static function startYear(): int
    {
        return (int) substr(self::schoolYear(), 0, 4);
    }

    public static function referencePrefix(): string
    {
        $prefix = Options::campaign()['reference_prefix'];
        return preg_match('/^[A-Za-z0-9]{1,10}$/', $prefix) ? $prefix : 'LIM';
    }

    /**
     * The postcode that counts as living in the campaign's town (the document conditions' residentOf), spaces
     * removed: the setting, else the seed's for the seed's town, else none (a town of its own names its own).
     * The filter `reinscription_wizard_town_postal_code` (postcode, town) has the last word.
     *
     * @param string|null $town The campaign's town (null: the one it serves now)
     */
    public static function townPostalCode(?string $town = null): string
    {
        $town = $town ?? self::town();
        $configured = (string) preg_replace('/\s+/u', '', Options::campaign()['town_postal_code']);
        if ($configured !== '' && preg_match(self::POSTAL_CODE, $configured)) {
            $code = $configured;
        } else {
            $seedTown = (string) (self::defaults()['town'] ?? '');
            $code = Conditions::normalise($town) === Conditions::normalise($seedTown) ? self::DEFAULT_TOWN_POSTAL_CODE : '';
        }
        return (string) preg_replace('/\s+/u', '', (string) apply_filters('reinscription_wizard_town_postal_code', $code, $town));
    }

    /** The town the campaign serves, as body() gives it, without building the whole body. */
    public static function town(): string
    {
        $o = Options::campaign();
        if ($o['town'] !== '') {
            return $o['town'];
        }
        $overrides = Options::campaignOverrides();
        return is_string($overrides['town'] ?? null) ? $overrides['town'] : (string) (self::defaults()['town'] ?? '');
    }

    /**
     * The campaign's instants (UTC ms): the settings, or the manual's calendar for the school year.
     *
     * @return array{opensAt: int, closesAt: int, documentsUntil: int}
     */
    public static function dates(): array
    {
        $o = Options::campaign();
        $closes = Clock::parseInstant($o['closes_at']);
        if ($closes === null) {
            $closes = Clock::parisInstant(self::startYear() . '-' . self::DEFAULT_CLOSES[0], self::DEFAULT_CLOSES[1]);
        }
        $opens = Clock::parseInstant($o['opens_at']);
        if ($opens === null) {
            $opens = Clock::parisInstant(self::addDays(Clock::parisDate($closes), -self::DEFAULT_OPENS_DAYS_BEFORE), '00:00');
        }
        $documents = Clock::parseInstant($o['documents_until']);
        if ($documents === null) {
            $documents = Clock::parisInstant(self::addDays(Clock::parisDate($closes), self::DOCUMENTS_DAYS_AFTER), '23:59');
        }
        return ['opensAt' => $opens, 'closesAt' => $closes, 'documentsUntil' => $documents];
    }

    public static function isOpen(?int $ms = null): bool
    {
        $ms = $ms ?? Clock::nowMs();
        $d = self::dates();
        return $ms >= $d['opensAt'] && $ms <= $d['closesAt'];
    }

    /** 409 campaign-closed outside the re-registration window, worded as the mock does. */
    public static function assertOpen(): void
    {
        $now = Clock::nowMs();
        if (self::isOpen($now)) {
            return;
        }
        $d = self::dates();
        $message = $now < $d['opensAt']
            ? 'Les réinscriptions en ligne ouvriront le ' . Clock::frenchLong($d['opensAt']) . '.'
            : 'Les réinscriptions en ligne sont closes depuis le ' . Clock::frenchLong($d['closesAt']) . '.';
        throw new ApiError(409, 'campaign-closed', $message);
    }

    /** Pieces may be added from the opening until documentsUntil (after the closing). */
    public static function assertDocumentsOpen(): void
    {
        $now = Clock::nowMs();
        $d = self::dates();
        if ($now >= $d['opensAt'] && $now <= $d['documentsUntil']) {
            return;
        }
        throw new ApiError(
            409,
            'campaign-closed',
            'Les pièces justificatives ne peuvent plus être déposées en ligne depuis le ' . Clock::frenchLong($d['documentsUntil']) . '.'
        );
    }

    /**
     * The Campaign as PHP arrays (an empty DocumentCondition is []): for the backend's own rules. Rest sends json().
     */
    public static function body(?int $now = null): array
    {
        $now = $now ?? Clock::nowMs();
        $year = self::startYear();
        $o = Options::campaign();
        $rest = self::years(self::defaults(), $year);
        $rest = self::merge($rest, Options::campaignOverrides());
        if ($o['contact_email'] !== '' && preg_match(self::EMAIL, $o['contact_email'])) {
            $rest['contactEmail'] = $o['contact_email'];
        }
        if ($o['town'] !== '') {
            $rest['town'] = $o['town'];
        }
        if ($o['rules_url'] !== '' && preg_match('~^https://[^\s<>"]+$~D', $o['rules_url'])) {
            $rest['rules']['url'] = $o['rules_url'];
        }
        if ($o['rules_version'] !== '') {
            $rest['rules']['version'] = $o['rules_version'];
        }
        $d = self::dates();
        unset($rest['schoolYear'], $rest['opensAt'], $rest['closesAt'], $rest['serverNow'], $rest['isOpen'], $rest['documentsUntil']);
        return [
            'schoolYear' => $year . '-' . ($year + 1),
            'opensAt' => Clock::parisIso($d['opensAt']),
            'closesAt' => Clock::parisIso($d['closesAt']),
            'serverNow' => Clock::iso($now),
            'isOpen' => $now >= $d['opensAt'] && $now <= $d['closesAt'],
            'documentsUntil' => Clock::parisIso($d['documentsUntil']),
        ] + $rest;
    }

    /** body() with the objects that may be empty as objects, so that they are sent as {} and not []. */
    public static function json(?int $now = null): array
    {
        $body = self::body($now);
        foreach ($body['documents']['types'] ?? [] as $i => $type) {
            $body['documents']['types'][$i]['condition'] = (object) ($type['condition'] ?? []);
        }
        if (isset($body['translations']) && is_array($body['translations'])) {
            foreach ($body['translations'] as $lang => $t) {
                foreach (['authorisations', 'documentTypes', 'paymentModes'] as $key) {
                    if (isset($t[$key]) && is_array($t[$key])) {
                        $t[$key] = (object) array_map(static function ($entry) {
                            return (object) $entry;
                        }, $t[$key]);
                    }
                }
                $body['translations'][$lang] = (object) $t;
            }
            $body['translations'] = (object) $body['translations'];
        }
        return $body;
    }

    /** The school year re-registration prepares at an instant: the one starting on the next 1 September. */
    public static function nextStartYear(int $ms): int
    {
        $date = Clock::parisDate($ms);
        $year = (int) substr($date, 0, 4);
        return (int) substr($date, 5, 2) >= 9 ? $year + 1 : $year;
    }

    private static function addDays(string $date, int $days): string
    {
        $d = new \DateTimeImmutable($date . ' 00:00:00', new \DateTimeZone('UTC'));
        return $d->modify(($days >= 0 ? '+' : '') . $days . ' days')->format('Y-m-d');
    }

    /** The seed's years for this school year. */
    private static function years($value, int $year)
    {
        if (is_string($value)) {
            return str_replace(['{{Y-1}}', '{{Y}}', '{{Y+1}}'], [(string) ($year - 1), (string) $year, (string) ($year + 1)], $value);
        }
        if (is_array($value)) {
            foreach ($value as $k => $v) {
                $value[$k] = self::years($v, $year);
            }
        }
        return $value;
    }

    /** Objects merge key by key, anything else (lists included) is replaced by the override. */
    public static function merge(array $base, array $over): array
    {
        foreach ($over as $key => $value) {
            if (
                is_array($value) && !Validator::isList($value) && isset($base[$key]) && is_array($base[$key])
                && !Validator::isList($base[$key])
            ) {
                $base[$key] = self::merge($base[$key], $value);
            } else {
                $base[$key] = $value;
            }
        }
        return $base;
    }
}
