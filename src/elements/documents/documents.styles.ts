import { css } from 'lit';

export const documentsStyles = css`
  :host {
    /* The tables turn into one card per piece when the element itself is narrow (a phone, or a
       narrow column of the town's theme), whatever the viewport. */
    container-type: inline-size;
  }
  .pieces {
    margin: 0 0 calc(var(--_space) * 1.5);
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  .pieces h3 {
    margin-bottom: 0.25em;
  }
  .pieces h3 + .hint {
    margin-bottom: 0.5em;
  }
  th,
  td {
    text-align: start;
    vertical-align: top;
    padding: 0.6em 0.5em;
    border-bottom: 1px solid var(--_border);
  }
  th,
  td {
    /* baseStyles breaks anywhere, which lets a table squeeze « Heure » into « Heur-e »: here a
       word breaks only when it cannot fit on a line of its own (long file names). */
    overflow-wrap: break-word;
  }
  /* Headers and buttons wrap between words: unbroken, with the text spacing of WCAG 1.4.12 they
     pushed the table past the widget's width. */
  thead th {
    font-weight: 600;
    border-bottom-width: 2px;
  }
  .col--name {
    width: 24%;
  }
  .col--file {
    width: 16%;
  }
  .cell--file {
    overflow-wrap: anywhere;
  }
  tbody th {
    font-weight: 600;
  }
  tbody th .hint {
    font-weight: 400;
  }
  td p,
  th p {
    margin: 0 0 0.35em;
  }
  td > :last-child,
  th > :last-child {
    margin-bottom: 0;
  }
  .nowrap {
    white-space: nowrap;
  }
  tr.row--drop {
    outline: 3px dashed var(--_primary);
    outline-offset: -3px;
    background: var(--_surface);
  }
  .state--missing {
    font-weight: 600;
  }
  .state--provided {
    color: var(--_success);
    font-weight: 600;
  }
  .row-error {
    color: var(--_error);
    font-weight: 600;
  }
  .row-error ul {
    margin: 0.25em 0 0;
    padding-inline-start: 1.2em;
    font-weight: 400;
    color: var(--rw-color-text, #1e1e1e);
  }
  .row-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
  }
  .row-actions .button {
    padding-inline: 0.8em;
  }
  .confirm-question {
    flex-basis: 100%;
    font-weight: 600;
    margin: 0;
  }
  progress {
    display: block;
    width: 100%;
    max-width: 14em;
    height: 0.9em;
    margin-bottom: 0.25em;
    accent-color: var(--_primary);
  }

  @container (max-width: 46em) {
    table,
    thead,
    tbody,
    tr,
    th,
    td {
      display: block;
    }
    thead tr {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }
    tbody tr {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: 0.5em 0.75em;
      margin-bottom: 0.75em;
    }
    tbody th,
    tbody td {
      border: 0;
      padding: 0.2em 0;
    }
    tbody th {
      font-size: 1.05em;
      padding-bottom: 0.4em;
    }
    tbody td.cell--empty {
      display: none;
    }
    tbody td[data-label]::before {
      /* French: a no-break space before « : », so the colon never starts a line. */
      content: attr(data-label) '\\a0: ';
      /* The table roles already give the column name to screen readers: the label is for the eye. */
      content: attr(data-label) '\\a0: ' / '';
      font-weight: 600;
    }
    tbody td[data-label]:lang(en)::before {
      content: attr(data-label) ': ';
      content: attr(data-label) ': ' / '';
    }
    tbody td.cell--actions::before {
      display: none;
    }
    .row-actions {
      padding-top: 0.4em;
    }
  }
`;
