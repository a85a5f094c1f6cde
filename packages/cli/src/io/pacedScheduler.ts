import { type SchedulerAction, type SchedulerLike, Subscription } from 'rxjs';

/**
 * An RxJS scheduler for `train(spec, { scheduler })` that runs the next chunk only once `gate()`
 * resolves: the engine waits while stdout drains or the dashboard is paused, and Ctrl-C and
 * key presses are handled between chunks.
 *
 * @example
 * train(spec, { scheduler: pacedScheduler({ gate: () => out.drained() }), budgetMs: 30 })
 */
export function pacedScheduler({ gate }: { gate: () => Promise<void> | undefined }): SchedulerLike {
  const now = () => performance.now();
  function schedule<T>(
    this: void,
    work: (this: SchedulerAction<T>, state?: T) => void,
    _delay = 0,
    state?: T,
  ): Subscription {
    const sub = new Subscription();
    const action = sub as Subscription & SchedulerAction<T>;
    const run = (st: T | undefined) => {
      const go = () => {
        if (!sub.closed) work.call(action, st);
      };
      const waiting = gate();
      if (waiting) waiting.then(() => setImmediate(go));
      else setImmediate(go);
    };
    action.schedule = (st?: T) => {
      run(st);
      return action;
    };
    run(state);
    return sub;
  }
  return { now, schedule };
}
