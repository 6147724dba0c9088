import { expect } from '@open-wc/testing';
import { frenchIn, localiseCampaign } from '../../src/api/localise.js';
import { createStore } from '../../src/mocks/store.js';

describe('api/localise', () => {
  const campaign = createStore().campaign();

  it('in French, is the campaign itself, and nothing is marked', () => {
    expect(localiseCampaign(campaign, 'fr')).to.equal(campaign);
    expect(frenchIn(campaign, 'courseNotes')).to.equal(undefined);
  });

  it('in English, takes each translated text, and marks lang="fr" on the ones left in French', () => {
    const en = localiseCampaign(campaign, 'en');
    const image = en.authorisations.find((a) => a.code === 'image')!;
    expect(image.label).to.equal('Image rights');
    expect(frenchIn(image, 'label')).to.equal(undefined);
    const mode = en.paymentModes.find((m) => m.code === 'single')!;
    expect(mode.label).to.equal('Single payment');
    // The mock leaves the document types and the notes untranslated, as a town might.
    const piece = en.documents.types[0]!;
    expect(piece.label).to.equal(campaign.documents.types[0]!.label);
    expect(frenchIn(piece, 'label')).to.equal('fr');
    expect(frenchIn(en, 'courseNotes')).to.equal('fr');
    expect(en.schoolYear, 'the rest as sent').to.equal(campaign.schoolYear);
  });

  it('gives the same object for the same campaign and language (screens compare it)', () => {
    expect(localiseCampaign(campaign, 'en')).to.equal(localiseCampaign(campaign, 'en'));
  });

  it('without any translation, everything is French, and marked so', () => {
    const bare = { ...campaign, translations: undefined };
    const en = localiseCampaign(bare, 'en');
    expect(en.authorisations[0]!.label).to.equal(campaign.authorisations[0]!.label);
    expect(frenchIn(en.authorisations[0], 'label')).to.equal('fr');
    expect(frenchIn(en.authorisations[0], 'text')).to.equal('fr');
  });
});
