import type { RunSpec } from './spec/types.js';

/** Flat per-parameter arrays keyed by parameter name, in PyTorch's layout (row-major). */
export type ParamValues = { readonly [name: string]: readonly number[] };

/** The format version of the RunEvent stream and of NDJSON recordings. */
export const EVENT_VERSION = 1 as const;

/** The first event of every run: the normalized spec and every parameter's shape. */
export interface RunStartEvent {
  readonly type: 'run';
  readonly version: typeof EVENT_VERSION;
  readonly spec: RunSpec;
  readonly shapes: { readonly [name: string]: readonly number[] };
  /** θ before the first step (the initialization). */
  readonly params: ParamValues;
  /**
   * Each parameter's learning rate and weight decay after param-group resolution (PyTorch's
   * rules: a parameter in a group takes the group's values, else the optimizer's). Constant for
   * the whole run: there are no learning-rate schedules. A backwards-compatible addition to
   * version 1: recordings made before it lack the field.
   */
  readonly paramHyper?: { readonly [name: string]: ParamHyper };
}

/** A parameter's resolved hyperparameters, in the `run` event. */
export interface ParamHyper {
  readonly lr: number;
  readonly weightDecay: number;
}

export interface LossValues {
  /** The data loss L0 (mse or bce-logits) at the parameters before the step. */
  readonly data: number;
  /** The penalty term (λ/2·Σθ² or λ·Σ|θ|) at the parameters before the step; 0 without one. */
  readonly penalty: number;
  /** data + penalty. */
  readonly total: number;
}

/** One optimizer step. */
export interface StepEvent {
  readonly type: 'step';
  /** 1-based step number. */
  readonly step: number;
  /** 1-based epoch the step's batch belongs to. */
  readonly epoch: number;
  /**
   * The optimizer's own learning rate (`spec.optimizer.lr`). Each parameter's resolved rate is
   * in the `run` event's `paramHyper`; without schedules it does not change between steps.
   */
  readonly lr: number;
  readonly loss: LossValues;
  /** ∂L0/∂θ at the parameters before the step (the data loss only). */
  readonly grad: ParamValues;
  /**
   * What regularization adds to the gradient this step: the penalty's gradient (λθ or λ·sign θ)
   * plus the optimizer's coupled weightDecay·θ. Only parameters where it is non-zero are listed.
   */
  readonly decayGrad: ParamValues;
  /**
   * The decoupled shrink lr·λ·θ (AdamW) subtracted from θ before the Adam step, for parameters
   * whose group has decoupled decay with λ ≠ 0. Absent otherwise.
   */
  readonly decoupledDecay?: ParamValues;
  /** θ after the step: the decayed weights. */
  readonly params: ParamValues;
  /** The data loss on the validation set at θ after the step, when the run has validation data. */
  readonly val?: { readonly loss: number };
  /** ‖θ‖₂ of each parameter after the step. */
  readonly norms: { readonly [name: string]: number };
}

export type EndReason = 'completed' | 'diverged' | 'cancelled';

/** The last event of a run. */
export interface EndEvent {
  readonly type: 'end';
  readonly reason: EndReason;
  /** How many steps were completed. */
  readonly steps: number;
  /** For `diverged`: the step whose loss or parameters became non-finite. */
  readonly step?: number;
}

/** Everything a run emits: a discriminated union on `type`. */
export type RunEvent = RunStartEvent | StepEvent | EndEvent;
