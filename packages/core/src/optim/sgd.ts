import type { SgdSpec } from '../spec/types.js';

/**
 * Stochastic gradient descent exactly as torch.optim.SGD, as a spec fragment. `weightDecay`
 * is coupled: λθ is added to the gradient before momentum.
 *
 * @example
 * train({ data: line(), model: linear(), optimizer: sgd({ lr: 0.1, weightDecay: 1e-3 }), steps: 100 })
 */
export function sgd({
  lr,
  momentum = 0,
  dampening = 0,
  nesterov = false,
  weightDecay = 0,
  maximize = false,
}: { lr: number } & Partial<Omit<SgdSpec, 'kind' | 'lr'>>): SgdSpec {
  return { kind: 'sgd', lr, momentum, dampening, nesterov, weightDecay, maximize };
}

/**
 * One SGD step on theta[offset .. offset+size), with `grad` the loss gradient there. `buf` holds
 * the momentum buffers (null without momentum); on the `first` step they start as the gradient.
 */
export function sgdUpdate(
  h: Omit<SgdSpec, 'kind'>,
  buf: Float64Array | null,
  first: boolean,
  theta: Float64Array,
  grad: Float64Array,
  offset: number,
  size: number,
): void {
  const { lr, momentum, dampening, nesterov, weightDecay, maximize } = h;
  for (let i = offset; i < offset + size; i++) {
    let g = grad[i] as number;
    if (maximize) g = -g;
    if (weightDecay !== 0) g = g + weightDecay * (theta[i] as number);
    if (buf && momentum !== 0) {
      const b = first ? g : momentum * (buf[i] as number) + (1 - dampening) * g;
      buf[i] = b;
      g = nesterov ? g + momentum * b : b;
    }
    theta[i] = (theta[i] as number) + -lr * g;
  }
}
