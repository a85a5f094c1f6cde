import { pow } from '../math/pow.js';
import type { AdamSpec } from '../spec/types.js';
import type { UpdateTarget } from './updateTarget.js';

/** Moment estimates for the whole parameter vector, and the step count. */
export interface AdamState {
  step: number;
  m: Float64Array;
  v: Float64Array;
  vMax: Float64Array | null;
}

/** Fresh Adam state for `size` parameter values. */
export function adamState(size: number): AdamState {
  return { step: 0, m: new Float64Array(size), v: new Float64Array(size), vMax: null };
}

/** What one Adam update needs besides its target. */
export interface AdamUpdateOptions {
  readonly hyper: Omit<AdamSpec, 'kind'>;
  /** True for AdamW: θ ← θ·(1 − lr·λ) before the step, instead of adding λθ to the gradient. */
  readonly decoupled: boolean;
  /** The group's state; the caller advances `state.step` once per optimizer step, before. */
  readonly state: AdamState;
}

/** torch's lerp: self + w·(end − self) for |w| < 0.5, else end − (end − self)·(1 − w). */
function lerp(self: number, end: number, w: number): number {
  return Math.abs(w) < 0.5 ? self + w * (end - self) : end - (end - self) * (1 - w);
}

/**
 * One step of torch.optim.Adam (or, `decoupled`, AdamW) on `target`. The decay it applies goes
 * into the trace in the same loop: coupled weightDecay·θ into `decayGrad`, decoupled lr·λ·θ
 * into `decoupledDecay`.
 *
 * @example
 * state.step += 1;
 * adamUpdate({ theta, grad, offset: 0, size: theta.length, trace: null }, { hyper, decoupled: true, state });
 */
export function adamUpdate(
  { theta, grad, offset, size, trace }: UpdateTarget,
  { hyper, decoupled, state }: AdamUpdateOptions,
): void {
  const { lr, betas, eps, weightDecay, amsgrad, maximize } = hyper;
  const [beta1, beta2] = betas;
  const { m, v, step } = state;
  if (amsgrad && state.vMax === null) state.vMax = new Float64Array(theta.length);
  const vMax = state.vMax;
  const bc1 = 1 - pow(beta1, step);
  const bc2 = 1 - pow(beta2, step);
  const stepSize = lr / bc1;
  const bc2Sqrt = Math.sqrt(bc2);
  const shrink = 1 - lr * weightDecay;
  const lrWd = lr * weightDecay;
  const decayGrad = trace && !decoupled ? trace.decayGrad : null;
  const decoupledDecay = trace && decoupled ? trace.decoupledDecay : null;
  for (let i = offset; i < offset + size; i++) {
    let g = grad[i] as number;
    if (maximize) g = -g;
    if (weightDecay !== 0) {
      const t = theta[i] as number;
      if (decoupled) {
        if (decoupledDecay) decoupledDecay[i] = lrWd * t;
        theta[i] = t * shrink;
      } else {
        const d = weightDecay * t;
        if (decayGrad) decayGrad[i] = (decayGrad[i] as number) + d;
        g = g + d;
      }
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
