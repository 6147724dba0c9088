<?php

/**
 * Where uploaded pieces live on disk: a folder no web server lists or serves, files under random names
 * without an extension (so no handler ever executes one). They are read back only by Documents::serve(),
 * behind a signed link.
 *
 * @package ReinscriptionWizard
 */

namespace ReinscriptionWizard\Backend;

if (!defined('ABSPATH')) {
    exit;
}

class Storage
{
    /** Under wp-content/uploads unless the option names a folder outside the web root. */
    public const DEFAULT_FOLDER = 'reinscription-wizard-private';

    /**
     * Apache 2.4 and 2.2 alike; nginx ignores it, hence the documented rule
     * `location ^~ /wp-content/uploads/reinscription-wizard-private/ { deny all; }` and the index files.
     */
    private const HTACCESS = "# Reinscription wizard: the families' pieces are served only through signed links, never by the web server.\n"
        . "<IfModule mod_authz_core.c>\n    Require all denied\n</IfModule>\n"
        . "<IfModule !mod_authz_core.c>\n    Order allow,deny\n    Deny from all\n</IfModule>\n";

    private const INDEX_PHP = "<?php\n// Silence is golden.\n";

    private const STORED_NAME = '/^[a-f0-9]{40}$/';

    /** The verdict of publiclyReachable(), kept 12 hours (the settings' saving forgets it). */
    public const REACHABLE_TRANSIENT = 'reinscription_wizard_uploads_reachable';
    public const REACHABLE_TTL = 43200;

    /**
     * The folder, with a trailing slash, created on first use with its deny rules and empty index files.
     *
     * @throws ApiError 500 when it cannot be created (the site's configuration, not the family's fault)
     */
    public static function dir(): string
    {
        $configured = Options::uploadDir();
        if ($configured !== '' && self::isAbsolute($configured)) {
            $dir = rtrim($configured, '/\\') . '/';
        } else {
            $uploads = wp_upload_dir(null, false);
            $dir = rtrim((string) $uploads['basedir'], '/\\') . '/' . self::DEFAULT_FOLDER . '/';
        }
        if (!is_dir($dir)) {
            // 0750: the web server's user and group only, whatever the umask would give.
            if (!wp_mkdir_p($dir)) {
                throw new ApiError(500, 'server-error', 'Le dossier des pièces justificatives ne peut pas être créé.');
            }
            chmod($dir, 0750);
        }
        self::protect($dir);
        return $dir;
    }

    /** The deny rules and index files, written once (and again if someone deleted them). */
    public static function protect(string $dir): void
    {
        $files = ['.htaccess' => self::HTACCESS, 'index.php' => self::INDEX_PHP, 'index.html' => ''];
        foreach ($files as $name => $content) {
            if (!file_exists($dir . $name)) {
                file_put_contents($dir . $name, $content);
            }
        }
    }

    /**
     * Moves a file into the folder under a new random name and returns that name. An upload of this request
     * is moved with move_uploaded_file(); any other path only when the filter allows it (the tests' fixtures).
     */
    public static function save(string $source): string
    {
        $name = bin2hex(random_bytes(20));
        $target = self::dir() . $name;
        if (is_uploaded_file($source)) {
            $moved = move_uploaded_file($source, $target);
        } elseif (apply_filters('reinscription_wizard_accept_local_files', false, $source) && is_file($source)) {
            $moved = rename($source, $target);
        } else {
            $moved = false;
        }
        if (!$moved) {
            throw new ApiError(500, 'server-error', "Le fichier n'a pas pu être enregistré.");
        }
        chmod($target, 0640);
        return $name;
    }

    /** The absolute path of a stored piece, or null when the name is not one of ours or the file is gone. */
    public static function path(string $storedName): ?string
    {
        if (!preg_match(self::STORED_NAME, $storedName)) {
            return null;
        }
        $path = self::dir() . $storedName;
        return is_file($path) ? $path : null;
    }

    public static function delete(string $storedName): void
    {
        $path = self::path($storedName);
        if ($path !== null) {
            wp_delete_file($path);
        }
    }

    /**
     * Whether the web server hands out the folder's files to anyone who asks (a cached verdict, see probe()):
     * true means a family's piece can be downloaded by whoever guesses its name, and the admin says so.
     * Null when unknown: a folder outside what this site publishes, or no loopback HTTP.
     *
     * @param bool $fresh probe again instead of the verdict of the last REACHABLE_TTL seconds
     */
    public static function publiclyReachable(bool $fresh = false): ?bool
    {
        if (!$fresh) {
            $cached = get_transient(self::REACHABLE_TRANSIENT);
            // Wrapped: a transient holding false could not be told from a missing one.
            if (is_array($cached) && array_key_exists('reachable', $cached)) {
                return $cached['reachable'] === null ? null : (bool) $cached['reachable'];
            }
        }
        $verdict = self::probe();
        set_transient(self::REACHABLE_TRANSIENT, ['reachable' => $verdict, 'checkedAt' => time()], self::REACHABLE_TTL);
        return $verdict;
    }

    /** Forgets the verdict, so that the next publiclyReachable() probes (the settings were saved). */
    public static function forgetReachability(): void
    {
        delete_transient(self::REACHABLE_TRANSIENT);
    }

    /**
     * The folder's public address when the site publishes it: the default folder under the uploads, or a
     * configured one inside the WordPress or content folder (the settings refuse those, an older value may be
     * one). Null for a folder outside both, which no URL of this site reaches.
     */
    public static function folderUrl(): ?string
    {
        $configured = Options::uploadDir();
        if ($configured === '') {
            $uploads = wp_upload_dir(null, false);
            return rtrim((string) $uploads['baseurl'], '/') . '/' . self::DEFAULT_FOLDER . '/';
        }
        $folder = trailingslashit(wp_normalize_path($configured));
        $roots = [];
        if (defined('WP_CONTENT_DIR')) {
            $roots[] = [trailingslashit(wp_normalize_path(WP_CONTENT_DIR)), trailingslashit(content_url())];
        }
        $roots[] = [trailingslashit(wp_normalize_path(ABSPATH)), trailingslashit(site_url())];
        foreach ($roots as [$root, $url]) {
            if (strpos($folder, $root) === 0) {
                $rest = substr($folder, strlen($root));
                return $url . implode('/', array_map('rawurlencode', explode('/', rtrim($rest, '/')))) . '/';
            }
        }
        return null;
    }

    /**
     * Puts a file of random content in the folder and asks the web server for it, as a stranger would (no
     * cookie, no redirect): reachable when the content comes back. The .htaccess only works where the host
     * allows overrides (AllowOverride AuthConfig or Limit), and nginx never reads it.
     */
    private static function probe(): ?bool
    {
        $url = self::folderUrl();
        if ($url === null) {
            return null;
        }
        try {
            $dir = self::dir();
        } catch (ApiError $e) {
            return null;
        }
        // Not a stored name (40 hex digits): no signed link can ever point at it.
        $name = 'probe-' . bin2hex(random_bytes(8));
        $secret = bin2hex(random_bytes(16));
        if (file_put_contents($dir . $name, $secret) === false) {
            return null;
        }
        $response = wp_remote_get($url . $name, ['timeout' => 5, 'redirection' => 0, 'sslverify' => false, 'cookies' => []]);
        wp_delete_file($dir . $name);
        if (is_wp_error($response)) {
            return null;
        }
        return (int) wp_remote_retrieve_response_code($response) === 200
            && trim((string) wp_remote_retrieve_body($response)) === $secret;
    }

    private static function isAbsolute(string $path): bool
    {
        return function_exists('path_is_absolute') ? path_is_absolute($path) : ($path[0] === '/');
    }
}
