import type { SliderDef } from '../_shared/types';
import { sliderValue, type WidgetRuns } from '../_shared/widgetRuns';

/** Options of chapter 3's run. */
export interface PolyfitOptions {
  /** Polynomial degree, 1–15. */
  readonly degree: number;
  /** Weight decay λ. */
  readonly lambda: number;
  readonly seed: number;
  readonly steps?: number;
}

/**
 * Chapter 3's problem: a polynomial of the chosen degree fit to 15 noisy points of y = x by SGD
 * with momentum and weight decay λ.
 *
 * @example
 * train(polyfitSpec({ degree: 9, lambda: 1e-2, seed: 1 }))
 */
export function polyfitSpec({ degree, lambda, seed, steps = 1000 }: PolyfitOptions) {
  return {
    name: `polyfit degree=${degree} λ=${lambda}`,
    seed,
    data: { kind: 'line', n: 15, nVal: 200, noise: 0.3 },
    model: { kind: 'polynomial', degree },
    optimizer: { kind: 'sgd', lr: 0.3, momentum: 0.9, weightDecay: lambda },
    steps,
  } as const;
}

/**
 * Chapter 3's sliders (rendered by Polyfit.astro). λ stops at 10^0.5 ≈ 3.2: with momentum 0.9
 * SGD is stable while γ(λ + k_max) < 2(1 + μ) = 3.8, and k_max ≤ 4.5 on seeds 0–99 up to degree 15.
 */
export const polyfitSliders: readonly SliderDef[] = [
  { name: 'degree', label: 'slider.degree', min: 1, max: 15, step: 1, value: 12, format: 'int' },
  {
    name: 'lambda',
    label: 'slider.lambdaDecay',
    min: -5,
    max: 0.5,
    step: 0.1,
    value: -4,
    scale: 'log',
    format: 'exp',
  },
];

const at = (name: string, position: number) =>
  sliderValue(polyfitSliders.find((s) => s.name === name) as SliderDef, position);

/** Chapter 3's widget as the tests run it. */
export const polyfitRuns: WidgetRuns = {
  id: 'polyfit',
  sliders: polyfitSliders,
  seed: 1,
  every: 1,
  bound: {},
  specs: ({ degree = at('degree', 12), lambda = at('lambda', -4) }, seed) => [
    polyfitSpec({ degree, lambda, seed }),
  ],
  claims: [
    {
      says: 'ch3: at degree 12, λ = 1e-2 ends with a lower validation loss than λ = 1e-4 on 92 seeds',
      at: { lambda: -2 },
      versus: { lambda: -4 },
      seeds: 92,
      holds: ([a], [b]) => (a?.last?.val ?? Number.NaN) < (b?.last?.val ?? Number.NaN),
    },
    {
      says: 'ch3: ‖w‖ falls as λ grows (1e-4 → 1e-2 → 1)',
      at: { lambda: -2 },
      versus: { lambda: -4 },
      seeds: 100,
      holds: ([a], [b]) => norm(a) < norm(b),
    },
  ],
};

function norm(r: { last?: { params: { readonly [k: string]: readonly number[] } } } | undefined) {
  return Math.hypot(...(r?.last?.params.weight ?? [Number.NaN]));
}
