/**
 * Where the backend under test is: `api()`, the contract's base URL (the widget's `api-url`), and
 * `controlBase()`, its test-control interface (the mock's `/__mock`, WordPress's test mu-plugin).
 * scripts/contract.mjs sets CONTRACT_API and CONTRACT_CONTROL before each run; read at each call, so
 * one process can run the suite against several backends in turn.
 */
function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the suite with node scripts/contract.mjs [--api URL --control URL]`);
  return value.replace(/\/+$/, '');
}

export const api = (): string => required('CONTRACT_API');
export const controlBase = (): string => required('CONTRACT_CONTROL');
