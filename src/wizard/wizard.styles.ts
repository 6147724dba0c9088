import { css } from 'lit';

/** The wizard's own layout: the session warning stays in view, the steps' buttons go full width on a phone. */
export const wizardStyles = css`
  .session-warning {
    position: sticky;
    top: 0;
    z-index: 1;
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
