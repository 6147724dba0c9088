import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { t } from '../i18n/index.js';

/**
 * The one field primitive. Template functions, not elements: a label, its input, hint and error
 * must share one DOM root for `for` / `aria-describedby` to work (ARIA references do not cross
 * shadow roots), so fields render straight into the host step's shadow root. The text field is
 * here; the other kinds, built from the same label, hint and error, are in field-variants.ts (the
 * login path needs only this one).
 */

export interface Common {
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
export const autofill = (token: string | undefined) => (token ?? '') as AutoFill;

export const hintId = (o: Common) => (o.hint ? `${o.id}-hint` : '');
export const errorId = (o: Common) => (o.error ? `${o.id}-error` : '');
export const describedBy = (...ids: string[]) => ids.filter(Boolean).join(' ') || undefined;

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
