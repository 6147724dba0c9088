/**
 * The entry of dist/, what a town's page loads: the wizard's frame and its login, and what the
 * login needs to call POST /session, nothing else (the login path, `npm run size`). The rest
 * arrives as soon as the login is painted: `loadApp()` (the lost-password screen, the family home,
 * the journey) and `loadSteps()` (the six steps). The npm package's `.` export (index.ts) has
 * every element and the whole contract.
 */
import { define } from './define.js';
import { ReinscriptionLogin } from './elements/login/login.js';
import { loadStandalone } from './standalone.js';
import { loadApp } from './wizard/load-app.js';
import { loadSteps } from './wizard/load-steps.js';
import { ReinscriptionWizard } from './wizard/wizard.js';

export { ReinscriptionWizard, ReinscriptionLogin, loadApp, loadSteps };
export type { ReinscriptionEvents, ReinscriptionEventName } from './events.js';

// Defined here, from the classes, rather than left to each module's own define(): whatever a
// bundler decides about side effects, the entry that a page loads defines what it exports.
define('reinscription-wizard', ReinscriptionWizard);
define('reinscription-login', ReinscriptionLogin);

loadStandalone();
