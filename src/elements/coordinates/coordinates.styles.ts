import { css } from 'lit';

/** Step 1's own layout; every field's look comes from baseStyles. Single column: it is filled on phones. */
export const coordinatesStyles = css`
  /* Browsers pad legends by default; labels and legends must line up. */
  legend {
    padding: 0;
  }
  .heading:focus {
    outline-offset: 4px;
  }
  .section {
    margin: 0 0 calc(var(--_space) * 2);
    padding: 0;
  }
  .section > legend,
  .section-title {
    padding: 0;
    margin: 0 0 calc(var(--_space) * 0.75);
    width: 100%;
  }
  .section > legend h3,
  .section-title {
    font-size: 1.3em;
    margin: 0;
    padding-bottom: 0.25em;
    border-bottom: 2px solid var(--_border);
  }
  .subgroup {
    margin-top: calc(var(--_space) * 1.5);
  }
  /* Short values get short inputs: the width hints at what is expected (GOV.UK). */
  .field--short input {
    max-width: 8em;
  }
  .field--medium input {
    max-width: 16em;
  }
  .date-field legend {
    margin-bottom: 0.25em;
  }
  .date-parts {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em;
  }
  .date-part label {
    font-weight: 400;
  }
  .date-part input {
    width: 3.5em;
    min-width: 0;
  }
  .date-part--month input {
    width: 5em;
  }
  .date-part--year input {
    width: 5em;
  }
  input[readonly] {
    background: var(--_surface);
    border-style: dashed;
  }
  .payment-modes {
    margin: 0 0 var(--_space);
  }
  .payment-mode {
    margin: 0 0 calc(var(--_space) * 0.75);
  }
  .payment-mode > p:first-child {
    margin-bottom: 0.25em;
  }
  .payment-mode ul,
  .notes ul,
  .changes ul {
    margin: 0 0 calc(var(--_space) * 0.75);
    padding-inline-start: 1.2em;
  }
  .changes {
    padding: var(--_space);
    background: var(--_surface);
    border-radius: var(--_radius);
    margin: 0 0 var(--_space);
  }
  .changes h3 {
    font-size: 1.1em;
  }
  .changes ul {
    margin: 0;
  }
  .changes p {
    margin: 0;
  }
  .change-label {
    font-weight: 600;
  }
`;
