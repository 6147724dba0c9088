import assert from 'node:assert/strict';
import * as z from 'zod/mini';
import * as c from '../../src/api/contract.js';
import { fillPath, routes, type Route, type RouteName } from '../../src/api/routes.js';
import { api } from './config.js';

/**
 * The contract routes over HTTP, each answer checked against src/api/routes.ts: a success has the
 * route's status and a body its response schema accepts (none on a 204), anything else is a 4xx or
 * 5xx with an ErrorBody, and every answer says `Cache-Control: no-store`. A test cannot read a
 * body the contract does not allow.
 */

type Def<N extends RouteName> = (typeof routes)[N];
export type Data<N extends RouteName> = Def<N> extends { response: infer S extends z.ZodMiniType } ? z.output<S> : undefined;

export interface CallOptions {
  params?: Record<string, string>;
  token?: string;
  /** JSON body. */
  body?: unknown;
  /** A body sent as is (with `Content-Type: application/json` unless headers say otherwise). */
  raw?: string;
  form?: FormData;
  headers?: Record<string, string>;
}

export interface Reply<N extends RouteName> {
  status: number;
  headers: Headers;
  /** The success's body, checked (undefined on a 204 or an error). */
  data: Data<N> | undefined;
  /** The error's body, checked (undefined on a success). */
  error: c.ErrorBody | undefined;
}

/** The request, without any check of the answer (fault scenarios that break the contract on purpose). */
export function send(name: RouteName, options: CallOptions = {}): Promise<Response> {
  const route: Route = routes[name];
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  let body: BodyInit | undefined = options.form;
  if (options.raw !== undefined) {
    headers['Content-Type'] ??= 'application/json';
    body = options.raw;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  return fetch(`${api()}${fillPath(route.path, options.params)}`, { method: route.method, headers, body });
}

export async function call<N extends RouteName>(name: N, options: CallOptions = {}): Promise<Reply<N>> {
  const route: Route = routes[name];
  const res = await send(name, options);
  const text = await res.text();
  const where = `${name} ${route.method} ${route.path} → ${res.status}`;
  assert.match(res.headers.get('Cache-Control') ?? '', /no-store/, `${where}: Cache-Control: no-store expected`);
  if (res.status === route.status) {
    if (!route.response) {
      assert.equal(text, '', `${where}: no body expected`);
      return { status: res.status, headers: res.headers, data: undefined, error: undefined };
    }
    assert.match(res.headers.get('Content-Type') ?? '', /application\/json/, `${where}: JSON expected`);
    const parsed = z.safeParse(route.response, parseJson(text, where));
    assert.ok(parsed.success, `${where}: the answer breaks the contract\n${parsed.success ? '' : z.prettifyError(parsed.error)}\n${text.slice(0, 800)}`);
    return { status: res.status, headers: res.headers, data: parsed.data as Data<N>, error: undefined };
  }
  assert.ok(res.status >= 400 && res.status <= 599, `${where}: neither the route's ${route.status} nor an error`);
  assert.match(res.headers.get('Content-Type') ?? '', /application\/json/, `${where}: an error is JSON`);
  const parsed = z.safeParse(c.ErrorBody, parseJson(text, where));
  assert.ok(parsed.success, `${where}: not an ErrorBody: ${text.slice(0, 800)}`);
  return { status: res.status, headers: res.headers, data: undefined, error: parsed.data };
}

function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    assert.fail(`${where}: not JSON: ${text.slice(0, 800)}`);
  }
}

/** The route must succeed; its checked body. */
export async function ok<N extends RouteName>(name: N, options: CallOptions = {}): Promise<Data<N>> {
  const reply = await call(name, options);
  assert.equal(reply.status, routes[name].status, `${name}: expected ${routes[name].status}, got ${reply.status} ${JSON.stringify(reply.error)}`);
  return reply.data as Data<N>;
}

export interface Refusal {
  message?: string | RegExp;
  fieldErrors?: Record<string, string[]>;
}

/** Every refusal asserted by `refused`, in order: the isolation tests check each route was refused at least once. */
export const refusals: { name: RouteName; status: number; code: string }[] = [];

/** The route must refuse with this status and code (and message, field errors when given); the ErrorBody. */
export async function refused(name: RouteName, options: CallOptions, status: number, code: string, expected: Refusal = {}): Promise<c.ErrorBody> {
  refusals.push({ name, status, code });
  const reply = await call(name, options);
  const error = reply.error;
  assert.ok(error, `${name}: expected ${status} ${code}, got ${reply.status} ${JSON.stringify(reply.data)?.slice(0, 300)}`);
  assert.deepEqual([reply.status, error.code], [status, code], `${name}: ${JSON.stringify(error)}`);
  if (typeof expected.message === 'string') assert.equal(error.message, expected.message, `${name}: message`);
  else if (expected.message) assert.match(error.message ?? '', expected.message, `${name}: message`);
  if (expected.fieldErrors) assert.deepEqual(error.fieldErrors, expected.fieldErrors, `${name}: fieldErrors`);
  return error;
}

// ---------------------------------------------------------------- requests the routes accept

export const login = async (identifier: string, password: string): Promise<string> => (await ok('login', { body: { identifier, password } })).token;

/** What the wizard prefills for a student: the stored details, nothing answered yet (the mock's answersFor). */
export async function prefilled(token: string, studentId: string): Promise<c.RegistrationAnswers> {
  const family = await ok('family', { token });
  const registration = await ok('registration', { token, params: { studentId } });
  return {
    guardian: family.guardian,
    student: registration.student,
    paymentMode: family.paymentMode,
    bankChanged: family.bankChanged,
    authorisations: { image: null, sortie: null },
    administrativeReregistration: false,
    additionalInfo: '',
  };
}

/** A submission the backend accepts: the prefilled answers, both authorisations answered, the bank changed, the current texts accepted. */
export async function submission(token: string, studentId: string, patch: (a: c.RegistrationAnswers) => void = () => {}): Promise<c.SubmissionRequest> {
  const answers = await prefilled(token, studentId);
  answers.authorisations = { image: 'oui', sortie: 'non' };
  answers.bankChanged = true;
  patch(answers);
  const campaign = await ok('campaign');
  const version = (code: 'image' | 'sortie') => campaign.authorisations.find((a) => a.code === code)?.version ?? '';
  return {
    answers,
    acceptance: {
      rulesVersion: campaign.rules.version,
      authorisationVersions: { image: version('image'), sortie: version('sortie') },
      acceptedAt: campaign.serverNow,
    },
    changes: [],
  };
}

export const submitOptions = (token: string, studentId: string, body: c.SubmissionRequest, key: string): CallOptions => ({
  token,
  params: { studentId },
  body,
  headers: { 'Idempotency-Key': key },
});

// ---------------------------------------------------------------- files

export const PDF = new TextEncoder().encode('%PDF-1.4\n% test\n1 0 obj\n<<>>\nendobj\n%%EOF\n');
export const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
export const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);
/** A Windows executable's first bytes (« MZ »). */
export const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff]);

export function form(typeCode: string, file: File | null, studentId?: string): FormData {
  const f = new FormData();
  f.set('typeCode', typeCode);
  if (studentId) f.set('studentId', studentId);
  if (file) f.set('file', file);
  return f;
}

export const pdfFile = (name = 'attestation.pdf'): File => new File([PDF], name, { type: 'application/pdf' });

export async function upload(token: string, typeCode: string, studentId?: string, file: File = pdfFile()): Promise<c.UploadedDocument> {
  return ok('upload', { token, form: form(typeCode, file, studentId) });
}

/** The bytes behind a short-lived link, fetched as a browser opens it: no bearer. */
export async function openLink(url: string): Promise<Response> {
  return fetch(url);
}
