<?php

/**
 * Settings → Re-registration campaign: the campaign the built-in backend serves (GET /campaign). School year, dates
 * (Europe/Paris), contact, town, règlement, reference prefix, and the lists and texts as JSON pre-filled with the
 * seed manual's values (data/campaign-defaults.json). Stored in the option reinscription_wizard_campaign, which
 * includes/backend/Options.php and Campaign.php read; the JSON is kept as the keys that differ from the defaults.
 *
 * @package ReinscriptionWizard
 */

use ReinscriptionWizard\Backend\Campaign;
use ReinscriptionWizard\Backend\Validator;

if (!defined('ABSPATH')) {
    exit;
}

const REINSCRIPTION_WIZARD_CAMPAIGN_PAGE = 'reinscription-wizard-campaign';

/** The keys of the campaign defaults that have their own field instead of being in the JSON. */
const REINSCRIPTION_WIZARD_CAMPAIGN_OWN_FIELDS = ['timeZone', 'contactEmail', 'town', 'rules'];

/** The three dates: option key => time when only the date is given. */
const REINSCRIPTION_WIZARD_CAMPAIGN_DATES = [
    'opens_at'        => '00:00',
    'closes_at'       => '23:59',
    'documents_until' => '23:59',
];

/** The option, with its sanitiser; the Settings API adds the nonce and checks manage_options. */
function reinscription_wizard_register_campaign_setting()
{
    register_setting(
        'reinscription_wizard_campaign',
        REINSCRIPTION_WIZARD_OPTIONS['campaign'],
        [
            'type'              => 'array',
            'default'           => [],
            'sanitize_callback' => 'reinscription_wizard_sanitize_campaign',
        ]
    );
}

/** Settings → Re-registration campaign. */
function reinscription_wizard_add_campaign_page()
{
    add_options_page(
        __('Re-registration campaign', 'reinscription-wizard'),
        __('Re-registration campaign', 'reinscription-wizard'),
        'manage_options',
        REINSCRIPTION_WIZARD_CAMPAIGN_PAGE,
        'reinscription_wizard_render_campaign_page'
    );
}

/**
 * The stored option, its known keys only.
 *
 * @return array<string, string>
 */
function reinscription_wizard_campaign_option()
{
    $raw = get_option(REINSCRIPTION_WIZARD_OPTIONS['campaign'], []);
    $raw = is_array($raw) ? $raw : [];
    $out = [];
    foreach (\ReinscriptionWizard\Backend\Options::CAMPAIGN_KEYS as $key) {
        $out[ $key ] = isset($raw[ $key ]) && is_scalar($raw[ $key ]) ? (string) $raw[ $key ] : '';
    }
    return $out;
}

/**
 * The part of the defaults the JSON editor shows (everything but the keys with their own field), years as {{Y}}.
 *
 * @return array<string, mixed>
 */
function reinscription_wizard_campaign_editable_defaults()
{
    $defaults = Campaign::defaults();
    foreach (REINSCRIPTION_WIZARD_CAMPAIGN_OWN_FIELDS as $key) {
        unset($defaults[ $key ]);
    }
    return $defaults;
}

/**
 * JSON as the editor shows it: indented, accents and slashes as typed.
 *
 * @param mixed $value The value.
 */
function reinscription_wizard_campaign_pretty($value)
{
    return (string) wp_json_encode($value, JSON_PRETTY_PRINT | JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES);
}

/**
 * The editor's text: the defaults with the stored overrides over them.
 *
 * @param string $overrides The stored overrides (JSON), or ''.
 */
function reinscription_wizard_campaign_editor_text($overrides)
{
    $over = '' !== $overrides ? json_decode($overrides, true) : [];
    $over = is_array($over) ? $over : [];
    return reinscription_wizard_campaign_pretty(Campaign::merge(reinscription_wizard_campaign_editable_defaults(), $over));
}

/**
 * 'YYYY-MM-DDTHH:MM' from a date and a time field ('' when both are empty), or null when they are not one.
 *
 * @param mixed  $date        The date field (YYYY-MM-DD).
 * @param mixed  $time        The time field (HH:MM).
 * @param string $defaultTime The time when only the date is given.
 */
function reinscription_wizard_campaign_local($date, $time, $defaultTime)
{
    $date = is_string($date) ? trim($date) : '';
    $time = is_string($time) ? trim($time) : '';
    if ('' === $date && '' === $time) {
        return '';
    }
    $time = '' === $time ? $defaultTime : substr($time, 0, 5);
    if (!preg_match('/^(\d{4})-(\d{2})-(\d{2})$/', $date, $d) || !checkdate((int) $d[2], (int) $d[3], (int) $d[1])) {
        return null;
    }
    if (!preg_match('/^([01]\d|2[0-3]):[0-5]\d$/', $time)) {
        return null;
    }
    return $date . 'T' . $time;
}

/**
 * The instant (ms) of a stored 'YYYY-MM-DDTHH:MM' in Paris time.
 *
 * @param string $local The value.
 */
function reinscription_wizard_campaign_ms($local)
{
    $d = new DateTimeImmutable(str_replace('T', ' ', $local) . ':00', new DateTimeZone('Europe/Paris'));
    return $d->getTimestamp() * 1000;
}

/**
 * Settings API sanitiser: checks every field and the JSON (syntax, then the Campaign it gives against the contract's
 * schema); on any error, says why and keeps the previous campaign whole.
 *
 * @param mixed $value The form's fields.
 * @return array<string, string>
 */
function reinscription_wizard_sanitize_campaign($value)
{
    $previous = reinscription_wizard_campaign_option();
    if (!is_array($value)) {
        return $previous;
    }
    if (!array_key_exists('texts', $value)) {
        // Not this screen's form (WordPress sanitises again what it already sanitised when it adds the option).
        $clean = [];
        foreach (\ReinscriptionWizard\Backend\Options::CAMPAIGN_KEYS as $key) {
            $clean[ $key ] = isset($value[ $key ]) && is_scalar($value[ $key ]) ? (string) $value[ $key ] : '';
        }
        return $clean;
    }
    $value = wp_unslash($value);
    $errors = [];
    $out = [];
    $text = static function ($key) use ($value) {
        return isset($value[ $key ]) && is_string($value[ $key ]) ? sanitize_text_field($value[ $key ]) : '';
    };

    $out['school_year'] = $text('school_year');
    if ('' !== $out['school_year'] && (!preg_match('/^(\d{4})-(\d{4})$/', $out['school_year'], $m) || (int) $m[2] !== (int) $m[1] + 1)) {
        $errors[] = __('The school year must be written like 2027-2028.', 'reinscription-wizard');
    }
    $labels = reinscription_wizard_campaign_date_labels();
    foreach (REINSCRIPTION_WIZARD_CAMPAIGN_DATES as $key => $defaultTime) {
        $local = reinscription_wizard_campaign_local($value[ $key . '_date' ] ?? '', $value[ $key . '_time' ] ?? '', $defaultTime);
        if (null === $local) {
            /* translators: %s: the name of a date field, e.g. « Closing ». */
            $errors[] = sprintf(__('%s: not a date and a time.', 'reinscription-wizard'), $labels[ $key ]);
            $local = '';
        }
        $out[ $key ] = $local;
    }
    $ms = static function ($key) use (&$out) {
        return '' !== $out[ $key ] ? reinscription_wizard_campaign_ms($out[ $key ]) : null;
    };
    if (null !== $ms('opens_at') && null !== $ms('closes_at') && $ms('opens_at') >= $ms('closes_at')) {
        $errors[] = __('The opening must come before the closing.', 'reinscription-wizard');
    }
    if (null !== $ms('closes_at') && null !== $ms('documents_until') && $ms('documents_until') < $ms('closes_at')) {
        $errors[] = __('Pieces must be accepted at least until the closing.', 'reinscription-wizard');
    }
    $out['contact_email'] = sanitize_email($text('contact_email'));
    if ('' !== $text('contact_email') && ('' === $out['contact_email'] || !is_email($out['contact_email']))) {
        $errors[] = __('The contact e-mail address must look like conservatoire@mairie-limonest.fr.', 'reinscription-wizard');
    }
    $out['town'] = $text('town');
    if (preg_match_all('/./us', $out['town']) > 100) {
        $errors[] = __('The town\'s name is too long (100 characters at most).', 'reinscription-wizard');
    }
    $out['town_postal_code'] = (string) preg_replace('/\s+/u', '', $text('town_postal_code'));
    if ('' !== $out['town_postal_code'] && !preg_match(Campaign::POSTAL_CODE, $out['town_postal_code'])) {
        $errors[] = __('The town\'s postcode may only hold letters, digits and hyphens (2 to 10), like 69760.', 'reinscription-wizard');
    }
    $rulesUrl = isset($value['rules_url']) && is_string($value['rules_url']) ? trim($value['rules_url']) : '';
    $out['rules_url'] = '' !== $rulesUrl ? esc_url_raw($rulesUrl, ['https']) : '';
    if ('' !== $rulesUrl && ('' === $out['rules_url'] || 0 !== strpos($out['rules_url'], 'https://'))) {
        $errors[] = __('The règlement\'s address must start with https://.', 'reinscription-wizard');
    }
    $out['rules_version'] = $text('rules_version');
    if (strlen($out['rules_version']) > 40) {
        $errors[] = __('The règlement\'s version is too long (40 characters at most).', 'reinscription-wizard');
    }
    $out['reference_prefix'] = $text('reference_prefix');
    if ('' !== $out['reference_prefix'] && !preg_match('/^[A-Za-z0-9]{1,10}$/', $out['reference_prefix'])) {
        $errors[] = __('The reference prefix may only hold letters and digits (10 at most), like LIM.', 'reinscription-wizard');
    }

    $out['overrides'] = '';
    $json = isset($value['texts']) && is_string($value['texts']) ? trim($value['texts']) : '';
    if ('' !== $json) {
        $texts = json_decode($json, true);
        if (JSON_ERROR_NONE !== json_last_error()) {
            $errors[] = sprintf(
                /* translators: %s: PHP's description of the JSON syntax error, e.g. « Syntax error ». */
                __('Lists and texts: the JSON is not valid (%s). Check the commas, quotes and brackets.', 'reinscription-wizard'),
                json_last_error_msg()
            );
        } elseif (!is_array($texts) || ($texts && Validator::isList($texts))) {
            $errors[] = __('Lists and texts: the JSON must be an object { … }.', 'reinscription-wizard');
        } else {
            $defaults = reinscription_wizard_campaign_editable_defaults();
            $unknown = array_diff(array_keys($texts), array_keys($defaults));
            if ($unknown) {
                $errors[] = sprintf(
                    /* translators: %s: the unknown keys, comma-separated. */
                    __('Lists and texts: unknown keys %s.', 'reinscription-wizard'),
                    implode(', ', $unknown)
                );
            } else {
                $overrides = [];
                foreach ($texts as $key => $item) {
                    if ($item !== $defaults[ $key ]) {
                        $overrides[ $key ] = $item;
                    }
                }
                $out['overrides'] = $overrides ? (string) wp_json_encode($overrides, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES) : '';
            }
        }
    }

    if (!$errors) {
        foreach (reinscription_wizard_campaign_contract_errors($out) as $path => $ids) {
            $errors[] = sprintf(
                /* translators: 1: a path in the campaign (paymentModes.0.label), 2: what is wrong (validation.required…). */
                __('The campaign would not match the contract at %1$s (%2$s).', 'reinscription-wizard'),
                '' === $path ? '/' : $path,
                implode(', ', $ids)
            );
            if (count($errors) >= 10) {
                break;
            }
        }
    }
    if ($errors) {
        foreach ($errors as $i => $message) {
            add_settings_error(REINSCRIPTION_WIZARD_OPTIONS['campaign'], 'campaign-' . $i, $message);
        }
        add_settings_error(
            REINSCRIPTION_WIZARD_OPTIONS['campaign'],
            'campaign-kept',
            __('Nothing was saved: the previous campaign settings are kept.', 'reinscription-wizard')
        );
        return $previous;
    }
    return $out;
}

/**
 * The contract's verdict on the Campaign these settings would serve: errors by path (data/openapi.json's Campaign).
 *
 * @param array<string, string> $candidate The option to check.
 * @return array<string, string[]>
 */
function reinscription_wizard_campaign_contract_errors(array $candidate)
{
    $name = REINSCRIPTION_WIZARD_OPTIONS['campaign'];
    $serve = static function () use ($candidate) {
        return $candidate;
    };
    add_filter('pre_option_' . $name, $serve);
    try {
        $body = Campaign::json();
        $result = Validator::instance()->validate('Campaign', Validator::asJson($body));
        return $result['errors'];
    } catch (\Throwable $e) {
        return ['' => [$e->getMessage()]];
    } finally {
        remove_filter('pre_option_' . $name, $serve);
    }
}

/**
 * The names of the date fields.
 *
 * @return array<string, string>
 */
function reinscription_wizard_campaign_date_labels()
{
    return [
        'opens_at'        => __('Opening', 'reinscription-wizard'),
        'closes_at'       => __('Closing', 'reinscription-wizard'),
        'documents_until' => __('Pieces accepted until', 'reinscription-wizard'),
    ];
}

/**
 * One row of the form.
 *
 * @param string $id    The input's id.
 * @param string $label Its label.
 * @param string $input Its HTML (escaped by the caller).
 * @param string $hint  A description, or ''.
 */
function reinscription_wizard_campaign_row($id, $label, $input, $hint = '')
{
    echo '<tr><th scope="row"><label for="' . esc_attr($id) . '">' . esc_html($label) . '</label></th><td>';
    echo $input; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- built with esc_attr() by the caller.
    if ('' !== $hint) {
        echo '<p class="description">' . esc_html($hint) . '</p>';
    }
    echo '</td></tr>';
}

/**
 * A text input of the option.
 *
 * @param string $key         The option key.
 * @param string $value       Its value.
 * @param string $placeholder The default, shown when empty.
 * @param string $type        The input type.
 */
function reinscription_wizard_campaign_input($key, $value, $placeholder, $type = 'text')
{
    return sprintf(
        '<input type="%1$s" class="regular-text" id="reinscription-wizard-campaign-%2$s" name="%3$s[%2$s]" value="%4$s" placeholder="%5$s">',
        esc_attr($type),
        esc_attr($key),
        esc_attr(REINSCRIPTION_WIZARD_OPTIONS['campaign']),
        esc_attr($value),
        esc_attr($placeholder)
    );
}

/** The page. */
function reinscription_wizard_render_campaign_page()
{
    if (!current_user_can('manage_options')) {
        return;
    }
    $o = reinscription_wizard_campaign_option();
    $defaults = Campaign::defaults();
    $year = Campaign::startYear();
    $dates = Campaign::dates();
    $name = REINSCRIPTION_WIZARD_OPTIONS['campaign'];
    echo '<div class="wrap"><h1>' . esc_html(get_admin_page_title()) . '</h1>';
    if ('site' !== reinscription_wizard_backend()) {
        printf(
            '<div class="notice notice-warning inline"><p>%1$s <a href="%2$s">%3$s</a></p></div>',
            esc_html__('These settings are used only when this WordPress site is the re-registration server.', 'reinscription-wizard'),
            esc_url(admin_url('options-general.php?page=' . REINSCRIPTION_WIZARD_PAGE)),
            esc_html__('Settings → Re-registration', 'reinscription-wizard')
        );
    }
    echo '<p>' . esc_html__(
        'What families see in the form: empty fields take the values of the re-registration manual.',
        'reinscription-wizard'
    ) . '</p>';
    echo '<form method="post" action="options.php">';
    settings_fields('reinscription_wizard_campaign');
    echo '<table class="form-table" role="presentation">';
    reinscription_wizard_campaign_row(
        'reinscription-wizard-campaign-school_year',
        __('School year', 'reinscription-wizard'),
        reinscription_wizard_campaign_input('school_year', $o['school_year'], Campaign::schoolYear()),
        __('The year families re-register for, like 2027-2028. Empty: the one that starts after the closing date.', 'reinscription-wizard')
    );
    $labels = reinscription_wizard_campaign_date_labels();
    foreach (array_keys(REINSCRIPTION_WIZARD_CAMPAIGN_DATES) as $key) {
        $current = reinscription_wizard_campaign_date_value($o[ $key ], $dates, $key);
        list($date, $time) = array_pad(explode('T', $current, 2), 2, '');
        $input = sprintf(
            '<input type="date" id="reinscription-wizard-campaign-%1$s" name="%2$s[%1$s_date]" value="%3$s"> '
                . '<label class="screen-reader-text" for="reinscription-wizard-campaign-%1$s-time">%5$s</label>'
                . '<input type="time" id="reinscription-wizard-campaign-%1$s-time" name="%2$s[%1$s_time]" value="%4$s"> %6$s',
            esc_attr($key),
            esc_attr($name),
            esc_attr($date),
            esc_attr($time),
            /* translators: %s: the name of a date field, e.g. « Closing ». */
            esc_html(sprintf(__('%s: time', 'reinscription-wizard'), $labels[ $key ])),
            esc_html__('(Europe/Paris time)', 'reinscription-wizard')
        );
        reinscription_wizard_campaign_row('reinscription-wizard-campaign-' . $key, $labels[ $key ], $input);
    }
    echo '<tr><td colspan="2"><p class="description">'
        . esc_html__(
            'Every date and time is Paris time (Europe/Paris), whatever the time zone of this site or of the families.',
            'reinscription-wizard'
        )
        . ' ' . esc_html__(
            'Empty: the manual\'s calendar (closing on 11 June at 23:59, opening 30 days before, pieces until 14 days after).',
            'reinscription-wizard'
        )
        . '</p></td></tr>';
    reinscription_wizard_campaign_row(
        'reinscription-wizard-campaign-contact_email',
        __('Contact e-mail', 'reinscription-wizard'),
        reinscription_wizard_campaign_input('contact_email', $o['contact_email'], (string) $defaults['contactEmail'], 'email'),
        __('Where families write with their questions; shown in the form and the receipt.', 'reinscription-wizard')
    );
    reinscription_wizard_campaign_row(
        'reinscription-wizard-campaign-town',
        __('Town', 'reinscription-wizard'),
        reinscription_wizard_campaign_input('town', $o['town'], (string) $defaults['town']),
        __('Its residents provide the pieces the lists below ask of them (residentOf).', 'reinscription-wizard')
    );
    reinscription_wizard_campaign_row(
        'reinscription-wizard-campaign-town_postal_code',
        __('Town\'s postcode', 'reinscription-wizard'),
        reinscription_wizard_campaign_input('town_postal_code', $o['town_postal_code'], Campaign::townPostalCode()),
        __('A family whose address has this postcode lives in the town, however it writes the town\'s name.', 'reinscription-wizard')
            . ' ' . sprintf(
                /* translators: 1: the manual's postcode (69760), 2: the manual's town (Limonest). */
                __('Empty: %1$s for %2$s, none for another town.', 'reinscription-wizard'),
                Campaign::DEFAULT_TOWN_POSTAL_CODE,
                (string) $defaults['town']
            )
    );
    reinscription_wizard_campaign_row(
        'reinscription-wizard-campaign-rules_url',
        __('Règlement intérieur: address', 'reinscription-wizard'),
        reinscription_wizard_campaign_input(
            'rules_url',
            $o['rules_url'],
            str_replace(['{{Y}}', '{{Y+1}}'], [(string) $year, (string) ($year + 1)], (string) $defaults['rules']['url']),
            'url'
        ),
        __('The PDF families accept before they send their re-registration (https://).', 'reinscription-wizard')
    );
    reinscription_wizard_campaign_row(
        'reinscription-wizard-campaign-rules_version',
        __('Règlement intérieur: version', 'reinscription-wizard'),
        reinscription_wizard_campaign_input('rules_version', $o['rules_version'], $year . '-' . ($year + 1)),
        __('Stored with each re-registration as the version accepted; change it when the règlement changes.', 'reinscription-wizard')
    );
    reinscription_wizard_campaign_row(
        'reinscription-wizard-campaign-reference_prefix',
        __('Reference prefix', 'reinscription-wizard'),
        reinscription_wizard_campaign_input('reference_prefix', $o['reference_prefix'], 'LIM'),
        __('The start of the references given to re-registrations (LIM-2027-0123).', 'reinscription-wizard')
    );
    $editor = sprintf(
        '<textarea id="reinscription-wizard-campaign-texts" name="%1$s[texts]" rows="24" class="large-text code" spellcheck="false">%2$s</textarea>',
        esc_attr($name),
        esc_textarea(reinscription_wizard_campaign_editor_text($o['overrides']))
    );
    reinscription_wizard_campaign_row(
        'reinscription-wizard-campaign-texts',
        __('Lists and texts (JSON)', 'reinscription-wizard'),
        $editor,
        implode(
            ' ',
            [
                __(
                    'Payment modes, payment and course notes, document types and their conditions, authorisations, reference lists',
                    'reinscription-wizard'
                )
                    . ' ' . __('and English translations, as the form receives them.', 'reinscription-wizard'),
                __('{{Y}} is the first year of the school year ({{Y-1}} and {{Y+1}} the years around it).', 'reinscription-wizard'),
                __('A key left out keeps the manual\'s value; the JSON is checked against the contract on saving.', 'reinscription-wizard'),
            ]
        )
    );
    echo '</table>';
    submit_button();
    echo '</form></div>';
}

/**
 * The value a date field shows, in Paris time: the stored one, else the date the backend uses now (the manual's
 * calendar).
 *
 * @param string $stored The stored 'YYYY-MM-DDTHH:MM' or ''.
 * @param array  $dates  Campaign::dates().
 * @param string $key    opens_at, closes_at or documents_until.
 */
function reinscription_wizard_campaign_date_value($stored, array $dates, $key)
{
    // Also an ISO instant (the test control stores those): shown as the Paris time it is.
    $ms = '' !== $stored ? \ReinscriptionWizard\Backend\Clock::parseInstant($stored) : null;
    if (null === $ms) {
        $camel = ['opens_at' => 'opensAt', 'closes_at' => 'closesAt', 'documents_until' => 'documentsUntil'];
        $ms = (int) $dates[ $camel[ $key ] ];
    }
    return \ReinscriptionWizard\Backend\Clock::parisLocal($ms);
}
