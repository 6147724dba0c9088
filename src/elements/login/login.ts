import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { clientFor, type ApiClient } from '../../api/client.js';
import { ApiError } from '../../api/errors.js';
import { define } from '../../define.js';
import { emit } from '../../events.js';
import { t } from '../../i18n/index.js';
import { apiErrorAlert } from '../../ui/api-error.js';
import { errorSummary, focusErrorSummary, focusField, type SummaryError } from '../../ui/error-summary.js';
import { textField } from '../../ui/field.js';
import { baseStyles } from '../../ui/styles.js';
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
type FieldErrors = Partial<Record<Field, string>>;

/** Ids inside the shadow root; also the error-summary targets. */
const ids = { identifier: 'identifier', password: 'password' } as const satisfies Record<Field, string>;

/**
 * The login screen of the family space: identifier, password (with show/hide), « Se connecter »
 * and « Mot de passe perdu ? ».
 *
 * @summary Login form of the re-registration widget.
 *
 * @fires reinscription-logged-in - The server accepted the credentials; `detail: { expiresAt }`. The session is in `client.session`.
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

  /** Set by the wizard; standalone, the element uses the shared client of `api-url`. */
  @property({ attribute: false }) client: ApiClient | undefined;

  @property({ attribute: 'api-url' }) apiUrl: string | undefined;

  /** Shown in error messages, so a parent always knows whom to write to. */
  @property({ attribute: 'contact-email' }) contactEmail: string | undefined;

  /** The identifier as typed; prefilled by the wizard and kept when switching to the password reset. */
  @property() identifier = '';

  @state() private password = '';
  @state() private passwordVisible = false;
  @state() private errors: FieldErrors = {};
  @state() private busy = false;
  @state() private invalidCredentials = false;
  @state() private failure: unknown = undefined;
  /** Text of the polite live region (show/hide password). */
  @state() private announcement = '';

  /** Set on submit so the summary is focused once it has rendered, not on every update. */
  #focusSummary = false;

  private get activeClient(): ApiClient | undefined {
    return this.client ?? (this.apiUrl ? clientFor(this.apiUrl) : undefined);
  }

  /** Focuses the heading: the wizard calls this when it shows this screen. */
  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h2.heading')?.focus();
  }

  /** Focuses the first field left to fill. Never called by the element itself: the wizard decides focus. */
  override focus(options?: FocusOptions): void {
    const target = this.identifier.trim() ? ids.password : ids.identifier;
    (this.renderRoot as ShadowRoot).getElementById(target)?.focus(options);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.#focusSummary) {
      this.#focusSummary = false;
      focusErrorSummary(this.shadowRoot);
    }
  }

  protected override render(): TemplateResult {
    const summary: SummaryError[] = (Object.keys(ids) as Field[]).flatMap((f) => {
      const message = this.errors[f];
      return message ? [{ id: ids[f], message }] : [];
    });
    return html`
      ${errorSummary(summary, () => this.shadowRoot)}
      <h2 class="heading" part="heading" tabindex="-1">${t('login.heading')}</h2>
      <p>${t('login.intro')}</p>
      ${
        this.invalidCredentials
          ? html`<div class="notice notice--error" role="alert" id="login-error" part="alert"><p>${t('login.invalidCredentials')}</p></div>`
          : nothing
      }
      ${this.failure !== undefined ? apiErrorAlert(this.failure, this.contactEmail) : nothing}
      <form novalidate @submit=${this.onSubmit}>
        ${textField({
          id: ids.identifier,
          label: t('login.identifier.label'),
          value: this.identifier,
          error: this.errors.identifier,
          autocomplete: 'username',
          autocapitalize: 'off',
          spellcheck: false,
          maxlength: 100,
          onInput: (value) => {
            this.identifier = value;
            this.revalidate('identifier');
          },
        })}
        ${textField({
          id: ids.password,
          label: t('login.password.label'),
          type: this.passwordVisible ? 'text' : 'password',
          value: this.password,
          error: this.errors.password,
          autocomplete: 'current-password',
          autocapitalize: 'off',
          spellcheck: false,
          maxlength: 200,
          onInput: (value) => {
            this.password = value;
            this.revalidate('password');
          },
          after: html`<button type="button" class="button button--secondary password-toggle" aria-controls=${ids.password} @click=${this.togglePassword}>
            ${this.passwordVisible ? t('common.hidePassword') : t('common.showPassword')}
          </button>`,
        })}
        <div class="actions">
          <button type="submit" class="button" aria-disabled=${this.busy ? 'true' : 'false'}>${this.busy ? t('login.submitting') : t('login.submit')}</button>
          <button type="button" class="button button--link" @click=${this.onForgotPassword}>${t('login.forgotPassword')}</button>
        </div>
      </form>
      <p class="visually-hidden" role="status">${this.announcement}</p>
    `;
  }

  private validate(field: Field): string | undefined {
    if (field === 'identifier') return this.identifier.trim() ? undefined : t('login.identifier.required');
    // Spaces may be part of a password: only an empty one is refused.
    return this.password ? undefined : t('login.password.required');
  }

  /** A field already in error is checked again as it is corrected; others wait for the next submit. */
  private revalidate(field: Field): void {
    if (!this.errors[field]) return;
    this.errors = { ...this.errors, [field]: this.validate(field) };
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
    if (this.busy) return;

    const errors: FieldErrors = { identifier: this.validate('identifier'), password: this.validate('password') };
    this.errors = errors;
    if (errors.identifier || errors.password) {
      this.invalidCredentials = false;
      this.failure = undefined;
      this.#focusSummary = true;
      return;
    }

    const client = this.activeClient;
    if (!client) {
      // An integration mistake (no api-url, no client): the parent still gets a French message.
      console.error('<reinscription-login>: set the api-url attribute or the client property.');
      this.failure = new Error('No API client');
      return;
    }

    // Hidden again before sending, so the browser never offers to remember it as plain text.
    if (this.passwordVisible) {
      this.passwordVisible = false;
      this.announcement = '';
    }
    this.busy = true;
    this.invalidCredentials = false;
    this.failure = undefined;
    const identifier = this.identifier.trim();
    try {
      const session = await client.login({ identifier, password: this.password });
      this.password = '';
      emit(this, 'reinscription-logged-in', { expiresAt: session.expiresAt });
    } catch (error) {
      if (error instanceof ApiError && error.kind === 'unauthorized') {
        // Never keep a refused password; the identifier stays so only the password is retyped.
        this.password = '';
        this.invalidCredentials = true;
        await this.updateComplete;
        focusField(this.shadowRoot, ids.password);
      } else {
        // Retryable or not, nothing typed is lost: the parent tries again without retyping.
        this.failure = error;
      }
    } finally {
      this.busy = false;
    }
  }
}

define('reinscription-login', ReinscriptionLogin);

declare global {
  interface HTMLElementTagNameMap {
    'reinscription-login': ReinscriptionLogin;
  }
}
