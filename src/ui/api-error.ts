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
    case 'server':
      // A 503 with Retry-After says when the server expects to be back: so do we.
      return error.details.retryAfterSeconds !== undefined ? t('api.unavailable', { seconds: error.details.retryAfterSeconds }) : t('api.server');
    default:
      return t(`api.${error.kind}`);
  }
}

/**
 * The sentence above a 422's list of fields: where to check them. server-errors.ts, which names the
 * fields and so knows their steps, sets it as it loads, with the wizard: the login path, whose
 * size has a budget, never lists fields and does not carry it.
 */
let refusedFieldsLead: (error: unknown) => string = () => t('api.validation.fields');

export function leadRefusedFieldsWith(lead: (error: unknown) => string): void {
  refusedFieldsLead = lead;
}

export interface AlertOptions {
  id?: string;
  /** What worked before the failure, said first (« Connexion réussie, mais… »). */
  lead?: string | undefined;
  /** The ways on, inside the alert (« Réessayer »). */
  actions?: TemplateResult | typeof nothing;
  /** The fields a 422 refused, in the parent's words (server-errors.ts, refusedFields), listed in the alert. */
  fields?: readonly string[];
}

/**
 * An error alert with the contact e-mail, reachable from every error message.
 * The server's own message, if any, is shown as text (lit escapes it), never as HTML.
 */
export function apiErrorAlert(
  error: unknown,
  contactEmail: string | undefined,
  { id = 'api-error', lead, actions = nothing, fields = [] }: AlertOptions = {},
): TemplateResult {
  const serverMessage = error instanceof ApiError && error.kind === 'campaign-closed' ? error.details.serverMessage : undefined;
  return html`
    <div class="notice notice--error" role="alert" id=${id} tabindex="-1" part="alert">
      ${lead ? html`<p>${lead}</p>` : nothing}
      <p>${fields.length ? refusedFieldsLead(error) : apiErrorMessage(error)}</p>
      ${
        fields.length
          ? html`<ul>
              ${fields.map((f) => html`<li>${f}</li>`)}
            </ul>`
          : nothing
      }
      ${serverMessage ? html`<p>${t('api.serverSaid')}${serverMessage}</p>` : nothing} ${actions} ${contactEmail ? contactLine(contactEmail) : nothing}
    </div>
  `;
}

export const contactLine = (email: string) => html`<p class="contact" part="contact">${t('common.contactPrefix')}<a href=${`mailto:${email}`}>${email}</a></p>`;
