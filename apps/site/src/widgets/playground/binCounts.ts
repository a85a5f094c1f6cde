/**
 * How many of `values` fall in each bin between consecutive `edges`, the way d3.bin (and so
 * Plot's binX) counts them: a value equal to an inner edge belongs to the bin above it, and the
 * last edge closes the last bin. Values outside [first edge, last edge] are not counted.
 *
 * @example
 * binCounts([0, 0.5, 1, 1, 2], [0, 1, 2]) // [2, 3]
 */
export function binCounts(values: readonly number[], edges: readonly number[]): number[] {
  const bins = Math.max(edges.length - 1, 0);
  const counts = new Array<number>(bins).fill(0);
  if (bins === 0) return counts;
  const first = edges[0] ?? Number.NaN;
  const last = edges.at(-1) ?? Number.NaN;
  for (const v of values) {
    if (!(v >= first && v <= last)) continue;
    // The bin: the number of inner edges ≤ v (binary search).
    let lo = 1;
    let hi = bins;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((edges[mid] as number) <= v) lo = mid + 1;
      else hi = mid;
    }
    const bin = Math.min(lo - 1, bins - 1);
    counts[bin] = (counts[bin] as number) + 1;
  }
  return counts;
}
