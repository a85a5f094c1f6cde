import type { ParamLayout } from '../models/paramLayout.js';
import type { PenaltySpec } from '../spec/types.js';

/** Where `applyPenalty` reads θ and writes its gradient. */
export interface PenaltyTarget {
  readonly layout: ParamLayout;
  /** Indices (in `layout`) of the penalized parameters. */
  readonly params: readonly number[];
  readonly theta: Float64Array;
  /** The gradient the penalty's gradient is added to; omit to compute the value only. */
  readonly grad?: Float64Array | null;
  /** The step trace's `decayGrad`: the penalty adds its gradient there too. */
  readonly trace?: Float64Array | null;
}

/**
 * The penalty term over the flat parameters: adds its gradient (λθ for l2, λ·sign θ with
 * sign 0 = 0 for l1) into `grad` and `trace` for the penalized parameters and returns its value.
 *
 * @example
 * const value = applyPenalty({ kind: 'l2', lambda: 0.1, params: ['weight'] }, { layout, params: [0], theta, grad });
 */
export function applyPenalty(
  penalty: PenaltySpec,
  { layout, params, theta, grad = null, trace = null }: PenaltyTarget,
): number {
  const { kind, lambda } = penalty;
  const { offsets, sizes } = layout;
  let total = 0;
  for (const p of params) {
    const start = offsets[p] as number;
    const end = start + (sizes[p] as number);
    let s = 0;
    for (let i = start; i < end; i++) {
      const t = theta[i] as number;
      let d: number;
      if (kind === 'l2') {
        s += t * t;
        d = lambda * t;
      } else {
        s += Math.abs(t);
        d = lambda * Math.sign(t);
      }
      if (grad) grad[i] = (grad[i] as number) + d;
      if (trace) trace[i] = (trace[i] as number) + d;
    }
    total += s;
  }
  return kind === 'l2' ? (lambda / 2) * total : lambda * total;
}
