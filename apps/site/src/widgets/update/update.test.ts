import { type RunEvent, type StepEvent, train } from '@decaylab/core';
import { describe, expect, it } from 'vitest';
import { finalLosses, lambdaGrid } from '../tips/sweep.js';
import { flatten, paramDifference } from './paramDifference.js';
import { ADAM_SWEEP_AXES, adamPair, couplingPair, decompositionSpec } from './updateSpecs.js';

function run(spec: unknown): { start: Extract<RunEvent, { type: 'run' }>; steps: StepEvent[] } {
  const events: RunEvent[] = [];
  train(spec).subscribe((e) => events.push(e));
  const start = events[0];
  if (start?.type !== 'run') throw new Error('no run header');
  return { start, steps: events.filter((e): e is StepEvent => e.type === 'step') };
}

describe('decompositionSpec', () => {
  it('each SGD step is exactly θ − γ·grad − γ·decayGrad, with decayGrad = λθ', () => {
    const lr = 0.1;
    const lambda = 0.5;
    const { start, steps } = run(decompositionSpec({ lr, lambda }));
    let before = flatten(start.params);
    for (const e of steps.slice(0, 20)) {
      const g = flatten(e.grad);
      const d = flatten(e.decayGrad);
      const after = flatten(e.params);
      before.forEach((t, i) => {
        expect(d[i]).toBeCloseTo(lambda * t, 14);
        expect(after[i]).toBeCloseTo(t - lr * (g[i] as number) - lr * (d[i] as number), 14);
      });
      before = after;
    }
  });
});

describe('couplingPair', () => {
  for (const momentum of [0, 0.9]) {
    it(`L2 in the loss and weightDecay on SGD coincide (momentum ${momentum})`, () => {
      const [a, b] = couplingPair({ lambda: 0.01, momentum, steps: 200 });
      const ra = run(a).steps;
      const rb = run(b).steps;
      expect(ra).toHaveLength(200);
      let max = 0;
      ra.forEach((e, i) => {
        max = Math.max(max, paramDifference(e.params, (rb[i] as StepEvent).params));
      });
      expect(max).toBeLessThan(1e-12);
      // …but the recorded loss differs: only the penalty version adds λ/2‖θ‖² to the loss.
      expect(ra[5]?.loss.penalty).toBeGreaterThan(0);
      expect(rb[5]?.loss.penalty).toBe(0);
    });
  }
});

describe('adamPair', () => {
  it('Adam+L2 and AdamW with the same λ drift apart; only AdamW reports decoupledDecay', () => {
    const [a, w] = adamPair({ lambda: 0.1, steps: 300 });
    const ra = run(a).steps;
    const rw = run(w).steps;
    expect(ra[0]?.decoupledDecay).toBeUndefined();
    expect(rw[0]?.decoupledDecay?.weight).toHaveLength(9);
    const early = paramDifference(ra[2]?.params ?? {}, rw[2]?.params ?? {});
    const late = paramDifference(ra[299]?.params ?? {}, rw[299]?.params ?? {});
    expect(late).toBeGreaterThan(10 * early);
  });
});

describe('paramDifference', () => {
  it('is the largest absolute difference, and Infinity on a shape mismatch', () => {
    expect(paramDifference({ w: [1, 2], b: [0] }, { w: [1, 2.5], b: [-1] })).toBe(1);
    expect(paramDifference({ w: [1] }, { w: [1, 2] })).toBe(Infinity);
  });
});

describe('Adam + L2 vs AdamW, each at its own best λ (chapter 6’s claims)', () => {
  const axes = {
    adam: lambdaGrid(ADAM_SWEEP_AXES.adam),
    adamw: lambdaGrid(ADAM_SWEEP_AXES.adamw),
  };
  const best = (seed: number) =>
    (['adam', 'adamw'] as const).map((kind, i) =>
      axes[kind]
        .map((lambda) => ({ lambda, val: finalLosses(adamPair({ lambda, seed })[i]).val }))
        .reduce((a, p) => (p.val < a.val ? p : a)),
    );

  it('at one λ the winner flips: λ = 0.1 favours Adam + L2, λ = 1 favours AdamW (seed 0)', () => {
    const at = (lambda: number) => adamPair({ lambda }).map((s) => finalLosses(s).val);
    const [a1, w1] = at(0.1);
    const [a2, w2] = at(1);
    expect(a1).toBeCloseTo(0.077, 3);
    expect(w1).toBeCloseTo(0.172, 3);
    expect(a2).toBeCloseTo(0.172, 3);
    expect(w2).toBeCloseTo(0.086, 3);
  });

  it('seed 0: best λ 0.1 for Adam + L2 (0.077) and 1 for AdamW (0.086)', () => {
    const [a, w] = best(0);
    expect(a?.lambda).toBeCloseTo(0.1, 12);
    expect(a?.val).toBeCloseTo(0.077, 3);
    expect(w?.lambda).toBeCloseTo(1, 12);
    expect(w?.val).toBeCloseTo(0.086, 3);
  });

  it('seeds 0–19: Adam + L2 ahead in 19, by at most 0.047; AdamW ahead by < 0.001 in the other', () => {
    const gaps = Array.from({ length: 20 }, (_, seed) => {
      const [a, w] = best(seed);
      return (w?.val as number) - (a?.val as number);
    });
    expect(gaps.filter((g) => g > 0)).toHaveLength(19);
    expect(Math.max(...gaps)).toBeLessThan(0.048);
    expect(Math.min(...gaps)).toBeGreaterThan(-0.001);
  });
});
