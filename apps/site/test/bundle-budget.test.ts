import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { eagerScripts } from '../scripts/eagerScripts.js';
import { en } from '../src/i18n/en';
import { zhCN } from '../src/i18n/zh-CN';
import {
  builtRoutes,
  distDir,
  launch,
  openPage,
  renderAllWidgets,
  type TestBrowser,
} from './browser';

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

  // The real tables' rows (≈ 7 KB gzip) ship with the playground's runtime only, not with the
  // engine every chapter loads (astro.config.mjs: realTableRowsOnDemand). Marker: the first car.
  it("the real tables' rows are in the playground's runtime alone", () => {
    const withRows = scripts.filter(({ src }) => src.includes('[18,8,307,130,3504,12,1970]'));
    expect(withRows.map(({ f }) => f.replace(/\..*/, ''))).toEqual(['playgroundRuntime']);
  });
});

// A page ships only its own language's message catalogue (each locale's catalogue is its own
// chunk, loaded by `loadCatalogue` before the widget code): both together would cost ≈ 7 KB gzip
// more on every chapter. Markers: a catalogue entry as the minified chunk spells it, English and
// Chinese, for the widgets' part (Controls' play button) and the run viewer's part.
describe("a page's JS carries only its own language's catalogue", () => {
  const baseUrl = inject('baseUrl');
  const entry = (key: keyof typeof en, text: string) => `"${key}":${JSON.stringify(text)}`;
  const markers = {
    en: [entry('widget.play', en['widget.play']), entry('viewer.example', en['viewer.example'])],
    'zh-CN': [
      entry('widget.play', zhCN['widget.play']),
      entry('viewer.example', zhCN['viewer.example']),
    ],
  };
  // A fresh browser per page: nothing served from an earlier page's cache goes unseen.
  let browser: TestBrowser | undefined;
  afterEach(async () => {
    await browser?.close();
    browser = undefined;
  });

  it.each([
    ['chapters/06-where-the-code-puts-it/', 'en', 0],
    ['zh-cn/chapters/06-where-the-code-puts-it/', 'zh-CN', 0],
    ['reference/viewer/', 'en', 1],
    ['zh-cn/reference/viewer/', 'zh-CN', 1],
  ] as const)('/%s fetches the %s catalogue and not the other', async (route, lang, part) => {
    browser = await launch();
    const fetched = new Set<string>();
    browser.context.on('request', (req) => {
      const url = new URL(req.url());
      if (url.origin === new URL(baseUrl).origin && url.pathname.endsWith('.js'))
        fetched.add(url.pathname);
    });
    const { page, problems } = await openPage(browser, baseUrl, route);
    await renderAllWidgets(page);
    await page.waitForFunction(
      () =>
        document.querySelectorAll('dl-snippet:not(:defined), dl-run-viewer:not(:defined)')
          .length === 0,
    );
    await page.close();
    const js = [...fetched]
      .map((p) => readFileSync(join(distDir, decodeURIComponent(p)), 'utf8'))
      .join('\n');
    const other = lang === 'en' ? 'zh-CN' : 'en';
    expect(js).toContain(markers[lang][part]);
    for (const marker of markers[other]) expect(js).not.toContain(marker);
    expect(problems).toEqual([]);
  });
});
