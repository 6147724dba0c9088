<?php

/**
 * The rate limits of login and password reset (no WordPress needed: an in-memory store stands for the table), and
 * which address is the client's behind trusted proxies.
 *
 * @package ReinscriptionWizard
 */

namespace ReinscriptionWizard\Tests;

use PHPUnit\Framework\TestCase;
use ReinscriptionWizard\Backend\ApiError;
use ReinscriptionWizard\Backend\RateLimiter;

class RateLimiterTest extends TestCase
{
    private const T0 = 1796219100000;

    /** @var object */
    private $store;

    protected function setUp(): void
    {
        // The same semantics as the table's INSERT … ON DUPLICATE KEY UPDATE.
        $this->store = new class {
            public $rows = [];

            public function get(string $bucket): ?array
            {
                return $this->rows[$bucket] ?? null;
            }

            public function hit(string $bucket, int $nowMs, int $windowMs): void
            {
                $row = $this->rows[$bucket] ?? null;
                if ($row === null || $row['window_start_ms'] <= $nowMs - $windowMs) {
                    $this->rows[$bucket] = ['hits' => 1, 'window_start_ms' => $nowMs];
                } else {
                    $this->rows[$bucket]['hits']++;
                }
            }

            public function clear(string $bucket): void
            {
                unset($this->rows[$bucket]);
            }
        };
        RateLimiter::useStore($this->store);
    }

    protected function tearDown(): void
    {
        RateLimiter::useStore(null);
    }

    private function refusal(callable $fn): ?ApiError
    {
        try {
            $fn();
        } catch (ApiError $e) {
            return $e;
        }
        return null;
    }

    public function testFiveFailedLoginsPerIdentifierThenRetryAfterTheWindow(): void
    {
        for ($i = 0; $i < 5; $i++) {
            RateLimiter::check('login', 'LIMONEST-0001', '203.0.113.7', self::T0 + $i * 1000);
            RateLimiter::hit('login', 'LIMONEST-0001', '203.0.113.7', self::T0 + $i * 1000);
        }
        $e = $this->refusal(function () {
            RateLimiter::check('login', ' limonest-0001 ', '198.51.100.1', self::T0 + 60000);
        });
        $this->assertNotNull($e, 'the sixth attempt, even from elsewhere and written otherwise, is refused');
        $this->assertSame(429, $e->status);
        $this->assertSame(['code' => 'rate-limited', 'message' => 'Trop de tentatives.'], $e->body());
        $this->assertSame(['Retry-After' => '840'], $e->headers, 'until 15 minutes after the first failure');

        // Another family behind the same address is not held up.
        RateLimiter::check('login', 'LIMONEST-0002', '203.0.113.7', self::T0 + 60000);
        // The window over, the family may try again.
        RateLimiter::check('login', 'LIMONEST-0001', '203.0.113.7', self::T0 + 900000);
        $this->addToAssertionCount(2);
    }

    public function testASuccessfulLoginForgetsTheIdentifiersFailures(): void
    {
        for ($i = 0; $i < 4; $i++) {
            RateLimiter::hit('login', 'LIMONEST-0001', '203.0.113.7', self::T0);
        }
        RateLimiter::clearIdentifier('login', 'limonest-0001');
        RateLimiter::hit('login', 'LIMONEST-0001', '203.0.113.7', self::T0);
        RateLimiter::check('login', 'LIMONEST-0001', '203.0.113.7', self::T0);
        $this->addToAssertionCount(1);
    }

    public function testTheAddressIsLenientASchoolNetworkSharesIt(): void
    {
        for ($i = 0; $i < 299; $i++) {
            RateLimiter::hit('login', 'family-' . $i, '203.0.113.7', self::T0);
        }
        RateLimiter::check('login', 'family-new', '203.0.113.7', self::T0);
        RateLimiter::hit('login', 'family-299', '203.0.113.7', self::T0);
        $e = $this->refusal(function () {
            RateLimiter::check('login', 'family-new', '203.0.113.7', self::T0 + 1000);
        });
        $this->assertNotNull($e, 'the 301st failure from one address in 15 minutes is refused');
        $this->assertSame(['Retry-After' => '899'], $e->headers);
    }

    public function testAnIpv6ClientCountsByItsSlash64(): void
    {
        for ($i = 0; $i < 300; $i++) {
            RateLimiter::hit('login', 'family-' . $i, '2001:db8:1:2::' . dechex($i + 1), self::T0);
        }
        $this->assertNotNull($this->refusal(function () {
            RateLimiter::check('login', 'family-new', '2001:db8:1:2:ffff::1', self::T0);
        }));
        RateLimiter::check('login', 'family-new', '2001:db8:1:3::1', self::T0);
    }

    public function testThreePasswordResetsPerIdentifierAndHour(): void
    {
        for ($i = 0; $i < 3; $i++) {
            RateLimiter::check('passwordReset', 'LIMONEST-0001', '203.0.113.7', self::T0);
            RateLimiter::hit('passwordReset', 'LIMONEST-0001', '203.0.113.7', self::T0);
        }
        $e = $this->refusal(function () {
            RateLimiter::check('passwordReset', 'LIMONEST-0001', '203.0.113.8', self::T0 + 1000);
        });
        $this->assertNotNull($e);
        $this->assertSame(['Retry-After' => '3599'], $e->headers);
        RateLimiter::check('passwordReset', 'LIMONEST-0001', '203.0.113.8', self::T0 + 3600000);
    }

    public function testBucketsKeepNoIdentifierOrAddressInClear(): void
    {
        RateLimiter::hit('login', 'LIMONEST-0001', '203.0.113.7', self::T0);
        $names = implode(' ', array_keys($this->store->rows));
        $this->assertStringNotContainsStringIgnoringCase('limonest', $names);
        $this->assertStringNotContainsString('203.0.113.7', $names);
        foreach (array_keys($this->store->rows) as $bucket) {
            $this->assertLessThanOrEqual(191, strlen($bucket), 'fits the bucket column');
        }
    }

    public function testRetryAfter(): void
    {
        $this->assertNull(RateLimiter::retryAfter(null, self::T0, 5, 900000));
        $row = ['hits' => 4, 'window_start_ms' => self::T0];
        $this->assertNull(RateLimiter::retryAfter($row, self::T0, 5, 900000));
        $row['hits'] = 5;
        $this->assertSame(900, RateLimiter::retryAfter($row, self::T0, 5, 900000));
        $this->assertSame(1, RateLimiter::retryAfter($row, self::T0 + 899999, 5, 900000));
        $this->assertNull(RateLimiter::retryAfter($row, self::T0 + 900000, 5, 900000));
    }

    public function testTheClientIsRemoteAddrUnlessAProxyIsTrusted(): void
    {
        $server = ['REMOTE_ADDR' => '203.0.113.7', 'HTTP_X_FORWARDED_FOR' => '198.51.100.1'];
        $this->assertSame('203.0.113.7', RateLimiter::clientIp($server, []), 'no trusted proxy: the header is ignored');
        $this->assertSame('203.0.113.7', RateLimiter::clientIp($server, ['10.0.0.0/8']), 'not from a trusted proxy');
        $this->assertSame('198.51.100.1', RateLimiter::clientIp($server, ['203.0.113.7']));
        $this->assertSame('', RateLimiter::clientIp([], []));
    }

    public function testTheRightMostUntrustedAddressOfTheChain(): void
    {
        $trusted = ['10.0.0.0/8', '2001:db8:ffff::/48'];
        // The client wrote a fake first hop: only what the trusted proxies appended counts.
        $server = ['REMOTE_ADDR' => '10.0.0.2', 'HTTP_X_FORWARDED_FOR' => '1.2.3.4, 198.51.100.9, 10.0.0.1'];
        $this->assertSame('198.51.100.9', RateLimiter::clientIp($server, $trusted));
        $server = ['REMOTE_ADDR' => '2001:db8:ffff::1', 'HTTP_X_FORWARDED_FOR' => '2001:DB8:0:0::0042'];
        $this->assertSame('2001:db8::42', RateLimiter::clientIp($server, $trusted));
        $server = ['REMOTE_ADDR' => '10.0.0.2', 'HTTP_X_FORWARDED_FOR' => '198.51.100.9:5123, [2001:db8::7]:443'];
        $this->assertSame('2001:db8::7', RateLimiter::clientIp($server, $trusted), 'ports stripped');
        $server = ['REMOTE_ADDR' => '10.0.0.2', 'HTTP_X_FORWARDED_FOR' => 'unknown, 10.0.0.1'];
        $this->assertSame('10.0.0.1', RateLimiter::clientIp($server, $trusted), 'garbage: the last proxy that spoke');
        $server = ['REMOTE_ADDR' => '::ffff:10.0.0.2', 'HTTP_X_FORWARDED_FOR' => '198.51.100.9'];
        $this->assertSame('198.51.100.9', RateLimiter::clientIp($server, $trusted), 'IPv4-mapped IPv6 is IPv4');
    }

    public function testCidrRanges(): void
    {
        $this->assertTrue(RateLimiter::inRange('10.1.2.3', '10.0.0.0/8'));
        $this->assertFalse(RateLimiter::inRange('11.1.2.3', '10.0.0.0/8'));
        $this->assertTrue(RateLimiter::inRange('192.168.1.130', '192.168.1.128/25'));
        $this->assertFalse(RateLimiter::inRange('192.168.1.127', '192.168.1.128/25'));
        $this->assertTrue(RateLimiter::inRange('203.0.113.7', '203.0.113.7'));
        $this->assertTrue(RateLimiter::inRange('1.2.3.4', '0.0.0.0/0'));
        $this->assertTrue(RateLimiter::inRange('2001:db8::1', '2001:db8::/32'));
        $this->assertFalse(RateLimiter::inRange('2001:db9::1', '2001:db8::/32'));
        $this->assertFalse(RateLimiter::inRange('10.0.0.1', '2001:db8::/32'), 'families differ');
        $this->assertFalse(RateLimiter::inRange('10.0.0.1', '10.0.0.0/33'));
        $this->assertFalse(RateLimiter::inRange('10.0.0.1', 'proxy.example'));
        $this->assertFalse(RateLimiter::inRange('10.0.0.1', '10.0.0.0/x'));
    }
}
