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
