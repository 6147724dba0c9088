import { expect } from '@open-wc/testing';
import { mergeAnswers } from '../../src/wizard/answers.js';
import { answers } from '../fixtures/steps.js';

describe('mergeAnswers', () => {
  it('keeps both authorisations when they are answered in quick succession', () => {
    const start = answers('gianni', { authorisations: { image: null, sortie: null } });
    const once = mergeAnswers(start, { authorisations: { image: 'oui' } });
    const twice = mergeAnswers(once, { authorisations: { sortie: 'non' } });
    expect(twice.authorisations).to.deep.equal({ image: 'oui', sortie: 'non' });
    expect(start.authorisations, 'the original is untouched').to.deep.equal({ image: null, sortie: null });
  });

  it('replaces the other answers as given', () => {
    const merged = mergeAnswers(answers(), { additionalInfo: 'FM le samedi', administrativeReregistration: true });
    expect(merged.additionalInfo).to.equal('FM le samedi');
    expect(merged.administrativeReregistration).to.equal(true);
    expect(merged.guardian).to.deep.equal(answers().guardian);
  });
});
