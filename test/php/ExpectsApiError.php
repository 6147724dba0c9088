<?php

/**
 * The ApiError a backend call throws, for the tests that check a refusal's status, code and message.
 *
 * @package ReinscriptionWizard
 */

namespace ReinscriptionWizard\Tests;

use ReinscriptionWizard\Backend\ApiError;

trait ExpectsApiError
{
    private function refusal(callable $fn): ApiError
    {
        try {
            $fn();
        } catch (ApiError $e) {
            return $e;
        }
        $this->fail('expected an ApiError');
    }
}
