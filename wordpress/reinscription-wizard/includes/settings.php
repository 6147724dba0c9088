<?php

/**
 * Settings → Re-registration (Réglages → Réinscriptions): default API URL, contact e-mail, deadline, and « Test the
 * connection » (« Tester la connexion »).
 *
 * @package ReinscriptionWizard
 */

if (! defined('ABSPATH')) {
    exit;
}

const REINSCRIPTION_WIZARD_PAGE = 'reinscription-wizard';

/**
 * Registers the options of Settings → Re-registration with their sanitisers (the Settings API adds the nonce and
 * checks manage_options): the server (this site or an external API), the fallback texts, and the built-in
 * backend's trusted proxies, private upload folder and « Delete data on uninstall ».
 */
function reinscription_wizard_register_settings()
{
    $settings = [
        'backend'         => [ 'reinscription_wizard_sanitize_backend', 'external' ],
        'api_url'         => [ 'reinscription_wizard_sanitize_api_url', '' ],
        'contact_email'   => [ 'reinscription_wizard_sanitize_email', '' ],
        'deadline'        => [ 'reinscription_wizard_sanitize_deadline', '' ],
        'trusted_proxies' => [ 'reinscription_wizard_sanitize_trusted_proxies', '' ],
        'upload_dir'      => [ 'reinscription_wizard_sanitize_upload_dir', '' ],
        'delete_data'     => [ 'reinscription_wizard_sanitize_checkbox', '' ],
    ];
    foreach ($settings as $key => list($sanitize, $default)) {
        register_setting(
            'reinscription_wizard',
            REINSCRIPTION_WIZARD_OPTIONS[ $key ],
            [
                'type'              => 'string',
                'default'           => $default,
                'sanitize_callback' => $sanitize,
            ]
        );
    }

    add_settings_section('reinscription_wizard_server', __('Server', 'reinscription-wizard'), '__return_false', REINSCRIPTION_WIZARD_PAGE);
    add_settings_field(
        'reinscription_wizard_backend',
        __('Re-registration server', 'reinscription-wizard'),
        'reinscription_wizard_field_backend',
        REINSCRIPTION_WIZARD_PAGE,
        'reinscription_wizard_server'
    );
    add_settings_field(
        'reinscription_wizard_api_url',
        __('API address', 'reinscription-wizard'),
        'reinscription_wizard_field_api_url',
        REINSCRIPTION_WIZARD_PAGE,
        'reinscription_wizard_server',
        [ 'label_for' => 'reinscription_wizard_api_url' ]
    );

    add_settings_section('reinscription_wizard_main', __('Fallback text', 'reinscription-wizard'), '__return_false', REINSCRIPTION_WIZARD_PAGE);
    add_settings_field(
        'reinscription_wizard_contact_email',
        __('Contact e-mail', 'reinscription-wizard'),
        'reinscription_wizard_field_email',
        REINSCRIPTION_WIZARD_PAGE,
        'reinscription_wizard_main',
        [ 'label_for' => 'reinscription_wizard_contact_email' ]
    );
    add_settings_field(
        'reinscription_wizard_deadline',
        __('Deadline (optional)', 'reinscription-wizard'),
        'reinscription_wizard_field_deadline',
        REINSCRIPTION_WIZARD_PAGE,
        'reinscription_wizard_main',
        [ 'label_for' => 'reinscription_wizard_deadline' ]
    );

    add_settings_section(
        'reinscription_wizard_site_backend',
        __('This site as the server', 'reinscription-wizard'),
        'reinscription_wizard_section_site_backend',
        REINSCRIPTION_WIZARD_PAGE
    );
    add_settings_field(
        'reinscription_wizard_trusted_proxies',
        __('Trusted proxies', 'reinscription-wizard'),
        'reinscription_wizard_field_trusted_proxies',
        REINSCRIPTION_WIZARD_PAGE,
        'reinscription_wizard_site_backend',
        [ 'label_for' => 'reinscription_wizard_trusted_proxies' ]
    );
    add_settings_field(
        'reinscription_wizard_upload_dir',
        __('Private upload folder', 'reinscription-wizard'),
        'reinscription_wizard_field_upload_dir',
        REINSCRIPTION_WIZARD_PAGE,
        'reinscription_wizard_site_backend',
        [ 'label_for' => 'reinscription_wizard_upload_dir' ]
    );
    add_settings_field(
        'reinscription_wizard_delete_data',
        __('Delete data on uninstall', 'reinscription-wizard'),
        'reinscription_wizard_field_delete_data',
        REINSCRIPTION_WIZARD_PAGE,
        'reinscription_wizard_site_backend'
    );
}

/** Settings → Re-registration, and the admin script (with its translations) on that page only. */
function reinscription_wizard_add_settings_page()
{
    $hook = add_options_page(
        __('Conservatory re-registration', 'reinscription-wizard'),
        __('Re-registration', 'reinscription-wizard'),
        'manage_options',
        REINSCRIPTION_WIZARD_PAGE,
        'reinscription_wizard_render_settings_page'
    );
    add_action(
        'admin_enqueue_scripts',
        function ($current) use ($hook) {
            if ($current !== $hook) {
                return;
            }
            wp_enqueue_script(
                'reinscription-wizard-admin',
                plugins_url('admin/settings.js', REINSCRIPTION_WIZARD_FILE),
                [ 'wp-i18n' ],
                REINSCRIPTION_WIZARD_VERSION,
                true
            );
            wp_set_script_translations('reinscription-wizard-admin', 'reinscription-wizard', reinscription_wizard_languages_dir());
        }
    );
}

/**
 * « Settings » (« Réglages ») next to « Deactivate » in the plugins list.
 *
 * @param string[] $links Action links.
 */
function reinscription_wizard_action_links($links)
{
    $url = admin_url('options-general.php?page=' . REINSCRIPTION_WIZARD_PAGE);
    array_unshift($links, '<a href="' . esc_url($url) . '">' . esc_html__('Settings', 'reinscription-wizard') . '</a>');
    return $links;
}

/** The origin (scheme://host[:port]) of the public site, where the widget runs. */
function reinscription_wizard_site_origin()
{
    $parts = wp_parse_url(home_url());
    $port  = isset($parts['port']) ? ':' . $parts['port'] : '';
    return $parts['scheme'] . '://' . $parts['host'] . $port;
}

/** The API URL field and the « Test the connection » button (admin/settings.js reads its data- attributes). */
function reinscription_wizard_field_api_url()
{
    printf(
        '<input type="url" class="regular-text code" id="reinscription_wizard_api_url" name="%1$s" value="%2$s"'
            . ' placeholder="https://reinscriptions.example.fr/api/v1" aria-describedby="reinscription-wizard-api-url-hint"> ',
        esc_attr(REINSCRIPTION_WIZARD_OPTIONS['api_url']),
        esc_attr(reinscription_wizard_option('api_url'))
    );
    printf(
        '<button type="button" class="button" id="reinscription-wizard-test" data-ajax-url="%1$s" data-nonce="%2$s" data-site-origin="%3$s"'
            . ' data-site-api-url="%4$s">%5$s</button>',
        esc_url(admin_url('admin-ajax.php')),
        esc_attr(wp_create_nonce('reinscription_wizard_test')),
        esc_attr(reinscription_wizard_site_origin()),
        esc_url(reinscription_wizard_site_api_url()),
        esc_html__('Test the connection', 'reinscription-wizard')
    );
    echo '<p class="description" id="reinscription-wizard-api-url-hint">'
        . esc_html__(
            'With « An external server »: the base address of the re-registration service, used by every shortcode that does not give one.',
            'reinscription-wizard'
        )
        . ' ' . esc_html__('The test calls {address}/campaign from your browser, as the form will.', 'reinscription-wizard')
        . ' ' . esc_html__('With « This WordPress site », it calls this site\'s address.', 'reinscription-wizard') . '</p>';
    echo '<div id="reinscription-wizard-test-result" role="status" aria-live="polite"></div>';
}

/** « This WordPress site » or « An external server » (the API address below). */
function reinscription_wizard_field_backend()
{
    $current = reinscription_wizard_backend();
    $choices = [
        'site'     => [
            __('This WordPress site', 'reinscription-wizard'),
            sprintf(
                /* translators: %s: this site's REST address of the re-registration API. */
                __('The plugin serves the families itself, on this site\'s database, at %s.', 'reinscription-wizard')
                    . ' ' . __('Families come from Tools → Import families.', 'reinscription-wizard'),
                reinscription_wizard_site_api_url()
            ),
        ],
        'external' => [
            __('An external server', 'reinscription-wizard'),
            __('The form talks to the re-registration service at the API address below.', 'reinscription-wizard'),
        ],
    ];
    echo '<fieldset><legend class="screen-reader-text">' . esc_html__('Re-registration server', 'reinscription-wizard') . '</legend>';
    foreach ($choices as $value => list($label, $hint)) {
        printf(
            '<p><label><input type="radio" name="%1$s" value="%2$s"%3$s> %4$s</label><br><span class="description">%5$s</span></p>',
            esc_attr(REINSCRIPTION_WIZARD_OPTIONS['backend']),
            esc_attr($value),
            checked($current, $value, false),
            esc_html($label),
            esc_html($hint)
        );
    }
    echo '</fieldset>';
}

/** The text of the « This site as the server » section. */
function reinscription_wizard_section_site_backend()
{
    echo '<p>' . esc_html__('Used only when the server is this WordPress site.', 'reinscription-wizard') . ' ';
    printf(
        /* translators: %s: link to the campaign settings page. */
        esc_html__('Dates, texts and lists of the campaign: %s.', 'reinscription-wizard'),
        '<a href="' . esc_url(admin_url('options-general.php?page=reinscription-wizard-campaign')) . '">'
            . esc_html__('Settings → Re-registration campaign', 'reinscription-wizard') . '</a>'
    );
    echo '</p>';
}

/** The trusted proxies field. */
function reinscription_wizard_field_trusted_proxies()
{
    $value = get_option(REINSCRIPTION_WIZARD_OPTIONS['trusted_proxies'], '');
    printf(
        '<textarea class="regular-text code" rows="3" id="reinscription_wizard_trusted_proxies" name="%1$s" placeholder="10.0.0.0/8">%2$s</textarea>',
        esc_attr(REINSCRIPTION_WIZARD_OPTIONS['trusted_proxies']),
        esc_textarea(is_string($value) ? $value : '')
    );
    echo '<p class="description">'
        . esc_html__(
            'IP addresses or CIDR ranges of the reverse proxies or load balancers in front of this site, one per line.',
            'reinscription-wizard'
        )
        . ' ' . esc_html__(
            'Only requests coming from them have their X-Forwarded-For header read, to limit login attempts per visitor address.',
            'reinscription-wizard'
        )
        . ' ' . esc_html__('Leave empty when visitors reach this server directly.', 'reinscription-wizard') . '</p>';
}

/** The private upload folder field, with what is used now. */
function reinscription_wizard_field_upload_dir()
{
    $value = get_option(REINSCRIPTION_WIZARD_OPTIONS['upload_dir'], '');
    $value = is_string($value) ? $value : '';
    printf(
        '<input type="text" class="regular-text code" id="reinscription_wizard_upload_dir" name="%1$s" value="%2$s"'
            . ' placeholder="/var/lib/reinscriptions">',
        esc_attr(REINSCRIPTION_WIZARD_OPTIONS['upload_dir']),
        esc_attr($value)
    );
    $uploads = wp_upload_dir(null, false);
    $default = trailingslashit((string) $uploads['basedir']) . 'reinscription-wizard-private';
    echo '<p class="description">'
        . esc_html__(
            'Where the families\' pieces are kept: an absolute path outside the WordPress folder, writable by the web server.',
            'reinscription-wizard'
        )
        . ' ' . esc_html(
            sprintf(
                /* translators: %s: the default folder of the families' pieces, under wp-content/uploads. */
                __('Empty: %s, protected by a deny rule for Apache (nginx needs the rule of the documentation).', 'reinscription-wizard'),
                $default
            )
        ) . '</p>';
    if ('' !== $value) {
        $problem = reinscription_wizard_upload_dir_problem($value);
        if ('' !== $problem) {
            echo '<p class="notice notice-error inline">' . esc_html($problem) . '</p>';
        }
    }
}

/** « Delete data on uninstall » (off by default). */
function reinscription_wizard_field_delete_data()
{
    printf(
        '<label><input type="checkbox" id="reinscription_wizard_delete_data" name="%1$s" value="1"%2$s> %3$s</label>',
        esc_attr(REINSCRIPTION_WIZARD_OPTIONS['delete_data']),
        checked('1', get_option(REINSCRIPTION_WIZARD_OPTIONS['delete_data'], ''), false),
        esc_html__('When the plugin is deleted, also delete the families, their re-registrations and their uploaded pieces.', 'reinscription-wizard')
    );
    echo '<p class="description">' . esc_html__(
        'Off: deleting the plugin removes its settings only, and the data stays in the database and the upload folder.',
        'reinscription-wizard'
    ) . '</p>';
}

/** The contact e-mail field. */
function reinscription_wizard_field_email()
{
    printf(
        '<input type="email" class="regular-text" id="reinscription_wizard_contact_email" name="%1$s" value="%2$s"'
            . ' placeholder="conservatoire@mairie-limonest.fr">',
        esc_attr(REINSCRIPTION_WIZARD_OPTIONS['contact_email']),
        esc_attr(reinscription_wizard_option('contact_email'))
    );
    echo '<p class="description">' . esc_html__(
        'Shown to families when the form cannot work (JavaScript turned off, service unavailable).',
        'reinscription-wizard'
    ) . '</p>';
}

/** The deadline field. */
function reinscription_wizard_field_deadline()
{
    printf(
        '<input type="text" class="regular-text" id="reinscription_wizard_deadline" name="%1$s" value="%2$s" placeholder="%3$s">',
        esc_attr(REINSCRIPTION_WIZARD_OPTIONS['deadline']),
        esc_attr(reinscription_wizard_option('deadline')),
        /* translators: an example of the deadline field, as a family would read it. */
        esc_attr__('June 11, 2027 at 11:59 pm', 'reinscription-wizard')
    );
    echo '<p class="description">' . esc_html__(
        'Shown only in the fallback text, to visitors without JavaScript; the form shows the date the service gives.',
        'reinscription-wizard'
    ) . '</p>';
}

/** The settings page. */
function reinscription_wizard_render_settings_page()
{
    if (! current_user_can('manage_options')) {
        return;
    }
    echo '<div class="wrap"><h1>' . esc_html(get_admin_page_title()) . '</h1>';
    echo '<form method="post" action="options.php">';
    settings_fields('reinscription_wizard');
    do_settings_sections(REINSCRIPTION_WIZARD_PAGE);
    submit_button();
    echo '</form>';
    echo '<h2>' . esc_html__('Putting the form on a page', 'reinscription-wizard') . '</h2>';
    echo '<p>' . esc_html(
        sprintf(
            /* translators: %s: the block's title, « Conservatory re-registration ». */
            __('Add the “%s” block, or a Shortcode block with:', 'reinscription-wizard'),
            __('Conservatory re-registration', 'reinscription-wizard')
        )
    ) . '</p>';
    echo '<p><code>[reinscription_wizard]</code> ' . esc_html__('or, for another address:', 'reinscription-wizard')
        . ' <code>[reinscription_wizard api_url="https://…" contact_email="…" deadline="…"]</code></p>';
    echo '</div>';
}

/**
 * admin-ajax `reinscription_wizard_test`: fetches {url}/campaign from the WordPress server, so that the browser's
 * opaque « TypeError » can be told apart: unreachable address, or a server that answers but refuses this origin (CORS).
 * wp_safe_remote_get: an administrator's URL must not make the server call its own network (local and private
 * addresses, ports other than 80, 443 and 8080 are refused unless a site opens them with the
 * http_request_host_is_external and http_allowed_safe_ports filters).
 * Replies { reachable, error?, status?, allowOrigin?, schoolYear?, origin }.
 */
function reinscription_wizard_ajax_test()
{
    check_ajax_referer('reinscription_wizard_test', 'nonce');
    if (! current_user_can('manage_options')) {
        wp_send_json_error([ 'message' => __('You are not allowed to change these settings.', 'reinscription-wizard') ], 403);
    }
    // Sanitised by reinscription_wizard_clean_url().
    $url = reinscription_wizard_clean_url(isset($_POST['url']) ? wp_unslash($_POST['url']) : '');
    if ('' === $url) {
        wp_send_json_error([ 'message' => __('The API address must start with https://.', 'reinscription-wizard') ], 400);
    }
    $origin   = reinscription_wizard_site_origin();
    $response = wp_safe_remote_get(
        $url . '/campaign',
        [
            'timeout'     => 8,
            'redirection' => 2,
            'headers'     => [
                'Accept' => 'application/json',
                'Origin' => $origin,
            ],
        ]
    );
    if (is_wp_error($response)) {
        wp_send_json_success(
            [
                'reachable' => false,
                // Shown with textContent: WordPress's messages may hold entities (« L&rsquo;URL fournie est invalide. »).
                'error'     => html_entity_decode(wp_strip_all_tags($response->get_error_message()), ENT_QUOTES, 'UTF-8'),
                'origin'    => $origin,
            ]
        );
    }
    $body = json_decode(wp_remote_retrieve_body($response), true);
    wp_send_json_success(
        [
            'reachable'   => true,
            'status'      => (int) wp_remote_retrieve_response_code($response),
            'allowOrigin' => (string) wp_remote_retrieve_header($response, 'access-control-allow-origin'),
            'schoolYear'  => is_array($body) && isset($body['schoolYear']) && is_string($body['schoolYear']) ? $body['schoolYear'] : null,
            'origin'      => $origin,
        ]
    );
}
