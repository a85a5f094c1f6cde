import type { StepTrace } from '../engine/stepTrace.js';
import type { ParamLayout } from '../models/paramLayout.js';
import { optimizerHyper } from '../spec/optimizerHyper.js';
import type { ParamGroupSpec, RunSpec } from '../spec/types.js';
import { type AdamState, adamState, adamUpdate } from './adamUpdate.js';
import { sgdUpdate } from './sgdUpdate.js';
import type { UpdateTarget } from './updateTarget.js';

/** A resolved param group: its hyperparameters and the indices of its parameters. */
export interface Group {
  readonly hyper: Required<Omit<ParamGroupSpec, 'params'>>;
  readonly params: readonly number[];
}

export interface Optimizer {
  readonly groups: readonly Group[];
  /** True for AdamW, whose weightDecay shrinks θ directly instead of adding to the gradient. */
  readonly decoupled: boolean;
  /** Each parameter's group, by parameter index in the layout. */
  readonly groupOf: readonly Group[];
  /**
   * One step over the flat parameter vector. With a `trace`, each update rule also writes the
   * decay it applies there (see `StepTrace`).
   */
  step(theta: Float64Array, grad: Float64Array, trace: StepTrace | null): void;
}

/**
 * Resolves param groups as PyTorch does (unlisted parameters form the first group with the
 * optimizer's own settings) and returns the update rule over the flat parameter vector.
 */
export function createOptimizer(spec: RunSpec, layout: ParamLayout): Optimizer {
  const { names, offsets, sizes, size } = layout;
  const { optimizer } = spec;
  const base = optimizerHyper(optimizer);
  const listed = new Set(spec.paramGroups.flatMap((g) => g.params));
  const groups: Group[] = [];
  const rest = names.map((_, i) => i).filter((i) => !listed.has(names[i] as string));
  if (rest.length > 0) groups.push({ hyper: base as Group['hyper'], params: rest });
  for (const g of spec.paramGroups) {
    const { params, ...overrides } = g;
    groups.push({
      hyper: { ...base, ...overrides } as Group['hyper'],
      params: params.map((p) => layout.indexOf(p)),
    });
  }
  const groupOf: Group[] = [];
  for (const g of groups) for (const p of g.params) groupOf[p] = g;
  const decoupled = optimizer.kind === 'adamw';
  // Each parameter's target, made once per (theta, grad, trace) buffers: a session passes the
  // same ones every step, with or without its trace.
  const memo: { key: [Float64Array, Float64Array, StepTrace | null]; targets: UpdateTarget[] }[] =
    [];
  const targetsFor = (theta: Float64Array, grad: Float64Array, trace: StepTrace | null) => {
    for (const { key, targets } of memo)
      if (key[0] === theta && key[1] === grad && key[2] === trace) return targets;
    const targets = names.map(
      (_, p): UpdateTarget => ({
        theta,
        grad,
        trace,
        offset: offsets[p] as number,
        size: sizes[p] as number,
      }),
    );
    if (memo.length >= 2) memo.shift();
    memo.push({ key: [theta, grad, trace], targets });
    return targets;
  };
  if (optimizer.kind === 'sgd') {
    const bufs = groups.map((g) => (g.hyper.momentum !== 0 ? new Float64Array(size) : null));
    let first = true;
    return {
      groups,
      decoupled,
      groupOf,
      step(theta, grad, trace) {
        const targets = targetsFor(theta, grad, trace);
        for (let gi = 0; gi < groups.length; gi++) {
          const group = groups[gi] as Group;
          const options = { hyper: group.hyper, momentumBuffer: bufs[gi] ?? null, first };
          for (const p of group.params) sgdUpdate(targets[p] as UpdateTarget, options);
        }
        first = false;
      },
    };
  }
  const states: AdamState[] = groups.map(() => adamState(size));
  return {
    groups,
    decoupled,
    groupOf,
    step(theta, grad, trace) {
      const targets = targetsFor(theta, grad, trace);
      for (let gi = 0; gi < groups.length; gi++) {
        const group = groups[gi] as Group;
        const state = states[gi] as AdamState;
        state.step += 1;
        const options = { hyper: group.hyper, decoupled, state };
        for (const p of group.params) adamUpdate(targets[p] as UpdateTarget, options);
      }
    },
  };
}
