import { logTicks } from '@decaylab/charts/data';

/**
 * Ticks for a log axis over the values a chart draws (its positive finite ones), every one
 * labelled: pass them as Plot's `ticks`. Plot's own log ticks leave most labels blank on a range
 * of about a decade or less (a loss from 0.55 to 0.7 got four ticks and no label).
 *
 * @example
 * y: { type: 'log', ticks: logTicksOf(losses.map((d) => d.loss)), tickFormat: '~g' }
 */
export function logTicksOf(values: Iterable<number | undefined>, count = 5): number[] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (v === undefined || !(v > 0) || !Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? logTicks(lo, hi, { count }) : [];
}
