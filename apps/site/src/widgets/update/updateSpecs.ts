import type { SliderDef } from '../_shared/types';
import { sliderValue, type WidgetRuns } from '../_shared/widgetRuns';
import { paramDifference } from './paramDifference';

/**
 * The RunSpecs of the "where the code puts it" chapter. Each factory takes an options object
 * with documented defaults and returns plain JSON for `train()`.
 */

/** Options shared by the chapter's runs. */
export interface UpdateOptions {
  /** λ: the penalty strength or weightDecay. Default 0.1. */
  readonly lambda?: number;
  /** The learning rate γ. Default 0.1. */
  readonly lr?: number;
  /** SGD momentum (0 = plain SGD). Default 0. */
  readonly momentum?: number;
  /** The seed for data and init. Default 0. */
  readonly seed?: number;
  /** Steps to run. Default 200. */
  readonly steps?: number;
}

/**
 * Two parameters (a slope and a bias on the y = x line) trained by SGD with weightDecay λ,
 * so each step's update splits into −γ·grad and −γ·decayGrad in a plane.
 *
 * @example
 * train(decompositionSpec({ lambda: 0.5 }))
 */
export function decompositionSpec({
  lambda = 0.5,
  lr = 0.1,
  momentum = 0,
  seed = 0,
  steps = 60,
}: UpdateOptions = {}) {
  return {
    name: 'decomposition',
    seed,
    data: { kind: 'line' as const, n: 20, noise: 0.3 },
    model: { kind: 'linear' as const },
    init: { weight: [-1.5], bias: [1.2] },
    optimizer: { kind: 'sgd' as const, lr, momentum, weightDecay: lambda },
    steps,
  };
}

const polyBase = (seed: number, steps: number) => ({
  seed,
  data: { kind: 'line' as const, n: 20, noise: 0.3 },
  model: { kind: 'polynomial' as const, degree: 9 },
  steps,
});

/**
 * "L2 in the loss" (penalty λ/2‖θ‖² on every parameter, plain optimizer) and "weightDecay on
 * the optimizer" (no penalty, weightDecay λ): for SGD, with or without momentum, the same run.
 *
 * @example
 * const [inLoss, onOptimizer] = couplingPair({ lambda: 0.01, momentum: 0.9 });
 */
export function couplingPair({
  lambda = 0.01,
  lr = 0.1,
  momentum = 0,
  seed = 0,
  steps = 300,
}: UpdateOptions = {}) {
  const base = polyBase(seed, steps);
  return [
    {
      ...base,
      name: 'l2-in-the-loss',
      penalty: { kind: 'l2' as const, lambda },
      optimizer: { kind: 'sgd' as const, lr, momentum },
    },
    {
      ...base,
      name: 'weight-decay-on-the-optimizer',
      optimizer: { kind: 'sgd' as const, lr, momentum, weightDecay: lambda },
    },
  ] as const;
}

/**
 * Adam with weight_decay λ (L2 added to the gradient, then rescaled by Adam) and AdamW with
 * weight_decay λ (the decoupled shrink θ ← θ − γλθ): same λ, different runs.
 *
 * @example
 * const [adamL2, adamW] = adamPair({ lambda: 0.1 });
 */
export function adamPair({ lambda = 0.1, lr = 0.01, seed = 0, steps = 400 }: UpdateOptions = {}) {
  const base = polyBase(seed, steps);
  return [
    { ...base, name: 'adam-l2', optimizer: { kind: 'adam' as const, lr, weightDecay: lambda } },
    { ...base, name: 'adamw', optimizer: { kind: 'adamw' as const, lr, weightDecay: lambda } },
  ] as const;
}

/**
 * The λ axes of chapter 6's sweep: Adam + L2 and AdamW each get their own, since the same λ
 * means a different regularizer in each (11 values, evenly spaced in log10).
 */
export const ADAM_SWEEP_AXES = {
  adam: { from: 1e-4, to: 10, count: 11 },
  adamw: { from: 1e-3, to: 100, count: 11 },
} as const;

/** The decomposition widget's slider (Decomposition.astro). */
export const decompositionSliders: readonly SliderDef[] = [
  {
    name: 'lambda',
    label: 'slider.lambdaWeightDecay',
    min: 0,
    max: 1,
    step: 0.05,
    value: 0.5,
    format: 'fixed2',
  },
];

/** The coupling widget's sliders (Coupling.astro). */
export const couplingSliders: readonly SliderDef[] = [
  {
    name: 'lambda',
    label: 'slider.lambdaBoth',
    min: -4,
    max: -0.5,
    step: 0.1,
    value: -2,
    scale: 'log',
    format: 'exp',
  },
  {
    name: 'momentum',
    label: 'slider.momentum',
    min: 0,
    max: 0.95,
    step: 0.05,
    value: 0,
    format: 'fixed2',
  },
];

/** The Adam + L2 vs AdamW widget's slider (AdamW.astro). */
export const adamwSliders: readonly SliderDef[] = [
  {
    name: 'lambda',
    label: 'slider.lambdaTorch',
    min: -3,
    max: 0,
    step: 0.1,
    value: -1,
    scale: 'log',
    format: 'exp',
  },
];

/** Chapter 6's decomposition widget as the tests run it. */
export const decompositionRuns: WidgetRuns = {
  id: 'decomposition',
  sliders: decompositionSliders,
  seed: 0,
  every: 1,
  bound: {},
  specs: ({ lambda = 0.5 }, seed) => [decompositionSpec({ lambda, lr: 0.1, seed })],
};

/** Chapter 6's coupling widget as the tests run it: no decay, L2 in the loss, weightDecay. */
export const couplingRuns: WidgetRuns = {
  id: 'coupling',
  sliders: couplingSliders,
  seed: 0,
  every: 1,
  bound: {},
  specs: ({ lambda = 1e-2, momentum = 0 }, seed) => {
    const [inLoss, onOptimizer] = couplingPair({ lambda, momentum, seed });
    const [, none] = couplingPair({ lambda: 0, momentum, seed });
    return [{ ...none, name: 'no-decay' }, inLoss, onOptimizer];
  },
  claims: [0, 0.9].map((momentum) => ({
    says: `ch6: L2 in the loss and weightDecay on SGD end with the same weights (within 1e-12), momentum ${momentum}, on every seed`,
    at: { lambda: -2, momentum },
    seeds: 100,
    holds: ([, a, b]) =>
      !!a?.last && !!b?.last && paramDifference(a.last.params, b.last.params) < 1e-12,
  })),
};

/** Chapter 6's Adam + L2 vs AdamW widget (its streaming runs; the λ sweep is tested in update.test.ts). */
export const adamwRuns: WidgetRuns = {
  id: 'adamw',
  sliders: adamwSliders,
  seed: 0,
  every: 1,
  bound: {},
  specs: ({ lambda = sliderValue(adamwSliders[0] as SliderDef, -1) }, seed) => [
    ...adamPair({ lambda, seed }),
  ],
};
