import { addMessages } from '../messages.js';
import { home } from './home.js';
import { passwordReset } from './password-reset.js';
import { save } from './save.js';
import { wizard } from './wizard.js';
import { shared } from './shared.js';

/**
 * The strings of the screens after the login (the lost-password form, the family home, the save
 * status, the journey's own), loaded with them rather than before the login's first field (see ./steps-catalogue.ts
 * for the steps'). Every module that speaks them imports this file, which adds them to the catalogue.
 */
export const appCatalogue = { ...shared, ...passwordReset, ...home, ...wizard, ...save };

addMessages(appCatalogue);
