import { Observable, type OperatorFunction } from 'rxjs';
import type { EndReason, LossValues, RunEvent, StepEvent } from '../events.js';
import type { RunSpec } from '../spec/types.js';

/** What `summarize()` reports about a run. */
export interface RunSummary {
  readonly spec: RunSpec | null;
  readonly reason: EndReason | null;
  readonly steps: number;
  /** The last step event's losses and norms. */
  readonly final: {
    readonly step: number;
    readonly loss: LossValues;
    readonly val?: number;
    readonly norms: { readonly [name: string]: number };
  } | null;
  /** The step with the lowest validation loss (or, without validation data, the lowest total loss). */
  readonly best: {
    readonly step: number;
    readonly metric: 'val' | 'total';
    readonly value: number;
  } | null;
  /** ‖θ‖ before training, from the run header. */
  readonly initialNorms: { readonly [name: string]: number };
  /** Final ‖θ‖ divided by initial ‖θ‖ per parameter (below 1: decay shrank it). */
  readonly shrink: { readonly [name: string]: number };
}

function norm(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v * v;
  return Math.sqrt(s);
}

/**
 * Reduces a run's events to one `RunSummary` when the source completes: final and best
 * metrics, and how much each parameter's norm changed.
 *
 * @example
 * train(spec).pipe(summarize()).subscribe((s) => console.log(s.best, s.final?.val));
 */
export function summarize(): OperatorFunction<RunEvent, RunSummary> {
  return (source) =>
    new Observable<RunSummary>((subscriber) => {
      let spec: RunSpec | null = null;
      let reason: EndReason | null = null;
      let steps = 0;
      let last: StepEvent | null = null;
      let best: RunSummary['best'] = null;
      const initialNorms: Record<string, number> = {};
      return source.subscribe({
        next(e) {
          if (e.type === 'run') {
            spec = e.spec;
            for (const [k, v] of Object.entries(e.params ?? {})) initialNorms[k] = norm(v);
          } else if (e.type === 'step') {
            last = e;
            steps = e.step;
            const metric = e.val ? 'val' : 'total';
            const value = e.val ? e.val.loss : e.loss.total;
            if (!best || value < best.value) best = { step: e.step, metric, value };
          } else {
            reason = e.reason;
            steps = e.steps;
          }
        },
        error: (err) => subscriber.error(err),
        complete() {
          const fin = last as StepEvent | null;
          const shrink: Record<string, number> = {};
          if (fin) {
            for (const [k, n] of Object.entries(fin.norms)) {
              const n0 = initialNorms[k];
              if (n0 !== undefined && n0 > 0) shrink[k] = n / n0;
            }
          }
          subscriber.next({
            spec,
            reason,
            steps,
            final: fin
              ? {
                  step: fin.step,
                  loss: fin.loss,
                  ...(fin.val ? { val: fin.val.loss } : {}),
                  norms: fin.norms,
                }
              : null,
            best,
            initialNorms,
            shrink,
          });
          subscriber.complete();
        },
      });
    });
}
