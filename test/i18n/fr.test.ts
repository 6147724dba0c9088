import { expect } from '@open-wc/testing';
import { authorisations } from '../../src/i18n/fr/authorisations.js';
import { confirmation } from '../../src/i18n/fr/confirmation.js';
import { courses } from '../../src/i18n/fr/courses.js';
import { recap } from '../../src/i18n/fr/recap.js';
import { stepper } from '../../src/i18n/fr/stepper.js';
import { stepsCatalogue } from '../../src/i18n/fr/steps-catalogue.js';

describe('i18n/fr: strings by element', () => {
  const byElement = { stepper, authorisations, courses, recap, confirmation };

  for (const [name, strings] of Object.entries(byElement)) {
    it(`fr/${name}.ts holds only « ${name}.* » ids, all in the steps catalogue`, () => {
      const ids = Object.keys(strings);
      expect(ids).to.not.be.empty;
      expect(ids.filter((id) => !id.startsWith(`${name}.`))).to.deep.equal([]);
      expect(ids.filter((id) => !(id in stepsCatalogue))).to.deep.equal([]);
    });
  }

  it('counts and plurals the way a parent reads them', () => {
    expect(courses['courses.additionalInfo.remaining']({ count: 1 })).to.equal('1\u00a0caractère restant');
    expect(courses['courses.additionalInfo.remaining']({ count: 0 })).to.equal('0\u00a0caractère restant');
    expect(courses['courses.additionalInfo.over']({ count: 1200 }).replace(/\s/g, ' ')).to.equal('1 200 caractères en trop');
  });
});
