import {
  CARS_COLUMNS,
  PENGUIN_SPECIES,
  PENGUINS_COLUMNS,
  penguinCount,
} from '../data/realTableFacts.js';
import { CARS_TABLE } from '../data/realTables.js';
import { type Checker, join, type Obj } from './check.js';
import { DATA_DEFAULTS, type REAL_KINDS } from './defaults.js';
import type { PenguinSpecies, RealData } from './types.js';

/**
 * Reads a real-table data kind (`cars` or `penguins`) with its defaults filled in: the input
 * columns (each one of the table's, none twice), the penguin classes, and `nVal` (at least one row
 * must be left to train). `path` prefixes every issue (`data` in a spec).
 *
 * @example
 * readRealData(new Checker(), { kind: 'cars' }, 'cars', 'data') // { kind: 'cars', columns: ['horsepower'], nVal: 92 }
 */
export function readRealData(
  c: Checker,
  value: Obj,
  kind: (typeof REAL_KINDS)[number],
  path: string,
): RealData | undefined {
  c.object(value, path, ['kind', ...Object.keys(DATA_DEFAULTS[kind])]);
  if (kind === 'cars') {
    const fallback = DATA_DEFAULTS.cars;
    const columns =
      value.columns === undefined
        ? [...fallback.columns]
        : readColumns(c, value.columns, join(path, 'columns'), CARS_COLUMNS);
    const nVal = readNVal(c, value.nVal, join(path, 'nVal'), fallback.nVal, {
      rows: CARS_TABLE.count,
      what: 'cars',
    });
    return columns && nVal !== undefined ? { kind, columns, nVal } : undefined;
  }
  const fallback = DATA_DEFAULTS.penguins;
  const columns =
    value.columns === undefined
      ? [...fallback.columns]
      : readColumns(c, value.columns, join(path, 'columns'), PENGUINS_COLUMNS);
  const positive =
    value.positive === undefined
      ? fallback.positive
      : c.oneOf(value.positive, join(path, 'positive'), PENGUIN_SPECIES);
  let negative =
    value.negative === undefined
      ? fallback.negative
      : c.oneOf<PenguinSpecies | 'rest'>(value.negative, join(path, 'negative'), [
          'rest',
          ...PENGUIN_SPECIES,
        ]);
  if (negative !== undefined && negative === positive) {
    c.fail(
      join(path, 'negative'),
      `"rest" or a species other than ${JSON.stringify(positive)} (${join(path, 'positive')})`,
      negative,
    );
    negative = undefined;
  }
  if (!positive || !negative) return undefined;
  const nVal = readNVal(c, value.nVal, join(path, 'nVal'), fallback.nVal, {
    rows: penguinCount(positive, negative),
    what: `penguins: ${positive} and ${negative === 'rest' ? 'the rest' : negative}`,
  });
  return columns && nVal !== undefined ? { kind, columns, positive, negative, nVal } : undefined;
}

/** A non-empty list of distinct column names, each one of `choices`. */
function readColumns<T extends string>(
  c: Checker,
  value: unknown,
  path: string,
  choices: readonly T[],
): T[] | undefined {
  if (!Array.isArray(value) || value.length === 0)
    return c.fail(path, 'a non-empty array of column names', value);
  const out: T[] = [];
  let ok = true;
  value.forEach((name, i) => {
    const column = c.oneOf(name, join(path, i), choices);
    if (column === undefined) ok = false;
    else if (out.includes(column)) {
      c.fail(join(path, i), `expected each column once, got ${JSON.stringify(column)} twice`);
      ok = false;
    } else out.push(column);
  });
  return ok ? out : undefined;
}

/** Validation rows: from 0 to one less than the table's rows, so that at least one row trains. */
function readNVal(
  c: Checker,
  value: unknown,
  path: string,
  fallback: number,
  { rows, what }: { rows: number; what: string },
): number | undefined {
  if (value === undefined) return fallback;
  return c.number(value, path, {
    min: 0,
    max: rows - 1,
    integer: true,
    expected: `an integer from 0 to ${rows - 1} (${rows} ${what}; at least one row must train)`,
  });
}
