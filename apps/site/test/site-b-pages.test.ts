import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, openPage, renderAllWidgets, type TestBrowser, waitForState } from './browser';

const baseUrl = inject('baseUrl');

describe('site-b pages', () => {
  let browser: TestBrowser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const [path, widgets] of [
    ['chapters/05-geometry/', ['dl-lp-ball', 'dl-geometry']],
    ['chapters/06-where-the-code-puts-it/', ['dl-decomposition', 'dl-coupling', 'dl-adamw']],
    ['chapters/07-practical-tips/', ['dl-sweep', 'dl-bias-decay', 'dl-effective-decay']],
  ] as const) {
    it(`${path} loads without console errors and every widget draws its SVGs`, async () => {
      const { page, problems } = await openPage(browser, baseUrl, path);
      try {
        expect(await page.locator('.katex').count()).toBeGreaterThan(5);
        expect(await renderAllWidgets(page)).toBe(widgets.length);
        for (const tag of widgets) {
          // A widget pauses while off screen, so bring each into view to let it finish.
          await page.locator(tag).scrollIntoViewIfNeeded();
          await waitForState(page, tag, 'done');
          const charts = await page
            .locator(`${tag} [data-chart]`)
            .evaluateAll((slots) =>
              slots.map((s) => s.querySelectorAll('svg [aria-label], svg path, svg circle').length),
            );
          for (const marks of charts) expect(marks).toBeGreaterThan(0);
          const readouts = await page.locator(`${tag} [data-readout]`).allTextContents();
          for (const text of readouts) expect(text).not.toMatch(/^…$|NaN/);
        }
        expect(problems).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }
});
