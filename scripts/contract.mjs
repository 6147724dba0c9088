#!/usr/bin/env node
/**
 * `npm run test:contract [-- options]`: the backend-neutral contract suite (test/contract/*.contract.ts)
 * over HTTP, against one or more backends in turn:
 *
 *   (no option)            the HTTP mock server (scripts/mock-server.ts), started on a free port, its
 *                          controls under /__mock
 *   --api URL --control URL  a running backend: the contract's base URL and its test-control base
 *                          (or CONTRACT_API / CONTRACT_CONTROL), e.g. a WordPress:
 *                          --api http://127.0.0.1:8080/wp-json/reinscription/v1
 *                          --control http://127.0.0.1:8080/wp-json/reinscription-test/v1
 *   --wordpress[=LIST]     throwaway WordPress sites (scripts/wordpress/backend-site.mjs), one per item
 *                          of LIST, `php:permalinks` with php mod_php|fpm and permalinks pretty|plain
 *                          (default mod_php:pretty), e.g. --wordpress=mod_php:pretty,fpm:plain.
 *                          Not root: prints `skipped: …` and exits 0, or with --mock runs the mock
 *                          only and counts each site as one skipped.
 *   --mock                 with --wordpress: the mock server first, as without options
 *   --grep PATTERN         only the tests whose « area › name » matches (case-insensitive)
 *
 * Ends with `N passed, N failed` (`, N skipped` when a backend lacks an optional fault), summed over
 * the backends, alone on a line; exits 1 on any failure.
 */
import { register } from 'tsx/esm/api';

const argv = process.argv.slice(2);
function arg(name) {
  const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  if (argv[i].includes('=')) return argv[i].slice(argv[i].indexOf('=') + 1);
  const next = argv[i + 1];
  return next === undefined || next.startsWith('--') ? '' : next;
}

const grep = arg('grep');
const wordpress = arg('wordpress');
const api = arg('api') ?? process.env.CONTRACT_API;
const controlUrl = arg('control') ?? process.env.CONTRACT_CONTROL;

/** Each backend: a label, and start() giving its URLs and a stop(). */
const backends = [];
const mockBackend = {
  label: 'the mock server',
  async start() {
    const { startMockServer } = await import('./mock-server.ts');
    const mock = await startMockServer({ port: 0, quiet: true });
    return { api: mock.url, control: `${mock.url}/__mock`, stop: () => mock.close() };
  },
};

/** WordPress sites that could not be tried (not root): counted as skipped, never as passed. */
let skippedBackends = 0;
if (wordpress !== undefined) {
  const configs = (wordpress || 'mod_php:pretty').split(',');
  const isRoot = typeof process.getuid !== 'function' || process.getuid() === 0;
  if (argv.includes('--mock')) backends.push(mockBackend);
  if (!isRoot) {
    console.log('skipped: the contract suite on WordPress needs root (MariaDB, Apache, /etc/wordpress)');
    if (!backends.length) process.exit(0);
    skippedBackends = configs.length;
  }
  for (const item of isRoot ? configs : []) {
    const [php = 'mod_php', permalinks = 'pretty'] = item.split(':');
    backends.push({
      label: `WordPress (${php}, ${permalinks} permalinks)`,
      async start() {
        const { startBackendSite } = await import('./wordpress/backend-site.mjs');
        const site = await startBackendSite({ php, permalinks, log: (line) => console.log(`  ${line}`) });
        if (site.pluginError) {
          await site.stop();
          throw new Error(`the plugin could not be activated: ${site.pluginError}`);
        }
        return { api: site.apiUrl, control: site.controlUrl, stop: () => site.stop() };
      },
    });
  }
} else if (api) {
  if (!controlUrl) {
    console.error('--api needs --control (or CONTRACT_CONTROL): the base URL of that backend’s test-control interface.');
    process.exit(2);
  }
  backends.push({ label: api, start: async () => ({ api, control: controlUrl, stop: async () => {} }) });
} else backends.push(mockBackend);

register();
const { runContract } = await import('../test/contract/run.ts');
const total = { passed: 0, failed: 0, skipped: skippedBackends };
for (const backend of backends) {
  let running;
  try {
    running = await backend.start();
    process.env.CONTRACT_API = running.api;
    process.env.CONTRACT_CONTROL = running.control;
    const result = await runContract({ grep: grep ? new RegExp(grep, 'i') : undefined, label: backend.label });
    total.passed += result.passed;
    total.failed += result.failed;
    total.skipped += result.skipped;
  } catch (e) {
    console.error(`Contract suite on ${backend.label} could not run:`, e);
    total.failed += 1;
  } finally {
    await running?.stop().catch((e) => console.error(e));
  }
}
console.log(`\n${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exit(total.failed ? 1 : 0);
