import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paramLayout } from '../models/paramLayout.js';
import { applyPenalty } from './penalty.js';

const one = (n: number) => paramLayout([['w', [n]]]);

const vec = fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 1, maxLength: 12 });

describe('applyPenalty', () => {
  it('l2: value λ/2·Σθ² and gradient λθ, checked by finite differences', () => {
    fc.assert(
      fc.property(vec, fc.double({ min: 0, max: 3, noNaN: true }), (values, lambda) => {
        const theta = Float64Array.from(values);
        const grad = new Float64Array(theta.length);
        const pen = { kind: 'l2' as const, lambda, params: ['w'] };
        const v = applyPenalty(pen, { layout: one(theta.length), params: [0], theta, grad });
        expect(v).toBeCloseTo((lambda / 2) * values.reduce((s, t) => s + t * t, 0), 9);
        const h = 1e-6;
        theta.forEach((t, i) => {
          const p = theta.slice();
          const m = theta.slice();
          p[i] = t + h;
          m[i] = t - h;
          const fd =
            (applyPenalty(pen, { layout: one(p.length), params: [0], theta: p }) -
              applyPenalty(pen, { layout: one(m.length), params: [0], theta: m })) /
            (2 * h);
          expect(Math.abs((grad[i] as number) - fd)).toBeLessThan(1e-5 * Math.max(1, Math.abs(fd)));
          expect(grad[i] === lambda * t).toBe(true);
        });
      }),
    );
  });

  it('l1: value λ·Σ|θ| and gradient λ·sign(θ) with sign(0) = 0', () => {
    const theta = Float64Array.from([-2, 0, 3]);
    const grad = new Float64Array(3);
    const v = applyPenalty(
      { kind: 'l1', lambda: 0.5, params: ['w'] },
      { layout: one(3), params: [0], theta, grad },
    );
    expect(v).toBe(2.5);
    expect(Array.from(grad)).toEqual([-0.5, 0, 0.5]);
  });

  it('only touches the listed parameters', () => {
    const theta = Float64Array.from([1, 2, 3, 4]);
    const grad = new Float64Array(4);
    const v = applyPenalty(
      { kind: 'l2', lambda: 1, params: ['b'] },
      {
        layout: paramLayout([
          ['a', [3]],
          ['b', [1]],
        ]),
        params: [1],
        theta,
        grad,
      },
    );
    expect(v).toBe(8);
    expect(Array.from(grad)).toEqual([0, 0, 0, 4]);
  });
});
