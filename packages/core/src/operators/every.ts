import { Observable, type OperatorFunction } from 'rxjs';
import type { RunEvent, StepEvent } from '../events.js';

/**
 * Keeps every n-th step event and always the last step before `end`; `run` and `end` pass.
 *
 * @example
 * train(spec).pipe(every(100)).subscribe(draw);
 */
export function every(n: number): OperatorFunction<RunEvent, RunEvent> {
  if (!Number.isInteger(n) || n < 1)
    throw new RangeError(`invalid every: ${n} (expected a positive integer)`);
  return (source) =>
    new Observable<RunEvent>((subscriber) => {
      let held: StepEvent | null = null;
      return source.subscribe({
        next(event) {
          if (event.type === 'step') {
            if (event.step % n === 0) {
              held = null;
              subscriber.next(event);
            } else held = event;
            return;
          }
          if (event.type === 'end' && held) subscriber.next(held);
          held = null;
          subscriber.next(event);
        },
        error: (e) => subscriber.error(e),
        complete: () => subscriber.complete(),
      });
    });
}
