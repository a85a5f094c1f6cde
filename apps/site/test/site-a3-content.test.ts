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

describe('content and layout at 375 px', () => {
  let browser: TestBrowser;
  beforeAll(async () => {
    browser = await launch({ width: 375, height: 740 });
  });
  afterAll(async () => {
    await browser?.close();
  });

  // Display formulas at 375 px: site-a-mobile.test.ts checks every page in both locales.

  it('a widget’s controls stay on screen while its chart is (sticky on phones)', async () => {
    const { page, problems } = await openPage(browser, baseUrl, 'chapters/05-geometry/');
    try {
      const w = page.locator('dl-geometry');
      await w.scrollIntoViewIfNeeded();
      // Put the top of the first chart near the top of the screen: the controls are far below it.
      await page.evaluate(() => {
        const chart = document.querySelector('dl-geometry [data-chart="plane"]') as HTMLElement;
        window.scrollBy(0, chart.getBoundingClientRect().top - 80);
      });
      const r = await page.evaluate(() => {
        const c = (
          document.querySelector('dl-geometry .dl-controls') as HTMLElement
        ).getBoundingClientRect();
        const chart = (
          document.querySelector('dl-geometry [data-chart="plane"]') as HTMLElement
        ).getBoundingClientRect();
        return { top: c.top, bottom: c.bottom, chartTop: chart.top, vh: innerHeight };
      });
      expect(r.chartTop).toBeGreaterThanOrEqual(0);
      expect(r.bottom).toBeLessThanOrEqual(r.vh + 1);
      expect(r.top).toBeGreaterThan(r.chartTop);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('references and credits', () => {
  let browser: TestBrowser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the references page lists the source, its three videos, d2l and the papers; it is in the sidebar', async () => {
    const { page, problems } = await openPage(browser, baseUrl, 'references/');
    try {
      const text = ((await page.locator('main').textContent()) ?? '').replace(/\s+/g, ' ');
      for (const needle of [
        'Geeks_Z',
        'weight_decay',
        'https://www.bilibili.com/video/BV1HB4y1i7Fn',
        'https://www.bilibili.com/video/BV1UK4y1o7dy',
        'https://www.bilibili.com/video/BV1Z44y147xA',
        'Dive into Deep Learning',
        'Krogh',
        'Loshchilov',
        'van Laarhoven',
        'Three Mechanisms of Weight Decay Regularization',
        'Why Do We Need Weight Decay in Modern Deep Learning?',
      ])
        expect(text, needle).toContain(needle);
      await expect(page.locator('nav a[href="/references/"]').count()).resolves.toBeGreaterThan(0);
      // Its links into the chapters land on headings that exist.
      const anchors = await page.$$eval('main a[href^="/chapters/"]', (as) =>
        as.map((a) => (a as HTMLAnchorElement).getAttribute('href') ?? ''),
      );
      expect(anchors.length).toBeGreaterThan(4);
      for (const href of new Set(anchors.filter((h) => h.includes('#')))) {
        const [path, hash] = href.split('#') as [string, string];
        const target = await browser.newPage();
        try {
          await target.goto(new URL(path.slice(1), baseUrl).href);
          await expect(
            target.evaluate((id) => !!document.getElementById(decodeURIComponent(id)), hash),
            href,
          ).resolves.toBe(true);
        } finally {
          await target.close();
        }
      }
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('the home page credits the source chapter and links to the references', async () => {
    const { page, problems } = await openPage(browser, baseUrl, '');
    try {
      await expect(page.locator('main').textContent()).resolves.toContain('Geeks_Z');
      await expect(page.locator('main a[href="references/"]').count()).resolves.toBeGreaterThan(0);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('chapters 5–6: new widget modes draw and respond', () => {
  let browser: TestBrowser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('chapter 5: the budget widget draws X1 < X2 < X3 with A, B, C; the shape slider reaches L1’s exact zero', async () => {
    const { page, problems } = await openPage(browser, baseUrl, 'chapters/05-geometry/');
    try {
      await renderAllWidgets(page);
      const w = 'dl-lp-ball';
      const before = await widgetSnapshot(page, w);
      const texts = await page.$$eval(`${w} [data-chart] svg text`, (ts) =>
        ts.map((t) => t.textContent?.trim()),
      );
      for (const label of ['X1', 'X2', 'X3', 'A', 'B', 'C', 'w*']) expect(texts).toContain(label);
      expect(before.readouts.optimum).toBe('(0.909, 0.417)');
      expect(before.readouts.lambda).toBe('λ/2·‖w‖² with λ = 1.041');
      const shape = page.locator(`${w} input[data-name="shape"]`);
      await shape.focus();
      await page.keyboard.press('ArrowLeft'); // elastic net
      await page.keyboard.press('ArrowLeft'); // p = 1
      // The widget labels the value on input: poll (a loaded machine may lag a frame or two).
      await expect.poll(() => shape.getAttribute('aria-valuetext')).toBe('p = 1 (L1)');
      await page.waitForFunction(
        (s) =>
          document.querySelector(`${s} [data-readout="optimum"]`)?.textContent === '(1.000, 0)',
        w,
      );
      const after = await widgetSnapshot(page, w);
      expect(after.readouts.zero).toBe('yes: w₂ = 0 exactly');
      expect(after.charts[0]).not.toBe(before.charts[0]);
      await page.locator(`${w} input[data-name="budgets"]`).uncheck();
      await page.waitForFunction(
        (s) => !document.querySelector(`${s} [data-chart] svg`)?.textContent?.includes('X3'),
        w,
      );
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('chapter 5: the budget widget’s labels never overlap and stay on the chart, for every shape at every other budget from the smallest to the largest', async () => {
    const { page, problems } = await openPage(browser, baseUrl, 'chapters/05-geometry/');
    try {
      await renderAllWidgets(page);
      const w = 'dl-lp-ball';
      const range = (name: string) =>
        page
          .locator(`${w} input[data-name="${name}"]`)
          .evaluate((i) => [
            Number((i as HTMLInputElement).min),
            Number((i as HTMLInputElement).max),
          ]);
      const [shapeMin = 0, shapeMax = 0] = await range('shape');
      const [budgetMin = 0, budgetMax = 0] = await range('budget');
      // Every other slider position (steps of 0.05) from the smallest budget to the largest.
      const budgets = Array.from(
        { length: Math.round((budgetMax - budgetMin) / 0.1) + 1 },
        (_, i) => Math.round((budgetMin + 0.1 * i) * 100) / 100,
      );
      expect(budgets.at(-1)).toBe(budgetMax);
      const seen = new Set<string>();
      for (let shape = shapeMin; shape <= shapeMax; shape++)
        for (const budget of budgets) {
          const labels = await page.evaluate(
            async ({ w, shape, budget }) => {
              const set = (name: string, v: number) => {
                const input = document.querySelector<HTMLInputElement>(
                  `${w} input[data-name="${name}"]`,
                );
                if (!input) throw new Error(`no ${name} slider`);
                input.value = String(v);
                input.dispatchEvent(new Event('input', { bubbles: true }));
              };
              set('shape', shape);
              set('budget', budget);
              for (let i = 0; i < 3; i++) await new Promise(requestAnimationFrame);
              const svg = document.querySelector(`${w} [data-chart] svg`) as SVGSVGElement;
              const frame = svg.getBoundingClientRect();
              // The marks' labels: not the axes' (tick values and w₁, w₂).
              return [...svg.querySelectorAll('text')]
                .filter((t) => !/^[−-]?\d+(\.\d+)?$|^w[₁₂]$/.test(t.textContent?.trim() ?? ''))
                .map((t) => {
                  const r = t.getBoundingClientRect();
                  return {
                    text: t.textContent ?? '',
                    box: [
                      r.left - frame.left,
                      r.top - frame.top,
                      r.right - frame.left,
                      r.bottom - frame.top,
                    ],
                    inside:
                      r.left >= frame.left &&
                      r.right <= frame.right &&
                      r.top >= frame.top &&
                      r.bottom <= frame.bottom,
                  };
                });
            },
            { w, shape, budget },
          );
          const at = `shape ${shape}, budget ${budget}`;
          for (const l of labels) {
            seen.add(l.text);
            expect(l.inside, `${at}: "${l.text}" on the chart`).toBe(true);
          }
          for (const [i, a] of labels.entries())
            for (const b of labels.slice(i + 1)) {
              const [al = 0, at_ = 0, ar = 0, ab = 0] = a.box;
              const [bl = 0, bt = 0, br = 0, bb = 0] = b.box;
              const overlap =
                Math.min(ar, br) - Math.max(al, bl) > 1 && Math.min(ab, bb) - Math.max(at_, bt) > 1;
              expect(overlap, `${at}: "${a.text}" overlaps "${b.text}"`).toBe(false);
            }
        }
      // Both ends were really drawn: tiny balls share one name; X3 at 2.4 encloses the plane.
      expect([...seen]).toContain('X1 < X2 < X3');
      expect([...seen].some((t) => /^X3 ↖$/.test(t))).toBe(true);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('chapter 6: the decomposition arrows are visible at step 1 (magnified copy); the Adam sweep finds each best λ', {
    timeout: 90_000,
  }, async () => {
    const { page, problems } = await openPage(
      browser,
      baseUrl,
      'chapters/06-where-the-code-puts-it/',
    );
    try {
      await renderAllWidgets(page);
      const w = 'dl-decomposition';
      await page.locator(`${w} [data-action="reset"]`).click();
      await page.locator(`${w} [data-action="step"]`).click();
      await page.waitForFunction(
        (s) =>
          document
            .querySelector(`${s} [data-chart="plane"] .dl-plot`)
            ?.textContent?.includes('step 1 ×'),
        w,
      );
      // The magnified arrows are long enough to see (≥ 20 px on screen).
      const lengths = await page.$$eval(`${w} [data-chart="plane"] svg path[marker-end]`, (ps) =>
        ps.map((p) => (p as SVGPathElement).getTotalLength()),
      );
      expect(Math.max(...lengths)).toBeGreaterThan(20);
      const a = 'dl-adamw';
      await page.locator(a).scrollIntoViewIfNeeded();
      await page.waitForFunction(
        (s) => document.querySelector(`${s} [data-readout="bestAdamW"]`)?.textContent !== '…',
        a,
        { timeout: 60_000 },
      );
      const r = (await widgetSnapshot(page, a)).readouts;
      const parse = (t = '') =>
        t
          .match(/^λ = (\S+): (\S+)$/)
          ?.slice(1)
          .map(Number) ?? [];
      const [la, va] = parse(r.bestAdam);
      const [lw, vw] = parse(r.bestAdamW);
      expect([la, lw]).toEqual([0.1, 1]);
      expect(va).toBeCloseTo(0.077, 3);
      expect(vw).toBeCloseTo(0.086, 3);
      // The prose value "λ = 1" is a button that moves the slider; there AdamW wins.
      await page.locator('button.dl-set[data-set-widget="adamw"][data-set-to="0"]').click();
      await expect(page.locator(`${a} input[data-name="lambda"]`).inputValue()).resolves.toBe('0');
      await waitForState(page, a, 'done');
      const [adam, adamw] = ((await widgetSnapshot(page, a)).readouts.val ?? '')
        .split(' vs ')
        .map(Number);
      expect(adam).toBeCloseTo(0.172, 3);
      expect(adamw).toBeCloseTo(0.086, 3);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('chapter 7: ghosts of a visited seed stay on the sweep', { timeout: 120_000 }, async () => {
    const { page, problems } = await openPage(
      browser,
      baseUrl,
      'chapters/07-practical-tips/?sweep.seed=1',
    );
    try {
      const w = 'dl-sweep';
      await page.locator(w).scrollIntoViewIfNeeded();
      await waitForState(page, w, 'done', 100_000);
      const seed = page.locator(`${w} input[data-name="seed"]`);
      await seed.fill('0');
      await seed.dispatchEvent('input');
      // Seeds 0 and 1 are both band seeds: everything is cached, the new seed is drawn at once,
      // and seed 1's points stay as ghosts.
      // `done` may still be the previous run's state: poll the legend.
      await waitForState(page, w, 'done');
      await expect
        .poll(() => page.locator(`${w} .dl-legend`).first().textContent(), { timeout: 30_000 })
        .toContain('ghosts');
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
