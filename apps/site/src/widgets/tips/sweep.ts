import { pow, type StepEvent, train } from '@decaylab/core';
import { takeWhile } from 'rxjs';
import type { MessageKey } from '../../i18n/en';
import { boundCheck, type RunBound } from '../_shared/runBound';

/** The two optimizers the sweep compares, each with its own λ axis (`label`: its catalogue key). */
export type SweepOptimizer = 'sgd' | 'adamw';

/**
 * Each optimizer's λ axis: `count` values evenly spaced in log10 from `from` to `to`. SGD's λ
 * is the coupled `weight_decay` (added to the gradient); AdamW's is the decoupled shrink γλ per
 * step with γ = 0.02, so the same decay needs a λ about 10–100× larger.
 */
export const SWEEP_AXES: Readonly<
  Record<SweepOptimizer, { from: number; to: number; count: number; label: MessageKey }>
> = {
  sgd: { from: 1e-5, to: 1, count: 11, label: 'sweep.axisSgd' },
  adamw: { from: 1e-3, to: 10, count: 11, label: 'sweep.axisAdamw' },
};

/** The seeds behind the mean and the 10th–90th percentile band (the reader's seed is drawn on top). */
export const BAND_SEEDS: readonly number[] = [0, 1, 2, 3, 4, 5, 6, 7];

/** Training examples by default (the validation set is always 100). */
export const SWEEP_N = 12;

/**
 * `count` values of λ spaced evenly in log10 from `from` to `to` (inclusive), as the engine's
 * `pow(10, e)` gives them (the same double in every browser and in Node).
 *
 * @example
 * lambdaGrid({ from: 1e-4, to: 1, count: 5 }) // [0.00009999999999999999, 0.001, 0.01, 0.1, 1]
 */
export function lambdaGrid({
  from = 1e-5,
  to = 1,
  count = 11,
}: {
  from?: number;
  to?: number;
  count?: number;
} = {}): number[] {
  const a = Math.log10(from);
  const b = Math.log10(to);
  return Array.from({ length: count }, (_, i) => pow(10, a + ((b - a) * i) / (count - 1)));
}

/** Options for `sweepSpec`. */
export interface SweepSpecOptions {
  /** 'sgd' (momentum 0.9, γ = 0.1, coupled weight_decay) or 'adamw' (γ = 0.02, decoupled). */
  readonly optimizer: SweepOptimizer;
  /** weight_decay λ. */
  readonly lambda: number;
  /** Training examples. Default 12. */
  readonly n?: number;
  /** The seed for data and init. Default 0. */
  readonly seed?: number;
  /** Steps per run. Default 2000. */
  readonly steps?: number;
}

/**
 * One run of the sweep: a 32-unit tanh MLP fitted to `n` noisy points of the line y = x
 * (noise 0.5), full batch, with SGD + momentum and `weightDecay` λ or with AdamW. It fits the
 * noise with λ ≈ 0 and flattens toward the mean with the largest λ.
 *
 * @example
 * train(sweepSpec({ optimizer: 'adamw', lambda: 1 }))
 */
export function sweepSpec({
  optimizer,
  lambda,
  n = SWEEP_N,
  seed = 0,
  steps = 2000,
}: SweepSpecOptions) {
  return {
    name: `sweep-${optimizer}-n${n}-wd${lambda.toExponential(2)}`,
    seed,
    data: { kind: 'line' as const, n, nVal: 100, noise: 0.5 },
    model: { kind: 'mlp' as const, hidden: [32], activation: 'tanh' as const },
    optimizer:
      optimizer === 'sgd'
        ? { kind: 'sgd' as const, lr: 0.1, momentum: 0.9, weightDecay: lambda }
        : { kind: 'adamw' as const, lr: 0.02, weightDecay: lambda },
    steps,
  };
}

/** One point of a sweep curve. */
export interface SweepPoint {
  readonly optimizer: SweepOptimizer;
  readonly n: number;
  readonly seed: number;
  readonly lambda: number;
  /** The final validation loss (mse on 100 held-out points). */
  readonly val: number;
  /** The final training data loss L0. */
  readonly train: number;
  /** The run left the widgets' bound and was stopped there (left out of the curves). */
  readonly diverged?: boolean;
}

/** The final losses of one run. */
export interface FinalLosses {
  /** The final validation loss (NaN without a validation set). */
  readonly val: number;
  /** The final training data loss L0. */
  readonly train: number;
  /** The step the run ended at (less than `steps` when it diverged). */
  readonly steps: number;
  /** The run left its bound (non-finite, loss past 1e3 × its first value, or |θᵢ| > 1e6). */
  readonly diverged: boolean;
}

/**
 * Trains any RunSpec to the end, synchronously, and returns its final losses; a run that leaves
 * `bound` (checked every 50 steps, the widgets' default bound) stops there and is marked
 * diverged. Meant for a Web Worker (sweep.worker.ts).
 *
 * @example
 * finalLosses(sweepSpec({ optimizer: 'sgd', lambda: 1e-2 })) // { val: 0.26…, train: 0.16…, steps: 2000, diverged: false }
 */
export function finalLosses(
  spec: { readonly steps: number },
  { bound = {} }: { bound?: RunBound } = {},
): FinalLosses {
  let last: StepEvent | undefined;
  let diverged = false;
  const check = boundCheck(bound, 0);
  train(spec, { every: Math.min(50, spec.steps) })
    .pipe(takeWhile(() => !diverged))
    .subscribe((e) => {
      if (e.type !== 'step') return;
      last = e;
      if (check(e)) diverged = true;
    });
  return {
    val: last?.val?.loss ?? Number.NaN,
    train: last?.loss.data ?? Number.NaN,
    steps: last?.step ?? 0,
    diverged: diverged || !last || last.step < spec.steps,
  };
}

/**
 * Trains one (optimizer, n, seed, λ) of the sweep to the end and returns its point.
 *
 * @example
 * sweepPoint({ optimizer: 'sgd', lambda: 1e-2 }) // { …, val: 0.23…, train: 0.16… }
 */
export function sweepPoint(options: SweepSpecOptions): SweepPoint {
  const { optimizer, lambda, n = SWEEP_N, seed = 0, steps = 2000 } = options;
  const {
    val,
    train: loss,
    diverged,
  } = finalLosses(sweepSpec({ optimizer, lambda, n, seed, steps }));
  return { optimizer, n, seed, lambda, val, train: loss, diverged };
}

/**
 * The p-quantile (0 ≤ p ≤ 1) of `values`, linearly interpolated between order statistics.
 *
 * @example
 * quantile([1, 2, 3, 4], 0.5) // 2.5
 */
export function quantile(values: readonly number[], p: number): number {
  const v = [...values].sort((a, b) => a - b);
  if (!v.length) return Number.NaN;
  const at = (v.length - 1) * p;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return (v[lo] as number) + ((v[hi] as number) - (v[lo] as number)) * (at - lo);
}

/** The spread over seeds at one λ. */
export interface BandPoint {
  readonly lambda: number;
  readonly mean: number;
  readonly p10: number;
  readonly p90: number;
  /** How many seeds are in. */
  readonly count: number;
}

/**
 * Mean and 10th–90th percentile of the validation loss over seeds, per λ (in λ order), from
 * the points of one optimizer and n.
 *
 * @example
 * bandOf(points).map((b) => b.mean)
 */
export function bandOf(points: readonly SweepPoint[]): BandPoint[] {
  const byLambda = new Map<number, number[]>();
  for (const p of points) byLambda.set(p.lambda, [...(byLambda.get(p.lambda) ?? []), p.val]);
  return [...byLambda.entries()]
    .sort(([a], [b]) => a - b)
    .map(([lambda, vals]) => ({
      lambda,
      mean: vals.reduce((s, v) => s + v, 0) / vals.length,
      p10: quantile(vals, 0.1),
      p90: quantile(vals, 0.9),
      count: vals.length,
    }));
}

/**
 * The sweet spot, computed from the runs: the contiguous range of λ around the lowest mean
 * validation loss where the mean stays within `tolerance` (relative) of that lowest value.
 * Undefined for an empty band.
 *
 * @example
 * sweetSpot(bandOf(points)) // { from: 1e-3, to: 3e-2, best: 1e-2 }
 */
export function sweetSpot(
  band: readonly BandPoint[],
  { tolerance = 0.1 }: { tolerance?: number } = {},
): { from: number; to: number; best: number } | undefined {
  if (!band.length) return undefined;
  let k = 0;
  band.forEach((b, i) => {
    if (b.mean < (band[k] as BandPoint).mean) k = i;
  });
  const limit = (band[k] as BandPoint).mean * (1 + tolerance);
  let lo = k;
  let hi = k;
  while (lo > 0 && (band[lo - 1] as BandPoint).mean <= limit) lo--;
  while (hi < band.length - 1 && (band[hi + 1] as BandPoint).mean <= limit) hi++;
  return {
    from: (band[lo] as BandPoint).lambda,
    to: (band[hi] as BandPoint).lambda,
    best: (band[k] as BandPoint).lambda,
  };
}

/**
 * True when one seed's sweep is a U: its best λ is strictly inside the axis and at least
 * `margin` (relative) better than both ends. Points must be in λ order.
 *
 * @example
 * isU(points.filter((p) => p.seed === 3))
 */
export function isU(points: readonly SweepPoint[], { margin = 0.1 }: { margin?: number } = {}) {
  if (points.length < 3) return false;
  let k = 0;
  points.forEach((p, i) => {
    if (p.val < (points[k] as SweepPoint).val) k = i;
  });
  const best = (points[k] as SweepPoint).val;
  const first = (points[0] as SweepPoint).val;
  const last = (points.at(-1) as SweepPoint).val;
  return (
    k > 0 && k < points.length - 1 && best < (1 - margin) * first && best < (1 - margin) * last
  );
}
