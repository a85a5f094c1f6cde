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
export function sgdUpdate(
  { theta, grad, offset, size, trace }: UpdateTarget,
  { hyper, momentumBuffer: buf, first }: SgdUpdateOptions,
): void {
  const { lr, momentum, dampening, nesterov, weightDecay, maximize } = hyper;
  const decayGrad = trace ? trace.decayGrad : null;
  const end = offset + size;
  if (!maximize && !decayGrad && !(buf && momentum !== 0)) {
    // Plain SGD on an untraced step: the same arithmetic as below, without its branches.
    if (weightDecay !== 0)
      for (let i = offset; i < end; i++) {
        const t = theta[i] as number;
        theta[i] = t + -lr * ((grad[i] as number) + weightDecay * t);
      }
    else
      for (let i = offset; i < end; i++)
        theta[i] = (theta[i] as number) + -lr * (grad[i] as number);
    return;
  }
  if (!maximize && decayGrad && weightDecay !== 0 && !(buf && momentum !== 0)) {
    // Plain SGD with coupled decay on a traced step: the same arithmetic, the decay written too.
    for (let i = offset; i < end; i++) {
      const t = theta[i] as number;
      const d = weightDecay * t;
      decayGrad[i] = (decayGrad[i] as number) + d;
      theta[i] = t + -lr * ((grad[i] as number) + d);
    }
    return;
  }
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
