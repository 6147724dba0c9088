import { setupWorker, type SetupWorker } from 'msw/browser';
import { createHandlers } from './handlers.js';
import { createScenarios, type Scenarios } from './scenarios.js';
import { createStore, type MockStore } from './store.js';

/** Where `npx msw init public` puts the worker script for an app served at the root of its origin. */
const DEFAULT_SERVICE_WORKER_URL = '/mockServiceWorker.js';

export interface MockBackendOptions {
  /** Where the widget's `api-url` points; root-relative ('/api') or any absolute origin. */
  baseUrl?: string;
  store?: MockStore;
  scenarios?: Scenarios;
  /** Silences MSW's per-request console log (default true). */
  quiet?: boolean;
  /**
   * Where the page's server serves MSW's worker script (`npx msw init <public dir>` copies it there);
   * default '/mockServiceWorker.js'. An app served under a sub-path serves it there, for example
   * '/inscriptions/mockServiceWorker.js': a service worker only sees the pages under its own folder.
   */
  serviceWorkerUrl?: string;
}

export interface MockBackend {
  worker: SetupWorker;
  store: MockStore;
  scenarios: Scenarios;
  baseUrl: string;
  stop(): void;
}

/**
 * Starts the mock backend in this page. The service worker only relays requests; the handlers and
 * the store run here, so a test or the demo page can read and change the store directly.
 * Requests outside the base URL (the page's own assets) go to the network untouched.
 */
export async function startMockBackend(options: MockBackendOptions = {}): Promise<MockBackend> {
  const baseUrl = options.baseUrl ?? '/api';
  const store = options.store ?? createStore();
  const scenarios = options.scenarios ?? createScenarios();
  const worker = setupWorker(...createHandlers(store, { baseUrl, scenarios }));
  await worker.start({
    serviceWorker: { url: options.serviceWorkerUrl ?? DEFAULT_SERVICE_WORKER_URL },
    quiet: options.quiet ?? true,
    onUnhandledRequest: 'bypass',
  });
  return { worker, store, scenarios, baseUrl, stop: () => worker.stop() };
}
