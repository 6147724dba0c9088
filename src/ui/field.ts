import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { t } from '../i18n/index.js';

/**
 * The one field primitive. Template functions, not elements: a label, its input, hint and error
 * must share one DOM root for `for` / `aria-describedby` to work (ARIA references do not cross
 * shadow roots), so fields render straight into the host step's shadow root.
 */

interface Common {
  /** Unique within the host's shadow root; also the target of error-summary links. */
  id: string;
  label: string;
  /** 'fr' for a label that is the campaign's French text on a page in another language (api/localise.ts). */
  labelLang?: 'fr' | undefined;
  hint?: string | TemplateResult;
  /** An already translated message; its presence marks the field invalid. */
  error?: string;
  optional?: boolean;
}

export interface TextFieldOptions extends Common {
  value: string;
  onInput: (value: string) => void;
  onBlur?: () => void;
  type?: 'text' | 'email' | 'tel' | 'password';
  autocomplete?: string;
  inputmode?: 'text' | 'numeric' | 'tel' | 'email' | 'decimal' | 'none';
  maxlength?: number;
  spellcheck?: boolean;
  /** Extra content after the input (e.g. a show-password button). */
  after?: TemplateResult;
  autocapitalize?: 'off' | 'none' | 'on' | 'sentences' | 'words' | 'characters';
  readonly?: boolean;
  /** Sizes the input for short values (postcode, day). */
  width?: 'short' | 'medium';
}

/** TypeScript's AutoFill union misses valid tokens (e.g. organization-title); the browser ignores unknown ones. */
const autofill = (token: string | undefined) => (token ?? '') as AutoFill;

const hintId = (o: Common) => (o.hint ? `${o.id}-hint` : '');
const errorId = (o: Common) => (o.error ? `${o.id}-error` : '');
const describedBy = (...ids: string[]) => ids.filter(Boolean).join(' ') || undefined;

export const labelText = (label: string, optional?: boolean) => (optional ? html`${label} <span class="optional">${t('common.optional')}</span>` : label);

export const hintTemplate = (o: Common) => (o.hint ? html`<p class="hint" id=${hintId(o)}>${o.hint}</p>` : nothing);

export const errorTemplate = (o: Pick<Common, 'id' | 'error'>) =>
  o.error ? html`<p class="error" id=${`${o.id}-error`}><span class="visually-hidden">${t('common.errorPrefix')}</span>${o.error}</p>` : nothing;

export function textField(o: TextFieldOptions): TemplateResult {
  return html`
    <div class="field ${o.error ? 'field--error' : ''} ${o.width ? `field--${o.width}` : ''}" part="field">
      <label for=${o.id}>${labelText(o.label, o.optional)}</label>
      ${hintTemplate(o)} ${errorTemplate(o)}
      <div class="input-row">
        <input
          id=${o.id}
          name=${o.id}
          type=${o.type ?? 'text'}
          .value=${live(o.value)}
          .autocomplete=${autofill(o.autocomplete)}
          inputmode=${ifDefined(o.inputmode)}
          maxlength=${ifDefined(o.maxlength)}
          autocapitalize=${ifDefined(o.autocapitalize)}
          spellcheck=${ifDefined(o.spellcheck === undefined ? undefined : o.spellcheck ? 'true' : 'false')}
          ?readonly=${o.readonly}
          aria-invalid=${o.error ? 'true' : 'false'}
          aria-describedby=${ifDefined(describedBy(hintId(o), errorId(o)))}
          @input=${(e: InputEvent) => o.onInput((e.target as HTMLInputElement).value)}
          @blur=${() => o.onBlur?.()}
        />
        ${o.after ?? nothing}
      </div>
    </div>
  `;
}

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
