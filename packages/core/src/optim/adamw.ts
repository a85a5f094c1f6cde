import { ADAMW_DEFAULTS } from '../spec/defaults.js';
import type { AdamSpec } from '../spec/types.js';

/**
 * AdamW exactly as torch.optim.AdamW, as a spec fragment. `weightDecay` (default 0.01) is
 * decoupled: θ ← θ·(1 − lr·λ) before the Adam step, untouched by the adaptive denominator.
 *
 * @example
 * train({ data: line(), model: linear(), optimizer: adamw({ lr: 0.05, weightDecay: 0.1 }), steps: 100 })
 */
export function adamw({
  lr,
  betas = ADAMW_DEFAULTS.betas,
  eps = ADAMW_DEFAULTS.eps,
  weightDecay = ADAMW_DEFAULTS.weightDecay,
  amsgrad = ADAMW_DEFAULTS.amsgrad,
  maximize = ADAMW_DEFAULTS.maximize,
}: { lr: number } & Partial<Omit<AdamSpec, 'kind' | 'lr'>>): AdamSpec {
  return { kind: 'adamw', lr, betas, eps, weightDecay, amsgrad, maximize };
}
