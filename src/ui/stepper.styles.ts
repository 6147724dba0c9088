import { css } from 'lit';

/** The stepper's look, kept apart from its template so the wizard can style it before the steps load. */
export const stepperStyles = css`
  .stepper {
    container-type: inline-size;
    margin: 0 0 var(--_space, 16px);
  }
  .stepper__heading {
    margin-bottom: 0.25em;
  }
  .stepper__next {
    color: var(--_muted, #4f4f4f);
    margin-bottom: 0.5em;
  }
  .stepper__list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 0.5em;
  }
  .stepper__step {
    /* « 6 Finalisation » wraps as a whole, never its number away from its title. */
    white-space: nowrap;
    display: flex;
    align-items: center;
    gap: 0.4em;
    min-height: 44px;
    padding-block-end: 0.2em;
    border-block-end: 4px solid transparent;
  }
  .stepper__step--current {
    font-weight: 700;
    border-block-end-color: var(--_primary, #1d4f91);
  }
  .stepper__step--upcoming {
    color: var(--_muted, #4f4f4f);
  }
  .stepper__number {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-width: 1.8em;
    height: 1.8em;
    border-radius: 50%;
    border: 2px solid currentColor;
    font-weight: 700;
    flex: none;
  }
  .stepper__step--current .stepper__number {
    background: var(--_primary, #1d4f91);
    border-color: var(--_primary, #1d4f91);
    color: var(--_primary-text, #fff);
  }
  .stepper__link {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    min-height: 44px;
    min-width: 44px;
    padding: 0 0.25em;
    font: inherit;
    color: var(--_primary, #1d4f91);
    background: none;
    border: 0;
    cursor: pointer;
  }
  .stepper__link .stepper__title {
    text-decoration: underline;
  }
  /* Windows contrast themes paint every border, the transparent ones included, and drop backgrounds:
     only the current step keeps an underline and a filled number, in Highlight; a step already
     seen is a button dressed as a link, and stays told as one. */
  @media (forced-colors: active) {
    .stepper__step {
      border-block-end-color: Canvas;
    }
    .stepper__step--current {
      border-block-end-color: Highlight;
    }
    .stepper__step--current .stepper__number {
      forced-color-adjust: none;
      background: Highlight;
      border-color: Highlight;
      color: HighlightText;
    }
    .stepper__link {
      color: LinkText;
    }
  }
  @container (max-width: 36em) {
    .stepper__list {
      flex-wrap: nowrap;
      gap: 0.25em;
    }
    .stepper__title {
      position: absolute;
      width: 1px;
      height: 1px;
      margin: -1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    .stepper__step {
      justify-content: center;
      min-width: 44px;
    }
  }
`;
