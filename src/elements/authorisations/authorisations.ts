import { ifDefined } from 'lit/directives/if-defined.js';
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { frenchIn } from '../../api/localise.js';
import { property } from '../../ui/decorators.js';
import type { Authorisation, Campaign, Registration, RegistrationAnswers } from '../../api/contract.js';
import { FieldErrorsController } from '../../controllers/field-errors-controller.js';
import { define } from '../../define.js';
import { emit } from '../../events.js';
import { yesNoOptions } from '../../format/display.js';
import { t, type MessageId } from '../../i18n/index.js';
import { authorisationErrors, QUESTIONS, type Answer, type Question } from '../../schemas/authorisations.js';
import { errorSummary, type SummaryError } from '../../ui/error-summary.js';
import { radioGroup } from '../../ui/field-variants.js';
import { richText } from '../../ui/rich-text.js';
import { serverErrorsFor } from '../../ui/server-errors.js';
import { valid, type StepElement, type StepResult } from '../../wizard/step-contract.js';
import { variantStyles } from '../../ui/field-variants.styles.js';
import { baseStyles } from '../../ui/styles.js';
import { authorisationsStyles } from './authorisations.styles.js';
import '../../i18n/fr/steps-catalogue.js';

/** Ids inside the shadow root; also the error-summary targets. */
const ids = { image: 'authorisation-image', sortie: 'authorisation-sortie' } as const satisfies Record<Question, string>;

/** A 422's path (`authorisations.image`) as this step's question. */
const questionOf = ([group, key, ...rest]: string[]): Question | undefined =>
  group === 'authorisations' && !rest.length ? QUESTIONS.find((q) => q === key) : undefined;

/**
 * Step 2 « Autorisations »: « Droit à l'image » and « Autorisation de sortie », each an explicit
 * Oui / Non (never preselected: an unanswered question is `null` in the answers). The question comes
 * first; the full text of the authorisation (two and a half phone screens for the image rights)
 * follows it behind « Lire le texte », folded on every screen, so Oui / Non is never pages away. A controlled component: it renders `answers` and
 * reports each choice as a patch; the wizard merges it and passes `answers` back.
 *
 * @summary Step 2 of the re-registration: image rights and leaving-alone authorisation.
 *
 * @fires reinscription-answers-change - A question was answered; `detail: { patch: { authorisations: { image } } }` (only the answer given).
 *
 * @csspart heading - The step's heading.
 * @csspart field - Each question (fieldset with its legend, text, error and choices).
 * @csspart error-summary - The « Il y a un problème » box.
 *
 * @cssprop --rw-font-size - Base font size (default 16px).
 * @cssprop --rw-color-text - Text colour.
 * @cssprop --rw-color-primary - Links, the disclosure of each text and the radio buttons.
 * @cssprop --rw-color-error - Error messages and borders.
 * @cssprop --rw-color-border - The rule beside each authorisation text.
 * @cssprop --rw-color-muted - Hints.
 * @cssprop --rw-space - Base spacing.
 * @cssprop --rw-focus-ring - Focus outline.
 */
export class ReinscriptionAuthorisations extends LitElement implements StepElement {
  static override styles = [baseStyles, variantStyles, authorisationsStyles];

  @property({ attribute: false }) campaign: Campaign | undefined;

  /** The student's registration from the backend (kept for the common step contract). */
  @property({ attribute: false }) registration: Registration | undefined;

  @property({ attribute: false }) answers: RegistrationAnswers | undefined;

  /** 18 or more on 1 September of the school year: the « sortie » question is worded for an adult. */
  @property({ type: Boolean }) adult = false;

  // A step stands for a page of the journey: while it shows errors, the page title says « Erreur : ».
  readonly #fieldErrors = new FieldErrorsController<Question, MessageId>(this, {
    check: () => authorisationErrors(this.answers?.authorisations ?? { image: null, sortie: null }, { adult: this.adult }),
    title: true,
    valueOf: (q) => this.answers?.authorisations[q],
  });

  /** Focuses the step's heading: the wizard calls this when it shows the step. */
  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h2.heading')?.focus();
  }

  /**
   * Checks both questions. On failure shows the summary and the field messages, then focuses the
   * summary; from then on an answered question loses its message as soon as the new answers arrive.
   */
  async validate(): Promise<StepResult> {
    return (await this.#fieldErrors.validateAll()) ? valid() : { ok: false };
  }

  showServerErrors(fieldErrors: Record<string, readonly string[]>): boolean {
    const errors = serverErrorsFor<Question>(fieldErrors, questionOf, 'authorisations.serverRefused');
    if (!Object.keys(errors).length) return false;
    void this.#fieldErrors.showServer(errors);
    return true;
  }

  protected override render(): TemplateResult | typeof nothing {
    if (!this.campaign || !this.answers) return nothing;
    const summary: SummaryError[] = QUESTIONS.flatMap((q) => {
      const message = this.message(q);
      return message ? [{ id: ids[q], message }] : [];
    });
    return html`
      ${errorSummary(summary, () => this.shadowRoot)}
      <h2 class="heading" part="heading" tabindex="-1">${t('authorisations.heading')}</h2>
      <p>${t('authorisations.intro')}</p>
      ${this.question('image')} ${this.question('sortie')}
    `;
  }

  private question(q: Question): TemplateResult {
    const authorisation = this.authorisation(q);
    const label = this.label(q);
    const adultSortie = q === 'sortie' && this.adult;
    const textField = adultSortie && authorisation?.adultText ? 'adultText' : 'text';
    const text = authorisation?.[textField];
    return html`<div class="question">
      ${radioGroup({
        id: ids[q],
        label,
        labelLang: frenchIn(authorisation, 'label'),
        value: this.answers?.authorisations[q] ?? null,
        options: yesNoOptions(),
        inline: true,
        hint: adultSortie ? t('authorisations.sortie.adultHint') : undefined,
        error: this.message(q),
        onChange: (value) => this.answer(q, value === 'oui' ? 'oui' : 'non'),
      })}
      ${
        text?.length
          ? html`<details class="authorisation-text">
              <summary><span>${t('authorisations.readText')}</span><span class="visually-hidden">${t('authorisations.readTextOf', { label })}</span></summary>
              <div class="authorisation-text-body" lang=${ifDefined(frenchIn(authorisation, textField))}>${richText(text)}</div>
            </details>`
          : nothing
      }
    </div>`;
  }

  private label(q: Question): string {
    return this.authorisation(q)?.label ?? t(`authorisations.${q}.legend`);
  }

  private message(q: Question): string | undefined {
    const error = this.#fieldErrors.errors[q];
    if (error !== 'authorisations.serverRefused') return error && t(error);
    return t(error, { field: this.label(q) });
  }

  private authorisation(code: Question): Authorisation | undefined {
    return this.campaign?.authorisations.find((a) => a.code === code);
  }

  private answer(q: Question, value: Answer): void {
    if (!this.answers) return;
    emit(this, 'reinscription-answers-change', { patch: { authorisations: { [q]: value } } });
  }
}

define('reinscription-authorisations', ReinscriptionAuthorisations);

declare global {
  interface HTMLElementTagNameMap {
    'reinscription-authorisations': ReinscriptionAuthorisations;
  }
}
