import { common } from './common.js';
import { errors } from './errors.js';
import { login } from './login.js';
import { passwordReset } from './password-reset.js';
import { home } from './home.js';
import { wizard } from './wizard.js';
import { validation } from './validation.js';

/**
 * The French catalogue: the source locale. One module per element or concern, ids namespaced by it,
 * so an element's strings are found by its name.
 */
export const fr = { ...common, ...errors, ...login, ...passwordReset, ...home, ...wizard, ...validation };
