import type { ReactiveControllerHost } from 'lit';
import type { ApiTransport } from '../../api/transport.js';
import type { FieldErrorsController } from '../../controllers/field-errors-controller.js';
import type { TextFieldOptions } from '../../ui/field.js';

/** How a submit ended: sent (with what the server answered), or not, with the request's error if it got that far. */
export type Sent<T> = { sent: true; value: T } | { sent: false; error?: unknown };

type Host = ReactiveControllerHost & HTMLElement;

/**
 * The identifier input of the login and the lost-password forms: the same account name, so the
 * browser's password manager fills both, and nothing rewrites what the conservatory printed.
 */
export const identifierInput = {
  autocomplete: 'username',
  autocapitalize: 'off',
  spellcheck: false,
  maxlength: 100,
} as const satisfies Partial<TextFieldOptions>;

/**
 * What « Se connecter » and « Valider » share on the two forms of the first screens: a form is
 * never sent twice (`busy`), its fields are checked first (their errors and the summary's focus
 * are the FieldErrorsController's), and a refusal or an unreachable server is kept in `failure`
 * for the element's alert while everything typed stays, so the parent simply tries again.
 * A controller rather than a base class: each element keeps its own markup, texts and properties.
 * It needs none of the host's lifecycle hooks, so it only asks the host to update.
 */
export class FormSubmitController<C extends ApiTransport> {
  /** A request is on its way: the submit button says so and a second submit is ignored. */
  busy = false;
  /** Why the last request failed (an ApiError, or an Error for a missing client); for apiErrorAlert. */
  failure: unknown = undefined;

  readonly #host: Host;
  readonly #fieldErrors: Pick<FieldErrorsController<string>, 'validateAll' | 'hasErrors'>;
  readonly #client: () => C | undefined;

  /** `client` finds the element's client: the login needs only the transport, so it does not load the whole contract. */
  constructor(host: Host, fieldErrors: Pick<FieldErrorsController<string>, 'validateAll' | 'hasErrors'>, client: () => C | undefined) {
    this.#host = host;
    this.#fieldErrors = fieldErrors;
    this.#client = client;
  }

  /**
   * Checks the fields, then runs `send` with the element's client. Resolves `{ sent: true, value }`
   * once the request succeeded; otherwise `{ sent: false }`, with the request's `error` if it was
   * sent: an error the form expects (a wrong password, its own alert) stays out of `failure`.
   * `busy` is already false when it resolves, so whatever the element does next renders as idle.
   */
  async submit<T>(send: (client: C) => Promise<T>, o: { expected?: (error: unknown) => boolean; ready?: () => Promise<unknown> } = {}): Promise<Sent<T>> {
    if (this.busy) return { sent: false };
    // A new attempt: the previous failure is gone, whatever comes of this one.
    this.failure = undefined;
    this.#host.requestUpdate();
    // What the checks need (the login's schemas, fetched as the login was painted): nearly always
    // there already; a parent quicker than the network sees « busy » until it is.
    if (o.ready) {
      this.busy = true;
      try {
        await o.ready();
      } catch (error) {
        this.failure = error;
        return { sent: false, error };
      } finally {
        this.busy = false;
        this.#host.requestUpdate();
      }
    }
    // validateAll shows the errors before its first await (only the summary's focus waits for the
    // render): read them at once, so a valid form is sent in the click's own task and the very next
    // render already says « busy ».
    const validated = this.#fieldErrors.validateAll();
    if (this.#fieldErrors.hasErrors) {
      await validated;
      return { sent: false };
    }

    const client = this.#client();
    if (!client) {
      // An integration mistake (no api-url, no client): the parent still gets a French message.
      console.error(`<${this.#host.localName}>: set the api-url attribute or the client property.`);
      this.failure = new Error('No API client');
      this.#host.requestUpdate();
      return { sent: false };
    }

    this.busy = true;
    this.#host.requestUpdate();
    try {
      return { sent: true, value: await send(client) };
    } catch (error) {
      if (!o.expected?.(error)) this.failure = error;
      return { sent: false, error };
    } finally {
      this.busy = false;
      this.#host.requestUpdate();
    }
  }
}
