import { type Checker, join } from './check.js';
import { optimizerHyper } from './optimizerHyper.js';
import { checkNesterov, OPTIMIZER_KEYS, readHyper } from './readOptimizer.js';
import type { OptimizerSpec, ParamGroupSpec } from './types.js';

/**
 * Reads `paramGroups`: each group lists parameters (each in one group only) and overrides some
 * of the optimizer's hyperparameters; the rest are filled in from the optimizer.
 *
 * @example
 * readGroups(new Checker(), [{ params: ['bias'], weightDecay: 0 }], optimizer, ['weight', 'bias'])
 */
export function readGroups(
  c: Checker,
  value: unknown,
  optimizer: OptimizerSpec | undefined,
  names: string[] | undefined,
): ParamGroupSpec[] | undefined {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return c.fail('paramGroups', 'an array of param groups', value);
  if (!optimizer || !names) return undefined;
  const owner = new Map<string, number>();
  const groups: ParamGroupSpec[] = [];
  value.forEach((g, i) => {
    const path = join('paramGroups', i);
    const o = c.object(g, path, ['params', ...OPTIMIZER_KEYS[optimizer.kind]]);
    if (!o) return;
    const params = c.names(o.params, join(path, 'params'), names);
    for (const name of params ?? []) {
      const first = owner.get(name);
      if (first !== undefined) {
        c.fail(
          join(path, 'params'),
          `parameter "${name}" is already in paramGroups[${first}] (a parameter may be in one group only)`,
        );
      } else owner.set(name, i);
    }
    const h = readHyper(c, o, path, optimizer.kind);
    if (!h || !params) return;
    const group = { ...optimizerHyper(optimizer), ...h, params } as ParamGroupSpec;
    if (optimizer.kind === 'sgd') checkNesterov(c, path, group);
    groups.push(group);
  });
  return groups;
}
