import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, state } from '../../ui/decorators.js';
import { transportOf, type ApiTransport } from '../../api/transport.js';
import { ApiError } from '../../api/errors.js';
import { loadLoginContract, loginContractNow } from '../../api/load-login-contract.js';
import { FieldErrorsController } from '../../controllers/field-errors-controller.js';
import { define } from '../../define.js';
import { emit } from '../../events.js';
import { t, type MessageId } from '../../i18n/index.js';
import { apiErrorAlert } from '../../ui/api-error.js';
import { errorSummary, focusField, type SummaryError } from '../../ui/error-summary.js';
import { textField } from '../../ui/field.js';
import { baseStyles } from '../../ui/styles.js';
import { FormSubmitController, identifierInput } from './form-submit-controller.js';
import { loginStyles } from './login.styles.js';

/*
 * Where the inputs live: in this element's shadow root, like every other field of the widget.
 * Browsers' own password managers (Chrome, Firefox, Safari) fill and save shadow-DOM inputs when
 * the autocomplete tokens are right (username / current-password) and the form is a real <form>;
 * some third-party extensions do not see them. Moving the inputs to the light DOM would expose
 * them to the host page's CSS and scripts and split label, error and input across roots (ARIA
 * references do not cross shadow boundaries). Paste is always allowed, so a parent using such an
 * extension can still copy the password in.
 */

type Field = 'identifier' | 'password';

/** Ids inside the shadow root; also the error-summary targets. */
const ids = { identifier: 'identifier', password: 'password' } as const satisfies Record<Field, string>;

/**
 * The login screen of the family space: identifier, password (with show/hide), « Se connecter »
 * and « Mot de passe perdu ? ».
 *
 * @summary Login form of the re-registration widget.
 *
 * @fires reinscription-logged-in - The server accepted the credentials; `detail: { expiresAt, identifier }`. The session is in `client.session`.
 * @fires reinscription-forgot-password - « Mot de passe perdu ? » was chosen; `detail: { identifier }` (the identifier typed so far).
 *
 * @csspart heading - The screen's heading.
 * @csspart field - Each field (label, error, input).
 * @csspart error-summary - The « Il y a un problème » box listing the empty fields.
 * @csspart alert - The message shown when the server refused or could not be reached.
 * @csspart contact - The contact e-mail line inside an alert.
 *
 * @cssprop --rw-font-size - Base font size (default 16px).
 * @cssprop --rw-color-text - Text colour.
 * @cssprop --rw-color-primary - Buttons and links.
 * @cssprop --rw-color-primary-text - Text on primary buttons.
 * @cssprop --rw-color-error - Error messages and borders.
 * @cssprop --rw-color-border - Input borders.
 * @cssprop --rw-color-surface - Background of notices.
 * @cssprop --rw-color-background - Background of inputs and secondary buttons.
 * @cssprop --rw-radius - Corner radius.
 * @cssprop --rw-space - Base spacing.
 * @cssprop --rw-focus-ring - Focus outline.
 */
export class ReinscriptionLogin extends LitElement {
  static override styles = [baseStyles, loginStyles];

  /** Set by the wizard; standalone, the element uses the shared transport of `api-url` (the login needs no more). */
  @property({ attribute: false }) client: ApiTransport | undefined;

  @property({ attribute: 'api-url' }) apiUrl: string | undefined;

  /** Shown in error messages, so a parent always knows whom to write to. */
  @property({ attribute: 'contact-email' }) contactEmail: string | undefined;

  /** The identifier as typed; prefilled by the wizard and kept when switching to the password reset. */
  @property() identifier = '';

  @state() private password = '';
  @state() private passwordVisible = false;
  @state() private invalidCredentials = false;
  /** Text of the polite live region (show/hide password). */
  @state() private announcement = '';

  // No « Erreur : » title prefix: the login is not a page of the journey, and never had one.
  readonly #fieldErrors = new FieldErrorsController<Field, MessageId>(this, {
    // Before they arrive nothing is said on the fly; « Se connecter » waits for them (a failure to fetch them is « connexion impossible »).
    // The form's zod checks arrive just after the login is painted (api/login-contract.ts).
    check: () => loginContractNow()?.loginErrors({ identifier: this.identifier, password: this.password }) ?? {},
  });

  readonly #submit = new FormSubmitController(this, this.#fieldErrors, () => transportOf(this));

  /** Focuses the heading: the wizard calls this when it shows this screen. */
  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h2.heading')?.focus();
  }

  /**
   * Focuses the identifier, even when it is prefilled (after a session expiry): a screen reader then
   * reads out whose account the session was on before the password is retyped, and on a shared
   * computer another parent sees at once that it is not theirs. Never called by the element itself:
   * the wizard decides focus.
   */
  override focus(options?: FocusOptions): void {
    // Not rendered yet (the wizard asked as it created it): nothing to focus.
    this.shadowRoot?.getElementById(ids.identifier)?.focus(options);
  }

  protected override render(): TemplateResult {
    const errors = this.#fieldErrors.errors;
    const summary: SummaryError[] = (Object.keys(ids) as Field[]).flatMap((f) => {
      const message = errors[f];
      return message ? [{ id: ids[f], message: t(message) }] : [];
    });
    const { busy, failure } = this.#submit;
    return html`
      ${errorSummary(summary, () => this.shadowRoot)}
      <h2 class="heading" part="heading" tabindex="-1">${t('login.heading')}</h2>
      <p>${t('login.intro')}</p>
      ${
        this.invalidCredentials
          ? html`<div class="notice notice--error" role="alert" id="login-error" part="alert"><p>${t('login.invalidCredentials')}</p></div>`
          : nothing
      }
      ${failure !== undefined ? apiErrorAlert(failure, this.contactEmail) : nothing}
      <form novalidate @submit=${this.onSubmit}>
        ${textField({
          id: ids.identifier,
          label: t('login.identifier.label'),
          value: this.identifier,
          error: errors.identifier && t(errors.identifier),
          ...identifierInput,
          onInput: (value) => (this.identifier = value),
        })}
        ${textField({
          id: ids.password,
          label: t('login.password.label'),
          type: this.passwordVisible ? 'text' : 'password',
          value: this.password,
          error: errors.password && t(errors.password),
          autocomplete: 'current-password',
          autocapitalize: 'off',
          spellcheck: false,
          maxlength: 200,
          onInput: (value) => (this.password = value),
          after: html`<button type="button" class="button button--secondary password-toggle" aria-controls=${ids.password} @click=${this.togglePassword}>
            ${this.passwordVisible ? t('common.hidePassword') : t('common.showPassword')}
          </button>`,
        })}
        <div class="actions">
          <button type="submit" class="button" aria-disabled=${busy ? 'true' : 'false'}>${busy ? t('login.submitting') : t('login.submit')}</button>
          <button type="button" class="button button--link" @click=${this.onForgotPassword}>${t('login.forgotPassword')}</button>
        </div>
      </form>
      <p class="visually-hidden" role="status">${this.announcement}</p>
    `;
  }

  protected override firstUpdated(): void {
    // After the frame that paints the form: the checks' download never delays the first field.
    requestAnimationFrame(() => setTimeout(() => void loadLoginContract().catch(() => undefined)));
  }

  private togglePassword(): void {
    this.passwordVisible = !this.passwordVisible;
    this.announcement = this.passwordVisible ? t('common.passwordShown') : t('common.passwordHidden');
  }

  private onForgotPassword(): void {
    emit(this, 'reinscription-forgot-password', { identifier: this.identifier.trim() });
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    this.invalidCredentials = false;
    const refused = (error: unknown) => error instanceof ApiError && error.kind === 'unauthorized';
    const result = await this.#submit.submit(
      (client) => {
        // Hidden again before sending, so the browser never offers to remember it as plain text.
        if (this.passwordVisible) {
          this.passwordVisible = false;
          this.announcement = '';
        }
        return client.login({ identifier: this.identifier.trim(), password: this.password });
      },
      { expected: refused, ready: loginContractNow() ? undefined : loadLoginContract },
    );
    if (result.sent) {
      this.password = '';
      emit(this, 'reinscription-logged-in', { expiresAt: result.value.expiresAt, identifier: this.identifier.trim() });
    } else if (refused(result.error)) {
      // Never keep a refused password; the identifier stays so only the password is retyped.
      // Any other failure keeps both: the parent tries again without retyping.
      this.password = '';
      this.invalidCredentials = true;
      await this.updateComplete;
      focusField(this.shadowRoot, ids.password);
    }
  }
}

define('reinscription-login', ReinscriptionLogin);

declare global {
  interface HTMLElementTagNameMap {
    'reinscription-login': ReinscriptionLogin;
  }
}
