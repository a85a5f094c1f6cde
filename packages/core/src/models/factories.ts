import { MLP_DEFAULTS } from '../spec/defaults.js';
import type { Activation, ModelSpec } from '../spec/types.js';

/**
 * A linear model ŷ = x·w + b, as a spec fragment.
 *
 * @example
 * train({ data: line(), model: linear(), optimizer: sgd({ lr: 0.1 }), steps: 50 })
 */
export function linear(): ModelSpec {
  return { kind: 'linear' };
}

/**
 * Logistic regression: logit = x·w + b (pair it with the `bce-logits` loss, the default).
 *
 * @example
 * train({ data: blobs(), model: logistic(), optimizer: sgd({ lr: 0.5 }), steps: 50 })
 */
export function logistic(): ModelSpec {
  return { kind: 'logistic' };
}

/**
 * A polynomial of the given degree in a scalar x: features x¹..xᵏ, then linear.
 *
 * @example
 * polynomial({ degree: 9 }) // { kind: 'polynomial', degree: 9 }
 */
export function polynomial({ degree }: { degree: number }): ModelSpec {
  return { kind: 'polynomial', degree };
}

/**
 * A multilayer perceptron: dense layers of the given widths, then one output without activation.
 *
 * @example
 * mlp({ hidden: [16, 16], activation: 'relu' })
 */
export function mlp({
  hidden,
  activation = MLP_DEFAULTS.activation,
}: {
  hidden: number[];
  activation?: Activation;
}): ModelSpec {
  return { kind: 'mlp', hidden, activation };
}
