import type { Checker } from './check.js';
import { SPEC_DEFAULTS } from './defaults.js';
import { nonNegative } from './rules.js';
import type { PenaltySpec } from './types.js';

/**
 * Reads `penalty`: l1 or l2 with λ, over the listed parameters (default: all of them).
 *
 * @example
 * readPenalty(new Checker(), { kind: 'l2', lambda: 0.1 }, ['weight', 'bias']) // params: ['weight', 'bias']
 */
export function readPenalty(
  c: Checker,
  value: unknown,
  names: string[] | undefined,
): PenaltySpec | null | undefined {
  if (value === undefined || value === null) return SPEC_DEFAULTS.penalty;
  const p = c.object(value, 'penalty', ['kind', 'lambda', 'params']);
  if (!p) return undefined;
  const kind = c.oneOf(p.kind, 'penalty.kind', ['l1', 'l2']);
  const lambda = c.number(p.lambda, 'penalty.lambda', nonNegative);
  const params =
    p.params === undefined ? names : names ? c.names(p.params, 'penalty.params', names) : undefined;
  if (!kind || lambda === undefined || !params) return undefined;
  return { kind, lambda, params };
}
