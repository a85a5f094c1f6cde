import type { RunTrace } from './RunTrace';

/** How far a finished run's loss is from the loss of predicting 0, when that is worth saying. */
export interface FarOff {
  /** The training loss (with its penalty) at the last step. */
  readonly loss: number;
  /** The mse of predicting 0 for every training row: mean(y²). */
  readonly baseline: number;
}

/**
 * A finished mse run whose training loss ended more than `factor` times above the loss of
 * predicting 0 (mean y², about 1 on standardized targets), or null. Such a run did not diverge
 * (its loss may even have fallen from an enormous start) but fits nothing: a high polynomial
 * degree on inputs beyond ±1 (the cars' standardized horsepower reaches 3.2, so x³⁰ ≈ 10¹⁵) is
 * the usual cause, and the page says so instead of a silent "done".
 *
 * @example
 * farOff(trace) // { loss: 3.6e21, baseline: 1 } for degree 30 on cars
 */
export function farOff(trace: RunTrace, { factor = 100 } = {}): FarOff | null {
  const train = trace.data?.train;
  const last = trace.loss[trace.loss.length - 1];
  if (trace.spec?.loss !== 'mse' || !train || train.y.length === 0 || !last) return null;
  let sum = 0;
  for (const y of train.y) sum += y * y;
  const baseline = sum / train.y.length;
  return last.train > factor * Math.max(baseline, Number.MIN_VALUE)
    ? { loss: last.train, baseline }
    : null;
}
