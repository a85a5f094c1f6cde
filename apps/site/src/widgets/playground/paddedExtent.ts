/**
 * The range of the finite `values` (and `include`, when given), widened by `pad` of its width
 * on each side; a single value or none gets a unit on each side. A loop, not `Math.min(...v)`:
 * the largest mlp has 458 k weights, past the engine's limit on spread arguments.
 *
 * @example
 * paddedExtent([0, 10], { pad: 0.05 }) // [-0.5, 10.5]
 */
export function paddedExtent(
  values: Iterable<number>,
  { pad = 0.05, include }: { pad?: number; include?: number } = {},
): [number, number] {
  let lo = include ?? Number.POSITIVE_INFINITY;
  let hi = include ?? Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!(hi > lo)) [lo, hi] = Number.isFinite(lo) ? [lo - 1, hi + 1] : [-1, 1];
  const d = (hi - lo) * pad;
  return [lo - d, hi + d];
}
