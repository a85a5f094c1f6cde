import { type RunEvent, train } from '@decaylab/core';
import type { Sink } from '../format/sink.js';
import { pacedScheduler } from '../io/pacedScheduler.js';

/** How a run ended, as far as the CLI is concerned. */
export interface RunOutcome {
  readonly end: RunEvent & { type: 'end' };
  /** True when the run was stopped by `cancel()` (Ctrl-C, EPIPE, `q`). */
  readonly cancelled: boolean;
}

/** A live run: `done` settles when it ends; `cancel()` stops it and ends it with reason `cancelled`. */
export interface LiveRun {
  readonly done: Promise<RunOutcome>;
  cancel(): void;
}

/**
 * Trains `spec` in chunks, feeding each event to every sink, waiting on `gate()` between chunks
 * (stdout backpressure, pause). Cancelling emits `{type:'end', reason:'cancelled'}` to the sinks,
 * so a recording stays valid.
 *
 * @example
 * const live = startRun(spec, { every: 10, sinks: [ndjsonSink(out)], gate: () => out.drained() });
 * const { end } = await live.done;
 */
export function startRun(
  spec: unknown,
  {
    every = 1,
    sinks,
    gate,
    budgetMs = 40,
  }: {
    every?: number;
    sinks: readonly Sink[];
    gate: () => Promise<void> | undefined;
    budgetMs?: number;
  },
): LiveRun {
  let lastStep = 0;
  let settled = false;
  let resolve!: (o: RunOutcome) => void;
  let reject!: (e: unknown) => void;
  const done = new Promise<RunOutcome>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  const emit = (e: RunEvent) => {
    for (const s of sinks) s.event(e);
  };
  const subscription = train(spec, {
    every,
    scheduler: pacedScheduler({ gate }),
    budgetMs,
  }).subscribe({
    next(e) {
      if (e.type === 'step') lastStep = e.step;
      emit(e);
      if (e.type === 'end') {
        settled = true;
        resolve({ end: e, cancelled: false });
      }
    },
    error(error) {
      settled = true;
      reject(error);
    },
  });
  return {
    done,
    cancel() {
      if (settled) return;
      settled = true;
      subscription.unsubscribe();
      const end = { type: 'end', reason: 'cancelled', steps: lastStep } as const;
      emit(end);
      resolve({ end, cancelled: true });
    },
  };
}
