import type { SliderDef } from '../_shared/types';
import { sliderValue, type WidgetRuns } from '../_shared/widgetRuns';

/** Options of chapter 1's run. */
export interface OverfitOptions {
  /** Weight decay λ (SGD's coupled weightDecay). */
  readonly lambda: number;
  readonly seed: number;
  /** Default 12: as many polynomial terms as training points. */
  readonly degree?: number;
  readonly steps?: number;
  /** Validation points. Default 200. */
  readonly nVal?: number;
}

/** Chapter 1's learning rate: γ(λ + k_max) < 2 for every λ ≤ 1 and seeds 0–99 (k_max ≤ 5.2). */
export const OVERFIT_LR = 0.3;

/**
 * Chapter 1's over-parameterized problem: a degree-12 polynomial fit to 12 noisy points of
 * y = x by plain SGD (γ = 0.3), with weight decay λ.
 *
 * @example
 * train(overfitSpec({ lambda: 0.1, seed: 3 }))
 */
export function overfitSpec({
  lambda,
  seed,
  degree = 12,
  steps = 2000,
  nVal = 200,
}: OverfitOptions) {
  return {
    name: `overfit λ=${lambda}`,
    seed,
    data: { kind: 'line', n: 12, nVal, noise: 0.3 },
    model: { kind: 'polynomial', degree },
    optimizer: { kind: 'sgd', lr: OVERFIT_LR, weightDecay: lambda },
    steps,
  } as const;
}

/** Chapter 1's sliders (rendered by Overfit.astro). */
export const overfitSliders: readonly SliderDef[] = [
  {
    name: 'lambda',
    label: 'slider.lambdaDecay',
    min: -4,
    max: 0,
    step: 0.1,
    value: -1,
    scale: 'log',
    format: 'exp',
  },
];

/** Seeds of chapter 1's band (mean and 10th–90th percentile over seeds). */
export const OVERFIT_BAND_SEEDS = 16;

const lambdaAt = (position: number) => sliderValue(overfitSliders[0] as SliderDef, position);
const val = (r: { last?: { val?: number } } | undefined) => r?.last?.val ?? Number.NaN;

/** Chapter 1's widget as the tests run it: λ = 0 and λ side by side. */
export const overfitRuns: WidgetRuns = {
  id: 'overfit',
  sliders: overfitSliders,
  seed: 3,
  every: 1,
  bound: { lossFactor: 1e3, maxWeight: 1e3 },
  specs: ({ lambda = lambdaAt(-1) }, seed) => [
    overfitSpec({ lambda: 0, seed }),
    overfitSpec({ lambda, seed }),
  ],
  claims: [
    {
      says: 'ch1: at λ = 0.1 the final validation loss is lower than at λ = 0 on 90 of seeds 0–99',
      at: { lambda: -1 },
      seeds: 90,
      holds: ([a, b]) => val(b) < val(a),
    },
    {
      says: 'ch1: without decay the validation loss ends at more than twice its best value on 50 of seeds 0–99',
      at: { lambda: -1 },
      seeds: 50,
      holds: ([a]) => val(a) > 2 * (a?.bestVal ?? Number.NaN),
    },
    {
      says: 'ch1: at λ = 1 the final training loss is higher than at λ = 0 (underfitting) on every seed',
      at: { lambda: 0 },
      seeds: 100,
      holds: ([a, b]) => (b?.last?.data ?? 0) > (a?.last?.data ?? 0),
    },
  ],
};
