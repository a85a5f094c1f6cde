import type { RunEvent } from '@decaylab/core';
import type { Clock } from './Clock';
import { boundCheck, type Divergence, type RunBound } from './runBound';

/** What the player needs from the lazily loaded engine (see engine.ts). */
export interface PlayerEngine {
  readonly train: typeof import('@decaylab/core').train;
  readonly Clock: typeof Clock;
}

/** Options of `RunPlayer.start`. */
export interface PlayOptions {
  /** Emit every n-th step (and the last). Default 1. */
  readonly every?: number;
  /** Steps each run advances per chunk (per animation frame while playing). Default Infinity. */
  readonly chunkSteps?: number;
  /** Start playing (else paused until `play()` or `step()`). Default true. */
  readonly playing?: boolean;
  /** When a run counts as diverged. Default `DEFAULT_BOUND`. */
  readonly bound?: RunBound;
  /** Every event of run number `run` (up to, and including, the step where it diverged). */
  readonly onEvent: (event: RunEvent, run: number) => void;
  /** A run left its bound (or became non-finite): it has been stopped. */
  readonly onDiverged?: (divergence: Divergence) => void;
  /** A run ended (completed, diverged or failed); `running` is already updated. */
  readonly onSettled?: () => void;
  /** A run errored (for example an invalid spec). */
  readonly onError?: (error: unknown) => void;
}

/**
 * Plays `train()` runs side by side on one pausable `Clock`, without touching the DOM: starts
 * them, plays, pauses and single-steps them, stops a run that leaves its bound and reports where.
 * `DecayWidget` drives one; tests drive it directly with a paused clock and `step()`.
 *
 * @example
 * const player = new RunPlayer({ train, Clock });
 * player.start([specA, specB], { playing: false, onEvent: (e, i) => log(i, e) });
 * player.step(10); // both runs advance 10 steps
 */
export class RunPlayer {
  private clock: Clock | undefined;
  private subscriptions: { unsubscribe(): void }[] = [];
  private chunkSteps = Number.POSITIVE_INFINITY;
  private found: Divergence[] = [];
  private live = 0;
  private lastStep = 0;

  constructor(
    private readonly engine: PlayerEngine,
    private readonly budgets: { frameBudgetMs?: number; budgetMs?: number } = {},
  ) {}

  /** Runs still going. */
  get running(): number {
    return this.live;
  }

  /** The largest step any run has reported. */
  get step(): number {
    return this.lastStep;
  }

  /** Runs that left their bound, in the order it happened. */
  get divergences(): readonly Divergence[] {
    return this.found;
  }

  /** True while a run has queued work. */
  get busy(): boolean {
    return this.clock?.busy ?? false;
  }

  /** Starts one `train()` per spec (stopping any previous runs). */
  start(specs: readonly unknown[], options: PlayOptions): void {
    this.stop();
    const {
      every = 1,
      chunkSteps = Number.POSITIVE_INFINITY,
      playing = true,
      bound = {},
    } = options;
    const { frameBudgetMs = 10, budgetMs = 8 } = this.budgets;
    const clock = new this.engine.Clock({ frameBudgetMs, playing });
    this.clock = clock;
    this.chunkSteps = chunkSteps;
    this.found = [];
    this.lastStep = 0;
    this.live = specs.length;
    specs.forEach((spec, run) => {
      const check = boundCheck(bound, run);
      let open = true;
      const settle = () => {
        if (!open) return;
        open = false;
        this.live--;
        options.onSettled?.();
      };
      let sub: { unsubscribe(): void } | undefined;
      const diverge = (divergence: Divergence) => {
        this.found = [...this.found, divergence];
        sub?.unsubscribe();
        settle();
        options.onDiverged?.(divergence);
      };
      let lastLoss = Number.NaN;
      let initialLoss = Number.NaN;
      sub = this.engine.train(spec, { scheduler: clock, budgetMs, chunkSteps, every }).subscribe({
        next: (event) => {
          if (!open) return;
          if (event.type === 'step') {
            this.lastStep = Math.max(this.lastStep, event.step);
            lastLoss = event.loss.total;
            if (Number.isNaN(initialLoss)) initialLoss = lastLoss;
            const divergence = check(event);
            options.onEvent(event, run);
            if (divergence) diverge(divergence);
            return;
          }
          options.onEvent(event, run);
          if (event.type === 'end' && event.reason === 'diverged') {
            diverge({
              run,
              step: event.step ?? event.steps,
              why: 'non-finite',
              loss: Number.isFinite(lastLoss) ? Number.POSITIVE_INFINITY : lastLoss,
              initialLoss,
              maxWeight: Number.POSITIVE_INFINITY,
            });
          }
        },
        error: (error: unknown) => {
          settle();
          options.onError?.(error);
        },
        complete: settle,
      });
      if (!open) sub.unsubscribe();
      this.subscriptions.push(sub);
    });
  }

  /** Stops every run (unsubscribing stops the engine's work). */
  stop(): void {
    for (const sub of this.subscriptions.splice(0)) sub.unsubscribe();
    this.clock?.dispose();
    this.clock = undefined;
    this.live = 0;
  }

  play(): void {
    this.clock?.play();
  }

  pause(): void {
    this.clock?.pause();
  }

  /** Advances every run by `steps` steps now (pause first), in chunks of at most `chunkSteps`. */
  advance(steps: number): void {
    const chunk = Math.max(1, this.chunkSteps);
    for (let done = 0; done < steps && this.busy; done += chunk) {
      this.clock?.step(Math.min(chunk, steps - done));
    }
  }
}
