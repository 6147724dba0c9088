/**
 * The Content-Security-Policy a town's page needs for the widget: one constant, read by the
 * journey that applies it (scripts/journey-e2e.mjs, served as a response header and as a <meta>)
 * and checked against docs/csp.md, so that the page the town copies and the page the test runs
 * cannot drift apart. Each directive, why it is there and what breaks without it: docs/csp.md.
 */
import { readFileSync } from 'node:fs';

/** The API origin written in docs/csp.md, where a town puts its own backend's origin. */
export const DOC_API_ORIGIN = 'https://api.conservatoire.example';

/**
 * The policy for a page that serves the widget from its own origin and talks to the API at
 * `apiOrigin` (scheme, host and port, no path). `worker: false` refuses the compression worker
 * (`worker-src 'none'`): the tests' variant that proves the main-thread fallback works.
 * @param {string} apiOrigin
 * @param {{ worker?: boolean }} [o]
 */
export function cspDirectives(apiOrigin, { worker = true } = {}) {
  const origin = new URL(apiOrigin).origin;
  return [
    ['default-src', "'none'"],
    ['script-src', "'self'"],
    ['connect-src', origin],
    ['worker-src', worker ? "'self'" : "'none'"],
    ['img-src', 'blob:'],
    ['base-uri', "'none'"],
    ['form-action', "'none'"],
    // Lit's own policy, and the widget's for its worker's URL (src/files/compress.ts).
    ['require-trusted-types-for', "'script'"],
    ['trusted-types', 'lit-html reinscription-wizard'],
  ];
}

/** The policy as one header value: `default-src 'none'; script-src 'self'; …`. */
export const cspPolicy = (apiOrigin, o) =>
  cspDirectives(apiOrigin, o)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');

/** The two lines docs/csp.md must contain word for word, with DOC_API_ORIGIN as the API. */
export function documentedLines() {
  const policy = cspPolicy(DOC_API_ORIGIN);
  return {
    header: `Content-Security-Policy: ${policy}`,
    meta: `<meta http-equiv="Content-Security-Policy" content="${policy}">`,
  };
}

/** The lines of documentedLines() that `docPath` (docs/csp.md) lacks: none when they agree. */
export function missingFromDoc(docPath) {
  const doc = readFileSync(docPath, 'utf8');
  return Object.entries(documentedLines())
    .filter(([, line]) => !doc.includes(line))
    .map(([what, line]) => `${what}: ${line}`);
}
