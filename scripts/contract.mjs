#!/usr/bin/env node
/**
 * `npm run test:contract [-- --api URL --control URL] [--grep PATTERN]`: the backend-neutral contract
 * suite (test/contract/*.contract.ts) over HTTP. Without --api (or CONTRACT_API), it starts the HTTP
 * mock server (scripts/mock-server.ts) on a free port and runs against it, its controls under
 * /__mock; against another backend give both the contract's base URL and its test-control base,
 * e.g. WordPress: --api http://127.0.0.1:8080/wp-json/reinscription/v1
 * --control http://127.0.0.1:8080/wp-json/reinscription-test/v1.
 * Ends with `N passed, N failed` alone on a line; exits 1 on any failure.
 */
import { register } from 'tsx/esm/api';

function arg(name) {
  const argv = process.argv.slice(2);
  const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  return argv[i].includes('=') ? argv[i].slice(argv[i].indexOf('=') + 1) : argv[i + 1];
}

let api = arg('api') ?? process.env.CONTRACT_API;
let controlUrl = arg('control') ?? process.env.CONTRACT_CONTROL;
const grep = arg('grep');

register();
let mock;
if (!api) {
  const { startMockServer } = await import('./mock-server.ts');
  mock = await startMockServer({ port: 0, quiet: true });
  api = mock.url;
  controlUrl = `${mock.url}/__mock`;
} else if (!controlUrl) {
  console.error('--api needs --control (or CONTRACT_CONTROL): the base URL of that backend’s test-control interface.');
  process.exit(2);
}
process.env.CONTRACT_API = api;
process.env.CONTRACT_CONTROL = controlUrl;

let failed = 1;
try {
  const { runContract } = await import('../test/contract/run.ts');
  const result = await runContract({ grep: grep ? new RegExp(grep, 'i') : undefined });
  failed = result.failed;
} catch (e) {
  console.error(e);
  console.log('\n0 passed, 1 failed');
} finally {
  await mock?.close();
}
process.exit(failed ? 1 : 0);
