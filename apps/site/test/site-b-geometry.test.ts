import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  launch,
  openPage,
  renderAllWidgets,
  type TestBrowser,
  waitForState,
  widgetSnapshot,
} from './browser';

const baseUrl = inject('baseUrl');

describe('chapter 5: the geometry widget', () => {
  let browser: TestBrowser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('chapter 5: the λ slider changes the drawing and the numbers; L1 puts w₂ exactly at 0', async () => {
    const { page, problems } = await openPage(browser, baseUrl, 'chapters/05-geometry/');
    try {
      await renderAllWidgets(page);
      await waitForState(page, 'dl-geometry', 'done');
      const before = await widgetSnapshot(page, 'dl-geometry');
      expect(before.readouts.optimum).toBe('(1.253, 0.539)');
      const slider = page.locator('dl-geometry input[data-name="lambda"]');
      await slider.focus();
      for (let i = 0; i < 50; i++) await page.keyboard.press('ArrowRight'); // λ 0.5 → 1.0
      await expect(slider.getAttribute('aria-valuetext')).resolves.toBe('1.00');
      await waitForState(page, 'dl-geometry', 'done');
      const after = await widgetSnapshot(page, 'dl-geometry');
      expect(after.charts[0]).not.toBe(before.charts[0]);
      expect(after.charts[1]).not.toBe(before.charts[1]);
      expect(after.readouts.optimum).not.toBe(before.readouts.optimum);
      // Larger λ, smaller optimum; the engine's SGD run ends on it.
      const norm = (t: string | undefined) =>
        Math.hypot(...(t ?? '').replace(/[()]/g, '').split(',').map(Number));
      expect(norm(after.readouts.optimum)).toBeLessThan(norm(before.readouts.optimum));
      expect(Number(after.readouts.distance)).toBeLessThan(1e-4);
      expect(page.url()).toContain('geometry.lambda=1');
      const redraws = await page.evaluate(() =>
        performance.getEntriesByName('dl:redraw:geometry').map((m) => Math.round(m.duration)),
      );
      console.log(`chapter 5 slider-to-redraw (ms): ${redraws.join(' ')}`);
      expect(redraws.length).toBeGreaterThan(0);

      await page.locator('dl-geometry input[data-name="l1"]').check();
      await waitForState(page, 'dl-geometry', 'done');
      const l1 = await widgetSnapshot(page, 'dl-geometry');
      expect(l1.readouts.optimum).toMatch(/^\(\d\.\d{3}, 0\)$/);
      expect(l1.readouts.engine).not.toMatch(/, 0\)/); // subgradient descent only gets near 0
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('chapter 5: w* moves by keyboard and by dragging, and the optimum follows', async () => {
    const { page, problems } = await openPage(browser, baseUrl, 'chapters/05-geometry/');
    try {
      await renderAllWidgets(page);
      await waitForState(page, 'dl-geometry', 'done');
      const handle = page.locator('dl-geometry [data-handle]');
      await expect(handle.getAttribute('aria-valuetext')).resolves.toBe('w* = (2.00, 0.60)');
      await handle.focus();
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowUp');
      await page.waitForFunction(
        () =>
          document.querySelector('dl-geometry [data-handle]')?.getAttribute('aria-valuetext') ===
          'w* = (1.90, 0.70)',
      );
      // Focus survives the redraw, so the arrows keep working.
      await expect(
        page.evaluate(() => document.activeElement?.hasAttribute('data-handle')),
      ).resolves.toBe(true);
      expect(page.url()).toContain('geometry.wx=1.9');
      await waitForState(page, 'dl-geometry', 'done');
      // The handle is redrawn with the chart; measure it between two redraws.
      let box: { x: number; y: number; width: number; height: number } | null = null;
      for (let i = 0; i < 20 && !box; i++) {
        box = await page.locator('dl-geometry [data-handle] circle').first().boundingBox();
        if (!box) await page.waitForTimeout(100);
      }
      if (!box) throw new Error('the w* handle has no box');
      const before = await widgetSnapshot(page, 'dl-geometry');
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width / 2 - 60, box.y + box.height / 2 - 40, { steps: 5 });
      await page.mouse.up();
      await waitForState(page, 'dl-geometry', 'done');
      const after = await widgetSnapshot(page, 'dl-geometry');
      expect(after.readouts.optimum).not.toBe(before.readouts.optimum);
      const moved = await handle.getAttribute('aria-valuetext');
      expect(moved).not.toBe('w* = (1.90, 0.70)');
      const [wx, wy] = (moved ?? '')
        .replace(/^w\* = \(|\)$/g, '')
        .split(', ')
        .map(Number);
      expect(wx).toBeLessThan(1.9); // dragged left…
      expect(wy).toBeGreaterThan(0.7); // …and up
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
