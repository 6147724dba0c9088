<?php

/**
 * Plugin Name:       Conservatory re-registration
 * Plugin URI:        https://www.npmjs.com/package/reinscription-wizard
 * phpcs:disable Generic.Files.LineLength -- WordPress reads each header field from one line.
 * Description:       The municipal conservatory's online re-registration form (the &lt;reinscription-wizard&gt; web component): the [reinscription_wizard] shortcode, the “Conservatory re-registration” block and its settings (Settings → Re-registration).
 * phpcs:enable Generic.Files.LineLength
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * Author:            Ville de Limonest
 * Author URI:        https://www.limonest.fr/
 * License:           MIT
 * License URI:       https://opensource.org/licenses/MIT
 * Text Domain:       reinscription-wizard
 * Domain Path:       /languages
 * Update URI:        false
 *
 * @package ReinscriptionWizard
 */

if (! defined('ABSPATH')) {
    exit;
}

/** Same as the header's Version: the `?ver=` of the module, so caches refresh on each release. */
define('REINSCRIPTION_WIZARD_VERSION', '0.1.0');
define('REINSCRIPTION_WIZARD_FILE', __FILE__);
define('REINSCRIPTION_WIZARD_HANDLE', 'reinscription-wizard');

require_once __DIR__ . '/includes/options.php';
require_once __DIR__ . '/includes/shortcode.php';
require_once __DIR__ . '/includes/preload.php';
require_once __DIR__ . '/includes/settings.php';
require_once __DIR__ . '/includes/block.php';
// The plugin as the families' backend (REST routes on this site's database) and its admin screens.
require_once __DIR__ . '/includes/backend.php';
require_once __DIR__ . '/includes/admin.php';

/**
 * The plugin's translations, languages/reinscription-wizard-{locale}.mo (French is bundled). Since WordPress 4.6
 * a copy in wp-content/languages/plugins/ is looked up first and wins.
 */
function reinscription_wizard_load_textdomain()
{
    load_plugin_textdomain('reinscription-wizard', false, dirname(plugin_basename(REINSCRIPTION_WIZARD_FILE)) . '/languages');
}

/** The folder of the JSON translations of the plugin's scripts (wp_set_script_translations). */
function reinscription_wizard_languages_dir()
{
    return plugin_dir_path(REINSCRIPTION_WIZARD_FILE) . 'languages';
}

register_activation_hook(__FILE__, ['\\ReinscriptionWizard\\Backend\\Db', 'migrate']);
add_action('init', 'reinscription_wizard_load_textdomain', 0);
add_action('init', 'reinscription_wizard_register_shortcode');
add_action('init', 'reinscription_wizard_register_block');
add_action('wp_head', 'reinscription_wizard_print_preload', 1);
add_action('admin_init', 'reinscription_wizard_register_settings');
add_action('admin_menu', 'reinscription_wizard_add_settings_page');
add_action('wp_ajax_reinscription_wizard_test', 'reinscription_wizard_ajax_test');
add_filter('plugin_action_links_' . plugin_basename(__FILE__), 'reinscription_wizard_action_links');
