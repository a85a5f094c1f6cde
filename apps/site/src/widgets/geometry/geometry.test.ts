import { ridgeSolution, type StepEvent, train } from '@decaylab/core';
import { lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { contourLevels, ellipse, penaltyBall } from './contours.js';
import { l1Optimum, l2Optimum, penaltyAt, softThreshold } from './exactOptimum.js';
import { geometrySpec } from './geometrySpec.js';
import { lossAt, quadratic } from './quadratic.js';

async function run(spec: unknown): Promise<StepEvent[]> {
  const events = await lastValueFrom(train(spec).pipe(toArray()));
  return events.filter((e): e is StepEvent => e.type === 'step');
}

const objective = (
  q: ReturnType<typeof quadratic>,
  kind: 'l1' | 'l2',
  lambda: number,
  w: [number, number],
) => lossAt(q, w) + penaltyAt(kind, lambda, w);

describe('quadratic', () => {
  it('makes data whose mse is exactly ½(w − w*)ᵀH(w − w*), as the engine computes it', async () => {
    const q = quadratic({ wStar: [1.3, -0.4], angle: 0.7 });
    const steps = await run({
      ...geometrySpec({ problem: q, lambda: 0, start: [-1, 2], steps: 1 }),
      penalty: null,
    });
    expect(steps[0]?.loss.data).toBeCloseTo(lossAt(q, [-1, 2]), 12);
    expect(lossAt(q, q.wStar)).toBe(0);
  });
});

describe('l2Optimum', () => {
  it('matches the engine’s own closed form (ridgeSolution) and the end of gradient descent', async () => {
    const q = quadratic({ wStar: [2, 0.6] });
    for (const lambda of [0.05, 0.5, 2]) {
      const spec = geometrySpec({ problem: q, lambda, steps: 3000 });
      const exact = l2Optimum(q, lambda);
      const ridge = ridgeSolution(spec);
      expect(ridge.weight[0]).toBeCloseTo(exact[0], 10);
      expect(ridge.weight[1]).toBeCloseTo(exact[1], 10);
      const last = (await run(spec)).at(-1);
      expect(last?.params.weight?.[0]).toBeCloseTo(exact[0], 6);
      expect(last?.params.weight?.[1]).toBeCloseTo(exact[1], 6);
    }
  });

  it('is the tangent point: the gradient of L0 there is −λw (parallel to the circle’s normal)', () => {
    const q = quadratic({ wStar: [-1, 2.2], angle: -0.3 });
    const w = l2Optimum(q, 0.7);
    const g0 = q.H.a * (w[0] - q.wStar[0]) + q.H.b * (w[1] - q.wStar[1]);
    const g1 = q.H.b * (w[0] - q.wStar[0]) + q.H.c * (w[1] - q.wStar[1]);
    expect(g0).toBeCloseTo(-0.7 * w[0], 12);
    expect(g1).toBeCloseTo(-0.7 * w[1], 12);
  });

  it('is w* at λ = 0 and shrinks toward 0 as λ grows', () => {
    const q = quadratic();
    expect(l2Optimum(q, 0)[0]).toBeCloseTo(2, 12);
    const norms = [0.1, 1, 10, 100].map((l) => Math.hypot(...l2Optimum(q, l)));
    for (let i = 1; i < norms.length; i++) expect(norms[i]).toBeLessThan(norms[i - 1] as number);
  });
});

describe('l1Optimum', () => {
  it('soft-thresholds each coordinate when H is diagonal', () => {
    const q = quadratic({ wStar: [2, 0.3], curvatures: [1, 1], angle: 0 });
    expect(l1Optimum(q, 0.5)).toEqual([softThreshold(2, 0.5), 0]);
    expect(softThreshold(-0.2, 0.5)).toBe(0);
  });

  it('sets a coordinate exactly to 0 for a tilted ellipse, and beats a fine grid', () => {
    const q = quadratic({ wStar: [2, 0.6] });
    const lambda = 0.5;
    const w = l1Optimum(q, lambda);
    expect(w[1]).toBe(0);
    expect(w[0]).toBeGreaterThan(0);
    const best = objective(q, 'l1', lambda, [w[0], w[1]]);
    for (let i = -60; i <= 60; i++) {
      for (let j = -60; j <= 60; j++) {
        expect(objective(q, 'l1', lambda, [i / 20, j / 20])).toBeGreaterThanOrEqual(best - 1e-12);
      }
    }
  });

  it('is where the engine’s subgradient descent ends up, within its chatter of about γλ', async () => {
    const q = quadratic({ wStar: [2, 0.6] });
    const lambda = 0.5;
    const lr = 0.1;
    const exact = l1Optimum(q, lambda);
    const tail = (
      await run(geometrySpec({ problem: q, penalty: 'l1', lambda, lr, steps: 2000 }))
    ).slice(-200);
    for (const e of tail) {
      expect(Math.abs((e.params.weight?.[0] as number) - exact[0])).toBeLessThan(2 * lr * lambda);
      expect(Math.abs(e.params.weight?.[1] as number)).toBeLessThan(2 * lr * lambda);
    }
  });
});

describe('contours', () => {
  it('ellipse points all lie on their level', () => {
    const q = quadratic({ wStar: [0.5, -1], angle: 1.1 });
    for (const p of ellipse(q, 0.8, { n: 32 })) expect(lossAt(q, p)).toBeCloseTo(0.8, 10);
  });

  it('levels grow geometrically, and balls have the right norm', () => {
    expect(contourLevels({ first: 0.1, ratio: 3, count: 3 })).toEqual([0.1, 0.1 * 3, 0.1 * 9]);
    for (const [x, y] of penaltyBall('l2', 1.5, { n: 16 }))
      expect(Math.hypot(x, y)).toBeCloseTo(1.5, 12);
    for (const [x, y] of penaltyBall('l1', 2)) expect(Math.abs(x) + Math.abs(y)).toBe(2);
  });
});

describe('startPoint', () => {
  it('is the chapter’s start for seed 0, and inside the plotted square for other seeds', async () => {
    const { startPoint } = await import('./startPoint.js');
    expect(startPoint(0)).toEqual([-2, 2.5]);
    const seen = new Set<string>();
    for (let seed = 1; seed <= 50; seed++) {
      const [x, y] = startPoint(seed);
      expect(Math.abs(x)).toBeLessThan(3);
      expect(Math.abs(y)).toBeLessThan(3);
      seen.add(`${x.toFixed(3)},${y.toFixed(3)}`);
    }
    expect(seen.size).toBe(50);
  });
});
