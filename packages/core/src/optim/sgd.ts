import { SGD_DEFAULTS } from '../spec/defaults.js';
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
  momentum = SGD_DEFAULTS.momentum,
  dampening = SGD_DEFAULTS.dampening,
  nesterov = SGD_DEFAULTS.nesterov,
  weightDecay = SGD_DEFAULTS.weightDecay,
  maximize = SGD_DEFAULTS.maximize,
}: { lr: number } & Partial<Omit<SgdSpec, 'kind' | 'lr'>>): SgdSpec {
  return { kind: 'sgd', lr, momentum, dampening, nesterov, weightDecay, maximize };
}
