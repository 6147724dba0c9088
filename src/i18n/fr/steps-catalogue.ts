import { addMessages } from '../messages.js';
import { coordinates } from './coordinates.js';
import { documents } from './documents.js';
import { steps } from './steps.js';
import { validation } from './validation.js';

/**
 * The strings of the six steps, loaded with them rather than with the login (a third of the
 * bundle's text). Every module that speaks them imports this file, which adds them to the catalogue.
 */
export const stepsCatalogue = { ...validation, ...coordinates, ...steps, ...documents };

addMessages(stepsCatalogue);
