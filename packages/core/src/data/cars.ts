import { SpecError } from '../spec/specError.js';
import type { InlineData } from '../spec/types.js';
import { CARS_TABLE } from './realTables.js';
import { splitTable } from './splitTable.js';

/** A column of the cars table that can be an input. */
export type CarsColumn =
  | 'cylinders'
  | 'displacement'
  | 'horsepower'
  | 'weight'
  | 'acceleration'
  | 'year';

/** Options for `cars`. */
export interface CarsOptions {
  /** The input columns, in order (default `['horsepower']`). */
  readonly columns?: readonly CarsColumn[];
  /** Rows held out for validation (default 92: 300 cars train). */
  readonly nVal?: number;
  /** Seeds the train/validation split (default 0). */
  readonly seed?: number;
}

const FEATURES: readonly CarsColumn[] = [
  'cylinders',
  'displacement',
  'horsepower',
  'weight',
  'acceleration',
  'year',
];

/**
 * The classic Auto MPG table as inline data: predict `mpg` from the chosen columns. 392 cars (rows
 * with a missing value dropped); a seeded split; inputs and mpg standardized by the training rows'
 * mean and std. Horsepower → mpg through a polynomial model is the classic overfitting demo.
 *
 * @example
 * train({ data: cars({ columns: ['horsepower'], seed: 1 }), model: { kind: 'polynomial', degree: 3 },
 *   optimizer: { kind: 'sgd', lr: 0.05 }, steps: 500 })
 */
export function cars({
  columns = ['horsepower'],
  nVal = 92,
  seed = 0,
}: CarsOptions = {}): InlineData {
  const all = CARS_TABLE.columns as readonly string[];
  if (columns.length === 0)
    throw new SpecError([{ path: 'columns', message: 'expected at least one column' }]);
  columns.forEach((c, i) => {
    if (!FEATURES.includes(c))
      throw new SpecError([
        {
          path: `columns[${i}]`,
          message: `expected one of ${FEATURES.join(', ')}, got ${JSON.stringify(c)}`,
        },
      ]);
  });
  const rows = CARS_TABLE.rows;
  if (!Number.isInteger(nVal) || nVal < 0 || nVal >= rows.length)
    throw new SpecError([
      { path: 'nVal', message: `expected an integer from 0 to ${rows.length - 1}, got ${nVal}` },
    ]);
  const index = columns.map((c) => all.indexOf(c));
  const x = rows.map((r) => index.map((j) => r[j] as number));
  const y = rows.map((r) => r[0] as number);
  return splitTable(x, y, { nVal, seed, standardizeTarget: true });
}
