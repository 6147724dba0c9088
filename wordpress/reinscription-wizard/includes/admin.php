<?php

/**
 * The plugin's admin screens of the built-in backend: campaign settings (Settings → Re-registration campaign), CSV
 * import of families (Tools → Import families), and a notice when this site is the server but cannot serve it.
 *
 * @package ReinscriptionWizard
 */

if (!defined('ABSPATH')) {
    exit;
}

require_once __DIR__ . '/admin/campaign.php';
require_once __DIR__ . '/admin/import.php';

add_action('admin_init', 'reinscription_wizard_register_campaign_setting');
add_action('admin_menu', 'reinscription_wizard_add_campaign_page');
add_action('admin_menu', 'reinscription_wizard_add_import_page');
add_action('admin_notices', 'reinscription_wizard_backend_notice');

/**
 * On the plugin's own screens, when this site is the server: says what is still missing for families to
 * re-register (the backend's classes not loaded, no family imported yet).
 */
function reinscription_wizard_backend_notice()
{
    if (!current_user_can('manage_options') || 'site' !== reinscription_wizard_backend()) {
        return;
    }
    $screen = function_exists('get_current_screen') ? get_current_screen() : null;
    $ours = $screen && (false !== strpos((string) $screen->id, 'reinscription-wizard'));
    if (!$ours) {
        return;
    }
    if (!class_exists('\ReinscriptionWizard\Backend\Rest')) {
        echo '<div class="notice notice-error"><p>' . esc_html__(
            'This site is set as the re-registration server, but the plugin\'s backend is not loaded: reinstall the plugin.',
            'reinscription-wizard'
        ) . '</p></div>';
        return;
    }
    // Which screen this is: read only, nothing changes, so no nonce.
    $page = isset($_GET['page']) ? sanitize_key(wp_unslash($_GET['page'])) : '';
    if (0 === reinscription_wizard_family_count() && REINSCRIPTION_WIZARD_IMPORT_PAGE !== $page) {
        printf(
            '<div class="notice notice-warning"><p>%1$s <a href="%2$s">%3$s</a></p></div>',
            esc_html__('No family can log in yet: this site has no families.', 'reinscription-wizard'),
            esc_url(admin_url('tools.php?page=' . REINSCRIPTION_WIZARD_IMPORT_PAGE)),
            esc_html__('Import the families', 'reinscription-wizard')
        );
    }
}

/** How many families the built-in backend has (0 when its table does not exist yet). */
function reinscription_wizard_family_count()
{
    global $wpdb;
    $table = class_exists('\ReinscriptionWizard\Backend\Db')
        ? \ReinscriptionWizard\Backend\Db::table('families')
        : $wpdb->prefix . 'rw_families';
    if ($wpdb->get_var($wpdb->prepare('SHOW TABLES LIKE %s', $wpdb->esc_like($table))) !== $table) {
        return 0;
    }
    // A table name of our own and no value: nothing to prepare.
    return (int) $wpdb->get_var("SELECT COUNT(*) FROM {$table}");
}
