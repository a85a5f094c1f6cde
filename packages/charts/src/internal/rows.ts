import type { Point } from '../types.js';

/** One row of a long-format table as Plot's marks read it. */
export interface Row {
  readonly step: number;
  readonly value: number;
  /** The line this row belongs to (`train`, `val`, a parameter name, `run · val`). */
  readonly series: string;
  /** `val` rows are drawn dashed. */
  readonly dashed: boolean;
}

/** Tags points with their series, dropping non-finite values (and non-positive ones on a log scale). */
export function rows(
  points: readonly Point[],
  series: string,
  dashed: boolean,
  log: boolean,
): Row[] {
  const out: Row[] = [];
  for (const p of points) {
    if (!Number.isFinite(p.value) || (log && p.value <= 0)) continue;
    out.push({ step: p.step, value: p.value, series, dashed });
  }
  return out;
}
