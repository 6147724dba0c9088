<?php

/**
 * Server-side render of the block: the shortcode's output inside the block wrapper.
 *
 * @package ReinscriptionWizard
 *
 * @var array $attributes Block attributes (apiUrl, contactEmail, deadline, lang).
 */

if (! defined('ABSPATH')) {
    exit;
}

$reinscription_wizard_html = reinscription_wizard_shortcode(
    [
        'api_url'       => isset($attributes['apiUrl']) ? (string) $attributes['apiUrl'] : '',
        'contact_email' => isset($attributes['contactEmail']) ? (string) $attributes['contactEmail'] : '',
        'deadline'      => isset($attributes['deadline']) ? (string) $attributes['deadline'] : '',
        'lang'          => isset($attributes['lang']) ? (string) $attributes['lang'] : '',
    ]
);
// The shortcode escaped every attribute and text it wrote.
echo '<div ' . get_block_wrapper_attributes() . '>' . $reinscription_wizard_html . '</div>';
