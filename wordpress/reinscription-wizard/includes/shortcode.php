<?php

/**
 * The [reinscription_wizard] shortcode and the loading of the built module.
 *
 * @package ReinscriptionWizard
 */

if (! defined('ABSPATH')) {
    exit;
}

/**
 * Registers [reinscription_wizard api_url="…" contact_email="…" deadline="…" lang="…"]. Every attribute is optional:
 * api_url defaults to this site's REST base when Settings → Re-registration says the server is « This WordPress
 * site », else to the API address setting; contact_email and deadline default to the settings; without lang the
 * form follows the page's language.
 */
function reinscription_wizard_register_shortcode()
{
    add_shortcode('reinscription_wizard', 'reinscription_wizard_shortcode');
}

/** URL of the plugin's dist/ folder, with its trailing slash: the widget's `assets-url`. */
function reinscription_wizard_assets_url()
{
    return plugins_url('dist/', REINSCRIPTION_WIZARD_FILE);
}

/**
 * What the build wrote in dist/reinscription-wizard.asset.php: 'file', the content-hashed main module, and
 * 'preload', the files of the login path (the main module and what it imports statically), which a page
 * showing the form should fetch first. Names are relative to dist/; anything else is dropped. Without the note
 * (a dist/ copied by hand), the stable facade; without 'preload' (an older build), the main module alone.
 *
 * @return array{file: string, preload: string[]}
 */
function reinscription_wizard_asset()
{
    $path = plugin_dir_path(REINSCRIPTION_WIZARD_FILE) . 'dist/reinscription-wizard.asset.php';
    $info = is_readable($path) ? include $path : [];
    if (! is_array($info)) {
        $info = [];
    }
    $file = isset($info['file']) && reinscription_wizard_is_dist_file($info['file']) ? $info['file'] : '';
    if ('' === $file) {
        $file = 'reinscription-wizard.js';
    }
    $preload = isset($info['preload']) && is_array($info['preload']) ? $info['preload'] : [ $file ];
    return [
        'file'    => $file,
        'preload' => array_values(array_unique(array_filter($preload, 'reinscription_wizard_is_dist_file'))),
    ];
}

/**
 * Whether a value is a script's name in dist/ (no folder, no query): what the plugin accepts from the asset note.
 *
 * @param mixed $name The value.
 */
function reinscription_wizard_is_dist_file($name)
{
    return is_string($name) && 1 === preg_match('/^\w[\w.-]*\.m?js$/', $name);
}

/** The main module's file name in dist/ (see reinscription_wizard_asset()). */
function reinscription_wizard_module_file()
{
    $asset = reinscription_wizard_asset();
    return $asset['file'];
}

/**
 * Enqueues the module, once, on the page being rendered (only pages where the shortcode or the block renders).
 *
 * The file is the content-hashed main module, without `?ver=`: its name changes with its content, so
 * caches refresh by themselves, and the steps chunk imports it by that very URL (a query would make
 * the browser load and run it twice, with two copies of Lit and of the session).
 *
 * WordPress 6.5+: a script module (optimisation plugins leave those alone). Older: a classic script in the
 * footer turned into `type="module"` with the usual do-not-optimise attributes by reinscription_wizard_module_tag().
 * Both print after the content is rendered (footer, or head of a block theme, whose template renders first),
 * so enqueuing from the shortcode is in time.
 */
function reinscription_wizard_enqueue()
{
    $src = reinscription_wizard_assets_url() . reinscription_wizard_module_file();
    if (function_exists('wp_enqueue_script_module')) {
        wp_enqueue_script_module(REINSCRIPTION_WIZARD_HANDLE, $src, [], null);
        return;
    }
    if (! wp_script_is(REINSCRIPTION_WIZARD_HANDLE, 'registered')) {
        wp_register_script(REINSCRIPTION_WIZARD_HANDLE, $src, [], null, true);
        add_filter('script_loader_tag', 'reinscription_wizard_module_tag', 10, 2);
    }
    wp_enqueue_script(REINSCRIPTION_WIZARD_HANDLE);
}

/**
 * WordPress < 6.5: `<script type="module" data-no-optimize="1" nowprocket data-cfasync="false" src=…>`.
 * data-no-optimize: Autoptimize and LiteSpeed Cache; nowprocket: WP Rocket; data-cfasync: Cloudflare Rocket Loader.
 *
 * @param string $tag    The script tag WordPress built.
 * @param string $handle Its handle.
 */
function reinscription_wizard_module_tag($tag, $handle)
{
    if (REINSCRIPTION_WIZARD_HANDLE !== $handle) {
        return $tag;
    }
    $tag = preg_replace('/\stype=(["\'])[^"\']*\1/', '', $tag);
    return preg_replace('/<script(?=[\s>])/', '<script type="module" data-no-optimize="1" nowprocket data-cfasync="false"', $tag, 1);
}

/**
 * The shortcode: the custom element with its attributes, and inside it the fallback shown when the script cannot
 * run (the element replaces it with its shadow root once upgraded).
 *
 * @param array|string $atts Shortcode attributes.
 */
function reinscription_wizard_shortcode($atts)
{
    $atts = shortcode_atts(
        [
            'api_url'       => '',
            'contact_email' => '',
            'lang'          => '',
            'deadline'      => '',
        ],
        $atts,
        'reinscription_wizard'
    );

    $api_url = reinscription_wizard_clean_url($atts['api_url']);
    if ('' === $api_url) {
        // This site's REST base when it is the server, else the API address setting.
        $api_url = reinscription_wizard_default_api_url();
    }
    $email = sanitize_email($atts['contact_email']);
    if ('' === $email) {
        $email = reinscription_wizard_option('contact_email');
    }
    $deadline = '' !== trim($atts['deadline']) ? sanitize_text_field($atts['deadline']) : reinscription_wizard_option('deadline');
    // A language tag such as fr or fr-FR; anything else (or nothing) leaves the element without lang.
    $lang = preg_match('/^[a-z]{2}(-[A-Za-z]{2})?$/', $atts['lang']) ? $atts['lang'] : '';

    $fallback = '<div class="reinscription-wizard-fallback">';
    if ('' !== $deadline) {
        $fallback .= '<p>' . sprintf(
            /* translators: %s: the deadline as the settings give it, e.g. « 11 juin 2027 à 23 h 59 ». */
            esc_html__('Conservatory re-registration: until %s.', 'reinscription-wizard'),
            '<strong>' . esc_html($deadline) . '</strong>'
        ) . '</p>';
    }
    if ('' !== $email) {
        $fallback .= '<p>' . sprintf(
            /* translators: %s: the conservatory's e-mail address as a mailto link. */
            esc_html__('Turn on JavaScript to re-register online, or write to %s.', 'reinscription-wizard'),
            '<a href="' . esc_url('mailto:' . $email) . '">' . esc_html($email) . '</a>'
        ) . '</p>';
    } else {
        $fallback .= '<p>' . esc_html__('Turn on JavaScript to re-register online, or contact the conservatory.', 'reinscription-wizard') . '</p>';
    }
    $fallback .= '</div>';

    if ('' === $api_url) {
        // Nothing to talk to: the fallback only, and a hint for those who can fix it.
        $hint = '';
        if (current_user_can('manage_options')) {
            $hint = '<p class="reinscription-wizard-admin-hint"><em>'
                . esc_html__('Administrators only: choose the server in Settings → Re-registration,', 'reinscription-wizard')
                . ' ' . esc_html__('or give the API address to the shortcode: [reinscription_wizard api_url="https://…"].', 'reinscription-wizard')
                . '</em></p>';
        }
        return $fallback . $hint;
    }

    reinscription_wizard_enqueue();

    $attributes = [
        'api-url'    => esc_url($api_url),
        'assets-url' => esc_url(reinscription_wizard_assets_url()),
    ];
    if ('' !== $lang) {
        $attributes['lang'] = esc_attr($lang);
    }
    if ('' !== $email) {
        $attributes['contact-email'] = esc_attr($email);
    }
    $html = '<reinscription-wizard';
    foreach ($attributes as $name => $value) {
        $html .= ' ' . $name . '="' . $value . '"';
    }
    // One line, no blank line: wpautop must not wrap pieces of it in <p>.
    return $html . '>' . $fallback . '</reinscription-wizard>';
}
