import * as z from 'zod/mini';
import type { Route } from './route.js';

/**
 * The part of the backend contract the login screen needs (errors, POST /session): in the main
 * module, so the login can call the server before the rest of the contract (./contract.ts, which
 * re-exports this) has arrived.
 */

/** An ISO 8601 date-time with an explicit offset (the server's clock is the only one trusted). */
export const DateTime = z.iso.datetime({ offset: true });
/** A string of at most `max` characters. */
export const Text = (max: number) => z.string().check(z.maxLength(max));

// ---------------------------------------------------------------- errors

/** The body of every 4xx/5xx answer. `fieldErrors` maps a field path (a.b.c) to message ids. */
export const ErrorBody = z.object({
  code: Text(64),
  message: z.optional(Text(1000)),
  fieldErrors: z.optional(z.record(z.string(), z.array(Text(200)))),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

// ---------------------------------------------------------------- session

export const LoginRequest = z.object({
  identifier: z.string().check(z.minLength(1), z.maxLength(100)),
  password: z.string().check(z.minLength(1), z.maxLength(200)),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const Session = z.object({
  token: z.string().check(z.minLength(16), z.maxLength(2000)),
  expiresAt: DateTime,
  serverNow: DateTime,
});
export type Session = z.infer<typeof Session>;

/** POST /session, the login screen's one call (routes.ts has the whole table). */
export const loginRoute = {
  method: 'POST',
  path: '/session',
  summary: 'Log in; returns a bearer token and its expiry',
  auth: false,
  request: LoginRequest,
  response: Session,
  status: 200,
} as const satisfies Route;
