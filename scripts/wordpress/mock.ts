/**
 * The mock backend for the WordPress test, loaded with tsx's tsImport so the server, the store and the handlers
 * share one module graph. The campaign's dates and the server's clock are frozen, so the screenshots only change
 * when the widget's look changes.
 */
import { startMockServer, type MockServer } from '../mock-server.js';
import { createStore } from '../../src/mocks/store.js';
import { CONTACT_EMAIL, DEMO_CREDENTIALS } from '../../src/mocks/seed.js';

/** The frozen instant: a spring morning during the campaign. */
export const FROZEN = {
  now: '2027-05-26T10:00:00+02:00',
  opensAt: '2027-05-17T00:00:00+02:00',
  closesAt: '2027-06-11T23:59:00+02:00',
  documentsUntil: '2027-06-25T23:59:00+02:00',
  schoolYear: '2027-2028',
} as const;

export { CONTACT_EMAIL, DEMO_CREDENTIALS };

export async function startFrozenMock(): Promise<MockServer> {
  const now = new Date(FROZEN.now);
  const store = createStore({
    now: () => now,
    opensAt: FROZEN.opensAt,
    closesAt: FROZEN.closesAt,
    documentsUntil: FROZEN.documentsUntil,
    schoolYear: FROZEN.schoolYear,
  });
  return startMockServer({ port: 0, quiet: true, store });
}
