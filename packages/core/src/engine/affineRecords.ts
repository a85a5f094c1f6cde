import type { ParamLayout } from '../models/paramLayout.js';
import { copySlice } from './copySlice.js';

/**
 * The layout of the linear, polynomial and logistic models: `weight`, then a one-value `bias`.
 *
 * @example
 * isAffine(paramLayout([['weight', [1, 3]], ['bias', [1]]])) // true
 */
export function isAffine({ names, sizes }: ParamLayout): boolean {
  return names.length === 2 && names[0] === 'weight' && names[1] === 'bias' && sizes[1] === 1;
}

/**
 * A record of both parameters of the affine layout from a flat buffer: `weight` is
 * buf[0 .. width), `bias` is buf[width]. Plain functions taking the sizes (not closures made per
 * run) so that V8 inlines them into the step event (with the plain SGD binding, 5-10 % fewer
 * instructions a step on the 2-parameter line problem than per-run record closures, counted
 * with cachegrind). Internal.
 *
 * @example
 * affineRecord(Float64Array.of(0.5, -1, 2), 2, packedBlank(2)); // { weight: [0.5, -1], bias: [2] }
 */
export function affineRecord(
  buf: Float64Array,
  width: number,
  blank: readonly number[],
): Record<string, number[]> {
  return { weight: copySlice(blank, buf, 0, width), bias: [buf[width] as number] };
}

/**
 * The `norms` record of the affine layout: ‖weight‖₂ summed in index order (the NDJSON bytes
 * depend on it) and √(bias²) (not |bias|, which differs where bias² under- or overflows).
 * Internal.
 *
 * @example
 * affineNorms(Float64Array.of(3, 4, -2), 2); // { weight: 5, bias: 2 }
 */
export function affineNorms(theta: Float64Array, width: number): Record<string, number> {
  let s = 0;
  for (let i = 0; i < width; i++) s += (theta[i] as number) * (theta[i] as number);
  const b = theta[width] as number;
  return { weight: Math.sqrt(s), bias: Math.sqrt(b * b) };
}
