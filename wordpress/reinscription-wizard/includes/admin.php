<?php

/**
 * The plugin's admin screens of the built-in backend: campaign settings, CSV import of families.
 *
 * @package ReinscriptionWizard
 */

if (!defined('ABSPATH')) {
    exit;
}
