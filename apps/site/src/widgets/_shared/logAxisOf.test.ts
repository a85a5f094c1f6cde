import { scaleLog } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import { logAxisOf as logAxisWith } from './logAxisOf';

const logAxisOf = (values: (number | undefined)[]) => logAxisWith(values, { scaleLog });
/** Whether d3's log tickFormat (which Plot's log axes go through) labels v on [a, b]. */
const d3LogLabels = ([a, b]: [number, number], v: number) =>
  scaleLog().domain([a, b]).tickFormat(null, String)(v) !== '';

describe('logAxisOf', () => {
  it('rounds the range out to labelled round values', () => {
    expect(logAxisOf([0.6, 0.3, 0.1046])).toMatchObject({
      domain: [0.1, 0.6],
      ticks: [0.1, 0.2, 0.5, 0.6],
    });
    expect(logAxisOf([0.55, 0.7])?.domain).toEqual([0.5, 0.7]);
    expect(logAxisOf([0.012, 0.5])?.domain).toEqual([0.01, 0.5]);
  });

  it('labels both ends of the domain, and the lowest and highest values lie inside it', () => {
    for (let i = 0; i < 400; i++) {
      const lo = 10 ** (-6 + (i % 37) / 4);
      const hi = lo * 10 ** (0.05 + (i % 11) / 3 + (i % 5 === 0 ? 12 : 0));
      const { domain, ticks } = logAxisOf([hi, lo, Number.NaN, -1, 0, undefined]);
      const [a = 0, b = 0] = domain ?? [];
      expect(a).toBeLessThanOrEqual(lo);
      expect(b).toBeGreaterThanOrEqual(hi);
      expect(b / a).toBeLessThanOrEqual((hi / lo) * 100);
      // A labelled tick within 15 % of each end.
      expect(ticks.some((t) => Math.max(t / a, a / t) < 1.15 + 1e-9)).toBe(true);
      expect(ticks.some((t) => Math.max(t / b, b / t) < 1.15 + 1e-9)).toBe(true);
      for (const t of ticks) expect(t >= a && t <= b).toBe(true);
      // …and Plot (d3's log tickFormat) shows every one of them.
      for (const t of ticks) expect(d3LogLabels([a, b], t), `${t} on [${a}, ${b}]`).toBe(true);
      expect(ticks).toEqual([...ticks].sort((x, y) => x - y));
    }
  });

  it('has no domain for one value or none', () => {
    expect(logAxisOf([0.3, 0.3])).toMatchObject({ domain: undefined, ticks: [0.3] });
    expect(logAxisOf([Number.NaN, 0, -2])).toMatchObject({ domain: undefined, ticks: [] });
  });

  it('avoids the ends d3 leaves blank (30 and 40 on 0.01 … 40, 31 ticks)', () => {
    expect(d3LogLabels([0.01, 40], 40)).toBe(false);
    expect(logAxisOf([0.0111, 35]).domain).toEqual([0.01, 100]);
  });

  it('labels every tick with its number', () => {
    const { tickFormat } = logAxisOf([0.01, 25]);
    expect([0.01, 0.1, 0.3, 1, 10, 30, 1e-7, 0.6000000000000001].map(tickFormat)).toEqual([
      '0.01',
      '0.1',
      '0.3',
      '1',
      '10',
      '30',
      '1e-7',
      '0.6',
    ]);
  });
});
