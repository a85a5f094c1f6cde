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
// The chapters in both languages, and the Chinese reference pages (long tables, CJK text).
const chapters = builtRoutes().filter((r) => /^(zh-cn\/)?chapters\/|^zh-cn\/reference\//.test(r));

describe('375 px wide (phone)', () => {
  let browser: TestBrowser;
  beforeAll(async () => {
    browser = await launch({ width: 375, height: 740, reducedMotion: 'reduce' });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(chapters)(
    '/%s fits the screen and has no serious or critical axe violations',
    async (route) => {
      const { page, problems } = await openPage(browser, baseUrl, route);
      try {
        await renderAllWidgets(page);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - window.innerWidth,
        );
        expect(overflow).toBeLessThanOrEqual(0);
        expect(await axeViolations(page)).toEqual([]);
        expect(problems).toEqual([]);
      } finally {
        await page.close();
      }
    },
  );
});
