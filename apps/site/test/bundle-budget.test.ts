import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { eagerScripts } from '../scripts/eagerScripts.js';
import { builtRoutes, distDir } from './browser';

// The eager half of the bundle budget, on every built page of both locales: the JS a page
// loads before any widget is visible or search is opened (≤ 15 KB gzip). The total with every
// widget run and search opened (≤ 175 KB) needs a browser: `npm run bench -w @decaylab/site`.
const EAGER_KB = 15;

describe('eager JS budget', () => {
  it.each(builtRoutes())(`/%s loads ≤ ${EAGER_KB} KB gzip of JS eagerly`, (route) => {
    const html = readFileSync(join(distDir, route, 'index.html'), 'utf8');
    const scripts = eagerScripts(html, distDir);
    const bytes = scripts.reduce(
      (sum, p) => sum + gzipSync(readFileSync(join(distDir, decodeURIComponent(p)))).length,
      0,
    );
    expect(scripts.length).toBeGreaterThan(0);
    expect(bytes / 1024).toBeLessThanOrEqual(EAGER_KB);
  });
});

// Workers and pages share one copy of the engine and of RxJS: a worker built on its own (Vite's
// `new Worker(new URL(…))`) would carry a second one (≈ 17 KB gzip each). Markers: the engine's
// seeded generator constant and RxJS's tslib helper message, which survive minification.
describe('one copy of the engine and RxJS', () => {
  const scripts = readdirSync(join(distDir, '_astro'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => ({ f, src: readFileSync(join(distDir, '_astro', f), 'utf8') }));
  it.each([
    ['the engine (seeded generator)', '2654435769'],
    ['RxJS (tslib helpers)', 'Generator is already executing.'],
  ])('%s is in exactly one chunk', (_what, marker) => {
    expect(scripts.filter(({ src }) => src.includes(marker)).map(({ f }) => f)).toHaveLength(1);
  });
});
