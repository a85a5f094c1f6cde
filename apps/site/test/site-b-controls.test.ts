import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  afterFrames,
  launch,
  openPage,
  renderAllWidgets,
  type TestBrowser,
  waitForState,
  widgetSnapshot,
} from './browser';

const baseUrl = inject('baseUrl');

describe('site-b widget controls', () => {
  let browser: TestBrowser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('play/pause: Pause freezes the run, Play resumes it, Step advances while paused', async () => {
    const { page, problems } = await openPage(
      browser,
      baseUrl,
      'chapters/06-where-the-code-puts-it/',
    );
    try {
      await renderAllWidgets(page);
      const w = 'dl-coupling';
      await page.locator(`${w} [data-action="reset"]`).click();
      await waitForState(page, w, 'paused');
      await page.locator(`${w} [data-action="play"]`).click();
      await waitForState(page, w, 'playing');
      await page.locator(`${w} [data-action="play"]`).click();
      await waitForState(page, w, 'paused');
      await afterFrames(page);
      const frozen = await widgetSnapshot(page, w);
      await page.waitForTimeout(400);
      expect((await widgetSnapshot(page, w)).readouts).toEqual(frozen.readouts);
      // Step draws the run further (the readout ends "over N steps"); waiting for a larger N, not
      // for any text, so that a read before the step's frame cannot pass or fail by chance.
      const stepsIn = (text: string | undefined) =>
        Number(/over (\d+) steps$/.exec(text ?? '')?.[1]);
      const before = stepsIn(frozen.readouts.diff);
      expect(before).toBeGreaterThan(0);
      await page.locator(`${w} [data-action="step"]`).click();
      await page.waitForFunction(
        ([s, n]) =>
          Number(
            /over (\d+) steps$/.exec(
              document.querySelector(`${s} [data-readout="diff"]`)?.textContent ?? '',
            )?.[1],
          ) > n,
        [w, before] as const,
      );
      expect(stepsIn((await widgetSnapshot(page, w)).readouts.diff)).toBeGreaterThan(before);
      await page.locator(`${w} [data-action="play"]`).click();
      await waitForState(page, w, 'done');
      expect((await widgetSnapshot(page, w)).readouts.diff).toMatch(/over 300 steps$/);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('chapter 6: one step decomposes exactly into the gradient part and the decay part', async () => {
    const { page, problems } = await openPage(
      browser,
      baseUrl,
      'chapters/06-where-the-code-puts-it/?decomposition.lambda=0.8',
    );
    try {
      await renderAllWidgets(page);
      const w = 'dl-decomposition';
      await page.locator(`${w} [data-action="reset"]`).click();
      await page.locator(`${w} [data-action="step"]`).click();
      await page.waitForFunction(
        (s) => document.querySelector(`${s} [data-readout="step"]`)?.textContent === '1',
        w,
      );
      const r = (await widgetSnapshot(page, w)).readouts;
      // −γλθ with γ = 0.1, λ = 0.8, θ = (−1.5, 1.2)
      expect(r.decay).toBe('(0.120, -0.096)');
      expect(Number(r.check)).toBeLessThan(1e-12);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('chapter 7: the λ sweep runs in a Web Worker; pause stops it and Step adds exactly one point', {
    timeout: 120_000,
  }, async () => {
    const { page, problems } = await openPage(browser, baseUrl, 'chapters/07-practical-tips/');
    try {
      const w = 'dl-sweep';
      await page.locator(w).scrollIntoViewIfNeeded();
      await page.waitForFunction(
        (s) =>
          /^[1-9]\d* of 176 runs$/.test(
            document.querySelector(`${s} [data-readout="progress"]`)?.textContent ?? '',
          ),
        w,
        { timeout: 20_000 },
      );
      expect(page.workers().length).toBe(1);
      await page.locator(`${w} [data-action="play"]`).click();
      await waitForState(page, w, 'paused');
      await page.waitForTimeout(600); // let an in-flight point land
      const done = async () =>
        Number((await page.locator(`${w} [data-readout="progress"]`).textContent())?.split(' ')[0]);
      const paused = await done();
      await page.waitForTimeout(600);
      expect(await done()).toBe(paused);
      if (paused < 176) {
        await page.locator(`${w} [data-action="step"]`).click();
        await page.waitForFunction(
          ([s, n]) =>
            document
              .querySelector(`${s} [data-readout="progress"]`)
              ?.textContent?.startsWith(`${n} of`),
          [w, paused + 1] as const,
        );
        await page.waitForTimeout(400);
        expect(await done()).toBe(paused + 1);
      }
      await page.locator(`${w} [data-action="play"]`).click();
      await waitForState(page, w, 'done', 100_000);
      expect(await done()).toBe(176);
      // The U of the 8-seed mean, with the sweet spot computed from the runs (chapter 7's numbers).
      const read = (name: string) => page.locator(`${w} [data-readout="${name}"]`).textContent();
      expect(await read('sgd')).toMatch(
        /^mean lowest at λ = 1e-2 \(0\.31\d*\); sweet spot 1e-3 … 1e-1; a U in 6 of 8 seeds$/,
      );
      expect(await read('adamw')).toMatch(
        /^mean lowest at λ = 4 \(0\.31\d*\); sweet spot 6\.3e-1 … 4; a U in 8 of 8 seeds$/,
      );
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
