import { common } from './common.js';
import { errors } from './errors.js';
import { login } from './login.js';
import { passwordReset } from './password-reset.js';
import { home } from './home.js';
import { save } from './save.js';
import { wizard } from './wizard.js';

/**
 * The French catalogue: the source locale. One module per element or concern, ids namespaced by it,
 * so an element's strings are found by its name. These are the strings of the first screens; the
 * steps' strings travel with the steps (./steps-catalogue.ts).
 */
export const fr = { ...common, ...errors, ...login, ...passwordReset, ...home, ...wizard, ...save };
