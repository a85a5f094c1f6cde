import { Checker } from '../spec/check.js';
import { DATA_DEFAULTS } from '../spec/defaults.js';
import { readRealData } from '../spec/readRealData.js';
import { SpecError } from '../spec/specError.js';
import type { InlineData, PenguinSpecies, PenguinsColumn, PenguinsData } from '../spec/types.js';
import { PENGUIN_SPECIES } from './realTableFacts.js';
import { PENGUINS_ROWS } from './realTableRows.js';
import { PENGUINS_TABLE } from './realTables.js';
import { splitTable } from './splitTable.js';

/** Options for `penguins`: the fields of a `{ kind: 'penguins' }` data spec, and the seed of the split. */
export interface PenguinsOptions {
  /** The input columns, in order (default `['beakLength', 'beakDepth']`). */
  readonly columns?: readonly PenguinsColumn[];
  /** The species labelled 1 (default `'Adelie'`). */
  readonly positive?: PenguinSpecies;
  /** The species labelled 0: one species (a pair) or `'rest'` (default). */
  readonly negative?: PenguinSpecies | 'rest';
  /** Rows held out for validation (default 100). */
  readonly nVal?: number;
  /** Seeds the train/validation split (default 0; in a spec, the spec's `seed`). */
  readonly seed?: number;
}

/**
 * The Palmer penguins as a two-class task in inline data: `positive` (label 1) against another
 * species or the rest (label 0), from the chosen measurements. 342 penguins (rows with a missing
 * measurement dropped); a seeded split; inputs standardized by the training rows' mean and std.
 * The same rows as the spec's `data: { kind: 'penguins', … }` with the spec's `seed`.
 *
 * @example
 * train({ data: penguins({ positive: 'Adelie', negative: 'Gentoo' }), model: { kind: 'logistic' },
 *   optimizer: { kind: 'sgd', lr: 0.5 }, steps: 200 })
 */
export function penguins({
  columns = DATA_DEFAULTS.penguins.columns,
  positive = DATA_DEFAULTS.penguins.positive,
  negative = DATA_DEFAULTS.penguins.negative,
  nVal = DATA_DEFAULTS.penguins.nVal,
  seed = 0,
}: PenguinsOptions = {}): InlineData {
  const c = new Checker();
  const value = { kind: 'penguins', columns, positive, negative, nVal };
  const spec = readRealData(c, value, 'penguins', '');
  if (!spec || c.issues.length > 0) throw new SpecError(c.issues);
  return penguinsRows(spec as PenguinsData, seed);
}

/**
 * The rows of a normalized `penguins` data spec, split by `seed` (no validation: `parseSpec` did it).
 *
 * @example
 * penguinsRows({ kind: 'penguins', columns: ['bodyMass'], positive: 'Gentoo', negative: 'rest', nVal: 100 }, 0)
 */
export function penguinsRows(
  { columns, positive, negative, nVal }: PenguinsData,
  seed: number,
): InlineData {
  const all = PENGUINS_TABLE.columns as readonly string[];
  const pos = PENGUIN_SPECIES.indexOf(positive);
  const neg = negative === 'rest' ? -1 : PENGUIN_SPECIES.indexOf(negative);
  // Every penguin against the rest, else only the two species'.
  const rows = PENGUINS_ROWS.filter((r) => neg < 0 || r[0] === pos || r[0] === neg);
  const index = columns.map((c) => all.indexOf(c));
  const x = rows.map((r) => index.map((j) => r[j] as number));
  const y = rows.map((r) => (r[0] === pos ? 1 : 0));
  return splitTable(x, y, { nVal, seed, standardizeTarget: false });
}
