<?php

/**
 * The plugin as the backend of the widget: REST routes under /wp-json/reinscription/v1/ on this site's database.
 * Classes live in includes/backend/ (namespace ReinscriptionWizard\Backend, one class per file) and load on demand.
 *
 * @package ReinscriptionWizard
 */

if (!defined('ABSPATH')) {
    exit;
}

/**
 * Loads ReinscriptionWizard\Backend\Foo from includes/backend/Foo.php.
 *
 * @param string $class Fully qualified class name.
 */
function reinscription_wizard_backend_autoload($class)
{
    $prefix = 'ReinscriptionWizard\\Backend\\';
    if (strncmp($class, $prefix, strlen($prefix)) !== 0) {
        return;
    }
    $name = substr($class, strlen($prefix));
    if (!preg_match('/^[A-Za-z0-9]+$/', $name)) {
        return;
    }
    $file = __DIR__ . '/backend/' . $name . '.php';
    if (is_readable($file)) {
        require_once $file;
    }
}

spl_autoload_register('reinscription_wizard_backend_autoload');

// The routes are always registered: with the setting « external » nothing points the widget at them, and they
// answer only what the site's own tables hold.
\ReinscriptionWizard\Backend\Rest::hooks();
// A plugin update with a new schema migrates on the next request, without a re-activation.
add_action('plugins_loaded', ['\ReinscriptionWizard\Backend\Db', 'maybeMigrate']);
