<?php

/**
 * Plugin Name: Reinscription wizard e2e: local test API
 * Description: TEST ONLY (scripts/wordpress-e2e.mjs copies it into the throwaway site's wp-content/mu-plugins; it is
 *              never part of the plugin zip). « Test the connection » uses wp_safe_remote_get, which refuses local
 *              addresses and ports other than 80, 443 and 8080; the test's mock backend and its server without CORS
 *              listen on 127.0.0.1 with random ports. This opens 127.0.0.1, and only 127.0.0.1, to it.
 *
 * @package ReinscriptionWizard
 */

if (! defined('ABSPATH')) {
    exit;
}

add_filter(
    'http_request_host_is_external',
    function ($external, $host) {
        return '127.0.0.1' === $host ? true : $external;
    },
    10,
    2
);

add_filter(
    'http_allowed_safe_ports',
    function ($ports, $host, $url) {
        if ('127.0.0.1' !== $host) {
            return $ports;
        }
        $port = wp_parse_url($url, PHP_URL_PORT);
        if (is_int($port) && ! in_array($port, $ports, true)) {
            $ports[] = $port;
        }
        return $ports;
    },
    10,
    3
);
