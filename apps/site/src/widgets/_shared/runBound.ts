import type { StepEvent } from '@decaylab/core';

/**
 * When a widget's run counts as diverged. A run diverges when its loss or a weight becomes
 * non-finite, its loss grows past `lossFactor` × its first loss, or a weight's size passes
 * `maxWeight`. Each widget sets its own (a chapter that diverges on purpose may be stricter).
 */
export interface RunBound {
  /** Default 1e3: loss > 1e3 × the first step's loss. */
  readonly lossFactor?: number;
  /** Default 1e6: |θᵢ| > 1e6 for some weight. */
  readonly maxWeight?: number;
  /**
   * The loss at step 1, when the events start later (`every` > 1: the first event is step
   * `every`'s, which may already be far past the start). Default: the first event's loss.
   */
  readonly initialLoss?: number;
}

/** Where and why a run left its bound. Plain data (tests and status lines read it). */
export interface Divergence {
  /** Index of the run (into the specs given to the player). */
  readonly run: number;
  /** The first step at which the run was seen outside its bound. */
  readonly step: number;
  /** `non-finite`: NaN or ±∞; `loss`: loss past lossFactor × first loss; `weights`: |θᵢ| > maxWeight. */
  readonly why: 'non-finite' | 'loss' | 'weights';
  /** The run's total loss at that step (may be non-finite). */
  readonly loss: number;
  /** The run's total loss at its first step. */
  readonly initialLoss: number;
  /** The largest |θᵢ| at that step. */
  readonly maxWeight: number;
}

/** The default bound: loss > 1e3 × its first value, or |θᵢ| > 1e6. */
export const DEFAULT_BOUND: Required<Omit<RunBound, 'initialLoss'>> = {
  lossFactor: 1e3,
  maxWeight: 1e6,
};

/**
 * A checker for one run: feed it every step event; it returns a `Divergence` the first time
 * the run leaves its bound (and `undefined` otherwise). Stateful (it keeps the first loss):
 * make one per run.
 *
 * @example
 * const check = boundCheck({ lossFactor: 100 }, 0);
 * train(spec).subscribe((e) => { if (e.type === 'step' && check(e)) console.log('diverged') });
 */
export function boundCheck(
  {
    lossFactor = DEFAULT_BOUND.lossFactor,
    maxWeight = DEFAULT_BOUND.maxWeight,
    initialLoss: start,
  }: RunBound,
  run: number,
): (event: StepEvent) => Divergence | undefined {
  let initialLoss: number | undefined = start;
  return (event) => {
    const loss = event.loss.total;
    initialLoss ??= loss;
    let largest = 0;
    let finite = Number.isFinite(loss);
    for (const values of Object.values(event.params)) {
      for (const v of values) {
        if (!Number.isFinite(v)) finite = false;
        else if (Math.abs(v) > largest) largest = Math.abs(v);
      }
    }
    const why = !finite
      ? 'non-finite'
      : loss > lossFactor * Math.max(initialLoss, Number.MIN_VALUE)
        ? 'loss'
        : largest > maxWeight
          ? 'weights'
          : undefined;
    return why && { run, step: event.step, why, loss, initialLoss, maxWeight: largest };
  };
}
