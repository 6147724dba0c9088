import { expect, fixture, html } from '@open-wc/testing';
import { render } from 'lit';
import { ApiError } from '../../src/api/errors.js';
import '../../src/i18n/fr/steps-catalogue.js';
import { apiErrorAlert } from '../../src/ui/api-error.js';
import { refusedFields, refusedFieldsLead, serverErrorsFor, stepOfFieldErrors } from '../../src/ui/server-errors.js';
import { normalise } from '../helpers/dom.js';

const refused = (fieldErrors: Record<string, string[]>) => new ApiError('validation', { status: 422, code: 'validation', fieldErrors });

describe('serverErrorsFor', () => {
  const idOf = (path: string[]) => (path.join('.') === 'authorisations.image' ? 'image' : path[0] === 'additionalInfo' ? 'info' : undefined);

  it('keys each path the form has by its field, with the `answers.` prefix or without', () => {
    const errors = serverErrorsFor(
      { 'answers.authorisations.image': ['authorisations.image.required'], additionalInfo: ['validation.invalid'], 'answers.guardian.email': ['x'] },
      idOf,
      'authorisations.serverRefused',
    );
    expect(errors).to.deep.equal({ image: 'authorisations.image.required', info: 'authorisations.serverRefused' });
  });

  it('falls back for an id the catalogue words only with parameters, which the server cannot send', () => {
    const errors = serverErrorsFor({ additionalInfo: ['courses.additionalInfo.tooLong'] }, idOf, 'courses.serverRefused');
    expect(errors).to.deep.equal({ info: 'courses.serverRefused' });
  });

  it('keeps the first message of a field named by two paths', () => {
    const errors = serverErrorsFor(
      { 'answers.authorisations.image': ['authorisations.image.required'], 'authorisations.image': ['x'] },
      idOf,
      'authorisations.serverRefused',
    );
    expect(errors).to.deep.equal({ image: 'authorisations.image.required' });
  });
});

describe('refusedFields', () => {
  it('names every step’s fields in the parent’s words: step 1’s by their section, the others’ by their step', () => {
    const error = refused({
      'answers.guardian.email': ['validation.invalid'],
      'answers.guardian.extraPhones.1': ['validation.format'],
      'answers.paymentMode': ['validation.unknownValue'],
      'answers.authorisations.image': ['validation.invalid'],
      'answers.authorisations.sortie': ['validation.invalid'],
      'answers.administrativeReregistration': ['validation.invalid'],
      'answers.administrativeDetails.instrument': ['validation.invalid'],
      'answers.administrativeDetails.day': ['validation.invalid'],
      'answers.additionalInfo': ['validation.tooLong'],
    });
    expect(refusedFields(error).map(normalise)).to.deep.equal([
      'Responsable : E-mail',
      'Responsable : Tél supplémentaires',
      'Mode de règlement souhaité',
      "Autorisations : Droit à l'image",
      'Autorisations : Autorisation de sortie',
      'Cours : Réinscription administrative',
      "Cours : Instrument choisi par l'élève",
      "Cours : Jour souhaité pour la FM1C1 et la chorale Domin'ut",
      'Cours : Information complémentaire',
    ]);
  });

  it('leaves out what is no answer of a step (the acceptance, another form’s field) rather than show it raw', () => {
    const error = refused({ 'acceptance.acceptedAt': ['x'], email: ['validation.invalid'], 'answers.authorisations': ['validation.invalid'], changes: ['x'] });
    expect(refusedFields(error)).to.deep.equal([]);
    expect(refusedFields(new ApiError('server', { status: 500 }))).to.deep.equal([]);
  });
});

describe('refusedFieldsLead', () => {
  it('names « Modification des coordonnées » only when every field is there', () => {
    expect(normalise(refusedFieldsLead(refused({ 'guardian.email': ['x'], 'student.lastName': ['x'] })))).to.include(
      "à l'étape « Modification des coordonnées »",
    );
  });

  it('names the one other step the fields are on', () => {
    const lead = normalise(refusedFieldsLead(refused({ 'answers.authorisations.image': ['x'] })));
    expect(lead).to.equal("Le serveur a refusé ces informations. Vérifiez-les à l'étape « Autorisations », puis réessayez :");
    expect(normalise(refusedFieldsLead(refused({ 'answers.additionalInfo': ['x'] })))).to.include('« Cours »');
  });

  it('sends the parent to the steps of the list when the fields are on several', () => {
    const lead = normalise(refusedFieldsLead(refused({ 'answers.guardian.email': ['x'], 'answers.additionalInfo': ['x'] })));
    expect(lead).to.equal('Le serveur a refusé ces informations. Vérifiez-les aux étapes où vous les avez saisies, puis réessayez :');
    expect(lead).not.to.include('Modification des coordonnées');
  });

  it('is what the alert says above the list', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const error = refused({ 'answers.authorisations.sortie': ['validation.invalid'] });
    render(apiErrorAlert(error, undefined, { fields: refusedFields(error) }), host);
    const alert = normalise(host.querySelector('[role="alert"]')?.textContent);
    expect(alert).to.include("Vérifiez-les à l'étape « Autorisations »");
    expect(alert).not.to.include('Modification des coordonnées');
    expect(normalise(host.querySelector('li')?.textContent)).to.equal('Autorisations : Autorisation de sortie');
  });
});

describe('stepOfFieldErrors', () => {
  it('says the first step where a refused answer is asked, from the same tables that name it', () => {
    expect(stepOfFieldErrors({ 'answers.additionalInfo': ['validation.tooLong'], 'answers.authorisations.image': ['validation.invalid'] })).to.equal(2);
    expect(stepOfFieldErrors({ 'guardian.email': ['validation.email'], 'answers.additionalInfo': ['validation.tooLong'] })).to.equal(1);
    expect(stepOfFieldErrors({ paymentMode: ['validation.unknownValue'] })).to.equal(1);
    expect(stepOfFieldErrors({ 'answers.administrativeDetails.day': ['validation.required'] })).to.equal(4);
    expect(stepOfFieldErrors({ email: ['validation.required'], 'answers.unknown': ['validation.invalid'] }), 'nothing it knows').to.equal(undefined);
  });
});
