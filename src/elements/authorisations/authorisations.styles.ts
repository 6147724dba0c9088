import { css } from 'lit';

export const authorisationsStyles = css`
  .question {
    margin: 0 0 calc(var(--_space) * 1.5);
  }
  .question .field {
    margin-bottom: 0.25em;
  }
  .authorisation-text {
    margin: 0 0 0.75em;
    border-inline-start: 4px solid var(--_border);
    padding-inline-start: 0.75em;
  }
  /* The native disclosure triangle is kept: it tells the state without any extra text. */
  .authorisation-text summary {
    cursor: pointer;
    color: var(--_primary);
    padding-block: 0.6em;
    font-weight: 400;
  }
  .authorisation-text summary span:first-child {
    text-decoration: underline;
  }
  .authorisation-text-body {
    max-width: 48em;
  }
  .authorisation-text-body ul {
    margin: 0 0 0.75em;
    padding-inline-start: 1.2em;
  }
`;
