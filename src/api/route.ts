import type * as z from 'zod/mini';

/** An endpoint: method, path, schemas, whether it needs the bearer token (the table is routes.ts). */
export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  summary: string;
  auth: boolean;
  request?: z.ZodMiniType;
  response?: z.ZodMiniType;
  /** HTTP status of a success. */
  status: number;
  multipart?: boolean;
  idempotent?: boolean;
}

/** Fills `{param}` placeholders, encoding each value. */
export function fillPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = params[k];
    if (v === undefined) throw new Error(`Missing path parameter ${k}`);
    return encodeURIComponent(v);
  });
}
