import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { focusErrorSummary } from '../ui/error-summary.js';
import { markPageTitle } from '../ui/page-title.js';

type Host = ReactiveControllerHost & HTMLElement;

export interface FieldErrorsOptions<K extends string, M extends string> {
  /** Every field's error for the current values: the form's whole check, run at once. */
  check: () => Partial<Record<K, M>>;
  /**
   * Whether errors shown here prefix the page title with « Erreur : » (DSFR / GOV.UK): the steps,
   * which stand for a page of the journey. The prefix goes when the errors go or the host leaves.
   */
  title?: boolean;
  /** A field's current value: a server's refusal of it stays shown until it changes. */
  valueOf?: (field: K) => unknown;
}

/**
 * The form system's validation timing (README, « What a parent fills in »): nothing is flagged
 * until the parent asks to move on (`validateAll`), which shows every error, then focuses the
 * error summary; from then on, only the fields already in error are checked again at each update,
 * so a message goes as soon as its field is fixed and a field not reached yet is never flagged.
 */
export class FieldErrorsController<K extends string, M extends string = string> implements ReactiveController {
  readonly #host: Host;
  readonly #options: FieldErrorsOptions<K, M>;
  #errors: Partial<Record<K, M>> = {};
  /** The server's refusals (422), with the value each field had then. */
  readonly #server = new Map<K, { message: M; value: unknown }>();

  constructor(host: Host, options: FieldErrorsOptions<K, M>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  get errors(): Readonly<Partial<Record<K, M>>> {
    return this.#errors;
  }

  get hasErrors(): boolean {
    return Object.keys(this.#errors).length > 0;
  }

  /** Checks every field; on failure shows them all and focuses the summary. Resolves true when none is in error. */
  async validateAll(): Promise<boolean> {
    this.#server.clear();
    this.#set(this.#options.check());
    this.#host.requestUpdate();
    if (!this.hasErrors) return true;
    await this.#host.updateComplete;
    focusErrorSummary(this.#host.shadowRoot);
    return false;
  }

  /** Errors from elsewhere (the server's 422, a refusal the check cannot see), shown as the check's would be. */
  show(errors: Partial<Record<K, M>>): void {
    this.#set(errors);
    this.#host.requestUpdate();
  }

  clear(): void {
    this.#server.clear();
    this.show({});
  }

  /**
   * The server refused these fields (a 422 the form's own check cannot see): shown like the
   * check's errors, kept until the field's value changes, then the summary is focused.
   */
  async showServer(errors: Partial<Record<K, M>>): Promise<void> {
    for (const [field, message] of Object.entries(errors) as [K, M][]) this.#server.set(field, { message, value: this.#options.valueOf?.(field) });
    this.#set({ ...this.#errors, ...errors });
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    focusErrorSummary(this.#host.shadowRoot);
  }

  hostUpdate(): void {
    if (!this.hasErrors) return;
    const now = this.#options.check();
    const kept: Partial<Record<K, M>> = {};
    for (const field of Object.keys(this.#errors) as K[]) {
      const server = this.#server.get(field);
      if (server && server.value !== this.#options.valueOf?.(field)) this.#server.delete(field);
      const message = now[field] ?? this.#server.get(field)?.message;
      if (message !== undefined) kept[field] = message;
    }
    this.#set(kept);
  }

  hostDisconnected(): void {
    this.#title(false);
  }

  #set(errors: Partial<Record<K, M>>): void {
    this.#errors = Object.fromEntries(Object.entries(errors).filter(([, m]) => m !== undefined)) as Partial<Record<K, M>>;
    this.#title(this.hasErrors);
  }

  #title(hasErrors: boolean): void {
    if (this.#options.title) markPageTitle(hasErrors);
  }
}
