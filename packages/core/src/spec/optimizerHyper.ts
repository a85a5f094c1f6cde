import type { OptimizerSpec, ParamGroupSpec } from './types.js';

/**
 * The optimizer's hyperparameters, without its kind: what a param group inherits.
 *
 * @example
 * optimizerHyper({ kind: 'sgd', lr: 0.1, momentum: 0, dampening: 0, nesterov: false, weightDecay: 0, maximize: false })
 * // { lr: 0.1, momentum: 0, … }
 */
export function optimizerHyper(optimizer: OptimizerSpec): Omit<ParamGroupSpec, 'params'> {
  const { kind: _kind, ...rest } = optimizer;
  return rest;
}
