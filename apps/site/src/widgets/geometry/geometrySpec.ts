import type { SliderDef } from '../_shared/types';
import { sliderValue, type WidgetRuns } from '../_shared/widgetRuns';
import { exactOptimum, type PenaltyKind } from './exactOptimum';
import { type Quadratic, quadratic, type Vec2 } from './quadratic';
import { startPoint } from './startPoint';

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

/** Chapter 5's slider (rendered by Geometry.astro). */
export const geometrySliders: readonly SliderDef[] = [
  {
    name: 'lambda',
    label: 'slider.lambdaPenalty',
    min: 0,
    max: 2,
    step: 0.01,
    value: 0.5,
    format: 'fixed2',
  },
];

const lambdaAt = (position: number) => sliderValue(geometrySliders[0] as SliderDef, position);
const weightsOf = (
  r: { last?: { params: { readonly [k: string]: readonly number[] } } } | undefined,
) => (r?.last?.params.weight ?? [Number.NaN, Number.NaN]) as readonly number[];

/** Chapter 5's widget as the tests run it: the default w* = (2, 0.6), L2 or L1, start by seed. */
function geometryRuns(penalty: PenaltyKind): WidgetRuns {
  const q = quadratic();
  return {
    id: `geometry-${penalty}`,
    sliders: geometrySliders,
    seed: 0,
    every: 1,
    bound: {},
    specs: ({ lambda = lambdaAt(0.5) }, seed) => [
      geometrySpec({ problem: q, penalty, lambda, start: startPoint(seed), seed }),
    ],
    claims:
      penalty === 'l2'
        ? [
            {
              says: 'ch5: under L2 (λ = 0.5) the run converges to the exact tangent point (distance < 1e-6) on every seed',
              at: { lambda: 0.5 },
              seeds: 100,
              holds: ([r]) => {
                const [a = 0, b = 0] = weightsOf(r);
                const [x, y] = exactOptimum(q, 'l2', 0.5);
                return Math.hypot(a - x, b - y) < 1e-6;
              },
            },
          ]
        : [
            {
              says: 'ch5: under L1 (λ = 2, optimum 0) each weight ends within γ(λ + |∂L0/∂wᵢ| at 0) of zero on every seed, not within γλ',
              at: { lambda: 2 },
              seeds: 100,
              holds: ([r]) => {
                const [a = 0, b = 0] = weightsOf(r);
                // |∂L0/∂w| at w = 0 is |H w*| (1.82 and 0.91 here); γ = 0.1.
                const g0 = Math.abs(q.H.a * q.wStar[0] + q.H.b * q.wStar[1]);
                const g1 = Math.abs(q.H.b * q.wStar[0] + q.H.c * q.wStar[1]);
                return Math.abs(a) <= 0.1 * (2 + g0) && Math.abs(b) <= 0.1 * (2 + g1);
              },
            },
            {
              says: 'ch5: under L1 at λ = 0.5 the exact optimum has w₂ exactly 0 (a corner)',
              at: { lambda: 0.5 },
              seeds: 100,
              holds: () => exactOptimum(q, 'l1', 0.5)[1] === 0,
            },
          ],
  };
}

/** Chapter 5's widget with the L2 circle and with the L1 diamond (its toggle). */
export const geometryL2Runs = geometryRuns('l2');
export const geometryL1Runs = geometryRuns('l1');
