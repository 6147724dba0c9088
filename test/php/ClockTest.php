<?php

/**
 * The backend's clock writes instants as the mock and the contract do (no WordPress needed).
 *
 * @package ReinscriptionWizard
 */

namespace ReinscriptionWizard\Tests;

use PHPUnit\Framework\TestCase;
use ReinscriptionWizard\Backend\Clock;

class ClockTest extends TestCase
{
    public function testIsoIsJavaScriptsToIsoString(): void
    {
        $this->assertSame('2026-12-02T13:45:00.000Z', Clock::iso(1796219100000));
        $this->assertSame('2026-12-02T13:45:00.007Z', Clock::iso(1796219100007));
        $this->assertSame('1969-12-31T23:59:59.999Z', Clock::iso(-1));
    }

    public function testParisIsoHasTheOffsetOfTheDate(): void
    {
        $this->assertSame('2027-06-11T23:59:00+02:00', Clock::parisIso(Clock::parisInstant('2027-06-11', '23:59')));
        $this->assertSame('2027-01-15T00:00:00+01:00', Clock::parisIso(Clock::parisInstant('2027-01-15', '00:00')));
    }

    public function testParseInstantReadsTheAdminsLocalTimeAndIsoInstants(): void
    {
        $this->assertSame(Clock::parisInstant('2027-06-11', '23:59'), Clock::parseInstant('2027-06-11T23:59'));
        $this->assertSame(1796219100000, Clock::parseInstant('2026-12-02T13:45:00.000Z'));
        $this->assertSame(1796219100000, Clock::parseInstant('2026-12-02T14:45:00+01:00'));
        $this->assertNull(Clock::parseInstant('demain'));
        $this->assertNull(Clock::parseInstant(42));
    }
}
