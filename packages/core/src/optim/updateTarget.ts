import type { StepTrace } from '../engine/stepTrace.js';

/**
 * The slice of the flat parameter vector one update rule call works on:
 * `theta[offset .. offset + size)` with its gradient, and where to report the decay it applies.
 */
export interface UpdateTarget {
  readonly theta: Float64Array;
  /** The gradient to apply (data loss plus any penalty), at the same indices as `theta`. */
  readonly grad: Float64Array;
  readonly offset: number;
  readonly size: number;
  /**
   * When given, the rule adds the coupled decay weightDecay·θ it feeds into the gradient to
   * `decayGrad`, and writes the decoupled shrink lr·λ·θ it applies to `decoupledDecay`.
   */
  readonly trace: StepTrace | null;
}
