<?php

/**
 * The receipt e-mail after a submission: plain text, in French, what a family keeps as proof. A faithful
 * port of src/mocks/receipt-mail.ts (same wording, same lines), sent with wp_mail.
 *
 * @package ReinscriptionWizard
 */

namespace ReinscriptionWizard\Backend;

if (!defined('ABSPATH')) {
    exit;
}

class Receipt
{
    private const NOT_PROVIDED = 'Non renseigné';

    /**
     * Subject and body of the receipt.
     *
     * @param array $campaign   Campaign (Campaign::body())
     * @param array $submission Submission
     * @param array $request    SubmissionRequest
     * @param array $courses    the student's Course[]
     * @return array{subject: string, body: string}
     */
    public static function mail(array $campaign, array $submission, array $request, array $courses, bool $administrativeReregistrationApplies): array
    {
        $answers = $request['answers'];
        $acceptance = $request['acceptance'];
        $changes = $request['changes'] ?? [];
        $refs = $campaign['references'];
        $student = $answers['student']['lastName'] . ' ' . $answers['student']['firstName'];
        $mode = null;
        foreach ($campaign['paymentModes'] as $m) {
            if ($m['code'] === $answers['paymentMode']) {
                $mode = $m;
                break;
            }
        }
        $missing = self::missingPieces($campaign, $submission['missingDocuments']);
        $active = array_values(array_filter($courses, function ($c) {
            return !empty($c['active']);
        }));

        $lines = [
            'Bonjour,',
            '',
            'Le conservatoire a bien reçu la réinscription de ' . $student . " pour l'année " . $campaign['schoolYear']
                . '. Gardez ce message : il récapitule votre envoi.',
            '',
            'Numéro de référence : ' . $submission['reference'],
            'Envoyée le : ' . self::longDateTime($submission['submittedAt']) . ' (heure de Paris)',
            'État du dossier : ' . ($missing ? 'incomplet, des pièces manquent' : 'complet'),
            '',
        ];
        if ($missing) {
            $lines[] = "Pièces à ajouter depuis votre espace famille, jusqu'au " . self::longDateTime($campaign['documentsUntil']) . ' :';
            foreach ($missing as $piece) {
                $lines[] = '  - ' . $piece;
            }
            $lines[] = 'Tout dossier incomplet ne sera pas traité.';
            $lines[] = '';
        }
        array_push($lines, 'VOS RÉPONSES', '');
        array_push($lines, ...self::guardianLines($answers['guardian'], $refs));
        $lines[] = '';
        array_push($lines, ...self::studentLines($answers['student'], $refs));
        array_push($lines, '', 'Mode de règlement');
        $lines[] = self::line('Mode de règlement souhaité', $mode ? $mode['label'] : (string) ($answers['paymentMode'] ?? ''));
        if ($mode && !empty($mode['asksBankChange'])) {
            $lines[] = self::line('Changement de banque', self::yesNo($answers['bankChanged']));
        }
        array_push($lines, '', 'Autorisations');
        $lines[] = self::line("Droit à l'image", self::yesNo($answers['authorisations']['image']));
        $lines[] = self::line('Autorisation de sortie', self::yesNo($answers['authorisations']['sortie']));
        array_push($lines, '', 'Cours et information complémentaire');
        if ($active) {
            foreach ($active as $c) {
                $lines[] = '  - ' . (($c['teacher'] ?? '') !== '' ? $c['cursus'] . ' (' . $c['teacher'] . ')' : $c['cursus']);
            }
        } else {
            $lines[] = '  Aucun cours enregistré';
        }
        if ($administrativeReregistrationApplies) {
            $lines[] = self::line('Réinscription administrative', self::yesNo((bool) $answers['administrativeReregistration']));
            if (!empty($answers['administrativeReregistration'])) {
                $details = $answers['administrativeDetails'] ?? [];
                $lines[] = self::line('Instrument choisi', (string) ($details['instrument'] ?? ''));
                $lines[] = self::line("Jour pour la FM1C1 et la chorale Domin'ut", (string) ($details['day'] ?? ''));
            }
        }
        $info = preg_replace('/[\s\p{Z}]*\n[\s\p{Z}]*/u', ' / ', (string) $answers['additionalInfo']);
        $lines[] = self::line('Information complémentaire', is_string($info) ? $info : (string) $answers['additionalInfo']);
        array_push($lines, '', 'Éléments modifiés');
        if ($changes) {
            foreach ($changes as $c) {
                $lines[] = '  ' . $c['label'] . ' : ' . self::changed((string) $c['before']) . ' → ' . self::changed((string) $c['after']);
            }
        } else {
            $lines[] = '  Aucune information enregistrée modifiée';
        }
        $lines[] = '';
        $lines[] = 'Règlement intérieur accepté : version ' . $acceptance['rulesVersion'] . ', le '
            . self::longDateTime($acceptance['acceptedAt']) . '.';
        array_push($lines, '', 'Une question ? Écrivez au conservatoire : ' . $campaign['contactEmail'], '');
        $lines[] = 'Le Conservatoire municipal de ' . $campaign['town'];

        return [
            'subject' => 'Conservatoire de ' . $campaign['town'] . ' : réinscription de ' . $student . ' reçue (' . $submission['reference'] . ')',
            'body' => implode("\n", $lines),
        ];
    }

    /**
     * Sends the receipt with wp_mail, plain text in UTF-8. The headers name the mail's kind and reference,
     * so a test's pre_wp_mail (the test mu-plugin's outbox) can tell a receipt from a password reset.
     */
    public static function send(string $to, array $mail, string $reference): bool
    {
        $headers = [
            'Content-Type: text/plain; charset=UTF-8',
            'X-Reinscription-Wizard: receipt',
            'X-Reinscription-Reference: ' . preg_replace('/[^A-Za-z0-9_-]/', '', $reference),
        ];
        return (bool) wp_mail($to, $mail['subject'], $mail['body'], $headers);
    }

    /** The missing pieces by label, each with whom it concerns (the family's pieces count for every child). */
    public static function missingPieces(array $campaign, array $codes): array
    {
        $out = [];
        foreach ($codes as $code) {
            $label = $code;
            foreach ($campaign['documents']['types'] as $type) {
                if ($type['code'] === $code) {
                    $label = $type['label'] . ' (' . ($type['scope'] === 'family' ? 'famille' : 'élève') . ')';
                    break;
                }
            }
            $out[] = $label;
        }
        return $out;
    }

    /** « 1er décembre 2026 à 21:52 » in Paris time, as Intl's fr-FR long date and short time, with the ordinal. */
    public static function longDateTime(string $instant): string
    {
        $ms = Clock::parseInstant($instant);
        return $ms === null ? $instant : (string) preg_replace('/^1 /', '1er ', Clock::frenchLong($ms));
    }

    /** « +33639980042 » → « 06 39 98 00 42 »; other countries as stored. */
    public static function phone(string $stored): string
    {
        if (preg_match('/^\+33(\d{9})\z/', $stored, $m)) {
            return (string) preg_replace('/(\d{2})(?=\d)/', '$1 ', '0' . $m[1]);
        }
        return $stored;
    }

    public static function date(?string $iso): string
    {
        if ($iso !== null && preg_match('/^\d{4}-\d{2}-\d{2}\z/', $iso)) {
            return implode('/', array_reverse(explode('-', $iso)));
        }
        return $iso ?? '';
    }

    /** The French name of an ISO 3166 region code, as Intl.DisplayNames(['fr']) gives it; unknown codes as stored. */
    public static function country(string $code): string
    {
        return self::COUNTRIES[strtoupper($code)] ?? $code;
    }

    private static function label(array $items, string $code): string
    {
        foreach ($items as $item) {
            if ($item['code'] === $code) {
                return $item['label'];
            }
        }
        return $code;
    }

    private static function yesNo($v): string
    {
        if ($v === true || $v === 'oui') {
            return 'Oui';
        }
        return $v === false || $v === 'non' ? 'Non' : '';
    }

    /** « Libellé : valeur », « Non renseigné » when empty. */
    private static function line(string $name, string $value): string
    {
        return '  ' . $name . ' : ' . (Json::trim($value) !== '' ? $value : self::NOT_PROVIDED);
    }

    private static function address(array $p): string
    {
        $town = Json::trim($p['postalCode'] . ' ' . $p['city']);
        return implode(', ', array_filter([$p['address'], $town], function ($s) {
            return $s !== '';
        }));
    }

    /** A change's « before » or « after »: phones and dates as elsewhere, anything else as entered. */
    private static function changed(string $v): string
    {
        return $v !== '' ? self::phone(self::date($v)) : self::NOT_PROVIDED;
    }

    private static function birthDepartment(string $code): string
    {
        return $code === '99' ? "Né(e) à l'étranger" : $code;
    }

    private static function identityLines(array $p, array $refs): array
    {
        return [
            self::line('Civilité', self::label($refs['civilites'], $p['civilite'])),
            self::line('Nom', $p['lastName']),
            self::line('Prénom', $p['firstName']),
            self::line('Date de naissance', self::date($p['birthDate'])),
            self::line('Lieu de naissance', $p['birthPlace']),
            self::line('Département de naissance', self::birthDepartment($p['birthDepartment'])),
        ];
    }

    private static function guardianLines(array $g, array $refs): array
    {
        $extra = implode(', ', array_map([self::class, 'phone'], array_values(array_filter($g['extraPhones'], function ($p) {
            return $p !== '';
        }))));
        return array_merge(['Responsable'], self::identityLines($g, $refs), [
            self::line('Adresse', self::address($g)),
            self::line('Pays', $g['country'] !== '' ? self::country($g['country']) : ''),
            self::line('Tél. domicile', self::phone($g['phoneHome'])),
            self::line('Mobile', self::phone($g['phoneMobile'])),
            self::line('Tél. professionnel', self::phone($g['phoneWork'])),
            self::line('Téléphones supplémentaires', $extra),
            self::line('E-mail', $g['email']),
            self::line('Situation familiale', self::label($refs['situationsFamiliales'], $g['situationFamiliale'])),
            self::line('Catégorie socio-professionnelle', self::label($refs['pcs'], $g['pcs'])),
            self::line('Profession', $g['profession']),
        ]);
    }

    private static function studentLines(array $s, array $refs): array
    {
        return array_merge(['Élève'], self::identityLines($s, $refs), [
            self::line('Situation familiale', self::label($refs['situationsFamiliales'], $s['situationFamiliale'])),
            !empty($s['useGuardianAddress']) ? self::line('Adresse', 'celle du responsable') : self::line('Adresse', self::address($s)),
            self::line('Tél. domicile', self::phone($s['phoneHome'])),
            self::line('Mobile', self::phone($s['phoneMobile'])),
            self::line('Tél. professionnel', self::phone($s['phoneWork'])),
            self::line('E-mail', $s['email']),
            self::line('Personne à prévenir', $s['emergencyContact']),
            self::line('Tél. urgence', self::phone($s['emergencyPhone'])),
            self::line('Établissement scolaire', $s['school']),
            self::line('Niveau scolaire', self::label($refs['niveauxScolaires'], $s['schoolLevel'])),
        ]);
    }

    /** Intl.DisplayNames(['fr'], { type: 'region' }) for every code it names (generated from Node's ICU). */
    private const COUNTRIES = [
        'AC' => 'Île de l’Ascension', 'AD' => 'Andorre', 'AE' => 'Émirats arabes unis', 'AF' => 'Afghanistan', 'AG' => 'Antigua-et-Barbuda',
        'AI' => 'Anguilla', 'AL' => 'Albanie', 'AM' => 'Arménie', 'AN' => 'Curaçao', 'AO' => 'Angola', 'AQ' => 'Antarctique',
        'AR' => 'Argentine', 'AS' => 'Samoa américaines', 'AT' => 'Autriche', 'AU' => 'Australie', 'AW' => 'Aruba', 'AX' => 'Îles Åland',
        'AZ' => 'Azerbaïdjan', 'BA' => 'Bosnie-Herzégovine', 'BB' => 'Barbade', 'BD' => 'Bangladesh', 'BE' => 'Belgique',
        'BF' => 'Burkina Faso', 'BG' => 'Bulgarie', 'BH' => 'Bahreïn', 'BI' => 'Burundi', 'BJ' => 'Bénin', 'BL' => 'Saint-Barthélemy',
        'BM' => 'Bermudes', 'BN' => 'Brunei', 'BO' => 'Bolivie', 'BQ' => 'Pays-Bas caribéens', 'BR' => 'Brésil', 'BS' => 'Bahamas',
        'BT' => 'Bhoutan', 'BU' => 'Myanmar (Birmanie)', 'BV' => 'Île Bouvet', 'BW' => 'Botswana', 'BY' => 'Biélorussie', 'BZ' => 'Belize',
        'CA' => 'Canada', 'CC' => 'Îles Cocos', 'CD' => 'Congo-Kinshasa', 'CF' => 'République centrafricaine', 'CG' => 'Congo-Brazzaville',
        'CH' => 'Suisse', 'CI' => 'Côte d’Ivoire', 'CK' => 'Îles Cook', 'CL' => 'Chili', 'CM' => 'Cameroun', 'CN' => 'Chine',
        'CO' => 'Colombie', 'CP' => 'Île Clipperton', 'CQ' => 'Sercq', 'CR' => 'Costa Rica', 'CS' => 'Serbie', 'CU' => 'Cuba',
        'CV' => 'Cap-Vert', 'CW' => 'Curaçao', 'CX' => 'Île Christmas', 'CY' => 'Chypre', 'CZ' => 'Tchéquie', 'DD' => 'Allemagne',
        'DE' => 'Allemagne', 'DG' => 'Diego Garcia', 'DJ' => 'Djibouti', 'DK' => 'Danemark', 'DM' => 'Dominique',
        'DO' => 'République dominicaine', 'DY' => 'Bénin', 'DZ' => 'Algérie', 'EA' => 'Ceuta et Melilla', 'EC' => 'Équateur',
        'EE' => 'Estonie', 'EG' => 'Égypte', 'EH' => 'Sahara occidental', 'ER' => 'Érythrée', 'ES' => 'Espagne', 'ET' => 'Éthiopie',
        'EU' => 'Union européenne', 'EZ' => 'zone euro', 'FI' => 'Finlande', 'FJ' => 'Fidji', 'FK' => 'Îles Malouines',
        'FM' => 'Micronésie', 'FO' => 'Îles Féroé', 'FR' => 'France', 'FX' => 'France', 'GA' => 'Gabon', 'GB' => 'Royaume-Uni',
        'GD' => 'Grenade', 'GE' => 'Géorgie', 'GF' => 'Guyane française', 'GG' => 'Guernesey', 'GH' => 'Ghana', 'GI' => 'Gibraltar',
        'GL' => 'Groenland', 'GM' => 'Gambie', 'GN' => 'Guinée', 'GP' => 'Guadeloupe', 'GQ' => 'Guinée équatoriale', 'GR' => 'Grèce',
        'GS' => 'Géorgie du Sud-et-les Îles Sandwich du Sud', 'GT' => 'Guatemala', 'GU' => 'Guam', 'GW' => 'Guinée-Bissau',
        'GY' => 'Guyana', 'HK' => 'R.A.S. chinoise de Hong Kong', 'HM' => 'Îles Heard-et-MacDonald', 'HN' => 'Honduras', 'HR' => 'Croatie',
        'HT' => 'Haïti', 'HU' => 'Hongrie', 'HV' => 'Burkina Faso', 'IC' => 'Îles Canaries', 'ID' => 'Indonésie', 'IE' => 'Irlande',
        'IL' => 'Israël', 'IM' => 'Île de Man', 'IN' => 'Inde', 'IO' => 'Territoire britannique de l’océan Indien', 'IQ' => 'Irak',
        'IR' => 'Iran', 'IS' => 'Islande', 'IT' => 'Italie', 'JE' => 'Jersey', 'JM' => 'Jamaïque', 'JO' => 'Jordanie', 'JP' => 'Japon',
        'KE' => 'Kenya', 'KG' => 'Kirghizstan', 'KH' => 'Cambodge', 'KI' => 'Kiribati', 'KM' => 'Comores',
        'KN' => 'Saint-Christophe-et-Niévès', 'KP' => 'Corée du Nord', 'KR' => 'Corée du Sud', 'KW' => 'Koweït', 'KY' => 'Îles Caïmans',
        'KZ' => 'Kazakhstan', 'LA' => 'Laos', 'LB' => 'Liban', 'LC' => 'Sainte-Lucie', 'LI' => 'Liechtenstein', 'LK' => 'Sri Lanka',
        'LR' => 'Liberia', 'LS' => 'Lesotho', 'LT' => 'Lituanie', 'LU' => 'Luxembourg', 'LV' => 'Lettonie', 'LY' => 'Libye',
        'MA' => 'Maroc', 'MC' => 'Monaco', 'MD' => 'Moldavie', 'ME' => 'Monténégro', 'MF' => 'Saint-Martin', 'MG' => 'Madagascar',
        'MH' => 'Îles Marshall', 'MK' => 'Macédoine du Nord', 'ML' => 'Mali', 'MM' => 'Myanmar (Birmanie)', 'MN' => 'Mongolie',
        'MO' => 'R.A.S. chinoise de Macao', 'MP' => 'Îles Mariannes du Nord', 'MQ' => 'Martinique', 'MR' => 'Mauritanie',
        'MS' => 'Montserrat', 'MT' => 'Malte', 'MU' => 'Maurice', 'MV' => 'Maldives', 'MW' => 'Malawi', 'MX' => 'Mexique',
        'MY' => 'Malaisie', 'MZ' => 'Mozambique', 'NA' => 'Namibie', 'NC' => 'Nouvelle-Calédonie', 'NE' => 'Niger', 'NF' => 'Île Norfolk',
        'NG' => 'Nigeria', 'NH' => 'Vanuatu', 'NI' => 'Nicaragua', 'NL' => 'Pays-Bas', 'NO' => 'Norvège', 'NP' => 'Népal', 'NR' => 'Nauru',
        'NU' => 'Niue', 'NZ' => 'Nouvelle-Zélande', 'OM' => 'Oman', 'PA' => 'Panama', 'PE' => 'Pérou', 'PF' => 'Polynésie française',
        'PG' => 'Papouasie-Nouvelle-Guinée', 'PH' => 'Philippines', 'PK' => 'Pakistan', 'PL' => 'Pologne',
        'PM' => 'Saint-Pierre-et-Miquelon', 'PN' => 'Îles Pitcairn', 'PR' => 'Porto Rico', 'PS' => 'Territoires palestiniens',
        'PT' => 'Portugal', 'PW' => 'Palaos', 'PY' => 'Paraguay', 'QA' => 'Qatar', 'QO' => 'régions éloignées de l’Océanie',
        'RE' => 'La Réunion', 'RH' => 'Zimbabwe', 'RO' => 'Roumanie', 'RS' => 'Serbie', 'RU' => 'Russie', 'RW' => 'Rwanda',
        'SA' => 'Arabie saoudite', 'SB' => 'Îles Salomon', 'SC' => 'Seychelles', 'SD' => 'Soudan', 'SE' => 'Suède', 'SG' => 'Singapour',
        'SH' => 'Sainte-Hélène', 'SI' => 'Slovénie', 'SJ' => 'Svalbard et Jan Mayen', 'SK' => 'Slovaquie', 'SL' => 'Sierra Leone',
        'SM' => 'Saint-Marin', 'SN' => 'Sénégal', 'SO' => 'Somalie', 'SR' => 'Suriname', 'SS' => 'Soudan du Sud',
        'ST' => 'Sao Tomé-et-Principe', 'SU' => 'Russie', 'SV' => 'Salvador', 'SX' => 'Saint-Martin (partie néerlandaise)', 'SY' => 'Syrie',
        'SZ' => 'Eswatini', 'TA' => 'Tristan da Cunha', 'TC' => 'Îles Turques-et-Caïques', 'TD' => 'Tchad',
        'TF' => 'Terres australes françaises', 'TG' => 'Togo', 'TH' => 'Thaïlande', 'TJ' => 'Tadjikistan', 'TK' => 'Tokelau',
        'TL' => 'Timor oriental', 'TM' => 'Turkménistan', 'TN' => 'Tunisie', 'TO' => 'Tonga', 'TP' => 'Timor oriental', 'TR' => 'Turquie',
        'TT' => 'Trinité-et-Tobago', 'TV' => 'Tuvalu', 'TW' => 'Taïwan', 'TZ' => 'Tanzanie', 'UA' => 'Ukraine', 'UG' => 'Ouganda',
        'UK' => 'Royaume-Uni', 'UM' => 'Îles mineures éloignées des États-Unis', 'UN' => 'Nations Unies', 'US' => 'États-Unis',
        'UY' => 'Uruguay', 'UZ' => 'Ouzbékistan', 'VA' => 'État de la Cité du Vatican', 'VC' => 'Saint-Vincent-et-les Grenadines',
        'VD' => 'Viêt Nam', 'VE' => 'Venezuela', 'VG' => 'Îles Vierges britanniques', 'VI' => 'Îles Vierges des États-Unis',
        'VN' => 'Viêt Nam', 'VU' => 'Vanuatu', 'WF' => 'Wallis-et-Futuna', 'WS' => 'Samoa', 'XA' => 'pseudo-accents', 'XB' => 'pseudo-bidi',
        'XK' => 'Kosovo', 'YD' => 'Yémen', 'YE' => 'Yémen', 'YT' => 'Mayotte', 'YU' => 'Serbie', 'ZA' => 'Afrique du Sud', 'ZM' => 'Zambie',
        'ZR' => 'Congo-Kinshasa', 'ZW' => 'Zimbabwe', 'ZZ' => 'région inconnue',
    ];
}
