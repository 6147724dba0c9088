import { html, nothing, type TemplateResult } from 'lit';
import { ApiError } from '../api/errors.js';
import { t } from '../i18n/index.js';
import { parisTime } from '../format/paris-time.js';
import { apiErrorAlert, apiErrorMessage, contactLine } from '../ui/api-error.js';
import { refusedFields } from '../ui/server-errors.js';
import type { Step } from './machine.js';
import { serverPauseRuns, type SaveState } from './save-queue.js';
import '../i18n/fr/app-catalogue.js';

const secondsUntil = (at: number, now: number) => Math.max(1, Math.ceil((at - now) / 1000));

/** The save queue's state in one sentence, for the wizard's save status line (role="status"). */
export function saveStatusText(state: SaveState, now: Date): string {
  switch (state.name) {
    case 'idle':
      return '';
    case 'saving':
      return t('save.saving');
    case 'saved':
      return t('save.saved', { time: parisTime(state.at) });
    case 'waiting':
      return t('save.pending', { seconds: secondsUntil(state.retryAt, now.getTime()) });
    case 'offline':
      return t('save.offline');
    case 'failed':
      return t('save.failed');
    case 'refused':
      return t('save.refused');
    case 'paused':
      return t('save.paused');
  }
}

export interface SaveProblemActions {
  retry: () => void;
  continue: () => void;
}

/**
 * Leaving a step, its answers did not reach the server: what happened, what is kept (in this tab),
 * what comes next (the queue's own retry, or the parent's), and the two ways on. Shown on the
 * step, next to its buttons, where the parent is looking.
 */
export function saveProblemAlert(error: unknown, state: SaveState, now: Date, contact: string, on: SaveProblemActions): TemplateResult {
  // The server asked for a pause (429, 503): trying before it ends would only be refused again.
  const serverPause = serverPauseRuns(state, now);
  const next =
    state.name === 'waiting'
      ? t(serverPause ? 'save.willRetryAfter' : 'save.willRetry', { seconds: secondsUntil(state.retryAt, now.getTime()) })
      : state.name === 'offline'
        ? t('save.whenOnline')
        : t('save.canContinue');
  const retryable = (error instanceof ApiError ? error.retryable : true) && !serverPause;
  return html`<div class="notice notice--error" role="alert" id="save-problem" tabindex="-1" part="alert">
    <p>${apiErrorMessage(error)}</p>
    <p>${t('save.stepNotSaved')} ${next}</p>
    <div class="actions">
      ${retryable ? html`<button type="button" class="button" @click=${on.retry}>${t('save.retryNow')}</button>` : nothing}
      <button type="button" class="button button--secondary" @click=${on.continue}>${t('save.continue')}</button>
    </div>
    ${!retryable && contact ? contactLine(contact) : nothing}
  </div>`;
}

export interface QueueProblemActions {
  retry: () => void;
  /** Opens the step with the refused fields and marks them there; absent when that step cannot be opened from here. */
  fix?: { step: Step; go: () => void };
}

/**
 * A write the queue sent by itself (its timer, back online, after a login) was refused, and the
 * parent, now elsewhere, has not been told: said on the screen they are on, with what is kept and
 * the way out (open the step to change the fields named; or try again).
 */
export function queueProblemAlert(state: SaveState, contact: string, on: QueueProblemActions): TemplateResult | typeof nothing {
  if (state.name !== 'refused' && state.name !== 'failed') return nothing;
  const refused = state.name === 'refused';
  const actions = html`<div class="actions">
    ${
      refused
        ? on.fix
          ? html`<button type="button" class="button" @click=${on.fix.go}>${t('save.fixAt', { step: on.fix.step })}</button>`
          : nothing
        : html`<button type="button" class="button" @click=${on.retry}>${t('save.retryNow')}</button>`
    }
  </div>`;
  return apiErrorAlert(state.error, contact, {
    id: 'queue-problem',
    lead: t(refused ? 'save.refusedLater' : 'save.failedLater'),
    actions,
    fields: refused ? refusedFields(state.error) : [],
  });
}
