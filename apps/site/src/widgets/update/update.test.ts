import { type RunEvent, type StepEvent, train } from '@decaylab/core';
import { describe, expect, it } from 'vitest';
import { flatten, paramDifference } from './paramDifference.js';
import { adamPair, couplingPair, decompositionSpec } from './updateSpecs.js';

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

describe('thin', () => {
  it('keeps at most about max evenly spaced items and always the last', async () => {
    const { thin } = await import('./thin.js');
    expect(thin([1, 2, 3, 4, 5], { max: 3 })).toEqual([1, 3, 5]);
    const long = Array.from({ length: 1001 }, (_, i) => i);
    const t = thin(long, { max: 100 });
    expect(t.length).toBeLessThanOrEqual(101);
    expect(t[0]).toBe(0);
    expect(t.at(-1)).toBe(1000);
    expect(thin([7], { max: 3 })).toEqual([7]);
  });
});
