import { ADAM_DEFAULTS } from '../spec/defaults.js';
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
  betas = ADAM_DEFAULTS.betas,
  eps = ADAM_DEFAULTS.eps,
  weightDecay = ADAM_DEFAULTS.weightDecay,
  amsgrad = ADAM_DEFAULTS.amsgrad,
  maximize = ADAM_DEFAULTS.maximize,
}: { lr: number } & Partial<Omit<AdamSpec, 'kind' | 'lr'>>): AdamSpec {
  return { kind: 'adam', lr, betas, eps, weightDecay, amsgrad, maximize };
}
