import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { train } from '../train.js';
import { cars } from './cars.js';
import { penguins } from './penguins.js';
import { CARS_TABLE, PENGUINS_TABLE } from './realTables.js';

const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
const std = (v: number[]) => Math.sqrt(mean(v.map((x) => (x - mean(v)) ** 2)));

describe('the shipped tables', () => {
  it('hold the Auto MPG cars and the Palmer penguins without missing values', () => {
    expect(CARS_TABLE.rows).toHaveLength(392);
    expect(PENGUINS_TABLE.rows).toHaveLength(342);
    for (const r of [...CARS_TABLE.rows, ...PENGUINS_TABLE.rows])
      for (const v of r) expect(Number.isFinite(v)).toBe(true);
    for (const r of CARS_TABLE.rows) expect(r).toHaveLength(CARS_TABLE.columns.length);
    for (const r of PENGUINS_TABLE.rows) expect(r).toHaveLength(PENGUINS_TABLE.columns.length);
    const count = (s: number) => PENGUINS_TABLE.rows.filter((r) => r[0] === s).length;
    expect([count(0), count(1), count(2)]).toEqual([151, 68, 123]);
    // the first car of the classic table: chevrolet chevelle malibu, 18 mpg, 130 hp, 1970
    expect(CARS_TABLE.rows[0]).toEqual([18, 8, 307, 130, 3504, 12, 1970]);
  });

  it('are documented with their sources and licences', () => {
    const doc = readFileSync(
      new URL('../../../../docs/reference/spec.md', import.meta.url),
      'utf8',
    );
    for (const s of ['vega-datasets', 'BSD-3-Clause', 'StatLib', 'CC0', 'Gorman', '392', '342'])
      expect(doc).toContain(s);
  });
});

describe('cars and penguins', () => {
  it('split deterministically under the seed, disjoint and complete', () => {
    const a = cars({ columns: ['horsepower', 'weight'], seed: 3 });
    expect(cars({ columns: ['horsepower', 'weight'], seed: 3 })).toEqual(a);
    expect(cars({ columns: ['horsepower', 'weight'], seed: 4 }).train).not.toEqual(a.train);
    expect(a.train.y).toHaveLength(300);
    expect(a.val?.y).toHaveLength(92);
    expect(a.train.x[0]).toHaveLength(2);
    const p = penguins({ seed: 5, nVal: 40 });
    expect(p.train.y.length + (p.val?.y.length ?? 0)).toBe(342);
    expect(penguins({ seed: 5, nVal: 40 })).toEqual(p);
  });

  it('standardize by the training rows only', () => {
    for (const seed of [0, 1, 2]) {
      const d = cars({ columns: ['horsepower', 'acceleration'], seed });
      for (let j = 0; j < 2; j++) {
        const col = d.train.x.map((r) => r[j] as number);
        expect(Math.abs(mean(col))).toBeLessThan(1e-12);
        expect(std(col)).toBeCloseTo(1, 12);
      }
      expect(Math.abs(mean([...d.train.y]))).toBeLessThan(1e-12);
      expect(std([...d.train.y])).toBeCloseTo(1, 12);
      // validation rows use the training statistics, so their mean is not exactly 0
      expect(Math.abs(mean(d.val?.x.map((r) => r[0] as number) ?? []))).toBeGreaterThan(1e-6);
    }
  });

  it('label a chosen pair of species, or one against the rest', () => {
    const pair = penguins({ positive: 'Adelie', negative: 'Gentoo', nVal: 50 });
    const all = [...pair.train.y, ...(pair.val?.y ?? [])];
    expect(all).toHaveLength(151 + 123);
    expect(all.filter((y) => y === 1)).toHaveLength(151);
    const rest = penguins({ positive: 'Chinstrap', nVal: 0 });
    expect(rest.val).toBeUndefined();
    expect(rest.train.y.filter((y) => y === 1)).toHaveLength(68);
    expect(rest.train.y.filter((y) => y === 0)).toHaveLength(274);
  });

  it('refuse bad options, naming them', () => {
    expect(() => cars({ columns: ['mpg' as never] })).toThrow(/columns\[0\]: expected one of/);
    expect(() => cars({ columns: [] })).toThrow(/columns: expected at least one column/);
    expect(() => cars({ nVal: 392 })).toThrow(/nVal: expected an integer from 0 to 391/);
    expect(() => penguins({ negative: 'Adelie' })).toThrow(
      /negative: expected "rest" or a species/,
    );
    expect(() => penguins({ positive: 'Emperor' as never })).toThrow(/positive: expected one of/);
    expect(() => penguins({ columns: ['species' as never] })).toThrow(/columns\[0\]/);
  });

  it('train as inline data: a cubic in horsepower fits mpg', () => {
    const data = cars({ columns: ['horsepower'], nVal: 292, seed: 1 });
    let last: { loss: number; val: number } = { loss: Number.NaN, val: Number.NaN };
    train({
      data,
      model: { kind: 'polynomial', degree: 3 },
      optimizer: { kind: 'sgd', lr: 0.01, momentum: 0.9 },
      steps: 300,
    }).subscribe((e) => {
      if (e.type === 'step') last = { loss: e.loss.data, val: e.val?.loss ?? Number.NaN };
    });
    expect(last.loss).toBeLessThan(0.5);
    expect(Number.isFinite(last.val)).toBe(true);
  });
});
