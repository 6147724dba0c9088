import { expect } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ApiError } from '../../src/api/errors.js';
import { SaveQueueController } from '../../src/wizard/save-queue.js';
import { until } from '../helpers/dom.js';

/** A host with nothing but the controller hooks the queue uses. */
function host(): ReactiveControllerHost & { updates: number; controllers: ReactiveController[] } {
  const h = {
    updates: 0,
    controllers: [] as ReactiveController[],
    addController(c: ReactiveController) {
      h.controllers.push(c);
      c.hostConnected?.();
    },
    removeController() {},
    requestUpdate() {
      h.updates += 1;
    },
    updateComplete: Promise.resolve(true),
  };
  return h;
}

/** A clock that stands still: a scheduled retry's `retryAt` is then its wait, whatever the machine's load. */
const still = () => new Date(0);

const queue = (o: { baseMs?: number; onUnauthorized?: () => void; random?: () => number; now?: () => Date } = {}) =>
  new SaveQueueController(host(), {
    now: o.now ?? (() => new Date()),
    onUnauthorized: o.onUnauthorized ?? (() => {}),
    random: o.random ?? (() => 1),
    baseMs: o.baseMs ?? 20,
  });

/** A write that fails with each error in turn, then succeeds. */
function flaky(...errors: unknown[]) {
  const calls: number[] = [];
  const run = () => {
    calls.push(Date.now());
    const error = errors.shift();
    return error ? Promise.reject(error) : Promise.resolve('ok');
  };
  return { calls, run };
}

describe('SaveQueueController', () => {
  it('says saved once the write succeeds, and calls back with the answer', async () => {
    const q = queue();
    let got: unknown;
    const outcome = await q.save(
      'family',
      () => Promise.resolve({ id: 1 }),
      (r) => (got = r),
    );
    expect(outcome).to.deep.equal({ ok: true });
    expect(got).to.deep.equal({ id: 1 });
    expect(q.state.name).to.equal('saved');
    expect(q.pending).to.equal(false);
  });

  it('retries a network failure by itself with backoff, then says saved', async () => {
    // The waits are read from the retries the queue schedules (retryAt on a clock that stands still),
    // not measured: a busy machine fires timers late, and a test must not depend on that.
    const h = host();
    const scheduled: number[] = [];
    const q = new SaveQueueController(h, { now: still, onUnauthorized: () => {}, random: () => 1, baseMs: 20 });
    h.requestUpdate = () => {
      if (q.state.name === 'waiting' && scheduled.at(-1) !== q.state.retryAt) scheduled.push(q.state.retryAt);
    };
    const w = flaky(new ApiError('network'), new ApiError('server', { status: 500 }));
    const first = await q.save('draft:1', w.run, () => {});
    expect(first.ok).to.equal(false);
    expect(q.state.name).to.equal('waiting');
    expect(q.pending).to.equal(true);
    await until(() => q.state.name === 'saved', 'saved after two retries');
    expect(w.calls.length).to.equal(3);
    // Exponential: base, then twice the base (random() = 1 takes the top of the jitter).
    expect(scheduled).to.deep.equal([20, 40]);
  });

  it('waits no less than Retry-After', async () => {
    const q = queue({ now: still });
    await q.save('draft:1', flaky(new ApiError('rate-limited', { status: 429, retryAfterSeconds: 30 })).run, () => {});
    const state = q.state;
    expect(state.name).to.equal('waiting');
    if (state.name === 'waiting') expect(state.retryAt).to.equal(30000);
    q.clear();
  });

  it('a 503 with Retry-After is honoured the same way', async () => {
    const q = queue({ now: still });
    await q.save('family', flaky(new ApiError('server', { status: 503, retryAfterSeconds: 12 })).run, () => {});
    const state = q.state;
    if (state.name !== 'waiting') throw new Error(state.name);
    expect(state.retryAt).to.equal(12000);
    q.clear();
  });

  it('stops on a 422 (the parent must change something) and on what a retry cannot fix', async () => {
    const q = queue();
    await q.save('family', flaky(new ApiError('validation', { status: 422, fieldErrors: { 'guardian.email': ['validation.format'] } })).run, () => {});
    expect(q.state.name).to.equal('refused');
    const q2 = queue();
    await q2.save('family', flaky(new ApiError('forbidden', { status: 403 })).run, () => {});
    expect(q2.state.name).to.equal('failed');
    expect(q2.pending, 'kept for the next flush').to.equal(true);
    expect((await q2.flush()).ok, 'the next attempt succeeds').to.equal(true);
  });

  it('pauses on a 401, tells the wizard, and sends on the flush after the login', async () => {
    let expired = 0;
    const q = queue({ onUnauthorized: () => (expired += 1) });
    await q.save('family', flaky(new ApiError('unauthorized', { status: 401 })).run, () => {});
    expect(expired).to.equal(1);
    expect(q.state.name).to.equal('paused');
    expect((await q.flush()).ok).to.equal(true);
  });

  it('a newer write of the same key replaces the one not sent yet; each key is sent in order', async () => {
    const q = queue({ baseMs: 60000 });
    const sent: string[] = [];
    await q.save(
      'family',
      () => Promise.reject(new ApiError('network')),
      () => {},
    );
    const later = q.save(
      'family',
      () => (sent.push('family v2'), Promise.resolve()),
      () => {},
    );
    void q.save(
      'draft:1',
      () => (sent.push('draft'), Promise.resolve()),
      () => {},
    );
    expect((await later).ok).to.equal(true);
    await until(() => sent.length === 2, 'both sent');
    expect(sent).to.deep.equal(['family v2', 'draft']);
  });

  it('offline, waits for the `online` event and then sends', async () => {
    const q = queue({ baseMs: 60000 });
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    try {
      await q.save('draft:1', flaky(new ApiError('network')).run, () => {});
      expect(q.state.name).to.equal('offline');
    } finally {
      delete (navigator as { onLine?: boolean }).onLine;
    }
    window.dispatchEvent(new Event('online'));
    await until(() => q.state.name === 'saved', 'sent once online');
  });
  it('jitters each wait between half and the whole of the backoff, so many tabs do not retry together', async () => {
    const waits: number[] = [];
    for (const r of [0, 0.5, 1]) {
      const q = queue({ baseMs: 10000, random: () => r, now: still });
      await q.save('draft:1', flaky(new ApiError('network')).run, () => {});
      const state = q.state;
      if (state.name !== 'waiting') throw new Error(state.name);
      waits.push(state.retryAt);
      q.clear();
    }
    expect(waits).to.deep.equal([5000, 7500, 10000]);
  });

  it('while a Retry-After runs, a new write waits for it: nothing sent early, the caller told at once', async () => {
    const q = queue();
    await q.save('family', flaky(new ApiError('rate-limited', { status: 429, retryAfterSeconds: 30 })).run, () => {});
    let sent = 0;
    const outcome = await q.save(
      'draft:1',
      () => ((sent += 1), Promise.resolve()),
      () => {},
    );
    expect(outcome.ok).to.equal(false);
    expect(sent, 'not before the 30 s').to.equal(0);
    expect(q.state.name).to.equal('waiting');
    expect(q.keys).to.deep.equal(['family', 'draft:1']);
    q.clear();
  });

  it('a write refused for its content (422) or for good (403) holds back no other: the others go, and the state says the refusal', async () => {
    for (const error of [
      new ApiError('validation', { status: 422, fieldErrors: { 'guardian.email': ['validation.format'] } }),
      new ApiError('forbidden', { status: 403 }),
    ]) {
      const q = queue();
      await q.save('family', flaky(error).run, () => {});
      const sent: string[] = [];
      const draft = await q.save(
        'draft:1',
        () => (sent.push('draft'), Promise.resolve()),
        () => {},
      );
      expect(draft.ok, `${error.kind}: the draft saved`).to.equal(true);
      expect(sent).to.deep.equal(['draft']);
      expect(q.state.name).to.equal(error.kind === 'validation' ? 'refused' : 'failed');
      expect(q.keys).to.deep.equal(['family']);
    }
  });

  it('a refused write is not sent again unchanged by the queue; a 403 is sent again only when the parent asks', async () => {
    let refusedCalls = 0;
    const q = queue();
    await q.save(
      'family',
      () => ((refusedCalls += 1), Promise.reject(new ApiError('validation', { status: 422, fieldErrors: {} }))),
      () => {},
    );
    await q.flush();
    expect(refusedCalls, 'a 422 waits for a newer write').to.equal(1);
    let forbiddenCalls = 0;
    const q2 = queue();
    await q2.save(
      'family',
      () => ((forbiddenCalls += 1), forbiddenCalls === 1 ? Promise.reject(new ApiError('forbidden', { status: 403 })) : Promise.resolve()),
      () => {},
    );
    q2.enqueue(
      'draft:1',
      () => Promise.resolve(),
      () => {},
    );
    await until(() => q2.keys.length === 1, 'the draft sent');
    window.dispatchEvent(new Event('online'));
    await new Promise((r) => setTimeout(r, 50));
    expect(forbiddenCalls, 'not by the queue itself').to.equal(1);
    expect((await q2.flush()).ok, '« Réessayer »').to.equal(true);
    expect(forbiddenCalls).to.equal(2);
  });

  it('enqueue() holds a write behind a failure of the way to the server, and sends it with the next attempt', async () => {
    const q = queue({ baseMs: 60000 });
    await q.save('family', flaky(new ApiError('network')).run, () => {});
    let sent = 0;
    q.enqueue(
      'draft:1',
      () => ((sent += 1), Promise.resolve()),
      () => {},
    );
    await new Promise((r) => setTimeout(r, 30));
    expect(sent, 'held').to.equal(0);
    window.dispatchEvent(new Event('online'));
    await until(() => q.state.name === 'saved', 'both sent');
    expect(sent).to.equal(1);
  });
});
