/**
 * A static file server on 127.0.0.1 for the journeys: what a town's web server does with dist/,
 * and nothing more (no bundler, no service worker, no rewriting). `routes` maps URL prefixes to
 * folders; `pages` maps exact paths to HTML strings, or to `{ html, headers }` for a page with
 * headers of its own (a Content-Security-Policy) over the `headers` sent with every response.
 */
import { createServer } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/**
 * @param {{ routes?: Record<string, string>, pages?: Record<string, string | { html: string, headers?: Record<string, string> }>, headers?: Record<string, string> }} o
 * @returns {Promise<{ url: string, close(): Promise<void> }>}
 */
export async function startStaticServer({ routes = {}, pages = {}, headers = {} }) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path in pages) {
      const page = typeof pages[path] === 'string' ? { html: pages[path] } : pages[path];
      res.writeHead(200, { 'Content-Type': TYPES['.html'], 'Cache-Control': 'no-store', ...headers, ...page.headers });
      res.end(page.html);
      return;
    }
    for (const [prefix, dir] of Object.entries(routes)) {
      if (!path.startsWith(prefix)) continue;
      const rel = path.slice(prefix.length);
      const file = normalize(join(dir, rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel));
      if (!file.startsWith(normalize(dir) + sep) || !existsSync(file) || !statSync(file).isFile()) break;
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', ...headers });
      createReadStream(file).pipe(res);
      return;
    }
    // No favicon and no other file: a 204 keeps the console free of « Failed to load resource ».
    res.writeHead(path === '/favicon.ico' ? 204 : 404, headers);
    res.end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
