import type { RunEvent, RunSpec } from '@decaylab/core';
import type { Translate } from '../../i18n/t';
import { describeDivergence } from '../_shared/describeDivergence';
import { formatValue } from '../_shared/format';
import { RunPlayer } from '../_shared/RunPlayer';
import type { Divergence } from '../_shared/runBound';
import { farOff } from './farOff';
import { firstLoss } from './firstLoss';
import type { PlaygroundRuntime } from './playgroundRuntime';
import { RunTrace } from './RunTrace';

/** Events per run at most (every n-th step is reported), whatever the number of steps. */
const MAX_EVENTS = 300;
/** Frames a run takes to play out when nothing slows it (≈ 1.5 s at 60 Hz). */
const PLAY_FRAMES = 90;

/** What a `TracePlayer` needs from the lazily loaded runtime. */
export type TraceEngine = Pick<PlaygroundRuntime, 'train' | 'Clock' | 'materialize'>;

/** What a `TracePlayer` tells the element. */
export interface TracePlayerOptions {
  readonly t: Translate;
  /** Read at each event: with reduced motion a run jumps to its end (one draw, no steps). */
  readonly reducedMotion: () => boolean;
  /** The trace changed: redraw (at most once per frame). */
  readonly onChange: () => void;
  /** A line for the status (a divergence, a fit far off). */
  readonly onStatus: (text: string) => void;
  /** The run ended: `diverged` or `done` (its last event is in the trace). */
  readonly onSettled: (state: 'diverged' | 'done') => void;
  readonly onError: (error: unknown) => void;
}

/**
 * Plays one spec at a time into a `RunTrace` (what the charts draw) on a `RunPlayer`: at most
 * `MAX_EVENTS` events per run, played out over about `PLAY_FRAMES` frames (at once with reduced
 * motion); a new `start` drops the previous run and its late events. A run that leaves its
 * bound is stopped and described; a finished mse run whose loss is far above predicting 0 says
 * so.
 *
 * @example
 * const player = new TracePlayer(rt, { t, reducedMotion: () => false, onChange: redraw, … });
 * player.start(rt.parseSpec(spec));
 * player.trace.loss; // grows as the run plays
 */
export class TracePlayer {
  /** The current run's trace (a new one per `start`). */
  trace = new RunTrace();
  private readonly player: RunPlayer;

  constructor(
    private readonly rt: TraceEngine,
    private readonly options: TracePlayerOptions,
  ) {
    this.player = new RunPlayer({ train: rt.train, Clock: rt.Clock });
  }

  /** Where the current run left its bound (empty while it is inside). */
  get divergences(): readonly Divergence[] {
    return this.player.divergences;
  }

  /** Starts a run of `spec` (normalized: `parseSpec`'s), stopping the current one. */
  start(spec: RunSpec): void {
    const { rt } = this;
    const { t, reducedMotion, onChange, onStatus, onSettled, onError } = this.options;
    const trace = new RunTrace();
    this.trace = trace;
    const every = Math.max(1, Math.ceil(spec.steps / MAX_EVENTS));
    const chunkSteps = reducedMotion()
      ? Number.POSITIVE_INFINITY
      : Math.max(every, Math.ceil(spec.steps / PLAY_FRAMES));
    // Events come every n-th step: the bound measures growth from step 1, not from step n. A
    // one-step run gives it (one step and one setup more); taking every step's event and
    // thinning here would build the events the engine skips (1.1–2.3× a run's time, 4.6× with
    // minibatches of 8: heavy runs would play much longer).
    const initialLoss = every > 1 ? firstLoss(rt.train, spec) : undefined;
    this.player.start([spec], {
      every,
      chunkSteps,
      ...(initialLoss === undefined ? {} : { bound: { initialLoss } }),
      onEvent: (event: RunEvent) => {
        if (trace !== this.trace) return;
        if (event.type === 'run') trace.data = rt.materialize(event.spec.data, event.spec.seed);
        trace.add(event);
        if (!reducedMotion() || event.type !== 'step') onChange();
      },
      onDiverged: (d) => {
        onStatus(describeDivergence(d, { t }));
        onChange();
      },
      onSettled: () => {
        const diverged = this.player.divergences.length > 0;
        onSettled(diverged ? 'diverged' : 'done');
        const far = diverged || trace !== this.trace ? null : farOff(trace);
        if (far)
          onStatus(
            t('playground.farOff', {
              loss: formatValue(far.loss, 'sig'),
              baseline: formatValue(far.baseline, 'sig'),
            }),
          );
        onChange();
      },
      onError,
    });
  }

  /** Stops the current run (its trace stays as it is). */
  stop(): void {
    this.player.stop();
  }
}
