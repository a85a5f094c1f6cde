/** Options of chapter 4's run. */
export interface PenaltyOptions {
  /** λ of the L2 penalty λ/2·‖θ‖² added to the loss. */
  readonly lambda: number;
  readonly seed: number;
  readonly steps?: number;
}

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
    optimizer: { kind: 'sgd', lr: 0.5 },
    steps,
  } as const;
}
