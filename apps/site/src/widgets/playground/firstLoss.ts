import type { RunSpec, train as Train } from '@decaylab/core';

/**
 * The total loss at step 1 of a run (a one-step run of the same spec, synchronous): the
 * divergence bound's reference when the page sees only every n-th step, whose first event
 * (step n) may already be far past the start. `undefined` when the step is not finite.
 *
 * @example
 * const initialLoss = firstLoss(train, spec); // then RunPlayer's bound: { initialLoss }
 */
export function firstLoss(train: typeof Train, spec: RunSpec): number | undefined {
  let loss: number | undefined;
  const sub = train({ ...spec, steps: 1 }).subscribe({
    next: (event) => {
      if (event.type === 'step' && Number.isFinite(event.loss.total)) loss = event.loss.total;
    },
    error: () => {
      loss = undefined;
    },
  });
  sub.unsubscribe();
  return loss;
}
