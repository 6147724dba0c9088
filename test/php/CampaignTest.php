<?php

/**
 * The campaign: the seed's texts for the configured school year, the settings over them, the Paris dates and the
 * mock's French refusals. The WordPress tests read the option on a test site; the others need nothing.
 *
 * @package ReinscriptionWizard
 */

namespace ReinscriptionWizard\Tests;

use PHPUnit\Framework\TestCase;
use ReinscriptionWizard\Backend\Campaign;
use ReinscriptionWizard\Backend\Clock;
use ReinscriptionWizard\Backend\Conditions;
use ReinscriptionWizard\Backend\Options;
use ReinscriptionWizard\Backend\Registrations;
use ReinscriptionWizard\Backend\Validator;

class CampaignTest extends TestCase
{
    use ExpectsApiError;

    /** @var mixed */
    private $saved;
    /** @var int|null */
    private $nowMs = null;
    /** @var callable|null */
    private $clockFilter = null;

    protected function setUp(): void
    {
        if (!RW_TEST_WORDPRESS) {
            return;
        }
        $this->saved = get_option(Options::CAMPAIGN, null);
        $this->clockFilter = function ($ms) {
            return $this->nowMs ?? $ms;
        };
        add_filter('reinscription_wizard_now_ms', $this->clockFilter, 2000);
    }

    protected function tearDown(): void
    {
        if (!RW_TEST_WORDPRESS) {
            return;
        }
        remove_filter('reinscription_wizard_now_ms', $this->clockFilter, 2000);
        if ($this->saved === null) {
            delete_option(Options::CAMPAIGN);
        } else {
            update_option(Options::CAMPAIGN, $this->saved);
        }
    }

    private static function validator(): Validator
    {
        return Validator::fromFile(dirname(__DIR__, 2) . '/wordpress/reinscription-wizard/data/openapi.json');
    }

    public function testFrenchDatesAsIntlWritesThem(): void
    {
        // new Intl.DateTimeFormat('fr-FR', {timeZone: 'Europe/Paris', dateStyle: 'long', timeStyle: 'short'})
        $this->assertSame('11 juin 2027 à 23:59', Clock::frenchLong(Clock::parisInstant('2027-06-11', '23:59')));
        $this->assertSame('1 février 2027 à 09:05', Clock::frenchLong(Clock::parseInstant('2027-02-01T08:05:00Z')));
        $this->assertSame('1 août 2027 à 10:05', Clock::frenchLong(Clock::parseInstant('2027-08-01T08:05:00Z')));
    }

    public function testTheSchoolYearIsTheOneStartingAfterTheDate(): void
    {
        $this->assertSame(2027, Campaign::nextStartYear(Clock::parseInstant('2026-12-02T13:45:00Z')));
        $this->assertSame(2027, Campaign::nextStartYear(Clock::parseInstant('2027-06-11T21:59:00Z')));
        $this->assertSame(2028, Campaign::nextStartYear(Clock::parseInstant('2027-08-31T22:00:00Z')), '1 September in Paris');
    }

    public function testOverridesMergeObjectsAndReplaceLists(): void
    {
        $base = ['documents' => ['maxBytes' => 2, 'types' => [1, 2]], 'town' => 'Limonest', 'rules' => ['url' => 'u', 'version' => 'v']];
        $this->assertSame(
            ['documents' => ['maxBytes' => 2, 'types' => [3]], 'town' => 'Dardilly', 'rules' => ['url' => 'u', 'version' => 'w']],
            Campaign::merge($base, ['documents' => ['types' => [3]], 'town' => 'Dardilly', 'rules' => ['version' => 'w']])
        );
    }

    public function testTheDefaultsHaveAPlaceholderForEveryYear(): void
    {
        $json = (string) file_get_contents(dirname(__DIR__, 2) . '/wordpress/reinscription-wizard/data/campaign-defaults.json');
        $this->assertStringContainsString('{{Y}}-{{Y+1}}', $json);
        $this->assertStringContainsString('QF {{Y-1}}', $json);
        $this->assertDoesNotMatchRegularExpression('/\b20[2-9]\d-20[2-9]\d\b/', $json, 'no school year left in clear');
    }

    /** @group wordpress */
    public function testWithoutSettingsTheManualsCalendarForTheComingSchoolYear(): void
    {
        delete_option(Options::CAMPAIGN);
        $this->nowMs = Clock::parseInstant('2026-12-02T13:45:00.000Z');
        $body = Campaign::json();
        $this->assertSame('2027-2028', $body['schoolYear']);
        $this->assertSame('2027-05-12T00:00:00+02:00', $body['opensAt']);
        $this->assertSame('2027-06-11T23:59:00+02:00', $body['closesAt']);
        $this->assertSame('2027-06-25T23:59:00+02:00', $body['documentsUntil']);
        $this->assertSame('2026-12-02T13:45:00.000Z', $body['serverNow']);
        $this->assertFalse($body['isOpen']);
        $this->assertSame('2027-2028', $body['rules']['version']);
        $this->assertStringContainsString('QF 2026', wp_json_encode($body['paymentNotes'], JSON_UNESCAPED_UNICODE));
        $this->assertSame('{}', wp_json_encode($body['documents']['types'][4]['condition']), 'an empty condition stays an object');
        $this->assertSame([], self::validator()->validate('Campaign', Validator::asJson($body))['errors']);
        $this->assertSame('LIM', Campaign::referencePrefix());

        $e = $this->refusal([Campaign::class, 'assertOpen']);
        $this->assertSame(
            [409, 'campaign-closed', 'Les réinscriptions en ligne ouvriront le 12 mai 2027 à 00:00.'],
            [$e->status, $e->errorCode, $e->errorMessage]
        );
        $this->nowMs = Clock::parseInstant('2027-06-11T21:59:00.000Z');
        Campaign::assertOpen();
        $this->nowMs += 60000;
        $e = $this->refusal([Campaign::class, 'assertOpen']);
        $this->assertSame('Les réinscriptions en ligne sont closes depuis le 11 juin 2027 à 23:59.', $e->errorMessage);
        Campaign::assertDocumentsOpen();
        $this->nowMs = Clock::parseInstant('2027-06-25T22:00:00.000Z');
        $e = $this->refusal([Campaign::class, 'assertDocumentsOpen']);
        $this->assertSame('Les pièces justificatives ne peuvent plus être déposées en ligne depuis le 25 juin 2027 à 23:59.', $e->errorMessage);
    }

    /** @group wordpress */
    public function testTheSettingsOverTheSeed(): void
    {
        update_option(Options::CAMPAIGN, [
            'school_year' => '2030-2031',
            'opens_at' => '2030-05-02T08:30',
            'closes_at' => '2030-06-20T12:00:00.000Z',
            'contact_email' => 'ecole@dardilly.fr',
            'town' => 'Dardilly',
            'rules_url' => 'https://www.dardilly.fr/reglement.pdf',
            'rules_version' => 'R-2030',
            'reference_prefix' => 'DAR',
            'overrides' => wp_json_encode([
                'documents' => ['maxBytes' => 1048576],
                'paymentModes' => [[
                    'code' => 'cheque',
                    'label' => 'Chèque',
                    'explanation' => [['type' => 'paragraph', 'content' => [['type' => 'text', 'text' => 'À l’ordre du Trésor public.']]]],
                    'asksBankChange' => false,
                ]],
            ]),
        ]);
        $this->nowMs = Clock::parseInstant('2030-05-02T06:30:00.000Z');
        $body = Campaign::json();
        $this->assertSame('2030-2031', $body['schoolYear']);
        $this->assertSame('2030-05-02T08:30:00+02:00', $body['opensAt']);
        $this->assertSame('2030-06-20T14:00:00+02:00', $body['closesAt']);
        $this->assertSame('2030-07-04T23:59:00+02:00', $body['documentsUntil'], 'two weeks after the closing day');
        $this->assertTrue($body['isOpen'], 'from the opening minute');
        $this->assertSame(['url' => 'https://www.dardilly.fr/reglement.pdf', 'version' => 'R-2030'], $body['rules']);
        $this->assertSame(['ecole@dardilly.fr', 'Dardilly'], [$body['contactEmail'], $body['town']]);
        $this->assertSame(1048576, $body['documents']['maxBytes']);
        $this->assertSame(['application/pdf', 'image/jpeg', 'image/png'], $body['documents']['acceptedTypes'], 'the rest kept');
        $this->assertSame(['cheque'], array_column($body['paymentModes'], 'code'));
        $this->assertArrayHasKey('en', (array) $body['translations'], 'translations kept');
        $this->assertSame('DAR', Campaign::referencePrefix());
        $this->assertSame(2030, Campaign::startYear());
        $this->assertSame([], self::validator()->validate('Campaign', Validator::asJson($body))['errors']);

        // A setting that would break the contract is not used.
        update_option(Options::CAMPAIGN, ['contact_email' => 'not an address', 'rules_url' => 'http://insecure', 'closes_at' => 'soon']);
        $body = Campaign::json();
        $this->assertSame('conservatoire@limonest.fr', $body['contactEmail']);
        $this->assertStringStartsWith('https://www.limonest.fr/', $body['rules']['url']);
        $this->assertSame([], self::validator()->validate('Campaign', Validator::asJson($body))['errors']);
    }

    public function testTheDefaultPostcodeIsTheSeeds(): void
    {
        $seed = (string) file_get_contents(dirname(__DIR__, 2) . '/src/mocks/seed.ts');
        $this->assertSame(1, preg_match("/export const TOWN_POSTAL_CODE = '([^']+)'/", $seed, $code));
        $this->assertSame(1, preg_match("/export const TOWN = '([^']+)'/", $seed, $town));
        $this->assertSame($code[1], Campaign::DEFAULT_TOWN_POSTAL_CODE);
        $this->assertSame($town[1], Campaign::defaults()['town']);
        $this->assertSame(1, preg_match(Campaign::POSTAL_CODE, Campaign::DEFAULT_TOWN_POSTAL_CODE));
    }

    /** @group wordpress */
    public function testTheTownsPostcodeIsACampaignSetting(): void
    {
        $context = function (): array {
            return Registrations::conditionContext(Campaign::body());
        };
        delete_option(Options::CAMPAIGN);
        $this->assertSame('69760', Campaign::townPostalCode(), 'the seed\'s, for the seed\'s town');
        $this->assertSame(['schoolYear' => Campaign::schoolYear(), 'town' => 'Limonest', 'townPostalCode' => '69760'], $context());

        update_option(Options::CAMPAIGN, ['town' => 'Dardilly']);
        $this->assertSame('', Campaign::townPostalCode(), 'another town has no postcode of the seed\'s');
        $this->assertSame('', $context()['townPostalCode']);

        update_option(Options::CAMPAIGN, ['town' => 'Dardilly', 'town_postal_code' => ' 69 570 ']);
        $this->assertSame('69570', Campaign::townPostalCode());
        $this->assertSame(['schoolYear' => Campaign::schoolYear(), 'town' => 'Dardilly', 'townPostalCode' => '69570'], $context());
        $this->assertArrayNotHasKey('townPostalCode', Campaign::json(), 'not part of the contract\'s Campaign');

        update_option(Options::CAMPAIGN, ['town_postal_code' => 'not a postcode!']);
        $this->assertSame('69760', Campaign::townPostalCode(), 'a broken setting is not used');

        // The filter has the last word.
        $filter = function ($code, $town) {
            return $town === 'Limonest' ? '69 999' : $code;
        };
        add_filter('reinscription_wizard_town_postal_code', $filter, 10, 2);
        try {
            $this->assertSame('69999', Campaign::townPostalCode());
        } finally {
            remove_filter('reinscription_wizard_town_postal_code', $filter, 10);
        }
    }

    /** @group wordpress */
    public function testTheConditionsResidentOfUsesTheSetting(): void
    {
        update_option(Options::CAMPAIGN, ['town' => 'Dardilly', 'town_postal_code' => '69570']);
        $types = [
            [
                'code' => 'justificatif-domicile', 'label' => 'Justificatif', 'scope' => 'family', 'required' => true,
                'condition' => ['residentOf' => 'Dardilly'],
            ],
        ];
        $needs = function (array $guardian) use ($types): array {
            return Conditions::missingDocuments($types, [], ['guardian' => $guardian], [], Registrations::conditionContext(Campaign::body()));
        };
        $this->assertSame(['justificatif-domicile'], $needs(['city' => 'DARDILLY', 'postalCode' => '00000']), 'by name');
        $this->assertSame(['justificatif-domicile'], $needs(['city' => 'Dardilly-le-Haut', 'postalCode' => '69 570']), 'by postcode');
        $this->assertSame([], $needs(['city' => 'Dardilly-le-Haut', 'postalCode' => '69760']), 'the seed\'s postcode is not Dardilly\'s');
    }
}
