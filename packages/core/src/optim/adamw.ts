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
  betas = [0.9, 0.999],
  eps = 1e-8,
  weightDecay = 0.01,
  amsgrad = false,
  maximize = false,
}: { lr: number } & Partial<Omit<AdamSpec, 'kind' | 'lr'>>): AdamSpec {
  return { kind: 'adamw', lr, betas, eps, weightDecay, amsgrad, maximize };
}
