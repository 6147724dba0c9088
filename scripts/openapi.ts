/**
 * `npm run openapi` writes openapi.json (OpenAPI 3.1) from src/api/routes.ts and the zod schemas
 * of src/api/contract.ts and src/api/blocks.ts, so the backend team reads the same contract the
 * widget validates against. `--check` writes nothing and fails when openapi.json is stale (npm test).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as z from 'zod/mini';
import * as blocks from '../src/api/blocks.js';
import * as contract from '../src/api/contract.js';
import { routes, type Route } from '../src/api/routes.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const OUT = fileURLToPath(new URL('../openapi.json', import.meta.url));
const PKG = JSON.parse(readFileSync(fileURLToPath(new URL('../package.json', import.meta.url)), 'utf8')) as { name: string; version: string; description: string };
/** Not localeCompare: its order depends on the ICU data Node was built with. */
const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const ref = (name: string): JsonObject => ({ $ref: `#/components/schemas/${name}` });

const isSchema = (v: unknown): v is z.ZodMiniType => typeof v === 'object' && v !== null && '_zod' in v;

/** Every exported schema becomes a named component, referenced by $ref wherever it is used. */
function namedSchemas(): Map<z.ZodMiniType, string> {
  const named = new Map<z.ZodMiniType, string>();
  const entries = [...Object.entries(blocks), ...Object.entries(contract)].sort(([a], [b]) => byCodeUnit(a, b));
  for (const [name, value] of entries) if (isSchema(value) && !named.has(value)) named.set(value, name);
  return named;
}

function components(named: Map<z.ZodMiniType, string>): JsonObject {
  const registry = z.registry<{ id: string }>();
  for (const [schema, id] of named) registry.add(schema, { id });
  // 'input': zod strips unknown keys instead of refusing them, so no additionalProperties: false.
  const out = z.toJSONSchema(registry, { target: 'draft-2020-12', io: 'input', uri: (id) => `#/components/schemas/${id}` }) as { schemas: Record<string, JsonObject> };
  const schemas: JsonObject = {};
  for (const name of Object.keys(out.schemas).sort(byCodeUnit)) {
    // Each schema is a component here, not a standalone document.
    const rest = { ...out.schemas[name] };
    delete rest.$schema;
    delete rest.$id;
    schemas[name] = rest;
  }
  return schemas;
}

function schemaRef(named: Map<z.ZodMiniType, string>, schema: z.ZodMiniType): JsonObject {
  const name = named.get(schema);
  if (!name) throw new Error('A route uses a schema that src/api/contract.ts does not export by name.');
  return ref(name);
}

const errorResponse = (description: string, headers?: JsonObject): JsonObject => ({
  description,
  ...(headers ? { headers } : {}),
  content: { 'application/json': { schema: ref('ErrorBody') } },
});

const ERROR_RESPONSES: JsonObject = {
  BadRequest: errorResponse('The request is malformed (e.g. the Idempotency-Key header is missing).'),
  Unauthorized: errorResponse('No valid bearer token (missing, unknown, expired or revoked), or wrong credentials on login.'),
  Forbidden: errorResponse('The token is valid but this family may not do this.'),
  NotFound: errorResponse('Unknown student or document (another family\'s count as unknown).'),
  Conflict: errorResponse("The campaign is closed (code 'campaign-closed') or the registration was already sent or declined (code 'already-submitted')."),
  PayloadTooLarge: errorResponse("The file exceeds the campaign's documents.maxBytes (code 'too-large')."),
  ValidationFailed: errorResponse("The body does not match the schema or the campaign's rules (code 'validation', fieldErrors by field path), or the file is empty or not a PDF/JPEG/PNG ('empty-file', 'unsupported-type')."),
  TooManyRequests: errorResponse('Too many requests; try again after Retry-After seconds.', {
    'Retry-After': { description: 'Seconds to wait, or an HTTP date.', schema: { type: 'string' } },
  }),
  ServerError: errorResponse('The server failed; the call may be retried later.'),
};

function operation(name: string, route: Route, named: Map<z.ZodMiniType, string>): JsonObject {
  const parameters: Json[] = [...route.path.matchAll(/\{(\w+)\}/g)].map(([, param]) => ({
    name: param ?? '',
    in: 'path',
    required: true,
    schema: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' },
  }));
  if (route.idempotent) {
    parameters.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: true,
      description: 'Chosen by the client once per submission and sent again on every retry: the same key returns the stored submission instead of creating a second one.',
      schema: { type: 'string', minLength: 1, maxLength: 200, pattern: '^[\\x21-\\x7e]+$' },
    });
  }

  const op: JsonObject = { operationId: name, summary: route.summary };
  op.security = route.auth ? [{ bearerAuth: [] }] : [];
  if (parameters.length) op.parameters = parameters;

  if (route.request) {
    const body = schemaRef(named, route.request);
    op.requestBody = route.multipart
      ? {
          required: true,
          content: {
            'multipart/form-data': {
              schema: {
                allOf: [body, { type: 'object', properties: { file: { type: 'string', contentMediaType: 'application/octet-stream' } }, required: ['file'] }],
              },
              encoding: { file: { contentType: 'application/pdf, image/jpeg, image/png' } },
            },
          },
        }
      : { required: true, content: { 'application/json': { schema: body } } };
  }

  const responses: JsonObject = {};
  responses[String(route.status)] = route.response
    ? { description: 'Success.', content: { 'application/json': { schema: schemaRef(named, route.response) } } }
    : { description: 'Success, no content.' };
  const errors: [string, string][] = [];
  if (route.idempotent) errors.push(['400', 'BadRequest']);
  if (route.auth || name === 'login') errors.push(['401', 'Unauthorized']);
  if (route.auth) errors.push(['403', 'Forbidden']);
  if (route.path.includes('{') || route.multipart) errors.push(['404', 'NotFound']);
  if (route.auth && route.method !== 'GET') errors.push(['409', 'Conflict']);
  if (route.multipart) errors.push(['413', 'PayloadTooLarge']);
  if (route.request || route.multipart) errors.push(['422', 'ValidationFailed']);
  errors.push(['429', 'TooManyRequests'], ['5XX', 'ServerError']);
  for (const [status, component] of errors) responses[status] = { $ref: `#/components/responses/${component}` };
  op.responses = responses;
  return op;
}

export function buildOpenApi(): JsonObject {
  const named = namedSchemas();
  const paths: Record<string, JsonObject> = {};
  for (const [name, route] of Object.entries(routes) as [string, Route][]) {
    const item = (paths[route.path] ??= {});
    item[route.method.toLowerCase()] = operation(name, route, named);
  }
  const sortedPaths: JsonObject = {};
  for (const path of Object.keys(paths).sort(byCodeUnit)) sortedPaths[path] = paths[path] ?? {};
  return {
    openapi: '3.1.0',
    info: {
      title: 'Réinscriptions — Conservatoire municipal de Limonest',
      version: PKG.version,
      description:
        `The backend contract of ${PKG.name}: ${PKG.description} ` +
        'Generated from src/api/routes.ts and src/api/contract.ts by `npm run openapi`; do not edit by hand. ' +
        'Every error answer has the ErrorBody shape. Dates are ISO 8601 with an offset; the campaign is in Europe/Paris time.',
    },
    servers: [{ url: 'http://127.0.0.1:8787', description: 'Mock backend (`npm run mock-server`)' }],
    paths: sortedPaths,
    components: {
      schemas: components(named),
      responses: ERROR_RESPONSES,
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'The token returned by POST /session; sent as Authorization: Bearer <token>. No cookies.' },
      },
    },
  };
}

export function render(): string {
  return `${JSON.stringify(buildOpenApi(), null, 2)}\n`;
}

function main(): void {
  const text = render();
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(OUT, 'utf8');
    } catch {
      console.error('openapi.json is missing: run `npm run openapi` and commit the file.');
      process.exit(1);
    }
    if (current !== text) {
      console.error('openapi.json is out of date with src/api (routes.ts, contract.ts, blocks.ts): run `npm run openapi` and commit the file.');
      process.exit(1);
    }
    console.log('openapi.json is up to date.');
    return;
  }
  writeFileSync(OUT, text);
  console.log(`Wrote ${OUT}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
