import { css } from 'lit';

export const confirmationStyles = css`
  .panel {
    border: 4px solid var(--_success);
    border-radius: var(--_radius);
    background: var(--_surface);
    padding: var(--_space);
    margin: 0 0 var(--_space);
  }
  .panel h2 {
    color: var(--_success);
  }
  .panel dl {
    margin: 0;
  }
  .row {
    padding: 0.25em 0;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
  }
  .reference {
    font-weight: 700;
    font-size: 1.15em;
    letter-spacing: 0.03em;
  }
  .notice--missing {
    border-color: var(--_error);
  }
  .notice--missing h3 {
    margin-top: 0;
  }
  ul {
    padding-inline-start: 1.2em;
  }
  .keep {
    margin-top: var(--_space);
  }
  .no-print h3 {
    margin-top: calc(var(--_space) * 1.5);
  }
  .receipt {
    margin: var(--_space) 0 0;
  }
  .payment p {
    margin: 0.25em 0;
  }
  .answers-details {
    margin: calc(var(--_space) * 1.5) 0 0;
  }
  .answers-details > summary {
    cursor: pointer;
    color: var(--_primary);
    text-decoration: underline;
    min-height: 44px;
    display: list-item;
    padding: 0.5em 0;
  }
  .answers-details .answers {
    margin-top: var(--_space);
  }
  /* The receipt is what gets printed: every answer, no buttons, no colours that waste ink. */
  @media print {
    .no-print {
      display: none !important;
    }
    .panel {
      background: none;
    }
    .answers-details > summary {
      list-style: none;
      color: inherit;
      text-decoration: none;
      font-weight: 700;
      font-size: 1.15em;
    }
    .answers-details > summary::-webkit-details-marker {
      display: none;
    }
    .answers .row {
      break-inside: avoid;
    }
    .answers h3,
    .answers h4 {
      break-after: avoid;
    }
  }
`;
