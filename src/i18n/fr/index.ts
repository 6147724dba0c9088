import { common } from './common.js';
import { errors } from './errors.js';
import { login } from './login.js';
import { frame } from './frame.js';

/**
 * The French catalogue: the source locale. One module per element or concern, ids namespaced by it,
 * so an element's strings are found by its name. These are the strings of the main module (the
 * login and the wizard's frame); the later screens' travel with them (./app-catalogue.ts), and the
 * steps' with the steps (./steps-catalogue.ts).
 */
export const fr = { ...common, ...errors, ...login, ...frame };
