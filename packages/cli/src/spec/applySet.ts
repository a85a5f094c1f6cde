import { usageError } from '../cli/cliError.js';

/** Splits `optimizer.lr`, `model.hidden[0]` or `model.hidden.0` into keys. */
export function splitPath(path: string): (string | number)[] {
  const keys: (string | number)[] = [];
  for (const part of path.replace(/\[(\d+)\]/g, '.$1').split('.')) {
    if (part === '') throw usageError(`--set: bad path ${JSON.stringify(path)}`);
    keys.push(/^\d+$/.test(part) ? Number(part) : part);
  }
  return keys;
}

/** A `--set` value: JSON when it parses (`0.01`, `true`, `[8,8]`, `null`), else the string itself. */
export function parseValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Returns a copy of `spec` with `path` set to `value`, creating objects on the way.
 *
 * @example
 * applySet({ optimizer: { kind: 'sgd', lr: 0.1 } }, 'optimizer.weightDecay', 0.01)
 */
export function applySet(spec: unknown, path: string, value: unknown): unknown {
  const keys = splitPath(path);
  const root = structuredClone(spec) as Record<string | number, unknown>;
  let node: Record<string | number, unknown> = root;
  keys.forEach((key, i) => {
    if (i === keys.length - 1) {
      node[key] = value;
      return;
    }
    const next = node[key];
    if (typeof next !== 'object' || next === null) {
      node[key] = typeof keys[i + 1] === 'number' ? [] : {};
    }
    node = node[key] as Record<string | number, unknown>;
  });
  return root;
}

/**
 * Applies `--set path=value` assignments in order.
 *
 * @example
 * applySets(spec, ['optimizer.weightDecay=0.01', 'steps=200'])
 */
export function applySets(spec: unknown, sets: readonly string[]): unknown {
  let out = spec;
  for (const set of sets) {
    const eq = set.indexOf('=');
    if (eq <= 0) throw usageError(`--set: expected path=value, got ${JSON.stringify(set)}`);
    out = applySet(out, set.slice(0, eq).trim(), parseValue(set.slice(eq + 1)));
  }
  return out;
}
