import { type SchedulerAction, type SchedulerLike, Subscription } from 'rxjs';

/** One piece of scheduled work (a chunk of a `train()` run). */
class ClockAction<T> extends Subscription implements SchedulerAction<T> {
  private state: T | undefined;

  constructor(
    private readonly clock: Clock,
    private readonly work: (this: SchedulerAction<T>, state?: T) => void,
  ) {
    super();
  }

  schedule(state?: T): Subscription {
    if (this.closed) return this;
    this.state = state;
    this.clock.enqueue(this as ClockAction<unknown>);
    return this;
  }

  execute(): void {
    if (!this.closed) this.work.call(this, this.state);
  }
}

/**
 * An RxJS scheduler that runs the queued chunks of `train()` runs once per animation frame and
 * can be paused and single-stepped. All chunks of one frame share `frameBudgetMs`, so several
 * runs side by side never block the main thread for long.
 *
 * Stepping works through `train`'s budget check: during `step(n)`, `now()` reports that the
 * budget is spent after n steps, so each run does exactly n steps (at most its `chunkSteps`).
 *
 * @example
 * const clock = new Clock({ frameBudgetMs: 10 });
 * train(spec, { scheduler: clock, budgetMs: 8, chunkSteps: 5 }).subscribe(onEvent);
 * clock.pause(); clock.step(5); clock.play();
 */
export class Clock implements SchedulerLike {
  private queue: ClockAction<unknown>[] = [];
  private frame = 0;
  private playing: boolean;
  private stepCalls = -1;
  private readonly frameBudgetMs: number;

  constructor({
    frameBudgetMs = 10,
    playing = true,
  }: { frameBudgetMs?: number; playing?: boolean } = {}) {
    this.frameBudgetMs = frameBudgetMs;
    this.playing = playing;
  }

  now(): number {
    if (this.stepCalls < 0) return performance.now();
    // Single-stepping: the chunk's first call is its start, each later call follows one step.
    return this.stepCalls-- > 0 ? 0 : Number.MAX_SAFE_INTEGER;
  }

  schedule<T>(
    work: (this: SchedulerAction<T>, state?: T) => void,
    _delay = 0,
    state?: T,
  ): Subscription {
    return new ClockAction<T>(this, work).schedule(state);
  }

  /** @internal Queues an action for the next frame. */
  enqueue(action: ClockAction<unknown>): void {
    this.queue.push(action);
    this.request();
  }

  /** True while there is queued work (a run has not finished). */
  get busy(): boolean {
    return this.queue.some((a) => !a.closed);
  }

  get isPlaying(): boolean {
    return this.playing;
  }

  play(): void {
    this.playing = true;
    this.request();
  }

  pause(): void {
    this.playing = false;
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  /** Runs every queued run for `steps` steps right now (while paused). */
  step(steps: number): void {
    const queued = this.queue;
    this.queue = [];
    for (const action of queued) {
      this.stepCalls = steps;
      action.execute();
    }
    this.stepCalls = -1;
  }

  /** Drops all queued work. */
  dispose(): void {
    this.pause();
    for (const action of this.queue) action.unsubscribe();
    this.queue = [];
  }

  private request(): void {
    if (this.playing && !this.frame && this.queue.length > 0) {
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        this.flush();
      });
    }
  }

  private flush(): void {
    const start = performance.now();
    const queued = this.queue;
    this.queue = [];
    for (const action of queued) {
      if (action.closed) continue;
      if (performance.now() - start > this.frameBudgetMs) this.queue.push(action);
      else action.execute();
    }
    this.request();
  }
}
