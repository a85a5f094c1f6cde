import { sizeOf } from '../models/paramShapes.js';
import { type Checker, isObj, join } from './check.js';
import { INIT_DEFAULTS } from './defaults.js';
import { positive } from './rules.js';
import type { InitSpec } from './types.js';

/**
 * Reads `init`: seeded normal (std, bias), zeros, or inline values per parameter, checked
 * against the model's parameter shapes.
 *
 * @example
 * readInit(new Checker(), undefined, shapes) // { kind: 'normal', std: 0.1, bias: 'zeros' }
 */
export function readInit(
  c: Checker,
  value: unknown,
  shapes: [string, number[]][] | undefined,
): InitSpec | undefined {
  if (value === undefined) return { ...INIT_DEFAULTS };
  if (!isObj(value)) return c.fail('init', 'an object', value);
  if (value.kind === 'zeros') {
    c.object(value, 'init', ['kind']);
    return { kind: 'zeros' };
  }
  if (value.kind === 'normal') {
    c.object(value, 'init', ['kind', 'std', 'bias']);
    const std =
      value.std === undefined ? INIT_DEFAULTS.std : c.number(value.std, 'init.std', positive);
    const bias =
      value.bias === undefined
        ? INIT_DEFAULTS.bias
        : c.oneOf(value.bias, 'init.bias', ['zeros', 'normal']);
    return std === undefined || !bias ? undefined : { kind: 'normal', std, bias };
  }
  if (value.kind !== undefined && typeof value.kind !== 'object') {
    return c.fail('init.kind', '"normal" or "zeros" (or inline values per parameter)', value.kind);
  }
  if (!shapes) return undefined;
  const names = shapes.map(([n]) => n);
  c.object(value, 'init', names);
  const out: Record<string, number[]> = {};
  for (const [name, dims] of shapes) {
    const path = join('init', name);
    const size = sizeOf(dims);
    const given = value[name];
    if (!Array.isArray(given)) {
      c.fail(path, `${size} numbers for shape [${dims.join(', ')}]`, given);
    } else if (given.length !== size) {
      c.fail(path, `expected ${size} numbers for shape [${dims.join(', ')}], got ${given.length}`);
    } else {
      const bad = given.findIndex((v) => typeof v !== 'number' || !Number.isFinite(v));
      if (bad >= 0) c.fail(join(path, bad), 'a finite number', given[bad]);
      else out[name] = given as number[];
    }
  }
  return out;
}
