import { describe, expect, it } from 'vitest';
import { ulps } from '../../test/bits.js';
import { rng } from '../random/rng.js';
import { tanh } from './tanh.js';

describe('tanh', () => {
  it('is within 2 ulp of Math.tanh from 1e-300 to 40, mostly equal', () => {
    const r = rng(11);
    const scales = [1e-300, 1e-12, 1e-4, 0.1, 0.6, 0.625, 1, 3, 10, 19, 25, 40];
    let worst = 0;
    let equal = 0;
    let total = 0;
    for (const scale of scales)
      for (let i = 0; i < 20_000; i++) {
        const x = (2 * r.uniform() - 1) * scale;
        const u = ulps(tanh(x), Math.tanh(x));
        worst = Math.max(worst, u);
        if (u === 0) equal++;
        total++;
      }
    expect(worst).toBeLessThanOrEqual(2);
    expect(equal / total).toBeGreaterThan(0.7);
  });

  it('is odd, keeps −0, saturates to ±1 and passes NaN', () => {
    const r = rng(12);
    for (let i = 0; i < 10_000; i++) {
      const x = r.normal() * 4;
      expect(tanh(-x)).toBe(-tanh(x));
    }
    expect(Object.is(tanh(-0), -0)).toBe(true);
    expect(Object.is(tanh(0), 0)).toBe(true);
    expect(tanh(5e-324)).toBe(5e-324);
    expect([tanh(22), tanh(-22), tanh(1e300), tanh(-Infinity), tanh(Infinity)]).toEqual([
      1, -1, 1, -1, 1,
    ]);
    expect(tanh(Number.NaN)).toBeNaN();
    expect(tanh(0.5)).toBe(0.46211715726000974);
  });

  it('never decreases, across the switch at 0.625 and the saturation at 22', () => {
    const drops: number[] = [];
    for (const centre of [0.625, 22, 0]) {
      let x = centre - 1e-9;
      let prev = tanh(x);
      for (let i = 0; i < 20_000; i++) {
        x += 1e-13;
        if (tanh(x) < prev) drops.push(x);
        prev = tanh(x);
      }
    }
    let prev = -1;
    for (let x = -25; x <= 25; x += 1 / 1024) {
      if (tanh(x) < prev) drops.push(x);
      prev = tanh(x);
    }
    expect(drops).toEqual([]);
  });
});
