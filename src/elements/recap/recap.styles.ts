import { css } from 'lit';

/*
 * Answers as label / value pairs (answers.templates.ts), in the recap and on the printed receipt:
 * side by side when there is room, stacked on a phone.
 */
export const answersStyles = css`
  .answers {
    container-type: inline-size;
  }
  .answers h4 {
    font-size: 1.05em;
    margin: var(--_space) 0 0.5em;
  }
  .answers dl {
    margin: 0 0 var(--_space);
  }
  .answers .row {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0 1em;
    padding: 0.4em 0;
    border-bottom: 1px solid color-mix(in srgb, var(--_border) 40%, transparent);
  }
  .answers dt {
    font-weight: 600;
  }
  .answers dd {
    margin: 0;
  }
  @container (min-width: 36em) {
    .answers .row {
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
  .section {
    border-top: 2px solid var(--_border);
    padding-top: calc(var(--_space) * 0.75);
    margin: 0 0 calc(var(--_space) * 1.5);
  }
`;

/* The recap's own: section heads with « Modifier », the missing-pieces warning, « J'accepte ». */
export const recapStyles = css`
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
  .notice--warning {
    border-color: var(--_error);
  }
  .validation .field {
    margin-top: var(--_space);
  }
  /* A refused answer stands out as a field in error does (GOV.UK's error border). */
  .row--error {
    border-inline-start: 4px solid var(--_error);
    padding-inline-start: 0.75em;
  }
`;
