import { expect } from '@open-wc/testing';
import { ApiClient } from '../../src/api/client.js';
import { SessionStore } from '../../src/api/session-store.js';
import { startMockBackend, type MockBackend } from '../../src/mocks/browser.js';
import { DEMO_CREDENTIALS } from '../../src/mocks/seed.js';

const BASE = 'https://conservatoire.test/session-store';
const session = (name: string) => ({
  token: `${name}-0123456789abcdef`,
  expiresAt: new Date(Date.now() + 3600_000).toISOString(),
  serverNow: new Date().toISOString(),
});

describe('SessionStore', () => {
  beforeEach(() => sessionStorage.clear());

  it('keeps the token in sessionStorage, never in localStorage, and reads it back in a new store', () => {
    new SessionStore(BASE).set(session('jeton-1'));
    expect(localStorage.length).to.equal(0);
    expect(new SessionStore(BASE).token).to.equal(session('jeton-1').token);
    expect(new SessionStore(`${BASE}/autre`).token, 'another api-url').to.equal(null);
  });

  it('says « expired » when the current token is refused', () => {
    const store = new SessionStore(BASE);
    store.set(session('jeton-1'));
    let expired = 0;
    store.addEventListener('expired', () => (expired += 1));
    store.rejected(session('jeton-1').token);
    expect(expired).to.equal(1);
  });

  it('ignores a refusal of an older token: a late answer does not log out the session that replaced it', () => {
    const store = new SessionStore(BASE);
    store.set(session('jeton-2'));
    let expired = 0;
    store.addEventListener('expired', () => (expired += 1));
    store.rejected(session('jeton-1').token);
    expect(expired).to.equal(0);
  });

  describe('through the client', () => {
    let backend: MockBackend;
    before(async () => {
      backend = await startMockBackend({ baseUrl: BASE });
    });
    after(() => backend.stop());

    it('a 401 to a request sent before a re-login leaves the new session alone', async () => {
      const client = new ApiClient(BASE);
      await client.login(DEMO_CREDENTIALS);
      const stale = client.session.token!;
      // The server forgets every token (as after a restart); a request with the old token is on its way.
      backend.store.reset();
      backend.scenarios.set('slow', { routes: ['family'], times: 1, delayMs: 300 });
      const late = client.family().catch((e: unknown) => e);
      await client.login(DEMO_CREDENTIALS);
      let expired = 0;
      client.session.addEventListener('expired', () => (expired += 1));
      expect(await late).to.have.property('kind', 'unauthorized');
      expect(client.session.token).to.not.equal(stale);
      expect(expired).to.equal(0);
      await client.family();
    });
  });
});
