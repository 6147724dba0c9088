import { css } from 'lit';

/**
 * The styles of field-variants.ts (textarea, radio and checkbox choices in a fieldset) and of the
 * later screens' cards: out of baseStyles, which the login path carries, added after it by the
 * elements that use them.
 */
export const variantStyles = css`
  textarea {
    min-height: 8em;
    resize: vertical;
  }
  fieldset {
    border: 0;
    padding: 0;
    margin: 0 0 var(--_space);
    min-width: 0;
  }
  .choice {
    display: flex;
    align-items: flex-start;
    gap: 0.5em;
    min-height: 44px;
    padding-block: 0.4em;
  }
  /* 24 px at least (WCAG 2.5.8): a native radio's own font size is 13.33px, so 1.4em alone was 18.7px. */
  .choice input {
    width: max(24px, 1.4em);
    height: max(24px, 1.4em);
    margin: 0;
    flex: none;
    accent-color: var(--_primary);
  }
  .choice label {
    font-weight: 400;
    margin: 0;
  }
  .choices--inline {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1.5em;
  }
  .card {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    margin: 0 0 var(--_space);
    background: var(--_bg);
  }
`;
