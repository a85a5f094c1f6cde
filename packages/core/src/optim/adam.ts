import type { AdamSpec } from '../spec/types.js';

/**
 * Adam exactly as torch.optim.Adam, as a spec fragment. `weightDecay` is coupled: λθ is added
 * to the gradient, so it is scaled by the adaptive denominator (unlike AdamW).
 *
 * @example
 * train({ data: line(), model: linear(), optimizer: adam({ lr: 0.05, weightDecay: 1e-2 }), steps: 100 })
 */
export function adam({
  lr,
  betas = [0.9, 0.999],
  eps = 1e-8,
  weightDecay = 0,
  amsgrad = false,
  maximize = false,
}: { lr: number } & Partial<Omit<AdamSpec, 'kind' | 'lr'>>): AdamSpec {
  return { kind: 'adam', lr, betas, eps, weightDecay, amsgrad, maximize };
}

/** Moment estimates for the whole parameter vector, and the step count. */
export interface AdamState {
  step: number;
  m: Float64Array;
  v: Float64Array;
  vMax: Float64Array | null;
}

export function adamState(size: number): AdamState {
  return { step: 0, m: new Float64Array(size), v: new Float64Array(size), vMax: null };
}

/** torch's lerp: self + w·(end − self) for |w| < 0.5, else end − (end − self)·(1 − w). */
function lerp(self: number, end: number, w: number): number {
  return Math.abs(w) < 0.5 ? self + w * (end - self) : end - (end - self) * (1 - w);
}

/**
 * One Adam (or, with `decoupled`, AdamW) step on theta[offset .. offset+size).
 * The caller advances `state.step` once per optimizer step, before calling this.
 */
export function adamUpdate(
  h: Omit<AdamSpec, 'kind'>,
  decoupled: boolean,
  state: AdamState,
  theta: Float64Array,
  grad: Float64Array,
  offset: number,
  size: number,
): void {
  const { lr, betas, eps, weightDecay, amsgrad, maximize } = h;
  const [beta1, beta2] = betas;
  const { m, v, step } = state;
  if (amsgrad && state.vMax === null) state.vMax = new Float64Array(theta.length);
  const vMax = state.vMax;
  const bc1 = 1 - beta1 ** step;
  const bc2 = 1 - beta2 ** step;
  const stepSize = lr / bc1;
  const bc2Sqrt = Math.sqrt(bc2);
  const shrink = 1 - lr * weightDecay;
  for (let i = offset; i < offset + size; i++) {
    let g = grad[i] as number;
    if (maximize) g = -g;
    if (weightDecay !== 0) {
      if (decoupled) theta[i] = (theta[i] as number) * shrink;
      else g = g + weightDecay * (theta[i] as number);
    }
    const mi = lerp(m[i] as number, g, 1 - beta1);
    const vi = (v[i] as number) * beta2 + (1 - beta2) * g * g;
    m[i] = mi;
    v[i] = vi;
    let second = vi;
    if (vMax) {
      second = Math.max(vMax[i] as number, vi);
      vMax[i] = second;
    }
    const denom = Math.sqrt(second) / bc2Sqrt + eps;
    theta[i] = (theta[i] as number) + -stepSize * (mi / denom);
  }
}
