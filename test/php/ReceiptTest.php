<?php

/**
 * The receipt e-mail of a submission, pure: the PHP port must write what src/mocks/receipt-mail.ts writes.
 * The expected text below is receiptMail()'s output for the same input (generated with npx tsx).
 *
 * @package ReinscriptionWizard
 */

namespace ReinscriptionWizard\Tests;

use PHPUnit\Framework\TestCase;
use ReinscriptionWizard\Backend\Receipt;

class ReceiptTest extends TestCase
{
    private function input(): array
    {
        return [
            'campaign' => [
                'schoolYear' => '2027-2028',
                'documentsUntil' => '2027-07-01T23:59:00+02:00',
                'contactEmail' => 'conservatoire@limonest.fr',
                'town' => 'Limonest',
                'paymentModes' => [
                    ['code' => 'single', 'label' => 'Règlement en une fois', 'asksBankChange' => false],
                    ['code' => 'direct-debit', 'label' => 'Prélèvement automatique en 9 fois', 'asksBankChange' => true],
                ],
                'documents' => ['types' => [
                    ['code' => 'iban', 'label' => 'RIB / IBAN (pour le règlement par prélèvement)', 'scope' => 'family'],
                    ['code' => 'responsabilite-civile', 'label' => 'Attestation de responsabilité civile', 'scope' => 'student'],
                ]],
                'references' => [
                    'civilites' => [['code' => 'MME', 'label' => 'Madame'], ['code' => 'M', 'label' => 'Monsieur']],
                    'situationsFamiliales' => [['code' => 'SEPARE', 'label' => 'Séparé(e)']],
                    'pcs' => [['code' => '4', 'label' => 'Professions intermédiaires']],
                    'niveauxScolaires' => [['code' => '5e', 'label' => 'Cinquième']],
                ],
            ],
            'submission' => [
                'reference' => 'LIM-2027-000123',
                'submittedAt' => '2027-06-01T07:05:09.000Z',
                'status' => 'envoyee-incomplete',
                'missingDocuments' => ['iban', 'responsabilite-civile', 'ancien-code'],
                'receipt' => ['sent' => false],
            ],
            'request' => [
                'answers' => [
                    'guardian' => [
                        'civilite' => 'Mademoiselle', 'lastName' => "D'AGOSTINO", 'firstName' => 'Lydie', 'birthDate' => '1984-03-14',
                        'birthPlace' => 'Lyon', 'birthDepartment' => '69', 'country' => 'DE', 'address' => '14 chemin du Puy-d’Or',
                        'postalCode' => '69760', 'city' => 'Limonest', 'phoneHome' => '+33465710012', 'phoneMobile' => '+33639980042',
                        'phoneWork' => '', 'email' => 'lydie@example.fr', 'situationFamiliale' => 'SEPARE', 'pcs' => '4',
                        'profession' => ' ', 'extraPhones' => ['+4915112345678', '+33612345678'],
                    ],
                    'student' => [
                        'civilite' => 'M', 'lastName' => 'MOREAU', 'firstName' => 'Gianni', 'birthDate' => null, 'birthPlace' => '',
                        'birthDepartment' => '99', 'situationFamiliale' => '', 'useGuardianAddress' => false, 'address' => '',
                        'postalCode' => '69760', 'city' => 'Limonest', 'phoneHome' => '', 'phoneMobile' => '', 'phoneWork' => '',
                        'email' => '', 'emergencyContact' => 'Marco MOREAU (père)', 'emergencyPhone' => '+33639980043',
                        'school' => 'Collège', 'schoolLevel' => '5e',
                    ],
                    'paymentMode' => 'direct-debit',
                    'bankChanged' => true,
                    'authorisations' => ['image' => 'non', 'sortie' => 'oui'],
                    'administrativeReregistration' => true,
                    'administrativeDetails' => ['instrument' => 'Violon', 'day' => 'Mercredi'],
                    'additionalInfo' => "Orchestre  \n  plutôt que chorale\nMerci",
                ],
                'acceptance' => [
                    'rulesVersion' => '2027-2028',
                    'authorisationVersions' => ['image' => '2024-1', 'sortie' => '2024-1'],
                    'acceptedAt' => '2026-12-31T23:30:00.000Z',
                ],
                'changes' => [
                    ['field' => 'guardian.phoneMobile', 'label' => 'Mobile', 'before' => '+33639980042', 'after' => ''],
                    ['field' => 'student.birthDate', 'label' => 'Date de naissance', 'before' => '2014-05-09', 'after' => '2014-05-10'],
                ],
            ],
            'courses' => [
                [
                    'cursus' => 'Clarinette', 'cours' => '', 'teacher' => 'Lydie DAGOSTINO', 'cycle' => '1C2',
                    'active' => true, 'discipline' => 'musique',
                ],
                ['cursus' => 'FM 1C2', 'cours' => '', 'teacher' => '', 'cycle' => '', 'active' => true, 'discipline' => 'musique'],
                ['cursus' => 'Danse', 'cours' => '', 'teacher' => 'X', 'cycle' => '', 'active' => false, 'discipline' => 'danse'],
            ],
            'administrativeReregistrationApplies' => true,
        ];
    }

    private function mail(array $input): array
    {
        return Receipt::mail(
            $input['campaign'],
            $input['submission'],
            $input['request'],
            $input['courses'],
            $input['administrativeReregistrationApplies']
        );
    }

    public function testWritesWhatTheMockWrites(): void
    {
        $mail = $this->mail($this->input());
        $this->assertSame('Conservatoire de Limonest : réinscription de MOREAU Gianni reçue (LIM-2027-000123)', $mail['subject']);
        $this->assertSame(self::EXPECTED, $mail['body']);
    }

    public function testCompleteFileHasNoPiecesToAdd(): void
    {
        $input = $this->input();
        $input['submission']['missingDocuments'] = [];
        $input['request']['changes'] = [];
        $body = $this->mail($input)['body'];
        $this->assertStringContainsString("État du dossier : complet\n\nVOS RÉPONSES", $body);
        $this->assertStringNotContainsString('Pièces à ajouter', $body);
        $this->assertStringContainsString("Éléments modifiés\n  Aucune information enregistrée modifiée\n", $body);
    }

    public function testLinesThatDependOnTheAnswers(): void
    {
        $input = $this->input();
        $input['request']['answers']['paymentMode'] = 'single';
        $input['request']['answers']['administrativeReregistration'] = false;
        $input['request']['answers']['student']['useGuardianAddress'] = true;
        $input['courses'] = [];
        $body = $this->mail($input)['body'];
        $this->assertStringContainsString("  Mode de règlement souhaité : Règlement en une fois\n\nAutorisations", $body);
        $this->assertStringNotContainsString('Changement de banque', $body);
        $this->assertStringContainsString('  Adresse : celle du responsable', $body);
        $this->assertStringContainsString("  Aucun cours enregistré\n  Réinscription administrative : Non\n  Information", $body);
        $this->assertStringNotContainsString('Instrument choisi', $body);

        $input['administrativeReregistrationApplies'] = false;
        $input['request']['answers']['paymentMode'] = 'inconnu';
        $body = $this->mail($input)['body'];
        $this->assertStringNotContainsString('Réinscription administrative', $body);
        $this->assertStringContainsString('  Mode de règlement souhaité : inconnu', $body);
    }

    public function testFormats(): void
    {
        $this->assertSame('06 39 98 00 42', Receipt::phone('+33639980042'));
        $this->assertSame('+4915112345678', Receipt::phone('+4915112345678'));
        $this->assertSame('+336399800421', Receipt::phone('+336399800421'));
        $this->assertSame('14/03/1984', Receipt::date('1984-03-14'));
        $this->assertSame('', Receipt::date(null));
        $this->assertSame('France', Receipt::country('FR'));
        $this->assertSame('Allemagne', Receipt::country('de'));
        $this->assertSame('XX', Receipt::country('XX'));
        // Intl writes « 1 décembre », French typography the ordinal; the hour in Paris time, summer or winter.
        $this->assertSame('1er décembre 2026 à 21:52', Receipt::longDateTime('2026-12-01T20:52:00.000Z'));
        $this->assertSame('11 juin 2027 à 23:59', Receipt::longDateTime('2027-06-11T23:59:00+02:00'));
        $this->assertSame('2 juillet 2027 à 09:05', Receipt::longDateTime('2027-07-02T07:05:00Z'));
    }

    private const EXPECTED = <<<'TXT'
Bonjour,

Le conservatoire a bien reçu la réinscription de MOREAU Gianni pour l'année 2027-2028. Gardez ce message : il récapitule votre envoi.

Numéro de référence : LIM-2027-000123
Envoyée le : 1er juin 2027 à 09:05 (heure de Paris)
État du dossier : incomplet, des pièces manquent

Pièces à ajouter depuis votre espace famille, jusqu'au 1er juillet 2027 à 23:59 :
  - RIB / IBAN (pour le règlement par prélèvement) (famille)
  - Attestation de responsabilité civile (élève)
  - ancien-code
Tout dossier incomplet ne sera pas traité.

VOS RÉPONSES

Responsable
  Civilité : Mademoiselle
  Nom : D'AGOSTINO
  Prénom : Lydie
  Date de naissance : 14/03/1984
  Lieu de naissance : Lyon
  Département de naissance : 69
  Adresse : 14 chemin du Puy-d’Or, 69760 Limonest
  Pays : Allemagne
  Tél. domicile : 04 65 71 00 12
  Mobile : 06 39 98 00 42
  Tél. professionnel : Non renseigné
  Téléphones supplémentaires : +4915112345678, 06 12 34 56 78
  E-mail : lydie@example.fr
  Situation familiale : Séparé(e)
  Catégorie socio-professionnelle : Professions intermédiaires
  Profession : Non renseigné

Élève
  Civilité : Monsieur
  Nom : MOREAU
  Prénom : Gianni
  Date de naissance : Non renseigné
  Lieu de naissance : Non renseigné
  Département de naissance : Né(e) à l'étranger
  Situation familiale : Non renseigné
  Adresse : 69760 Limonest
  Tél. domicile : Non renseigné
  Mobile : Non renseigné
  Tél. professionnel : Non renseigné
  E-mail : Non renseigné
  Personne à prévenir : Marco MOREAU (père)
  Tél. urgence : 06 39 98 00 43
  Établissement scolaire : Collège
  Niveau scolaire : Cinquième

Mode de règlement
  Mode de règlement souhaité : Prélèvement automatique en 9 fois
  Changement de banque : Oui

Autorisations
  Droit à l'image : Non
  Autorisation de sortie : Oui

Cours et information complémentaire
  - Clarinette (Lydie DAGOSTINO)
  - FM 1C2
  Réinscription administrative : Oui
  Instrument choisi : Violon
  Jour pour la FM1C1 et la chorale Domin'ut : Mercredi
  Information complémentaire : Orchestre / plutôt que chorale / Merci

Éléments modifiés
  Mobile : 06 39 98 00 42 → Non renseigné
  Date de naissance : 09/05/2014 → 10/05/2014

Règlement intérieur accepté : version 2027-2028, le 1er janvier 2027 à 00:30.

Une question ? Écrivez au conservatoire : conservatoire@limonest.fr

Le Conservatoire municipal de Limonest
TXT;
}
