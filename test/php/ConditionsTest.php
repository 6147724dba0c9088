<?php

/**
 * When a piece is required: the mock's rules (src/mocks/store.ts #conditionHolds, src/schemas/age.ts), pure.
 *
 * @package ReinscriptionWizard
 */

namespace ReinscriptionWizard\Tests;

use PHPUnit\Framework\TestCase;
use ReinscriptionWizard\Backend\Conditions;

class ConditionsTest extends TestCase
{
    private const CONTEXT = ['schoolYear' => '2027-2028', 'town' => 'Limonest', 'townPostalCode' => '69760'];

    /** The seed's document types (src/mocks/seed.ts documentTypes()), labels left out. */
    private const TYPES = [
        ['code' => 'mandat-sepa', 'scope' => 'family', 'condition' => ['paymentMode' => 'direct-debit', 'bankChanged' => true], 'optional' => false],
        ['code' => 'iban', 'scope' => 'family', 'condition' => ['paymentMode' => 'direct-debit', 'bankChanged' => true], 'optional' => false],
        ['code' => 'justificatif-domicile', 'scope' => 'family', 'condition' => ['residentOf' => 'Limonest'], 'optional' => false],
        ['code' => 'attestation-qf', 'scope' => 'family', 'condition' => ['residentOf' => 'Limonest'], 'optional' => true],
        ['code' => 'responsabilite-civile', 'scope' => 'student', 'condition' => [], 'optional' => false],
        ['code' => 'danse-adulte-attestation', 'scope' => 'student', 'condition' => ['discipline' => 'danse', 'age' => 'adult'], 'optional' => false],
        ['code' => 'danse-enfant-attestation', 'scope' => 'student', 'condition' => ['discipline' => 'danse', 'age' => 'minor'], 'optional' => false],
        ['code' => 'danse-questionnaire-medical', 'scope' => 'student', 'condition' => ['discipline' => 'danse'], 'optional' => false],
    ];

    private const DANCE = [
        ['cursus' => 'Initiation danse', 'active' => true, 'discipline' => 'danse'],
        ['cursus' => 'Découverte', 'active' => true, 'discipline' => 'musique'],
        ['cursus' => 'Théâtre', 'active' => false, 'discipline' => 'theatre'],
    ];

    private function answers(array $changes = []): array
    {
        $answers = [
            'guardian' => ['city' => 'Limonest', 'postalCode' => '69760'],
            'student' => ['birthDate' => '2019-02-21'],
            'paymentMode' => 'direct-debit',
            'bankChanged' => null,
        ];
        return array_replace_recursive($answers, $changes);
    }

    private function missing(array $answers, array $courses = self::DANCE, array $uploaded = []): array
    {
        return Conditions::missingDocuments(self::TYPES, $courses, $answers, $uploaded, self::CONTEXT);
    }

    public function testSeedStudentInDance(): void
    {
        $this->assertSame(
            ['justificatif-domicile', 'responsabilite-civile', 'danse-enfant-attestation', 'danse-questionnaire-medical'],
            $this->missing($this->answers())
        );
    }

    public function testOptionalPiecesApplyButAreNeverMissing(): void
    {
        $codes = array_column(Conditions::applicableTypes(self::TYPES, self::DANCE, $this->answers(), self::CONTEXT), 'code');
        $this->assertContains('attestation-qf', $codes);
        $this->assertNotContains('attestation-qf', $this->missing($this->answers()));
    }

    public function testUploadedPiecesAreNotMissing(): void
    {
        $this->assertSame(
            ['danse-enfant-attestation', 'danse-questionnaire-medical'],
            $this->missing($this->answers(), self::DANCE, ['justificatif-domicile', 'responsabilite-civile'])
        );
    }

    public function testDirectDebitWithANewBank(): void
    {
        $missing = $this->missing($this->answers(['bankChanged' => true]), []);
        $this->assertSame(['mandat-sepa', 'iban', 'justificatif-domicile', 'responsabilite-civile'], $missing);
        $this->assertNotContains('iban', $this->missing($this->answers(['bankChanged' => false]), []));
        $this->assertNotContains('iban', $this->missing($this->answers(['paymentMode' => 'single', 'bankChanged' => true]), []));
    }

    public function testResidenceByNameOrByTheTownsPostcode(): void
    {
        $elsewhere = ['guardian' => ['city' => 'Lyon', 'postalCode' => '69001']];
        $this->assertNotContains('justificatif-domicile', $this->missing($this->answers($elsewhere), []));
        $byName = ['guardian' => ['city' => ' LIMONÉST ', 'postalCode' => '69001']];
        $this->assertContains('justificatif-domicile', $this->missing($this->answers($byName), []));
        $byPostcode = ['guardian' => ['city' => 'Limonest-Village', 'postalCode' => '69 760']];
        $this->assertContains('justificatif-domicile', $this->missing($this->answers($byPostcode), []));
        $this->assertTrue(Conditions::residentOf('Lyon', ['city' => 'lyon', 'postalCode' => ''], self::CONTEXT));
        // The postcode stands for the campaign's own town only.
        $this->assertFalse(Conditions::residentOf('Lyon', ['city' => 'Ailleurs', 'postalCode' => '69760'], self::CONTEXT));
    }

    public function testDisciplinesOfActiveCoursesOnly(): void
    {
        $this->assertSame(['danse', 'musique'], Conditions::disciplines(self::DANCE));
        $missing = $this->missing($this->answers(), [['cursus' => 'Danse', 'active' => false, 'discipline' => 'danse']]);
        $this->assertSame(['justificatif-domicile', 'responsabilite-civile'], $missing);
    }

    /** 18 or more on 1 September of the school year's first year; no birth date is a minor. */
    public function testAgeOnFirstSeptember(): void
    {
        $this->assertTrue(Conditions::isAdult('2009-09-01', '2027-2028'));
        $this->assertFalse(Conditions::isAdult('2009-09-02', '2027-2028'));
        $this->assertFalse(Conditions::isAdult(null, '2027-2028'));
        $this->assertFalse(Conditions::isAdult('', '2027-2028'));
        $this->assertSame(17, Conditions::ageOn('2009-09-02', '2027-09-01'));
        $adult = $this->missing($this->answers(['student' => ['birthDate' => '1990-01-01']]));
        $this->assertContains('danse-adulte-attestation', $adult);
        $this->assertNotContains('danse-enfant-attestation', $adult);
        $unknown = $this->missing($this->answers(['student' => ['birthDate' => null]]));
        $this->assertContains('danse-enfant-attestation', $unknown);
    }

    public function testEmptyConditionAlwaysHolds(): void
    {
        $this->assertTrue(Conditions::holds([], [], [], self::CONTEXT));
    }
}
