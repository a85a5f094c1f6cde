import { type StepEvent, train } from '@decaylab/core';

/**
 * `count` values of λ spaced evenly in log10 from `from` to `to` (inclusive).
 *
 * @example
 * lambdaGrid({ from: 1e-4, to: 1, count: 5 }) // [1e-4, 1e-3, 1e-2, 1e-1, 1]
 */
export function lambdaGrid({
  from = 1e-5,
  to = 1,
  count = 16,
}: {
  from?: number;
  to?: number;
  count?: number;
} = {}): number[] {
  const a = Math.log10(from);
  const b = Math.log10(to);
  return Array.from({ length: count }, (_, i) => 10 ** (a + ((b - a) * i) / (count - 1)));
}

/** Options for `sweepSpec`. */
export interface SweepSpecOptions {
  /** weightDecay λ. */
  readonly lambda: number;
  /** Training examples (the validation set is always 100). Default 20. */
  readonly n?: number;
  /** The seed for data and init. Default 0. */
  readonly seed?: number;
  /** Steps per run. Default 2000. */
  readonly steps?: number;
}

/**
 * One run of the sweep: a 32-unit tanh MLP fitted to 20 noisy points of d2l's cubic with
 * Adam (torch.optim.Adam(weight_decay=λ)). It overfits with λ ≈ 0 and underfits with λ ≈ 1.
 *
 * @example
 * train(sweepSpec({ lambda: 1e-3 }))
 */
export function sweepSpec({ lambda, n = 20, seed = 0, steps = 2000 }: SweepSpecOptions) {
  return {
    name: `sweep-n${n}-wd${lambda.toExponential(2)}`,
    seed,
    data: { kind: 'polynomial' as const, n, nVal: 100, noise: 0.5 },
    model: { kind: 'mlp' as const, hidden: [32], activation: 'tanh' as const },
    optimizer: { kind: 'adam' as const, lr: 0.02, weightDecay: lambda },
    steps,
  };
}

/** One point of the sweep's curve. */
export interface SweepPoint {
  readonly n: number;
  readonly lambda: number;
  /** The final validation loss (mse on 100 held-out points). */
  readonly val: number;
  /** The final training data loss L0. */
  readonly train: number;
}

/**
 * Trains one (n, λ) of the sweep to the end, synchronously, and returns its final losses.
 *
 * @example
 * sweepPoint({ n: 20, lambda: 3e-3 }) // { n: 20, lambda: 0.003, val: 2.6…, train: 0.15… }
 */
export function sweepPoint({
  n = 20,
  lambda,
  seed = 0,
  steps = 2000,
}: SweepSpecOptions): SweepPoint {
  let last: StepEvent | undefined;
  train(sweepSpec({ lambda, n, seed, steps }), { every: steps }).subscribe((e) => {
    if (e.type === 'step') last = e;
  });
  return { n, lambda, val: last?.val?.loss ?? Number.NaN, train: last?.loss.data ?? Number.NaN };
}

/**
 * Runs the sweep synchronously, one full `train()` per (n, λ), and reports each point as it
 * lands. Meant for a Web Worker (see sweep.worker.ts); `shouldStop` lets a new request cancel.
 *
 * @example
 * runSweep({ sizes: [20], lambdas: lambdaGrid(), onPoint: console.log })
 */
export function runSweep({
  sizes = [20, 80],
  lambdas = lambdaGrid(),
  seed = 0,
  steps = 2000,
  onPoint,
  shouldStop = () => false,
}: {
  sizes?: readonly number[];
  lambdas?: readonly number[];
  seed?: number;
  steps?: number;
  onPoint: (p: SweepPoint) => void;
  shouldStop?: () => boolean;
}): void {
  for (const n of sizes) {
    for (const lambda of lambdas) {
      if (shouldStop()) return;
      onPoint(sweepPoint({ n, lambda, seed, steps }));
    }
  }
}

/**
 * The point with the lowest validation loss among those for `n`.
 *
 * @example
 * bestPoint(points, 20)?.lambda
 */
export function bestPoint(points: readonly SweepPoint[], n: number): SweepPoint | undefined {
  let best: SweepPoint | undefined;
  for (const p of points) if (p.n === n && (!best || p.val < best.val)) best = p;
  return best;
}
