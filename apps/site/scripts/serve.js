#!/usr/bin/env node
// `npm start`: serves the built site (dist/) with `astro preview` and prints its URL.
// PORT (default 4321; 0 = any free port) picks the port; a taken port moves to the next free one.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// `astro preview` would otherwise report a telemetry event: the site must work offline.
process.env.ASTRO_TELEMETRY_DISABLED ??= '1';

const siteDir = fileURLToPath(new URL('..', import.meta.url));

/** The built site next to this script (or SITE_DIST, e.g. a private `astro build --outDir`). */
export const distDir = process.env.SITE_DIST
  ? `${resolve(process.env.SITE_DIST)}/`
  : fileURLToPath(new URL('../dist/', import.meta.url));

/**
 * Serves `root` (default `distDir`) with Astro's own preview server, the one `astro preview`
 * runs: the site's `base` and `trailingSlash` rules, `404.html` for missing pages.
 * Resolves once it listens, to the port it got and a `stop()` that closes it.
 *
 * @param {{ port?: number, host?: string, root?: string }} [options]
 * @returns {Promise<{ port: number, url: string, stop: () => Promise<void> }>}
 * @example
 * const site = await startPreview({ port: 0, host: '127.0.0.1' });
 * console.log(site.url); // http://127.0.0.1:40123/
 * await site.stop();
 */
export async function startPreview({ port = 4321, host = 'localhost', root = distDir } = {}) {
  const { preview } = await import('astro');
  const server = await preview({
    root: siteDir,
    outDir: root,
    server: { port, host },
    logLevel: 'warn',
  });
  // Astro reports the configured port; the HTTP server knows the one it got (port 0, or taken).
  const address = server.server?.address();
  const actual = typeof address === 'object' && address ? address.port : server.port;
  return { port: actual, url: `http://${host}:${actual}/`, stop: () => server.stop() };
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
  const site = await startPreview({ port: requested });
  console.log(`decaylab docs: ${site.url}`);
}
