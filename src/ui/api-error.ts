import { html, nothing, type TemplateResult } from 'lit';
import { ApiError } from '../api/errors.js';
import { t } from '../i18n/index.js';

/** The French sentence for a failed call: what happened and what to do. */
export function apiErrorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return t('api.server');
  switch (error.kind) {
    case 'rate-limited':
      return error.details.retryAfterSeconds !== undefined
        ? t('api.rate-limited', { seconds: error.details.retryAfterSeconds })
        : t('api.rate-limited.noDelay');
    default:
      return t(`api.${error.kind}`);
  }
}

/**
 * An error alert with the contact e-mail, reachable from every error message.
 * The server's own message, if any, is shown as text (lit escapes it), never as HTML.
 */
export function apiErrorAlert(error: unknown, contactEmail: string | undefined, id = 'api-error'): TemplateResult {
  const serverMessage = error instanceof ApiError && error.kind === 'campaign-closed' ? error.details.serverMessage : undefined;
  return html`
    <div class="notice notice--error" role="alert" id=${id} part="alert">
      <p>${apiErrorMessage(error)}</p>
      ${serverMessage ? html`<p>${t('api.serverSaid')}${serverMessage}</p>` : nothing}
      ${contactEmail ? contactLine(contactEmail) : nothing}
    </div>
  `;
}

export const contactLine = (email: string) =>
  html`<p class="contact" part="contact">${t('common.contactPrefix')}<a href=${`mailto:${email}`}>${email}</a></p>`;
