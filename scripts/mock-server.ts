/**
 * `npm run mock-server [-- --port N]`: the mock backend as a real HTTP server on 127.0.0.1, serving
 * the very handlers the browser mock uses (through msw's getResponse), with CORS for a widget on
 * another origin. For trying the widget inside a real page (WordPress) and for curl.
 *
 * Test controls: POST /__mock/scenario {name, routes?, times?, delayMs?, fieldErrors?}, POST /__mock/reset
 * {fixture?} (back to the seed, then a starting state of src/mocks/fixtures.ts), POST /__mock/session
 * {identifier?} (a session for that family without its password: the Session JSON, token and
 * expiresAt, for a test to seed a logged-in tab), GET /__mock/outbox (the e-mails « sent »: password
 * resets, and the receipt of each submission with its reference, the student, the answers and the
 * pieces still missing), POST /__mock/seed {families: SeedFamily[]} (adds families in the shape of
 * src/mocks/seed.ts), POST /__mock/clock {now: ISO | null} (moves the server's clock; null: the real
 * one again), POST /__mock/campaign {opensAt?, closesAt?, documentsUntil?} (the campaign's dates).
 * They are the mock's side of the backend-neutral test-control interface the contract suite drives
 * (test/contract/control.ts); none of /__mock is part of the contract or of openapi.json.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { getResponse, type HttpHandler } from 'msw';
import * as z from 'zod/mini';
import { FIXTURE_NAMES, resetWithFixture } from '../src/mocks/fixtures.js';
import { createHandlers } from '../src/mocks/handlers.js';
import { createScenarios, SCENARIO_NAMES, type Scenarios } from '../src/mocks/scenarios.js';
import { DEMO_CREDENTIALS } from '../src/mocks/seed.js';
import { createStore, MockError, type MockStore } from '../src/mocks/store.js';
import { routes, type RouteName } from '../src/api/routes.js';
import { Course, DateTime, Guardian, StudentCoordinates } from '../src/api/contract.js';

export interface MockServerOptions {
  /** 0 picks a free port. */
  port?: number;
  store?: MockStore;
  scenarios?: Scenarios;
  /** Logs one line per request unless true. */
  quiet?: boolean;
}

export interface MockServer {
  /** e.g. http://127.0.0.1:8787, the widget's `api-url`. */
  url: string;
  port: number;
  store: MockStore;
  scenarios: Scenarios;
  server: Server;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
/** Well above the 2 MiB upload limit, so the handler answers 413 itself; beyond it, not even read. */
const MAX_BODY_BYTES = 16 * 1024 * 1024;

const CORS_PREFLIGHT = {
  'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, Idempotency-Key',
  'Access-Control-Max-Age': '600',
};

const ScenarioBody = z.object({
  name: z.enum(SCENARIO_NAMES),
  routes: z.optional(z.array(z.enum(Object.keys(routes) as [RouteName, ...RouteName[]]))),
  times: z.optional(z.number().check(z.int(), z.positive())),
  delayMs: z.optional(z.number().check(z.int(), z.nonnegative())),
  /** For 'validation-error': the refusal to send, as `{ "answers.guardian.email": ["validation.email"] }`. */
  fieldErrors: z.optional(z.record(z.string().check(z.minLength(1), z.maxLength(200)), z.array(z.string().check(z.maxLength(200))))),
});

const ResetBody = z.object({ fixture: z.optional(z.enum(FIXTURE_NAMES)) });
const SessionBody = z.object({ identifier: z.optional(z.string().check(z.minLength(1), z.maxLength(100))) });

const Id = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/));
/** src/mocks/seed.ts's SeedFamily, checked as the import of a real backend would check it. */
const SeedBody = z.object({
  families: z.array(
    z.object({
      id: Id,
      account: z.object({
        identifier: z.string().check(z.minLength(1), z.maxLength(100)),
        password: z.string().check(z.minLength(1), z.maxLength(200)),
        email: z.string().check(z.maxLength(254)),
      }),
      guardian: Guardian,
      paymentMode: z.nullable(Id),
      bankChanged: z.nullable(z.boolean()),
      students: z.array(z.object({ id: Id, coordinates: StudentCoordinates, courses: z.array(Course), administrativeReregistrationApplies: z.boolean() })),
    }),
  ),
});
const ClockBody = z.object({ now: z.nullable(DateTime) });
const CampaignBody = z.object({ opensAt: z.optional(DateTime), closesAt: z.optional(DateTime), documentsUntil: z.optional(DateTime) });
const CONTROLS = 'POST /__mock/reset, /__mock/seed, /__mock/session, /__mock/clock, /__mock/campaign, /__mock/scenario; GET /__mock/outbox';

/** Echoes the caller's origin (any page may embed the widget); never credentials. */
function corsHeaders(req: IncomingMessage): Record<string, string> {
  const origin = req.headers.origin;
  return origin ? { 'Access-Control-Allow-Origin': origin, 'Access-Control-Expose-Headers': 'Retry-After', Vary: 'Origin' } : { Vary: 'Origin' };
}

function toRequest(req: IncomingMessage, origin: string): Request {
  const headers = new Headers();
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i] ?? '', req.rawHeaders[i + 1] ?? '');
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  // `duplex: 'half'` is what undici needs to accept a streamed body; DOM's RequestInit lacks it.
  const init: RequestInit & { duplex?: 'half' } = { method, headers };
  if (hasBody) {
    init.body = Readable.toWeb(req) as ReadableStream<Uint8Array>;
    init.duplex = 'half';
  }
  return new Request(new URL(req.url ?? '/', origin), init);
}

async function send(res: ServerResponse, response: Response, extra: Record<string, string>): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, key) => (headers[key] = value));
  res.writeHead(response.status, { ...headers, ...extra });
  const reader = response.body?.getReader();
  for (;;) {
    const chunk = reader ? await reader.read() : { done: true as const };
    if (chunk.done) break;
    res.write(chunk.value);
  }
  res.end();
}

function json(res: ServerResponse, status: number, body: unknown, extra: Record<string, string>): void {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...extra });
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as unknown) : {};
}

export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const store = options.store ?? createStore();
  const scenarios = options.scenarios ?? createScenarios();
  let origin = '';
  let handlers: HttpHandler[] = [];

  async function control(req: IncomingMessage, res: ServerResponse, path: string, cors: Record<string, string>): Promise<void> {
    if (req.method === 'GET' && path === '/__mock/outbox') return json(res, 200, store.outbox, cors);
    const body = <S extends z.ZodMiniType>(schema: S): Promise<z.output<S> | null> =>
      readJson(req).then(
        (raw) => {
          const parsed = z.safeParse(schema, raw);
          if (parsed.success) return parsed.data;
          json(res, 422, { code: 'validation', message: z.prettifyError(parsed.error) }, cors);
          return null;
        },
        () => {
          json(res, 422, { code: 'validation', message: 'JSON attendu.' }, cors);
          return null;
        },
      );
    if (req.method === 'POST' && path === '/__mock/reset') {
      const parsed = await body(ResetBody);
      if (!parsed) return;
      scenarios.reset();
      const { documents } = resetWithFixture(store, parsed.fixture);
      return json(res, 200, { reset: true, fixture: parsed.fixture ?? 'seed', documents }, cors);
    }
    if (req.method === 'POST' && path === '/__mock/session') {
      const parsed = await body(SessionBody);
      if (!parsed) return;
      try {
        return json(res, 200, store.openSession(parsed.identifier), cors);
      } catch (e) {
        if (e instanceof MockError) return json(res, e.status, e.body, cors);
        throw e;
      }
    }
    if (req.method === 'POST' && path === '/__mock/seed') {
      const parsed = await body(SeedBody);
      if (!parsed) return;
      try {
        store.seed(parsed.families);
      } catch (e) {
        if (e instanceof MockError) return json(res, e.status, e.body, cors);
        throw e;
      }
      return json(res, 200, { seeded: parsed.families.length }, cors);
    }
    if (req.method === 'POST' && path === '/__mock/clock') {
      const parsed = await body(ClockBody);
      if (!parsed) return;
      store.setClock(parsed.now === null ? null : new Date(parsed.now));
      return json(res, 200, { now: store.now().toISOString() }, cors);
    }
    if (req.method === 'POST' && path === '/__mock/campaign') {
      const parsed = await body(CampaignBody);
      if (!parsed) return;
      const at = (iso: string | undefined) => (iso === undefined ? undefined : new Date(iso));
      store.setCampaignDates({ opensAt: at(parsed.opensAt), closesAt: at(parsed.closesAt), documentsUntil: at(parsed.documentsUntil) });
      return json(res, 200, { ok: true }, cors);
    }
    if (req.method === 'POST' && path === '/__mock/scenario') {
      const parsed = await body(ScenarioBody);
      if (!parsed) return;
      const { name, ...rest } = parsed;
      scenarios.set(name, rest);
      return json(res, 200, { name: scenarios.name, options: scenarios.options }, cors);
    }
    return json(res, 404, { code: 'no-route', message: `Contrôles : ${CONTROLS}.` }, cors);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const cors = corsHeaders(req);
    const path = new URL(req.url ?? '/', origin).pathname;
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...cors, ...(req.headers.origin ? CORS_PREFLIGHT : {}), 'Content-Length': '0' });
      return void res.end();
    }
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
      return json(res, 413, { code: 'too-large', message: 'Requête trop volumineuse.' }, { ...cors, Connection: 'close' });
    }
    if (path.startsWith('/__mock/')) return control(req, res, path, cors);

    const response = await getResponse(handlers, toRequest(req, origin));
    // Response.error(): the 'network-error' and 'lost-response' scenarios cut the connection.
    if (response?.type === 'error') return void req.socket.destroy();
    if (!response) return json(res, 404, { code: 'no-route' }, cors);
    await send(res, response, cors);
  }

  const server = createServer((req, res) => {
    const started = Date.now();
    res.on('close', () => {
      if (!options.quiet) console.log(`${req.method} ${req.url} → ${res.headersSent ? res.statusCode : 'connection closed'} (${Date.now() - started} ms)`);
    });
    handle(req, res).catch((e: unknown) => {
      console.error('[mock-server]', e);
      if (!res.headersSent) json(res, 500, { code: 'server-error', message: 'Erreur interne du serveur de démonstration.' }, corsHeaders(req));
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8787, HOST, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://${HOST}:${port}`;
  handlers = createHandlers(store, { baseUrl: origin, scenarios });

  return {
    url: origin,
    port,
    store,
    scenarios,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}

function portFromArgs(argv: string[]): number {
  const i = argv.findIndex((a) => a === '--port' || a.startsWith('--port='));
  const raw = i < 0 ? process.env.PORT : argv[i]?.includes('=') ? argv[i]?.split('=')[1] : argv[i + 1];
  const port = raw === undefined || raw === '' ? 8787 : Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid port: ${raw}`);
  return port;
}

async function main(): Promise<void> {
  const mock = await startMockServer({ port: portFromArgs(process.argv.slice(2)) });
  console.log(`Mock backend listening on ${mock.url}`);
  console.log(`  api-url="${mock.url}"  login ${DEMO_CREDENTIALS.identifier} / ${DEMO_CREDENTIALS.password}  (e-mail ${DEMO_CREDENTIALS.email})`);
  console.log(
    `  controls: POST ${mock.url}/__mock/scenario {"name":"server-error","routes":["family"]}, POST ${mock.url}/__mock/reset {"fixture":"draft-at-step-5"}, ` +
      `POST ${mock.url}/__mock/session, /__mock/seed, /__mock/clock {"now":"2026-12-06T23:00:00Z"}, /__mock/campaign, GET ${mock.url}/__mock/outbox`,
  );
  const stop = () => void mock.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
