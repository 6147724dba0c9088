import { expect } from '@open-wc/testing';
import { parisDate, parisInstant, parisTime } from '../../src/format/paris-time.js';

// This group's page emulates America/New_York (web-test-runner.config.mjs).
describe('paris-time seen from New York', () => {
  it('runs in a browser whose own zone is New York', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).to.equal('America/New_York');
    expect(new Date('2026-12-06T22:59:00Z').getHours()).to.equal(17);
  });

  it('still shows Paris wall-clock times, across a summer/winter change', () => {
    expect(parisDate('2026-12-06T22:59:00Z')).to.equal('06/12/2026');
    expect(parisTime('2026-12-06T22:59:00Z')).to.equal('23\u00a0h\u00a059');
    const summer = parisInstant('2027-04-02', '23:59');
    expect(parisDate(summer)).to.equal('02/04/2027');
    expect(parisTime(summer)).to.equal('23\u00a0h\u00a059');
  });
});
