import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sliderValue } from '../src/widgets/_shared/widgetRuns';
import { polyfitSliders } from '../src/widgets/polyfit/polyfitSpec';
import {
  type FinalLosses,
  finalLosses,
  lambdaGrid,
  SWEEP_AXES,
  sweepSpec,
} from '../src/widgets/tips/sweep';
import { distDir, launch, type TestBrowser } from './browser';

const baseUrl = inject('baseUrl');

/** A RunSpec as JSON (train() checks it), with its step count for the worker. */
type Spec = { readonly steps: number; readonly [key: string]: unknown };

/**
 * Specs that touch every transcendental function the engine calls: the seeded normal draws
 * (log, sin, cos) of every generated data set, tanh and sigmoid layers, the logistic loss
 * (bce-logits: exp, log1p), Adam's bias correction and polynomial features (pow), over runs
 * long enough that a last-bit difference grows into a visible one: chapter 7's AdamW sweep at
 * λ = 0.63 ended at 0.40 in Node and 0.55 in Chromium for seed 3 while the engine called the
 * browser's own Math.log, Math.cos, Math.exp and **.
 */
const SPECS: readonly { readonly name: string; readonly spec: Spec }[] = [
  ...[0, 3].map((seed) => ({
    name: `chapter 7's AdamW sweep, λ = 0.63, seed ${seed}`,
    spec: sweepSpec({ optimizer: 'adamw', lambda: 10 ** -0.2, seed }),
  })),
  {
    name: 'sigmoid mlp, Adam, logistic loss on blobs',
    spec: {
      seed: 4,
      data: { kind: 'blobs', n: 40, nVal: 40, std: 1 },
      model: { kind: 'mlp', hidden: [8], activation: 'sigmoid' },
      loss: 'bce-logits',
      optimizer: { kind: 'adam', lr: 0.05, weightDecay: 1e-3 },
      steps: 300,
    },
  },
  {
    name: 'degree-9 polynomial, Adam, L2 penalty, minibatches',
    spec: {
      seed: 7,
      data: { kind: 'line', n: 30, nVal: 30, noise: 0.3 },
      model: { kind: 'polynomial', degree: 9 },
      penalty: { kind: 'l2', lambda: 1e-3 },
      optimizer: { kind: 'adam', lr: 0.01 },
      batchSize: 8,
      steps: 400,
    },
  },
];

describe('the engine gives the same bits in Chromium as in Node', () => {
  let browser: TestBrowser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('final losses of runs in the page’s Web Worker equal Node’s, bit for bit', async () => {
    const worker = readdirSync(join(distDir, '_astro')).find((f) => f.startsWith('sweep.worker'));
    expect(worker).toBeDefined();
    const page = await browser.newPage();
    try {
      await page.goto(baseUrl);
      const inBrowser = await page.evaluate(
        async ({ url, specs }) => {
          const w = new Worker(url, { type: 'module' });
          const out: unknown[] = [];
          for (const [id, spec] of specs.entries())
            out.push(
              await new Promise((resolve) => {
                w.onmessage = (e) => resolve(e.data);
                w.postMessage({ id, spec });
              }),
            );
          w.terminate();
          return out as { losses: FinalLosses }[];
        },
        { url: `${baseUrl}_astro/${worker}`, specs: SPECS.map((s) => s.spec) },
      );
      const differ = SPECS.flatMap(({ name, spec }, i) => {
        const node = finalLosses(spec);
        const page = inBrowser[i]?.losses;
        return page && Object.is(node.val, page.val) && Object.is(node.train, page.train)
          ? []
          : [`${name}: Node ${node.val} / ${node.train}, Chromium ${page?.val} / ${page?.train}`];
      });
      expect(differ).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('the page computes the same λ as Node: every position of chapter 3’s log slider, chapter 7’s sweep grid', async () => {
    // Chromium's 10 ** -5 is 0.00001, Node's 9.999999999999999e-6: the page must use the engine's pow.
    const slider = polyfitSliders.find((s) => s.name === 'lambda');
    expect(slider?.scale).toBe('log');
    if (!slider) return;
    const positions: number[] = [];
    for (let i = 0; slider.min + i * slider.step <= slider.max + 1e-9; i++)
      positions.push(Number((slider.min + i * slider.step).toFixed(10)));
    const page = await browser.newPage();
    try {
      // Record every spec the page sends to a Web Worker (chapter 7's sweep builds them).
      await page.addInitScript(() => {
        const sent: unknown[] = [];
        (window as unknown as { sentToWorkers: unknown[] }).sentToWorkers = sent;
        const post = Worker.prototype.postMessage;
        Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: []) {
          sent.push(message);
          return post.call(this, message, ...rest);
        };
      });
      await page.goto(new URL('chapters/03-smaller-weights/', baseUrl).href);
      await page.locator('dl-polyfit').scrollIntoViewIfNeeded();
      await page.waitForFunction(() => customElements.get('dl-polyfit') !== undefined);
      const inPage = await page.evaluate((ps) => {
        const el = document.querySelector('dl-polyfit') as HTMLElement & {
          value(name: string): number;
        };
        const input = el.querySelector('input[data-name="lambda"]') as HTMLInputElement;
        return ps.map((p) => {
          input.value = String(p);
          return el.value('lambda');
        });
      }, positions);
      const sliderDiffers = positions.filter(
        (p, i) => !Object.is(inPage[i], sliderValue(slider, p)),
      );
      expect(sliderDiffers, 'slider positions whose λ differs from Node').toEqual([]);

      await page.goto(new URL('chapters/07-practical-tips/', baseUrl).href);
      await page.locator('dl-sweep').scrollIntoViewIfNeeded();
      await page.waitForFunction(
        () => (window as unknown as { sentToWorkers: unknown[] }).sentToWorkers.length >= 22,
        undefined,
        { timeout: 60_000 },
      );
      const sent = await page.evaluate(
        () => (window as unknown as { sentToWorkers: unknown[] }).sentToWorkers,
      );
      const grid = new Set([...lambdaGrid(SWEEP_AXES.sgd), ...lambdaGrid(SWEEP_AXES.adamw)]);
      const lambdas = (sent as { spec?: { optimizer?: { weightDecay?: number } } }[])
        .map((m) => m.spec?.optimizer?.weightDecay)
        .filter((l): l is number => l !== undefined);
      expect(lambdas.length).toBeGreaterThanOrEqual(22);
      expect(lambdas.filter((l) => !grid.has(l))).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
