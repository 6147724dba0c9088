<?php

/**
 * Removes the plugin's options when it is deleted from Extensions (on every site of a network).
 *
 * @package ReinscriptionWizard
 */

if (! defined('WP_UNINSTALL_PLUGIN')) {
    exit;
}

$reinscription_wizard_options = [
    'reinscription_wizard_api_url',
    'reinscription_wizard_contact_email',
    'reinscription_wizard_deadline',
];

if (is_multisite()) {
    foreach (get_sites([ 'fields' => 'ids', 'number' => 0 ]) as $reinscription_wizard_site) {
        switch_to_blog($reinscription_wizard_site);
        foreach ($reinscription_wizard_options as $reinscription_wizard_option) {
            delete_option($reinscription_wizard_option);
        }
        restore_current_blog();
    }
} else {
    foreach ($reinscription_wizard_options as $reinscription_wizard_option) {
        delete_option($reinscription_wizard_option);
    }
}
