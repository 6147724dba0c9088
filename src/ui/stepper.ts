import { html, nothing, type TemplateResult } from 'lit';
import { STEPS } from '../api/contract.js';
import { t, type MessageId } from '../i18n/index.js';
import '../i18n/fr/steps-catalogue.js';

const STEP_COUNT = STEPS.length;

const titleIds = STEPS.map((n): MessageId => `stepper.title.${n}`);

/** The steps' titles from the catalogue: « Modification des coordonnées », « Autorisations »… */
export function stepTitles(): string[] {
  return titleIds.map((id) => t(id));
}

export interface StepperOptions {
  /** The step shown, 1–6. */
  current: number;
  /** The furthest step reached: steps up to it (except the current one) can be reopened. */
  visited: number;
  /** One title per step; defaults to the catalogue's. */
  titles?: readonly string[];
  /** false: the heading only (after sending, no step can be reopened, so no list that looks like links). */
  list?: boolean;
  onGo: (step: number) => void;
}

/**
 * DSFR's stepper: « Étape 2 sur 6 : Autorisations » as a heading, « Étape suivante : Documents »
 * below it, then the list of steps. A template function rendering into the wizard's shadow root,
 * so the wizard can focus the heading (`#step-heading`) and include `stepperStyles`.
 *
 * Steps already visited are buttons (they act inside the widget and must not change the host
 * page's URL, so no fragment links); the current step has aria-current="step"; steps ahead are
 * plain text, never focusable. The number stays in each accessible name because it is all a
 * narrow screen shows: a speech-control user says what they see (WCAG 2.5.3).
 */
export function stepper({ current, visited, titles = stepTitles(), list = true, onGo }: StepperOptions): TemplateResult {
  const title = (step: number) => titles[step - 1] ?? '';
  const next = current < STEP_COUNT ? title(current + 1) : '';
  return html`
    <div class="stepper" part="stepper">
      <h2 class="stepper__heading" id="step-heading" tabindex="-1">${t('stepper.heading', { current, total: STEP_COUNT, title: title(current) })}</h2>
      ${next ? html`<p class="stepper__next">${t('stepper.next', { title: next })}</p>` : nothing} ${list ? stepList(current, visited, title, onGo) : nothing}
    </div>
  `;
}

function stepList(current: number, visited: number, title: (step: number) => string, onGo: (step: number) => void): TemplateResult {
  const steps = Array.from({ length: STEP_COUNT }, (_, i) => i + 1);
  return html`
    <nav class="stepper__nav" aria-label=${t('stepper.nav')}>
      <ol class="stepper__list">
        ${steps.map((step) => {
          const content = html`<span class="stepper__number">${step}</span> <span class="stepper__title">${title(step)}</span>`;
          if (step === current) {
            return html`<li class="stepper__step stepper__step--current" aria-current="step">${content}</li>`;
          }
          if (step <= visited) {
            return html`<li class="stepper__step stepper__step--visited">
              <button type="button" class="stepper__link" @click=${() => onGo(step)}>
                ${content}<span class="visually-hidden">${t('stepper.visited')}</span>
              </button>
            </li>`;
          }
          return html`<li class="stepper__step stepper__step--upcoming">${content}<span class="visually-hidden">${t('stepper.upcoming')}</span></li>`;
        })}
      </ol>
    </nav>
  `;
}

/**
 * For the host that renders `stepper()` (with baseStyles). Wide: the six steps on one wrapping
 * line with their titles. Narrow (a 360 px phone): only the numbers stay visible in a row of
 * 44 px targets, the titles become visually hidden, so the heading and « Étape suivante » carry
 * the words and the list still lets a parent reopen an earlier step.
 */

export { stepperStyles } from './stepper.styles.js';
