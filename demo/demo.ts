/**
 * The demo page: the widget against the MSW mock backend, with a panel (outside the widget) that
 * shows the demo credentials, the "sent" e-mails (password resets, receipts of submissions), and
 * switches faults.
 */
import { routes, type RouteName } from '../src/api/routes.js';
import { startMockBackend } from '../src/mocks/browser.js';
import { FIXTURE_DESCRIPTIONS, FIXTURE_NAMES, isFixtureName, resetWithFixture, type FixtureName } from '../src/mocks/fixtures.js';
import { isScenarioName, SCENARIO_DESCRIPTIONS, SCENARIO_NAMES } from '../src/mocks/scenarios.js';

const backend = await startMockBackend({ baseUrl: '/api' });
/** The starting state chosen at the last reset survives the reload it makes (the store itself does not). */
const FIXTURE_KEY = 'reinscription-demo:fixture';
const savedFixture = sessionStorage.getItem(FIXTURE_KEY);
if (isFixtureName(savedFixture)) resetWithFixture(backend.store, savedFixture);
await import('../src/index.js');

const outbox = document.querySelector<HTMLOListElement>('#demo-outbox')!;
const password = document.querySelector<HTMLElement>('#demo-password')!;

function renderOutbox(): void {
  const mails = backend.store.outbox;
  if (!mails.length) return;
  outbox.replaceChildren(
    ...mails.map((mail) => {
      const li = document.createElement('li');
      if (mail.kind === 'password-reset') {
        li.textContent = `À ${mail.to} : nouveau mot de passe ${mail.password}`;
        return li;
      }
      // A receipt: its subject, and the whole text behind a disclosure (it is long).
      const details = document.createElement('details');
      const summary = document.createElement('summary');
      summary.textContent = `À ${mail.to} : ${mail.subject}`;
      const body = document.createElement('pre');
      body.className = 'demo-mail';
      body.textContent = mail.body;
      details.append(summary, body);
      li.append(details);
      return li;
    }),
  );
  const last = mails.filter((m) => m.kind === 'password-reset').at(-1);
  if (last) password.textContent = last.password;
}

backend.worker.events.on('response:mocked', () => renderOutbox());

const scenario = document.querySelector<HTMLSelectElement>('#demo-scenario')!;
const route = document.querySelector<HTMLSelectElement>('#demo-route')!;
const fixture = document.querySelector<HTMLSelectElement>('#demo-fixture')!;

const option = (value: string, label: string) => Object.assign(document.createElement('option'), { value, textContent: label });
scenario.replaceChildren(...SCENARIO_NAMES.map((name) => option(name, SCENARIO_DESCRIPTIONS[name])));
route.append(...(Object.keys(routes) as RouteName[]).map((name) => option(name, `${routes[name].method} ${routes[name].path}`)));
fixture.replaceChildren(...FIXTURE_NAMES.map((name) => option(name, FIXTURE_DESCRIPTIONS[name])));
if (isFixtureName(savedFixture)) fixture.value = savedFixture;

function applyScenario(): void {
  if (!isScenarioName(scenario.value)) return;
  const only = route.value && route.value in routes ? [route.value as RouteName] : undefined;
  backend.scenarios.set(scenario.value, only ? { routes: only } : {});
}
scenario.addEventListener('change', applyScenario);
route.addEventListener('change', applyScenario);

document.querySelector('#demo-reset')!.addEventListener('click', () => {
  const chosen: FixtureName = isFixtureName(fixture.value) ? fixture.value : 'seed';
  backend.scenarios.reset();
  scenario.value = 'none';
  sessionStorage.clear();
  if (chosen !== 'seed') sessionStorage.setItem(FIXTURE_KEY, chosen);
  location.reload();
});
