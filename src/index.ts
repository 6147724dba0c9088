/**
 * The bundle entry: defines every element (each `define` is skipped when the tag already exists,
 * so the script can be included twice on a page) and exports the public types.
 */
export { ReinscriptionWizard } from './wizard/wizard.js';
export { ReinscriptionLogin } from './elements/login/login.js';
export { ReinscriptionPasswordReset } from './elements/password-reset/password-reset.js';
export { ReinscriptionFamilyHome } from './elements/family-home/family-home.js';
import { loadSteps } from './wizard/load-steps.js';

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
if (typeof document !== 'undefined') {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', loadStandaloneSteps, { once: true });
  else loadStandaloneSteps();
}
