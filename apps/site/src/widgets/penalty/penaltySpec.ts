import type { SliderDef } from '../_shared/types';
import { sliderValue, type WidgetRuns } from '../_shared/widgetRuns';

/** Options of chapter 4's run. */
export interface PenaltyOptions {
  /** λ of the L2 penalty λ/2·‖θ‖² added to the loss. */
  readonly lambda: number;
  readonly seed: number;
  readonly steps?: number;
}

/** Chapter 4's learning rate γ (plain SGD: stable while γ(λ + k_max) < 2). */
export const PENALTY_LR = 0.5;

/**
 * Chapter 4's problem: a degree-5 polynomial fit to 20 noisy points of y = x by plain SGD on
 * L = L0 + λ/2·‖θ‖² (the penalty in the loss, so the engine reports L0 and the penalty apart).
 *
 * @example
 * train(penaltySpec({ lambda: 0.01, seed: 2 }))
 */
export function penaltySpec({ lambda, seed, steps = 400 }: PenaltyOptions) {
  return {
    name: `penalty λ=${lambda}`,
    seed,
    data: { kind: 'line', n: 20, nVal: 200, noise: 0.3 },
    model: { kind: 'polynomial', degree: 5 },
    penalty: { kind: 'l2', lambda },
    optimizer: { kind: 'sgd', lr: PENALTY_LR },
    steps,
  } as const;
}

/**
 * Chapter 4's sliders (rendered by Penalty.astro). λ goes to 10^0.5 ≈ 3.2 on purpose: past
 * λ = 2/γ − k_max (1.18 at seed 2) plain SGD diverges, and the reader watches that happen.
 */
export const penaltySliders: readonly SliderDef[] = [
  {
    name: 'lambda',
    label: 'slider.lambdaPenalty',
    min: -4,
    max: 0.5,
    step: 0.05,
    value: -2,
    scale: 'log',
    format: 'sig',
  },
];

/** Chapter 4's bound: the loss past 100× its start (a diverging run crosses it within steps). */
export const PENALTY_BOUND = { lossFactor: 100, maxWeight: 1e4 } as const;

/** Chapter 4's widget as the tests run it. */
export const penaltyRuns: WidgetRuns = {
  id: 'penalty',
  sliders: penaltySliders,
  seed: 2,
  every: 1,
  bound: PENALTY_BOUND,
  mayDiverge: true,
  specs: ({ lambda = sliderValue(penaltySliders[0] as SliderDef, -2) }, seed) => [
    penaltySpec({ lambda, seed }),
  ],
  claims: [
    {
      says: 'ch4: at the top of the slider (λ ≈ 3.2) every seed diverges, and is reported',
      at: { lambda: 0.5 },
      seeds: 100,
      holds: ([r]) => r?.diverged !== undefined,
    },
    {
      says: 'ch4: at λ = 1, 5 of seeds 0–99 diverge (their k_max > 2/γ − 1 = 3)',
      at: { lambda: 0 },
      seeds: 5,
      holds: ([r]) => r?.diverged !== undefined,
    },
    {
      says: 'ch4: at λ = 1 the validation loss is higher than at λ = 0.01 (underfitting) on 94 seeds',
      at: { lambda: 0 },
      versus: { lambda: -2 },
      seeds: 94,
      holds: ([a], [b]) => !a?.diverged && (a?.last?.val ?? 0) > (b?.last?.val ?? Number.NaN),
    },
    {
      says: 'ch4: at λ = 1 the training loss L0 more than doubles from λ = 0.01 on 72 seeds',
      at: { lambda: 0 },
      versus: { lambda: -2 },
      seeds: 72,
      holds: ([a], [b]) => !a?.diverged && (a?.last?.data ?? 0) > 2 * (b?.last?.data ?? Number.NaN),
    },
  ],
};
