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
  readonly degree?: number;
  readonly steps?: number;
}

/**
 * One of chapter 2's refits: a degree-5 polynomial fit to 10 fresh noisy points of y = x.
 *
 * @example
 * train(biasVarSpec({ noise: 0.3, lambda: 0.1, seed: 0, refit: 3 }))
 */
export function biasVarSpec({
  noise,
  lambda,
  seed,
  refit,
  degree = 5,
  steps = 300,
}: BiasVarOptions) {
  return {
    name: `refit ${refit}`,
    seed: seed * 1000 + refit,
    data: { kind: 'line', n: 10, nVal: 50, noise },
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
