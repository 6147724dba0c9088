<?php

/**
 * The « Conservatory re-registration » block: block.json, a server-side render reusing the shortcode, and a
 * small editor script written without a build step, translated with wp.i18n.
 *
 * @package ReinscriptionWizard
 */

if (! defined('ABSPATH')) {
    exit;
}

/**
 * Registers the block from block/block.json (WordPress translates its title, description and keywords with the
 * plugin's text domain), and points its editor script at the plugin's JSON translations: WordPress would
 * otherwise only look in wp-content/languages/plugins/.
 */
function reinscription_wizard_register_block()
{
    if (! function_exists('register_block_type')) {
        return;
    }
    $block = register_block_type(dirname(REINSCRIPTION_WIZARD_FILE) . '/block');
    if (! $block) {
        return;
    }
    $handles = ! empty($block->editor_script_handles) ? $block->editor_script_handles : [ $block->editor_script ];
    foreach (array_filter($handles, 'is_string') as $handle) {
        wp_set_script_translations($handle, 'reinscription-wizard', reinscription_wizard_languages_dir());
    }
}
