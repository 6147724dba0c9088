import { css } from 'lit';

export const familyHomeStyles = css`
  /* The element's own width decides the layout, not the viewport: the widget often sits in a
     narrow column of the town's WordPress theme even on a wide screen. */
  .home {
    container-type: inline-size;
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: calc(var(--_space) * 0.5) var(--_space);
    margin-bottom: var(--_space);
  }
  .header h2 {
    margin: 0;
  }
  .students {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .student {
    border-top: 1px solid var(--_border);
    padding-block: calc(var(--_space) * 0.75);
  }
  .student:last-child {
    border-bottom: 1px solid var(--_border);
  }
  .student-row {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25em 0.75em;
  }
  .student-name {
    font-weight: 600;
  }
  .detail {
    flex-basis: 100%;
  }
  .missing ul {
    margin: 0.25em 0 0.5em;
    padding-inline-start: 1.2em;
  }
  .missing p {
    margin: 0.25em 0;
  }
  .reference {
    flex-basis: 100%;
    color: var(--_muted);
    font-size: 0.95em;
  }
  .student .actions {
    margin-top: calc(var(--_space) * 0.5);
  }

  /* Status badges: the text says the status; colour only repeats it (RGAA 3.1). */
  .badge {
    display: inline-block;
    padding: 0.1em 0.6em;
    border-radius: 1em;
    border: 1px solid currentColor;
    font-size: 0.9em;
    font-weight: 600;
    color: var(--rw-badge-text, #1e1e1e);
    background: var(--rw-badge-background, #ffffff);
  }
  .badge--a-faire {
    color: var(--rw-badge-todo-text, #6b3a00);
    background: var(--rw-badge-todo-background, #fff3d6);
  }
  .badge--brouillon {
    color: var(--rw-badge-draft-text, #173f73);
    background: var(--rw-badge-draft-background, #e6effa);
  }
  .badge--envoyee {
    color: var(--rw-badge-sent-text, #14532d);
    background: var(--rw-badge-sent-background, #e3f4e8);
  }
  .badge--envoyee-incomplete {
    color: var(--rw-badge-incomplete-text, #7a2100);
    background: var(--rw-badge-incomplete-background, #fde8dc);
  }
  .badge--ne-se-reinscrit-pas {
    color: var(--rw-badge-declined-text, #3d3d3d);
    background: var(--rw-badge-declined-background, #eeeeee);
  }

  .decline-panel {
    margin-top: var(--_space);
    padding: var(--_space);
    border: 2px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .decline-panel h4 {
    font-size: 1.1em;
    margin: 0 0 calc(var(--_space) * 0.5);
  }
  .decline-panel textarea {
    min-height: 5em;
  }
  .footer {
    margin-top: calc(var(--_space) * 1.5);
    font-size: 0.95em;
  }

  /* About 360px and below: one column, buttons as wide as the thumb's reach. */
  @container (max-width: 30em) {
    .student .actions,
    .decline-panel .actions {
      flex-direction: column;
      align-items: stretch;
    }
    .student .actions .button,
    .decline-panel .actions .button {
      width: 100%;
    }
  }
`;
