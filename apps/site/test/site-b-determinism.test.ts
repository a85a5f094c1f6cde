import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type FinalLosses, finalLosses, sweepSpec } from '../src/widgets/tips/sweep';
import { distDir, launch, type TestBrowser } from './browser';

const baseUrl = inject('baseUrl');

/**
 * Specs that touch every transcendental function the engine calls: the seeded normal draws
 * (log, sin, cos) of every generated data set, tanh and sigmoid layers, the logistic loss
 * (bce-logits: exp, log1p), Adam's bias correction (pow), polynomial features (v ** k), over long enough
 * runs that a last-bit difference grows into a visible one (chapter 7's AdamW sweep at λ = 0.63
 * ended at 0.40 in Node and 0.55 in Chromium for seed 3 while Math.log and Math.cos differed).
 */
/** A RunSpec as JSON (train() checks it), with its step count for the worker. */
type Spec = { readonly steps: number; readonly [key: string]: unknown };

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
});
