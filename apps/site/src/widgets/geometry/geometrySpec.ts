import type { PenaltyKind } from './exactOptimum.js';
import type { Quadratic, Vec2 } from './quadratic.js';

/** Options for `geometrySpec`. */
export interface GeometrySpecOptions {
  /** The two-weight problem (see `quadratic`). */
  readonly problem: Quadratic;
  /** 'l2' (λ/2‖w‖²) or 'l1' (λ‖w‖₁). Default 'l2'. */
  readonly penalty?: PenaltyKind;
  /** λ. Default 0.5. */
  readonly lambda?: number;
  /** Where gradient descent starts. Default [-2, 2.5]. */
  readonly start?: Vec2;
  /** The SGD learning rate γ. Default 0.1. */
  readonly lr?: number;
  /** Steps to run. Default 300. */
  readonly steps?: number;
  /** The run's seed (recorded; the data and start are explicit). Default 0. */
  readonly seed?: number;
}

/**
 * The RunSpec the geometry widget hands to `train()`: a linear model on the problem's four rows,
 * full-batch SGD, and the penalty on `weight` only (the bias stays exactly where the centred
 * data puts it, at 0).
 *
 * @example
 * train(geometrySpec({ problem: quadratic(), penalty: 'l1', lambda: 0.4 }))
 */
export function geometrySpec({
  problem,
  penalty = 'l2',
  lambda = 0.5,
  start = [-2, 2.5],
  lr = 0.1,
  steps = 300,
  seed = 0,
}: GeometrySpecOptions) {
  return {
    name: `geometry-${penalty}`,
    seed,
    data: { train: { x: problem.x.map((r) => [r[0], r[1]]), y: [...problem.y] } },
    model: { kind: 'linear' as const },
    init: { weight: [start[0], start[1]], bias: [0] },
    loss: 'mse' as const,
    penalty: { kind: penalty, lambda, params: ['weight'] },
    optimizer: { kind: 'sgd' as const, lr },
    steps,
  };
}
