import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rng } from '../random/rng.js';
import type { LossKind } from '../spec/types.js';
import { LOSSES } from './dataLoss.js';

describe('data losses', () => {
  for (const kind of Object.keys(LOSSES) as LossKind[]) {
    it(`${kind}: grad() returns exactly what value() gives, and writes ∂L/∂output`, () => {
      const L = LOSSES[kind];
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 40 }),
          fc.integer({ min: 0, max: 2 ** 31 - 1 }),
          (n, seed) => {
            const r = rng(seed);
            const out = Float64Array.from({ length: n }, () => 3 * r.normal());
            const y = Float64Array.from({ length: n }, () =>
              kind === 'bce-logits' ? (r.uniform() < 0.5 ? 1 : 0) : r.normal(),
            );
            const dOut = new Float64Array(n);
            expect(Object.is(L.grad(out, y, n, dOut), L.value(out, y, n))).toBe(true);
            // central differences of value() in one output
            const i = Math.floor(r.uniform() * n);
            const h = 1e-6;
            const plus = out.slice();
            const minus = out.slice();
            plus[i] = (plus[i] as number) + h;
            minus[i] = (minus[i] as number) - h;
            const fd = (L.value(plus, y, n) - L.value(minus, y, n)) / (2 * h);
            expect(Math.abs((dOut[i] as number) - fd)).toBeLessThanOrEqual(1e-7);
          },
        ),
        { numRuns: 100 },
      );
    });
  }
});
