/** Options of chapter 1's run. */
export interface OverfitOptions {
  /** Weight decay λ (SGD's coupled weightDecay). */
  readonly lambda: number;
  readonly seed: number;
  /** Default 12: as many polynomial terms as training points. */
  readonly degree?: number;
  readonly steps?: number;
}

/**
 * Chapter 1's over-parameterized problem: a degree-12 polynomial fit to 12 noisy points of
 * y = x by plain SGD, with weight decay λ.
 *
 * @example
 * train(overfitSpec({ lambda: 0.1, seed: 3 }))
 */
export function overfitSpec({ lambda, seed, degree = 12, steps = 2000 }: OverfitOptions) {
  return {
    name: `overfit λ=${lambda}`,
    seed,
    data: { kind: 'line', n: 12, nVal: 200, noise: 0.3 },
    model: { kind: 'polynomial', degree },
    optimizer: { kind: 'sgd', lr: 0.5, weightDecay: lambda },
    steps,
  } as const;
}
