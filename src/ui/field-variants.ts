import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { autofill, describedBy, errorId, errorTemplate, hintId, hintTemplate, labelText, type Common } from './field.js';

/**
 * The field kinds beyond the text field: a textarea, a list, a radio group, a checkbox. Built from
 * field.ts's label, hint and error (the one primitive), in a module of their own because only the
 * steps and the family home use them, and the login path carries field.ts.
 */

export interface TextareaOptions extends Common {
  value: string;
  onInput: (value: string) => void;
  maxlength: number;
  /** Counter text, e.g. « 120 caractères restants ». */
  counter: string;
  rows?: number;
}

export function textareaField(o: TextareaOptions): TemplateResult {
  return html`
    <div class="field ${o.error ? 'field--error' : ''}" part="field">
      <label for=${o.id}>${labelText(o.label, o.optional)}</label>
      ${hintTemplate(o)} ${errorTemplate(o)}
      <textarea
        id=${o.id}
        name=${o.id}
        rows=${o.rows ?? 6}
        maxlength=${o.maxlength}
        .value=${live(o.value)}
        aria-invalid=${o.error ? 'true' : 'false'}
        aria-describedby=${describedBy(hintId(o), errorId(o), `${o.id}-counter`) ?? ''}
        @input=${(e: InputEvent) => o.onInput((e.target as HTMLTextAreaElement).value)}
      ></textarea>
      <p class="hint counter" id=${`${o.id}-counter`} aria-live="polite">${o.counter}</p>
    </div>
  `;
}

export interface SelectOptions extends Common {
  value: string;
  options: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
  autocomplete?: string;
  /** Label of the empty first option. */
  placeholder: string;
}

/** A value that is not in today's list (e.g. « Mademoiselle ») is kept and shown, never dropped. */
export function selectField(o: SelectOptions): TemplateResult {
  const known = o.options.some((opt) => opt.value === o.value);
  const options = !o.value || known ? o.options : [{ value: o.value, label: o.value }, ...o.options];
  return html`
    <div class="field ${o.error ? 'field--error' : ''}" part="field">
      <label for=${o.id}>${labelText(o.label, o.optional)}</label>
      ${hintTemplate(o)} ${errorTemplate(o)}
      <select
        id=${o.id}
        name=${o.id}
        .autocomplete=${autofill(o.autocomplete)}
        aria-invalid=${o.error ? 'true' : 'false'}
        aria-describedby=${ifDefined(describedBy(hintId(o), errorId(o)))}
        @change=${(e: Event) => o.onChange((e.target as HTMLSelectElement).value)}
      >
        <option value="" ?selected=${!o.value}>${o.placeholder}</option>
        ${options.map((opt) => html`<option value=${opt.value} ?selected=${opt.value === o.value}>${opt.label}</option>`)}
      </select>
    </div>
  `;
}

export interface RadioGroupOptions extends Common {
  value: string | null;
  options: readonly { value: string; label: string; lang?: 'fr' | undefined }[];
  onChange: (value: string) => void;
  inline?: boolean;
  /** Content shown between the legend and the choices (e.g. the text being agreed to). */
  description?: TemplateResult;
}

/** Yes/no and one-of-n questions: native radios in a fieldset with a legend, never switches. */
export function radioGroup(o: RadioGroupOptions): TemplateResult {
  return html`
    <fieldset
      class="field ${o.error ? 'field--error' : ''}"
      part="field"
      id=${o.id}
      tabindex="-1"
      aria-describedby=${ifDefined(describedBy(hintId(o), errorId(o)))}
    >
      <legend lang=${ifDefined(o.labelLang)}>${labelText(o.label, o.optional)}</legend>
      ${o.description ?? nothing} ${hintTemplate(o)} ${errorTemplate(o)}
      <div class="choices ${o.inline ? 'choices--inline' : ''}">
        ${o.options.map(
          (opt, i) => html`
            <div class="choice">
              <input
                type="radio"
                id=${`${o.id}-${i}`}
                name=${o.id}
                value=${opt.value}
                .checked=${live(opt.value === o.value)}
                aria-invalid=${o.error ? 'true' : 'false'}
                @change=${() => o.onChange(opt.value)}
              />
              <label for=${`${o.id}-${i}`} lang=${ifDefined(opt.lang)}>${opt.label}</label>
            </div>
          `,
        )}
      </div>
    </fieldset>
  `;
}

export interface CheckboxOptions extends Common {
  checked: boolean;
  onChange: (checked: boolean) => void;
}

export function checkboxField(o: CheckboxOptions): TemplateResult {
  return html`
    <div class="field ${o.error ? 'field--error' : ''}" part="field">
      ${hintTemplate(o)} ${errorTemplate(o)}
      <div class="choice">
        <input
          type="checkbox"
          id=${o.id}
          name=${o.id}
          .checked=${live(o.checked)}
          aria-invalid=${o.error ? 'true' : 'false'}
          aria-describedby=${ifDefined(describedBy(hintId(o), errorId(o)))}
          @change=${(e: Event) => o.onChange((e.target as HTMLInputElement).checked)}
        />
        <label for=${o.id}>${labelText(o.label, o.optional)}</label>
      </div>
    </div>
  `;
}
