<?php

/**
 * The backend's tables (created and migrated with dbDelta, versioned by an option) and their names.
 *
 * @package ReinscriptionWizard
 */

namespace ReinscriptionWizard\Backend;

if (!defined('ABSPATH')) {
    exit;
}

class Db
{
    /** Bump with every change of schema(): sites migrate on their next request (plugins_loaded). */
    public const VERSION = '1';

    public const TABLES = ['families', 'students', 'sessions', 'documents', 'submissions', 'declines', 'rate_limits'];

    /** wp_rw_families… */
    public static function table(string $name): string
    {
        global $wpdb;
        if (!in_array($name, self::TABLES, true)) {
            throw new \InvalidArgumentException('Unknown table ' . $name);
        }
        return $wpdb->prefix . 'rw_' . $name;
    }

    /**
     * The CREATE TABLE statements, written for dbDelta: one field per line, two spaces after PRIMARY KEY, KEY not
     * INDEX, no backticks. Idempotency keys and token hashes are ASCII and compared byte for byte (a key differing
     * only by case is another key, as in the mock).
     *
     * @return string[]
     */
    public static function schema(): array
    {
        global $wpdb;
        $c = $wpdb->get_charset_collate();
        $t = [];
        foreach (self::TABLES as $name) {
            $t[$name] = self::table($name);
        }
        return [
            "CREATE TABLE {$t['families']} (
  id varchar(64) NOT NULL,
  identifier varchar(100) NOT NULL,
  identifier_lc varchar(100) NOT NULL,
  email varchar(254) NOT NULL DEFAULT '',
  password_hash varchar(255) NULL,
  guardian longtext NOT NULL,
  payment_mode varchar(64) NULL,
  bank_changed tinyint(1) NULL,
  created_ms bigint(20) NOT NULL DEFAULT 0,
  updated_ms bigint(20) NOT NULL DEFAULT 0,
  PRIMARY KEY  (id),
  UNIQUE KEY identifier (identifier),
  UNIQUE KEY identifier_lc (identifier_lc)
) $c;",
            "CREATE TABLE {$t['students']} (
  id varchar(64) NOT NULL,
  family_id varchar(64) NOT NULL,
  position int(11) NOT NULL DEFAULT 0,
  coordinates longtext NOT NULL,
  courses longtext NOT NULL,
  administrative_applies tinyint(1) NOT NULL DEFAULT 0,
  status varchar(32) NOT NULL DEFAULT 'a-faire',
  draft longtext NULL,
  submission longtext NULL,
  decline_reason text NULL,
  authorisations longtext NULL,
  updated_ms bigint(20) NOT NULL DEFAULT 0,
  PRIMARY KEY  (id),
  KEY family_id (family_id)
) $c;",
            "CREATE TABLE {$t['sessions']} (
  token_hash char(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  family_id varchar(64) NOT NULL,
  expires_ms bigint(20) NOT NULL,
  created_ms bigint(20) NOT NULL,
  PRIMARY KEY  (token_hash),
  KEY family_id (family_id)
) $c;",
            "CREATE TABLE {$t['documents']} (
  id varchar(64) NOT NULL,
  family_id varchar(64) NOT NULL,
  student_id varchar(64) NULL,
  type_code varchar(64) NOT NULL,
  scope varchar(16) NOT NULL,
  file_name varchar(255) NOT NULL,
  size int(10) unsigned NOT NULL,
  mime_type varchar(64) NOT NULL,
  stored_name varchar(80) NOT NULL,
  uploaded_ms bigint(20) NOT NULL,
  PRIMARY KEY  (id),
  KEY family_id (family_id),
  KEY student_id (student_id)
) $c;",
            "CREATE TABLE {$t['submissions']} (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  family_id varchar(64) NOT NULL,
  student_id varchar(64) NOT NULL,
  idempotency_key varchar(200) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  reference varchar(40) NOT NULL,
  request longtext NOT NULL,
  submission longtext NOT NULL,
  rules_version varchar(40) NOT NULL DEFAULT '',
  accepted_ms bigint(20) NOT NULL,
  PRIMARY KEY  (id),
  UNIQUE KEY reference (reference),
  UNIQUE KEY family_key (family_id,idempotency_key),
  KEY student_id (student_id)
) $c;",
            "CREATE TABLE {$t['declines']} (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  family_id varchar(64) NOT NULL,
  student_id varchar(64) NOT NULL,
  reason text NULL,
  declined_ms bigint(20) NOT NULL,
  PRIMARY KEY  (id),
  KEY family_id (family_id)
) $c;",
            "CREATE TABLE {$t['rate_limits']} (
  bucket varchar(191) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  hits int(11) NOT NULL DEFAULT 0,
  window_start_ms bigint(20) NOT NULL,
  PRIMARY KEY  (bucket)
) $c;",
        ];
    }

    /** Creates or updates the tables (activation, or a site whose stored schema version is older). */
    public static function migrate(): void
    {
        require_once ABSPATH . 'wp-admin/includes/upgrade.php';
        dbDelta(self::schema());
        update_option(Options::DB_VERSION, self::VERSION);
    }

    /** plugins_loaded: an update of the plugin's files migrates without a re-activation. */
    public static function maybeMigrate(): void
    {
        if (version_compare(Options::dbVersion(), self::VERSION, '<')) {
            self::migrate();
        }
    }

    /** Empties every table (tests, and the test mu-plugin's reset). */
    public static function truncateAll(): void
    {
        global $wpdb;
        foreach (self::TABLES as $name) {
            // A table name cannot be a prepare() placeholder before WordPress 6.2 (%i); it is ours, never input.
            $wpdb->query('TRUNCATE TABLE ' . self::table($name));
        }
    }
}
