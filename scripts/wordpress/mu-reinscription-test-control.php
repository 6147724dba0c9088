<?php

/**
 * Plugin Name: Reinscription wizard: test control (TEST ONLY)
 */

if (!defined('ABSPATH')) {
    exit;
}
