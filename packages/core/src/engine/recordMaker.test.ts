import { describe, expect, it } from 'vitest';
import { paramLayout } from '../models/paramLayout.js';
import { affineNorms, affineRecord, isAffine } from './affineRecords.js';
import { packedBlank } from './copySlice.js';
import { normsMaker } from './normsMaker.js';
import { recordMaker } from './recordMaker.js';

/** What a record must be: the listed slices as arrays, keyed by name, in parameter order. */
function reference(names: readonly string[], offsets: readonly number[], sizes: readonly number[]) {
  return (list: readonly number[], buf: Float64Array) =>
    Object.fromEntries(
      list.map((p) => [
        names[p] as string,
        Array.from(buf.subarray(offsets[p], (offsets[p] as number) + (sizes[p] as number))),
      ]),
    );
}

const filled = (n: number) => Float64Array.from({ length: n }, (_, i) => Math.sin(i + 1) * 3);
/**
 * Buffers to copy and sum: ordinary values, and values where shortcuts give other bits (|b| for
 * √(b·b) underflows at 1e-160 and overflows at 1e200; -0 and NaN must be copied as they are).
 */
const buffers = (n: number) => [
  filled(n),
  ...[1e-160, 1e200, -0, Number.NaN].map((v) => new Float64Array(n).fill(v)),
];

// Affine layouts with weights of 1, 2, 3 and 4k + 1..3 values (every path of the copier), and
// mlp-like layouts of 1, 3 and 7 parameters (the generic maker's unrolled sites and its loop).
const layouts = [
  ...[1, 2, 3, 5, 6, 7, 8, 200].map((w) =>
    paramLayout([
      ['weight', [1, w]],
      ['bias', [1]],
    ]),
  ),
  paramLayout([['w', [3]]]),
  paramLayout([
    ['0.weight', [4, 3]],
    ['0.bias', [4]],
    ['1.weight', [1, 4]],
  ]),
  paramLayout(
    Array.from({ length: 7 }, (_, k): [string, number[]] => [`${k}.p`, [1 + ((k * 3) % 5)]]),
  ),
];

/** Every subset of the parameters, in parameter order. */
const subsets = (m: number): number[][] =>
  Array.from({ length: 2 ** m }, (_, mask) =>
    Array.from({ length: m }, (_, p) => p).filter((p) => mask & (1 << p)),
  );

describe('recordMaker', () => {
  it('copies exactly the listed slices, keyed by name in parameter order, for every subset', () => {
    for (const layout of layouts) {
      const ref = reference(layout.names, layout.offsets, layout.sizes);
      for (const buf of buffers(layout.size))
        for (const list of subsets(layout.names.length)) {
          const rec = recordMaker(layout, list)(buf);
          expect(rec).toEqual(ref(list, buf));
          expect(Object.keys(rec)).toEqual(list.map((p) => layout.names[p]));
          // Listed in another order, the record is the same.
          expect(JSON.stringify(recordMaker(layout, [...list].reverse())(buf))).toBe(
            JSON.stringify(rec),
          );
        }
    }
  });

  it('returns new arrays each call, which later writes to the buffer leave alone', () => {
    for (const layout of layouts) {
      const buf = filled(layout.size);
      const all = layout.names.map((_, p) => p);
      const make = recordMaker(layout, all);
      const first = make(buf);
      const before = JSON.stringify(first);
      buf.fill(-7);
      const second = make(buf);
      expect(JSON.stringify(first)).toBe(before);
      for (const name of layout.names) expect(second[name]).not.toBe(first[name]);
      expect(
        Object.values(second)
          .flat()
          .every((v) => v === -7),
      ).toBe(true);
    }
  });
});

describe('normsMaker', () => {
  it('gives each parameter its 2-norm, summed in index order (the NDJSON bytes depend on it)', () => {
    for (const layout of layouts) {
      for (const theta of buffers(layout.size)) {
        const norms = normsMaker(layout)(theta);
        expect(Object.keys(norms)).toEqual(layout.names);
        layout.names.forEach((name, p) => {
          let s = 0;
          const o = layout.offsets[p] as number;
          for (let i = o; i < o + (layout.sizes[p] as number); i++) {
            const t = theta[i] as number;
            s += t * t;
          }
          expect(Object.is(norms[name], Math.sqrt(s))).toBe(true);
        });
      }
    }
  });
});

describe('affineRecord and affineNorms (the affine layout, both parameters)', () => {
  const affine = layouts.filter(isAffine);

  it('apply to the affine layouts only', () => {
    expect(affine.map((l) => l.sizes[0])).toEqual([1, 2, 3, 5, 6, 7, 8, 200]);
  });

  it('copy both slices, in order, into new arrays, as the general maker does', () => {
    for (const layout of affine) {
      const width = layout.sizes[0] as number;
      const blank = packedBlank(width);
      for (const buf of buffers(layout.size)) {
        const rec = affineRecord(buf, width, blank);
        expect(JSON.stringify(rec)).toBe(JSON.stringify(recordMaker(layout, [0, 1])(buf)));
        expect(rec).toEqual(reference(layout.names, layout.offsets, layout.sizes)([0, 1], buf));
        expect(affineRecord(buf, width, blank).weight).not.toBe(rec.weight);
      }
      expect(blank.every((v) => v === 0.5)).toBe(true);
    }
  });

  it('give the norms the general maker gives, bit for bit', () => {
    for (const layout of affine) {
      const width = layout.sizes[0] as number;
      for (const theta of buffers(layout.size)) {
        const norms = affineNorms(theta, width);
        const general = normsMaker(layout)(theta);
        expect(Object.keys(norms)).toEqual(['weight', 'bias']);
        for (const name of layout.names) expect(Object.is(norms[name], general[name])).toBe(true);
      }
    }
  });
});
