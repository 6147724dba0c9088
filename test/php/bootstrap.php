<?php

/**
 * PHPUnit's bootstrap for the plugin's PHP tests (test/php, run by scripts/php-checks.mjs).
 *
 * Two modes:
 * - without WordPress (the default): ABSPATH is defined so the plugin's files load, and the backend's classes
 *   (ReinscriptionWizard\Backend\Name → includes/backend/Name.php) autoload; tests of the group `wordpress` are
 *   excluded by the runner. Only pure code runs (Clock, Validator, Json…).
 * - with WordPress: RW_WP_LOAD is the wp-load.php of a started test site (scripts/wordpress/backend-site.mjs) and
 *   RW_WP_HOST its host:port (Debian's wp-config picks the site's config from it, or from WORDPRESS_CONFIG). The
 *   site's plugin is active, so its classes are loaded by the plugin itself, on the site's database.
 *
 * @package ReinscriptionWizard
 */

$rwWpLoad = getenv('RW_WP_LOAD');
$rwPluginDir = dirname(__DIR__, 2) . '/wordpress/reinscription-wizard';

if (is_string($rwWpLoad) && $rwWpLoad !== '') {
    $host = (string) getenv('RW_WP_HOST');
    $_SERVER['HTTP_HOST'] = $host !== '' ? $host : '127.0.0.1';
    $_SERVER['SERVER_NAME'] = '127.0.0.1';
    $_SERVER['REQUEST_URI'] = '/';
    $_SERVER['REQUEST_METHOD'] = 'GET';
    $_SERVER['REMOTE_ADDR'] = '127.0.0.1';
    if (getenv('WORDPRESS_CONFIG')) {
        $_SERVER['WORDPRESS_CONFIG'] = getenv('WORDPRESS_CONFIG');
    }
    // PHPUnit includes this file inside a method: the variables WordPress's files set at their top level would be
    // locals of it. These are the ones WordPress reads back as globals (WordPress's own test bootstrap's list and
    // $table_prefix, which Debian's wp-config.php sets).
    global $wpdb, $current_site, $current_blog, $wp_rewrite, $shortcode_tags, $wp, $phpmailer, $wp_theme_directories;
    global $table_prefix, $wp_locale, $locale, $wp_version, $wp_db_version;
    require $rwWpLoad;
    define('RW_TEST_WORDPRESS', true);
} else {
    if (!defined('ABSPATH')) {
        define('ABSPATH', sys_get_temp_dir() . '/rw-no-wordpress/');
    }
    define('RW_TEST_WORDPRESS', false);
}

spl_autoload_register(
    function ($class) use ($rwPluginDir) {
        $prefix = 'ReinscriptionWizard\\Backend\\';
        if (strncmp($class, $prefix, strlen($prefix)) !== 0) {
            return;
        }
        $file = $rwPluginDir . '/includes/backend/' . str_replace('\\', '/', substr($class, strlen($prefix))) . '.php';
        if (is_file($file)) {
            require_once $file;
        }
    }
);

require_once __DIR__ . '/ExpectsApiError.php';
