<?php

/**
 * Plugin Name: Reinscription wizard: test control (TEST ONLY)
 * Description: The backend-neutral test-control interface of the contract suite, served by WordPress under
 *              /wp-json/reinscription-test/v1 (the mock serves the same under /__mock). NEVER SHIPPED: the plugin
 *              zip does not contain it; scripts/wordpress/backend-site.mjs copies it into a throwaway site's
 *              wp-content/mu-plugins. Loopback clients only, and no other check: it resets the database.
 *
 *   POST reset {fixture?: 'seed'}              → {reset: true}   the seed family, the campaign open around today,
 *                                                                the real clock, no fault, an empty outbox
 *   POST seed {families: SeedFamily[]}         → {seeded: n}     families in src/mocks/seed.ts's shape
 *   POST session {identifier?}                 → Session         a logged-in token without the password
 *   POST clock {now: ISO | null}               → {now: ISO}      moves the server's clock (it keeps running)
 *   POST campaign {opensAt?, closesAt?, documentsUntil?} → {ok: true}
 *   POST scenario {name, routes?, times?, delayMs?, fieldErrors?} → {name, options}  the mock's fault scenarios
 *   GET  outbox                                → SentMail[]      every wp_mail, captured by pre_wp_mail (kind
 *                                                                'other' for WordPress's own mails)
 *   GET  info                                  → {sapi, php, authorization: {HTTP_AUTHORIZATION, REDIRECT_…, getallheaders}}
 *   POST observe {url: string | null}          → {ok: true}      WordPress only: each stored piece's bytes are
 *                                                                POSTed there (scripts/wordpress-backend-e2e.mjs)
 *
 * Built on the plugin's classes (Db, Clock, Options, Campaign) and its test seam, the filter
 * `reinscription_wizard_pre_route` (a WP_REST_Response returned there is the route's answer).
 * The site's files: REINSCRIPTION_TEST_SEED_FILE (JSON {families, demo, routes} made by backend-site.mjs).
 *
 * @package ReinscriptionWizard
 */

namespace ReinscriptionWizard\TestControl;

use ReinscriptionWizard\Backend\Clock;
use ReinscriptionWizard\Backend\Db;
use ReinscriptionWizard\Backend\Options;

if (!defined('ABSPATH')) {
    exit;
}

const NS = 'reinscription-test/v1';
const STATE = 'reinscription_test_state';
const OUTBOX = 'reinscription_test_outbox';
const OBSERVER = 'reinscription_test_upload_observer';
const RETRY_AFTER_SECONDS = 30;
const SLOW_DELAY_MS = 3000;

/** The mock's 'malformed-json' body (src/mocks/handlers.ts MALFORMED_JSON). */
const MALFORMED_JSON = "<br />\n<b>Warning</b>: session_start(): headers already sent {\"savedAt\": \"2026-";

/** The field the 'validation-error' scenario blames, per route (handlers.ts SCENARIO_FIELD). */
const SCENARIO_FIELD = [
    'login' => 'identifier',
    'passwordReset' => 'email',
    'updateFamily' => 'guardian.email',
    'saveDraft' => 'answers.guardian.phoneMobile',
    'submit' => 'answers.guardian.email',
    'decline' => 'reason',
    'upload' => 'file',
];

/** A refused draft blames a field of the step being left, read from the step it goes to (handlers.ts DRAFT_FIELD_BY_NEXT_STEP). */
const DRAFT_FIELD_BY_NEXT_STEP = [
    3 => 'answers.authorisations.image',
    5 => 'answers.additionalInfo',
];

const SCENARIO_NAMES = [
    'none', 'network-error', 'slow', 'server-error', 'session-expired', 'validation-error', 'rate-limited',
    'lost-response', 'mail-error', 'forbidden', 'not-found', 'conflict', 'too-large', 'unavailable',
    'malformed-json', 'contract-break',
];

/**
 * The routes of src/api/routes.ts: method, path, auth, whether they have a request and a response body.
 * backend-site.mjs writes the real table into the seed file; this copy is the fallback.
 */
const ROUTES = [
    'login' => ['POST', '/session', false, true, true],
    'extendSession' => ['POST', '/session/extend', true, false, true],
    'logout' => ['DELETE', '/session', true, false, false],
    'passwordReset' => ['POST', '/password-reset', false, true, true],
    'campaign' => ['GET', '/campaign', false, false, true],
    'family' => ['GET', '/family', true, false, true],
    'updateFamily' => ['PUT', '/family', true, true, true],
    'registration' => ['GET', '/students/{studentId}/registration', true, false, true],
    'saveDraft' => ['PUT', '/students/{studentId}/draft', true, true, true],
    'submit' => ['POST', '/students/{studentId}/submission', true, true, true],
    'decline' => ['POST', '/students/{studentId}/decline', true, true, true],
    'upload' => ['POST', '/documents', true, true, true],
    'deleteDocument' => ['DELETE', '/documents/{documentId}', true, false, false],
    'documentLink' => ['GET', '/documents/{documentId}/link', true, false, true],
];

// ---------------------------------------------------------------- state

/**
 * The control's state: the clock's offset and the fault scenario. Read once per request (the clock filter runs
 * often), again when `$fresh` (a fault's `times` counts down across requests).
 *
 * @return array{clockOffsetMs: int, scenario: array}
 */
function state(bool $fresh = false): array
{
    if ($fresh || !isset($GLOBALS['reinscription_test_state'])) {
        wp_cache_delete(STATE, 'options');
        $s = get_option(STATE, []);
        $s = is_array($s) ? $s : [];
        $GLOBALS['reinscription_test_state'] = [
            'clockOffsetMs' => isset($s['clockOffsetMs']) ? (int) $s['clockOffsetMs'] : 0,
            'scenario' => isset($s['scenario']) && is_array($s['scenario']) ? $s['scenario'] : ['name' => 'none'],
        ];
    }
    return $GLOBALS['reinscription_test_state'];
}

function saveState(array $s): void
{
    update_option(STATE, $s, false);
    $GLOBALS['reinscription_test_state'] = $s;
}

function realNowMs(): int
{
    return (int) round(microtime(true) * 1000);
}

/** The server's time as the plugin's Clock gives it (the plugin may not be loaded yet: WordPress's install mail). */
function nowIso(): string
{
    if (class_exists(Clock::class)) {
        return Clock::iso(Clock::nowMs());
    }
    $ms = realNowMs() + state()['clockOffsetMs'];
    return gmdate('Y-m-d\\TH:i:s', intdiv($ms, 1000)) . sprintf('.%03dZ', $ms % 1000);
}

/** @return array{families: array, demo: array, routes: array} */
function seedData(): array
{
    static $data = null;
    if ($data === null) {
        $file = defined('REINSCRIPTION_TEST_SEED_FILE') ? REINSCRIPTION_TEST_SEED_FILE : '';
        $raw = $file !== '' && is_readable($file) ? file_get_contents($file) : '';
        $data = $raw ? json_decode($raw, true) : null;
        if (!is_array($data)) {
            $data = ['families' => [], 'demo' => ['identifier' => 'LIMONEST-0001']];
        }
    }
    return $data;
}

/** [method, path, auth, hasRequest, hasResponse] of a route name. */
function route(string $name): ?array
{
    $routes = seedData()['routes'] ?? null;
    if (is_array($routes) && isset($routes[$name])) {
        $r = $routes[$name];
        return [$r['method'], $r['path'], (bool) $r['auth'], (bool) $r['request'], (bool) $r['response']];
    }
    return ROUTES[$name] ?? null;
}

// ---------------------------------------------------------------- the clock

add_filter(
    'reinscription_wizard_now_ms',
    function ($ms) {
        $offset = state()['clockOffsetMs'];
        return $offset ? (int) $ms + $offset : $ms;
    },
    1000
);

// ---------------------------------------------------------------- faults

/** src/mocks/scenarios.ts scenarioApplies(). */
function scenarioApplies(string $name, string $routeName): bool
{
    $r = route($routeName);
    if ($r === null) {
        return false;
    }
    [$method, $path, $auth, $hasRequest, $hasResponse] = $r;
    switch ($name) {
        case 'none':
            return false;
        case 'session-expired':
            return $auth;
        case 'validation-error':
        case 'too-large':
            return $hasRequest;
        case 'lost-response':
            return $method !== 'GET';
        case 'conflict':
            return $auth && $method !== 'GET' && strpos($path, '/session') !== 0;
        case 'malformed-json':
        case 'contract-break':
            return $hasResponse;
        case 'mail-error':
            return $routeName === 'submit';
        default:
            return true;
    }
}

/** The fault for this call, counted against `times` (Scenarios.take()), or null. */
function takeFault(string $routeName): ?array
{
    $s = state(true);
    $sc = $s['scenario'];
    $name = (string) ($sc['name'] ?? 'none');
    if ($name === 'none' || !scenarioApplies($name, $routeName)) {
        return null;
    }
    if (!empty($sc['routes']) && !in_array($routeName, (array) $sc['routes'], true)) {
        return null;
    }
    $fault = ['name' => $name, 'delayMs' => isset($sc['delayMs']) ? (int) $sc['delayMs'] : SLOW_DELAY_MS];
    if (isset($sc['fieldErrors'])) {
        $fault['fieldErrors'] = $sc['fieldErrors'];
    }
    if (isset($sc['times'])) {
        $sc['times'] = (int) $sc['times'] - 1;
        $s['scenario'] = $sc['times'] <= 0 ? ['name' => 'none'] : $sc;
        saveState($s);
    }
    return $fault;
}

function errorResponse(int $status, array $body, array $headers = []): \WP_REST_Response
{
    $response = new \WP_REST_Response($body, $status);
    $response->header('Cache-Control', 'no-store');
    foreach ($headers as $k => $v) {
        $response->header($k, $v);
    }
    return $response;
}

/** What the current request's fault does to its answer (the filters below read it). */
$GLOBALS['reinscription_test_request'] = ['route' => null, 'fault' => null];

add_filter(
    'reinscription_wizard_pre_route',
    function ($early, $routeName, $request) {
        $GLOBALS['reinscription_test_request']['route'] = (string) $routeName;
        if ($early !== null) {
            return $early;
        }
        $fault = takeFault((string) $routeName);
        if ($fault === null) {
            return null;
        }
        $GLOBALS['reinscription_test_request']['fault'] = $fault['name'];
        $retry = ['Retry-After' => (string) RETRY_AFTER_SECONDS];
        switch ($fault['name']) {
            case 'server-error':
                return errorResponse(500, ['code' => 'server-error', 'message' => 'Erreur interne du serveur (simulée).']);
            case 'session-expired':
                return errorResponse(401, ['code' => 'session-expired', 'message' => 'La session a expiré.']);
            case 'validation-error':
                if (isset($fault['fieldErrors'])) {
                    return errorResponse(422, ['code' => 'validation', 'fieldErrors' => (object) $fault['fieldErrors']]);
                }
                $field = SCENARIO_FIELD[$routeName] ?? '';
                if ($routeName === 'saveDraft') {
                    $body = json_decode((string) $request->get_body(), true);
                    $step = is_array($body) && is_int($body['step'] ?? null) ? $body['step'] : null;
                    $field = ($step !== null ? (DRAFT_FIELD_BY_NEXT_STEP[$step] ?? null) : null) ?? $field;
                }
                return errorResponse(422, ['code' => 'validation', 'fieldErrors' => [$field => ['validation.invalid']]]);
            case 'rate-limited':
                return errorResponse(429, ['code' => 'rate-limited', 'message' => 'Trop de tentatives.'], $retry);
            case 'forbidden':
                return errorResponse(403, ['code' => 'forbidden', 'message' => 'Action interdite pour ce compte (simulé).']);
            case 'not-found':
                return errorResponse(404, ['code' => 'not-found', 'message' => 'Introuvable (simulé).']);
            case 'conflict':
                return errorResponse(409, ['code' => 'conflict', 'message' => 'Le dossier a changé entre-temps (simulé).']);
            case 'too-large':
                return errorResponse(413, ['code' => 'too-large', 'message' => 'Requête trop volumineuse (simulé).']);
            case 'unavailable':
                $body = ['code' => 'unavailable', 'message' => 'Service indisponible (simulé).'];
                return errorResponse(503, $body, $retry);
            case 'malformed-json':
                // rest_pre_serve_request below prints the raw text instead of this body.
                return errorResponse(200, ['malformed' => true]);
            case 'contract-break':
                $body = ['data' => null, 'error' => null, 'version' => 'v0', 'note' => 'Réponse hors contrat (simulée).'];
                return errorResponse(200, $body);
            case 'slow':
                usleep(max(0, $fault['delayMs']) * 1000);
                return null;
            case 'network-error':
            case 'lost-response':
                // PHP cannot reset the connection: the closest is an answer cut short after the headers.
                if ($fault['name'] === 'lost-response') {
                    $GLOBALS['reinscription_test_request']['cut'] = true;
                    return null;
                }
                $GLOBALS['reinscription_test_request']['cut'] = true;
                return errorResponse(200, []);
            default:
                // mail-error: the route runs; pre_wp_mail below makes the mail fail.
                return null;
        }
    },
    10,
    3
);

add_filter(
    'rest_pre_serve_request',
    function ($served, $result) {
        $current = $GLOBALS['reinscription_test_request'];
        if ($current['fault'] === 'malformed-json') {
            status_header(200);
            header('Content-Type: application/json; charset=UTF-8');
            header('Cache-Control: no-store');
            echo MALFORMED_JSON;
            return true;
        }
        if (!empty($current['cut'])) {
            // Announce more than is sent: the client sees the answer end early.
            header('Content-Length: 1000');
            header('Content-Type: application/json; charset=UTF-8');
            echo '{"cut":';
            return true;
        }
        return $served;
    },
    5,
    2
);

// ---------------------------------------------------------------- the outbox

add_filter(
    'pre_wp_mail',
    function ($null, $atts) {
        $to = $atts['to'] ?? '';
        $to = is_array($to) ? implode(', ', $to) : (string) $to;
        $subject = (string) ($atts['subject'] ?? '');
        $body = (string) ($atts['message'] ?? '');
        $route = $GLOBALS['reinscription_test_request']['route'];
        // The plugin's two mails by the route that sends them; WordPress's own (the install's…) are 'other'.
        $isReset = $route === 'passwordReset';
        $kind = $isReset ? 'password-reset' : ($route === 'submit' ? 'receipt' : 'other');
        $password = '';
        if ($isReset && preg_match('/mot de passe[^:\n]*:\s*(\S+)/iu', $body, $m)) {
            $password = $m[1];
        } elseif ($isReset && preg_match('/password[^:\n]*:\s*(\S+)/i', $body, $m)) {
            $password = $m[1];
        }
        $mail = [
            'kind' => $kind,
            'to' => $to,
            'subject' => $subject,
            'body' => $body,
            'password' => $password,
            'sentAt' => nowIso(),
        ];
        if ($kind === 'receipt' && preg_match('/\b([A-Z]{2,10}-\d{4}-\d{2,})\b/', $subject . "\n" . $body, $m)) {
            $mail['receipt'] = ['reference' => $m[1]];
        }
        if ($GLOBALS['reinscription_test_request']['fault'] === 'mail-error') {
            // The mail server is down: nothing is sent, wp_mail() returns false.
            return false;
        }
        wp_cache_delete(OUTBOX, 'options');
        $outbox = get_option(OUTBOX, []);
        $outbox = is_array($outbox) ? $outbox : [];
        $outbox[] = $mail;
        update_option(OUTBOX, $outbox, false);
        return true;
    },
    10,
    2
);

// ---------------------------------------------------------------- the upload observer

/**
 * A test's own server that gets the bytes of every piece stored (POST {control}/observe {url}): the journey checks
 * what the backend really kept, as it does with the mock's store. Called before the upload's answer leaves, so the
 * test has them when the page shows the piece as sent.
 */
add_filter(
    'rest_request_after_callbacks',
    function ($response, $handler, $request) {
        $url = get_option(OBSERVER, '');
        $route = $request instanceof \WP_REST_Request ? $request->get_route() : '';
        if (!is_string($url) || $url === '' || $request->get_method() !== 'POST' || !preg_match('#^/reinscription/v1/documents/?$#', $route)) {
            return $response;
        }
        if ($response instanceof \WP_REST_Response) {
            $data = $response->get_status() === 201 ? $response->get_data() : null;
        } else {
            $data = is_array($response) ? $response : null;
        }
        if (!is_array($data) || !isset($data['id']) || !class_exists('ReinscriptionWizard\Backend\Storage')) {
            return $response;
        }
        global $wpdb;
        $sql = 'SELECT family_id, student_id, type_code, file_name, stored_name FROM ' . table('documents') . ' WHERE id = %s';
        $row = $wpdb->get_row($wpdb->prepare($sql, $data['id']));
        $path = $row ? \ReinscriptionWizard\Backend\Storage::path((string) $row->stored_name) : null;
        if (!$row || !$path || !is_readable($path)) {
            return $response;
        }
        wp_remote_post(
            $url,
            [
                'timeout' => 15,
                'body' => (string) file_get_contents($path),
                'headers' => [
                    'Content-Type' => 'application/octet-stream',
                    'X-Family-Id' => (string) $row->family_id,
                    'X-Student-Id' => (string) $row->student_id,
                    'X-Type-Code' => (string) $row->type_code,
                    'X-File-Name' => rawurlencode((string) $row->file_name),
                    'X-Document-Id' => (string) $data['id'],
                ],
            ]
        );
        return $response;
    },
    10,
    3
);

// ---------------------------------------------------------------- reset and seed

function table(string $name): string
{
    global $wpdb;
    return class_exists(Db::class) ? Db::table($name) : $wpdb->prefix . 'rw_' . $name;
}

/** The mock's nextSchoolYear(closesAt): the school year starting on the first 1 September after it. */
function nextSchoolYear(int $closesMs): string
{
    [$year, $month] = array_map('intval', explode('-', Clock::parisDate($closesMs)));
    $start = $month >= 9 ? $year + 1 : $year;
    return $start . '-' . ($start + 1);
}

/** The campaign's dates as the mock's reset computes them from today (Paris). */
function resetCampaign(): void
{
    $today = Clock::parisDate(Clock::nowMs());
    $day = function (string $date, int $days): string {
        return (new \DateTimeImmutable($date . ' 12:00:00', new \DateTimeZone('UTC')))
            ->modify(($days >= 0 ? '+' : '') . $days . ' days')->format('Y-m-d');
    };
    $closesDate = $day($today, 10);
    $closes = Clock::parisInstant($closesDate, '23:59');
    update_option(
        Options::CAMPAIGN,
        [
            'school_year' => nextSchoolYear($closes),
            'opens_at' => $day($today, -20) . 'T00:00',
            'closes_at' => $closesDate . 'T23:59',
            'documents_until' => $day($closesDate, 14) . 'T23:59',
        ]
    );
}

/** Inserts families in the seed's shape; a clash is a 409 and adds nothing (MockStore.seed()). */
function seedFamilies(array $families): void
{
    global $wpdb;
    $now = Clock::nowMs();
    $ids = [];
    $identifiers = [];
    $students = [];
    foreach ($families as $f) {
        $identifier = (string) ($f['account']['identifier'] ?? '');
        $lc = strtolower(trim($identifier));
        $clash = isset($ids[$f['id']]) || isset($identifiers[$lc])
            || $wpdb->get_var($wpdb->prepare('SELECT COUNT(*) FROM ' . table('families') . ' WHERE id = %s OR identifier_lc = %s', $f['id'], $lc));
        foreach ($f['students'] ?? [] as $s) {
            $clash = $clash || isset($students[$s['id']])
                || $wpdb->get_var($wpdb->prepare('SELECT COUNT(*) FROM ' . table('students') . ' WHERE id = %s', $s['id']));
            $students[$s['id']] = true;
        }
        if ($clash) {
            throw new ControlError(409, 'conflict', 'La famille ' . $f['id'] . " (ou l'un de ses élèves) existe déjà.");
        }
        $ids[$f['id']] = true;
        $identifiers[$lc] = true;
    }
    foreach ($families as $f) {
        $password = (string) ($f['account']['password'] ?? '');
        $ok = $wpdb->insert(
            table('families'),
            [
                'id' => $f['id'],
                'identifier' => trim((string) $f['account']['identifier']),
                'identifier_lc' => strtolower(trim((string) $f['account']['identifier'])),
                'email' => (string) $f['account']['email'],
                'password_hash' => $password === '' ? null : wp_hash_password($password),
                'guardian' => wp_json_encode($f['guardian']),
                'payment_mode' => $f['paymentMode'] ?? null,
                'bank_changed' => isset($f['bankChanged']) ? (int) (bool) $f['bankChanged'] : null,
                'created_ms' => $now,
                'updated_ms' => $now,
            ],
            ['%s', '%s', '%s', '%s', '%s', '%s', '%s', '%d', '%d', '%d']
        );
        if ($ok === false) {
            throw new ControlError(500, 'server-error', 'families: ' . $wpdb->last_error);
        }
        foreach (array_values($f['students'] ?? []) as $position => $s) {
            $ok = $wpdb->insert(
                table('students'),
                [
                    'id' => $s['id'],
                    'family_id' => $f['id'],
                    'position' => $position,
                    'coordinates' => wp_json_encode($s['coordinates']),
                    'courses' => wp_json_encode($s['courses']),
                    'administrative_applies' => (int) (bool) ($s['administrativeReregistrationApplies'] ?? false),
                    'status' => 'a-faire',
                    'updated_ms' => $now,
                ],
                ['%s', '%s', '%d', '%s', '%s', '%d', '%s', '%d']
            );
            if ($ok === false) {
                throw new ControlError(500, 'server-error', 'students: ' . $wpdb->last_error);
            }
        }
    }
}

/** The pieces' folder emptied (its deny rules kept): the tables that named them are gone. */
function emptyStorage(): void
{
    if (!class_exists('ReinscriptionWizard\Backend\Storage') || !method_exists('ReinscriptionWizard\Backend\Storage', 'dir')) {
        return;
    }
    $dir = \ReinscriptionWizard\Backend\Storage::dir();
    if (!is_string($dir) || $dir === '' || !is_dir($dir)) {
        return;
    }
    foreach ((array) glob(rtrim($dir, '/') . '/*') as $file) {
        if (is_file($file) && preg_match('/^[a-f0-9]{16,}$/', basename($file))) {
            unlink($file);
        }
    }
}

function resetAll(): void
{
    global $wpdb;
    if (class_exists(Db::class) && method_exists(Db::class, 'truncateAll')) {
        Db::truncateAll();
    } else {
        foreach (['families', 'students', 'sessions', 'documents', 'submissions', 'declines', 'rate_limits'] as $t) {
            $wpdb->query('DELETE FROM ' . table($t)); // phpcs:ignore -- table names only
        }
    }
    emptyStorage();
    saveState(['clockOffsetMs' => 0, 'scenario' => ['name' => 'none']]);
    update_option(OUTBOX, [], false);
    update_option(OBSERVER, '', false);
    resetCampaign();
    seedFamilies(seedData()['families']);
}

// ---------------------------------------------------------------- sessions

function openSession(string $identifier): array
{
    global $wpdb;
    $familyId = $wpdb->get_var(
        $wpdb->prepare('SELECT id FROM ' . table('families') . ' WHERE identifier_lc = %s', strtolower(trim($identifier)))
    );
    if (!$familyId) {
        throw new ControlError(404, 'not-found', 'Famille introuvable.');
    }
    $accounts = 'ReinscriptionWizard\Backend\Accounts';
    if (class_exists($accounts) && method_exists($accounts, 'openSession')) {
        return $accounts::openSession((string) $familyId);
    }
    $now = Clock::nowMs();
    $token = bin2hex(random_bytes(32));
    $expires = $now + Options::sessionMinutes() * 60000;
    $wpdb->insert(
        table('sessions'),
        ['token_hash' => hash('sha256', $token), 'family_id' => $familyId, 'expires_ms' => $expires, 'created_ms' => $now],
        ['%s', '%s', '%d', '%d']
    );
    return ['token' => $token, 'expiresAt' => Clock::iso($expires), 'serverNow' => Clock::iso($now)];
}

// ---------------------------------------------------------------- routes

class ControlError extends \Exception
{
    public $status;
    public $codeName;

    public function __construct(int $status, string $code, string $message)
    {
        parent::__construct($message);
        $this->status = $status;
        $this->codeName = $code;
    }
}

function isLoopback(): bool
{
    $ip = isset($_SERVER['REMOTE_ADDR']) ? (string) $_SERVER['REMOTE_ADDR'] : '';
    return in_array($ip, ['127.0.0.1', '::1', '::ffff:127.0.0.1'], true);
}

function body(\WP_REST_Request $request): array
{
    $raw = (string) $request->get_body();
    if (trim($raw) === '') {
        return [];
    }
    $json = json_decode($raw, true);
    if (!is_array($json)) {
        throw new ControlError(422, 'validation', 'JSON attendu.');
    }
    return $json;
}

function instant($value, string $field): ?string
{
    if ($value === null) {
        return null;
    }
    if (!is_string($value) || Clock::parseInstant($value) === null) {
        throw new ControlError(422, 'validation', $field . ': un instant ISO 8601 est attendu.');
    }
    return $value;
}

function control(callable $fn): callable
{
    return function (\WP_REST_Request $request) use ($fn) {
        try {
            $response = new \WP_REST_Response($fn(body($request)), 200);
        } catch (ControlError $e) {
            $response = new \WP_REST_Response(['code' => $e->codeName, 'message' => $e->getMessage()], $e->status);
        } catch (\Throwable $e) {
            $response = new \WP_REST_Response(['code' => 'server-error', 'message' => get_class($e) . ': ' . $e->getMessage()], 500);
        }
        $response->header('Cache-Control', 'no-store');
        return $response;
    };
}

add_action(
    'rest_api_init',
    function () {
        $loopback = function () {
            return isLoopback() ? true : new \WP_Error('forbidden', 'Test control: loopback only.', ['status' => 403]);
        };
        $post = function (string $path, callable $fn) use ($loopback) {
            register_rest_route(NS, $path, ['methods' => 'POST', 'callback' => control($fn), 'permission_callback' => $loopback]);
        };
        $post('/reset', function (array $b) {
            $fixture = $b['fixture'] ?? 'seed';
            if ($fixture !== 'seed') {
                throw new ControlError(422, 'validation', 'fixture: seule « seed » existe côté WordPress.');
            }
            resetAll();
            return ['reset' => true, 'fixture' => 'seed', 'documents' => []];
        });
        $post('/seed', function (array $b) {
            if (!isset($b['families']) || !is_array($b['families'])) {
                throw new ControlError(422, 'validation', 'families: une liste est attendue.');
            }
            seedFamilies($b['families']);
            return ['seeded' => count($b['families'])];
        });
        $post('/session', function (array $b) {
            $identifier = isset($b['identifier']) ? (string) $b['identifier'] : (string) (seedData()['demo']['identifier'] ?? '');
            return openSession($identifier);
        });
        $post('/clock', function (array $b) {
            if (!array_key_exists('now', $b)) {
                throw new ControlError(422, 'validation', 'now: un instant ISO 8601 ou null est attendu.');
            }
            $now = instant($b['now'], 'now');
            $s = state(true);
            $s['clockOffsetMs'] = $now === null ? 0 : Clock::parseInstant($now) - realNowMs();
            saveState($s);
            return ['now' => Clock::iso(realNowMs() + $s['clockOffsetMs'])];
        });
        $post('/campaign', function (array $b) {
            $campaign = get_option(Options::CAMPAIGN, []);
            $campaign = is_array($campaign) ? $campaign : [];
            foreach (['opensAt' => 'opens_at', 'closesAt' => 'closes_at', 'documentsUntil' => 'documents_until'] as $in => $key) {
                $value = instant($b[$in] ?? null, $in);
                if ($value !== null) {
                    $campaign[$key] = $value;
                }
            }
            update_option(Options::CAMPAIGN, $campaign);
            return ['ok' => true];
        });
        $post('/scenario', function (array $b) {
            $name = $b['name'] ?? null;
            if (!in_array($name, SCENARIO_NAMES, true)) {
                throw new ControlError(422, 'validation', 'name: un scénario connu est attendu.');
            }
            $scenario = ['name' => $name];
            if (isset($b['routes'])) {
                foreach ((array) $b['routes'] as $r) {
                    if (route((string) $r) === null) {
                        throw new ControlError(422, 'validation', 'routes: route inconnue ' . $r . '.');
                    }
                }
                $scenario['routes'] = array_values((array) $b['routes']);
            }
            foreach (['times', 'delayMs'] as $k) {
                if (isset($b[$k])) {
                    $scenario[$k] = (int) $b[$k];
                }
            }
            if (isset($b['fieldErrors'])) {
                $valid = is_array($b['fieldErrors']);
                foreach ($valid ? $b['fieldErrors'] : [] as $path => $ids) {
                    $valid = $valid && is_string($path) && $path !== '' && is_array($ids) && count(array_filter($ids, 'is_string')) === count($ids);
                }
                if (!$valid) {
                    throw new ControlError(422, 'validation', 'fieldErrors: {chemin: [identifiants]} est attendu.');
                }
                $scenario['fieldErrors'] = $b['fieldErrors'];
            }
            $s = state(true);
            $s['scenario'] = $scenario;
            saveState($s);
            $options = $scenario;
            unset($options['name']);
            return ['name' => $name, 'options' => (object) $options];
        });
        $post('/observe', function (array $b) {
            $url = $b['url'] ?? null;
            if ($url !== null && (!is_string($url) || !preg_match('#^http://(127\.0\.0\.1|localhost)(:\d+)?/#', $url))) {
                throw new ControlError(422, 'validation', 'url: une adresse http://127.0.0.1:PORT/ ou null est attendue.');
            }
            update_option(OBSERVER, $url ?? '', false);
            return ['ok' => true];
        });
        register_rest_route(
            NS,
            '/info',
            [
                'methods' => 'GET',
                'permission_callback' => $loopback,
                // Which PHP answers and where an Authorization header reached it (the php-fpm checks).
                'callback' => control(function () {
                    $where = [];
                    foreach (['HTTP_AUTHORIZATION', 'REDIRECT_HTTP_AUTHORIZATION'] as $key) {
                        $where[$key] = isset($_SERVER[$key]) && $_SERVER[$key] !== '';
                    }
                    $headers = function_exists('getallheaders') ? array_change_key_case((array) getallheaders()) : [];
                    $where['getallheaders'] = isset($headers['authorization']) && $headers['authorization'] !== '';
                    return ['sapi' => PHP_SAPI, 'php' => PHP_VERSION, 'authorization' => $where];
                }),
            ]
        );
        register_rest_route(
            NS,
            '/outbox',
            [
                'methods' => 'GET',
                'permission_callback' => $loopback,
                'callback' => control(function () {
                    wp_cache_delete(OUTBOX, 'options');
                    $outbox = get_option(OUTBOX, []);
                    return is_array($outbox) ? array_values($outbox) : [];
                }),
            ]
        );
    }
);
