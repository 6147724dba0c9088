import { expect, fixture, html } from '@open-wc/testing';
import { ApiClient } from '../../src/api/client.js';
import '../../src/elements/family-home/family-home.js';
import type { ReinscriptionFamilyHome } from '../../src/elements/family-home/family-home.js';
import { parisInstant } from '../../src/format/paris-time.js';
import { startMockBackend, type MockBackend } from '../../src/mocks/browser.js';
import { DEMO_CREDENTIALS } from '../../src/mocks/seed.js';
import { createStore } from '../../src/mocks/store.js';

// This group's page emulates America/New_York (web-test-runner.config.mjs). Today (26/11/2026) is
// winter time on both sides; the closing date is in Paris summer time (UTC+2), and the opening date
// falls between the US switch to summer time (14/03/2027) and the European one (28/03/2027), when
// New York is 5 hours behind Paris instead of 6.
const BASE = '/api-family-home-ny';
let clock = new Date('2026-11-26T10:00:00Z');
const store = createStore({
  now: () => clock,
  opensAt: parisInstant('2027-03-20', '09:00'),
  closesAt: parisInstant('2027-04-02', '23:59'),
  documentsUntil: parisInstant('2027-04-16', '23:59'),
});

let backend: MockBackend;
let client: ApiClient;

const text = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function renderHome(at: Date): Promise<ReinscriptionFamilyHome> {
  clock = at;
  await client.login({ identifier: DEMO_CREDENTIALS.identifier, password: DEMO_CREDENTIALS.password });
  const [campaign, family] = await Promise.all([client.campaign(), client.family()]);
  return fixture<ReinscriptionFamilyHome>(
    html`<reinscription-family-home .client=${client} .campaign=${campaign} .family=${family}></reinscription-family-home>`,
  );
}

describe('<reinscription-family-home> seen from New York', () => {
  before(async () => {
    backend = await startMockBackend({ baseUrl: BASE, store });
  });
  after(() => backend.stop());
  beforeEach(() => {
    store.reset();
    client = new ApiClient(BASE);
  });
  afterEach(() => client.session.clear());

  it('runs in a browser whose own zone is New York', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).to.equal('America/New_York');
    // 23:59 in Paris on 2 April 2027 is 17:59 in New York.
    expect(parisInstant('2027-04-02', '23:59').getHours()).to.equal(17);
  });

  it("shows the deadline in Paris time, across the change to summer time: « Jusqu'au 02/04/2027 à 23 h 59 »", async () => {
    const el = await renderHome(new Date('2027-03-25T12:00:00Z'));
    expect(el.campaign!.isOpen).to.equal(true);
    const deadline = el.shadowRoot!.querySelector('[part="campaign"] .deadline');
    expect(text(deadline)).to.equal('Jusqu’au 02/04/2027 à 23 h 59');
    await expect(el).to.be.accessible();
  });

  it('shows the opening date in Paris time too, from a winter day', async () => {
    const el = await renderHome(new Date('2026-11-26T10:00:00Z'));
    const box = el.shadowRoot!.querySelector('[part="campaign"]');
    expect(text(box)).to.include('Les réinscriptions ouvriront le 20/03/2027 à 9 h 00.');
    expect(text(box)).to.include('Elles resteront ouvertes jusqu’au 02/04/2027 à 23 h 59.');
    await expect(el).to.be.accessible();
  });

  it('shows the closing date in Paris time once closed', async () => {
    const el = await renderHome(new Date('2027-04-05T12:00:00Z'));
    const box = el.shadowRoot!.querySelector('[part="campaign"]');
    expect(text(box)).to.include('Les réinscriptions en ligne sont closes depuis le 02/04/2027 à 23 h 59.');
    expect(text(box)).to.include('Vous pouvez encore ajouter les pièces manquantes jusqu’au 16/04/2027 à 23 h 59.');
  });
});
