import type { CarsColumn, PenguinSpecies, PenguinsColumn } from '../spec/types.js';
import { CARS_TABLE, PENGUINS_TABLE } from './realTables.js';

// What spec checks know of the real tables without their rows (realTableRows.ts), which only
// training reads.

/** The cars columns that can be inputs: every column of the table but the target, `mpg`. */
export const CARS_COLUMNS = CARS_TABLE.columns.slice(1) as readonly CarsColumn[];
/** The penguin measurements that can be inputs: every column of the table but the species. */
export const PENGUINS_COLUMNS = PENGUINS_TABLE.columns.slice(1) as readonly PenguinsColumn[];
/** The penguin species, in the table's order (the species column holds their index). */
export const PENGUIN_SPECIES = PENGUINS_TABLE.species as readonly PenguinSpecies[];

/**
 * How many penguins a two-class task keeps: every penguin against `'rest'`, else only the two
 * species'.
 *
 * @example
 * penguinCount('Adelie', 'Gentoo') // 274
 */
export function penguinCount(positive: PenguinSpecies, negative: PenguinSpecies | 'rest'): number {
  const { counts } = PENGUINS_TABLE;
  if (negative === 'rest') return counts.reduce((a, b) => a + b, 0);
  return (
    (counts[PENGUIN_SPECIES.indexOf(positive)] as number) +
    (counts[PENGUIN_SPECIES.indexOf(negative)] as number)
  );
}
