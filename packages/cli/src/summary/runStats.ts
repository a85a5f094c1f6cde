import {
  type EndEvent,
  type RunEvent,
  type RunStartEvent,
  type RunSummary,
  summarize,
} from '@decaylab/core';
import { Subject } from 'rxjs';

function norm(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v * v;
  return Math.sqrt(s);
}

/** A run's summary (core's `summarize()`) plus what decay did to each parameter. */
export interface RunReport {
  readonly summary: RunSummary;
  readonly run: RunStartEvent | null;
  /** The end event, when the recording has one. */
  readonly end: EndEvent | null;
  /**
   * Per parameter, Σ over the recorded steps of ‖lr·decayGrad + decoupledDecay‖: how far decay
   * pulled the parameter towards zero (exact for plain SGD; for momentum and Adam the coupled
   * part goes through the optimizer's state, so it is the size of the decay term fed in).
   */
  readonly decayPull: { readonly [param: string]: number };
  /** How many step events were seen. */
  readonly stepEvents: number;
}

/**
 * Accumulates a run's events into a `RunReport`, via core's `summarize()`.
 *
 * @example
 * const stats = runStats();
 * events.forEach((e) => stats.add(e));
 * const report = stats.finish();
 */
export function runStats() {
  const subject = new Subject<RunEvent>();
  let summary: RunSummary | null = null;
  subject.pipe(summarize()).subscribe((s) => {
    summary = s;
  });
  let run: RunStartEvent | null = null;
  let end: EndEvent | null = null;
  let stepEvents = 0;
  const decayPull: Map<string, number> = new Map();
  /** Each parameter's learning rate, as the run event's `paramHyper` resolved it. */
  let lrOf: Map<string, number> = new Map();
  return {
    add(e: RunEvent): void {
      if (e.type === 'run') {
        run = e;
        if (e.paramHyper) {
          lrOf = new Map(Object.entries(e.paramHyper).map(([k, h]) => [k, h.lr]));
        } else {
          // A recording made before `paramHyper` (events.md, Versioning): resolve the groups here.
          const { optimizer, paramGroups } = e.spec;
          lrOf = new Map(Object.keys(e.shapes).map((k) => [k, optimizer.lr]));
          for (const g of paramGroups) for (const k of g.params) lrOf.set(k, g.lr ?? optimizer.lr);
        }
        for (const k of Object.keys(e.shapes)) decayPull.set(k, 0);
      } else if (e.type === 'step') {
        stepEvents += 1;
        if (e.decayGrad) {
          for (const [k, v] of Object.entries(e.decayGrad))
            decayPull.set(k, (decayPull.get(k) ?? 0) + (lrOf.get(k) ?? e.lr) * norm(v));
        }
        if (e.decoupledDecay) {
          for (const [k, v] of Object.entries(e.decoupledDecay))
            decayPull.set(k, (decayPull.get(k) ?? 0) + norm(v));
        }
      } else end = e;
      subject.next(e);
    },
    finish(): RunReport {
      subject.complete();
      return {
        summary: summary as unknown as RunSummary,
        run,
        end,
        decayPull: Object.assign(Object.create(null), Object.fromEntries(decayPull)),
        stepEvents,
      };
    },
  };
}
