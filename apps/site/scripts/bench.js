#!/usr/bin/env node
// `npm run bench -w @decaylab/site`: per chapter page, in every locale (/ and /zh-cn/),
//   - eager JS: gzip size of the page's module graph before any widget is visible (the
//     <script> tags and their static imports, read from dist/), and what Chromium actually
//     fetched at load (top of the page, no scrolling: widgets in the first screen count);
//   - total JS: everything fetched after scrolling through every widget and pressing its buttons;
//   - slider → redraw: median time from a λ-slider keypress to the redrawn chart, measured in
//     the page (performance.measure 'dl:redraw:<id>' set by DecayWidget), with one animation
//     frame measured in the same run as the baseline.
//   - +search: total after also opening Starlight's search (Pagefind UI) and searching.
// Targets: eager ≤ 15 KB, total with search opened ≤ 175 KB, redraw ≤ 100 ms (chapters 3 and 5).
// `node scripts/bench.js --bundle-only` measures the bundle columns only (no redraw timing).
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, chromiumPath } from './chromium.js';
import { eagerScripts } from './eagerScripts.js';
import { distDir, startPreview } from './serve.js';

const EAGER_KB = 15;
const TOTAL_KB = 175;
const REDRAW_MS = 100;
const SAMPLES = 7;
const bundleOnly = process.argv.includes('--bundle-only');

if (!existsSync(join(distDir, 'index.html'))) {
  console.error('bench: dist/ is missing; run `npm run build -w @decaylab/site` first');
  process.exit(1);
}

const gz = new Map();
/** gzip size in bytes of a file in dist/ given its URL path. */
const gzipSize = (urlPath) => {
  if (!gz.has(urlPath)) {
    const file = join(distDir, decodeURIComponent(urlPath));
    gz.set(urlPath, existsSync(file) ? gzipSync(readFileSync(file)).length : 0);
  }
  return gz.get(urlPath);
};

const kb = (bytes) => (bytes / 1024).toFixed(1);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : Number.NaN;
};

/** The home page and chapter pages of every locale: ``, `chapters/NN-…`, `zh-cn`, `zh-cn/chapters/NN-…`. */
const chapters = ['', 'zh-cn/'].flatMap((prefix) => [
  prefix.replace(/\/$/, ''),
  ...(existsSync(join(distDir, prefix, 'chapters'))
    ? readdirSync(join(distDir, prefix, 'chapters'))
        .sort()
        .map((c) => `${prefix}chapters/${c}`)
    : []),
]);
const site = await startPreview({ port: 0, host: '127.0.0.1' });
const { port } = site;
const base = `http://127.0.0.1:${port}`;
const userDataDir = mkdtempSync(join(tmpdir(), 'decaylab-bench-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: chromiumPath,
  args: CHROMIUM_FLAGS,
  headless: true,
  viewport: { width: 1280, height: 900 },
});
// Long tasks (> 50 ms on the main thread), recorded from the start of every page.
await context.addInitScript(() => {
  const w = /** @type {any} */ (window);
  w.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__longTasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
});

const rows = [];
let frameMs = Number.NaN;
let failed = false;
try {
  for (const chapter of chapters) {
    const route = chapter ? `/${chapter}/` : '/';
    const html = readFileSync(join(distDir, chapter, 'index.html'), 'utf8');
    const eager = eagerScripts(html, distDir).reduce((sum, p) => sum + gzipSize(p), 0);

    const page = await context.newPage();
    const fetched = new Set();
    const onRequest = (req) => {
      const url = new URL(req.url());
      if (url.origin === base && /\.m?js$/.test(url.pathname)) fetched.add(url.pathname);
    };
    context.on('request', onRequest);
    await page.goto(base + route, { waitUntil: 'load' });
    await page.waitForTimeout(300);
    const atLoad = [...fetched].reduce((sum, p) => sum + gzipSize(p), 0);

    // Scroll through every widget and press its buttons (not the ones that navigate/open files).
    for (const w of await page.locator('.dl-widget').all()) {
      await w.scrollIntoViewIfNeeded();
      await page.waitForTimeout(300);
      for (const b of await w.locator('button[data-action]').all()) {
        if (await b.isVisible()) await b.click().catch(() => {});
      }
    }
    await page.waitForTimeout(500);
    const total = [...fetched].reduce((sum, p) => sum + gzipSize(p), 0);
    // Starlight's search loads the Pagefind UI when the browser is idle; opening it and
    // searching loads Pagefind itself, the language's index and a result's fragment.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.keyboard.press('Control+k');
    const query = chapter.startsWith('zh-cn/') ? '权重衰减' : 'decay';
    await page
      .locator('#starlight__search input')
      .fill(query, { timeout: 10_000 })
      .catch(() => {});
    await page
      .locator('#starlight__search .pagefind-ui__result-link')
      .first()
      .waitFor({ timeout: 10_000 })
      .catch(() => {});
    await page.keyboard.press('Escape');
    const withSearch = [...fetched].reduce((sum, p) => sum + gzipSize(p), 0);

    if (!bundleOnly && Number.isNaN(frameMs)) {
      frameMs = await page.evaluate(async () => {
        const t = [];
        let last = await new Promise(requestAnimationFrame);
        for (let i = 0; i < 20; i++) {
          const now = await new Promise(requestAnimationFrame);
          t.push(now - last);
          last = now;
        }
        t.sort((a, b) => a - b);
        return t[10];
      });
    }

    // Slider → redraw on the first λ slider of the page, if any.
    let redraw = Number.NaN;
    const slider = page.locator('.dl-widget input[type="range"][data-name="lambda"]').first();
    if (!bundleOnly && (await slider.count()) > 0) {
      await slider.scrollIntoViewIfNeeded();
      const id = await slider.evaluate(
        (el) => el.closest('.dl-widget')?.getAttribute('data-id') ?? '',
      );
      const samples = [];
      for (let i = 0; i < SAMPLES; i++) {
        await page.evaluate((name) => performance.clearMeasures(name), `dl:redraw:${id}`);
        await slider.focus();
        await page.keyboard.press(i % 2 ? 'ArrowLeft' : 'ArrowRight');
        const ms = await page
          .waitForFunction(
            (name) => performance.getEntriesByName(name)[0]?.duration,
            `dl:redraw:${id}`,
            { timeout: 5000 },
          )
          .then((h) => h.jsonValue())
          .catch(() => Number.NaN);
        samples.push(ms);
        await page.waitForTimeout(150);
      }
      redraw = median(samples);
    }
    const longTasks = await page.evaluate(() => /** @type {any} */ (window).__longTasks ?? []);
    const draws = await page.evaluate(() =>
      performance
        .getEntriesByType('measure')
        .filter((m) => m.name.startsWith('dl:draw:'))
        .map((m) => m.duration),
    );
    context.off('request', onRequest);
    await page.close();

    const n = Number(/chapters\/(\d\d)/.exec(chapter)?.[1]);
    const redrawTarget = !bundleOnly && (n === 3 || n === 5);
    const ok =
      eager <= EAGER_KB * 1024 &&
      withSearch <= TOTAL_KB * 1024 &&
      (!redrawTarget || redraw <= REDRAW_MS);
    if (!ok) failed = true;
    const longest = longTasks.length ? Math.max(...longTasks) : 0;
    rows.push({
      chapter,
      eager,
      atLoad,
      total,
      withSearch,
      redraw,
      redrawTarget,
      ok,
      longest,
      longCount: longTasks.length,
      drawMedian: median(draws),
      drawMax: draws.length ? Math.max(...draws) : Number.NaN,
    });
  }
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
  await site.stop();
}

const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);
console.log(
  `\nsite bench (gzip JS; redraw = median of ${SAMPLES} λ-slider keypresses; baseline: 1 animation frame = ${frameMs.toFixed(1)} ms)\n`,
);
console.log(
  `${pad('page', 40)}${lpad('eager KB', 10)}${lpad('at load KB', 12)}${lpad('total KB', 10)}${lpad('+search KB', 12)}${lpad('redraw ms', 11)}${lpad('frames', 8)}${lpad('draw ms', 14)}${lpad('long tasks', 13)}  ok`,
);
for (const r of rows) {
  const redraw = Number.isNaN(r.redraw) ? '—' : r.redraw.toFixed(1);
  const frames = Number.isNaN(r.redraw) ? '—' : (r.redraw / frameMs).toFixed(1);
  console.log(
    `${pad(r.chapter || '(home)', 40)}${lpad(kb(r.eager), 10)}${lpad(kb(r.atLoad), 12)}${lpad(kb(r.total), 10)}${lpad(kb(r.withSearch), 12)}${lpad(redraw + (r.redrawTarget ? '*' : ''), 11)}${lpad(frames, 8)}${lpad(Number.isNaN(r.drawMax) ? '—' : `${r.drawMedian.toFixed(1)} / ${r.drawMax.toFixed(0)}`, 14)}${lpad(r.longCount ? `${r.longCount}, ≤${r.longest.toFixed(0)}ms` : '0', 13)}  ${r.ok ? 'yes' : 'NO'}`,
  );
}
console.log(
  `\ntargets: eager ≤ ${EAGER_KB} KB, total with search opened ≤ ${TOTAL_KB} KB, redraw ≤ ${REDRAW_MS} ms (* = chapters 3 and 5)`,
);
console.log(
  [
    "eager: the page's module graph before any widget is visible (script tags + static imports, from dist/)",
    'at load: JS Chromium fetched by the load event + 300 ms (1280×900, top of the page; a widget',
    '  within the first screen loads Plot and the engine at once, by design)',
    'total: after scrolling to every widget and pressing its buttons',
    '+search: total after also opening the search dialog and searching (the checked total)',
    'draw ms: median / max time of one widget redraw (DecayWidget.draw, all widgets of the page)',
    'long tasks: main-thread tasks > 50 ms during the whole visit (count, longest; includes parsing Plot)',
  ].join('\n'),
);
process.exit(failed ? 1 : 0);
