import type { ParamLayout } from '../models/paramLayout.js';

/** ‖θ‖₂ of every parameter of a flat θ, keyed by name. */
export type NormsMaker = (theta: Float64Array) => Record<string, number>;

/**
 * The maker of a step event's `norms` record: ‖θ_p‖₂ of every parameter, each summed in index
 * order (the NDJSON bytes depend on it). (`EventPlan` uses `affineNorms` for the affine layout.)
 * Internal.
 *
 * @example
 * normsMaker(layout)(theta); // { '0.weight': 1.41, '0.bias': 0.3 }
 */
export function normsMaker(layout: ParamLayout): NormsMaker {
  const { names, offsets, sizes } = layout;
  const norm = (theta: Float64Array, p: number): number => {
    const o = offsets[p] as number;
    const end = o + (sizes[p] as number);
    let s = 0;
    for (let i = o; i < end; i++) s += (theta[i] as number) * (theta[i] as number);
    return Math.sqrt(s);
  };
  const m = names.length;
  const [k0 = '', k1 = ''] = names;
  return (theta) => {
    const rec: Record<string, number> = {};
    if (m > 0) rec[k0] = norm(theta, 0);
    if (m > 1) rec[k1] = norm(theta, 1);
    for (let p = 2; p < m; p++) rec[names[p] as string] = norm(theta, p);
    return rec;
  };
}
