import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../events.js';
import { DATA_DEFAULTS } from '../spec/defaults.js';
import { parseSpec } from '../spec/parseSpec.js';
import type { RunSpec } from '../spec/types.js';
import { train } from '../train.js';
import { cars } from './cars.js';
import { materialize } from './materialize.js';
import { penguins } from './penguins.js';
import { PENGUIN_SPECIES, penguinCount } from './realTableFacts.js';
import { CARS_ROWS, PENGUINS_ROWS } from './realTableRows.js';
import { CARS_TABLE, PENGUINS_TABLE } from './realTables.js';

const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
const std = (v: number[]) => Math.sqrt(mean(v.map((x) => (x - mean(v)) ** 2)));

describe('the shipped tables', () => {
  it('hold the Auto MPG cars and the Palmer penguins without missing values', () => {
    expect(CARS_ROWS).toHaveLength(392);
    expect(PENGUINS_ROWS).toHaveLength(342);
    for (const r of [...CARS_ROWS, ...PENGUINS_ROWS])
      for (const v of r) expect(Number.isFinite(v)).toBe(true);
    for (const r of CARS_ROWS) expect(r).toHaveLength(CARS_TABLE.columns.length);
    for (const r of PENGUINS_ROWS) expect(r).toHaveLength(PENGUINS_TABLE.columns.length);
    const count = (s: number) => PENGUINS_ROWS.filter((r) => r[0] === s).length;
    expect([count(0), count(1), count(2)]).toEqual([151, 68, 123]);
    // the first car of the classic table: chevrolet chevelle malibu, 18 mpg, 130 hp, 1970
    expect(CARS_ROWS[0]).toEqual([18, 8, 307, 130, 3504, 12, 1970]);
  });

  it('state the counts the spec checks use without the rows, matching the rows', () => {
    expect(CARS_TABLE.count).toBe(CARS_ROWS.length);
    const count = (s: number) => PENGUINS_ROWS.filter((r) => r[0] === s).length;
    expect(PENGUINS_TABLE.counts).toEqual(PENGUIN_SPECIES.map((_, s) => count(s)));
    for (const positive of PENGUIN_SPECIES) {
      expect(penguinCount(positive, 'rest')).toBe(PENGUINS_ROWS.length);
      for (const negative of PENGUIN_SPECIES) {
        if (negative === positive) continue;
        const kept = PENGUINS_ROWS.filter(
          (r) =>
            r[0] === PENGUIN_SPECIES.indexOf(positive) ||
            r[0] === PENGUIN_SPECIES.indexOf(negative),
        );
        expect(penguinCount(positive, negative)).toBe(kept.length);
      }
    }
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
    expect(() => cars({ columns: [] })).toThrow(
      /columns: expected a non-empty array of column names/,
    );
    expect(() => cars({ columns: ['weight', 'weight'] })).toThrow(
      /columns\[1\]: expected each column once/,
    );
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

describe('cars and penguins as data kinds of a RunSpec', () => {
  const base = { model: { kind: 'linear' }, optimizer: { kind: 'sgd', lr: 0.1 }, steps: 1 };
  const dataOf = (data: object, seed = 0) => {
    const spec = parseSpec({ ...base, data, seed });
    return materialize(spec.data, spec.seed);
  };

  it('normalize with every default filled in, idempotently', () => {
    const c = parseSpec({ ...base, data: { kind: 'cars' } });
    expect(c.data).toEqual({ kind: 'cars', columns: ['horsepower'], nVal: 92 });
    const p = parseSpec({ ...base, data: { kind: 'penguins' } });
    expect(p.data).toEqual({
      kind: 'penguins',
      columns: ['beakLength', 'beakDepth'],
      positive: 'Adelie',
      negative: 'rest',
      nVal: 100,
    });
    for (const s of [c, p]) expect(parseSpec(JSON.parse(JSON.stringify(s)))).toEqual(s);
  });

  it('materialize 300/92 cars and 242/100 penguins by default, every value finite', () => {
    const c = dataOf({ kind: 'cars' });
    expect([c.train.y.length, c.val?.y.length]).toEqual([300, 92]);
    const p = dataOf({ kind: 'penguins' });
    expect([p.train.y.length, p.val?.y.length]).toEqual([242, 100]);
    const wide = dataOf({ kind: 'cars', columns: ['weight', 'year', 'cylinders'], nVal: 0 });
    expect([wide.train.y.length, wide.val]).toEqual([392, undefined]);
    const pair = dataOf({ kind: 'penguins', positive: 'Chinstrap', negative: 'Gentoo', nVal: 90 });
    expect([pair.train.y.length, pair.val?.y.length]).toEqual([101, 90]);
    for (const d of [c, p, wide, pair])
      for (const set of [d.train, d.val]) {
        if (!set) continue;
        expect(set.x).toHaveLength(set.y.length);
        for (const v of [...set.x.flat(), ...set.y]) expect(Number.isFinite(v)).toBe(true);
      }
    for (const v of [...p.train.y, ...(p.val?.y ?? [])]) expect([0, 1]).toContain(v);
  });

  it("split by the spec's seed: the same seed gives the same rows, another seed others", () => {
    for (const kind of ['cars', 'penguins']) {
      const a = dataOf({ kind }, 7);
      expect(dataOf({ kind }, 7)).toEqual(a);
      expect(dataOf({ kind }, 8).train).not.toEqual(a.train);
      expect(dataOf({ kind }, 8).val).not.toEqual(a.val);
    }
    // the factories give the same rows as the spec with the same seed
    expect(dataOf({ kind: 'cars', columns: ['weight'] }, 3)).toEqual(
      cars({ columns: ['weight'], seed: 3 }),
    );
    expect(dataOf({ kind: 'penguins', negative: 'Gentoo' }, 3)).toEqual(
      penguins({ negative: 'Gentoo', seed: 3 }),
    );
  });

  it('standardize penguin inputs by the training rows only', () => {
    const d = dataOf({ kind: 'penguins', columns: ['flipperLength', 'bodyMass'] }, 11);
    for (let j = 0; j < 2; j++) {
      const col = d.train.x.map((r) => r[j] as number);
      expect(Math.abs(mean(col))).toBeLessThan(1e-12);
      expect(std(col)).toBeCloseTo(1, 12);
      const val = d.val?.x.map((r) => r[j] as number) ?? [];
      expect(Math.abs(mean(val))).toBeGreaterThan(1e-6);
    }
  });

  /** Validation loss after each step; the model starts at zero, so step 0's loss is known. */
  const valLosses = (spec: object): number[] => {
    const out: number[] = [];
    train(spec as RunSpec).subscribe((e: RunEvent) => {
      if (e.type === 'step') out.push(e.val?.loss ?? Number.NaN);
    });
    return out;
  };

  it('train: a polynomial in horsepower predicts mpg better than at step 0 (degrees 3 and 8)', () => {
    const data = { kind: 'cars', columns: ['horsepower'] };
    const val = dataOf(data, 2).val;
    // ŷ = 0 at zero init: the mse is the mean square of the validation targets
    const atZero = mean((val?.y ?? []).map((y) => y * y));
    for (const [degree, optimizer] of [
      [3, { kind: 'sgd', lr: 0.01, momentum: 0.9 }],
      [8, { kind: 'adam', lr: 0.01 }],
    ] as const) {
      const losses = valLosses({
        seed: 2,
        data,
        model: { kind: 'polynomial', degree },
        init: { kind: 'zeros' },
        optimizer,
        steps: 300,
      });
      expect(losses).toHaveLength(300);
      const last = losses.at(-1) as number;
      expect(Number.isFinite(last)).toBe(true);
      expect(last, `degree ${degree}`).toBeLessThan(0.5 * atZero);
    }
  });

  it('train: logistic regression on penguins beats the step-0 validation loss, log 2', () => {
    const losses = valLosses({
      seed: 4,
      data: { kind: 'penguins' },
      model: { kind: 'logistic' },
      init: { kind: 'zeros' },
      optimizer: { kind: 'sgd', lr: 0.5 },
      steps: 200,
    });
    expect(losses.at(-1)).toBeLessThan(0.5 * Math.log(2));
  });
});

describe('the documented data kinds', () => {
  const page = (path: string) =>
    readFileSync(new URL(`../../../../docs/${path}`, import.meta.url), 'utf8');
  const blocks = (doc: string) =>
    [...doc.matchAll(/```json\n([\s\S]*?)```/g)]
      .map((m) => m[1] as string)
      .filter((b) => /"kind": "(cars|penguins)"/.test(b));

  it('give example specs that parse, train and lower the validation loss, in every locale', () => {
    const en = blocks(page('reference/spec.md'));
    expect(en).toHaveLength(2);
    expect(blocks(page('zh-cn/reference/spec.md'))).toEqual(en);
    for (const text of en) {
      const spec = parseSpec(JSON.parse(text));
      const vals: number[] = [];
      train(spec).subscribe((e) => {
        if (e.type === 'step') vals.push(e.val?.loss ?? Number.NaN);
      });
      expect(vals).toHaveLength(spec.steps);
      expect(vals.at(-1)).toBeLessThan(vals[0] as number);
    }
  });

  it('state the defaults parseSpec fills in', () => {
    const doc = page('reference/spec.md');
    const row = (kind: string) => doc.split('\n').find((l) => l.startsWith(`| \`${kind}\``)) ?? '';
    const { cars: c, penguins: p } = DATA_DEFAULTS;
    expect(row('cars')).toContain(
      `\`columns\` \`${JSON.stringify(c.columns)}\`, \`nVal\` ${c.nVal}`,
    );
    expect(row('penguins')).toContain(
      `\`columns\` \`${JSON.stringify(p.columns).replace(',', ', ')}\`, \`positive\` \`"${p.positive}"\`, \`negative\` \`"${p.negative}"\`, \`nVal\` ${p.nVal}`,
    );
  });
});
