<?php

/**
 * Drives the throwaway WordPress from PHP CLI (no wp-cli here). Called by scripts/wordpress-e2e.mjs with
 * WORDPRESS_CONFIG (Debian's per-site config), RW_HTTP_HOST and RW_PARAMS (JSON; RW_PARAMS.root is the WordPress
 * folder) in the environment.
 * Prints one JSON line: the facts the test checks.
 *
 *   RW_PARAMS.action = install   : wp_install()
 *                    = setup     : the site in French (WPLANG fr_FR, WordPress's files from wordpress-l10n),
 *                                  Twenty Twenty-Three, the plugin installed from its zip by WordPress's own
 *                                  Plugin_Upgrader (as « Téléverser une extension » does) and activated,
 *                                  its options, pretty permalinks, the pages
 *                    = theme     : switch_theme( RW_PARAMS.stylesheet )
 *                    = language  : the site's language: update_option( 'WPLANG', RW_PARAMS.locale ) ('' is en_US)
 *                    = inspect   : what the plugin registered on init (a fresh request after activation), in the
 *                                  site's language
 *                    = preload   : the modulepreload hints the plugin prints in wp_head for RW_PARAMS.urls, with
 *                                  variants of the build's note (written into the installed copy of
 *                                  dist/reinscription-wizard.asset.php, put back after), its filter, and which
 *                                  posts it reckons show the form
 *                    = uninstall : deactivate, then uninstall_plugin() (runs uninstall.php)
 */

$rw = json_decode((string) getenv('RW_PARAMS'), true);
$_SERVER['HTTP_HOST']   = (string) getenv('RW_HTTP_HOST');
$_SERVER['SERVER_NAME'] = '127.0.0.1';
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['REQUEST_METHOD'] = 'GET';

function rw_out($data)
{
    echo "\n" . wp_json_encode($data, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE) . "\n";
    exit(0);
}
function rw_fail($message)
{
    echo "\n" . wp_json_encode([ 'error' => $message ], JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE) . "\n";
    exit(0);
}

if ('install' === $rw['action']) {
    define('WP_INSTALLING', true);
    require $rw['root'] . '/wp-load.php';
    require_once ABSPATH . 'wp-admin/includes/upgrade.php';
    $result = wp_install($rw['title'], $rw['user'], $rw['email'], false, '', wp_slash($rw['password']));
    rw_out(
        [
            'installed'  => is_blog_installed(),
            'wp_version' => get_bloginfo('version'),
            'user_id'    => $result['user_id'],
        ]
    );
}

require $rw['root'] . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
require_once ABSPATH . 'wp-admin/includes/file.php';
require_once ABSPATH . 'wp-admin/includes/misc.php';
require_once ABSPATH . 'wp-admin/includes/class-wp-upgrader.php';

$plugin = 'reinscription-wizard/reinscription-wizard.php';

if ('setup' === $rw['action']) {
    wp_set_current_user(1);

    // As Réglages → Général → Langue du site does; the language files are in WP_LANG_DIR (wp-content/languages).
    update_option('WPLANG', $rw['locale']);

    switch_theme('twentytwentythree');
    $theme = wp_get_theme();

    $upgrader = new Plugin_Upgrader(new Automatic_Upgrader_Skin());
    $installed = $upgrader->install($rw['zip']);
    if (true !== $installed) {
        $messages = $upgrader->skin->get_upgrade_messages();
        rw_fail('Plugin_Upgrader::install: ' . ( is_wp_error($installed) ? $installed->get_error_message() : var_export($installed, true) ) . ' ' . implode(' / ', $messages));
    }
    $activated = activate_plugin($plugin);
    if (is_wp_error($activated)) {
        rw_fail('activate_plugin: ' . $activated->get_error_message());
    }
    $data = get_plugin_data(WP_PLUGIN_DIR . '/' . $plugin, false, false);

    foreach ($rw['options'] as $name => $value) {
        update_option($name, $value);
    }

    global $wp_rewrite;
    $wp_rewrite->set_permalink_structure('/%postname%/');
    flush_rewrite_rules(false);

    // Only the page « Réinscriptions » in Twenty Twenty-Three's menu (a page list): the other test content is posts.
    $sample = get_page_by_path('sample-page');
    if ($sample) {
        wp_delete_post($sample->ID, true);
    }
    $pages = [];
    foreach ($rw['pages'] as $key => $page) {
        $id = wp_insert_post(
            [
                'post_type'    => isset($page['type']) ? $page['type'] : 'page',
                'post_status'  => 'publish',
                'post_title'   => $page['title'],
                'post_content' => $page['content'],
                'post_author'  => 1,
            ],
            true
        );
        if (is_wp_error($id)) {
            rw_fail('wp_insert_post: ' . $id->get_error_message());
        }
        $pages[ $key ] = get_permalink($id);
    }

    rw_out(
        [
            'wp_version'      => get_bloginfo('version'),
            'theme'           => $theme->get_stylesheet(),
            'theme_name'      => $theme->get('Name'),
            'block_theme'     => function_exists('wp_is_block_theme') && wp_is_block_theme(),
            'plugin_active'   => is_plugin_active($plugin),
            'plugin_version'  => $data['Version'],
            'plugin_dir'      => WP_PLUGIN_DIR . '/reinscription-wizard',
            'script_modules'  => function_exists('wp_enqueue_script_module'),
            'permalinks'      => get_option('permalink_structure'),
            'pages'           => $pages,
        ]
    );
}

if ('inspect' === $rw['action']) {
    // A new request after activation: the plugin loaded from the start, its init hooks ran.
    $block      = WP_Block_Type_Registry::get_instance()->get_registered('reinscription-wizard/form');
    $translated = get_plugin_data(WP_PLUGIN_DIR . '/' . $plugin, false, true);
    rw_out(
        [
            'locale'             => get_locale(),
            'block_registered'   => null !== $block,
            'block_title'        => $block ? $block->title : null,
            'block_api_version'  => $block ? $block->api_version : null,
            'block_attributes'   => $block ? array_keys($block->attributes) : [],
            'shortcode'          => shortcode_exists('reinscription_wizard'),
            'textdomain_loaded'  => is_textdomain_loaded('reinscription-wizard'),
            'plugin_name'        => $translated['Name'],
            'update_uri'         => isset($translated['UpdateURI']) ? $translated['UpdateURI'] : null,
            // What « Test the connection » says when wp_safe_remote_get refuses a URL, in the site's language.
            'unsafe_url_message' => html_entity_decode(__('A valid URL was not provided.'), ENT_QUOTES, 'UTF-8'),
        ]
    );
}

if ('preload' === $rw['action']) {
    $note     = WP_PLUGIN_DIR . '/reinscription-wizard/dist/reinscription-wizard.asset.php';
    $original = file_get_contents($note);
    $built    = include $note;
    $main     = $built['file'];
    // What reinscription_wizard_print_preload() prints in the head of the page at $url (a post, or the home page).
    $head = function ($url) {
        $id    = url_to_postid($url);
        $query = ! $id ? '' : ( 'page' === get_post_type($id) ? [ 'page_id' => $id ] : [ 'p' => $id ] );
        $GLOBALS['wp_query']     = new WP_Query($query);
        $GLOBALS['wp_the_query'] = $GLOBALS['wp_query'];
        ob_start();
        reinscription_wizard_print_preload();
        return ob_get_clean();
    };
    $with_note = function ($source, $url) use ($note, $head) {
        if (null === $source) {
            unlink($note);
        } else {
            file_put_contents($note, "<?php\nreturn " . $source . ";\n");
        }
        return $head($url);
    };
    $page  = $rw['urls']['shortcode'];
    $heads = [];
    foreach ($rw['urls'] as $key => $url) {
        $heads[ $key ] = $head($url);
    }
    try {
        $notes = [
            'without_preload_key' => $with_note(var_export([ 'file' => $main ], true), $page),
            'with_preload_key'    => $with_note(var_export([ 'file' => $main, 'preload' => [ $main, 'reinscription-wizard-steps-e2e.js', $main ] ], true), $page),
            'hostile_preload_key' => $with_note(var_export([
                'file'    => $main,
                'preload' => [ '../../../wp-config.php', 'https://evil.example/x.js', 'sub/x.js', 'x.js?ver=1', '"><script>.js', [ 'x.js' ], 7, $main ],
            ], true), $page),
            'preload_not_array'   => $with_note(var_export([ 'file' => $main, 'preload' => $main ], true), $page),
            'no_note'             => $with_note(null, $page),
        ];
    } finally {
        file_put_contents($note, $original);
    }

    add_filter('reinscription_wizard_preload', '__return_empty_array');
    $filtered = [ 'off' => $head($page) ];
    remove_filter('reinscription_wizard_preload', '__return_empty_array');
    $add = function ($files) {
        $files[] = 'reinscription-wizard-extra-e2e.js';
        $files[] = 'https://cdn.example/not-dist.js';
        return $files;
    };
    add_filter('reinscription_wizard_preload', $add);
    $filtered['add']       = $head($page);
    $filtered['add_plain'] = $head($rw['urls']['plain']);
    remove_filter('reinscription_wizard_preload', $add);
    $opt_in = function ($files, $build) {
        return $build;
    };
    add_filter('reinscription_wizard_preload', $opt_in, 10, 2);
    $filtered['build_on_plain'] = $head($rw['urls']['plain']);
    remove_filter('reinscription_wizard_preload', $opt_in, 10);

    // Which contents show the form, with and without the settings' API address.
    $post  = function ($content, $password = '') {
        return new WP_Post((object) [ 'ID' => 0, 'post_content' => $content, 'post_password' => $password, 'post_type' => 'page', 'filter' => 'raw' ]);
    };
    $posts = [
        'shortcode'                  => $post('[reinscription_wizard]'),
        'block'                      => $post('<!-- wp:reinscription-wizard/form /-->'),
        'name_in_text'               => $post('<p>reinscription_wizard, reinscription-wizard/form</p>'),
        'other_shortcode'            => $post('[gallery]'),
        'password_protected'         => $post('[reinscription_wizard]', 'secret'),
        'shortcode_own_api'          => $post('<!-- wp:shortcode -->[reinscription_wizard api_url="https://api.example.fr/v1"]<!-- /wp:shortcode -->'),
        'shortcode_bad_api'          => $post('[reinscription_wizard api_url="javascript:alert(1)"]'),
        'nested_block_own_api'       => $post('<!-- wp:group --><div class="wp-block-group"><!-- wp:reinscription-wizard/form {"apiUrl":"https://api.example.fr/v1"} /--></div><!-- /wp:group -->'),
        'block_without_api'          => $post('<!-- wp:reinscription-wizard/form {"contactEmail":"a@b.fr"} /-->'),
    ];
    $shows = [];
    foreach ($posts as $key => $p) {
        $shows[ $key ] = reinscription_wizard_post_shows_form($p);
    }
    add_filter('pre_option_reinscription_wizard_api_url', '__return_empty_string');
    $shows_without_api = [];
    foreach ($posts as $key => $p) {
        $shows_without_api[ $key ] = reinscription_wizard_post_shows_form($p);
    }
    remove_filter('pre_option_reinscription_wizard_api_url', '__return_empty_string');

    rw_out(
        [
            'built'             => $built,
            'base'              => reinscription_wizard_assets_url(),
            'heads'             => $heads,
            'notes'             => $notes,
            'note_restored'     => file_get_contents($note) === $original,
            'filtered'          => $filtered,
            'shows'             => $shows,
            'shows_without_api' => $shows_without_api,
        ]
    );
}

if ('language' === $rw['action']) {
    update_option('WPLANG', $rw['locale']);
    rw_out([ 'locale' => get_option('WPLANG') ]);
}

if ('theme' === $rw['action']) {
    switch_theme($rw['stylesheet']);
    // No default widgets (recent posts, archives of the current month…): the screenshots must not change with the date.
    update_option('sidebars_widgets', [ 'wp_inactive_widgets' => [], 'array_version' => 3 ]);
    rw_out(
        [
            'theme'       => wp_get_theme()->get_stylesheet(),
            'block_theme' => wp_is_block_theme(),
        ]
    );
}

if ('uninstall' === $rw['action']) {
    $before = [];
    foreach ($rw['options'] as $name) {
        $before[ $name ] = get_option($name, null);
    }
    deactivate_plugins($plugin);
    uninstall_plugin($plugin);
    $after = [];
    foreach ($rw['options'] as $name) {
        $after[ $name ] = get_option($name, null);
    }
    rw_out(
        [
            'before' => $before,
            'after'  => $after,
        ]
    );
}

rw_fail('unknown action ' . $rw['action']);
