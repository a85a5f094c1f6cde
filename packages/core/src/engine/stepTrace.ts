/**
 * What regularization did during one step, written by the code that applies it (the penalty
 * and the optimizer's update rules) in the same loop, over the flat parameter vector. The
 * session copies it into the step event; nothing recomputes it. Internal.
 */
export interface StepTrace {
  /**
   * What regularization added to the gradient: the penalty's gradient (λθ or λ·sign θ) plus the
   * optimizer's coupled weightDecay·θ. Zeroed before each traced step; each writer adds its term.
   */
  readonly decayGrad: Float64Array;
  /** The decoupled shrink lr·λ·θ (AdamW) subtracted from θ before the Adam step. */
  readonly decoupledDecay: Float64Array;
}

/** A trace for `size` parameter values. */
export function stepTrace(size: number): StepTrace {
  return { decayGrad: new Float64Array(size), decoupledDecay: new Float64Array(size) };
}
