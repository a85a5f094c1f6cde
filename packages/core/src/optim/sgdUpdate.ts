import type { SgdSpec } from '../spec/types.js';
import type { UpdateTarget } from './updateTarget.js';

/** SGD's state for one update: the momentum buffers, and whether this is the first step. */
export interface SgdUpdateOptions {
  readonly hyper: Omit<SgdSpec, 'kind'>;
  /** Momentum buffers over the whole parameter vector; null without momentum. */
  readonly momentumBuffer: Float64Array | null;
  /** On the first step the momentum buffers start as the gradient (torch's rule). */
  readonly first: boolean;
}

/**
 * One step of torch.optim.SGD on `target`: coupled weight decay adds weightDecay·θ to the
 * gradient (and to the trace), then momentum, dampening and nesterov as torch does.
 *
 * @example
 * sgdUpdate({ theta, grad, offset: 0, size: theta.length, trace: null }, { hyper, momentumBuffer: null, first: true });
 */
export function sgdUpdate(target: UpdateTarget, options: SgdUpdateOptions): void {
  const { hyper, momentumBuffer } = options;
  // Split in two small functions so that V8 can inline the common one into the step.
  if (hyper.maximize || (momentumBuffer && hyper.momentum !== 0)) sgdGeneral(target, options);
  else sgdPlain(target, hyper.lr, hyper.weightDecay);
}

/**
 * Plain SGD (no momentum, not maximizing): the arithmetic of `sgdGeneral` without its branches.
 * `createOptimizer` binds it directly when one such group holds every parameter.
 *
 * @example
 * sgdPlain({ theta, grad, offset: 0, size: theta.length, trace: null }, 0.1, 0.01);
 */
export function sgdPlain(
  { theta, grad, offset, size, trace }: UpdateTarget,
  lr: number,
  weightDecay: number,
): void {
  const end = offset + size;
  if (weightDecay === 0) {
    for (let i = offset; i < end; i++) theta[i] = (theta[i] as number) + -lr * (grad[i] as number);
    return;
  }
  const decayGrad = trace ? trace.decayGrad : null;
  if (decayGrad)
    for (let i = offset; i < end; i++) {
      const t = theta[i] as number;
      const d = weightDecay * t;
      decayGrad[i] = (decayGrad[i] as number) + d;
      theta[i] = t + -lr * ((grad[i] as number) + d);
    }
  else
    for (let i = offset; i < end; i++) {
      const t = theta[i] as number;
      theta[i] = t + -lr * ((grad[i] as number) + weightDecay * t);
    }
}

/** Every option of torch.optim.SGD, value by value. */
function sgdGeneral(
  { theta, grad, offset, size, trace }: UpdateTarget,
  { hyper, momentumBuffer: buf, first }: SgdUpdateOptions,
): void {
  const { lr, momentum, dampening, nesterov, weightDecay, maximize } = hyper;
  const decayGrad = trace ? trace.decayGrad : null;
  const end = offset + size;
  for (let i = offset; i < end; i++) {
    let g = grad[i] as number;
    if (maximize) g = -g;
    if (weightDecay !== 0) {
      const d = weightDecay * (theta[i] as number);
      if (decayGrad) decayGrad[i] = (decayGrad[i] as number) + d;
      g = g + d;
    }
    if (buf && momentum !== 0) {
      const b = first ? g : momentum * (buf[i] as number) + (1 - dampening) * g;
      buf[i] = b;
      g = nesterov ? g + momentum * b : b;
    }
    theta[i] = (theta[i] as number) + -lr * g;
  }
}
