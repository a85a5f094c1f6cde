import { train } from '@decaylab/core';
import { describe, expect, it } from 'vitest';
import { bandSteps, overfitBand, quantile } from './overfitBand';
import { overfitSpec } from './overfitSpec';

describe('quantile', () => {
  it('interpolates between sorted values', () => {
    expect(quantile([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(quantile([0, 10], 0.1)).toBeCloseTo(1);
    expect(quantile([7], 0.9)).toBe(7);
    expect(quantile([], 0.5)).toBeNaN();
  });
});

describe('bandSteps', () => {
  it('keeps every early step, then log-spaced steps, and the last', () => {
    const steps = bandSteps(2000);
    expect(steps.slice(0, 10)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(steps.at(-1)).toBe(2000);
    expect(new Set(steps).size).toBe(steps.length);
    expect(steps.length).toBeLessThan(120);
  });
});

describe('overfitBand', () => {
  it('is the 10th–90th percentile band of the engine’s own runs over the seeds', () => {
    const band = overfitBand({ lambda: 0.1, seeds: 3 });
    const finals = [0, 1, 2].map((seed) => {
      let val = Number.NaN;
      train(overfitSpec({ lambda: 0.1, seed }), { every: 2000 }).subscribe((e) => {
        if (e.type === 'step') val = e.val?.loss ?? Number.NaN;
      });
      return val;
    });
    expect(band.finals).toEqual(finals);
    const last = band.rows.at(-1);
    const sorted = [...finals].sort((a, b) => a - b);
    expect(last?.step).toBe(2000);
    expect(last?.mean).toBeCloseTo((finals[0] + finals[1] + finals[2]) / 3, 12);
    expect(last?.lo).toBeCloseTo(quantile(sorted, 0.1), 12);
    expect(last?.hi).toBeCloseTo(quantile(sorted, 0.9), 12);
    for (const r of band.rows) expect(r.lo).toBeLessThanOrEqual(r.hi);
  });
});
