import { expect } from '@open-wc/testing';
import { address, emergencyContact, NAME_MAX, personName, placeName, school } from '../../src/schemas/names.js';
import { outcome } from './helpers.js';

const name = personName({ required: 'validation.guardian.lastName.required', characters: 'validation.guardian.lastName.characters' });
const optionalName = personName({ characters: 'validation.student.lastName.characters' });
const place = placeName({ characters: 'validation.guardian.birthPlace.characters' });

describe('schemas/names', () => {
  describe('person names: every real name passes', () => {
    const accepted: [string, string][] = [
      ["D'AGOSTINO", "D'AGOSTINO"],
      ["N'Diaye", "N'Diaye"],
      ['N’Diaye', "N'Diaye"],
      ['Jean-Marc', 'Jean-Marc'],
      ['Le Bihan', 'Le Bihan'],
      ['Œillet', 'Œillet'],
      ['Zoé', 'Zoé'],
      ['François-Xavier', 'François-Xavier'],
      ['Maëlys', 'Maëlys'],
      ['Müller', 'Müller'],
      ['Ødegaard', 'Ødegaard'],
      ['Nguyễn', 'Nguyễn'],
      ['St. John', 'St. John'],
      ['李', '李'],
      ['محمد', 'محمد'],
      ['Jean–Marc', 'Jean-Marc'],
      ['  Jean    Marc  ', 'Jean Marc'],
      ['Anne\u00a0Sophie', 'Anne Sophie'],
      ['Ze\u0301lie', 'Zélie'],
    ];
    for (const [input, stored] of accepted) {
      it(`accepts « ${input} » as « ${stored} »`, () => {
        expect(outcome(name, input)).to.deep.equal({ value: stored });
      });
    }
  });

  describe('person names: what cannot be a name is refused, with its own message', () => {
    const rejected: [string, string][] = [
      ['', 'validation.guardian.lastName.required'],
      ['   ', 'validation.guardian.lastName.required'],
      ['Jean2', 'validation.guardian.lastName.characters'],
      ['@lice', 'validation.guardian.lastName.characters'],
      ['<script>', 'validation.guardian.lastName.characters'],
      ['Zoé 😀', 'validation.guardian.lastName.characters'],
      ['-', 'validation.guardian.lastName.characters'],
      ["'", 'validation.guardian.lastName.characters'],
      ['a'.repeat(NAME_MAX + 1), 'validation.name.tooLong'],
    ];
    for (const [input, error] of rejected) {
      it(`refuses « ${input.slice(0, 20)} » with ${error}`, () => {
        expect(outcome(name, input)).to.deep.equal({ error });
      });
    }
  });

  describe('characters nobody sees are refused, with their own message, before anything is cleaned', () => {
    const street = address({ characters: 'validation.student.address.characters' });
    for (const [label, input] of [
      ['NUL', 'Jean\u0000Marc'],
      ['a tab', 'Jean\tMarc'],
      ['a line break', 'Jean\nMarc'],
      ['DEL', 'Jean\u007f'],
      ['a right-to-left override', '\u202eJean'],
      ['a left-to-right isolate', 'Jean\u2066Marc\u2069'],
      ['a zero width space', 'Jean\u200bMarc'],
      ['a byte order mark', '\ufeffJean'],
      ['half an emoji', 'Jean\ud83d'],
    ] as const) {
      it(`refuses ${label}`, () => {
        expect(outcome(name, input)).to.deep.equal({ error: 'validation.controlCharacters' });
        expect(outcome(place, input)).to.deep.equal({ error: 'validation.controlCharacters' });
        expect(outcome(street, `12 rue ${input}`)).to.deep.equal({ error: 'validation.controlCharacters' });
      });
    }
    it('an emoji is refused for what it is, not for the joiners inside it', () => {
      expect(outcome(name, 'Zoé \u{1f468}\u200d\u{1f469}\u200d\u{1f467}')).to.deep.equal({ error: 'validation.guardian.lastName.characters' });
    });
    it('a control character of a 10,000-character paste is named before its length', () => {
      expect(outcome(place, `Lyon\u202a${'a'.repeat(10_000)}`)).to.deep.equal({ error: 'validation.controlCharacters' });
    });
  });

  it('an optional name accepts nothing', () => {
    expect(outcome(optionalName, '  ')).to.deep.equal({ value: '' });
  });

  describe('places', () => {
    const accepted: [string, string][] = [
      ['Saint-Étienne', 'Saint-Étienne'],
      ["L'Haÿ-les-Roses", "L'Haÿ-les-Roses"],
      ['Villeneuve-d’Ascq', "Villeneuve-d'Ascq"],
      ['Lyon 3e', 'Lyon 3e'],
      ['Saint-Denis (La Réunion)', 'Saint-Denis (La Réunion)'],
      ['', ''],
    ];
    for (const [input, stored] of accepted) {
      it(`accepts « ${input} »`, () => expect(outcome(place, input)).to.deep.equal({ value: stored }));
    }
    for (const input of ['Lyon@', '<b>Lyon</b>', '---']) {
      it(`refuses « ${input} »`, () => expect(outcome(place, input)).to.deep.equal({ error: 'validation.guardian.birthPlace.characters' }));
    }
  });

  describe('addresses and free texts', () => {
    const street = address({ required: 'validation.guardian.address.required', characters: 'validation.guardian.address.characters' });
    it('accepts the usual French address writing', () => {
      for (const input of ['14 chemin du Puy-d’Or', "12 bis, rue de l'Église", 'Résidence « Les Tilleuls », bât. B n° 4', 'BP 12 - 3 place de la Mairie']) {
        expect(outcome(street, input)).to.have.property('value');
      }
    });
    it('refuses an empty, markup or symbol-only address', () => {
      expect(outcome(street, '')).to.deep.equal({ error: 'validation.guardian.address.required' });
      expect(outcome(street, '<img src=x>')).to.deep.equal({ error: 'validation.guardian.address.characters' });
      expect(outcome(street, '...')).to.deep.equal({ error: 'validation.guardian.address.characters' });
      expect(outcome(street, 'x'.repeat(201))).to.deep.equal({ error: 'validation.address.tooLong' });
    });
    it('takes an emergency contact with its relationship, and a school name', () => {
      const contact = emergencyContact({ characters: 'validation.student.emergencyContact.characters' });
      expect(outcome(contact, 'Marco MOREAU (père)')).to.deep.equal({ value: 'Marco MOREAU (père)' });
      const schoolName = school({ characters: 'validation.student.school.characters' });
      expect(outcome(schoolName, 'Collège Jean-Philippe Rameau, Champagne-au-Mont-d’Or')).to.deep.equal({
        value: "Collège Jean-Philippe Rameau, Champagne-au-Mont-d'Or",
      });
    });
  });
});
