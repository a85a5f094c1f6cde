import type { ParamLayout } from './paramLayout.js';

/**
 * The engine's view of a model: parameters live in one flat Float64Array (`theta`) as its
 * `layout` says, in PyTorch's order and layout.
 * Internal: the public model API is the `ModelSpec` in a RunSpec.
 */
export interface Net {
  /** Where each parameter lives in `theta`. */
  readonly layout: ParamLayout;
  /** Columns of the feature matrix the net reads (after any feature expansion). */
  readonly width: number;
  /** Turns raw input rows into the row-major feature matrix the net reads. */
  features(x: readonly (readonly number[])[]): Float64Array;
  /** Writes the n outputs (predictions or logits) for the n rows of `X` into `out`. */
  forward(theta: Float64Array, X: Float64Array, n: number, out: Float64Array): void;
  /**
   * Writes ∂L/∂θ into `grad` (overwriting it), given ∂L/∂output in `dOut`. Must follow a
   * `forward` on the same rows: nets with hidden layers reuse its activations.
   */
  backward(
    theta: Float64Array,
    X: Float64Array,
    n: number,
    dOut: Float64Array,
    grad: Float64Array,
  ): void;
}

/** Row-major copy of `x` into a Float64Array. */
export function toMatrix(x: readonly (readonly number[])[], width: number): Float64Array {
  const out = new Float64Array(x.length * width);
  x.forEach((row, i) => {
    for (let j = 0; j < width; j++) out[i * width + j] = row[j] as number;
  });
  return out;
}
