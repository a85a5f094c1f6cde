import { positionValue } from './positionValue';
import type { Divergence, RunBound } from './runBound';
import type { SliderDef } from './types';

/** What one run of a widget ended with (for claims): first and last step events, or where it diverged. */
export interface RunResult {
  /** The run's spec. */
  readonly spec: unknown;
  /** Loss values and parameters after the first and the last emitted step. */
  readonly first?: RunSnapshot;
  readonly last?: RunSnapshot;
  /** The smallest validation loss seen. */
  readonly bestVal?: number;
  readonly diverged?: Divergence;
}

/** One step's numbers, as the widget shows them. */
export interface RunSnapshot {
  readonly step: number;
  readonly data: number;
  readonly penalty: number;
  readonly total: number;
  readonly val?: number;
  readonly params: { readonly [name: string]: readonly number[] };
}

/**
 * A pattern a chapter states about a widget, checked on seeds 0–99 by `widgets.test.ts`: at the
 * given slider values it holds on exactly `seeds` of the 100 seeds (the number the prose gives),
 * or on at least `atLeast` of them.
 */
export interface Claim {
  /** The chapter's words. */
  readonly says: string;
  /** Slider values (slider units) the claim is about; the others at their defaults. */
  readonly at?: { readonly [slider: string]: number };
  /** A second setting the claim compares with (same seed); its runs are `holds`' second argument. */
  readonly versus?: { readonly [slider: string]: number };
  /** The prose says "on N of seeds 0–99": the count must be exactly this. */
  readonly seeds?: number;
  /** Or: it holds on at least this many of seeds 0–99. */
  readonly atLeast?: number;
  /** Does the pattern hold for one seed, given each run's result (and the `versus` runs)? */
  readonly holds: (runs: readonly RunResult[], versus: readonly RunResult[]) => boolean;
}

/**
 * Everything a test needs to run a widget the way the page does: its sliders (the same
 * definitions its `.astro` frame renders), how it turns slider values into run specs, its
 * divergence bound and the patterns its chapter states. One per widget, listed in
 * `widgetTable.ts`.
 */
export interface WidgetRuns {
  /** The widget's id (its URL namespace). */
  readonly id: string;
  readonly sliders: readonly SliderDef[];
  /** The seed the widget starts with. */
  readonly seed: number;
  /** `every` of the widget's `run` (the test sees the events the widget sees). */
  readonly every: number;
  readonly bound: RunBound;
  /** The run specs for slider values (in the units `DecayWidget.value` gives: 10^position for log sliders). */
  readonly specs: (
    values: { readonly [slider: string]: number },
    seed: number,
  ) => readonly unknown[];
  /** The chapter diverges on purpose somewhere in the slider range (else no run may diverge). */
  readonly mayDiverge?: boolean;
  readonly claims?: readonly Claim[];
}

/** A slider's value in `DecayWidget.value` units at slider position `position`. */
export function sliderValue(slider: SliderDef, position: number): number {
  return positionValue(slider.scale, position);
}
