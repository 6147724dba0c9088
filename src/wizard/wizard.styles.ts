import { css } from 'lit';

/** The wizard's own layout: one heading per step, the session warning in view, full-width buttons on a phone. */
export const wizardStyles = css`
  /* One heading per screen: on a step, the stepper's « Étape 2 sur 6 : Autorisations » says it all.
     A printed receipt keeps its own. */
  @media screen {
    [data-screen='step']::part(heading) {
      display: none;
    }
  }
  .session-warning {
    position: sticky;
    top: 0;
    z-index: 1;
  }
  /* The deadline-night warning: a thicker accent than a plain notice, in the warning colour. */
  .notice--warning {
    border-inline-start-width: 8px;
    border-color: var(--rw-color-warning, #b45f06);
  }
  .save-status {
    color: var(--_muted);
    font-size: 0.95em;
    margin: 0 0 0.5em;
  }
  .language-switch {
    display: flex;
    justify-content: flex-end;
  }
  .student-heading {
    font-size: 1.1em;
    color: var(--_muted);
    margin-bottom: 0.25em;
  }
  [part='nav'] {
    border-top: 1px solid var(--_border);
    padding-top: var(--_space);
  }
  @media (max-width: 480px) {
    [part='nav'] .button {
      width: 100%;
    }
  }
`;
