/**
 * The demo page: the widget against the MSW mock backend, with a panel (outside the widget) that
 * shows the demo credentials, the "sent" e-mails (password resets, receipts of submissions), and
 * switches faults.
 */
import { startMockBackend } from '../src/mocks/browser.js';
import { isScenarioName } from '../src/mocks/scenarios.js';

const backend = await startMockBackend({ baseUrl: '/api' });
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
scenario.addEventListener('change', () => {
  if (isScenarioName(scenario.value)) backend.scenarios.set(scenario.value);
});

document.querySelector('#demo-reset')!.addEventListener('click', () => {
  backend.store.reset();
  backend.scenarios.reset();
  scenario.value = 'none';
  sessionStorage.clear();
  location.reload();
});
