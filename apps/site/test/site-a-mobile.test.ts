import { afterAll, beforeAll, describe, inject, it, vi } from 'vitest';
import {
  axeViolations,
  builtRoutes,
  chapterRoutes,
  chapterRoutesAllLocales,
  launch,
  openPage,
  PAGES_AT_ONCE,
  renderAllWidgets,
  type TestBrowser,
} from './browser';

const baseUrl = inject('baseUrl');
// Every page in both locales in light mode (CJK text, long tables, display formulas), and the
// English chapters in dark mode (the phone's header, menu and sticky widget controls in the
// other scheme; the layout is the same in both, and the Chinese chapters share it). axe checks
// colour contrast on the chapters (sticky controls over the text, narrow charts); the other
// pages' colours are those the 1280 px passes check in both schemes.
const byScheme = [
  ['light', builtRoutes()],
  ['dark', chapterRoutes()],
] as const;
const chapters = new Set(chapterRoutesAllLocales());

vi.setConfig({ maxConcurrency: PAGES_AT_ONCE });

describe.each(byScheme)('375 px wide (phone), %s mode', (colorScheme, routes) => {
  let browser: TestBrowser;
  beforeAll(async () => {
    browser = await launch({ width: 375, height: 740, reducedMotion: 'reduce', colorScheme });
    await browser.context.addInitScript(
      (t) => localStorage.setItem('starlight-theme', t),
      colorScheme,
    );
  });
  afterAll(async () => {
    await browser?.close();
  });

  describe.concurrent('pages', () => {
    it.for(routes)(
      '/%s fits the screen, every display formula fits its box, and axe finds no serious or critical violations',
      async (route, { expect }) => {
        const { page, problems } = await openPage(browser, baseUrl, route);
        try {
          expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(
            colorScheme,
          );
          await renderAllWidgets(page);
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - window.innerWidth,
          );
          expect(overflow).toBeLessThanOrEqual(0);
          const formulas = await page.$$eval('.katex-display', (els) =>
            els
              .filter((e) => e.scrollWidth > e.clientWidth)
              .map(
                (e) =>
                  `${e.scrollWidth} > ${e.clientWidth}: ${(e.querySelector('annotation')?.textContent ?? '').slice(0, 50)}`,
              ),
          );
          expect(formulas).toEqual([]);
          // A widget's controls stick to the bottom of the screen: at most 30% of it (chapter
          // 2's took 37% with a row per slider label).
          const tallControls = await page.$$eval('.dl-widget .dl-controls', (els) =>
            els
              .map((e) => ({ e, h: e.getBoundingClientRect().height }))
              .filter(({ h }) => h > 0.3 * window.innerHeight)
              .map(({ e, h }) => `${e.closest('.dl-widget')?.tagName.toLowerCase()}: ${h} px`),
          );
          expect(tallControls).toEqual([]);
          expect(await axeViolations(page, { contrast: chapters.has(route) })).toEqual([]);
          expect(problems).toEqual([]);
        } finally {
          await page.close();
        }
      },
    );
  });
});
