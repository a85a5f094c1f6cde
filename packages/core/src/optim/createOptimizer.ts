import type { StepTrace } from '../engine/stepTrace.js';
import type { ParamLayout } from '../models/paramLayout.js';
import { optimizerHyper } from '../spec/optimizerHyper.js';
import type { ParamGroupSpec, RunSpec } from '../spec/types.js';
import { type AdamState, type AdamUpdateOptions, adamState, adamUpdate } from './adamUpdate.js';
import { type SgdUpdateOptions, sgdPlain, sgdUpdate } from './sgdUpdate.js';
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
  /** One step of `theta` along `grad` (the buffers given at creation). */
  step(): void;
  /** The same step, with each update rule also writing the decay it applies into the trace. */
  stepTraced(): void;
}

/** The buffers an optimizer works on, the same at every step. */
export interface OptimizerBuffers {
  /** The flat parameter vector, updated in place. */
  readonly theta: Float64Array;
  /** The gradient each step applies (data loss plus any penalty). */
  readonly grad: Float64Array;
  /** Where `stepTraced` writes the decay it applies (see `StepTrace`). */
  readonly trace: StepTrace;
}

/**
 * Resolves param groups as PyTorch does (unlisted parameters form the first group with the
 * optimizer's own settings) and returns the update rule, bound once to the buffers it steps:
 * `step()` and `stepTraced()` always read `grad` and update `theta` in place. Internal.
 *
 * @example
 * const optimizer = createOptimizer(spec, layout, { theta, grad, trace });
 * optimizer.step(); // θ ← θ − lr·(grad + weightDecay·θ) for plain SGD
 */
export function createOptimizer(
  spec: RunSpec,
  layout: ParamLayout,
  { theta, grad, trace }: OptimizerBuffers,
): Optimizer {
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
  // Each group's parameters as runs of adjacent values (one run when a group holds every
  // parameter): the rules work value by value, so a run is updated exactly as its parameters
  // one by one would be, with one call instead of one per parameter.
  const runs = groups.map((g) => {
    const out: [number, number][] = [];
    const sorted = [...g.params].sort((x, y) => (offsets[x] as number) - (offsets[y] as number));
    for (const p of sorted) {
      const o = offsets[p] as number;
      const last = out[out.length - 1];
      if (last && last[0] + last[1] === o) last[1] += sizes[p] as number;
      else out.push([o, sizes[p] as number]);
    }
    return out;
  });
  // Each run's target, traced and not, made once.
  const targetsWith = (t: StepTrace | null): UpdateTarget[][] =>
    runs.map((list) =>
      list.map(([offset, size]): UpdateTarget => ({ theta, grad, trace: t, offset, size })),
    );
  const plain = targetsWith(null);
  const traced = targetsWith(trace);
  if (optimizer.kind === 'sgd') {
    // One group of every parameter in one run, without momentum or maximize (most runs): the
    // plain rule bound to its two targets, without the loop over groups and runs.
    const [only] = groups;
    const [plainRun] = plain[0] ?? [];
    const [tracedRun] = traced[0] ?? [];
    if (
      groups.length === 1 &&
      plain[0]?.length === 1 &&
      only &&
      plainRun &&
      tracedRun &&
      only.hyper.momentum === 0 &&
      !only.hyper.maximize
    ) {
      const { lr, weightDecay } = only.hyper;
      return {
        groups,
        decoupled,
        groupOf,
        step: () => sgdPlain(plainRun, lr, weightDecay),
        stepTraced: () => sgdPlain(tracedRun, lr, weightDecay),
      };
    }
    const bufs = groups.map((g) => (g.hyper.momentum !== 0 ? new Float64Array(size) : null));
    // Each group's options for the first step and for the others, made once.
    const optionsFor = (first: boolean): SgdUpdateOptions[] =>
      groups.map((g, gi) => ({ hyper: g.hyper, momentumBuffer: bufs[gi] ?? null, first }));
    const firstOptions = optionsFor(true);
    const laterOptions = optionsFor(false);
    let first = true;
    const sgdStep = (targets: UpdateTarget[][]) => {
      const options = first ? firstOptions : laterOptions;
      for (let gi = 0; gi < targets.length; gi++) {
        const list = targets[gi] as UpdateTarget[];
        const o = options[gi] as SgdUpdateOptions;
        for (let r = 0; r < list.length; r++) sgdUpdate(list[r] as UpdateTarget, o);
      }
      first = false;
    };
    return {
      groups,
      decoupled,
      groupOf,
      step: () => sgdStep(plain),
      stepTraced: () => sgdStep(traced),
    };
  }
  const states: AdamState[] = groups.map(() => adamState(size));
  const options: AdamUpdateOptions[] = groups.map((g, gi) => ({
    hyper: g.hyper,
    decoupled,
    state: states[gi] as AdamState,
  }));
  const adamStep = (targets: UpdateTarget[][]) => {
    for (let gi = 0; gi < targets.length; gi++) {
      const o = options[gi] as AdamUpdateOptions;
      o.state.step += 1;
      const list = targets[gi] as UpdateTarget[];
      for (let r = 0; r < list.length; r++) adamUpdate(list[r] as UpdateTarget, o);
    }
  };
  return {
    groups,
    decoupled,
    groupOf,
    step: () => adamStep(plain),
    stepTraced: () => adamStep(traced),
  };
}
