import { afterAll, beforeAll, describe, inject, it, vi } from 'vitest';
import {
  axeViolations,
  builtRoutes,
  launch,
  openPage,
  PAGES_AT_ONCE,
  renderAllWidgets,
  type TestBrowser,
  translatedRoutes,
} from './browser';

const baseUrl = inject('baseUrl');
// Every built page: English at the root, and /zh-cn/ (translated pages from docs/zh-cn, the
// others Starlight's English fallback). Dark mode here; light mode's axe pass runs in
// site-a-pages on the same visit that checks the widgets, and the phone layout's in site-a-mobile.
const routes = builtRoutes();

vi.setConfig({ maxConcurrency: PAGES_AT_ONCE });

describe.each(['dark'] as const)('accessibility (%s mode, 1280 px)', (colorScheme) => {
  let browser: TestBrowser;
  beforeAll(async () => {
    browser = await launch({ colorScheme, reducedMotion: 'reduce' });
    await browser.context.addInitScript(
      (t) => localStorage.setItem('starlight-theme', t),
      colorScheme,
    );
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('covers every translated page', ({ expect }) => {
    for (const route of translatedRoutes()) expect(routes).toContain(route);
  });

  describe.concurrent('pages', () => {
    it.for(routes)('/%s has no serious or critical axe violations', async (route, { expect }) => {
      const { page } = await openPage(browser, baseUrl, route);
      try {
        expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(colorScheme);
        await renderAllWidgets(page);
        expect(await axeViolations(page)).toEqual([]);
      } finally {
        await page.close();
      }
    });
  });
});
