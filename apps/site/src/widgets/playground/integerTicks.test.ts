import { describe, expect, it } from 'vitest';
import { binCounts } from './binCounts';
import { integerTicks } from './integerTicks';

describe('integerTicks', () => {
  it('gives whole numbers 1, 2 or 5 × 10^k apart, from 0 to at most the max', () => {
    expect(integerTicks(0)).toEqual([0, 1]);
    expect(integerTicks(1)).toEqual([0, 1]);
    expect(integerTicks(2)).toEqual([0, 1, 2]);
    expect(integerTicks(5)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(integerTicks(7)).toEqual([0, 2, 4, 6]);
    expect(integerTicks(37)).toEqual([0, 10, 20, 30]);
    expect(integerTicks(120)).toEqual([0, 50, 100]);
    // Never loops forever: no count, an infinite or missing max.
    expect(integerTicks(Number.POSITIVE_INFINITY)).toEqual([0, 1]);
    expect(integerTicks(Number.NaN)).toEqual([0, 1]);
    expect(integerTicks(9, { count: 0 })).toEqual([0, 5]);
    for (let max = 0; max <= 5000; max += 7) {
      const ticks = integerTicks(max);
      expect(ticks.every(Number.isInteger)).toBe(true);
      expect(ticks.length).toBeGreaterThanOrEqual(2);
      expect(ticks.length).toBeLessThanOrEqual(6);
      expect(ticks.at(-1)).toBeLessThanOrEqual(Math.max(max, 1));
    }
  });
});

describe('binCounts', () => {
  it('counts like d3.bin: an inner edge belongs to the bin above, the last edge to the last bin', () => {
    expect(binCounts([0, 0.5, 1, 1, 2], [0, 1, 2])).toEqual([2, 3]);
    expect(binCounts([-1, 3, Number.NaN], [0, 1, 2])).toEqual([0, 0]);
    expect(binCounts([0.1, 0.2, 0.9], [0, 0.25, 0.5, 0.75, 1])).toEqual([2, 0, 0, 1]);
    expect(binCounts([1], [1])).toEqual([]);
  });
});
