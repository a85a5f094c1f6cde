import type { CarsColumn, PenguinSpecies, PenguinsColumn } from '../spec/types.js';
import { CARS_TABLE, PENGUINS_TABLE } from './realTables.js';

/** The cars columns that can be inputs: every column of the table but the target, `mpg`. */
export const CARS_COLUMNS = CARS_TABLE.columns.slice(1) as readonly CarsColumn[];
/** The penguin measurements that can be inputs: every column of the table but the species. */
export const PENGUINS_COLUMNS = PENGUINS_TABLE.columns.slice(1) as readonly PenguinsColumn[];
/** The penguin species, in the table's order (the species column holds their index). */
export const PENGUIN_SPECIES = PENGUINS_TABLE.species as readonly PenguinSpecies[];

/**
 * The penguins a two-class task keeps: every penguin against `'rest'`, else only the two species.
 *
 * @example
 * penguinRows('Adelie', 'Gentoo').length // 274
 */
export function penguinRows(
  positive: PenguinSpecies,
  negative: PenguinSpecies | 'rest',
): readonly (readonly number[])[] {
  const pos = PENGUIN_SPECIES.indexOf(positive);
  const neg = negative === 'rest' ? -1 : PENGUIN_SPECIES.indexOf(negative);
  return PENGUINS_TABLE.rows.filter((r) => neg < 0 || r[0] === pos || r[0] === neg);
}
