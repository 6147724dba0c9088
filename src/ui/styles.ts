import { css } from 'lit';

/**
 * Shared look of every element. Sizes are in px/em, never rem: WordPress themes often set
 * `html { font-size: 62.5% }`. Inherited properties from the theme are reset on :host; the font
 * family is deliberately inherited so the widget looks like part of the town's site.
 * Themeable through --rw-* custom properties (documented in the README).
 */
export const baseStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    font-family: inherit;
    font-size: var(--rw-font-size, 16px);
    line-height: 1.5;
    color: var(--rw-color-text, #1e1e1e);
    text-align: start;
    letter-spacing: normal;
    word-spacing: normal;
    text-transform: none;
    text-indent: 0;
    white-space: normal;
    font-style: normal;
    font-weight: 400;
    overflow-wrap: anywhere;
    --_primary: var(--rw-color-primary, #1d4f91);
    --_primary-text: var(--rw-color-primary-text, #ffffff);
    --_error: var(--rw-color-error, #b3261e);
    --_success: var(--rw-color-success, #1b6e3a);
    --_border: var(--rw-color-border, #6b6b6b);
    --_muted: var(--rw-color-muted, #4f4f4f);
    --_surface: var(--rw-color-surface, #f5f5f7);
    --_bg: var(--rw-color-background, #ffffff);
    --_radius: var(--rw-radius, 6px);
    --_space: var(--rw-space, 16px);
    /* Two tones, so focus shows on any background: a dark ring (16:1 on white) around a yellow
       halo (4:1 against the primary buttons' blue). Amber alone is 2:1 on white. */
    --_focus: var(--rw-focus-ring, 3px solid #1e1e1e);
    --_focus-halo: var(--rw-focus-halo, #f2a900);
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  h1,
  h2,
  h3,
  h4 {
    font-family: inherit;
    color: inherit;
    line-height: 1.25;
    margin: 0 0 calc(var(--_space) * 0.75);
  }
  h2 {
    font-size: 1.5em;
  }
  h3 {
    font-size: 1.2em;
  }
  p {
    margin: 0 0 calc(var(--_space) * 0.75);
  }
  a {
    color: var(--_primary);
    text-decoration: underline;
  }
  :focus-visible,
  [tabindex='-1']:focus {
    outline: var(--_focus);
    outline-offset: 2px;
    /* Fills the 2 px between the element and its outline. */
    box-shadow: 0 0 0 2px var(--_focus-halo);
  }
  [tabindex='-1']:focus:not(:focus-visible) {
    outline: none;
    box-shadow: none;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    margin: -1px !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip-path: inset(50%) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }

  /* Buttons: at least 44px tall (WCAG 2.5.8 asks 24px; thumbs ask more). */
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5em;
    min-height: 44px;
    padding: 0.5em 1.1em;
    font: inherit;
    font-weight: 600;
    line-height: 1.2;
    border: 2px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_primary);
    color: var(--_primary-text);
    cursor: pointer;
    text-align: center;
    text-decoration: none;
  }
  .button--secondary {
    background: var(--_bg);
    color: var(--_primary);
  }
  .button--link {
    background: none;
    border-color: transparent;
    color: var(--_primary);
    text-decoration: underline;
    padding-inline: 0.25em;
    font-weight: 400;
  }
  .button[aria-disabled='true'],
  .button:disabled {
    opacity: 0.7;
    cursor: progress;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.75);
    align-items: center;
    margin-top: var(--_space);
  }

  /* Fields */
  .field {
    margin: 0 0 var(--_space);
  }
  .field label,
  .field legend,
  .label {
    display: block;
    font-weight: 600;
    margin-bottom: 0.25em;
  }
  .optional {
    font-weight: 400;
  }
  .hint {
    color: var(--_muted);
    margin: 0 0 0.35em;
    font-size: 0.95em;
  }
  .error {
    color: var(--_error);
    font-weight: 600;
    margin: 0 0 0.35em;
  }
  .field--error {
    border-inline-start: 4px solid var(--_error);
    padding-inline-start: 0.75em;
  }
  input[type='text'],
  input[type='email'],
  input[type='tel'],
  input[type='password'],
  select,
  textarea {
    display: block;
    width: 100%;
    max-width: 32em;
    min-height: 44px;
    padding: 0.45em 0.6em;
    font: inherit;
    color: inherit;
    background: var(--_bg);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
  }
  [aria-invalid='true'] {
    border-color: var(--_error);
  }

  /* Messages */
  .notice {
    padding: 0.75em 1em;
    border-radius: var(--_radius);
    background: var(--_surface);
    border-inline-start: 5px solid var(--_primary);
    margin: 0 0 var(--_space);
  }
  .notice--error {
    border-color: var(--_error);
  }
  .notice--success {
    border-color: var(--_success);
  }
  .notice > :last-child {
    margin-bottom: 0;
  }
  .error-summary {
    border: 4px solid var(--_error);
    border-radius: var(--_radius);
    padding: 0.75em 1em;
    margin: 0 0 var(--_space);
  }
  .error-summary ul {
    margin: 0;
    padding-inline-start: 1.2em;
  }
  .error-summary a {
    color: var(--_error);
    font-weight: 600;
  }

  /* A link on a line of its own is a 24 px target too (WCAG 2.5.8); inline padding leaves the lines where they are. */
  a {
    padding-block: 0.2em;
  }
  /* Focus never hidden under a theme's sticky header or a cookie banner (WCAG 2.4.11): what takes
     focus, and what the wizard scrolls to, keeps --rw-scroll-margin free above and below it. */
  a[href],
  button,
  input,
  select,
  textarea,
  summary,
  [tabindex],
  h2,
  h3,
  .error-summary {
    scroll-margin-block: var(--rw-scroll-margin, 80px);
  }
  /* No motion for those who asked for none (WCAG 2.3.3), a theme's own through ::part included:
     inside the shadow root, !important wins over the page's. */
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation-duration: 0.01ms !important;
      animation-delay: 0s !important;
      animation-iteration-count: 1 !important;
      transition-duration: 0.01ms !important;
      transition-delay: 0s !important;
      scroll-behavior: auto !important;
    }
  }
`;
