/**
 * The npm package's entry: defines every element but the steps' (each `define` is skipped when the
 * tag already exists, so the script can be included twice on a page) and exports the public types
 * and the whole contract. The built bundle's entry, lighter, is bundle.ts.
 */
import { define } from './define.js';
import { ReinscriptionFamilyHome } from './elements/family-home/family-home.js';
import { ReinscriptionLogin } from './elements/login/login.js';
import { ReinscriptionPasswordReset } from './elements/password-reset/password-reset.js';
import { loadStandalone } from './standalone.js';
import { loadApp } from './wizard/load-app.js';
import { loadSteps } from './wizard/load-steps.js';
import { ReinscriptionWizard } from './wizard/wizard.js';

export { ReinscriptionWizard, ReinscriptionLogin, ReinscriptionPasswordReset, ReinscriptionFamilyHome };

export { loadApp, loadSteps };
export { ApiClient, clientFor } from './api/client.js';
export { ApiError, type ApiErrorKind } from './api/errors.js';
export * from './api/contract.js';
export { routes } from './api/routes.js';
export type { ReinscriptionEvents, ReinscriptionEventName } from './events.js';

// Defined here, from the classes, rather than left to each module's own define(): whatever a
// bundler decides about side effects, the entry that a page loads defines what it exports.
define('reinscription-wizard', ReinscriptionWizard);
define('reinscription-login', ReinscriptionLogin);
define('reinscription-password-reset', ReinscriptionPasswordReset);
define('reinscription-family-home', ReinscriptionFamilyHome);

loadStandalone();
