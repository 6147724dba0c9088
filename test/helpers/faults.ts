import { t } from '../../src/i18n/index.js';
import { RETRY_AFTER_SECONDS } from '../../src/mocks/scenarios.js';

/**
 * The failures every form must explain in French while keeping what was typed: the mock's
 * scenario, the message the parent must read, and the client timeout that turns « slow » into one.
 */
export const FAULTS = [
  { scenario: 'network-error', message: () => t('api.network') },
  { scenario: 'server-error', message: () => t('api.server') },
  { scenario: 'rate-limited', message: () => t('api.rate-limited', { seconds: RETRY_AFTER_SECONDS }) },
  { scenario: 'slow', message: () => t('api.timeout'), timeoutMs: 300 },
] as const;
