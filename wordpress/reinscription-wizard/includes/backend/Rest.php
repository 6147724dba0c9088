<?php

/**
 * The contract's routes under /wp-json/reinscription/v1/ (one per operation of data/openapi.json), with the mock's
 * plumbing (src/mocks/handlers.ts): the test seam, the bearer check, the body checked against the route's schema
 * (422 with field paths), the domain, and the answer checked against the response schema when asked; ErrorBody JSON
 * for every refusal, Cache-Control: no-store, CORS for another origin with bearer tokens (never credentials).
 *
 * @package ReinscriptionWizard
 */

namespace ReinscriptionWizard\Backend;

if (!defined('ABSPATH')) {
    exit;
}

class Rest
{
    public const NS = 'reinscription/v1';

    private const IDEMPOTENCY_KEY = '/^[\x21-\x7e]{1,200}$/';

    /** Registers the hooks; called once when the plugin loads. */
    public static function hooks(): void
    {
        add_action('rest_api_init', [self::class, 'register']);
        add_filter('rest_request_before_callbacks', [self::class, 'beforeCallbacks'], 10, 3);
        add_filter('rest_post_dispatch', [self::class, 'postDispatch'], 10, 3);
        add_filter('rest_pre_serve_request', [self::class, 'corsHeaders'], 20, 3);
        add_filter('rest_allowed_cors_headers', [self::class, 'allowedHeaders']);
        add_filter('rest_exposed_cors_headers', [self::class, 'exposedHeaders']);
    }

    /** rest_api_init: every operation of the contract, then GET /files/{token} (the short-lived links). */
    public static function register(): void
    {
        try {
            $operations = Validator::instance()->operations();
        } catch (\Throwable $e) {
            // Without data/openapi.json the backend cannot answer; the rest of the site's REST API must go on.
            self::unexpected($e, 'register');
            return;
        }
        $byPath = [];
        foreach ($operations as $name => $op) {
            $byPath[$op['path']][] = [
                'methods' => $op['method'],
                'callback' => static function (\WP_REST_Request $request) use ($name, $op) {
                    return Rest::dispatch($name, $op['operation'], $request);
                },
                'permission_callback' => '__return_true',
            ];
        }
        foreach ($byPath as $path => $endpoints) {
            $pattern = preg_replace('/\{(\w+)\}/', '(?P<$1>[^/]+)', $path);
            register_rest_route(self::NS, $pattern, $endpoints);
        }
        register_rest_route(self::NS, '/files/(?P<token>[A-Za-z0-9_-]+)', [
            'methods' => 'GET',
            'callback' => [self::class, 'file'],
            'permission_callback' => '__return_true',
        ]);
    }

    /** One contract route, as the mock's answer(): errors are ApiError, anything else unexpected is a 500. */
    public static function dispatch(string $name, array $operation, \WP_REST_Request $request): \WP_REST_Response
    {
        try {
            $early = apply_filters('reinscription_wizard_pre_route', null, $name, $request);
            if ($early instanceof \WP_REST_Response) {
                return self::noStore($early);
            }
            $auth = !empty($operation['security']);
            $session = $auth ? Accounts::authenticate(self::authorization($request)) : null;
            $validator = Validator::instance();
            $schema = $validator->requestSchema($name);
            $body = null;
            $file = null;
            if (isset($operation['requestBody']['content']['multipart/form-data'])) {
                $body = self::formFields($request, $schema);
                $files = $request->get_file_params();
                $file = isset($files['file']['name']) && is_string($files['file']['name']) ? $files['file'] : null;
            } elseif ($schema !== null) {
                $body = self::jsonBody($request, $schema);
            }
            $result = self::call($name, $request, $session, $body, $file);
            $status = self::successStatus($operation);
            $responseSchema = $validator->responseSchema($name, $status);
            if ($responseSchema === null) {
                return self::noStore(new \WP_REST_Response(null, $status));
            }
            if (self::checkResponses()) {
                $checked = $validator->validate($responseSchema, Validator::asJson($result));
                if ($checked['errors']) {
                    return self::violation($name, $checked['errors']);
                }
            }
            return self::noStore(new \WP_REST_Response($result, $status));
        } catch (ApiError $e) {
            return self::error($e);
        } catch (\Throwable $e) {
            return self::unexpected($e, $name);
        }
    }

    /** A failure no route expects: 500 server-error for the family, the details for the site's log only. */
    private static function unexpected(\Throwable $e, string $name): \WP_REST_Response
    {
        do_action('reinscription_wizard_server_error', $e, $name);
        if (defined('WP_DEBUG') && WP_DEBUG && !filter_var(ini_get('display_errors'), FILTER_VALIDATE_BOOLEAN)) {
            // Into debug.log (WP_DEBUG_LOG), never into the answer.
            trigger_error(
                esc_html('reinscription/v1 ' . $name . ': ' . get_class($e) . ': ' . $e->getMessage() . ' at ' . $e->getFile() . ':' . $e->getLine()),
                E_USER_WARNING
            );
        }
        return self::error(new ApiError(500, 'server-error', 'Erreur interne du serveur.'));
    }

    /** GET /files/{token}: the bytes of a short-lived link (Documents streams them and the request ends there). */
    public static function file(\WP_REST_Request $request): \WP_REST_Response
    {
        try {
            $early = apply_filters('reinscription_wizard_pre_route', null, 'file', $request);
            if ($early instanceof \WP_REST_Response) {
                return self::noStore($early);
            }
            Documents::serve((string) $request->get_param('token'));
            exit;
        } catch (ApiError $e) {
            return self::error($e);
        } catch (\Throwable $e) {
            return self::unexpected($e, 'file');
        }
    }

    /** The domain call of each route (src/mocks/handlers.ts implementations()). */
    private static function call(string $name, \WP_REST_Request $request, ?array $session, $body, ?array $file)
    {
        $familyId = $session['familyId'] ?? '';
        $studentId = (string) $request->get_param('studentId');
        $documentId = (string) $request->get_param('documentId');
        switch ($name) {
            case 'login':
                return Accounts::login($body['identifier'], $body['password'], self::clientIp());
            case 'extendSession':
                return Accounts::extendSession($session);
            case 'logout':
                Accounts::logout($session);
                return null;
            case 'passwordReset':
                Accounts::requestPasswordReset($body['identifier'], $body['email'], self::clientIp());
                return ['accepted' => true];
            case 'campaign':
                return Campaign::json();
            case 'family':
                return Registrations::family($familyId);
            case 'updateFamily':
                return Registrations::updateFamily($familyId, $body);
            case 'registration':
                return Registrations::registration($familyId, $studentId);
            case 'saveDraft':
                return Registrations::saveDraft($familyId, $studentId, $body);
            case 'submit':
                return Registrations::submit($familyId, $studentId, self::idempotencyKey($request), $body);
            case 'decline':
                return Registrations::decline($familyId, $studentId, $body['reason'] ?? null);
            case 'upload':
                if ($file === null) {
                    throw ApiError::validation(['file' => ['validation.required']]);
                }
                return Documents::upload($familyId, $body, $file);
            case 'deleteDocument':
                Documents::delete($familyId, $documentId);
                return null;
            case 'documentLink':
                return Documents::link($familyId, $documentId);
        }
        throw new ApiError(501, 'not-implemented', 'Route non implémentée : ' . $name . '.');
    }

    /** The JSON body checked against the route's schema: absent, not JSON, or refused → 422 as the mock. */
    private static function jsonBody(\WP_REST_Request $request, array $schema)
    {
        $raw = (string) $request->get_body();
        $ok = true;
        $value = $raw === '' ? null : Validator::decode($raw, $ok);
        if (!$ok) {
            throw new ApiError(422, 'validation', "Le corps de la requête n'est pas du JSON valide.");
        }
        $checked = Validator::instance()->validate($schema, $value, $raw !== '');
        if ($checked['errors']) {
            throw ApiError::validation($checked['errors']);
        }
        return $checked['value'];
    }

    /** The upload's text fields (the file part apart), checked like the mock's formFields(). */
    private static function formFields(\WP_REST_Request $request, ?array $schema): array
    {
        $type = strtolower((string) $request->get_header('content_type'));
        if (strpos($type, 'multipart/form-data') !== 0 && strpos($type, 'application/x-www-form-urlencoded') !== 0) {
            throw new ApiError(422, 'validation', 'Le corps de la requête doit être un formulaire multipart/form-data.');
        }
        $length = (int) ($request->get_header('content_length') ?? 0);
        $max = wp_convert_hr_to_bytes((string) ini_get('post_max_size'));
        if ($max > 0 && $length > $max) {
            // PHP drops the whole form beyond post_max_size: say it is too large rather than « typeCode missing ».
            $limit = (int) (Campaign::body()['documents']['maxBytes'] ?? 2097152);
            throw new ApiError(413, 'too-large', 'Le fichier dépasse ' . round($limit / 1048576) . ' Mo.');
        }
        $fields = [];
        foreach ((array) $request->get_body_params() as $key => $value) {
            if ($key !== 'file') {
                $fields[$key] = $value;
            }
        }
        if ($schema === null) {
            return $fields;
        }
        $checked = Validator::instance()->validate($schema, (object) $fields);
        if ($checked['errors']) {
            throw ApiError::validation($checked['errors']);
        }
        return (array) $checked['value'];
    }

    /** The Idempotency-Key header of the submission, as the mock requires it. */
    private static function idempotencyKey(\WP_REST_Request $request): string
    {
        $key = trim((string) $request->get_header('idempotency_key'));
        if ($key === '') {
            throw new ApiError(400, 'idempotency-key-required', "L'en-tête Idempotency-Key est obligatoire.");
        }
        if (!preg_match(self::IDEMPOTENCY_KEY, $key)) {
            throw new ApiError(
                400,
                'idempotency-key-invalid',
                "L'en-tête Idempotency-Key doit compter de 1 à 200 caractères ASCII visibles."
            );
        }
        return $key;
    }

    /**
     * The Authorization header: WordPress's copy, else the server's (Apache with php-fpm passes it only as
     * REDIRECT_HTTP_AUTHORIZATION after a rewrite, or not at all without CGIPassAuth On), else getallheaders().
     */
    public static function authorization(?\WP_REST_Request $request = null): ?string
    {
        $header = $request ? $request->get_header('authorization') : null;
        if (is_string($header) && $header !== '') {
            return $header;
        }
        foreach (['HTTP_AUTHORIZATION', 'REDIRECT_HTTP_AUTHORIZATION'] as $key) {
            if (!empty($_SERVER[$key]) && is_string($_SERVER[$key])) {
                return wp_unslash($_SERVER[$key]);
            }
        }
        if (function_exists('getallheaders')) {
            foreach ((array) getallheaders() as $name => $value) {
                if (is_string($name) && strcasecmp($name, 'Authorization') === 0 && is_string($value)) {
                    return $value;
                }
            }
        }
        return null;
    }

    public static function clientIp(): string
    {
        return RateLimiter::clientIp($_SERVER, Options::trustedProxies());
    }

    private static function successStatus(array $operation): int
    {
        foreach (array_keys($operation['responses'] ?? []) as $code) {
            if (preg_match('/^2\d\d$/', (string) $code)) {
                return (int) $code;
            }
        }
        return 200;
    }

    /** Answers are checked against the contract in debug, or when the filter says so (the test site does). */
    private static function checkResponses(): bool
    {
        return (bool) apply_filters('reinscription_wizard_check_responses', defined('WP_DEBUG') && WP_DEBUG);
    }

    private static function violation(string $name, array $errors): \WP_REST_Response
    {
        $parts = [];
        foreach ($errors as $path => $ids) {
            $parts[] = ($path === '' ? '(racine)' : $path) . ' ' . implode(', ', $ids);
        }
        $message = substr($name . ' : réponse hors contrat : ' . implode(' ; ', $parts), 0, 900);
        do_action('reinscription_wizard_contract_violation', $name, $errors);
        return self::error(new ApiError(500, 'contract-violation', $message));
    }

    public static function error(ApiError $e): \WP_REST_Response
    {
        $response = new \WP_REST_Response($e->body(), $e->status);
        foreach ($e->headers as $header => $value) {
            $response->header($header, $value);
        }
        return self::noStore($response);
    }

    private static function noStore(\WP_REST_Response $response): \WP_REST_Response
    {
        $headers = $response->get_headers();
        if (!isset($headers['Cache-Control'])) {
            $response->header('Cache-Control', 'no-store');
        }
        return $response;
    }

    private static function ours(\WP_REST_Request $request): bool
    {
        $route = $request->get_route();
        return $route === '/' . self::NS || strpos($route, '/' . self::NS . '/') === 0;
    }

    /**
     * WordPress refuses a JSON body it cannot parse before any callback (400 rest_invalid_json); on our routes the
     * callback reads the raw body itself, after the bearer check, as the mock does.
     */
    public static function beforeCallbacks($response, $handler, $request)
    {
        if ($request instanceof \WP_REST_Request && self::ours($request) && $response instanceof \WP_Error) {
            if ($response->get_error_code() === 'rest_invalid_json') {
                return null;
            }
        }
        return $response;
    }

    /** WordPress's own errors under our namespace in the ErrorBody shape; an unknown path is the mock's no-route. */
    public static function postDispatch($result, $server, $request)
    {
        if (!$result instanceof \WP_HTTP_Response || !$request instanceof \WP_REST_Request || !self::ours($request)) {
            return $result;
        }
        $data = $result->get_data();
        if ($result->get_status() < 400 || !is_array($data) || !isset($data['code'], $data['data']) || isset($data['fieldErrors'])) {
            return $result;
        }
        if ($data['code'] === 'rest_no_route') {
            return self::error(new ApiError(404, 'no-route', 'Aucune route ne correspond à cette adresse.'));
        }
        $message = isset($data['message']) && is_string($data['message']) ? substr($data['message'], 0, 1000) : null;
        return self::error(new ApiError($result->get_status(), substr((string) $data['code'], 0, 64), $message));
    }

    /**
     * After WordPress's CORS headers: another origin uses bearer tokens, never cookies, so no credentials on our
     * routes (the Origin is echoed by WordPress); preflights may be cached ten minutes.
     */
    public static function corsHeaders($served, $result, $request)
    {
        if ($request instanceof \WP_REST_Request && self::ours($request) && !headers_sent()) {
            header_remove('Access-Control-Allow-Credentials');
            if ($request->get_method() === 'OPTIONS') {
                header('Access-Control-Max-Age: 600');
            }
        }
        return $served;
    }

    public static function allowedHeaders(array $headers): array
    {
        foreach (['Authorization', 'Content-Type', 'Idempotency-Key'] as $header) {
            if (!in_array($header, $headers, true)) {
                $headers[] = $header;
            }
        }
        return $headers;
    }

    public static function exposedHeaders(array $headers): array
    {
        if (!in_array('Retry-After', $headers, true)) {
            $headers[] = 'Retry-After';
        }
        return $headers;
    }
}
