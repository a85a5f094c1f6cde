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

describe.each(['light', 'dark'] as const)('accessibility (%s mode)', (colorScheme) => {
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

  it.each(builtRoutes())('/%s has no serious or critical axe violations', async (route) => {
    const { page } = await openPage(browser, baseUrl, route);
    try {
      await renderAllWidgets(page);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
