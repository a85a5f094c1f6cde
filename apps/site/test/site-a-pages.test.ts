import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  axeViolations,
  builtRoutes,
  launch,
  openPage,
  renderAllWidgets,
  type TestBrowser,
} from './browser';

const baseUrl = inject('baseUrl');
const routes = builtRoutes();

describe('every page of the built site', () => {
  let browser: TestBrowser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('has the chapters and the home page', () => {
    expect(routes).toContain('');
    expect(routes.filter((r) => r.startsWith('chapters/')).length).toBeGreaterThanOrEqual(4);
  });

  it.each(routes)(
    '/%s loads, renders every widget, and logs no errors or warnings',
    async (route) => {
      const { page, problems } = await openPage(browser, baseUrl, route);
      try {
        await expect(page.locator('h1').first()).toBeDefined();
        const widgets = await renderAllWidgets(page);
        if (route.startsWith('chapters/0') && Number(route.slice(9, 11)) <= 4)
          expect(widgets).toBeGreaterThan(0);
        // Let the runs stream for a moment: errors during training must show up too.
        await page.waitForTimeout(widgets > 0 ? 500 : 0);
        const failed = await page.locator('.dl-status:not(:empty)').allTextContents();
        expect(failed).toEqual([]);
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

  it.each(chapters)(
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
  const files = (readdirSync(docsDir, { recursive: true }) as string[]).filter((f) =>
    /\.mdx?$/.test(f),
  );

  it.each(files)('docs/%s has a title and a description in its frontmatter', (file) => {
    const text = readFileSync(new URL(file, docsDir), 'utf8');
    const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
    expect(front).toMatch(/^title:\s*\S/m);
    expect(front).toMatch(/^description:\s*\S/m);
  });
});

describe('search', () => {
  let browser: TestBrowser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('loads Pagefind only when opened, and finds the chapters (offline index)', async () => {
    const { page, problems } = await openPage(
      browser,
      baseUrl,
      'chapters/01-what-weight-decay-is/',
    );
    try {
      const requested: string[] = [];
      page.on('request', (r) => requested.push(r.url()));
      await page.waitForTimeout(500);
      expect(requested.filter((u) => /ui-core|pagefind/.test(u))).toEqual([]);
      await page.keyboard.press('Control+k');
      const input = page.getByRole('searchbox', { name: 'Search this site' });
      await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
      await input.fill('overfitting');
      const links = page.locator('#starlight__search .dl-search-link');
      await links.first().waitFor({ timeout: 15_000 });
      const titles = await page
        .locator('#starlight__search .dl-search-results > li > a .dl-search-title')
        .allTextContents();
      expect(titles).toContain('What weight decay is');
      expect(
        await page.locator('#starlight__search .dl-search-excerpt mark').count(),
      ).toBeGreaterThan(0);
      expect(requested.some((u) => /\/pagefind\/pagefind\.js$/.test(u))).toBe(true);
      expect(requested.filter((u) => /default-ui|pagefind-ui/.test(u))).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);

      // Keyboard: ArrowDown into the results, ArrowUp back, Escape closes and refocuses the button.
      await page.keyboard.press('ArrowDown');
      expect(await page.evaluate(() => document.activeElement?.className)).toMatch(
        /dl-search-link/,
      );
      await page.keyboard.press('ArrowUp');
      expect(await input.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.press('Escape');
      await expect
        .poll(() =>
          page.locator('site-search dialog').evaluate((d) => (d as HTMLDialogElement).open),
        )
        .toBe(false);
      expect(
        await page.evaluate(() => document.activeElement?.hasAttribute('data-open-modal')),
      ).toBe(true);

      // Enter on a result follows it to a real page.
      await page.keyboard.press('Control+k');
      await input.fill('overfitting');
      await links.first().waitFor({ timeout: 15_000 });
      const href = await links.first().getAttribute('href');
      await page.keyboard.press('ArrowDown');
      await Promise.all([
        page.waitForURL((u) => u.pathname === href),
        page.keyboard.press('Enter'),
      ]);
      expect(await page.locator('h1').first().textContent()).toBeTruthy();
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
