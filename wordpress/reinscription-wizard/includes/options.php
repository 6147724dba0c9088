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
    'api_url'         => 'reinscription_wizard_api_url',
    'contact_email'   => 'reinscription_wizard_contact_email',
    'deadline'        => 'reinscription_wizard_deadline',
    // The built-in backend (includes/backend/Options.php reads them with their defaults).
    'backend'         => 'reinscription_wizard_backend',
    'trusted_proxies' => 'reinscription_wizard_trusted_proxies',
    'upload_dir'      => 'reinscription_wizard_upload_dir',
    'campaign'        => 'reinscription_wizard_campaign',
    'delete_data'     => 'reinscription_wizard_delete_data',
];

/** The REST namespace of the built-in backend. */
const REINSCRIPTION_WIZARD_REST_NAMESPACE = 'reinscription/v1';

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

/** 'site' when this WordPress serves the API itself, else 'external' (the default: the API address setting). */
function reinscription_wizard_backend()
{
    return 'site' === get_option(REINSCRIPTION_WIZARD_OPTIONS['backend'], 'external') ? 'site' : 'external';
}

/**
 * The built-in backend's base address: rest_url('reinscription/v1') without its trailing slash. With plain
 * permalinks that is …/?rest_route=/reinscription/v1, which works too: the widget appends the route's path
 * (/campaign, /students/…/draft) to it, and WordPress reads the whole route from that query parameter.
 */
function reinscription_wizard_site_api_url()
{
    return untrailingslashit(rest_url(REINSCRIPTION_WIZARD_REST_NAMESPACE));
}

/** The API address of a form that does not give its own: this site's REST base, or the API address setting. */
function reinscription_wizard_default_api_url()
{
    return 'site' === reinscription_wizard_backend() ? reinscription_wizard_site_api_url() : reinscription_wizard_option('api_url');
}

/**
 * Settings API sanitiser of the backend choice.
 *
 * @param mixed $value Raw input.
 */
function reinscription_wizard_sanitize_backend($value)
{
    return 'site' === $value ? 'site' : 'external';
}

/**
 * Whether a value is an IPv4 or IPv6 address, or a CIDR range of one (203.0.113.0/24, 2001:db8::/32).
 *
 * @param string $value One entry.
 */
function reinscription_wizard_is_ip_or_cidr($value)
{
    $parts = explode('/', $value, 2);
    $ip    = filter_var($parts[0], FILTER_VALIDATE_IP);
    if (false === $ip) {
        return false;
    }
    if (! isset($parts[1])) {
        return true;
    }
    $max = false !== filter_var($parts[0], FILTER_VALIDATE_IP, FILTER_FLAG_IPV6) ? 128 : 32;
    return 1 === preg_match('/^\d{1,3}$/', $parts[1]) && (int) $parts[1] <= $max;
}

/**
 * Settings API sanitiser of the trusted proxies: IPs or CIDR ranges separated by commas, spaces or new lines,
 * stored one per line. An invalid entry keeps the previous value and says which one.
 *
 * @param mixed $value Raw input.
 */
function reinscription_wizard_sanitize_trusted_proxies($value)
{
    $entries = preg_split('/[\s,;]+/', is_string($value) ? $value : '', -1, PREG_SPLIT_NO_EMPTY);
    $wrong   = array_values(
        array_filter(
            $entries,
            function ($entry) {
                return ! reinscription_wizard_is_ip_or_cidr($entry);
            }
        )
    );
    if ($wrong) {
        add_settings_error(
            REINSCRIPTION_WIZARD_OPTIONS['trusted_proxies'],
            'invalid-proxy',
            sprintf(
                /* translators: %s: the entries that are neither an IP address nor a CIDR range, comma-separated. */
                __('Trusted proxies: « %s » is not an IP address or a CIDR range (for example 203.0.113.7 or 10.0.0.0/8).', 'reinscription-wizard')
                    . ' ' . __('The previous list is kept.', 'reinscription-wizard'),
                implode(', ', $wrong)
            )
        );
        $previous = get_option(REINSCRIPTION_WIZARD_OPTIONS['trusted_proxies'], '');
        return is_string($previous) ? $previous : '';
    }
    return implode("\n", array_unique($entries));
}

/**
 * Why a folder cannot hold the families' pieces, or '' when it can: it must be an absolute path outside the
 * WordPress folder (ABSPATH, which the web server publishes), and a folder the web server can write to (it is
 * created when missing, if its parent is writable).
 *
 * @param string $path The folder.
 */
function reinscription_wizard_upload_dir_problem($path)
{
    $normal = wp_normalize_path($path);
    if (! path_is_absolute($path) || false !== strpos($normal, '/../') || '/..' === substr($normal, -3)) {
        return __('The private upload folder must be an absolute path, for example /var/lib/reinscriptions.', 'reinscription-wizard');
    }
    $inside = static function ($folder) use ($normal) {
        $folder = trailingslashit(wp_normalize_path($folder));
        return 0 === strpos(trailingslashit($normal), $folder);
    };
    if ($inside(ABSPATH) || (defined('WP_CONTENT_DIR') && $inside(WP_CONTENT_DIR))) {
        return sprintf(
            /* translators: %s: the WordPress folder (ABSPATH), which the web server publishes. */
            __('The private upload folder must be outside the WordPress folder (%s), which the web server publishes.', 'reinscription-wizard'),
            ABSPATH
        );
    }
    if (is_dir($path)) {
        return wp_is_writable($path)
            ? ''
            : __('The web server cannot write to this folder: give it to the web server\'s user (often www-data).', 'reinscription-wizard');
    }
    $parent = dirname($path);
    while (! is_dir($parent) && dirname($parent) !== $parent) {
        $parent = dirname($parent);
    }
    return wp_is_writable($parent)
        ? ''
        : __('This folder does not exist and the web server cannot create it.', 'reinscription-wizard')
            . ' ' . __('Create it and give it to the web server\'s user (often www-data).', 'reinscription-wizard');
}

/**
 * Settings API sanitiser of the private upload folder: '' (the default folder with deny rules under
 * wp-content/uploads), or an absolute path outside WordPress that the web server can write to.
 *
 * @param mixed $value Raw input.
 */
function reinscription_wizard_sanitize_upload_dir($value)
{
    $path = is_string($value) ? untrailingslashit(trim(wp_unslash($value))) : '';
    if ('' === $path) {
        return '';
    }
    $problem = reinscription_wizard_upload_dir_problem($path);
    if ('' !== $problem) {
        add_settings_error(
            REINSCRIPTION_WIZARD_OPTIONS['upload_dir'],
            'invalid-upload-dir',
            $problem . ' ' . __('The previous folder is kept.', 'reinscription-wizard')
        );
        $previous = get_option(REINSCRIPTION_WIZARD_OPTIONS['upload_dir'], '');
        return is_string($previous) ? $previous : '';
    }
    return $path;
}

/**
 * Settings API sanitiser of « Delete data on uninstall » (a checkbox: '1' or '').
 *
 * @param mixed $value Raw input.
 */
function reinscription_wizard_sanitize_checkbox($value)
{
    return '1' === (string) $value ? '1' : '';
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
            __(
                'The API address must start with https:// (or http:// for a trial), for example https://reinscriptions.limonest.fr/api/v1.',
                'reinscription-wizard'
            )
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
