import { type Checker, isObj, join, type Obj } from './check.js';
import { OPTIMIZER_DEFAULTS } from './defaults.js';
import { nonNegative, positive } from './rules.js';
import type { OptimizerSpec, ParamGroupSpec } from './types.js';

/** The keys each optimizer kind accepts (in an optimizer or one of its param groups). */
export const OPTIMIZER_KEYS = {
  sgd: ['lr', 'momentum', 'dampening', 'nesterov', 'weightDecay', 'maximize'],
  adam: ['lr', 'betas', 'eps', 'weightDecay', 'amsgrad', 'maximize'],
  adamw: ['lr', 'betas', 'eps', 'weightDecay', 'amsgrad', 'maximize'],
} as const;

/**
 * Reads `optimizer`: sgd, adam or adamw with torch's defaults filled in (lr is required).
 *
 * @example
 * readOptimizer(new Checker(), { kind: 'adamw', lr: 0.01 }) // weightDecay: 0.01, betas: [0.9, 0.999], …
 */
export function readOptimizer(c: Checker, value: unknown): OptimizerSpec | undefined {
  if (value === undefined) return c.fail('optimizer', 'an optimizer (missing)');
  if (!isObj(value)) return c.fail('optimizer', 'an object', value);
  const kind = c.oneOf(value.kind, 'optimizer.kind', ['sgd', 'adam', 'adamw']);
  if (!kind) return undefined;
  c.object(value, 'optimizer', ['kind', ...OPTIMIZER_KEYS[kind]]);
  if (value.lr === undefined) c.fail('optimizer.lr', 'a positive finite number (missing)');
  const h = readHyper(c, value, 'optimizer', kind);
  if (!h) return undefined;
  if (kind === 'sgd') {
    const optimizer = { kind, lr: h.lr ?? 0, ...OPTIMIZER_DEFAULTS.sgd, ...h };
    checkNesterov(c, 'optimizer', optimizer);
    return optimizer;
  }
  return { kind, lr: h.lr ?? 0, ...OPTIMIZER_DEFAULTS[kind], ...h };
}

type Hyper = { -readonly [K in keyof ParamGroupSpec]?: ParamGroupSpec[K] };

/** Reads the hyperparameters present in `o` (an optimizer or a param group). */
export function readHyper(
  c: Checker,
  o: Obj,
  path: string,
  kind: OptimizerSpec['kind'],
): Hyper | undefined {
  const before = c.issues.length;
  const h: Hyper = {};
  const at = (key: string) => join(path, key);
  if (o.lr !== undefined) h.lr = c.number(o.lr, at('lr'), positive);
  if (o.weightDecay !== undefined)
    h.weightDecay = c.number(o.weightDecay, at('weightDecay'), nonNegative);
  if (o.maximize !== undefined) h.maximize = c.boolean(o.maximize, at('maximize'));
  if (kind === 'sgd') {
    if (o.momentum !== undefined) h.momentum = c.number(o.momentum, at('momentum'), nonNegative);
    if (o.dampening !== undefined) {
      h.dampening = c.number(o.dampening, at('dampening'), {
        min: 0,
        max: 1,
        expected: 'a number from 0 to 1',
      });
    }
    if (o.nesterov !== undefined) h.nesterov = c.boolean(o.nesterov, at('nesterov'));
  } else {
    if (o.eps !== undefined) h.eps = c.number(o.eps, at('eps'), nonNegative);
    if (o.amsgrad !== undefined) h.amsgrad = c.boolean(o.amsgrad, at('amsgrad'));
    if (o.betas !== undefined) {
      const b = o.betas;
      if (!Array.isArray(b) || b.length !== 2) c.fail(at('betas'), 'two numbers [beta1, beta2]', b);
      else {
        const range = { min: 0, max: 1, maxExclusive: true, expected: 'a number in [0, 1)' };
        const b1 = c.number(b[0], join(at('betas'), 0), range);
        const b2 = c.number(b[1], join(at('betas'), 1), range);
        if (b1 !== undefined && b2 !== undefined) h.betas = [b1, b2];
      }
    }
  }
  return c.issues.length > before ? undefined : h;
}

/** torch's rule: nesterov needs momentum > 0 and dampening 0. */
export function checkNesterov(
  c: Checker,
  path: string,
  o: { nesterov?: boolean; momentum?: number; dampening?: number },
): void {
  if (o.nesterov && (!o.momentum || o.momentum <= 0)) {
    c.fail(join(path, 'nesterov'), 'nesterov needs momentum > 0 (got momentum 0)');
  } else if (o.nesterov && o.dampening) {
    c.fail(join(path, 'nesterov'), `nesterov needs dampening 0 (got dampening ${o.dampening})`);
  }
}
