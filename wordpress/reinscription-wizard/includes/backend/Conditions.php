<?php

/**
 * When a document type is required (DocumentCondition of the contract), as src/mocks/store.ts decides it.
 *
 * Pure functions of the campaign's types, the student's courses and the submitted answers, so that the
 * rules are unit-tested without a database.
 *
 * @package ReinscriptionWizard
 */

namespace ReinscriptionWizard\Backend;

if (!defined('ABSPATH')) {
    exit;
}

class Conditions
{
    /**
     * Every field given must hold; an empty condition always holds.
     *
     * @param array $condition DocumentCondition
     * @param array $answers   RegistrationAnswers
     * @param array $courses   the student's Course[]
     * @param array $context   ['schoolYear' => '2027-2028', 'town' => 'Limonest', 'townPostalCode' => '69760']
     */
    public static function holds(array $condition, array $answers, array $courses, array $context): bool
    {
        if (array_key_exists('paymentMode', $condition) && ($answers['paymentMode'] ?? null) !== $condition['paymentMode']) {
            return false;
        }
        if (array_key_exists('bankChanged', $condition) && ($answers['bankChanged'] ?? null) !== $condition['bankChanged']) {
            return false;
        }
        if (
            array_key_exists('residentOf', $condition)
            && !self::residentOf((string) $condition['residentOf'], $answers['guardian'] ?? [], $context)
        ) {
            return false;
        }
        if (array_key_exists('discipline', $condition) && !in_array($condition['discipline'], self::disciplines($courses), true)) {
            return false;
        }
        if (array_key_exists('age', $condition)) {
            $birthDate = $answers['student']['birthDate'] ?? null;
            $age = self::isAdult(is_string($birthDate) ? $birthDate : null, (string) ($context['schoolYear'] ?? '')) ? 'adult' : 'minor';
            if ($age !== $condition['age']) {
                return false;
            }
        }
        return true;
    }

    /** The disciplines of the active courses, each once, in the order of the courses. */
    public static function disciplines(array $courses): array
    {
        $out = [];
        foreach ($courses as $course) {
            if (!empty($course['active']) && isset($course['discipline']) && !in_array($course['discipline'], $out, true)) {
                $out[] = $course['discipline'];
            }
        }
        return $out;
    }

    /** The document types that apply to this student with these answers, optional ones included. */
    public static function applicableTypes(array $types, array $courses, array $answers, array $context): array
    {
        return array_values(array_filter($types, function ($type) use ($courses, $answers, $context) {
            return self::holds(self::condition($type), $answers, $courses, $context);
        }));
    }

    /**
     * Required pieces not yet uploaded (their codes, in the campaign's order).
     *
     * @param string[] $uploadedTypeCodes the type codes of the family's pieces and this student's
     */
    public static function missingDocuments(array $types, array $courses, array $answers, array $uploadedTypeCodes, array $context): array
    {
        $missing = [];
        foreach (self::applicableTypes($types, $courses, $answers, $context) as $type) {
            if (empty($type['optional']) && !in_array($type['code'], $uploadedTypeCodes, true)) {
                $missing[] = $type['code'];
            }
        }
        return $missing;
    }

    /** The town by name (accents and case aside), or the campaign's town by its postcode. */
    public static function residentOf(string $town, array $guardian, array $context): bool
    {
        if (self::normalise((string) ($guardian['city'] ?? '')) === self::normalise($town)) {
            return true;
        }
        $postalCode = (string) ($context['townPostalCode'] ?? '');
        return $postalCode !== ''
            && self::normalise($town) === self::normalise((string) ($context['town'] ?? ''))
            && preg_replace('/\s/u', '', (string) ($guardian['postalCode'] ?? '')) === $postalCode;
    }

    /** 18 or more on 1 September of the school year; an unknown birth date counts as a minor (src/schemas/age.ts). */
    public static function isAdult(?string $birthDate, string $schoolYear): bool
    {
        if ($birthDate === null || $birthDate === '') {
            return false;
        }
        return self::ageOn($birthDate, substr($schoolYear, 0, 4) . '-09-01') >= 18;
    }

    public static function ageOn(string $birthDate, string $onDate): int
    {
        $b = array_map('intval', array_pad(explode('-', $birthDate), 3, '0'));
        $o = array_map('intval', array_pad(explode('-', $onDate), 3, '0'));
        $beforeBirthday = $o[1] < $b[1] || ($o[1] === $b[1] && $o[2] < $b[2]);
        return $o[0] - $b[0] - ($beforeBirthday ? 1 : 0);
    }

    /** As the mock's normalise(): no accents, trimmed, lower case. */
    public static function normalise(string $s): string
    {
        if (class_exists('Normalizer')) {
            $decomposed = \Normalizer::normalize($s, \Normalizer::FORM_D);
            $s = is_string($decomposed) ? (string) preg_replace('/\p{Mn}+/u', '', $decomposed) : $s;
        } else {
            // Without intl, the accented Latin letters a French town name can hold.
            $s = strtr($s, self::ACCENTS);
        }
        return mb_strtolower(Json::trim($s), 'UTF-8');
    }

    private static function condition($type): array
    {
        return isset($type['condition']) && is_array($type['condition']) ? $type['condition'] : [];
    }

    private const ACCENTS = [
        'À' => 'A', 'Á' => 'A', 'Â' => 'A', 'Ã' => 'A', 'Ä' => 'A', 'Å' => 'A', 'Ç' => 'C', 'È' => 'E', 'É' => 'E',
        'Ê' => 'E', 'Ë' => 'E', 'Ì' => 'I', 'Í' => 'I', 'Î' => 'I', 'Ï' => 'I', 'Ñ' => 'N', 'Ò' => 'O', 'Ó' => 'O',
        'Ô' => 'O', 'Õ' => 'O', 'Ö' => 'O', 'Ù' => 'U', 'Ú' => 'U', 'Û' => 'U', 'Ü' => 'U', 'Ý' => 'Y', 'Ÿ' => 'Y',
        'à' => 'a', 'á' => 'a', 'â' => 'a', 'ã' => 'a', 'ä' => 'a', 'å' => 'a', 'ç' => 'c', 'è' => 'e', 'é' => 'e',
        'ê' => 'e', 'ë' => 'e', 'ì' => 'i', 'í' => 'i', 'î' => 'i', 'ï' => 'i', 'ñ' => 'n', 'ò' => 'o', 'ó' => 'o',
        'ô' => 'o', 'õ' => 'o', 'ö' => 'o', 'ù' => 'u', 'ú' => 'u', 'û' => 'u', 'ü' => 'u', 'ý' => 'y', 'ÿ' => 'y',
    ];
}
