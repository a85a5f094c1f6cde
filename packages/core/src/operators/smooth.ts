import { defer, map, type OperatorFunction } from 'rxjs';
import { pow } from '../math/pow.js';

/**
 * TensorBoard's debiased exponential moving average: with weight w in [0, 1),
 * s ← w·s + (1 − w)·x and the output s / (1 − wᵏ) after k finite values. Non-finite values
 * pass through unchanged.
 *
 * @example
 * train(spec).pipe(filter(isStep), map((e) => e.loss.total), smooth(0.9))
 */
export function smooth(weight: number): OperatorFunction<number, number> {
  if (!(weight >= 0 && weight < 1))
    throw new RangeError(`invalid smooth weight: ${weight} (expected a number in [0, 1))`);
  // defer: each subscription gets its own running average (the operator is cold).
  return (source) =>
    defer(() => {
      let last = 0;
      let count = 0;
      return source.pipe(
        map((x) => {
          if (!Number.isFinite(x)) return x;
          last = last * weight + (1 - weight) * x;
          count += 1;
          return last / (1 - pow(weight, count));
        }),
      );
    });
}
