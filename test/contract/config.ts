/**
 * Where the backend under test is: `API`, the contract's base URL (the widget's `api-url`), and
 * `CONTROL`, its test-control interface (the mock's `/__mock`, WordPress's test mu-plugin).
 * scripts/contract.mjs sets both before loading the suite.
 */
function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the suite with node scripts/contract.mjs [--api URL --control URL]`);
  return value.replace(/\/+$/, '');
}

export const API = required('CONTRACT_API');
export const CONTROL = required('CONTRACT_CONTROL');
