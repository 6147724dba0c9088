import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { localeChanges } from './index.js';

/**
 * Re-renders its host when the language changes: every string comes from t() at render time, so
 * a switch to English mid-journey redraws each screen in place, keeping what was typed.
 */
export class LocaleController implements ReactiveController {
  readonly #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    localeChanges.addEventListener('change', this.#update);
  }

  hostDisconnected(): void {
    localeChanges.removeEventListener('change', this.#update);
  }

  readonly #update = (): void => this.#host.requestUpdate();
}
