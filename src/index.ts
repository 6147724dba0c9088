/**
 * The bundle entry: defines every element (each `define` is skipped when the tag already exists,
 * so the script can be included twice on a page) and exports the public types.
 */
import { define } from './define.js';
import { ReinscriptionFamilyHome } from './elements/family-home/family-home.js';
import { ReinscriptionLogin } from './elements/login/login.js';
import { ReinscriptionPasswordReset } from './elements/password-reset/password-reset.js';
import { loadSteps } from './wizard/load-steps.js';
import { ReinscriptionWizard } from './wizard/wizard.js';

export { ReinscriptionWizard, ReinscriptionLogin, ReinscriptionPasswordReset, ReinscriptionFamilyHome };

export { loadSteps };
export { ApiClient, clientFor } from './api/client.js';
export { ApiError, type ApiErrorKind } from './api/errors.js';
export * from './api/contract.js';
export { routes } from './api/routes.js';
export type { ReinscriptionEvents, ReinscriptionEventName } from './events.js';

/**
 * The step elements are loaded on demand (src/wizard/steps.ts). A page that uses one of them on
 * its own, such as `<reinscription-documents>` to add missing pieces later, gets them loaded too.
 */
function loadStandaloneSteps(): void {
  const standalone = document.querySelector('reinscription-documents:not(:defined), reinscription-coordinates:not(:defined)');
  if (standalone) void loadSteps(standalone.getAttribute('assets-url') ?? undefined).catch(() => undefined);
}
// Defined here, from the classes, rather than left to each module's own define(): whatever a
// bundler decides about side effects, the entry that a page loads defines what it exports.
define('reinscription-wizard', ReinscriptionWizard);
define('reinscription-login', ReinscriptionLogin);
define('reinscription-password-reset', ReinscriptionPasswordReset);
define('reinscription-family-home', ReinscriptionFamilyHome);

if (typeof document !== 'undefined') {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', loadStandaloneSteps, { once: true });
  else loadStandaloneSteps();
}
