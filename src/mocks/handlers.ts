import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import * as z from 'zod/mini';
import type { ErrorBody } from '../api/contract.js';
import { routes, type RouteName } from '../api/routes.js';
import { createScenarios, RETRY_AFTER_SECONDS, type Fault, type Scenarios } from './scenarios.js';
import { MockError, type MockStore, type SessionRecord } from './store.js';

/**
 * MSW handlers for every route of src/api/routes.ts, built by walking the routes table so none is
 * forgotten. Each one: fault scenario, bearer check, request body parsed with the route's schema
 * (422 with field paths on a mismatch), the store, then the answer checked against the response
 * schema, so the mock can never drift from the contract without a loud 500.
 */

export interface HandlerOptions {
  /** Absolute ('https://api.test/v1') or root-relative ('/api'); routes are matched under it. */
  baseUrl: string;
  scenarios?: Scenarios;
}

type Def<N extends RouteName> = (typeof routes)[N];
type Body<N extends RouteName> = Def<N> extends { request: infer S extends z.ZodMiniType } ? z.output<S> : undefined;
type Result<N extends RouteName> = Def<N> extends { response: infer S extends z.ZodMiniType } ? z.output<S> : undefined;

interface Context<N extends RouteName> {
  request: Request;
  params: Record<string, string>;
  body: Body<N>;
  /** The multipart form, for the upload route. */
  form: FormData | null;
  /** The caller's session (authenticated routes only). */
  session: SessionRecord;
  /** The base URL made absolute against the request, for links handed out to the browser. */
  absoluteBase: string;
  /** The fault scenario applied to this call, for those the store itself plays ('mail-error'). */
  fault: Fault | null;
}

type Impl<N extends RouteName> = (ctx: Context<N>) => Result<N> | Promise<Result<N>>;

const error = (status: number, body: ErrorBody, headers: Record<string, string> = {}) =>
  HttpResponse.json(body, { status, headers: { 'Cache-Control': 'no-store', ...headers } });

/** A field the 'validation-error' scenario blames, per route, as a real backend might. */
const SCENARIO_FIELD: Partial<Record<RouteName, string>> = {
  login: 'identifier',
  passwordReset: 'email',
  updateFamily: 'guardian.email',
  saveDraft: 'answers.guardian.phoneMobile',
  submit: 'answers.guardian.email',
  decline: 'reason',
  upload: 'file',
};

/**
 * The field a refused draft blames, by the step it was sent from: its `step` is where the parent
 * goes next (3 when leaving step 2), so the refusal lands on the step being left, where its field
 * is. Step 3 (documents) asks nothing of the answers; a step reopened from the recap sends 5, read
 * as leaving step 4. Any other step blames the route's own field (step 1's).
 */
const DRAFT_FIELD_BY_NEXT_STEP: Partial<Record<number, string>> = {
  3: 'answers.authorisations.image',
  5: 'answers.additionalInfo',
};

/** The 'validation-error' scenario's refusal: the seeded one, or the route's own field. */
async function refusedFields(fault: Fault, route: RouteName, request: Request): Promise<Record<string, string[]>> {
  if (fault.fieldErrors) return fault.fieldErrors;
  let field = SCENARIO_FIELD[route] ?? '';
  if (route === 'saveDraft') {
    // The scenario refuses whatever was sent: a body that is not JSON blames the route's own field.
    const body = (await request.json().catch(() => undefined)) as { step?: unknown } | undefined;
    field = (typeof body?.step === 'number' ? DRAFT_FIELD_BY_NEXT_STEP[body.step] : undefined) ?? field;
  }
  return { [field]: ['validation.invalid'] };
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

/** zod issue → one of our message ids (the widget's catalogue words them in French). */
function messageId(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'validation.required' : 'validation.invalidType';
    case 'too_small':
      if (issue.origin === 'string' && issue.minimum === 1) return 'validation.required';
      return issue.origin === 'number' || issue.origin === 'int' ? 'validation.tooSmall' : 'validation.tooShort';
    case 'too_big':
      return issue.origin === 'number' || issue.origin === 'int' ? 'validation.tooBig' : 'validation.tooLong';
    case 'invalid_format':
      return 'validation.format';
    case 'invalid_value':
    case 'invalid_union':
      return 'validation.unknownValue';
    default:
      return 'validation.invalid';
  }
}

/** Field paths as `a.b.0.c`; the whole body (not an object at all) is the empty path. */
export function fieldErrorsOf(issues: readonly z.core.$ZodIssue[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    const id = messageId(issue);
    const list = (out[path] ??= []);
    if (!list.includes(id)) list.push(id);
  }
  return out;
}

function parseWith(schema: z.ZodMiniType, value: unknown): unknown {
  const parsed = z.safeParse(schema, value, { reportInput: true });
  if (!parsed.success) throw new MockError(422, { code: 'validation', fieldErrors: fieldErrorsOf(parsed.error.issues) });
  return parsed.data;
}

async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  try {
    return text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    throw new MockError(422, { code: 'validation', message: "Le corps de la requête n'est pas du JSON valide." });
  }
}

async function readForm(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    throw new MockError(422, { code: 'validation', message: 'Le corps de la requête doit être un formulaire multipart/form-data.' });
  }
}

/** Form fields as strings; a File under a text field's name is a mismatch the schema reports. */
function formFields(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of form.entries()) if (k !== 'file') out[k] = v;
  return out;
}

/** The 'malformed-json' scenario's body: announced as JSON, not JSON. */
export const MALFORMED_JSON = '<br />\n<b>Warning</b>: session_start(): headers already sent {"savedAt": "2026-';

/**
 * The 'contract-break' scenario's body: valid JSON that no route's response schema accepts (every
 * one is an object with required fields), as a backend on another version of the contract answers.
 */
export const CONTRACT_BREAK = { data: null, error: null, version: 'v0', note: 'Réponse hors contrat (simulée).' } as const;

/**
 * The answer a fault makes instead of the route's own, or null when the route runs (slow, a lost
 * answer after the write, the mail server down). None of them commits anything.
 */
async function faultResponse(fault: Fault, route: RouteName, request: Request): Promise<Response | null> {
  switch (fault.name) {
    case 'network-error':
      return HttpResponse.error();
    case 'server-error':
      return error(500, { code: 'server-error', message: 'Erreur interne du serveur (simulée).' });
    case 'session-expired':
      return error(401, { code: 'session-expired', message: 'La session a expiré.' });
    case 'validation-error':
      return error(422, { code: 'validation', fieldErrors: await refusedFields(fault, route, request) });
    case 'rate-limited':
      return error(429, { code: 'rate-limited', message: 'Trop de tentatives.' }, { 'Retry-After': String(RETRY_AFTER_SECONDS) });
    case 'forbidden':
      return error(403, { code: 'forbidden', message: 'Action interdite pour ce compte (simulé).' });
    case 'not-found':
      return error(404, { code: 'not-found', message: 'Introuvable (simulé).' });
    case 'conflict':
      return error(409, { code: 'conflict', message: 'Le dossier a changé entre-temps (simulé).' });
    case 'too-large':
      return error(413, { code: 'too-large', message: 'Requête trop volumineuse (simulé).' });
    case 'unavailable':
      return error(503, { code: 'unavailable', message: 'Service indisponible (simulé).' }, { 'Retry-After': String(RETRY_AFTER_SECONDS) });
    case 'malformed-json':
      // What a proxy's truncated answer or a PHP warning before the JSON looks like.
      return new HttpResponse(MALFORMED_JSON, { status: 200, headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' } });
    case 'contract-break':
      return HttpResponse.json(CONTRACT_BREAK, { status: 200, headers: { 'Cache-Control': 'no-store' } });
    case 'slow':
    case 'lost-response':
    case 'mail-error':
      return null;
  }
}

/** The Idempotency-Key header, required on routes flagged `idempotent`. */
function idempotencyKey(request: Request): string {
  const key = request.headers.get('Idempotency-Key')?.trim();
  if (!key) throw new MockError(400, { code: 'idempotency-key-required', message: "L'en-tête Idempotency-Key est obligatoire." });
  if (!IDEMPOTENCY_KEY.test(key)) {
    throw new MockError(400, { code: 'idempotency-key-invalid', message: "L'en-tête Idempotency-Key doit compter de 1 à 200 caractères ASCII visibles." });
  }
  return key;
}

function implementations(store: MockStore): { [N in RouteName]: Impl<N> } {
  const student = (ctx: { params: Record<string, string> }) => ctx.params.studentId ?? '';
  const documentId = (ctx: { params: Record<string, string> }) => ctx.params.documentId ?? '';
  return {
    login: ({ body }) => store.login(body.identifier, body.password),
    extendSession: ({ session }) => store.extendSession(session),
    logout: ({ session }) => {
      store.logout(session);
      return undefined;
    },
    passwordReset: ({ body }) => {
      store.requestPasswordReset(body.identifier, body.email);
      return { accepted: true };
    },
    campaign: () => store.campaign(),
    family: ({ session }) => store.family(session.familyId),
    updateFamily: ({ session, body }) => store.updateFamily(session.familyId, body),
    registration: (ctx) => store.registration(ctx.session.familyId, student(ctx)),
    saveDraft: (ctx) => store.saveDraft(ctx.session.familyId, student(ctx), ctx.body),
    submit: (ctx) =>
      store.submit(ctx.session.familyId, student(ctx), idempotencyKey(ctx.request), ctx.body, { mailServerDown: ctx.fault?.name === 'mail-error' }),
    decline: (ctx) => store.decline(ctx.session.familyId, student(ctx), ctx.body.reason),
    upload: async ({ session, body, form }) => {
      const file = form?.get('file');
      if (!(file instanceof File)) throw new MockError(422, { code: 'validation', fieldErrors: { file: ['validation.required'] } });
      return store.upload(session.familyId, body, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    },
    deleteDocument: (ctx) => {
      store.deleteDocument(ctx.session.familyId, documentId(ctx));
      return undefined;
    },
    documentLink: (ctx) => store.documentLink(ctx.session.familyId, documentId(ctx), ctx.absoluteBase),
  };
}

const toMswPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

export function createHandlers(store: MockStore, options: HandlerOptions): HttpHandler[] {
  const base = options.baseUrl.replace(/\/+$/, '');
  const scenarios = options.scenarios ?? createScenarios();
  const impls = implementations(store);
  const absoluteBase = (request: Request) => (base ? new URL(base, request.url).href.replace(/\/+$/, '') : new URL(request.url).origin);

  function handler<N extends RouteName>(name: N): HttpHandler {
    const route: Def<N> = routes[name];
    const impl: Impl<N> = impls[name];
    const method = route.method.toLowerCase() as Lowercase<Def<N>['method']>;
    return http[method](`${base}${toMswPath(route.path)}`, async ({ request, params }) => {
      const fault = scenarios.take(name);
      if (fault) {
        if (fault.name === 'slow') await delay(fault.delayMs);
        const early = await faultResponse(fault, name, request);
        if (early) return early;
      }
      const response = await answer(name, route, impl, request, params, fault);
      return fault?.name === 'lost-response' ? HttpResponse.error() : response;
    });
  }

  async function answer<N extends RouteName>(
    name: N,
    route: Def<N>,
    impl: Impl<N>,
    request: Request,
    rawParams: Record<string, string | readonly string[] | undefined>,
    fault: Fault | null,
  ): Promise<Response> {
    try {
      const session = route.auth ? store.authenticate(request.headers.get('Authorization')) : null;
      const params: Record<string, string> = {};
      for (const [k, v] of Object.entries(rawParams)) if (typeof v === 'string') params[k] = v;
      let form: FormData | null = null;
      let body: unknown = undefined;
      if ('multipart' in route && route.multipart) {
        form = await readForm(request);
        body = parseWith(route.request, formFields(form));
      } else if ('request' in route) {
        body = parseWith(route.request, await readJson(request));
      }
      const result = await impl({
        request,
        params,
        body: body as Body<N>,
        form,
        // Public routes never read it; a placeholder keeps the context's type simple.
        session: session ?? { token: '', familyId: '', expiresAt: 0 },
        absoluteBase: absoluteBase(request),
        fault,
      });
      if (!('response' in route)) return new HttpResponse(null, { status: route.status, headers: { 'Cache-Control': 'no-store' } });
      const checked = z.safeParse(route.response, result);
      if (!checked.success) {
        console.error(`[mock] ${name}: the answer breaks the contract`, checked.error.issues);
        return error(500, { code: 'mock-contract-violation', message: `${name}: ${z.prettifyError(checked.error).slice(0, 900)}` });
      }
      return HttpResponse.json(checked.data, { status: route.status, headers: { 'Cache-Control': 'no-store' } });
    } catch (e) {
      if (e instanceof MockError) return error(e.status, e.body, e.headers);
      throw e;
    }
  }

  const names = Object.keys(routes) as RouteName[];
  return [
    ...names.map((name) => handler(name)),
    // Short-lived links are opened by the browser itself: no bearer, the token is the secret.
    http.get(`${base}/files/:token`, ({ params }) => {
      const doc = typeof params.token === 'string' ? store.file(params.token) : null;
      if (!doc) return error(404, { code: 'not-found', message: 'Ce lien a expiré ou le document a été supprimé.' });
      return new HttpResponse(doc.bytes, {
        headers: {
          'Content-Type': doc.mimeType,
          'Content-Length': String(doc.size),
          'Content-Disposition': `inline; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`,
          'Cache-Control': 'private, no-store',
          'X-Content-Type-Options': 'nosniff',
        },
      });
    }),
    // Distinguishes « no such endpoint » from a route's own 404 (e.g. an unknown student).
    http.all(`${base}/*`, () => error(404, { code: 'no-route', message: 'Aucune route ne correspond à cette adresse.' })),
  ];
}
