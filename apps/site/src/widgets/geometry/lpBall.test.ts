import { ridgeSolution } from '@decaylab/core';
import { describe, expect, it } from 'vitest';
import { l1Optimum } from './exactOptimum.js';
import { geometrySpec } from './geometrySpec.js';
import { BALL_SHAPES, ballOutline, constrainedOptimum, crossings, gauge } from './lpBall.js';
import { lossAt, quadratic } from './quadratic.js';

const q = quadratic();

describe('gauge and ballOutline', () => {
  it('every outline point of every shape has gauge r, and the balls meet the axes at ±r', () => {
    for (const { shape } of BALL_SHAPES) {
      for (const p of ballOutline(shape, 1.7, { n: 48 }))
        expect(gauge(shape, p)).toBeCloseTo(1.7, 10);
      expect(gauge(shape, [1.7, 0])).toBeCloseTo(1.7, 12);
      expect(gauge(shape, [0, -1.7])).toBeCloseTo(1.7, 12);
    }
    expect(gauge({ kind: 'p', p: 1 }, [1, -2])).toBe(3);
    expect(gauge({ kind: 'p', p: Number.POSITIVE_INFINITY }, [1, -2])).toBe(2);
  });
});

describe('constrainedOptimum', () => {
  it('is w* when the budget is not binding', () => {
    expect(constrainedOptimum(q, { kind: 'p', p: 2 }, 3)).toBe(q.wStar);
  });

  it('beats every grid point inside the ball, for every shape', () => {
    for (const { shape } of BALL_SHAPES) {
      const a = constrainedOptimum(q, shape, 1);
      expect(gauge(shape, a)).toBeCloseTo(1, 6);
      const best = lossAt(q, a);
      for (let i = -40; i <= 40; i++)
        for (let j = -40; j <= 40; j++) {
          const w = [i / 40, j / 40] as const;
          if (gauge(shape, w) <= 1) expect(lossAt(q, w)).toBeGreaterThanOrEqual(best - 1e-9);
        }
    }
  });

  it('L2: the budget optimum is the engine’s ridge solution for the Lagrange multiplier λ', () => {
    const a = constrainedOptimum(q, { kind: 'p', p: 2 }, 1);
    const g = [
      q.H.a * (a[0] - q.wStar[0]) + q.H.b * (a[1] - q.wStar[1]),
      q.H.b * (a[0] - q.wStar[0]) + q.H.c * (a[1] - q.wStar[1]),
    ] as const;
    const lambda = -(g[0] * a[0] + g[1] * a[1]) / (a[0] ** 2 + a[1] ** 2);
    expect(lambda).toBeGreaterThan(0);
    const ridge = ridgeSolution(geometrySpec({ problem: q, penalty: 'l2', lambda }));
    expect(ridge.weight[0]).toBeCloseTo(a[0], 6);
    expect(ridge.weight[1]).toBeCloseTo(a[1], 6);
  });

  it('p ≤ 1 lands on a corner (a weight exactly 0); p > 1 and the elastic net do not here', () => {
    for (const { shape, label } of BALL_SHAPES) {
      const a = constrainedOptimum(q, shape, 1);
      const sparse = a[0] === 0 || a[1] === 0;
      const cornered = shape.kind === 'p' && shape.p <= 1;
      expect(sparse, label).toBe(cornered);
    }
    // …and the L1 corner (1, 0) is the penalized L1 optimum for its multiplier λ = |∂L0/∂w₁| there.
    const g1 = q.H.a * (1 - q.wStar[0]) + q.H.b * (0 - q.wStar[1]);
    const w = l1Optimum(q, Math.abs(g1));
    expect(w[0]).toBeCloseTo(1, 9);
    expect(w[1]).toBe(0);
  });
});

describe('crossings (the source’s three budgets)', () => {
  it('X1 < X2 misses the contour through A, X3 > X2 crosses it twice (B and C)', () => {
    for (const { shape, label } of BALL_SHAPES) {
      const level = lossAt(q, constrainedOptimum(q, shape, 1));
      expect(crossings(q, shape, 0.55, level), label).toHaveLength(0);
      const bc = crossings(q, shape, 1.45, level);
      expect(bc, label).toHaveLength(2);
      for (const p of bc) expect(lossAt(q, p)).toBeCloseTo(level, 8);
    }
  });
});
