import type * as z from 'zod/mini';

/** The normalised value, or the first message id a schema reports (exactly what a field shows). */
export function outcome(schema: z.ZodMiniType<unknown>, input: unknown): { value: unknown } | { error: string } {
  const result = schema.safeParse(input);
  return result.success ? { value: result.data } : { error: result.error.issues[0]?.message ?? '' };
}

/** Every message a schema reports, not only the first: none may escape our catalogue. */
export function allMessages(schema: z.ZodMiniType<unknown>, input: unknown): string[] {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.message);
}

export const FORBIDDEN = /invalide|veuillez|obligatoire/i;
