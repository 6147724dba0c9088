import { css } from 'lit';

export const loginStyles = css`
  /* The show/hide button sits beside the password input, and wraps below it on narrow screens. */
  .input-row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: stretch;
    max-width: 32em;
  }
  .input-row input {
    flex: 1 1 12em;
    min-width: 0;
  }
  .password-toggle {
    flex: none;
    font-weight: 400;
  }
`;
