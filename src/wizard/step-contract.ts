import type { FamilyUpdate, FieldChange } from '../api/contract.js';
import type { AnswersPatch } from '../events.js';

/** What a step hands the wizard once its answers are valid. */
export interface StepPatch {
  /** Answers to merge into the student's (steps that patch live through events send none). */
  answers?: AnswersPatch;
  /** « Éléments modifiés », for the secretary (step 1). */
  changes?: FieldChange[];
  /** What the family's record on the server must become before moving on (step 1: the guardian, payment). */
  family?: FamilyUpdate;
}

export type StepResult = { ok: true; patch: StepPatch } | { ok: false };

/**
 * The one contract between the wizard and its step elements (steps 1 to 5). The wizard calls
 * `whenIdle()` (uploads still running), then `validate()`, which shows and focuses the step's own
 * errors when it fails, then merges the patch: no step is a special case for the wizard.
 */
export interface StepElement extends HTMLElement {
  validate(): Promise<StepResult>;
  /** The wizard moves focus here when it shows the step (the stepper's heading wins when there is one). */
  focusHeading(): void;
  /** True while work the step started is not finished (an upload): the wizard says it waits. */
  readonly busy?: boolean;
  whenIdle?(): Promise<void>;
  /**
   * The server refused the answers (422): marks the fields it names, as the step's own check would,
   * and focuses the error summary. False when none of the paths is a field of this step.
   */
  showServerErrors?(fieldErrors: Record<string, readonly string[]>): boolean;
}

/** A step whose answers are already in the journey (patched live) and have nothing to check. */
export const valid = (patch: StepPatch = {}): StepResult => ({ ok: true, patch });
