import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from '../../ui/decorators.js';
import { clientOf, type ApiClient } from '../../api/client.js';
import { FieldErrorsController } from '../../controllers/field-errors-controller.js';
import { define } from '../../define.js';
import { emit } from '../../events.js';
import { t, type MessageId } from '../../i18n/index.js';
import { passwordResetErrors } from '../../schemas/password-reset.js';
import { apiErrorAlert } from '../../ui/api-error.js';
import { errorSummary, type SummaryError } from '../../ui/error-summary.js';
import { textField } from '../../ui/field.js';
import { baseStyles } from '../../ui/styles.js';
import { FormSubmitController, identifierInput } from '../login/form-submit-controller.js';
import '../../i18n/fr/app-catalogue.js';

type Field = 'identifier' | 'email';

const ids = { identifier: 'reset-identifier', email: 'reset-email' } as const satisfies Record<Field, string>;

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
  @state() private sent = false;

  // No « Erreur : » title prefix: like the login, this screen is not a page of the journey.
  readonly #fieldErrors = new FieldErrorsController<Field, MessageId>(this, {
    check: () => passwordResetErrors({ identifier: this.identifier, email: this.email }),
  });

  readonly #submit = new FormSubmitController(this, this.#fieldErrors, () => clientOf(this));

  /** Set once the request is accepted, so the confirmation is focused when it has rendered. */
  #focusConfirmation = false;

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
    if (!this.#focusConfirmation) return;
    this.#focusConfirmation = false;
    this.renderRoot.querySelector<HTMLElement>('.confirmation')?.focus();
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
    const errors = this.#fieldErrors.errors;
    const summary: SummaryError[] = (Object.keys(ids) as Field[]).flatMap((f) => {
      const message = errors[f];
      return message ? [{ id: ids[f], message: t(message) }] : [];
    });
    const { busy, failure } = this.#submit;
    return html`
      ${errorSummary(summary, () => this.shadowRoot)}
      <h2 class="heading" part="heading" tabindex="-1">${t('passwordReset.heading')}</h2>
      <p>${t('passwordReset.intro')}</p>
      ${failure !== undefined ? apiErrorAlert(failure, this.contactEmail, { id: 'reset-api-error' }) : nothing}
      <form novalidate @submit=${this.onSubmit}>
        ${textField({
          id: ids.identifier,
          label: t('passwordReset.identifier.label'),
          value: this.identifier,
          error: errors.identifier && t(errors.identifier),
          ...identifierInput,
          onInput: (value) => (this.identifier = value),
        })}
        ${textField({
          id: ids.email,
          label: t('passwordReset.email.label'),
          type: 'email',
          value: this.email,
          error: errors.email && t(errors.email),
          autocomplete: 'email',
          inputmode: 'email',
          autocapitalize: 'off',
          spellcheck: false,
          maxlength: 254,
          onInput: (value) => (this.email = value),
        })}
        <div class="actions">
          <button type="submit" class="button" aria-disabled=${busy ? 'true' : 'false'}>
            ${busy ? t('passwordReset.submitting') : t('passwordReset.submit')}
          </button>
          <button type="button" class="button button--link" @click=${this.onBack}>${t('passwordReset.backToLogin')}</button>
        </div>
      </form>
    `;
  }

  private onBack(): void {
    emit(this, 'reinscription-back-to-login', { identifier: this.identifier.trim() });
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    // Whatever fails, the typed values stay so « Valider » can simply be pressed again.
    const result = await this.#submit.submit((client) => client.passwordReset({ identifier: this.identifier.trim(), email: this.email.trim() }));
    if (!result.sent) return;
    this.sent = true;
    this.#focusConfirmation = true;
  }
}

define('reinscription-password-reset', ReinscriptionPasswordReset);

declare global {
  interface HTMLElementTagNameMap {
    'reinscription-password-reset': ReinscriptionPasswordReset;
  }
}
