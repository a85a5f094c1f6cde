import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { logTicks } from './logTicks.js';

const { document } = parseHTML('<!doctype html><html><body></body></html>') as unknown as {
  document: Document;
};

/** The y-axis tick labels of a log-scale Plot over [lo, hi]. */
function labels(lo: number, hi: number, y: Plot.ScaleOptions = {}): string[] {
  const svg = Plot.plot({
    document,
    height: 240,
    y: { type: 'log', tickFormat: '~g', ...y },
    marks: [Plot.dot([lo, hi], { x: (_: number, i: number) => i, y: (d: number) => d })],
  });
  return [...svg.querySelectorAll('g[aria-label="y-axis tick label"] text')].map(
    (t) => t.textContent ?? '',
  );
}

/** Ranges from 1e-12 to 1e12 and from a hair's width to 30 decades. */
const ranges: [number, number][] = [];
for (let u = -12; u <= 12; u += 0.37)
  for (const r of [1 + 1e-9, 1.001, 1.27, 1.5, 2, 3, 9.9, 10, 11, 40, 1e3, 1e6, 1e12, 1e30])
    ranges.push([10 ** u, 10 ** u * r]);

describe('logTicks', () => {
  it('gives Plot ticks that are all labelled where its own log ticks leave blanks', () => {
    for (const [lo, hi] of [
      [0.55, 0.7],
      [0.012, 0.5],
    ] as const) {
      expect(labels(lo, hi)).toContain('');
      const shown = labels(lo, hi, { ticks: logTicks(lo, hi) });
      expect(shown.length).toBeGreaterThanOrEqual(2);
      expect(shown).not.toContain('');
    }
  });

  it('picks round values: 1-2-5, 1-3 or powers of ten over decades, even steps within one', () => {
    expect(logTicks(0.55, 0.7)).toEqual([0.55, 0.6, 0.65, 0.7]);
    expect(logTicks(0.7, 0.55)).toEqual([0.55, 0.6, 0.65, 0.7]);
    expect(logTicks(0.012, 0.5)).toEqual([0.02, 0.05, 0.1, 0.2, 0.5]);
    expect(logTicks(0.01, 10)).toEqual([0.01, 0.1, 1, 10]);
    expect(logTicks(0.01, 10, { count: 7 })).toEqual([0.01, 0.03, 0.1, 0.3, 1, 3, 10]);
    expect(logTicks(1, 2)).toEqual([1, 1.5, 2]);
    expect(logTicks(1e-9, 1e9)).toEqual([1e-8, 1e-4, 1, 1e4, 1e8]);
    expect(logTicks(0.3, 0.3)).toEqual([0.3]);
  });

  it('is empty for ranges without positive finite values', () => {
    for (const [lo, hi] of [
      [0, 1],
      [-1, 1],
      [Number.NaN, 1],
      [1, Number.POSITIVE_INFINITY],
    ] as const)
      expect(logTicks(lo, hi)).toEqual([]);
  });

  it('over 2,000 ranges: 2 to count ticks, ascending, inside the range, without rounding junk', () => {
    for (const count of [3, 5, 8])
      for (const [lo, hi] of ranges) {
        const ticks = logTicks(lo, hi, { count });
        const where = `logTicks(${lo}, ${hi}, { count: ${count} }) = ${ticks}`;
        expect(ticks.length, where).toBeGreaterThanOrEqual(2);
        expect(ticks.length, where).toBeLessThanOrEqual(count);
        ticks.forEach((t, i) => {
          expect(t >= lo * (1 - 1e-9) && t <= hi * (1 + 1e-9), where).toBe(true);
          if (i > 0) expect(t > (ticks[i - 1] as number), where).toBe(true);
          // 0.30000000000000004 would mean a tick computed as 3 · 0.1.
          expect(Number(t.toPrecision(12)), where).toBe(t);
        });
      }
  });

  it('at the ends of doubles: a range it cannot space gets its ends', () => {
    expect(logTicks(5e-324, 1e-323)).toEqual([5e-324, 1e-323]);
    const top = logTicks(1.7e308, 1.79e308);
    expect(top.length).toBeGreaterThanOrEqual(2);
    expect(top.every(Number.isFinite)).toBe(true);
  });
});
