import { type Checker, isObj, join } from './check.js';
import { MLP_DEFAULTS } from './defaults.js';
import { MAX_DEGREE, MAX_HIDDEN_LAYERS, MAX_HIDDEN_WIDTH } from './limits.js';
import { count } from './rules.js';
import type { Activation, ModelSpec } from './types.js';

/**
 * Reads `model`: linear, logistic, polynomial (degree) or mlp (hidden widths, activation).
 *
 * @example
 * readModel(new Checker(), { kind: 'mlp', hidden: [8] }) // { kind: 'mlp', hidden: [8], activation: 'tanh' }
 */
export function readModel(c: Checker, value: unknown): ModelSpec | undefined {
  if (value === undefined) return c.fail('model', 'a model (missing)');
  if (!isObj(value)) return c.fail('model', 'an object', value);
  const kind = c.oneOf(value.kind, 'model.kind', ['linear', 'logistic', 'polynomial', 'mlp']);
  if (kind === 'linear' || kind === 'logistic') {
    c.object(value, 'model', ['kind']);
    return { kind };
  }
  if (kind === 'polynomial') {
    c.object(value, 'model', ['kind', 'degree']);
    const degree = c.number(value.degree, 'model.degree', count(MAX_DEGREE));
    return degree === undefined ? undefined : { kind, degree };
  }
  if (kind === 'mlp') {
    c.object(value, 'model', ['kind', 'hidden', 'activation']);
    let hidden: number[] | undefined;
    if (!Array.isArray(value.hidden) || value.hidden.length === 0) {
      c.fail('model.hidden', 'a non-empty array of layer widths', value.hidden);
    } else if (value.hidden.length > MAX_HIDDEN_LAYERS) {
      c.fail(
        'model.hidden',
        `expected at most ${MAX_HIDDEN_LAYERS} hidden layers, got ${value.hidden.length}`,
      );
    } else {
      hidden = value.hidden.map(
        (w, i) => c.number(w, join('model.hidden', i), count(MAX_HIDDEN_WIDTH)) ?? 1,
      );
    }
    const activation =
      value.activation === undefined
        ? MLP_DEFAULTS.activation
        : c.oneOf<Activation>(value.activation, 'model.activation', ['tanh', 'relu', 'sigmoid']);
    return hidden && activation ? { kind, hidden, activation } : undefined;
  }
  return undefined;
}
