<?php

/**
 * When the plugin is deleted from Extensions (on every site of a network): removes its settings and the imports in
 * progress. The families' data (the rw_ tables and the private upload folder) is removed only when the
 * administrator ticked « Delete data on uninstall » (Settings → Re-registration); otherwise it stays, with the
 * schema version, for a later reinstall.
 *
 * @package ReinscriptionWizard
 */

if (! defined('WP_UNINSTALL_PLUGIN')) {
    exit;
}

/** The plugin's tables, without the site's prefix and rw_ (includes/backend/Db.php creates them). */
const REINSCRIPTION_WIZARD_UNINSTALL_TABLES = [
    'families', 'students', 'sessions', 'documents', 'submissions', 'declines', 'rate_limits',
];

/** The settings; the schema version goes only with the tables. */
const REINSCRIPTION_WIZARD_UNINSTALL_OPTIONS = [
    'reinscription_wizard_api_url',
    'reinscription_wizard_contact_email',
    'reinscription_wizard_deadline',
    'reinscription_wizard_backend',
    'reinscription_wizard_trusted_proxies',
    'reinscription_wizard_upload_dir',
    'reinscription_wizard_campaign',
    'reinscription_wizard_session_minutes',
    'reinscription_wizard_link_minutes',
    'reinscription_wizard_delete_data',
];

// The plugin is inactive while it is deleted: its option names come from the file itself.
require_once __DIR__ . '/includes/backend/Options.php';

/**
 * The private upload folder of the current site: the configured one, or the default under wp-content/uploads.
 */
function reinscription_wizard_uninstall_upload_dir()
{
    $configured = get_option('reinscription_wizard_upload_dir', '');
    if (is_string($configured) && '' !== trim($configured) && path_is_absolute(trim($configured))) {
        return trailingslashit(trim($configured));
    }
    $uploads = wp_upload_dir(null, false);
    return trailingslashit((string) $uploads['basedir']) . 'reinscription-wizard-private/';
}

/**
 * Deletes the pieces the plugin stored (random names of 40 hex digits) and its deny files, then the folder if
 * nothing else is left in it: a configured folder may hold other files, which stay.
 *
 * @param string $dir The folder, with its trailing slash.
 */
function reinscription_wizard_uninstall_files($dir)
{
    if (! is_dir($dir)) {
        return;
    }
    foreach ((array) scandir($dir) as $name) {
        $ours = 1 === preg_match('/^[a-f0-9]{40}$/', (string) $name) || in_array($name, [ '.htaccess', 'index.php', 'index.html' ], true);
        if ($ours && is_file($dir . $name)) {
            wp_delete_file($dir . $name);
        }
    }
    if (2 === count((array) scandir($dir))) {
        rmdir($dir);
    }
}

/** Cleans the current site. */
function reinscription_wizard_uninstall_site()
{
    global $wpdb;
    if ('1' === (string) get_option('reinscription_wizard_delete_data', '')) {
        reinscription_wizard_uninstall_files(reinscription_wizard_uninstall_upload_dir());
        foreach (REINSCRIPTION_WIZARD_UNINSTALL_TABLES as $table) {
            // A table name (no placeholder exists for identifiers), escaped.
            $wpdb->query('DROP TABLE IF EXISTS `' . esc_sql($wpdb->prefix . 'rw_' . $table) . '`');
        }
        delete_option('reinscription_wizard_db_version');
    }
    // The backend's own options too (Options::ALL), but its schema version only with the tables, above.
    $options = array_merge(REINSCRIPTION_WIZARD_UNINSTALL_OPTIONS, \ReinscriptionWizard\Backend\Options::ALL);
    foreach (array_diff(array_unique($options), ['reinscription_wizard_db_version']) as $option) {
        delete_option($option);
    }
    // The cached verdict of the private folder's public-reachability probe.
    delete_transient('reinscription_wizard_uploads_reachable');
    // The imports in progress (Tools → Import families), one transient per user.
    $wpdb->query(
        $wpdb->prepare(
            "DELETE FROM {$wpdb->options} WHERE option_name LIKE %s OR option_name LIKE %s",
            $wpdb->esc_like('_transient_reinscription_wizard_import_') . '%',
            $wpdb->esc_like('_transient_timeout_reinscription_wizard_import_') . '%'
        )
    );
}

if (is_multisite()) {
    foreach (get_sites([ 'fields' => 'ids', 'number' => 0 ]) as $reinscription_wizard_site) {
        switch_to_blog($reinscription_wizard_site);
        reinscription_wizard_uninstall_site();
        restore_current_blog();
    }
} else {
    reinscription_wizard_uninstall_site();
}
