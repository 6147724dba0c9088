import assert from 'node:assert/strict';
import { richTextToPlain, type RichText } from '../../src/api/blocks.js';
import { parisInstant, toParisIso } from '../../src/format/paris-time.js';
import { createStore } from '../../src/mocks/store.js';
import { ok } from './client.js';
import { control } from './control.js';
import { test } from './harness.js';

const DAY = 86400000;
const parisDate = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
const plusDays = (isoDate: string, days: number) => new Date(Date.parse(`${isoDate}T12:00:00Z`) + days * DAY).toISOString().slice(0, 10);

function links(blocks: RichText): string[] {
  return blocks
    .flatMap((b) => (b.type === 'paragraph' ? [b.content] : b.items))
    .flatMap((inlines) => inlines.flatMap((i) => (i.type === 'link' ? [i.href] : [])));
}

test('after a reset: open, from 20 days ago at 00:00 to 10 days ahead at 23:59 Paris time, pieces 14 days more', async () => {
  const campaign = await ok('campaign');
  const now = new Date(campaign.serverNow);
  assert.ok(Math.abs(now.getTime() - Date.now()) < 60000, 'serverNow is the real time');
  // The reset's « today » in Paris: the same as now's, unless midnight fell in between.
  const today = [now, new Date(now.getTime() - 30000)].map(parisDate).find((d) => campaign.opensAt === toParisIso(parisInstant(plusDays(d, -20), '00:00')));
  assert.ok(today, `opensAt ${campaign.opensAt}: not 20 days before ${parisDate(now)} at 00:00 Paris time`);
  assert.equal(campaign.isOpen, true);
  assert.equal(campaign.closesAt, toParisIso(parisInstant(plusDays(today, 10), '23:59')));
  assert.equal(campaign.documentsUntil, toParisIso(parisInstant(plusDays(today, 24), '23:59')));
  assert.equal(campaign.timeZone, 'Europe/Paris');
  // Re-registration prepares the school year starting on the first 1 September after closing.
  const [year, month] = parisDate(new Date(campaign.closesAt)).split('-').map(Number) as [number, number];
  const start = month >= 9 ? year + 1 : year;
  assert.equal(campaign.schoolYear, `${start}-${start + 1}`);
});

test('writes its dates with the Paris offset of each date, winter and summer', async () => {
  await control.campaign({
    opensAt: new Date('2026-11-01T23:00:00Z'),
    closesAt: new Date('2027-05-30T21:59:00Z'),
    documentsUntil: new Date('2027-06-13T21:59:00Z'),
  });
  const campaign = await ok('campaign');
  assert.equal(campaign.opensAt, '2026-11-02T00:00:00+01:00');
  assert.equal(campaign.closesAt, '2027-05-30T23:59:00+02:00');
  assert.equal(campaign.documentsUntil, '2027-06-13T23:59:00+02:00');
});

test('is closed before opensAt and after closesAt, on the server clock', async () => {
  const now = Date.now();
  await control.campaign({ opensAt: new Date(now - 10 * DAY), closesAt: new Date(now - DAY), documentsUntil: new Date(now + 10 * DAY) });
  assert.equal((await ok('campaign')).isOpen, false);
  await control.clock(new Date(now - 5 * DAY));
  const inside = await ok('campaign');
  assert.equal(inside.isOpen, true);
  assert.ok(Math.abs(Date.parse(inside.serverNow) - (now - 5 * DAY)) < 5000, inside.serverNow);
  await control.clock(null);
  await control.campaign({ opensAt: new Date(now + DAY), closesAt: new Date(now + 10 * DAY) });
  assert.equal((await ok('campaign')).isOpen, false);
});

test("carries the manual's texts, lists and rules", async () => {
  const campaign = await ok('campaign');
  const start = Number(campaign.schoolYear.slice(0, 4));
  assert.deepEqual(campaign.rules, {
    url: `https://www.limonest.fr/wp-content/uploads/${start}/05/REGLEMENT-INTERIEUR-CONSERVATOIRE-${campaign.schoolYear}.pdf`,
    version: campaign.schoolYear,
  });
  assert.equal(campaign.privacy.controller, 'Mairie de Limonest');
  assert.equal(campaign.contactEmail, 'conservatoire@limonest.fr');
  assert.equal(campaign.town, 'Limonest');
  assert.deepEqual(
    campaign.paymentModes.map((m) => [m.code, m.asksBankChange]),
    [
      ['single', false],
      ['direct-debit', true],
    ],
  );
  const directDebit = richTextToPlain(campaign.paymentModes[1]!.explanation);
  assert.ok(directDebit.includes('9 fois') && directDebit.includes('septembre 2021'), directDebit);
  const notes = richTextToPlain(campaign.paymentNotes);
  for (const part of ['Q7', 'proratisation', "l'année complète", "Pass'Culture"]) assert.ok(notes.includes(part), part);
  assert.deepEqual(links(campaign.paymentNotes), ['https://www.payfip.gouv.fr']);

  assert.equal(campaign.documents.maxBytes, 2 * 1024 * 1024);
  assert.deepEqual(campaign.documents.acceptedTypes, ['application/pdf', 'image/jpeg', 'image/png']);
  assert.deepEqual(campaign.documents.acceptedExtensions, ['.pdf', '.jpg', '.jpeg', '.png']);
  const types = Object.fromEntries(campaign.documents.types.map((t) => [t.code, t]));
  assert.deepEqual(types['mandat-sepa']!.condition, { paymentMode: 'direct-debit', bankChanged: true });
  assert.equal(types['attestation-qf']!.optional, true);
  assert.equal(types['attestation-qf']!.consequence, "Sans attestation QF, le tarif le plus élevé (Q7) s'applique.");
  assert.deepEqual(types['danse-adulte-attestation']!.condition, { discipline: 'danse', age: 'adult' });
  // An empty condition (always required) stays an object, not a list.
  assert.deepEqual(types['responsabilite-civile']!.condition, {});

  const sortie = campaign.authorisations.find((a) => a.code === 'sortie')!;
  assert.ok(richTextToPlain(sortie.text).includes("quitter seul·e l'enceinte du Conservatoire"));
  assert.ok((sortie.adultText?.length ?? 0) > 0);
  assert.ok(richTextToPlain(campaign.authorisations[0]!.text).includes('consentie à titre gratuit'));
  assert.equal(links(campaign.courseNotes).length, 3);

  const { references } = campaign;
  assert.deepEqual(
    references.civilites.map((r) => r.code),
    ['MME', 'M'],
  );
  assert.deepEqual(
    references.pcs.map((r) => r.code),
    ['1', '2', '3', '4', '5', '6', '7', '8'],
  );
  assert.deepEqual(references.niveauxScolaires[0], { code: 'PS', label: 'Petite section' });
  assert.equal(references.situationsFamiliales.length, 7);
  assert.ok(campaign.translations?.en, 'English texts');
});

test("by default, everything but the dates is the seed's campaign, to the letter", async () => {
  const served = await ok('campaign');
  const reference = createStore({
    now: () => new Date(served.serverNow),
    opensAt: served.opensAt,
    closesAt: served.closesAt,
    documentsUntil: served.documentsUntil,
    schoolYear: served.schoolYear,
  }).campaign();
  assert.deepEqual(served, reference);
});
