import { describe, expect, it } from 'vitest';
import { paddedExtent } from './paddedExtent';

describe('paddedExtent', () => {
  it('pads the finite range, includes a value, and widens a single value or none', () => {
    expect(paddedExtent([0, 10], { pad: 0.05 })).toEqual([-0.5, 10.5]);
    expect(paddedExtent([3, Number.NaN, 5, Number.POSITIVE_INFINITY], { pad: 0 })).toEqual([3, 5]);
    expect(paddedExtent([2, 4], { pad: 0, include: 0 })).toEqual([0, 4]);
    expect(paddedExtent([2], { pad: 0 })).toEqual([1, 3]);
    expect(paddedExtent([], { pad: 0 })).toEqual([-1, 1]);
  });

  it('takes the 458 k weights of the largest mlp (Math.min(...values) threw RangeError)', () => {
    const weights = Array.from({ length: 458_752 }, (_, i) => Math.sin(i));
    expect(() => Math.min(...weights)).toThrow(RangeError);
    const [lo, hi] = paddedExtent(weights, { pad: 0 });
    expect(lo).toBeCloseTo(-1, 6);
    expect(hi).toBeCloseTo(1, 6);
  });
});
