import { optimizerHyper } from '../spec/parseSpec.js';
import type { ParamGroupSpec, RunSpec } from '../spec/types.js';
import { type AdamState, adamState, adamUpdate } from './adam.js';
import { sgdUpdate } from './sgd.js';

/** A resolved param group: its hyperparameters and the indices of its parameters. */
export interface Group {
  readonly hyper: Required<Omit<ParamGroupSpec, 'params'>>;
  readonly params: readonly number[];
}

export interface Optimizer {
  readonly groups: readonly Group[];
  /** True for AdamW, whose weightDecay shrinks θ directly instead of adding to the gradient. */
  readonly decoupled: boolean;
  step(theta: Float64Array, grad: Float64Array): void;
}

/**
 * Resolves param groups as PyTorch does (unlisted parameters form the first group with the
 * optimizer's own settings) and returns the update rule over the flat parameter vector.
 */
export function createOptimizer(
  spec: RunSpec,
  names: readonly string[],
  offsets: readonly number[],
  sizes: readonly number[],
  size: number,
): Optimizer {
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
      params: params.map((p) => names.indexOf(p)),
    });
  }
  const decoupled = optimizer.kind === 'adamw';
  if (optimizer.kind === 'sgd') {
    const bufs = groups.map((g) => (g.hyper.momentum !== 0 ? new Float64Array(size) : null));
    let first = true;
    return {
      groups,
      decoupled,
      step(theta, grad) {
        for (let gi = 0; gi < groups.length; gi++) {
          const group = groups[gi] as Group;
          const buf = bufs[gi] ?? null;
          for (const p of group.params) {
            sgdUpdate(
              group.hyper,
              buf,
              first,
              theta,
              grad,
              offsets[p] as number,
              sizes[p] as number,
            );
          }
        }
        first = false;
      },
    };
  }
  const states: AdamState[] = groups.map(() => adamState(size));
  return {
    groups,
    decoupled,
    step(theta, grad) {
      for (let gi = 0; gi < groups.length; gi++) {
        const group = groups[gi] as Group;
        const state = states[gi] as AdamState;
        state.step += 1;
        for (const p of group.params) {
          adamUpdate(
            group.hyper,
            decoupled,
            state,
            theta,
            grad,
            offsets[p] as number,
            sizes[p] as number,
          );
        }
      }
    },
  };
}
