import { pow } from '../math/pow.js';
import { rng, STREAM } from '../random/rng.js';
import type { Dataset, InlineData } from '../spec/types.js';

/** Options shared by the real tables: how many rows to hold out, and the seed of the split. */
export interface SplitOptions {
  /** Rows held out for validation (the rest train). */
  readonly nVal: number;
  /** Seeds the shuffle that splits the rows (the data stream of `rng`, as the generators use). */
  readonly seed: number;
  /** Standardize the target column too (regression), with the training rows' mean and std. */
  readonly standardizeTarget: boolean;
}

/**
 * Splits labelled rows into training and validation sets with a seeded shuffle, and standardizes
 * every feature column (and, optionally, the target) by the training rows' mean and standard
 * deviation, so that no validation statistic leaks into training. The one home of the split rule:
 * `cars`, `penguins` and the site's pasted CSV data all split through it.
 *
 * @example
 * splitTable([[1], [2], [3], [4]], [0, 1, 0, 1], { nVal: 1, seed: 0, standardizeTarget: false })
 */
export function splitTable(
  x: readonly (readonly number[])[],
  y: readonly number[],
  { nVal, seed, standardizeTarget }: SplitOptions,
): InlineData {
  const order = Array.from({ length: y.length }, (_, i) => i);
  const r = rng(seed, STREAM.data);
  for (let i = order.length - 1; i > 0; i--) {
    const j = r.int(i + 1);
    const t = order[i] as number;
    order[i] = order[j] as number;
    order[j] = t;
  }
  const valRows = order.slice(0, nVal);
  const trainRows = order.slice(nVal);
  const width = x[0]?.length ?? 0;
  const stats = (values: number[]) => {
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    const std = Math.sqrt(values.reduce((s, v) => s + pow(v - mean, 2), 0) / values.length);
    return { mean, std: std > 0 ? std : 1 };
  };
  const xStats = Array.from({ length: width }, (_, j) =>
    stats(trainRows.map((i) => (x[i] as readonly number[])[j] as number)),
  );
  const yStats = standardizeTarget
    ? stats(trainRows.map((i) => y[i] as number))
    : { mean: 0, std: 1 };
  const take = (rows: number[]): Dataset => ({
    x: rows.map((i) =>
      (x[i] as readonly number[]).map((v, j) => {
        const s = xStats[j] as { mean: number; std: number };
        return (v - s.mean) / s.std;
      }),
    ),
    y: rows.map((i) => ((y[i] as number) - yStats.mean) / yStats.std),
  });
  const train = take(trainRows);
  return nVal > 0 ? { train, val: take(valRows) } : { train };
}
