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
  /* The short path: each block's summary, its « Modifier » on the heading's line. */
  .summary {
    margin: 0 0 calc(var(--_space) * 1.5);
  }
  .summary-head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 0 var(--_space);
    border-bottom: 2px solid var(--_border);
    margin: 0 0 calc(var(--_space) * 0.5);
  }
  .summary-head .section-title {
    border-bottom: 0;
  }
  .summary-list {
    margin: 0;
  }
  /* Label and value side by side when they fit, stacked on a narrow phone. */
  .summary-row {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_space);
    padding: 0.2em 0;
  }
  .summary-row dt {
    flex: 0 0 9em;
    color: var(--_muted);
  }
  .summary-row dd {
    flex: 1 1 9em;
    margin: 0;
    overflow-wrap: anywhere;
  }
  .summary-row .line {
    display: block;
  }
  .same-school {
    margin-top: 0.5em;
  }
  .notes summary {
    cursor: pointer;
    min-height: 44px;
    display: flex;
    align-items: center;
    color: var(--_primary);
    text-decoration: underline;
  }
`;
