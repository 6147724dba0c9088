import { html, type TemplateResult } from 'lit';
import type { Inline, RichText } from '../api/blocks.js';
import { t } from '../i18n/index.js';

/** Backend texts rendered as DOM text and links: never HTML (see api/blocks.ts). */
const inline = (parts: readonly Inline[]) =>
  parts.map((p) => {
    if (p.type === 'link')
      return html`<a href=${p.href} target="_blank" rel="noopener noreferrer">${p.text}<span class="visually-hidden"> ${t('common.newWindow')}</span></a>`;
    if (p.type === 'strong') return html`<strong>${p.text}</strong>`;
    return p.text;
  });

export function richText(blocks: RichText): TemplateResult {
  return html`${blocks.map((b) =>
    b.type === 'paragraph'
      ? html`<p>${inline(b.content)}</p>`
      : html`<ul>
          ${b.items.map((item) => html`<li>${inline(item)}</li>`)}
        </ul>`,
  )}`;
}
