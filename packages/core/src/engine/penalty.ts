import type { PenaltySpec } from '../spec/types.js';

/**
 * The penalty term over the flat parameters: adds its gradient into `grad` (λθ for l2,
 * λ·sign θ with sign 0 = 0 for l1) for the penalized parameters and returns its value.
 */
export function applyPenalty(
  penalty: PenaltySpec,
  indices: readonly number[],
  offsets: readonly number[],
  sizes: readonly number[],
  theta: Float64Array,
  grad: Float64Array | null,
): number {
  const { kind, lambda } = penalty;
  let total = 0;
  for (const p of indices) {
    const start = offsets[p] as number;
    const end = start + (sizes[p] as number);
    let s = 0;
    for (let i = start; i < end; i++) {
      const t = theta[i] as number;
      if (kind === 'l2') {
        s += t * t;
        if (grad) grad[i] = (grad[i] as number) + lambda * t;
      } else {
        s += Math.abs(t);
        if (grad) grad[i] = (grad[i] as number) + lambda * Math.sign(t);
      }
    }
    total += s;
  }
  return kind === 'l2' ? (lambda / 2) * total : lambda * total;
}
