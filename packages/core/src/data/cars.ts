import { Checker } from '../spec/check.js';
import { DATA_DEFAULTS } from '../spec/defaults.js';
import { readRealData } from '../spec/readRealData.js';
import { SpecError } from '../spec/specError.js';
import type { CarsColumn, CarsData, InlineData } from '../spec/types.js';
import { CARS_ROWS } from './realTableRows.js';
import { CARS_TABLE } from './realTables.js';
import { splitTable } from './splitTable.js';

/** Options for `cars`: the fields of a `{ kind: 'cars' }` data spec, and the seed of the split. */
export interface CarsOptions {
  /** The input columns, in order (default `['horsepower']`). */
  readonly columns?: readonly CarsColumn[];
  /** Rows held out for validation (default 92: 300 cars train). */
  readonly nVal?: number;
  /** Seeds the train/validation split (default 0; in a spec, the spec's `seed`). */
  readonly seed?: number;
}

/**
 * The classic Auto MPG table as inline data: predict `mpg` from the chosen columns. 392 cars (rows
 * with a missing value dropped); a seeded split; inputs and mpg standardized by the training rows'
 * mean and std. Horsepower → mpg through a polynomial model is the classic overfitting demo. The
 * same rows as the spec's `data: { kind: 'cars', columns, nVal }` with the spec's `seed`.
 *
 * @example
 * train({ data: cars({ columns: ['horsepower'], seed: 1 }), model: { kind: 'polynomial', degree: 3 },
 *   optimizer: { kind: 'sgd', lr: 0.05 }, steps: 500 })
 */
export function cars({
  columns = DATA_DEFAULTS.cars.columns,
  nVal = DATA_DEFAULTS.cars.nVal,
  seed = 0,
}: CarsOptions = {}): InlineData {
  const c = new Checker();
  const spec = readRealData(c, { kind: 'cars', columns, nVal }, 'cars', '');
  if (!spec || c.issues.length > 0) throw new SpecError(c.issues);
  return carsRows(spec as CarsData, seed);
}

/**
 * The rows of a normalized `cars` data spec, split by `seed` (no validation: `parseSpec` did it).
 *
 * @example
 * carsRows({ kind: 'cars', columns: ['weight'], nVal: 92 }, 0).train.y.length // 300
 */
export function carsRows({ columns, nVal }: CarsData, seed: number): InlineData {
  const all = CARS_TABLE.columns as readonly string[];
  const index = columns.map((c) => all.indexOf(c));
  const x = CARS_ROWS.map((r) => index.map((j) => r[j] as number));
  const y = CARS_ROWS.map((r) => r[0] as number);
  return splitTable(x, y, { nVal, seed, standardizeTarget: true });
}
