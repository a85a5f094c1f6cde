import { type RunEvent, type StepEvent, train } from '@decaylab/core';
import { describe, expect, it } from 'vitest';
import { bestPoint, lambdaGrid, runSweep, type SweepPoint, sweepSpec } from './sweep.js';
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

describe('runSweep', () => {
  it('gives a U: both ends of the λ range are worse on validation than the middle (n = 20)', () => {
    const points: SweepPoint[] = [];
    runSweep({ sizes: [20], lambdas: [1e-5, 3e-3, 1], onPoint: (p) => points.push(p) });
    expect(points.map((p) => p.lambda)).toEqual([1e-5, 3e-3, 1]);
    const [lo, mid, hi] = points.map((p) => p.val) as [number, number, number];
    expect(mid).toBeLessThan(lo);
    expect(mid).toBeLessThan(hi);
    expect(bestPoint(points, 20)?.lambda).toBe(3e-3);
    // Training loss only grows with λ: decay trades fit for simplicity.
    expect(points[2]?.train).toBeGreaterThan(points[0]?.train as number);
  });

  it('stops when asked', () => {
    const points: SweepPoint[] = [];
    runSweep({
      sizes: [20],
      lambdas: [1e-3, 1e-2],
      steps: 10,
      onPoint: (p) => points.push(p),
      shouldStop: () => points.length > 0,
    });
    expect(points).toHaveLength(1);
  });

  it('sweepSpec is a valid spec for the engine', () => {
    expect(steps({ ...sweepSpec({ lambda: 0.1 }), steps: 3 })).toHaveLength(3);
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
