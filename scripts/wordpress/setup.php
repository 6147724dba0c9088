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
 *                    = uninstall : deactivate, then uninstall_plugin() (runs uninstall.php)
 */

$rw = json_decode( (string) getenv( 'RW_PARAMS' ), true );
$_SERVER['HTTP_HOST']   = (string) getenv( 'RW_HTTP_HOST' );
$_SERVER['SERVER_NAME'] = '127.0.0.1';
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['REQUEST_METHOD'] = 'GET';

function rw_out( $data ) {
	echo "\n" . json_encode( $data, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE ) . "\n";
	exit( 0 );
}
function rw_fail( $message ) {
	echo "\n" . json_encode( array( 'error' => $message ), JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE ) . "\n";
	exit( 0 );
}

if ( 'install' === $rw['action'] ) {
	define( 'WP_INSTALLING', true );
	require $rw['root'] . '/wp-load.php';
	require_once ABSPATH . 'wp-admin/includes/upgrade.php';
	$result = wp_install( $rw['title'], $rw['user'], $rw['email'], false, '', wp_slash( $rw['password'] ) );
	rw_out(
		array(
			'installed'  => is_blog_installed(),
			'wp_version' => get_bloginfo( 'version' ),
			'user_id'    => $result['user_id'],
		)
	);
}

require $rw['root'] . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
require_once ABSPATH . 'wp-admin/includes/file.php';
require_once ABSPATH . 'wp-admin/includes/misc.php';
require_once ABSPATH . 'wp-admin/includes/class-wp-upgrader.php';

$plugin = 'reinscription-wizard/reinscription-wizard.php';

if ( 'setup' === $rw['action'] ) {
	wp_set_current_user( 1 );

	// As Réglages → Général → Langue du site does; the language files are in WP_LANG_DIR (wp-content/languages).
	update_option( 'WPLANG', $rw['locale'] );

	switch_theme( 'twentytwentythree' );
	$theme = wp_get_theme();

	$upgrader = new Plugin_Upgrader( new Automatic_Upgrader_Skin() );
	$installed = $upgrader->install( $rw['zip'] );
	if ( true !== $installed ) {
		$messages = $upgrader->skin->get_upgrade_messages();
		rw_fail( 'Plugin_Upgrader::install: ' . ( is_wp_error( $installed ) ? $installed->get_error_message() : var_export( $installed, true ) ) . ' ' . implode( ' / ', $messages ) );
	}
	$activated = activate_plugin( $plugin );
	if ( is_wp_error( $activated ) ) {
		rw_fail( 'activate_plugin: ' . $activated->get_error_message() );
	}
	$data = get_plugin_data( WP_PLUGIN_DIR . '/' . $plugin, false, false );

	foreach ( $rw['options'] as $name => $value ) {
		update_option( $name, $value );
	}

	global $wp_rewrite;
	$wp_rewrite->set_permalink_structure( '/%postname%/' );
	flush_rewrite_rules( false );

	// Only the page « Réinscriptions » in Twenty Twenty-Three's menu (a page list): the other test content is posts.
	$sample = get_page_by_path( 'sample-page' );
	if ( $sample ) {
		wp_delete_post( $sample->ID, true );
	}
	$pages = array();
	foreach ( $rw['pages'] as $key => $page ) {
		$id = wp_insert_post(
			array(
				'post_type'    => isset( $page['type'] ) ? $page['type'] : 'page',
				'post_status'  => 'publish',
				'post_title'   => $page['title'],
				'post_content' => $page['content'],
				'post_author'  => 1,
			),
			true
		);
		if ( is_wp_error( $id ) ) {
			rw_fail( 'wp_insert_post: ' . $id->get_error_message() );
		}
		$pages[ $key ] = get_permalink( $id );
	}

	rw_out(
		array(
			'wp_version'      => get_bloginfo( 'version' ),
			'theme'           => $theme->get_stylesheet(),
			'theme_name'      => $theme->get( 'Name' ),
			'block_theme'     => function_exists( 'wp_is_block_theme' ) && wp_is_block_theme(),
			'plugin_active'   => is_plugin_active( $plugin ),
			'plugin_version'  => $data['Version'],
			'plugin_dir'      => WP_PLUGIN_DIR . '/reinscription-wizard',
			'script_modules'  => function_exists( 'wp_enqueue_script_module' ),
			'permalinks'      => get_option( 'permalink_structure' ),
			'pages'           => $pages,
		)
	);
}

if ( 'inspect' === $rw['action'] ) {
	// A new request after activation: the plugin loaded from the start, its init hooks ran.
	$block      = WP_Block_Type_Registry::get_instance()->get_registered( 'reinscription-wizard/form' );
	$translated = get_plugin_data( WP_PLUGIN_DIR . '/' . $plugin, false, true );
	rw_out(
		array(
			'locale'             => get_locale(),
			'block_registered'   => null !== $block,
			'block_title'        => $block ? $block->title : null,
			'block_api_version'  => $block ? $block->api_version : null,
			'block_attributes'   => $block ? array_keys( $block->attributes ) : array(),
			'shortcode'          => shortcode_exists( 'reinscription_wizard' ),
			'textdomain_loaded'  => is_textdomain_loaded( 'reinscription-wizard' ),
			'plugin_name'        => $translated['Name'],
			'update_uri'         => isset( $translated['UpdateURI'] ) ? $translated['UpdateURI'] : null,
			// What « Test the connection » says when wp_safe_remote_get refuses a URL, in the site's language.
			'unsafe_url_message' => html_entity_decode( __( 'A valid URL was not provided.' ), ENT_QUOTES, 'UTF-8' ),
		)
	);
}

if ( 'language' === $rw['action'] ) {
	update_option( 'WPLANG', $rw['locale'] );
	rw_out( array( 'locale' => get_option( 'WPLANG' ) ) );
}

if ( 'theme' === $rw['action'] ) {
	switch_theme( $rw['stylesheet'] );
	// No default widgets (recent posts, archives of the current month…): the screenshots must not change with the date.
	update_option( 'sidebars_widgets', array( 'wp_inactive_widgets' => array(), 'array_version' => 3 ) );
	rw_out(
		array(
			'theme'       => wp_get_theme()->get_stylesheet(),
			'block_theme' => wp_is_block_theme(),
		)
	);
}

if ( 'uninstall' === $rw['action'] ) {
	$before = array();
	foreach ( $rw['options'] as $name ) {
		$before[ $name ] = get_option( $name, null );
	}
	deactivate_plugins( $plugin );
	uninstall_plugin( $plugin );
	$after = array();
	foreach ( $rw['options'] as $name ) {
		$after[ $name ] = get_option( $name, null );
	}
	rw_out(
		array(
			'before' => $before,
			'after'  => $after,
		)
	);
}

rw_fail( 'unknown action ' . $rw['action'] );
