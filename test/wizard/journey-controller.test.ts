import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { JourneyController } from '../../src/wizard/journey-controller.js';

const API = '/api-journey-controller';
const KEY = `reinscription-wizard:journey:${API}`;

class JourneyHost extends LitElement {
  readonly journey = new JourneyController(this);
}
customElements.define('journey-controller-host', JourneyHost);

const stored = () => JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as { familyConfirmed?: { studentId: string } } | null;

describe('JourneyController', () => {
  beforeEach(() => sessionStorage.clear());

  it('keeps the journey in the tab at each change', async () => {
    const host = await fixture<JourneyHost>(html`<journey-controller-host></journey-controller-host>`);
    host.journey.open(API);
    host.journey.confirmFamily('s1', '2026-12-03T10:00:00Z');
    expect(stored()?.familyConfirmed?.studentId).to.equal('s1');
  });

  it('taken off the page, it no longer writes over the tab’s journey, and writes its own once it is back', async () => {
    const host = await fixture<JourneyHost>(html`<journey-controller-host></journey-controller-host>`);
    host.journey.open(API);
    host.journey.confirmFamily('s1', '2026-12-03T10:00:00Z');
    const parent = host.parentElement!;
    host.remove();
    // Another wizard of the same api-url keeps its own journey; a late answer to the removed one's
    // request (a draft saved, a refresh) must not bring the older one back.
    sessionStorage.setItem(KEY, JSON.stringify({ journey: { screen: 'home' }, students: {} }));
    host.journey.confirmFamily('s2', '2026-12-03T10:05:00Z');
    expect(stored()?.familyConfirmed, 'the other journey left alone').to.equal(undefined);
    parent.append(host);
    expect(stored()?.familyConfirmed?.studentId, 'its latest, once back').to.equal('s2');
  });
});
