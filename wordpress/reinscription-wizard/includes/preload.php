<?php

/**
 * `<link rel="modulepreload">` hints in the head of the pages that show the form, so that the browser fetches the
 * login path's files (the main module and what it imports statically) while it parses the page, instead of
 * discovering them one after the other once the module tag comes (in the footer on a classic theme).
 *
 * @package ReinscriptionWizard
 */

if (! defined('ABSPATH')) {
    exit;
}

/** The block's name (block/block.json). */
const REINSCRIPTION_WIZARD_BLOCK = 'reinscription-wizard/form';

/**
 * Whether a post shows the form: its content has the [reinscription_wizard] shortcode or the block, and the form
 * has an API address (this site's REST base when it is the server, the settings' one, or its own); a form without one
 * renders its fallback text only and loads no script. A password-protected post shows nothing until the password is given.
 *
 * @param WP_Post|null $post The post.
 */
function reinscription_wizard_post_shows_form($post)
{
    if (! $post instanceof WP_Post || post_password_required($post)) {
        return false;
    }
    $content = $post->post_content;
    if (! has_shortcode($content, 'reinscription_wizard') && ! has_block(REINSCRIPTION_WIZARD_BLOCK, $post)) {
        return false;
    }
    return '' !== reinscription_wizard_default_api_url() || reinscription_wizard_content_has_api_url($content);
}

/**
 * Whether one of the content's shortcodes or blocks gives its own API address.
 *
 * @param string $content Post content.
 */
function reinscription_wizard_content_has_api_url($content)
{
    $pattern = '/' . get_shortcode_regex([ 'reinscription_wizard' ]) . '/';
    preg_match_all($pattern, $content, $shortcodes, PREG_SET_ORDER);
    foreach ($shortcodes as $shortcode) {
        $atts = shortcode_parse_atts($shortcode[3]);
        if (isset($atts['api_url']) && '' !== reinscription_wizard_clean_url($atts['api_url'])) {
            return true;
        }
    }
    $blocks = parse_blocks($content);
    while ($blocks) {
        $block   = array_shift($blocks);
        $api_url = isset($block['attrs']['apiUrl']) ? $block['attrs']['apiUrl'] : '';
        if (REINSCRIPTION_WIZARD_BLOCK === $block['blockName'] && '' !== reinscription_wizard_clean_url($api_url)) {
            return true;
        }
        $blocks = array_merge($blocks, $block['innerBlocks']);
    }
    return false;
}

/**
 * The URLs to preload on the page being rendered: on a singular post that shows the form, each file of the
 * build's 'preload' list (dist/reinscription-wizard.asset.php), else none.
 *
 * Each URL is exactly the one the plugin enqueues (the plugin's dist/, no `?ver=`): another URL would be a second
 * fetch, and for the main module a second instance. WordPress 6.5+ preloads only the dependencies of the modules it
 * prints, never the modules themselves, and the plugin's module declares none, so no hint is printed twice.
 *
 * Filter `reinscription_wizard_preload`: the file names (relative to the plugin's dist/) to preload on this page.
 * Return array() to print none; add a name of dist/ to preload it too; on a page whose template prints the form
 * itself (do_shortcode in a theme file, a template part), where the plugin cannot know it early, return the
 * second argument to preload the build's list there.
 *
 *     add_filter( 'reinscription_wizard_preload', '__return_empty_array' );
 *
 * @return string[] Absolute URLs, unescaped.
 */
function reinscription_wizard_preload_urls()
{
    $asset = reinscription_wizard_asset();
    $post  = is_singular() ? get_queried_object() : null;
    $post  = $post instanceof WP_Post ? $post : null;
    $files = reinscription_wizard_post_shows_form($post) ? $asset['preload'] : [];
    /**
     * Filters the files of the plugin's dist/ preloaded with `<link rel="modulepreload">` in the page's head.
     *
     * @param string[]     $files File names relative to dist/: the build's list on a singular post whose content
     *                            shows the form, else an empty array.
     * @param string[]     $build The build's list (the login path's files), whatever the page.
     * @param WP_Post|null $post  The queried post on a singular page, else null.
     */
    $files = apply_filters('reinscription_wizard_preload', $files, $asset['preload'], $post);
    if (! is_array($files)) {
        return [];
    }
    $base = reinscription_wizard_assets_url();
    $urls = [];
    foreach (array_unique(array_filter($files, 'reinscription_wizard_is_dist_file')) as $file) {
        $urls[] = $base . $file;
    }
    return $urls;
}

/**
 * Prints the hints (wp_head, priority 1: before the styles and the theme's scripts). No `crossorigin`: the module
 * tag has none either (same origin), and a hint's credentials mode must match the tag's to be used.
 */
function reinscription_wizard_print_preload()
{
    foreach (reinscription_wizard_preload_urls() as $url) {
        echo '<link rel="modulepreload" href="' . esc_url($url) . '">' . "\n";
    }
}
