<?php
/**
 * Plugin Name:       Réinscriptions au conservatoire
 * Plugin URI:        https://www.limonest.fr/
 * Description:       Le formulaire de réinscription au conservatoire municipal (composant web &lt;reinscription-wizard&gt;) : shortcode [reinscription_wizard], bloc « Réinscriptions » et réglages (Réglages → Réinscriptions).
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * Author:            Ville de Limonest
 * License:           MIT
 * License URI:       https://opensource.org/licenses/MIT
 * Text Domain:       reinscription-wizard
 *
 * @package ReinscriptionWizard
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** Same as the header's Version: the `?ver=` of the module, so caches refresh on each release. */
define( 'REINSCRIPTION_WIZARD_VERSION', '0.1.0' );
define( 'REINSCRIPTION_WIZARD_FILE', __FILE__ );
define( 'REINSCRIPTION_WIZARD_HANDLE', 'reinscription-wizard' );

require_once __DIR__ . '/includes/options.php';
require_once __DIR__ . '/includes/shortcode.php';
require_once __DIR__ . '/includes/settings.php';
require_once __DIR__ . '/includes/block.php';

add_action( 'init', 'reinscription_wizard_register_shortcode' );
add_action( 'init', 'reinscription_wizard_register_block' );
add_action( 'admin_init', 'reinscription_wizard_register_settings' );
add_action( 'admin_menu', 'reinscription_wizard_add_settings_page' );
add_action( 'wp_ajax_reinscription_wizard_test', 'reinscription_wizard_ajax_test' );
add_filter( 'plugin_action_links_' . plugin_basename( __FILE__ ), 'reinscription_wizard_action_links' );
