import type { SliderDef } from '../_shared/types';
import type { WidgetRuns } from '../_shared/widgetRuns';

/**
 * Pure decay: one weight with no data gradient (x = 0, y = 0), so each SGD step is exactly
 * w ← (1 − γλ)·w and the weight halves about every 0.69/(γλ) steps.
 *
 * @example
 * train(pureDecaySpec({ lr: 0.1, lambda: 0.01 })) // w_t = 0.999^t
 */
export function pureDecaySpec({
  lr = 0.1,
  lambda = 0.01,
  steps = 3000,
}: {
  lr?: number;
  lambda?: number;
  steps?: number;
} = {}) {
  return {
    name: 'pure-decay',
    data: { train: { x: [[0]], y: [0] } },
    model: { kind: 'linear' as const },
    init: { weight: [1], bias: [0] },
    optimizer: { kind: 'sgd' as const, lr, weightDecay: lambda },
    steps,
  };
}

/**
 * The weight after t steps of pure decay, (1 − γλ)^t, and its continuous-time approximation
 * e^(−γλt): after τ = 1/(γλ) steps the weight is about 1/e of where it started.
 *
 * @example
 * decayedWeight({ lr: 0.1, lambda: 0.01, t: 1000 }) // 0.3677 (e⁻¹ = 0.3679)
 */
export function decayedWeight({
  lr,
  lambda,
  t,
}: {
  lr: number;
  lambda: number;
  t: number;
}): number {
  return (1 - lr * lambda) ** t;
}

/**
 * A cubic fit (d2l's data has intercept 5) with SGD weightDecay λ, with the bias either decayed
 * like the weights (PyTorch's default) or put in a param group with weightDecay 0.
 *
 * @example
 * train(biasSpec({ decayBias: false }))
 */
export function biasSpec({
  decayBias = true,
  lambda = 0.1,
  seed = 0,
  steps = 400,
}: {
  decayBias?: boolean;
  lambda?: number;
  seed?: number;
  steps?: number;
} = {}) {
  return {
    name: decayBias ? 'decay-everything' : 'no-decay-on-bias',
    seed,
    data: { kind: 'polynomial' as const, n: 100, noise: 0.1 },
    model: { kind: 'polynomial' as const, degree: 3 },
    optimizer: { kind: 'sgd' as const, lr: 0.02, momentum: 0.9, weightDecay: lambda },
    paramGroups: decayBias ? [] : [{ params: ['bias'], weightDecay: 0 }],
    steps,
  };
}

/** The bias widget's slider (BiasDecay.astro): it starts at the source's default λ = 1e-3. */
export const biasSliders: readonly SliderDef[] = [
  {
    name: 'lambda',
    label: 'slider.lambdaWeightDecay',
    min: -3,
    max: 0,
    step: 0.1,
    value: -3,
    scale: 'log',
    format: 'exp',
  },
];

const bias = (r: { last?: { params: { readonly [k: string]: readonly number[] } } } | undefined) =>
  r?.last?.params.bias?.[0] ?? Number.NaN;

/** Chapter 7's bias widget as the tests run it: decay on every parameter, and bias excluded. */
export const biasDecayRuns: WidgetRuns = {
  id: 'bias',
  sliders: biasSliders,
  seed: 0,
  every: 1,
  bound: {},
  specs: ({ lambda = 1e-3 }, seed) => [
    biasSpec({ lambda, seed, decayBias: true }),
    biasSpec({ lambda, seed, decayBias: false }),
  ],
  claims: [
    {
      says: 'ch7: at λ = 1e-3 the two biases differ by less than 0.01, on every seed',
      at: { lambda: -3 },
      seeds: 100,
      holds: ([on, off]) => Math.abs(bias(on) - bias(off)) < 0.01,
    },
    {
      says: 'ch7: at λ = 0.1 the undecayed bias is closer to 5 and its training loss lower, on every seed',
      at: { lambda: -1 },
      seeds: 100,
      holds: ([on, off]) =>
        Math.abs(bias(off) - 5) < Math.abs(bias(on) - 5) &&
        (off?.last?.data ?? Number.NaN) < (on?.last?.data ?? Number.NaN),
    },
  ],
};
