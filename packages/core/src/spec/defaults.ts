/**
 * Every default of a RunSpec, written once: the factories (`sgd()`, `line()`, …), `parseSpec`
 * and the JSON Schema (`runSpecSchema`) all read them from here.
 */

import type { CarsColumn, PenguinSpecies, PenguinsColumn } from './types.js';

/** Top-level defaults. `loss` depends on the model: see `defaultLoss`. */
export const SPEC_DEFAULTS = { seed: 0, batchSize: null, penalty: null } as const;

/** The data loss for a model when the spec names none. */
export function defaultLoss(modelKind: string): 'mse' | 'bce-logits' {
  return modelKind === 'logistic' ? 'bce-logits' : 'mse';
}

/** Defaults of each data kind (generators and real tables), by kind. */
export const DATA_DEFAULTS = {
  line: { n: 20, nVal: 100, noise: 0.3 },
  polynomial: { n: 100, nVal: 100, noise: 0.1 },
  highdim: { n: 20, nVal: 100, dims: 200, noise: 0.01 },
  blobs: { n: 100, nVal: 100, dims: 2, separation: 2, std: 1 },
  cars: { columns: Object.freeze(['horsepower']) as readonly CarsColumn[], nVal: 92 },
  penguins: {
    columns: Object.freeze(['beakLength', 'beakDepth']) as readonly PenguinsColumn[],
    positive: 'Adelie' as PenguinSpecies,
    negative: 'rest' as PenguinSpecies | 'rest',
    nVal: 100,
  },
} as const;

/** The data kinds drawn from the seed by a generator. */
export const GENERATED_KINDS = ['line', 'polynomial', 'highdim', 'blobs'] as const;
/** The data kinds read from a real table shipped with the library. */
export const REAL_KINDS = ['cars', 'penguins'] as const;

/** The mlp's activation when the spec names none. */
export const MLP_DEFAULTS = { activation: 'tanh' } as const;

/** The init when the spec has none, and the normal init's defaults. */
export const INIT_DEFAULTS = { kind: 'normal', std: 0.1, bias: 'zeros' } as const;

/** torch.optim.SGD's defaults (lr has none). */
export const SGD_DEFAULTS = {
  momentum: 0,
  dampening: 0,
  nesterov: false,
  weightDecay: 0,
  maximize: false,
} as const;

/** torch.optim.Adam's defaults (lr has none). */
export const ADAM_DEFAULTS = {
  betas: Object.freeze([0.9, 0.999]) as readonly [number, number],
  eps: 1e-8,
  weightDecay: 0,
  amsgrad: false,
  maximize: false,
} as const;

/** torch.optim.AdamW's defaults: Adam's, with decoupled weightDecay 0.01. */
export const ADAMW_DEFAULTS = { ...ADAM_DEFAULTS, weightDecay: 0.01 } as const;

/** The optimizer defaults by kind. */
export const OPTIMIZER_DEFAULTS = {
  sgd: SGD_DEFAULTS,
  adam: ADAM_DEFAULTS,
  adamw: ADAMW_DEFAULTS,
} as const;
