import { html, nothing, type TemplateResult } from 'lit';
import { t } from '../i18n/index.js';

export interface SummaryError {
  /** Id of the field (or fieldset) in the same shadow root. */
  id: string;
  message: string;
}

/**
 * GOV.UK / DSFR error summary: a heading and one link per error, worded exactly like the field's
 * message. The link focuses the field itself (a fragment link would change the host page's URL).
 * The host focuses the summary after rendering it (see focusErrorSummary). A group, so that its
 * name (the heading) is read as focus lands on it: aria-labelledby on a plain <div> is ignored.
 */
export function errorSummary(errors: readonly SummaryError[], root: () => ShadowRoot | null): TemplateResult | typeof nothing {
  if (!errors.length) return nothing;
  const go = (e: Event, id: string) => {
    e.preventDefault();
    focusField(root(), id);
  };
  return html`
    <div class="error-summary" part="error-summary" role="group" tabindex="-1" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">${t('common.errorSummary.title')}</h2>
      <ul>
        ${errors.map((err) => html`<li><a href=${`#${err.id}`} @click=${(e: Event) => go(e, err.id)}>${err.message}</a></li>`)}
      </ul>
    </div>
  `;
}

/** Focuses a field by id; a fieldset passes focus to its first input. */
export function focusField(root: ShadowRoot | null, id: string): void {
  const target = root?.getElementById(id);
  if (!target) return;
  const focusable = target instanceof HTMLFieldSetElement ? (target.querySelector<HTMLElement>('input, select, textarea') ?? target) : target;
  focusable.scrollIntoView?.({ block: 'center' });
  focusable.focus();
}

export function focusErrorSummary(root: ShadowRoot | null): void {
  root?.querySelector<HTMLElement>('.error-summary')?.focus();
}
