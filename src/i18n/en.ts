/**
 * The English catalogue, whole (the first screens' strings and the steps'): a chunk of its own,
 * loaded only when English is asked for (i18n/load-locale.ts), so it costs French visitors nothing.
 * Typed as the full Catalogue: a French id without its English string fails the type check.
 */
import type { Catalogue } from './index.js';
import { authorisations } from './en/authorisations.js';
import { common } from './en/common.js';
import { confirmation } from './en/confirmation.js';
import { coordinates } from './en/coordinates.js';
import { courses } from './en/courses.js';
import { documents } from './en/documents.js';
import { errors } from './en/errors.js';
import { frame } from './en/frame.js';
import { home } from './en/home.js';
import { login } from './en/login.js';
import { passwordReset } from './en/password-reset.js';
import { recap } from './en/recap.js';
import { save } from './en/save.js';
import { shared } from './en/shared.js';
import { stepper } from './en/stepper.js';
import { validation } from './en/validation.js';
import { wizard } from './en/wizard.js';

export const en: Catalogue = {
  ...common,
  ...shared,
  ...errors,
  ...login,
  ...frame,
  ...passwordReset,
  ...home,
  ...wizard,
  ...save,
  ...validation,
  ...coordinates,
  ...stepper,
  ...authorisations,
  ...courses,
  ...recap,
  ...confirmation,
  ...documents,
};
