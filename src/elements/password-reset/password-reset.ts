import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { clientFor, type ApiClient } from '../../api/client.js';
import { define } from '../../define.js';
import { emit } from '../../events.js';
import { t } from '../../i18n/index.js';
import { apiErrorAlert } from '../../ui/api-error.js';
import { errorSummary, focusErrorSummary, type SummaryError } from '../../ui/error-summary.js';
import { textField } from '../../ui/field.js';
import { baseStyles } from '../../ui/styles.js';

type Field = 'identifier' | 'email';
type FieldErrors = Partial<Record<Field, string>>;

const ids = { identifier: 'reset-identifier', email: 'reset-email' } as const satisfies Record<Field, string>;

/** The shape x@y.z only: the conservatory's own records decide whether the address is the right one. */
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The manual's « Mot de passe perdu » screen: identifier and e-mail, « Valider »; a new password is
 * sent by e-mail and replaces the old one.
 *
 * @summary Lost-password form of the re-registration widget.
 *
 * @fires reinscription-back-to-login - « Retour à la connexion » was chosen; `detail: { identifier }`.
 *
 * @csspart heading - The screen's heading.
 * @csspart field - Each field (label, error, input).
 * @csspart error-summary - The « Il y a un problème » box listing the fields to correct.
 * @csspart alert - The message shown when the server could not be reached or failed.
 * @csspart contact - The contact e-mail line inside an alert.
 * @csspart confirmation - The message shown once the request was accepted.
 *
 * @cssprop --rw-font-size - Base font size (default 16px).
 * @cssprop --rw-color-text - Text colour.
 * @cssprop --rw-color-primary - Buttons and links.
 * @cssprop --rw-color-primary-text - Text on primary buttons.
 * @cssprop --rw-color-error - Error messages and borders.
 * @cssprop --rw-color-success - Border of the confirmation.
 * @cssprop --rw-color-border - Input borders.
 * @cssprop --rw-color-surface - Background of notices.
 * @cssprop --rw-color-background - Background of inputs and secondary buttons.
 * @cssprop --rw-radius - Corner radius.
 * @cssprop --rw-space - Base spacing.
 * @cssprop --rw-focus-ring - Focus outline.
 */
export class ReinscriptionPasswordReset extends LitElement {
  static override styles = baseStyles;

  /** Set by the wizard; standalone, the element uses the shared client of `api-url`. */
  @property({ attribute: false }) client: ApiClient | undefined;

  @property({ attribute: 'api-url' }) apiUrl: string | undefined;

  /** Shown in error messages, so a parent always knows whom to write to. */
  @property({ attribute: 'contact-email' }) contactEmail: string | undefined;

  /** The identifier as typed; prefilled from the login screen and handed back to it. */
  @property() identifier = '';

  @state() private email = '';
  @state() private errors: FieldErrors = {};
  @state() private busy = false;
  @state() private failure: unknown = undefined;
  @state() private sent = false;

  #focusAfterUpdate: 'summary' | 'confirmation' | undefined;

  private get activeClient(): ApiClient | undefined {
    return this.client ?? (this.apiUrl ? clientFor(this.apiUrl) : undefined);
  }

  /** Focuses the heading: the wizard calls this when it shows this screen. */
  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h2.heading')?.focus();
  }

  /** Focuses the first field. Never called by the element itself: the wizard decides focus. */
  override focus(options?: FocusOptions): void {
    if (this.sent) {
      this.renderRoot.querySelector<HTMLElement>('.confirmation')?.focus(options);
      return;
    }
    const target = this.identifier.trim() ? ids.email : ids.identifier;
    (this.renderRoot as ShadowRoot).getElementById(target)?.focus(options);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const target = this.#focusAfterUpdate;
    this.#focusAfterUpdate = undefined;
    if (target === 'summary') focusErrorSummary(this.shadowRoot);
    else if (target === 'confirmation') this.renderRoot.querySelector<HTMLElement>('.confirmation')?.focus();
  }

  protected override render(): TemplateResult {
    return this.sent ? this.renderSent() : this.renderForm();
  }

  private renderSent(): TemplateResult {
    return html`
      <h2 class="heading" part="heading" tabindex="-1">${t('passwordReset.heading')}</h2>
      <div class="notice notice--success confirmation" role="status" tabindex="-1" part="confirmation">
        <p>${t('passwordReset.sent')}</p>
      </div>
      <div class="actions">
        <button type="button" class="button" @click=${this.onBack}>${t('passwordReset.backToLogin')}</button>
      </div>
    `;
  }

  private renderForm(): TemplateResult {
    const summary: SummaryError[] = (Object.keys(ids) as Field[]).flatMap((f) => {
      const message = this.errors[f];
      return message ? [{ id: ids[f], message }] : [];
    });
    return html`
      ${errorSummary(summary, () => this.shadowRoot)}
      <h2 class="heading" part="heading" tabindex="-1">${t('passwordReset.heading')}</h2>
      <p>${t('passwordReset.intro')}</p>
      ${this.failure !== undefined ? apiErrorAlert(this.failure, this.contactEmail, 'reset-api-error') : nothing}
      <form novalidate @submit=${this.onSubmit}>
        ${textField({
          id: ids.identifier,
          label: t('passwordReset.identifier.label'),
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
          id: ids.email,
          label: t('passwordReset.email.label'),
          type: 'email',
          value: this.email,
          error: this.errors.email,
          autocomplete: 'email',
          inputmode: 'email',
          autocapitalize: 'off',
          spellcheck: false,
          maxlength: 254,
          onInput: (value) => {
            this.email = value;
            this.revalidate('email');
          },
        })}
        <div class="actions">
          <button type="submit" class="button" aria-disabled=${this.busy ? 'true' : 'false'}>
            ${this.busy ? t('passwordReset.submitting') : t('passwordReset.submit')}
          </button>
          <button type="button" class="button button--link" @click=${this.onBack}>${t('passwordReset.backToLogin')}</button>
        </div>
      </form>
    `;
  }

  private validate(field: Field): string | undefined {
    if (field === 'identifier') return this.identifier.trim() ? undefined : t('passwordReset.identifier.required');
    const email = this.email.trim();
    if (!email) return t('passwordReset.email.required');
    return EMAIL_SHAPE.test(email) ? undefined : t('passwordReset.email.format');
  }

  /** A field already in error is checked again as it is corrected; others wait for the next submit. */
  private revalidate(field: Field): void {
    if (!this.errors[field]) return;
    this.errors = { ...this.errors, [field]: this.validate(field) };
  }

  private onBack(): void {
    emit(this, 'reinscription-back-to-login', { identifier: this.identifier.trim() });
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;

    const errors: FieldErrors = { identifier: this.validate('identifier'), email: this.validate('email') };
    this.errors = errors;
    if (errors.identifier || errors.email) {
      this.failure = undefined;
      this.#focusAfterUpdate = 'summary';
      return;
    }

    const client = this.activeClient;
    if (!client) {
      // An integration mistake (no api-url, no client): the parent still gets a French message.
      console.error('<reinscription-password-reset>: set the api-url attribute or the client property.');
      this.failure = new Error('No API client');
      return;
    }

    this.busy = true;
    this.failure = undefined;
    try {
      await client.passwordReset({ identifier: this.identifier.trim(), email: this.email.trim() });
      this.sent = true;
      this.#focusAfterUpdate = 'confirmation';
    } catch (error) {
      // Whatever failed, the typed values stay so « Valider » can simply be pressed again.
      this.failure = error;
    } finally {
      this.busy = false;
    }
  }
}

define('reinscription-password-reset', ReinscriptionPasswordReset);

declare global {
  interface HTMLElementTagNameMap {
    'reinscription-password-reset': ReinscriptionPasswordReset;
  }
}
