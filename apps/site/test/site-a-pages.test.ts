import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import {
  axeViolations,
  blankTickLabels,
  builtRoutes,
  chapterRoutesAllLocales,
  distDir,
  launch,
  localeOf,
  locales,
  openPage,
  PAGES_AT_ONCE,
  pairedRoute,
  renderAllWidgets,
  settleAllWidgets,
  type TestBrowser,
  translatedRoutes,
  widgetSnapshot,
} from './browser';

const baseUrl = inject('baseUrl');
const routes = builtRoutes();

// Pages load side by side in one browser, a few at a time (see PAGES_AT_ONCE).
vi.setConfig({ maxConcurrency: PAGES_AT_ONCE });

describe.concurrent('every page of the built site, in every locale', () => {
  let browser: TestBrowser;
  beforeAll(async () => {
    // Reduced motion: each run jumps to its end (the engine still runs every step), so a page
    // settles in seconds; the animated runs are tested in site-a-widgets and site-b-*.
    browser = await launch({ reducedMotion: 'reduce' });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('has the chapters and the home page in every locale, and every translated page', ({
    expect,
  }) => {
    for (const locale of locales) {
      expect(routes).toContain(pairedRoute('', locale));
      expect(chapterRoutesAllLocales().filter((r) => localeOf(r) === locale)).toHaveLength(7);
    }
    // docs/zh-cn/<page>.md(x) → /zh-cn/<page>/, served as a Chinese page (not the English fallback).
    const translated = translatedRoutes();
    expect(translated.length).toBeGreaterThan(0);
    for (const route of translated) {
      expect(routes).toContain(route);
      const html = readFileSync(join(distDir, route, 'index.html'), 'utf8');
      expect(html, route).toMatch(/<html[^>]*\slang="zh-CN"/);
      expect(html, route).toContain('data-pagefind-body');
    }
  });

  it.for(routes)(
    '/%s loads, every widget draws and finishes its run, axe finds no serious or critical violations, and nothing logs an error or warning',
    async (route, { expect }) => {
      const { page, problems } = await openPage(browser, baseUrl, route);
      try {
        expect(await page.locator('h1').count()).toBeGreaterThan(0);
        const widgets = await renderAllWidgets(page);
        if (chapterRoutesAllLocales().includes(route)) expect(widgets).toBeGreaterThan(0);
        // Let every run finish: errors during training must show up too, and a widget that
        // only drew its empty frame would still be "playing" or show no numbers.
        const states = await settleAllWidgets(page);
        expect(states.filter((s) => s === 'diverged')).toEqual([]);
        const tags = await page
          .locator('.dl-widget:not([data-awaits-input])')
          .evaluateAll((ws) => ws.map((w) => w.localName));
        for (const tag of tags) {
          // Readouts fed by a worker over seeds (chapter 1's "wins") may land after the run ends.
          await page
            .waitForFunction(
              (t) =>
                [...document.querySelectorAll(`${t} [data-readout]`)].every(
                  (r) => (r.textContent ?? '').trim() !== '…',
                ),
              tag,
              { timeout: 60_000 },
            )
            .catch(() => undefined);
          const { charts, readouts } = await widgetSnapshot(page, tag);
          for (const chart of charts) expect(chart, tag).toMatch(/<(path|circle|rect|line|text)\b/);
          for (const [name, text] of Object.entries(readouts))
            expect(text, `${tag} ${name}`).not.toMatch(/^\s*$|^…$|NaN/);
        }
        const failed = await page.locator('.dl-status:not(:empty)').allTextContents();
        expect(failed).toEqual([]);
        expect(await blankTickLabels(page)).toEqual([]);
        // Light mode's accessibility check (dark mode's: site-a-a11y), on the settled page.
        expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
        expect(await axeViolations(page)).toEqual([]);
        expect(problems).toEqual([]);
      } finally {
        await page.close();
      }
    },
  );
});

describe('links', () => {
  it.each(routes)('/%s links only to pages and files that exist', async (route) => {
    const html = await (await fetch(new URL(route, baseUrl))).text();
    const hrefs = [...html.matchAll(/<a\s[^>]*href="([^"#]+)(?:#[^"]*)?"/g)].map((m) => m[1] ?? '');
    const internal = [...new Set(hrefs)].filter(
      (h) => !/^(?:[a-z]+:)?\/\//i.test(h) && !h.startsWith('mailto:'),
    );
    const broken: string[] = [];
    for (const href of internal) {
      const res = await fetch(new URL(href, new URL(route, baseUrl)), { method: 'HEAD' });
      if (res.status !== 200) broken.push(`${href} (${res.status})`);
    }
    expect(broken).toEqual([]);
  });
});

describe('chapter pages', () => {
  const chapters = routes.filter((r) => /^chapters\/0[1-4]-/.test(r));
  // Layout shift in every chapter, in both locales (a translated label can change a widget's
  // size): chart slots keep their aspect ratio, and readouts reserve room for their values
  // (ReadoutDef.reserve) so filling them in does not re-wrap the row.
  const allChapters = chapterRoutesAllLocales();
  let calm: TestBrowser;
  let noJs: TestBrowser;
  beforeAll(async () => {
    [calm, noJs] = await Promise.all([
      launch({ reducedMotion: 'reduce' }),
      launch({ javaScriptEnabled: false }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([calm?.close(), noJs?.close()]);
  });

  it.each(allChapters)(
    '/%s: widgets reserve their size (no layout shift while they load and draw)',
    async (route) => {
      const { page, problems } = await openPage(calm, baseUrl, route);
      try {
        // Web fonts (KaTeX) may reflow text once when they arrive: start watching after that,
        // before any widget has loaded Plot or drawn.
        await page.evaluate(async () => {
          await document.fonts.ready;
          await new Promise(requestAnimationFrame);
          const w = window as unknown as { __cls: number };
          w.__cls = 0;
          new PerformanceObserver((list) => {
            for (const e of list.getEntries() as (PerformanceEntry & { value: number })[])
              w.__cls += e.value;
          }).observe({ type: 'layout-shift' });
        });
        await renderAllWidgets(page);
        await page.waitForTimeout(300);
        const cls = await page.evaluate(() => (window as unknown as { __cls: number }).__cls);
        expect(cls).toBeLessThan(0.01);
        expect(problems).toEqual([]);
      } finally {
        await page.close();
      }
    },
  );

  it.each(chapters)(
    '/%s: without JavaScript, every widget shows its fallback text',
    async (route) => {
      const { page } = await openPage(noJs, baseUrl, route);
      try {
        const widgets = await page.locator('.dl-widget').count();
        expect(widgets).toBeGreaterThan(0);
        const fallbacks = await page.locator('.dl-widget .dl-fallback').allInnerTexts();
        expect(fallbacks).toHaveLength(widgets);
        for (const text of fallbacks) expect(text).toMatch(/Without JavaScript.*\d/s);
      } finally {
        await page.close();
      }
    },
  );
});

describe('docs/ content', () => {
  const docsDir = new URL('../../../docs/', import.meta.url);
  // Files starting with _ are not pages (Starlight skips them too), e.g. docs/zh-cn/_GLOSSARY.md.
  const files = (readdirSync(docsDir, { recursive: true }) as string[]).filter(
    (f) => /\.mdx?$/.test(f) && !/(^|\/)_/.test(f),
  );

  it.each(files)('docs/%s has a title and a description in its frontmatter', (file) => {
    const text = readFileSync(new URL(file, docsDir), 'utf8');
    const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
    expect(front).toMatch(/^title:\s*\S/m);
    expect(front).toMatch(/^description:\s*\S/m);
  });
});

describe("search (Starlight's Pagefind UI, one index per language)", () => {
  let browser: TestBrowser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Opens the search dialog on `route`, types `query`, returns the result links' paths. */
  const search = async (route: string, query: string, label: string) => {
    const { page, problems } = await openPage(browser, baseUrl, route);
    try {
      // Starlight builds the Pagefind UI when the browser is idle; Ctrl+K focuses its input.
      const input = page.locator('#starlight__search input');
      await input.waitFor({ state: 'attached', timeout: 15_000 });
      await page.keyboard.press('Control+k');
      await expect.poll(() => input.getAttribute('title')).toBe(label);
      await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
      await input.fill(query);
      const links = page.locator('#starlight__search .pagefind-ui__result-link');
      // The message counts the results (or says there are none) once the search is done.
      const message = page.locator('#starlight__search .pagefind-ui__message');
      await expect
        .poll(() => message.textContent().catch(() => ''), { timeout: 15_000 })
        .toMatch(/results? for|结果/);
      // Each result loads its own fragment: when there are results, wait for them to show.
      if (!/^No results|^未找到/.test((await message.textContent()) ?? ''))
        await links.first().waitFor({ timeout: 15_000 });
      const hrefs = await links.evaluateAll((as) =>
        as.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
      );
      // Pagefind's own strings are translated too (Starlight passes them from src/content/i18n).
      const form = await page.locator('#starlight__search form').getAttribute('aria-label');
      expect(form).toBe(label === '搜索' ? '站内搜索' : 'Search this site');
      expect(await axeViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
      return hrefs;
    } finally {
      await page.close();
    }
  };

  it('"weight decay" on the English site finds English pages only, chapters first', async () => {
    const hrefs = await search('chapters/01-what-weight-decay-is/', 'weight decay', 'Search');
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.filter((h) => h.startsWith('/zh-cn/'))).toEqual([]);
    expect(hrefs).toContain('/chapters/01-what-weight-decay-is/');
  });

  it('权重衰减 and 正则化 on the Chinese site find Chinese pages only', async () => {
    for (const query of ['权重衰减', '正则化']) {
      const hrefs = await search('zh-cn/', query, '搜索');
      expect(hrefs.length, query).toBeGreaterThan(0);
      expect(
        hrefs.filter((h) => !h.startsWith('/zh-cn/')),
        query,
      ).toEqual([]);
    }
  });

  it('权重衰减 on the English site finds nothing (the Chinese pages are in their own index)', async () => {
    expect(await search('', '权重衰减', 'Search')).toEqual([]);
  });
});
