import { loadApp } from './wizard/load-app.js';
import { loadSteps } from './wizard/load-steps.js';

/**
 * The elements after the login and the step elements are loaded on demand, with the wizard. A page
 * that uses one of them on its own, such as `<reinscription-documents>` to add missing pieces
 * later, gets its chunk loaded too (from the element's assets-url when it has one).
 */
export function loadStandalone(): void {
  if (typeof document === 'undefined') return;
  const run = () => {
    for (const [load, tags] of [
      [loadApp, 'family-home,password-reset'],
      [loadSteps, 'documents,coordinates'],
    ] as const) {
      const el = document.querySelector(tags.replace(/[\w-]+/g, 'reinscription-$&:not(:defined)'));
      if (el) void load(el.getAttribute('assets-url') ?? undefined).catch(() => undefined);
    }
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run, { once: true });
  else run();
}
