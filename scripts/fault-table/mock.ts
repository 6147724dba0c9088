/**
 * What the fault table needs of the mock, loaded with tsx's tsImport in one module graph (so the
 * servers, their stores and the fixtures share the same classes): two HTTP mock servers (two cells
 * run at once, each against its own store and scenario), which scenario applies to which route,
 * the fixtures, and the demo family.
 */
import { startMockServer, type MockServer } from '../mock-server.js';
import { routes, type RouteName } from '../../src/api/routes.js';
import { completeAnswers, FIXTURE_DOCUMENT } from '../../src/mocks/fixtures.js';
import { scenarioApplies, type ScenarioName } from '../../src/mocks/scenarios.js';
import { DEMO_CREDENTIALS, DEMO_FAMILY_ID } from '../../src/mocks/seed.js';

export { completeAnswers, DEMO_CREDENTIALS, DEMO_FAMILY_ID, FIXTURE_DOCUMENT, routes, scenarioApplies };
export type { RouteName, ScenarioName };

/** A mock server whose calls are counted per route (to see a retry sent before Retry-After said). */
export async function startCountedMock(): Promise<MockServer & { calls: Map<RouteName, number> }> {
  const mock = await startMockServer({ port: 0, quiet: true });
  const calls = new Map<RouteName, number>();
  const take = mock.scenarios.take.bind(mock.scenarios);
  mock.scenarios.take = (route) => {
    calls.set(route, (calls.get(route) ?? 0) + 1);
    return take(route);
  };
  return Object.assign(mock, { calls });
}
