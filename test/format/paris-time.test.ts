import { expect } from '@open-wc/testing';
import { parisDate, parisInstant, parisOffsetMinutes, parisTime, toParisIso } from '../../src/format/paris-time.js';

describe('paris-time', () => {
  it('formats an instant as Paris wall-clock date and time', () => {
    expect(parisDate('2023-06-11T21:59:00Z')).to.equal('11/06/2023');
    expect(parisTime('2023-06-11T21:59:00Z')).to.equal('23\u00a0h\u00a059');
    expect(parisTime('2026-12-06T22:59:00Z')).to.equal('23\u00a0h\u00a059');
  });

  it('knows the summer and winter offsets', () => {
    expect(parisOffsetMinutes(new Date('2026-07-01T12:00:00Z'))).to.equal(120);
    expect(parisOffsetMinutes(new Date('2026-12-01T12:00:00Z'))).to.equal(60);
  });

  it('finds the instant of a Paris wall-clock time on both sides of a change', () => {
    expect(parisInstant('2026-12-06', '23:59').toISOString()).to.equal('2026-12-06T22:59:00.000Z');
    expect(parisInstant('2027-04-02', '23:59').toISOString()).to.equal('2027-04-02T21:59:00.000Z');
    expect(toParisIso(new Date('2027-04-02T21:59:00Z'))).to.equal('2027-04-02T23:59:00+02:00');
  });
});
