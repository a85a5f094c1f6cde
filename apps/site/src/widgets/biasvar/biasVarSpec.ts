import { fitGrid } from '../_shared/fitChart';
import type { SliderDef } from '../_shared/types';
import { sliderValue, type WidgetRuns } from '../_shared/widgetRuns';

/** Options of chapter 2's refits. */
export interface BiasVarOptions {
  /** Standard deviation of the noise around y = x. */
  readonly noise: number;
  /** Weight decay λ. */
  readonly lambda: number;
  /** The widget's seed; refit k uses seed·1000 + k, so every refit sees a fresh dataset. */
  readonly seed: number;
  /** Which refit. */
  readonly refit: number;
  /** Training points per refit. Default 10. */
  readonly n?: number;
  readonly degree?: number;
  readonly steps?: number;
}

/**
 * One of chapter 2's refits: a degree-5 polynomial fit to n (default 10) fresh noisy points of
 * y = x by SGD with momentum (γ = 0.3, μ = 0.9).
 *
 * @example
 * train(biasVarSpec({ noise: 0.3, lambda: 0.1, seed: 0, refit: 3 }))
 */
export function biasVarSpec({
  noise,
  lambda,
  seed,
  refit,
  n = 10,
  degree = 5,
  steps = 300,
}: BiasVarOptions) {
  return {
    name: `refit ${refit}`,
    seed: seed * 1000 + refit,
    data: { kind: 'line', n, nVal: 50, noise },
    model: { kind: 'polynomial', degree },
    optimizer: { kind: 'sgd', lr: 0.3, momentum: 0.9, weightDecay: lambda },
    steps,
  } as const;
}

/** Bias², variance (over the refits) and the mean of the fits, on a grid of x values. */
export interface Decomposition {
  readonly bias2: number;
  readonly variance: number;
  readonly mean: readonly number[];
}

/**
 * Estimates bias² and variance from refits: `fits[k][j]` is refit k's prediction at `xs[j]`,
 * `truth(x)` the true function. Both are averaged over the grid (x uniform on [−1, 1], like the data).
 *
 * @example
 * decompose([[0, 1], [0.2, 0.8]], [0, 1], (x) => x) // { bias2: 0.01, variance: 0.01, mean: [0.1, 0.9] }
 */
export function decompose(
  fits: readonly (readonly number[])[],
  xs: readonly number[],
  truth: (x: number) => number,
): Decomposition {
  const k = fits.length;
  const mean = xs.map((_, j) => fits.reduce((sum, f) => sum + (f[j] ?? 0), 0) / k);
  const bias2 = xs.reduce((sum, x, j) => sum + ((mean[j] ?? 0) - truth(x)) ** 2, 0) / xs.length;
  const variance =
    xs.reduce(
      (sum, _, j) => sum + fits.reduce((s, f) => s + ((f[j] ?? 0) - (mean[j] ?? 0)) ** 2, 0) / k,
      0,
    ) / xs.length;
  return { bias2, variance, mean };
}

/** How many refits the widget trains. */
export const REFITS = 24;

/**
 * Chapter 2's sliders (rendered by BiasVar.astro). λ stops at 10^0.5 ≈ 3.2: with momentum 0.9
 * SGD stays stable while γ(λ + k_max) < 2(1 + μ) = 3.8, and k_max ≤ 3.9 on seeds 0–99, so every
 * position teaches (the far end underfits) and none blows up.
 */
export const biasVarSliders: readonly SliderDef[] = [
  {
    name: 'noise',
    label: 'slider.noise',
    min: 0.05,
    max: 1,
    step: 0.05,
    value: 0.3,
    format: 'fixed2',
  },
  {
    name: 'lambda',
    label: 'slider.lambdaDecay',
    min: -4,
    max: 0.5,
    step: 0.1,
    value: -4,
    scale: 'log',
    format: 'exp',
  },
  { name: 'n', label: 'slider.n', min: 10, max: 100, step: 10, value: 10, format: 'int' },
];

const at = (name: string, position: number) =>
  sliderValue(biasVarSliders.find((s) => s.name === name) as SliderDef, position);

/** The refits' fitted curves on a grid over [−1, 1], from their last parameters. */
export function refitCurves(
  params: readonly ({ readonly [name: string]: readonly number[] } | undefined)[],
  xs: readonly number[],
): number[][] {
  return params
    .filter((p) => p !== undefined)
    .map((p) =>
      xs.map((x) => {
        let y = p.bias?.[0] ?? 0;
        let power = 1;
        for (const w of p.weight ?? []) {
          power *= x;
          y += w * power;
        }
        return y;
      }),
    );
}

const parts = (
  runs: readonly { last?: { params: { readonly [k: string]: readonly number[] } } }[],
) =>
  decompose(
    refitCurves(
      runs.map((r) => r.last?.params),
      fitGrid,
    ),
    fitGrid,
    (x) => x,
  );

/** Chapter 2's widget as the tests run it: 24 refits. */
export const biasVarRuns: WidgetRuns = {
  id: 'biasvar',
  sliders: biasVarSliders,
  seed: 0,
  every: 5,
  bound: {},
  specs: ({ noise = at('noise', 0.3), lambda = at('lambda', -4), n = at('n', 10) }, seed) =>
    Array.from({ length: REFITS }, (_, refit) => biasVarSpec({ noise, lambda, seed, refit, n })),
  claims: [
    {
      says: 'ch2: raising λ from 1e-4 to 0.1 cuts the variance at least three-fold on 100 of seeds 0–99',
      at: { lambda: -1 },
      versus: { lambda: -4 },
      seeds: 100,
      holds: (runs, small) => parts(runs).variance * 3 < parts(small).variance,
    },
    {
      says: 'ch2: at λ ≈ 3 bias² overtakes variance and the sum is higher than at λ = 0.1',
      at: { lambda: 0.5 },
      versus: { lambda: -1 },
      seeds: 100,
      holds: (runs, mid) => {
        const big = parts(runs);
        const m = parts(mid);
        return big.bias2 > big.variance && big.bias2 + big.variance > m.bias2 + m.variance;
      },
    },
    {
      says: 'ch2: 100 points without decay beat 10 points at the best λ of the chapter (0.1)',
      at: { n: 100 },
      versus: { lambda: -1 },
      seeds: 100,
      holds: (runs, ten) => {
        const a = parts(runs);
        const b = parts(ten);
        return a.bias2 + a.variance < b.bias2 + b.variance;
      },
    },
  ],
};
