import { penguinCount } from '../data/realTableFacts.js';
import { CARS_TABLE } from '../data/realTables.js';
import { type Checker, isObj, join } from './check.js';
import { DATA_DEFAULTS, GENERATED_KINDS, REAL_KINDS } from './defaults.js';
import { MAX_ROWS } from './limits.js';
import { readRealData } from './readRealData.js';
import { count, nonNegative, positive, size } from './rules.js';
import type { DataSpec, Dataset, RealData } from './types.js';

/**
 * Reads `data`: inline `{train, val?}`, a generator or a real table, with its defaults filled in.
 *
 * @example
 * readData(new Checker(), { kind: 'line' }) // { kind: 'line', n: 20, nVal: 100, noise: 0.3 }
 */
export function readData(c: Checker, value: unknown): DataSpec | undefined {
  if (value === undefined) return c.fail('data', 'data (missing)');
  if (!isObj(value)) return c.fail('data', 'an object', value);
  if (value.kind === undefined) {
    c.object(value, 'data', ['train', 'val']);
    const train = readDataset(c, value.train, 'data.train');
    const val = value.val === undefined ? undefined : readDataset(c, value.val, 'data.val');
    if (train && val && train.x[0]?.length !== val.x[0]?.length) {
      c.fail(
        'data.val.x',
        `expected rows of ${train.x[0]?.length} numbers like data.train.x, got ${val.x[0]?.length}`,
      );
    }
    if (!train) return undefined;
    return val ? { train, val } : { train };
  }
  const kind = c.oneOf(value.kind, 'data.kind', [...GENERATED_KINDS, ...REAL_KINDS]);
  if (!kind) return undefined;
  if (kind === 'cars' || kind === 'penguins') return readRealData(c, value, kind, 'data');
  const defaults: Record<string, number> = DATA_DEFAULTS[kind];
  c.object(value, 'data', ['kind', ...Object.keys(defaults)]);
  const out: Record<string, unknown> = { kind };
  for (const [key, fallback] of Object.entries(defaults)) {
    const given = value[key];
    const path = join('data', key);
    if (given === undefined) out[key] = fallback;
    else if (key === 'n') out[key] = c.number(given, path, count(MAX_ROWS));
    else if (key === 'nVal') {
      out[key] = c.number(given, path, {
        min: 0,
        max: MAX_ROWS,
        integer: true,
        expected: `an integer from 0 to ${MAX_ROWS}`,
      });
    } else if (key === 'dims') out[key] = c.number(given, path, size);
    else if (key === 'std') out[key] = c.number(given, path, positive);
    else out[key] = c.number(given, path, nonNegative);
  }
  return out as unknown as DataSpec;
}

function readDataset(c: Checker, value: unknown, path: string): Dataset | undefined {
  const set = c.object(value, path, ['x', 'y']);
  if (!set) return undefined;
  const { x, y } = set;
  let ok = true;
  if (!Array.isArray(x) || x.length === 0) {
    c.fail(join(path, 'x'), 'a non-empty array of rows', x);
    ok = false;
  } else if (x.length > MAX_ROWS) {
    c.fail(join(path, 'x'), `expected at most ${MAX_ROWS} rows, got ${x.length}`);
    ok = false;
  } else {
    const width = Array.isArray(x[0]) ? x[0].length : -1;
    for (let i = 0; i < x.length; i++) {
      const row: unknown = x[i];
      const rowPath = join(join(path, 'x'), i);
      if (!Array.isArray(row) || row.length === 0) {
        c.fail(rowPath, 'a non-empty array of numbers', row);
        ok = false;
      } else if (row.length !== width) {
        c.fail(rowPath, `expected ${width} numbers like row 0 (x is ragged), got ${row.length}`);
        ok = false;
      } else {
        const bad = row.findIndex((v) => typeof v !== 'number' || !Number.isFinite(v));
        if (bad >= 0) {
          c.fail(join(rowPath, bad), 'a finite number', row[bad]);
          ok = false;
        }
      }
      if (!ok && c.issues.length > 20) break;
    }
  }
  if (!Array.isArray(y)) {
    c.fail(join(path, 'y'), 'an array of numbers', y);
    ok = false;
  } else {
    if (Array.isArray(x) && y.length !== x.length) {
      c.fail(join(path, 'y'), `expected ${x.length} values (one per row of x), got ${y.length}`);
      ok = false;
    }
    const bad = y.findIndex((v) => typeof v !== 'number' || !Number.isFinite(v));
    if (bad >= 0) {
      c.fail(join(join(path, 'y'), bad), 'a finite number', y[bad]);
      ok = false;
    }
  }
  return ok ? { x: x as number[][], y: y as number[] } : undefined;
}

/** For `bce-logits`: every label must be in [0, 1]. */
export function checkLabels(c: Checker, data: { train: Dataset; val?: Dataset }): void {
  for (const part of ['train', 'val'] as const) {
    const set = data[part];
    if (!set) continue;
    const bad = set.y.findIndex((v) => v < 0 || v > 1);
    if (bad >= 0) c.fail(`data.${part}.y[${bad}]`, 'a label in [0, 1] for bce-logits', set.y[bad]);
  }
}

/** The number of input columns the data gives the model. */
export function inputDimOf(data: DataSpec): number {
  if ('train' in data) return data.train.x[0]?.length ?? 0;
  if (isReal(data)) return data.columns.length;
  return data.kind === 'highdim' || data.kind === 'blobs' ? data.dims : 1;
}

/** Training rows, and validation rows. */
export function rowsOf(data: DataSpec): { train: number; val: number } {
  if ('train' in data) return { train: data.train.x.length, val: data.val?.x.length ?? 0 };
  if (isReal(data)) {
    const all =
      data.kind === 'cars' ? CARS_TABLE.count : penguinCount(data.positive, data.negative);
    return { train: all - data.nVal, val: data.nVal };
  }
  return { train: data.n, val: data.nVal };
}

/** Whether the data is one of the real tables (`cars`, `penguins`). */
export function isReal(data: DataSpec): data is RealData {
  return 'kind' in data && (data.kind === 'cars' || data.kind === 'penguins');
}
