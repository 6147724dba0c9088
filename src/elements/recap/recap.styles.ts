import { css } from 'lit';

/* Answers as label / value pairs: side by side when there is room, stacked on a phone. */
export const recapStyles = css`
  .recap-body {
    container-type: inline-size;
  }
  .section {
    border-top: 2px solid var(--_border);
    padding-top: calc(var(--_space) * 0.75);
    margin: 0 0 calc(var(--_space) * 1.5);
  }
  .section-head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 0 1em;
  }
  .section-head h3 {
    margin: 0;
  }
  .edit {
    min-height: 44px;
  }
  h4 {
    font-size: 1.05em;
    margin: var(--_space) 0 0.5em;
  }
  dl {
    margin: 0 0 var(--_space);
  }
  .row {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0 1em;
    padding: 0.4em 0;
    border-bottom: 1px solid color-mix(in srgb, var(--_border) 40%, transparent);
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
  }
  @container (min-width: 36em) {
    .row {
      grid-template-columns: minmax(0, 2fr) minmax(0, 3fr);
    }
  }
  .not-provided {
    color: var(--_muted);
    font-style: italic;
  }
  .free-text {
    white-space: pre-line;
  }
  .change {
    display: block;
  }
  ul.plain {
    margin: 0;
    padding-inline-start: 1.2em;
  }
  .notice--warning {
    border-color: var(--_error);
  }
  .validation .field {
    margin-top: var(--_space);
  }
`;
