import { Observable, type SchedulerLike } from 'rxjs';
import { Session } from './engine/session.js';
import type { RunEvent } from './events.js';
import { parseSpec } from './spec/parseSpec.js';

/** Options for `train`. */
export interface TrainOptions {
  /** Emit every n-th step event, and always the last. Skipped steps build no event. Default 1. */
  readonly every?: number;
  /**
   * Run in chunks on this scheduler (for example `animationFrameScheduler` or `asyncScheduler`
   * in a browser) so that no task blocks the main thread. Without one, a run is synchronous
   * and goes at full speed (what Node wants).
   */
  readonly scheduler?: SchedulerLike;
  /** With a scheduler: end a chunk once `scheduler.now()` has advanced this many ms. Default 12. */
  readonly budgetMs?: number;
  /** With a scheduler: end a chunk after at most this many steps. Default unlimited. */
  readonly chunkSteps?: number;
  /** With a scheduler: the delay in ms before the next chunk. Default 0. */
  readonly interval?: number;
}

/**
 * Trains the model a RunSpec describes and streams what happens: a `run` event, one `step`
 * event per step (or per `every` steps), then an `end` event, then completion.
 *
 * The Observable is cold: each subscription is one independent run, and unsubscribing stops
 * the computation. An invalid spec makes it error with a `SpecError` before any step.
 *
 * @example
 * train({
 *   data: { kind: 'line', n: 20 },
 *   model: { kind: 'polynomial', degree: 9 },
 *   optimizer: { kind: 'sgd', lr: 0.1, weightDecay: 1e-3 },
 *   steps: 500,
 * }, { every: 50 }).subscribe((e) => {
 *   if (e.type === 'step') console.log(e.step, e.loss.total, e.norms.weight);
 * });
 */
export function train(spec: unknown, options: TrainOptions = {}): Observable<RunEvent> {
  const { every = 1, scheduler, budgetMs = 12, chunkSteps = Infinity, interval = 0 } = options;
  if (!Number.isInteger(every) || every < 1) {
    throw new RangeError(`invalid every: ${every} (expected a positive integer)`);
  }
  return new Observable<RunEvent>((subscriber) => {
    let session: Session;
    try {
      session = new Session(parseSpec(spec));
    } catch (error) {
      subscriber.error(error);
      return;
    }
    const total = session.spec.steps;
    let started = false;

    /**
     * Runs steps until done, closed, or the chunk is over (`deadline`, checked after each step;
     * null without a scheduler); returns true when the run ended.
     */
    const work = (deadline: (() => boolean) | null): boolean => {
      if (!started) {
        started = true;
        subscriber.next(session.start());
      }
      while (!subscriber.closed && session.step < total) {
        const step = session.step + 1;
        const outcome = session.next(step % every === 0 || step === total);
        if (outcome === 'diverged') {
          subscriber.next({ type: 'end', reason: 'diverged', steps: session.step, step });
          subscriber.complete();
          return true;
        }
        if (outcome !== null) subscriber.next(outcome);
        if (deadline?.()) break;
      }
      if (subscriber.closed) return true;
      if (session.step >= total) {
        subscriber.next({ type: 'end', reason: 'completed', steps: session.step });
        subscriber.complete();
        return true;
      }
      return false;
    };

    if (!scheduler) {
      try {
        work(null);
      } catch (error) {
        subscriber.error(error);
      }
      return;
    }
    return scheduler.schedule(function chunk() {
      const start = scheduler.now();
      let steps = 0;
      try {
        const done = work(() => ++steps >= chunkSteps || scheduler.now() - start >= budgetMs);
        if (!done) this.schedule(undefined, interval);
      } catch (error) {
        subscriber.error(error);
      }
    });
  });
}
