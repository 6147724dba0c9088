import { expect, fixture, html } from '@open-wc/testing';
import { render } from 'lit';
import { ApiError } from '../../src/api/errors.js';
import '../../src/i18n/fr/steps-catalogue.js';
import { apiErrorAlert } from '../../src/ui/api-error.js';
import { refusedFields } from '../../src/ui/server-errors.js';
import { normalise } from '../helpers/dom.js';

const refused = (fieldErrors: Record<string, string[]>) => new ApiError('validation', { status: 422, code: 'validation', fieldErrors });

describe('apiErrorAlert', () => {
  it('names the fields a 422 refused, in the parent’s words, and leaves out paths it cannot name', () => {
    const error = refused({
      'answers.guardian.email': ['validation.invalid'],
      'answers.student.lastName': ['validation.required'],
      'acceptance.acceptedAt': ['x'],
    });
    expect(refusedFields(error)).to.deep.equal(['Responsable\u00a0: E-mail', 'Élève\u00a0: Nom']);
  });

  it('shows them as a list with the contact e-mail, as text', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const error = refused({ 'guardian.phoneMobile': ['validation.invalid'] });
    render(apiErrorAlert(error, 'conservatoire@limonest.fr', { fields: refusedFields(error) }), host);
    const alert = host.querySelector('[role="alert"]')!;
    expect(normalise(alert.querySelector('li')?.textContent)).to.equal('Responsable : Mobile');
    expect(normalise(alert.textContent)).to.include('conservatoire@limonest.fr');
    expect(normalise(alert.textContent)).not.to.include('signalés');
  });

  it('says what to do without a list when no field can be named', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const error = refused({ identifier: ['validation.required'] });
    render(apiErrorAlert(error, undefined, { fields: refusedFields(error) }), host);
    expect(host.querySelector('li')).to.equal(null);
    expect(normalise(host.textContent)).to.include('Vérifiez ce que vous avez saisi');
  });

  it('shows a campaign-closed message from the server as text, never as HTML', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const error = new ApiError('campaign-closed', { status: 409, code: 'campaign-closed', serverMessage: '<img src=x onerror=alert(1)> Clos le 06/12.' });
    render(apiErrorAlert(error, undefined), host);
    expect(host.querySelector('img')).to.equal(null);
    expect(host.textContent).to.include('<img src=x onerror=alert(1)> Clos le 06/12.');
  });
});
