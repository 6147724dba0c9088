<?php

/**
 * The plugin's options: names, defaults, sanitising.
 *
 * @package ReinscriptionWizard
 */

if (! defined('ABSPATH')) {
    exit;
}

const REINSCRIPTION_WIZARD_OPTIONS = [
    'api_url'       => 'reinscription_wizard_api_url',
    'contact_email' => 'reinscription_wizard_contact_email',
    'deadline'      => 'reinscription_wizard_deadline',
];

/**
 * One option's value ('' when unset).
 *
 * @param string $key api_url, contact_email or deadline.
 */
function reinscription_wizard_option($key)
{
    $value = get_option(REINSCRIPTION_WIZARD_OPTIONS[ $key ], '');
    return is_string($value) ? $value : '';
}

/**
 * An http(s) URL without its trailing slash, or '' when the value is not one.
 *
 * @param mixed $value Raw input.
 */
function reinscription_wizard_clean_url($value)
{
    $value = is_string($value) ? trim($value) : '';
    if ('' === $value) {
        return '';
    }
    $url = esc_url_raw($value, [ 'http', 'https' ]);
    $host = wp_parse_url($url, PHP_URL_HOST);
    if ('' === $url || ! is_string($host) || '' === $host || ! preg_match('#^https?://#i', $url)) {
        return '';
    }
    return untrailingslashit($url);
}

/**
 * Settings API sanitiser of the API URL: keeps the previous value and says why when the input is not an http(s) URL.
 *
 * @param mixed $value Raw input.
 */
function reinscription_wizard_sanitize_api_url($value)
{
    $url = reinscription_wizard_clean_url($value);
    if ('' === $url && is_string($value) && '' !== trim($value)) {
        add_settings_error(
            REINSCRIPTION_WIZARD_OPTIONS['api_url'],
            'invalid-url',
            __('The API address must start with https:// (or http:// for a trial), for example https://reinscriptions.limonest.fr/api/v1.', 'reinscription-wizard')
        );
        return reinscription_wizard_option('api_url');
    }
    return $url;
}

/**
 * Settings API sanitiser of the contact e-mail.
 *
 * @param mixed $value Raw input.
 */
function reinscription_wizard_sanitize_email($value)
{
    $raw   = is_string($value) ? trim($value) : '';
    $email = sanitize_email($raw);
    if ('' !== $raw && ( '' === $email || ! is_email($email) )) {
        add_settings_error(
            REINSCRIPTION_WIZARD_OPTIONS['contact_email'],
            'invalid-email',
            __('The contact e-mail address must look like conservatoire@mairie-limonest.fr.', 'reinscription-wizard')
        );
        return reinscription_wizard_option('contact_email');
    }
    return $email;
}

/**
 * Settings API sanitiser of the deadline text (free text, e.g. « 11 juin 2027 à 23 h 59 »).
 *
 * @param mixed $value Raw input.
 */
function reinscription_wizard_sanitize_deadline($value)
{
    return is_string($value) ? sanitize_text_field($value) : '';
}
