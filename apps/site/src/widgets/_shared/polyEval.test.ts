import { materialize, train } from '@decaylab/core';
import { describe, expect, it } from 'vitest';
import { grid, polyEval } from './polyEval';

describe('polyEval', () => {
  it('evaluates bias + Σ wₖ xᵏ', () => {
    expect(polyEval({ weight: [1, 0.5], bias: [2] }, 2)).toBe(2 + 2 + 0.5 * 4);
    expect(polyEval({ weight: [], bias: [0.25] }, 3)).toBe(0.25);
  });

  it("matches the engine's own model: its training loss at the run's parameters", () => {
    const spec = {
      seed: 4,
      data: { kind: 'line', n: 12, nVal: 0, noise: 0.3 },
      model: { kind: 'polynomial', degree: 6 },
      optimizer: { kind: 'sgd', lr: 0.3 },
      steps: 3,
    } as const;
    const events: { loss: number; params: Record<string, readonly number[]> }[] = [];
    let params: Record<string, readonly number[]> = {};
    train(spec).subscribe((e) => {
      if (e.type === 'run') params = { ...e.params };
      if (e.type === 'step') {
        events.push({ loss: e.loss.data, params }); // loss.data is L0 at the params before the step
        params = { ...e.params };
      }
    });
    const data = materialize(spec.data, spec.seed);
    for (const { loss, params: p } of events) {
      const mse =
        data.train.x.reduce(
          (sum, row, i) => sum + (polyEval(p, row[0] ?? 0) - (data.train.y[i] ?? 0)) ** 2,
          0,
        ) / data.train.x.length;
      expect(mse).toBeCloseTo(loss, 10);
    }
    expect(events).toHaveLength(3);
  });
});

describe('grid', () => {
  it('spans both ends evenly', () => {
    expect(grid(-1, 1, 5)).toEqual([-1, -0.5, 0, 0.5, 1]);
  });
});
