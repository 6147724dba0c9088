import { html, type TemplateResult } from 'lit';
import type { ApiTransport } from '../api/transport.js';
import '../elements/login/login.js';

/** The login's own parts (its @csspart list), re-exported through the wizard like every screen's (parts.ts). */
const LOGIN_PARTS = 'heading, field, error-summary, alert, contact';

export interface LoginView {
  client: ApiTransport | undefined;
  identifier: string;
  contact: string;
  onLoggedIn: (identifier: string) => void;
  onForgotPassword: (identifier: string) => void;
}

/**
 * The login as the wizard shows it, before its app module has arrived (wizard.ts) and after
 * (app.ts): one template, so Lit keeps the same element, and what the parent is typing, when the
 * rest of the widget arrives under it.
 */
export const loginView = (o: LoginView): TemplateResult =>
  html`<reinscription-login
    data-screen="login"
    exportparts=${LOGIN_PARTS}
    .client=${o.client}
    .identifier=${o.identifier}
    contact-email=${o.contact}
    @reinscription-logged-in=${(e: CustomEvent<{ identifier: string }>) => o.onLoggedIn(e.detail.identifier)}
    @reinscription-forgot-password=${(e: CustomEvent<{ identifier: string }>) => o.onForgotPassword(e.detail.identifier)}
  ></reinscription-login>`;

/**
 * The wizard's body: what stands over the screen (the login, after a session expiry), then the
 * screen, hidden while the login stands over it so what its elements hold is there afterwards.
 * The same template before and after the app module, for the same reason as loginView's.
 */
export const screenFrame = (over: unknown, screen: unknown, hidden: boolean): TemplateResult =>
  html`${over}
    <div ?hidden=${hidden}>${screen}</div>`;
