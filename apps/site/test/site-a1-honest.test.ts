import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  chapterRoutes,
  launch,
  openPage,
  renderAllWidgets,
  type TestBrowser,
  waitForState,
} from './browser';

const baseUrl = inject('baseUrl');

/**
 * Numbers printed with more than 4 significant digits, or as long digit strings without an
 * exponent (24550000000000): what `formatValue(v, 'sig')` never prints.
 */
function unformatted(text: string): string[] {
  return (text.match(/-?\d[\d.]*(e-?\d+)?/g) ?? []).filter((token) => {
    const [mantissa = ''] = token.replace('-', '').split('e');
    const [int = '', frac = ''] = mantissa.split('.');
    const digits = `${int}${frac}`.replace(/^0+/, '');
    const significant = frac ? digits : digits.replace(/0+$/, '');
    return significant.length > 4 || (!token.includes('e') && int.length > 5);
  });
}

/** Waits until every widget of the page has stopped (done, diverged, or awaits input). */
const settle = (page: Page) =>
  page.waitForFunction(
    () =>
      [...document.querySelectorAll<HTMLElement>('.dl-widget')].every(
        (w) =>
          w.hasAttribute('data-awaits-input') ||
          !['playing', 'paused'].includes(w.dataset.state ?? 'playing') ||
          w.dataset.state === undefined,
      ),
    undefined,
    { timeout: 60_000 },
  );

describe('honest widgets (issue 7)', () => {
  let browser: TestBrowser;
  beforeAll(async () => {
    browser = await launch({ reducedMotion: 'reduce' });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the readout check catches what it must', () => {
    expect(unformatted('24550000000000')).toEqual(['24550000000000']);
    expect(unformatted('0.12345 and 1.234e171')).toEqual(['0.12345']);
    expect(
      unformatted('0.002755, 2.455e13, 2000, 12 of 16, 0.5 × (1.259 + 2.819) = 2.039 > 2'),
    ).toEqual([]);
  });

  it('chapter 4 past the limit: data-state="diverged", a marked chart and a reason with the numbers', async () => {
    const { page, problems } = await openPage(
      browser,
      baseUrl,
      'chapters/04-penalty-term/?penalty.lambda=0.1',
    );
    try {
      await renderAllWidgets(page);
      await waitForState(page, 'dl-penalty', 'diverged');
      const status = page.locator('dl-penalty [data-status]');
      await expect(status.isVisible()).resolves.toBe(true);
      const reason = (await status.textContent()) ?? '';
      expect(reason).toContain('Diverged at step 73');
      expect(reason).toContain('γ(λ + k_max) > 2');
      expect(reason).toContain('0.5 × (1.259 + 2.819) = 2.039');
      expect(reason).toContain('Set λ below 1.181');
      await expect(
        page.locator('dl-penalty [data-chart="loss"] .dl-plot').textContent(),
      ).resolves.toContain('diverged (step 73)');
      // Back under the limit: the run completes and the reason goes away.
      await page
        .locator('dl-penalty input[data-name="lambda"]')
        .evaluate((el: HTMLInputElement) => {
          el.value = '0.05';
          el.dispatchEvent(new Event('input', { bubbles: true }));
        });
      await waitForState(page, 'dl-penalty', 'done');
      await expect(status.textContent()).resolves.toBe('');
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it.each([
    ...chapterRoutes(),
    'chapters/04-penalty-term/?penalty.lambda=0.5',
    'chapters/02-bias-variance-noise/?biasvar.noise=1&biasvar.lambda=-4',
  ])('no readout on %s shows more than 4 significant digits', async (route) => {
    const { page } = await openPage(browser, baseUrl, route);
    try {
      await renderAllWidgets(page);
      await settle(page);
      const texts = await page
        .locator('.dl-widget [data-readout], .dl-widget output, .dl-widget [data-status]')
        .allTextContents();
      expect(texts.flatMap(unformatted)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('chapter 1: Step advances one step at a time at the start', async () => {
    const { page, problems } = await openPage(
      browser,
      baseUrl,
      'chapters/01-what-weight-decay-is/',
    );
    try {
      await renderAllWidgets(page);
      const step = page.locator('dl-overfit [data-readout="step"]');
      await page.locator('dl-overfit button[data-action="reset"]').click();
      for (const expected of ['1', '2', '3']) {
        await page.locator('dl-overfit button[data-action="step"]').click();
        await expect.poll(() => step.textContent()).toBe(expected);
      }
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('a value in the prose is a keyboard button that moves its widget’s slider', async () => {
    const { page, problems } = await openPage(browser, baseUrl, 'chapters/02-bias-variance-noise/');
    try {
      await renderAllWidgets(page);
      const button = page.locator('button.dl-set[data-set-widget="biasvar"][data-set-to="-1"]');
      await button.focus();
      await page.keyboard.press('Enter');
      const slider = page.locator('dl-biasvar input[data-name="lambda"]');
      await expect.poll(() => slider.inputValue()).toBe('-1');
      expect(page.url()).toContain('biasvar.lambda=-1');
      // The focus ring is visible.
      await button.focus();
      const outline = await button.evaluate((el) => getComputedStyle(el).outlineStyle);
      expect(outline).not.toBe('none');
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('chapter 2: every λ visited stays on the bias²/variance-vs-λ chart', async () => {
    const { page, problems } = await openPage(browser, baseUrl, 'chapters/02-bias-variance-noise/');
    try {
      await renderAllWidgets(page);
      const dots = () => page.locator('dl-biasvar [data-chart="vslambda"] .dl-plot circle').count();
      await waitForState(page, 'dl-biasvar');
      for (const to of ['-2', '-1', '0']) {
        await page
          .locator('dl-biasvar input[data-name="lambda"]')
          .evaluate((el: HTMLInputElement, v) => {
            el.value = v;
            el.dispatchEvent(new Event('input', { bubbles: true }));
          }, to);
        await waitForState(page, 'dl-biasvar');
      }
      // 3 parts × (3 kept λ + the current one).
      await expect.poll(dots).toBe(12);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
