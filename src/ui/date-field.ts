import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { t } from '../i18n/index.js';
import { errorTemplate, hintTemplate, labelText } from './field.js';

/**
 * A date in French order: one fieldset, Jour / Mois / Année (GOV.UK's date input), never a native
 * date picker whose order follows the browser's locale. Text inputs with inputmode numeric, so
 * phones show digits but « mars » or a pasted « 14/03/1985 » are still accepted by the schema.
 * The fieldset carries the id: the error summary focuses its first input.
 */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export interface DateFieldOptions {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  optional?: boolean;
  value: DateParts;
  onInput: (value: DateParts) => void;
  /**
   * Autofill with the visitor's own birthday (bday-day/-month/-year): for the guardian only, so the
   * browser never puts the parent's birthday in the child's fields.
   */
  ownBirthday?: boolean;
}

// « Jour » takes 10 characters so a whole « 14/03/1985 » can be pasted there; « Mois » takes « septembre ».
const PARTS = [
  { key: 'day', label: 'coordinates.date.day', token: 'bday-day', maxlength: 10 },
  { key: 'month', label: 'coordinates.date.month', token: 'bday-month', maxlength: 9 },
  { key: 'year', label: 'coordinates.date.year', token: 'bday-year', maxlength: 4 },
] as const;

/** « 14/03/1985 » pasted or autofilled into « Jour » fills the three fields. */
function spread(typed: string): DateParts | null {
  const m = /^\s*(\d{1,2})\s*[/.\-\s]\s*(\d{1,2})\s*[/.\-\s]\s*(\d{4})\s*$/u.exec(typed);
  return m ? { day: m[1] ?? '', month: m[2] ?? '', year: m[3] ?? '' } : null;
}

export function dateField(o: DateFieldOptions): TemplateResult {
  const hintId = o.hint ? `${o.id}-hint` : '';
  const errorId = o.error ? `${o.id}-error` : '';
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const change = (key: keyof DateParts, typed: string) => o.onInput((key === 'day' && spread(typed)) || { ...o.value, [key]: typed });
  return html`
    <fieldset class="field date-field ${o.error ? 'field--error' : ''}" part="field" id=${o.id} tabindex="-1" aria-describedby=${ifDefined(describedBy)}>
      <legend>${labelText(o.label, o.optional)}</legend>
      ${hintTemplate(o)} ${errorTemplate(o)}
      <div class="date-parts">
        ${PARTS.map(
          (p) => html`
            <div class="date-part date-part--${p.key}">
              <label for=${`${o.id}-${p.key}`}>${t(p.label)}</label>
              <input
                id=${`${o.id}-${p.key}`}
                name=${`${o.id}-${p.key}`}
                type="text"
                inputmode="numeric"
                autocomplete=${o.ownBirthday ? p.token : 'off'}
                maxlength=${p.maxlength}
                spellcheck="false"
                .value=${live(o.value[p.key])}
                aria-invalid=${o.error ? 'true' : 'false'}
                @input=${(e: InputEvent) => change(p.key, (e.target as HTMLInputElement).value)}
              />
            </div>
          `,
        )}
      </div>
    </fieldset>
  `;
}
