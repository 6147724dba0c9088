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
add_action('admin_notices', 'reinscription_wizard_public_uploads_notice');
// Saving the settings probes the folder again (pre_update_option_ runs even when the value is unchanged).
add_filter('pre_update_option_reinscription_wizard_upload_dir', 'reinscription_wizard_forget_uploads_verdict');
add_filter('pre_update_option_reinscription_wizard_backend', 'reinscription_wizard_forget_uploads_verdict');

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

/**
 * Settings saved: the private folder's verdict is forgotten, so that the screen shown next probes it again.
 *
 * @param mixed $value The option's new value, returned unchanged.
 */
function reinscription_wizard_forget_uploads_verdict($value)
{
    if (class_exists('\ReinscriptionWizard\Backend\Storage')) {
        \ReinscriptionWizard\Backend\Storage::forgetReachability();
    }
    return $value;
}

/** Whether this admin screen shows the private folder's warning: the plugin's own screens and the dashboard. */
function reinscription_wizard_is_warning_screen()
{
    $screen = function_exists('get_current_screen') ? get_current_screen() : null;
    if (!$screen) {
        return false;
    }
    return 'dashboard' === $screen->id || false !== strpos((string) $screen->id, 'reinscription-wizard');
}

/**
 * When this site is the server and its web server hands out the private upload folder (Storage::publiclyReachable,
 * probed at most every 12 hours): an error notice for the administrators, on the plugin's screens and the
 * dashboard, with the two ways out.
 */
function reinscription_wizard_public_uploads_notice()
{
    if (!current_user_can('manage_options') || 'site' !== reinscription_wizard_backend()) {
        return;
    }
    if (!class_exists('\ReinscriptionWizard\Backend\Storage') || !reinscription_wizard_is_warning_screen()) {
        return;
    }
    if (true !== \ReinscriptionWizard\Backend\Storage::publiclyReachable()) {
        return;
    }
    $url = (string) \ReinscriptionWizard\Backend\Storage::folderUrl();
    $path = (string) wp_parse_url($url, PHP_URL_PATH);
    echo '<div class="notice notice-error" id="reinscription-wizard-public-uploads"><p><strong>'
        . esc_html__('The families\' pieces can be downloaded by anyone who guesses a file name.', 'reinscription-wizard')
        . '</strong> ' . esc_html(
            sprintf(
                /* translators: %s: the address of the private upload folder. */
                __('This site\'s web server hands out the private upload folder at %s.', 'reinscription-wizard'),
                $url
            )
        ) . '</p><p>' . esc_html(
            sprintf(
                /* translators: 1: the setting's name (« Private upload folder »), 2: its screen (« Settings → Re-registration »). */
                __('Set « %1$s » (%2$s) to a folder outside the web root, or add this rule of the documentation to nginx:', 'reinscription-wizard'),
                __('Private upload folder', 'reinscription-wizard'),
                __('Settings → Re-registration', 'reinscription-wizard')
            )
        ) . '</p><p><code>location ^~ ' . esc_html($path) . ' { deny all; }</code></p><p>'
        . esc_html__(
            'With Apache, allow this folder\'s .htaccess (AllowOverride AuthConfig) or deny it in the server\'s configuration.',
            'reinscription-wizard'
        )
        . ' ' . esc_html__('Saving the settings checks again.', 'reinscription-wizard');
    if (REINSCRIPTION_WIZARD_PAGE !== reinscription_wizard_current_page()) {
        printf(
            ' <a href="%1$s">%2$s</a>',
            esc_url(admin_url('options-general.php?page=' . REINSCRIPTION_WIZARD_PAGE)),
            esc_html__('Settings → Re-registration', 'reinscription-wizard')
        );
    }
    echo '</p></div>';
}

/** The plugin page this admin screen is (?page=), or ''. */
function reinscription_wizard_current_page()
{
    // Which screen this is: read only, nothing changes, so no nonce.
    return isset($_GET['page']) ? sanitize_key(wp_unslash($_GET['page'])) : '';
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
