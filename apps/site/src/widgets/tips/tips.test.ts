import { type RunEvent, type StepEvent, train } from '@decaylab/core';
import { describe, expect, it } from 'vitest';
import { formatValue } from '../_shared/format.js';
import {
  BAND_SEEDS,
  bandOf,
  finalLosses,
  isU,
  lambdaGrid,
  quantile,
  SWEEP_AXES,
  type SweepPoint,
  sweepPoint,
  sweepSpec,
  sweetSpot,
} from './sweep.js';
import { biasSpec, decayedWeight, pureDecaySpec } from './tipsSpecs.js';

function steps(spec: unknown): StepEvent[] {
  const out: RunEvent[] = [];
  train(spec).subscribe((e) => out.push(e));
  return out.filter((e): e is StepEvent => e.type === 'step');
}

describe('lambdaGrid', () => {
  it('spans 1e-5..1 evenly in log10', () => {
    const g = lambdaGrid({ from: 1e-5, to: 1, count: 6 });
    expect(g).toHaveLength(6);
    g.forEach((l, i) => {
      expect(Math.log10(l)).toBeCloseTo(-5 + i, 12);
    });
  });
});

describe('quantile, bandOf and sweetSpot', () => {
  it('interpolates quantiles and summarizes seeds per λ', () => {
    expect(quantile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 0.1)).toBe(2);
    const p = (lambda: number, seed: number, val: number): SweepPoint => ({
      optimizer: 'sgd',
      n: 12,
      seed,
      lambda,
      val,
      train: 0,
    });
    const band = bandOf([
      p(1, 0, 1),
      p(1, 1, 3),
      p(0.1, 0, 2),
      p(0.1, 1, 2),
      p(0.01, 0, 5),
      p(0.01, 1, 5),
    ]);
    expect(band.map((b) => [b.lambda, b.mean, b.count])).toEqual([
      [0.01, 5, 2],
      [0.1, 2, 2],
      [1, 2, 2],
    ]);
    // The band is computed: λ = 0.1 is lowest, λ = 1 within 10% of it, λ = 0.01 is not.
    expect(sweetSpot(band)).toEqual({ from: 0.1, to: 1, best: 0.1 });
    expect(sweetSpot(band, { tolerance: 0 })).toEqual({ from: 0.1, to: 1, best: 0.1 });
  });
});

describe('the sweep (chapter 7’s claims, seeds 0–7 as the widget shows them)', () => {
  // 176 full runs: the mean curve and the per-seed U counts the chapter quotes.
  const curves = (['sgd', 'adamw'] as const).map((optimizer) =>
    BAND_SEEDS.map((seed) =>
      lambdaGrid(SWEEP_AXES[optimizer]).map((lambda) => sweepPoint({ optimizer, lambda, seed })),
    ),
  );

  it('the mean over 8 seeds is a U for both optimizers, with the sweet spots the text names', () => {
    const [sgd, adamw] = curves.map((c) => bandOf(c.flat()));
    const ends = (b: typeof sgd) => [b[0]?.mean, b.at(-1)?.mean] as number[];
    for (const b of [sgd, adamw]) {
      const lowest = Math.min(...b.map((x) => x.mean));
      for (const end of ends(b as typeof sgd)) expect(lowest).toBeLessThan(0.8 * end);
    }
    expect(sweetSpot(sgd as typeof sgd)).toEqual({
      from: 1e-3,
      to: 0.1,
      best: expect.closeTo(1e-2, 12),
    });
    expect(sweetSpot(adamw as typeof sgd)?.best).toBeCloseTo(10 ** 0.6, 10);
    expect(sgd?.[0]?.mean).toBeCloseTo(0.575, 3);
    expect(sgd?.at(-1)?.mean).toBeCloseTo(0.6, 3);
  });

  it('a single seed is a U for 6 of 8 seeds with SGD (not 2 and 6) and all 8 with AdamW', () => {
    const us = curves.map((c) =>
      c.map((points, seed) => (isU(points) ? seed : -1)).filter((s) => s >= 0),
    );
    expect(us[0]).toEqual([0, 1, 3, 4, 5, 7]);
    expect(us[1]).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('finalLosses marks a run that leaves the bound as diverged and stops it there', () => {
    // AdamW with γλ = 0.02 · 150 = 3: each step multiplies the weights by 1 − 3 = −2.
    const blown = finalLosses(sweepSpec({ optimizer: 'adamw', lambda: 150 }));
    expect(blown.diverged).toBe(true);
    expect(blown.steps).toBeLessThan(2000);
    const fine = finalLosses(sweepSpec({ optimizer: 'adamw', lambda: 1 }));
    expect(fine).toMatchObject({ diverged: false, steps: 2000 });
  });

  it('sweepSpec is a valid spec for the engine', () => {
    expect(steps({ ...sweepSpec({ optimizer: 'adamw', lambda: 0.1 }), steps: 3 })).toHaveLength(3);
  });
});

describe('pureDecaySpec', () => {
  it('shrinks the weight by exactly (1 − γλ) per step: 1/e after 1/(γλ) steps', () => {
    const lr = 0.1;
    const lambda = 0.01;
    const s = steps(pureDecaySpec({ lr, lambda, steps: 1000 }));
    expect(s[0]?.params.weight?.[0]).toBeCloseTo(1 - lr * lambda, 15);
    expect(s[999]?.params.weight?.[0]).toBeCloseTo(decayedWeight({ lr, lambda, t: 1000 }), 12);
    expect(s[999]?.params.weight?.[0]).toBeCloseTo(Math.exp(-1), 3);
  });

  it('chapter 7: the approximation needs γλ ≪ 1 (0.3487 at τ for γλ = 0.1; 0 after one step at 1)', () => {
    // "at γ = 1, λ = 0.1 the engine's weight at τ = 10 steps is 0.3487, not 0.3679"
    const tenth = steps(pureDecaySpec({ lr: 1, lambda: 0.1, steps: 30 }));
    expect(formatValue(tenth[9]?.params.weight?.[0] ?? Number.NaN, 'sig')).toBe('0.3487');
    expect(formatValue(Math.exp(-1), 'sig')).toBe('0.3679');
    // "at γ = λ = 1 one step sets it to exactly 0, where e^(−γλt) is still 0.37"
    const one = steps(pureDecaySpec({ lr: 1, lambda: 1, steps: 10 }));
    expect(one[0]?.params.weight?.[0]).toBe(0);
  });
});

describe('biasSpec', () => {
  it('a weightDecay 0 group leaves the bias undecayed and closer to the intercept 5', () => {
    const on = steps(biasSpec({ decayBias: true })).at(-1);
    const off = steps(biasSpec({ decayBias: false })).at(-1);
    expect(on?.decayGrad.bias).toBeDefined();
    expect(off?.decayGrad.bias).toBeUndefined();
    const bOn = on?.params.bias?.[0] as number;
    const bOff = off?.params.bias?.[0] as number;
    expect(Math.abs(bOff - 5)).toBeLessThan(Math.abs(bOn - 5));
    expect(off?.loss.data).toBeLessThan(on?.loss.data as number);
  });
});

// Chapter 7 says the single-seed U holds for 83 (SGD) and 88 (AdamW) of seeds 0–99: 2200 full
// runs (about two minutes), so it runs only when asked: DECAYLAB_SLOW=1 npx vitest run tips.
describe.skipIf(!process.env.DECAYLAB_SLOW)(
  'the sweep over seeds 0–99 (slow; DECAYLAB_SLOW=1 to run)',
  () => {
    it('a single seed is a U for 83 of 100 seeds with SGD and 88 with AdamW', {
      timeout: 600_000,
    }, () => {
      const counts = (['sgd', 'adamw'] as const).map(
        (optimizer) =>
          Array.from({ length: 100 }, (_, seed) =>
            isU(
              lambdaGrid(SWEEP_AXES[optimizer]).map((lambda) =>
                sweepPoint({ optimizer, lambda, seed }),
              ),
            ),
          ).filter(Boolean).length,
      );
      expect(counts).toEqual([83, 88]);
    });
  },
);

describe('the sweep with 60 training examples (chapter 7: decay matters less with more data)', () => {
  // 176 full runs on 60 points: the numbers the chapter quotes after "slide the training examples to 60".
  const curves = (['sgd', 'adamw'] as const).map((optimizer) =>
    BAND_SEEDS.map((seed) =>
      lambdaGrid(SWEEP_AXES[optimizer]).map((lambda) =>
        sweepPoint({ optimizer, lambda, seed, n: 60 }),
      ),
    ),
  );

  it('the U flattens: SGD 0.267 at 1e-5 and lowest 0.260 at 3e-2, no seed a U; AdamW 0.275 against 0.258, a U at 2 of 8', () => {
    const [sgd, adamw] = curves.map((c) => bandOf(c.flat()));
    const lowest = (b: typeof sgd) => [...(b ?? [])].sort((x, y) => x.mean - y.mean)[0];
    expect(sgd?.[0]?.mean).toBeCloseTo(0.267, 3);
    expect(lowest(sgd)?.mean).toBeCloseTo(0.26, 3);
    expect(Math.log10(lowest(sgd)?.lambda ?? 0)).toBeCloseTo(Math.log10(3e-2), 1);
    expect(adamw?.[0]?.mean).toBeCloseTo(0.275, 3);
    expect(lowest(adamw)?.mean).toBeCloseTo(0.258, 3);
    const us = curves.map((c) => c.filter((points) => isU(points)).length);
    expect(us).toEqual([0, 2]);
  });
});
