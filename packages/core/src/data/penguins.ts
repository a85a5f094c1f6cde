import { SpecError } from '../spec/specError.js';
import type { InlineData } from '../spec/types.js';
import { PENGUINS_TABLE } from './realTables.js';
import { splitTable } from './splitTable.js';

export type PenguinSpecies = 'Adelie' | 'Chinstrap' | 'Gentoo';
export type PenguinsColumn = 'beakLength' | 'beakDepth' | 'flipperLength' | 'bodyMass';

/** Options for `penguins`. */
export interface PenguinsOptions {
  /** The input columns, in order (default `['beakLength', 'beakDepth']`). */
  readonly columns?: readonly PenguinsColumn[];
  /** The species labelled 1 (default `'Adelie'`). */
  readonly positive?: PenguinSpecies;
  /** The species labelled 0: one species (a pair) or `'rest'` (default). */
  readonly negative?: PenguinSpecies | 'rest';
  /** Rows held out for validation (default 100). */
  readonly nVal?: number;
  /** Seeds the train/validation split (default 0). */
  readonly seed?: number;
}

/**
 * The Palmer penguins as a two-class task in inline data: `positive` (label 1) against another
 * species or the rest (label 0), from the chosen measurements. 342 penguins (rows with a missing
 * measurement dropped); a seeded split; inputs standardized by the training rows' mean and std.
 *
 * @example
 * train({ data: penguins({ positive: 'Adelie', negative: 'Gentoo' }), model: { kind: 'logistic' },
 *   optimizer: { kind: 'sgd', lr: 0.5 }, steps: 200 })
 */
export function penguins({
  columns = ['beakLength', 'beakDepth'],
  positive = 'Adelie',
  negative = 'rest',
  nVal = 100,
  seed = 0,
}: PenguinsOptions = {}): InlineData {
  const all = PENGUINS_TABLE.columns as readonly string[];
  const species = PENGUINS_TABLE.species as readonly string[];
  const fail = (path: string, message: string): never => {
    throw new SpecError([{ path, message }]);
  };
  if (columns.length === 0) fail('columns', 'expected at least one column');
  columns.forEach((c, i) => {
    if ((c as string) === 'species' || !all.includes(c))
      fail(`columns[${i}]`, `expected one of ${all.slice(1).join(', ')}, got ${JSON.stringify(c)}`);
  });
  const pos = species.indexOf(positive);
  if (pos < 0)
    fail('positive', `expected one of ${species.join(', ')}, got ${JSON.stringify(positive)}`);
  const neg = negative === 'rest' ? -1 : species.indexOf(negative);
  if (negative !== 'rest' && (neg < 0 || neg === pos))
    fail(
      'negative',
      `expected "rest" or a species other than ${positive}, got ${JSON.stringify(negative)}`,
    );
  const rows = PENGUINS_TABLE.rows.filter((r) => neg < 0 || r[0] === pos || r[0] === neg);
  if (!Number.isInteger(nVal) || nVal < 0 || nVal >= rows.length)
    fail('nVal', `expected an integer from 0 to ${rows.length - 1}, got ${nVal}`);
  const index = columns.map((c) => all.indexOf(c));
  const x = rows.map((r) => index.map((j) => r[j] as number));
  const y = rows.map((r) => (r[0] === pos ? 1 : 0));
  return splitTable(x, y, { nVal, seed, standardizeTarget: false });
}
