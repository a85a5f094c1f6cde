import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  afterFrames,
  launch,
  openPage,
  renderAllWidgets,
  type TestBrowser,
  waitForState,
} from './browser';

const baseUrl = inject('baseUrl');

/** The markup of a widget's charts and the text of its readouts. */
const snapshot = (page: Page, selector: string) =>
  page.locator(selector).evaluate((el) => ({
    charts: [...el.querySelectorAll('[data-chart]')].map((c) => c.innerHTML),
    readouts: [...el.querySelectorAll('[data-readout]')].map((r) => r.textContent ?? ''),
  }));

describe('chapter widgets', () => {
  let browser: TestBrowser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('chapter 3: moving the λ slider (keyboard) changes the drawing, the numbers and the URL', async () => {
    const { page, problems } = await openPage(browser, baseUrl, 'chapters/03-smaller-weights/');
    try {
      await renderAllWidgets(page);
      const widget = 'dl-polyfit';
      await waitForState(page, widget);
      const before = await snapshot(page, widget);
      const slider = page.locator(`${widget} input[data-name="lambda"]`);
      await expect(slider.getAttribute('aria-valuetext')).resolves.toBe('1e-4');
      await slider.focus();
      for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowRight'); // 1e-4 → 1e-1
      await expect(slider.getAttribute('aria-valuetext')).resolves.toBe('1e-1');
      await waitForState(page, widget);
      const after = await snapshot(page, widget);
      expect(after.charts[0]).not.toBe(before.charts[0]); // the fitted curve
      expect(after.charts[1]).not.toBe(before.charts[1]); // the coefficient bars
      expect(after.readouts).not.toEqual(before.readouts);
      // Larger λ, smaller weights: ‖w‖ shrinks.
      const norm = (r: string[]) => Number(r[3]);
      expect(norm(after.readouts)).toBeLessThan(norm(before.readouts));
      expect(page.url()).toContain('polyfit.lambda=-1');
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('chapter 3: a prose value pressed before the widget code has arrived is replayed to it', async () => {
    // The prose button sets the server-rendered slider before the upgrade; the value is kept
    // and announced to the widget once it is defined (lazyDefine → pendingActions).
    const page = await browser.newPage();
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/_astro/PolyfitWidget*.js', async (route) => {
      await held;
      await route.continue();
    });
    try {
      await page.goto(new URL('chapters/03-smaller-weights/', baseUrl).href);
      await page.locator('button[data-set-widget="polyfit"][data-set-to="-2"]').click();
      expect(await page.evaluate(() => customElements.get('dl-polyfit') === undefined)).toBe(true);
      release();
      await expect.poll(() => page.url(), { timeout: 30_000 }).toContain('polyfit.lambda=-2');
      await waitForState(page, 'dl-polyfit');
      const slider = page.locator('dl-polyfit input[data-name="lambda"]');
      expect(await slider.getAttribute('aria-valuetext')).toBe('1e-2');
    } finally {
      release();
      await page.close();
    }
  });

  it('chapter 3: the URL state is restored on load', async () => {
    const { page, problems } = await openPage(
      browser,
      baseUrl,
      'chapters/03-smaller-weights/?polyfit.lambda=-2&polyfit.degree=4&polyfit.seed=7',
    );
    try {
      await renderAllWidgets(page);
      await expect(page.locator('dl-polyfit input[data-name="degree"]').inputValue()).resolves.toBe(
        '4',
      );
      await expect(page.locator('dl-polyfit input[data-name="seed"]').inputValue()).resolves.toBe(
        '7',
      );
      await expect(
        page.locator('dl-polyfit output[data-for="lambda"]').textContent(),
      ).resolves.toBe('1e-2');
      await waitForState(page, 'dl-polyfit');
      // degree 4: a bias and 4 weights → 5 bars.
      await expect(
        page.locator('dl-polyfit [data-chart="coef"] .dl-plot rect').count(),
      ).resolves.toBe(5);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('play/pause stops and resumes the run; step advances it; reset goes back to step 0', async () => {
    const { page, problems } = await openPage(
      browser,
      baseUrl,
      'chapters/01-what-weight-decay-is/',
    );
    try {
      await renderAllWidgets(page);
      const w = page.locator('dl-overfit');
      const step = () => w.locator('[data-readout="step"]').textContent().then(Number);
      const stepIs = (predicate: string, value: number) =>
        page.waitForFunction(
          ([p, v]) => {
            const s = Number(
              document.querySelector('dl-overfit [data-readout="step"]')?.textContent,
            );
            return p === '>' ? s > Number(v) : s === Number(v);
          },
          [predicate, value] as const,
          { timeout: 60_000 },
        );
      const play = w.locator('button[data-action="play"]');
      // Reset: back to step 0, paused (whatever the run had reached while the page loaded).
      await w.locator('button[data-action="reset"]').click();
      await stepIs('=', 0);
      await expect(w.getAttribute('data-state')).resolves.toBe('paused');
      await expect(play.textContent()).resolves.toBe('Play');
      await page.waitForTimeout(300);
      expect(await step()).toBe(0); // nothing moves while paused
      // Step: one step at the start of chapter 1's log axis, still paused.
      await w.locator('button[data-action="step"]').click();
      await stepIs('=', 1);
      await expect(w.getAttribute('data-state')).resolves.toBe('paused');
      // Play: the run moves on by itself.
      await play.click();
      await expect(w.getAttribute('data-state')).resolves.toBe('playing');
      await expect(play.textContent()).resolves.toBe('Pause');
      await stepIs('>', 1);
      // Pause: it stops.
      await play.click();
      await expect(w.getAttribute('data-state')).resolves.toBe('paused');
      await afterFrames(page);
      const paused = await step();
      await page.waitForTimeout(400);
      expect(await step()).toBe(paused);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('chapter 2: resample draws new data; the decomposition adds up to the measured loss', async () => {
    const { page, problems } = await openPage(browser, baseUrl, 'chapters/02-bias-variance-noise/');
    try {
      await renderAllWidgets(page);
      await waitForState(page, 'dl-biasvar');
      const read = () => page.locator('dl-biasvar [data-readout]').allTextContents();
      const before = await read();
      const [, , , , sum, val] = before.map(Number);
      // bias² + variance + noise estimates the expected validation loss (same data generator).
      expect(Math.abs((sum ?? 0) - (val ?? 0)) / (val ?? 1)).toBeLessThan(0.35);
      await page.locator('dl-biasvar button[data-action="resample"]').click();
      await expect(page.locator('dl-biasvar input[data-name="seed"]').inputValue()).resolves.toBe(
        '1',
      );
      await waitForState(page, 'dl-biasvar');
      expect(await read()).not.toEqual(before);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('chapter 4: a too-large λ makes the penalty dominate and the model underfit', async () => {
    const { page, problems } = await openPage(
      browser,
      baseUrl,
      'chapters/04-penalty-term/?penalty.lambda=0',
    );
    try {
      await renderAllWidgets(page);
      await waitForState(page, 'dl-penalty');
      const values = async () => {
        const [, data, penalty, total, val] = (
          await page.locator('dl-penalty [data-readout]').allTextContents()
        ).map(Number);
        return { data: data ?? 0, penalty: penalty ?? 0, total: total ?? 0, val: val ?? 0 };
      };
      const big = await values();
      expect(big.total).toBeCloseTo(big.data + big.penalty, 3);
      await page.goto(new URL('chapters/04-penalty-term/?penalty.lambda=-2', baseUrl).href);
      await renderAllWidgets(page);
      await waitForState(page, 'dl-penalty');
      const small = await values();
      expect(big.penalty).toBeGreaterThan(small.penalty);
      expect(big.data).toBeGreaterThan(small.data); // underfits the training data
      expect(big.val).toBeGreaterThan(small.val); // and generalizes worse
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('reduced motion: runs jump to the end with few draws', async () => {
    const calm = await launch({ reducedMotion: 'reduce' });
    try {
      const { page, problems } = await openPage(calm, baseUrl, 'chapters/01-what-weight-decay-is/');
      await renderAllWidgets(page);
      await waitForState(page, 'dl-overfit');
      await expect(page.locator('dl-overfit [data-readout="step"]').textContent()).resolves.toBe(
        '2000',
      );
      const draws = Number(await page.locator('dl-overfit').getAttribute('data-draws'));
      expect(draws).toBeLessThan(10);
      expect(problems).toEqual([]);
    } finally {
      await calm.close();
    }
  });

  it('data-state="done" only once the run\'s end is on screen, even with slow frames', async () => {
    // A loaded machine draws late: frames arrive 250 ms after they are asked for. The readouts
    // must already show the last step when the element says it is done. (Reduced motion: the
    // run itself finishes at once; only its drawing waits for frames.)
    const calm = await launch({ reducedMotion: 'reduce' });
    const page = await calm.newPage();
    try {
      await page.addInitScript(() => {
        const raf = window.requestAnimationFrame.bind(window);
        window.requestAnimationFrame = (cb) => {
          const id = window.setTimeout(() => raf(cb), 250);
          return id;
        };
        window.cancelAnimationFrame = (id) => window.clearTimeout(id);
      });
      await page.goto(new URL('chapters/01-what-weight-decay-is/', baseUrl).href);
      await renderAllWidgets(page, { timeout: 60_000 });
      // Polled from a timer, not from a frame: the check may run between two frames.
      const step = await page.waitForFunction(
        () => {
          const el = document.querySelector<HTMLElement>('dl-overfit');
          return el?.dataset.state === 'done'
            ? el.querySelector('[data-readout="step"]')?.textContent
            : undefined;
        },
        null,
        { polling: 10, timeout: 60_000 },
      );
      expect(await step.jsonValue()).toBe('2000');
    } finally {
      await calm.close();
    }
  });

  it('leaving the page stops the runs (disconnectedCallback unsubscribes)', async () => {
    const { page, problems } = await openPage(
      browser,
      baseUrl,
      'chapters/01-what-weight-decay-is/',
    );
    try {
      await renderAllWidgets(page);
      const counts = await page.evaluate(async () => {
        const el = document.querySelector<HTMLElement>('dl-overfit');
        if (!el) throw new Error('no widget');
        const readout = () => el.querySelector('[data-readout="step"]')?.textContent;
        el.remove();
        const at = readout();
        await new Promise((r) => setTimeout(r, 300));
        return { at, later: readout(), state: el.dataset.draws };
      });
      expect(counts.later).toBe(counts.at);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('theme', () => {
  it('switching light/dark redraws the charts in the new colours', async () => {
    const browser = await launch({ colorScheme: 'light', reducedMotion: 'reduce' });
    try {
      const { page, problems } = await openPage(browser, baseUrl, 'chapters/04-penalty-term/');
      await renderAllWidgets(page);
      await waitForState(page, 'dl-penalty');
      const strokes = () =>
        page
          .locator('dl-penalty [data-chart="fit"] .dl-plot g[stroke]')
          .evaluateAll((paths) => paths.map((p) => p.getAttribute('stroke')));
      const light = await strokes();
      expect(light.length).toBeGreaterThan(0);
      await page.locator('starlight-theme-select select').first().selectOption('dark');
      await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
      await page.waitForFunction(
        (before) =>
          JSON.stringify(
            [...document.querySelectorAll('dl-penalty [data-chart="fit"] .dl-plot g[stroke]')].map(
              (p) => p.getAttribute('stroke'),
            ),
          ) !== before,
        JSON.stringify(light),
      );
      expect(await strokes()).not.toEqual(light);
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
