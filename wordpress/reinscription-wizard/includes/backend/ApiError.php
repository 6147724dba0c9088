<?php

/**
 * An answer of the contract's ErrorBody shape, thrown by any backend class and turned into JSON by Rest.
 *
 * @package ReinscriptionWizard
 */

namespace ReinscriptionWizard\Backend;

if (!defined('ABSPATH')) {
    exit;
}

class ApiError extends \RuntimeException
{
    /** @var int */
    public $status;
    /** @var string */
    public $errorCode;
    /** @var string|null */
    public $errorMessage;
    /** @var array<string, string[]> */
    public $fieldErrors;
    /** @var array<string, string> */
    public $headers;

    /**
     * @param array<string, string[]> $fieldErrors field path (a.b.0.c) → message ids of the widget's catalogue
     * @param array<string, string>   $headers     extra response headers (Retry-After…)
     */
    public function __construct(int $status, string $code, ?string $message = null, array $fieldErrors = [], array $headers = [])
    {
        parent::__construct($status . ' ' . $code . ($message !== null ? ': ' . $message : ''));
        $this->status = $status;
        $this->errorCode = $code;
        $this->errorMessage = $message;
        $this->fieldErrors = $fieldErrors;
        $this->headers = $headers;
    }

    /** 422 with field errors, the mock's answer to a body its schema refuses. */
    public static function validation(array $fieldErrors): self
    {
        return new self(422, 'validation', null, $fieldErrors);
    }

    /** The ErrorBody JSON: fieldErrors as an object even when a path is the empty string. */
    public function body(): array
    {
        $body = ['code' => $this->errorCode];
        if ($this->errorMessage !== null) {
            $body['message'] = $this->errorMessage;
        }
        if ($this->fieldErrors) {
            $body['fieldErrors'] = (object) $this->fieldErrors;
        }
        return $body;
    }
}
