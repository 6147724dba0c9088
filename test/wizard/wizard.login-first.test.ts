/**
 * The login is painted before the rest of the widget (app.ts, a chunk of its own) arrives, and a
 * parent may log in before it does. A file of its own: the app module must not be in the page's
 * module map yet, so that its request can be held.
 */
import { expect } from '@open-wc/testing';
import { http, passthrough } from 'msw';
import { clientFor } from '../../src/api/client.js';
import { DEMO_CREDENTIALS } from '../../src/mocks/seed.js';
import { button, control, inner, normalise, type, until } from '../helpers/dom.js';
import { mount, shown, useMockBackend } from '../helpers/journey.js';

const API = '/api-wizard-login-first';
const mock = useMockBackend(API);

describe('<reinscription-wizard> logged in before its app arrives', () => {
  it('counts the session and the deadline on the server’s clock all the same', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let asked = false;
    mock.backend.worker.use(
      http.get(/\/src\/wizard\/app\.(js|ts)$/, async () => {
        asked = true;
        await held;
        return passthrough();
      }),
    );
    // The server's clock three hours ahead of the device's, the campaign closing in 30 minutes by it:
    // by the device's clock alone, there is no last hour to warn of.
    mock.backend.store.setClock(new Date(Date.now() + 3 * 3600_000));
    mock.backend.store.closesAt = new Date(mock.backend.store.now().getTime() + 30 * 60000);
    const el = await mount(API);
    const login = inner(el, 'reinscription-login');
    type(control(login, 'Identifiant'), DEMO_CREDENTIALS.identifier);
    type(control(login, 'Mot de passe'), DEMO_CREDENTIALS.password);
    button(login, 'Se connecter').click();
    await until(() => clientFor(API).session.token, 'the session');
    expect(asked, 'the app asked for, and held').to.equal(true);
    release();
    await until(
      () => normalise(inner(el, 'reinscription-family-home').textContent).includes("Bonjour Mademoiselle D'AGOSTINO Lydie"),
      'the family home',
      20000,
    );
    await until(() => shown(el).includes("dans moins d'une heure"), 'the last-hour warning');
  });
});
