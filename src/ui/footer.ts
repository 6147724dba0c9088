import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Campaign } from '../api/contract.js';
import { getLocale, languageOf, t } from '../i18n/index.js';
import { contactLine } from './api-error.js';

/**
 * The widget's footer, on every screen: the contact line (left out where the screen has its own,
 * as the family home does) and the town's « Déclaration d'accessibilité », a legal obligation for a
 * public body, from the campaign. Its status is the town's French wording, marked so on an English page.
 * It opens in a new window, so what is being typed stays where it is.
 */
export function footer(contact: string | undefined, accessibility: Campaign['accessibility']): TemplateResult | typeof nothing {
  if (!contact && !accessibility) return nothing;
  const french = languageOf(getLocale()) === 'fr';
  const status = accessibility?.status ? html` (<span lang=${ifDefined(french ? undefined : 'fr')}>${accessibility.status}</span>)` : nothing;
  return html`<div class="footer">
    ${contact ? contactLine(contact) : nothing}
    ${
      accessibility
        ? html`<p class="accessibility">
            <a href=${accessibility.url} target="_blank" rel="noopener noreferrer"
              >${t('common.accessibility')}${status}<span class="visually-hidden"> ${t('common.newWindow')}</span></a
            >
          </p>`
        : nothing
    }
  </div>`;
}
