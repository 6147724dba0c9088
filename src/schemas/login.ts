import * as z from 'zod/mini';
import type { MessageId } from '../i18n/index.js';
import { isKnownMessage } from '../i18n/messages.js';

/**
 * The login form's checks, and the plumbing the two forms of the first screens share (login and
 * lost password). That plumbing is not text.ts's `run` because text.ts brings the steps'
 * catalogue with it, which the login path must not load (README, « Size »).
 */

/** A form's errors: the message id of each field in error. */
export type FormErrors<K extends string> = Partial<Record<K, MessageId>>;

/**
 * Runs a form's object schema and keeps the first issue of each field (checks abort, so « empty »
 * is never followed by « wrong format »). An issue whose message is not one of our ids, or is one
 * whose catalogue is not loaded yet, shows the field's `fallback` instead.
 */
export function formErrors<K extends string>(schema: z.ZodMiniType, input: Record<K, unknown>, fallback: Record<K, MessageId>): FormErrors<K> {
  const result = schema.safeParse(input);
  const errors: FormErrors<K> = {};
  if (result.success) return errors;
  for (const issue of result.error.issues) {
    const field = issue.path[0] as K;
    if (!(field in fallback) || errors[field]) continue;
    errors[field] = isKnownMessage(issue.message) ? (issue.message as MessageId) : fallback[field];
  }
  return errors;
}

/** The family's identifier, as the conservatory gave it: surrounding spaces are a copy-paste accident. */
export const identifier = (required: MessageId) =>
  z.string({ error: required }).check(
    z.overwrite((value: string) => value.trim()),
    z.minLength(1, { error: required }),
  );

/** Spaces may be part of a password: only an empty one is refused, and it is never trimmed. */
const password = z.string({ error: 'login.password.required' }).check(z.minLength(1, { error: 'login.password.required' }));

export const loginForm = z.object({ identifier: identifier('login.identifier.required'), password });

export interface LoginValues {
  identifier: string;
  password: string;
}

export const loginErrors = (values: LoginValues): FormErrors<keyof LoginValues> =>
  formErrors(loginForm, values, { identifier: 'login.identifier.required', password: 'login.password.required' });
