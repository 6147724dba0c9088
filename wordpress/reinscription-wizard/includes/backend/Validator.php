<?php

/**
 * The contract's JSON Schemas (data/openapi.json, generated from the widget's zod schemas) checked in PHP, with the
 * same verdicts as the mock: field paths a.b.0.c and the message ids of the mock's messageId() (zod issue → id),
 * unknown object keys dropped as zod objects do.
 *
 * Only the keywords openapi.json uses: $ref, type (and type lists), enum, const, anyOf/oneOf (nullable and
 * discriminated unions), allOf, properties/required/additionalProperties, items/minItems/maxItems,
 * minLength/maxLength (in code points, as the project's zod counts), pattern (a JavaScript regex), format,
 * minimum/maximum/exclusiveMinimum/exclusiveMaximum.
 *
 * @package ReinscriptionWizard
 */

namespace ReinscriptionWizard\Backend;

if (!defined('ABSPATH')) {
    exit;
}

class Validator
{
    /** Number.MAX_SAFE_INTEGER: zod's z.int() refuses integers beyond it. */
    private const SAFE_INTEGER = 9007199254740991;

    /** What JavaScript's \s matches beyond PCRE's ASCII \s. */
    private const JS_SPACES = '\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}';

    /** @var array<string, mixed> */
    private $doc;
    /** @var array<string, string> */
    private $regexCache = [];
    /** @var \stdClass marks a property that is absent (JavaScript's undefined) */
    private $missing;
    /** @var self|null */
    private static $instance = null;

    /** @param array<string, mixed> $doc the OpenAPI document, decoded as associative arrays */
    public function __construct(array $doc)
    {
        $this->doc = $doc;
        $this->missing = new \stdClass();
    }

    public static function fromFile(string $path): self
    {
        $json = file_get_contents($path);
        $doc = is_string($json) ? json_decode($json, true) : null;
        if (!is_array($doc)) {
            throw new \RuntimeException('Unreadable OpenAPI document: ' . $path);
        }
        return new self($doc);
    }

    /** The plugin's copy of the contract, data/openapi.json. */
    public static function instance(): self
    {
        if (self::$instance === null) {
            self::$instance = self::fromFile(dirname(__DIR__, 2) . '/data/openapi.json');
        }
        return self::$instance;
    }

    /**
     * JSON text decoded with objects as stdClass, so that {} and [] stay apart as they do for zod.
     *
     * @param bool $ok false when the text is not JSON
     * @return mixed
     */
    public static function decode(string $json, ?bool &$ok = null)
    {
        $value = json_decode($json, false);
        $ok = json_last_error() === JSON_ERROR_NONE;
        return $ok ? $value : null;
    }

    /** PHP arrays as the JSON they will be sent as (objects as stdClass), to check an answer before it leaves. */
    public static function asJson($value)
    {
        $json = wp_json_encode($value);
        return is_string($json) ? json_decode($json, false) : null;
    }

    /** array_is_list(), which is PHP 8.1 (the plugin supports 7.4). */
    public static function isList(array $value): bool
    {
        $i = 0;
        foreach ($value as $key => $unused) {
            if ($key !== $i++) {
                return false;
            }
        }
        return true;
    }

    /** The JSON request body's schema of an operation (its operationId = the key of src/api/routes.ts), or null. */
    public function requestSchema(string $operationId): ?array
    {
        $op = $this->operation($operationId);
        $content = $op['requestBody']['content'] ?? [];
        $schema = $content['application/json']['schema'] ?? null;
        if ($schema === null && isset($content['multipart/form-data']['schema']['allOf'][0])) {
            // The form's text fields; the file part is checked apart (as the mock does).
            $schema = $content['multipart/form-data']['schema']['allOf'][0];
        }
        return is_array($schema) ? $schema : null;
    }

    /** The schema of an operation's answer with this status, or null when it has no body. */
    public function responseSchema(string $operationId, int $status): ?array
    {
        $op = $this->operation($operationId);
        $schema = $op['responses'][(string) $status]['content']['application/json']['schema'] ?? null;
        return is_array($schema) ? $schema : null;
    }

    /** @return array{method: string, path: string, operation: array}[] every operation of the document */
    public function operations(): array
    {
        $out = [];
        foreach ($this->doc['paths'] ?? [] as $path => $methods) {
            foreach ($methods as $method => $op) {
                if (is_array($op) && isset($op['operationId'])) {
                    $out[$op['operationId']] = ['method' => strtoupper($method), 'path' => $path, 'operation' => $op];
                }
            }
        }
        return $out;
    }

    /**
     * Checks a decoded JSON value (see decode()) against a schema; a schema may be given as its name ('LoginRequest').
     *
     * @param array|string $schema
     * @param mixed        $value
     * @param bool         $present false for an absent value (an empty body), which zod sees as undefined
     * @return array{errors: array<string, string[]>, value: mixed} errors by path; the value with unknown keys dropped
     *                                                              and objects as associative arrays
     */
    public function validate($schema, $value, bool $present = true): array
    {
        if (is_string($schema)) {
            $schema = ['$ref' => '#/components/schemas/' . $schema];
        }
        $errors = [];
        $out = $this->walk($schema, $present ? $value : $this->missing, [], $errors);
        return ['errors' => $errors, 'value' => $out === $this->missing ? null : $out];
    }

    private function operation(string $operationId): array
    {
        $all = $this->operations();
        if (!isset($all[$operationId])) {
            throw new \InvalidArgumentException('No operation ' . $operationId . ' in the contract');
        }
        return $all[$operationId]['operation'];
    }

    private function resolve(array $schema): array
    {
        $guard = 0;
        while (isset($schema['$ref']) && $guard++ < 32) {
            $ref = $schema['$ref'];
            if (strpos($ref, '#/') !== 0) {
                throw new \InvalidArgumentException('Unsupported $ref ' . $ref);
            }
            $node = $this->doc;
            foreach (explode('/', substr($ref, 2)) as $part) {
                $part = str_replace(['~1', '~0'], ['/', '~'], $part);
                if (!is_array($node) || !array_key_exists($part, $node)) {
                    throw new \InvalidArgumentException('Unresolved $ref ' . $ref);
                }
                $node = $node[$part];
            }
            $schema = $node;
        }
        return $schema;
    }

    private static function add(array &$errors, array $path, string $id): void
    {
        $key = implode('.', $path);
        if (!isset($errors[$key])) {
            $errors[$key] = [];
        }
        if (!in_array($id, $errors[$key], true)) {
            $errors[$key][] = $id;
        }
    }

    /** @return mixed the checked value, cleaned */
    private function walk(array $schema, $value, array $path, array &$errors)
    {
        $schema = $this->resolve($schema);
        $present = $value !== $this->missing;

        if (isset($schema['anyOf']) || isset($schema['oneOf'])) {
            return $this->union($schema['anyOf'] ?? $schema['oneOf'], $value, $path, $errors);
        }
        if (isset($schema['allOf'])) {
            $merged = null;
            foreach ($schema['allOf'] as $part) {
                $out = $this->walk($part, $value, $path, $errors);
                $merged = is_array($merged) && is_array($out) ? array_merge($merged, $out) : $out;
            }
            return $merged;
        }
        // z.enum() and z.literal() compare the value only: absent, another type or another value are all unknownValue.
        if (isset($schema['enum']) || array_key_exists('const', $schema)) {
            $allowed = isset($schema['enum']) ? $schema['enum'] : [$schema['const']];
            if (!$present || !in_array($value, $allowed, true)) {
                self::add($errors, $path, 'validation.unknownValue');
            }
            return $value;
        }
        if (isset($schema['type'])) {
            $types = (array) $schema['type'];
            if (!$present) {
                self::add($errors, $path, 'validation.required');
                return $value;
            }
            $matched = false;
            foreach ($types as $type) {
                if ($this->isType($value, $type)) {
                    $matched = true;
                    break;
                }
            }
            if (!$matched) {
                self::add($errors, $path, 'validation.invalidType');
                $this->lengthOfTheWrongType($schema, $value, $path, $errors);
                return $value;
            }
        } elseif (!$present) {
            return $value;
        }

        if (is_string($value)) {
            $this->checkString($schema, $value, $path, $errors);
            return $value;
        }
        if (is_int($value) || is_float($value)) {
            $this->checkNumber($schema, $value, $path, $errors);
            return $value;
        }
        if (is_array($value) && self::isList($value)) {
            return $this->checkArray($schema, $value, $path, $errors);
        }
        if ($value instanceof \stdClass || is_array($value)) {
            return $this->checkObject($schema, (array) $value, $path, $errors);
        }
        return $value;
    }

    /**
     * The contract's zod runs its length checks on anything that has a length, even of the wrong type: an array
     * where a string is expected is also too short or too long by its count, a string where an array is expected
     * by its length (whose origin is then a string: a minimum of 1 says « required »).
     */
    private function lengthOfTheWrongType(array $schema, $value, array $path, array &$errors): void
    {
        if (is_array($value) && self::isList($value)) {
            if (isset($schema['minLength']) && count($value) < $schema['minLength']) {
                self::add($errors, $path, 'validation.tooShort');
            }
            if (isset($schema['maxLength']) && count($value) > $schema['maxLength']) {
                self::add($errors, $path, 'validation.tooLong');
            }
        } elseif (is_string($value)) {
            if (isset($schema['minItems']) && self::length($value) < $schema['minItems']) {
                self::add($errors, $path, $schema['minItems'] === 1 ? 'validation.required' : 'validation.tooShort');
            }
            if (isset($schema['maxItems']) && self::length($value) > $schema['maxItems']) {
                self::add($errors, $path, 'validation.tooLong');
            }
        }
    }

    private function isType($value, string $type): bool
    {
        switch ($type) {
            case 'string':
                return is_string($value);
            case 'integer':
                return is_int($value) || (is_float($value) && is_finite($value) && floor($value) === $value);
            case 'number':
                return is_int($value) || is_float($value);
            case 'boolean':
                return is_bool($value);
            case 'null':
                return $value === null;
            case 'array':
                return is_array($value) && self::isList($value);
            case 'object':
                // Decoded JSON has objects as stdClass; an associative array counts too, never a list (not even []).
                return $value instanceof \stdClass || (is_array($value) && !self::isList($value));
        }
        return false;
    }

    /**
     * z.nullable() (a null branch and one other): null passes, anything else is checked by the other branch with its
     * own errors. z.discriminatedUnion() (branches told apart by a constant property): the matching branch's errors,
     * or unknownValue on the discriminator. Any other union: unknownValue on the whole value.
     */
    private function union(array $branches, $value, array $path, array &$errors)
    {
        $others = [];
        $nullable = false;
        foreach ($branches as $branch) {
            $branch = $this->resolve($branch);
            if (($branch['type'] ?? null) === 'null' && count($branch) === 1) {
                $nullable = true;
            } else {
                $others[] = $branch;
            }
        }
        if ($nullable && $value === null) {
            return null;
        }
        if (count($others) === 1) {
            return $this->walk($others[0], $value, $path, $errors);
        }
        $key = $this->discriminator($others);
        if ($key !== null) {
            if (!$this->isType($value, 'object')) {
                self::add($errors, $path, $value === $this->missing ? 'validation.required' : 'validation.invalidType');
                return $value;
            }
            $tag = ((array) $value)[$key] ?? $this->missing;
            foreach ($others as $branch) {
                if ($tag === $branch['properties'][$key]['const']) {
                    return $this->walk($branch, $value, $path, $errors);
                }
            }
            self::add($errors, array_merge($path, [$key]), 'validation.unknownValue');
            return $value;
        }
        foreach ($others as $branch) {
            $branchErrors = [];
            $out = $this->walk($branch, $value, $path, $branchErrors);
            if (!$branchErrors) {
                return $out;
            }
        }
        self::add($errors, $path, 'validation.unknownValue');
        return $value;
    }

    /** The property every branch fixes with a const, if there is one. */
    private function discriminator(array $branches): ?string
    {
        $first = $branches[0]['properties'] ?? [];
        foreach ($first as $key => $prop) {
            $all = true;
            foreach ($branches as $branch) {
                if (!array_key_exists('const', $branch['properties'][$key] ?? [])) {
                    $all = false;
                    break;
                }
            }
            if ($all) {
                return (string) $key;
            }
        }
        return null;
    }

    private function checkString(array $schema, string $value, array $path, array &$errors): void
    {
        $length = null;
        $formatChecked = false;
        foreach ($schema as $keyword => $limit) {
            switch ($keyword) {
                case 'minLength':
                    $length = $length ?? self::length($value);
                    if ($length < $limit) {
                        self::add($errors, $path, $limit === 1 ? 'validation.required' : 'validation.tooShort');
                    }
                    break;
                case 'maxLength':
                    $length = $length ?? self::length($value);
                    if ($length > $limit) {
                        self::add($errors, $path, 'validation.tooLong');
                    }
                    break;
                case 'pattern':
                    $formatChecked = true;
                    if (!preg_match($this->regex($limit), $value)) {
                        self::add($errors, $path, 'validation.format');
                    }
                    break;
            }
        }
        if (!$formatChecked && isset($schema['format']) && !self::format($schema['format'], $value)) {
            self::add($errors, $path, 'validation.format');
        }
    }

    /** What zod's format checks accept where openapi.json gives no pattern (the others carry theirs). */
    private static function format(string $format, string $value): bool
    {
        switch ($format) {
            case 'uri':
                return (bool) preg_match('~^[A-Za-z][A-Za-z0-9+.\-]*://[^\s/?#]+[^\s]*$~D', $value);
            case 'email':
                return (bool) preg_match('~^[^\s@]+@[^\s@]+\.[^\s@]+$~D', $value);
        }
        return true;
    }

    private function checkNumber(array $schema, $value, array $path, array &$errors): void
    {
        $types = (array) ($schema['type'] ?? []);
        if (in_array('integer', $types, true)) {
            if (abs($value) > self::SAFE_INTEGER) {
                self::add($errors, $path, $value > 0 ? 'validation.tooBig' : 'validation.tooSmall');
            }
        }
        if (isset($schema['minimum']) && $value < $schema['minimum']) {
            self::add($errors, $path, 'validation.tooSmall');
        }
        if (isset($schema['exclusiveMinimum']) && $value <= $schema['exclusiveMinimum']) {
            self::add($errors, $path, 'validation.tooSmall');
        }
        if (isset($schema['maximum']) && $value > $schema['maximum']) {
            self::add($errors, $path, 'validation.tooBig');
        }
        if (isset($schema['exclusiveMaximum']) && $value >= $schema['exclusiveMaximum']) {
            self::add($errors, $path, 'validation.tooBig');
        }
    }

    private function checkArray(array $schema, array $value, array $path, array &$errors): array
    {
        if (isset($schema['minItems']) && count($value) < $schema['minItems']) {
            self::add($errors, $path, 'validation.tooShort');
        }
        if (isset($schema['maxItems']) && count($value) > $schema['maxItems']) {
            // zod refuses an array over its size before looking at its items: their errors are not reported.
            self::add($errors, $path, 'validation.tooLong');
            return $value;
        }
        if (!isset($schema['items'])) {
            return $value;
        }
        $out = [];
        foreach ($value as $i => $item) {
            $out[] = $this->walk($schema['items'], $item, array_merge($path, [(string) $i]), $errors);
        }
        return $out;
    }

    private function checkObject(array $schema, array $value, array $path, array &$errors): array
    {
        $out = [];
        $properties = $schema['properties'] ?? [];
        $required = $schema['required'] ?? [];
        foreach ($properties as $key => $propSchema) {
            $key = (string) $key;
            if (array_key_exists($key, $value)) {
                $out[$key] = $this->walk($propSchema, $value[$key], array_merge($path, [$key]), $errors);
            } elseif (in_array($key, $required, true)) {
                $this->walk($propSchema, $this->missing, array_merge($path, [$key]), $errors);
            }
        }
        $extra = $schema['additionalProperties'] ?? null;
        if (is_array($extra)) {
            foreach ($value as $key => $item) {
                $key = (string) $key;
                if (!array_key_exists($key, $properties)) {
                    $out[$key] = $this->walk($extra, $item, array_merge($path, [$key]), $errors);
                }
            }
        } elseif ($extra === false) {
            foreach ($value as $key => $unused) {
                if (!array_key_exists((string) $key, $properties)) {
                    self::add($errors, $path, 'validation.invalid');
                }
            }
        }
        return $out;
    }

    /** A string's length as the contract's zod measures it: in Unicode code points (an emoji counts one). */
    public static function length(string $value): int
    {
        $chars = preg_match_all('/./su', $value);
        return $chars === false ? strlen($value) : $chars;
    }

    /**
     * A JavaScript regex (no flags) as PCRE: UTF-8 mode, $ only at the very end (no final newline), and \s with
     * JavaScript's Unicode spaces.
     */
    private function regex(string $pattern): string
    {
        if (isset($this->regexCache[$pattern])) {
            return $this->regexCache[$pattern];
        }
        $out = '';
        $inClass = false;
        $n = strlen($pattern);
        for ($i = 0; $i < $n; $i++) {
            $c = $pattern[$i];
            if ($c === '\\' && $i + 1 < $n) {
                $next = $pattern[++$i];
                if ($next === 's') {
                    $out .= $inClass ? '\s' . self::JS_SPACES : '[\s' . self::JS_SPACES . ']';
                } elseif ($next === 'S' && !$inClass) {
                    $out .= '[^\s' . self::JS_SPACES . ']';
                } else {
                    $out .= '\\' . $next;
                }
                continue;
            }
            if ($c === '[' && !$inClass) {
                $inClass = true;
            } elseif ($c === ']' && $inClass) {
                $inClass = false;
            } elseif ($c === '~') {
                $c = '\~';
            }
            $out .= $c;
        }
        return $this->regexCache[$pattern] = '~' . $out . '~uD';
    }
}
