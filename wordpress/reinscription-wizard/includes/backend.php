<?php

/**
 * The plugin as the backend of the widget: REST routes under /wp-json/reinscription/v1/ on this site's database.
 *
 * @package ReinscriptionWizard
 */

if (!defined('ABSPATH')) {
    exit;
}
