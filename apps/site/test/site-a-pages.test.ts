import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { builtRoutes, launch, openPage, renderAllWidgets, type TestBrowser } from './browser';

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
