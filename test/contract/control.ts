import assert from 'node:assert/strict';
import * as z from 'zod/mini';
import { DateTime, Session } from '../../src/api/contract.js';
import type { RouteName } from '../../src/api/routes.js';
import type { SeedFamily } from '../../src/mocks/seed.js';
import type { ScenarioName } from '../../src/mocks/scenarios.js';
import { controlBase } from './config.js';

/**
 * The test-control interface, the only way the suite reaches into a backend besides the contract:
 * the mock server serves it under `/__mock` (scripts/mock-server.ts), WordPress from the test-only
 * mu-plugin scripts/wordpress/mu-reinscription-test-control.php, never shipped. Both answer:
 *   POST reset {fixture: 'seed'} → {reset: true}   everything back to the seed, the real clock, the
 *        default dates (opens today-20 00:00, closes today+10 23:59, pieces 14 days more, Paris), no fault, no mail
 *   POST seed {families: SeedFamily[]} → {seeded}  families in src/mocks/seed.ts's shape
 *   POST session {identifier?} → Session           a logged-in token without the password
 *   POST clock {now: ISO | null} → {now}           the server's clock (null: real time); dates stay
 *   POST campaign {opensAt?, closesAt?, documentsUntil?} → {ok: true}
 *   POST scenario {name, routes?, times?, fieldErrors?}  a fault of src/mocks/scenarios.ts; 'none' disarms;
 *        fieldErrors: the 422 of 'validation-error' as given
 *   GET outbox → SentMail[]                        the e-mails « sent » since the reset
 * Every answer is checked here, so a backend whose controls drift fails loudly.
 */

export const SentMail = z.object({
  kind: z.enum(['password-reset', 'receipt']),
  to: z.string(),
  subject: z.string(),
  body: z.string(),
  /** The new password of a reset e-mail (parsed out of it by the backend's control); empty otherwise. */
  password: z.string(),
  sentAt: DateTime,
});
export type SentMail = z.infer<typeof SentMail>;

export interface ScenarioOptions {
  routes?: RouteName[];
  times?: number;
  /** For 'validation-error': the refusal to send instead of the route's own field. */
  fieldErrors?: Record<string, string[]>;
}

async function post(path: string, body: unknown): Promise<Response> {
  return fetch(`${controlBase()}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

async function json<T>(res: Response, schema: z.ZodMiniType<T>, what: string): Promise<T> {
  const text = await res.text();
  assert.equal(res.status, 200, `control ${what}: HTTP ${res.status} ${text.slice(0, 500)}`);
  const parsed = z.safeParse(schema, JSON.parse(text));
  assert.ok(parsed.success, `control ${what}: unexpected answer ${text.slice(0, 500)}`);
  return parsed.data;
}

export const control = {
  /** Everything back to the seed: data, campaign dates, clock, faults, outbox. */
  async reset(): Promise<void> {
    await json(await post('/reset', { fixture: 'seed' }), z.object({ reset: z.literal(true) }), 'reset');
  },

  /** Adds families in the shape of src/mocks/seed.ts's SeedFamily; answers how many. */
  async seed(families: SeedFamily[]): Promise<number> {
    return (await json(await post('/seed', { families }), z.object({ seeded: z.number() }), 'seed')).seeded;
  },

  /** A logged-in session of that family (the seed's by default), without its password. */
  async session(identifier?: string): Promise<z.infer<typeof Session>> {
    return json(await post('/session', identifier === undefined ? {} : { identifier }), Session, 'session');
  },

  /** The session's token only. */
  async token(identifier?: string): Promise<string> {
    return (await this.session(identifier)).token;
  },

  /** Moves the server's clock (null: real time again); answers the server's now. */
  async clock(now: Date | null): Promise<Date> {
    const body = await json(await post('/clock', { now: now ? now.toISOString() : null }), z.object({ now: DateTime }), 'clock');
    return new Date(body.now);
  },

  async campaign(dates: { opensAt?: Date; closesAt?: Date; documentsUntil?: Date }): Promise<void> {
    const body = Object.fromEntries(Object.entries(dates).map(([k, v]) => [k, v.toISOString()]));
    await json(await post('/campaign', body), z.object({ ok: z.literal(true) }), 'campaign');
  },

  /** Arms a fault; false when this backend does not offer that scenario (its control refuses it). */
  async scenario(name: ScenarioName, options: ScenarioOptions = {}): Promise<boolean> {
    const res = await post('/scenario', { name, ...options });
    if (res.status >= 400 && res.status < 500) return false;
    await json(res, z.object({}), `scenario ${name}`);
    return true;
  },

  async outbox(): Promise<SentMail[]> {
    return json(await fetch(`${controlBase()}/outbox`), z.array(SentMail), 'outbox');
  },
};
