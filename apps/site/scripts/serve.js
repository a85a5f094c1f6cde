#!/usr/bin/env node
// Serves the built site (dist/) with node:http: `npm start` (PORT=4321 by default, else a free port).
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.ndjson': 'application/x-ndjson',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};

/** The built site next to this script (or SITE_DIST, e.g. a private `astro build --outDir`). */
export const distDir = process.env.SITE_DIST
  ? `${resolve(process.env.SITE_DIST)}/`
  : fileURLToPath(new URL('../dist/', import.meta.url));

/**
 * Creates (but does not start) a static file server for `root`.
 *
 * @example
 * const server = createStaticServer({ root: distDir });
 * server.listen(0, () => console.log(server.address().port));
 */
export function createStaticServer({ root = distDir } = {}) {
  const base = resolve(root);
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let path;
    try {
      path = normalize(join(base, decodeURIComponent(url.pathname)));
    } catch {
      res.writeHead(400).end('bad request');
      return;
    }
    if (!path.startsWith(base)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
    if (!existsSync(path) && existsSync(`${path}.html`)) path = `${path}.html`;
    const found = existsSync(path) && statSync(path).isFile();
    const file = found ? path : join(base, '404.html');
    if (!existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    res.writeHead(found ? 200 : 404, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
}

/**
 * Listens on `port`, or on a free port when that one is taken. Resolves to the port used.
 *
 * @param {import('node:http').Server} server
 * @param {{ port?: number, host?: string }} [options]
 * @returns {Promise<number>}
 * @example
 * const port = await listen(createStaticServer(), { port: 4321 });
 */
export function listen(server, { port = 4321, host } = {}) {
  return new Promise((ok, fail) => {
    const onError = (error) => {
      if (error.code === 'EADDRINUSE' && port !== 0) {
        server.listen(0, host);
      } else fail(error);
    };
    server.once('error', onError);
    server.once('listening', () => {
      server.off('error', onError);
      ok(server.address().port);
    });
    server.listen(port, host);
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!existsSync(join(distDir, 'index.html'))) {
    console.error('decaylab docs: dist/ is missing; run `npm run build -w @decaylab/site` first');
    process.exit(1);
  }
  const requested = process.env.PORT === undefined ? 4321 : Number(process.env.PORT);
  if (!Number.isInteger(requested) || requested < 0 || requested > 65535) {
    console.error(`decaylab docs: invalid PORT: ${process.env.PORT} (expected 0-65535)`);
    process.exit(1);
  }
  const port = await listen(createStaticServer(), { port: requested });
  console.log(`decaylab docs: http://localhost:${port}/`);
}
