import { css } from 'lit';

/*
 * The course table reads as a table from 34em of available width; below that (a phone, or a
 * narrow column of the town's theme) each row becomes a card and each cell shows its column's
 * name, rendered from the catalogue in the DOM (never CSS generated text, which translations and
 * some screen readers miss). Explicit ARIA table roles keep the table semantics once rows are
 * display:block, which otherwise drops them in some browsers.
 */
export const coursesStyles = css`
  .courses {
    container-type: inline-size;
    margin: 0 0 var(--_space);
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  caption {
    text-align: start;
    font-weight: 700;
    font-size: 1.1em;
    margin-bottom: 0.5em;
  }
  th,
  td {
    text-align: start;
    vertical-align: top;
    padding: 0.5em 0.6em;
    border-bottom: 1px solid var(--_border);
  }
  thead th {
    border-bottom-width: 2px;
  }
  .cell-label {
    display: none;
  }
  @container (max-width: 34em) {
    table,
    caption,
    tbody,
    tr,
    td {
      display: block;
    }
    thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    tr {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: 0.5em 0.75em;
      margin: 0 0 0.75em;
    }
    td {
      border: 0;
      padding: 0.15em 0;
      display: flex;
      gap: 0.5em;
    }
    td.empty {
      display: none;
    }
    .cell-label {
      display: block;
      flex: 0 0 7.5em;
      font-weight: 600;
    }
  }
  /* The instrument and day continue the checked box: indented beside a rule, as GOV.UK's conditional reveal. */
  .conditional {
    margin: 0 0 var(--_space) 0.9em;
    padding-inline-start: 1.1em;
    border-inline-start: 4px solid var(--_border);
  }
  .notes ul {
    padding-inline-start: 1.2em;
    margin: 0 0 var(--_space);
  }
  .notes li {
    margin-bottom: 0.4em;
  }
`;
