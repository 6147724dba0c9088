import { addMessages } from '../messages.js';
import { authorisations } from './authorisations.js';
import { confirmation } from './confirmation.js';
import { coordinates } from './coordinates.js';
import { courses } from './courses.js';
import { documents } from './documents.js';
import { recap } from './recap.js';
import { stepper } from './stepper.js';
import { validation } from './validation.js';
import { shared } from './shared.js';

/**
 * The strings of the six steps, loaded with them rather than with the login (a third of the
 * bundle's text). Every module that speaks them imports this file, which adds them to the catalogue.
 * Texts follow the conservatory's « Mode d'emploi réinscriptions » where it has them.
 */
export const stepsCatalogue = { ...shared, ...validation, ...coordinates, ...stepper, ...authorisations, ...courses, ...recap, ...confirmation, ...documents };

addMessages(stepsCatalogue);
