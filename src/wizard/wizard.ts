import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from '../ui/decorators.js';
import { transportFor, type ApiTransport } from '../api/transport.js';
import { define } from '../define.js';
import { getLocale, languageOf, setLocale, t, type Language } from '../i18n/index.js';
import { loadLocale } from '../i18n/load-locale.js';
import { apiErrorAlert } from '../ui/api-error.js';
import { baseStyles } from '../ui/styles.js';
import type { WizardApp } from './app.js';
import { loadApp } from './load-app.js';
import { loginView, screenFrame } from './login-view.js';
import { wizardStyles } from './wizard.styles.js';

/**
 * @summary The whole re-registration journey: login, family home, and the six steps per student.
 *
 * @fires reinscription-logged-in - A parent logged in: `{ expiresAt }` (from the login screen).
 * @fires reinscription-step-change - The journey moved to a step: `{ studentId, step }`.
 * @fires reinscription-submitted - A re-registration was sent: `{ studentId, reference }`.
 * @fires reinscription-declined - A student was declined: `{ studentId }` (bubbles from the home).
 * @fires reinscription-session-end - The session ended: `{ reason: 'logout' | 'expired' }`.
 *
 * @csspart alert - Error and status messages.
 * @csspart save-status - Whether the answers are on the server: « Enregistré à 14:32 », « Pas encore enregistré… ».
 * @csspart deadline - The warning of the campaign's last hour.
 * @csspart contact - The contact e-mail line.
 * @csspart nav - The previous/next buttons of a step.
 * @csspart heading - Each screen's main heading (re-exported from the inner screens, as all parts below).
 * @csspart field - Every form field.
 * @csspart error-summary - The « Il y a un problème » box of a step.
 * @csspart section - The groups of a form and of the recap.
 * @csspart table - The documents tables.
 * @csspart student - A student's row on the family home.
 * @csspart badge - A student's status on the family home.
 *
 * @cssprop --rw-color-primary - Buttons, links and focus accents (default #1d4f91).
 * @cssprop --rw-color-text - Text colour (default #1e1e1e).
 * @cssprop --rw-color-error - Error colour (default #b3261e).
 * @cssprop --rw-radius - Corner radius (default 6px).
 * @cssprop --rw-space - Base spacing (default 16px).
 * @cssprop --rw-focus-ring - Focus outline (default 3px solid #1e1e1e, 16:1 on white).
 * @cssprop --rw-focus-halo - The 2 px halo inside the outline, seen against buttons (default #f2a900).
 * @cssprop --rw-scroll-margin - Room kept above a focused element for a theme's sticky header (default 80px).
 */
export class ReinscriptionWizard extends LitElement {
  static override styles = [baseStyles, wizardStyles];

  /** Base URL of the backend API, e.g. https://api.example.fr/v1 */
  @property({ attribute: 'api-url' }) apiUrl = '';
  /**
   * Interface language, `fr` or `en`. Empty (the default): the page's own (`<html lang>`, or the
   * nearest ancestor's), French when it is neither; French is the source and the fallback.
   */
  @property() override lang = '';
  /** Shows a « English » / « Français » button that switches the language in place, keeping what was typed. */
  @property({ type: Boolean, attribute: 'language-switch' }) languageSwitch = false;
  /**
   * Where the files the module loads later live (the compression worker). WordPress optimisation
   * plugins may move or concatenate the main file, which breaks import.meta.url; the plugin sets this.
   */
  @property({ attribute: 'assets-url' }) assetsUrl?: string;
  /** Contact e-mail shown before the campaign is loaded (the campaign's own wins afterwards). */
  @property({ attribute: 'contact-email' }) contactEmail = '';

  /**
   * The rest of the widget (app.ts): everything after the login, in a chunk of its own started as
   * soon as the login is painted. Until it is there, this element shows the login and nothing else.
   */
  #app?: WizardApp;
  #appLoading?: Promise<WizardApp | undefined>;
  /** The app chunk could not be fetched: said above the login, with « Réessayer ». */
  #appError: unknown;
  /** The parent logged in, or asked for a new password, before the app arrived: it shows when it does. */
  #waiting = false;
  #transport?: ApiTransport;
  /** The language shown, once its strings are loaded (`lang` on the content, for assistive technology). */
  #language: Language = 'fr';

  /** Whether something typed is not saved on the server yet (the page then warns before leaving). */
  get hasUnsavedChanges(): boolean {
    return this.#app?.hasUnsavedChanges ?? false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('lang')) void this.#applyLanguage();
    if (changed.has('apiUrl') && this.apiUrl) this.#transport = transportFor(this.apiUrl);
    this.#app?.willUpdate(changed);
    // Back in a tab with a session: nothing to type here, the app is needed at once.
    if (!this.#app && this.#transport?.session.token) void this.#loadApp();
  }

  protected override firstUpdated(): void {
    // After the frame that paints the login: its download never competes with the first field's.
    requestAnimationFrame(() => setTimeout(() => void this.#loadApp()));
  }

  protected override updated(): void {
    this.#app?.updated();
  }

  #loadApp(): Promise<WizardApp | undefined> {
    this.#appLoading ??= loadApp(this.assetsUrl).then(
      ({ WizardApp }) => {
        this.#app = new WizardApp(this, { language: () => this.#language, styles: ReinscriptionWizard.elementStyles, resume: !this.#waiting });
        this.#appError = undefined;
        this.requestUpdate();
        return this.#app;
      },
      (error: unknown) => {
        this.#appLoading = undefined;
        this.#appError = error;
        this.requestUpdate();
        return undefined;
      },
    );
    return this.#appLoading;
  }

  /** What the login asked for, once the app is there (at once, nearly always). */
  async #withApp(run: (app: WizardApp) => unknown): Promise<void> {
    this.#waiting = !this.#app;
    this.requestUpdate();
    const app = this.#app ?? (await this.#loadApp());
    this.#waiting = false;
    this.requestUpdate();
    if (app) await run(app);
  }

  #wantedLanguage(): Language {
    return languageOf(this.lang || this.parentElement?.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang);
  }

  /** English comes in a chunk of its own: French shows until it is there, and stays if it cannot be fetched. */
  async #applyLanguage(): Promise<void> {
    const wanted = this.#wantedLanguage();
    try {
      await loadLocale(wanted, this.assetsUrl);
    } catch {
      // Offline or blocked: French is complete, a half-translated page is not.
    }
    setLocale(wanted);
    this.#language = languageOf(getLocale());
    this.requestUpdate();
  }

  #switchLanguage(): void {
    this.lang = this.#language === 'fr' ? 'en' : 'fr';
  }

  // ------------------------------------------------------------ rendering

  override render(): TemplateResult {
    const app = this.#app;
    const contact = app?.contact ?? this.contactEmail;
    const other = this.#language === 'fr' ? 'en' : 'fr';
    const status = app?.status ?? '';
    const saved = app?.saved ?? '';
    const loading = html`<p role="status">${t('wizard.loading')}</p>`;
    const login = loginView({
      client: app?.client ?? this.#transport,
      identifier: app?.identifier ?? '',
      contact,
      onLoggedIn: (identifier) => void this.#withApp((a) => a.loggedIn(identifier)),
      onForgotPassword: (identifier) => void this.#withApp((a) => a.forgotPassword(identifier)),
    });
    return html`<div lang=${this.#language}>
      ${
        this.languageSwitch
          ? html`<div class="language-switch">
              <button type="button" class="button button--link" lang=${other} @click=${() => this.#switchLanguage()}>${t('wizard.otherLanguage')}</button>
            </div>`
          : nothing
      }
      ${app ? app.renderNotices() : nothing}
      <div role="status" class=${status ? 'notice' : 'visually-hidden'} part="alert">${status}</div>
      <p role="status" class=${saved ? 'save-status' : 'visually-hidden'} part="save-status">${saved}</p>
      ${this.#appError ? this.#renderAppError(contact) : nothing} ${app ? app.renderBody(contact, login, loading) : this.#renderBeforeApp(login, loading)}
      ${app ? app.renderFooter() : nothing}
    </div>`;
  }

  /** The login alone, or « Chargement… » for a parent with a session or one who just logged in. */
  #renderBeforeApp(login: TemplateResult, loading: TemplateResult): TemplateResult {
    if (!this.#transport || this.#transport.session.token || this.#waiting) return this.#appError ? html`` : loading;
    return screenFrame(nothing, login, false);
  }

  #renderAppError(contact: string): TemplateResult {
    return apiErrorAlert(this.#appError, contact, {
      actions: html`<div class="actions"><button type="button" class="button" @click=${() => void this.#loadApp()}>${t('common.retry')}</button></div>`,
    });
  }
}

define('reinscription-wizard', ReinscriptionWizard);

declare global {
  interface HTMLElementTagNameMap {
    'reinscription-wizard': ReinscriptionWizard;
  }
}
