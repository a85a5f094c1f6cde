import { usageError } from '../cli/cliError.js';

/** Path segments that would reach an object's prototype: never spec fields. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
]);

/** How deeply a spec may nest (objects and arrays): the RunSpec needs 4; anything past this is a mistake. */
export const MAX_SPEC_DEPTH = 64;

/**
 * Splits `optimizer.lr`, `model.hidden[0]` or `model.hidden.0` into keys; refuses empty,
 * prototype-reaching (`__proto__`, `constructor`, `prototype`) and too deep paths (exit 2).
 *
 * @example
 * splitPath('model.hidden[0]') // ['model', 'hidden', 0]
 */
export function splitPath(
  path: string,
  { flag = '--set' }: { flag?: string } = {},
): (string | number)[] {
  const keys: (string | number)[] = [];
  for (const part of path.replace(/\[(\d+)\]/g, '.$1').split('.')) {
    if (part === '') throw usageError(`${flag}: bad path ${JSON.stringify(path)}`);
    if (FORBIDDEN_KEYS.has(part))
      throw usageError(
        `${flag} ${path}: "${part}" is not a spec field (paths may not name ${[...FORBIDDEN_KEYS].join(', ')})`,
      );
    keys.push(/^\d+$/.test(part) ? Number(part) : part);
  }
  if (keys.length > MAX_SPEC_DEPTH)
    throw usageError(
      `${flag}: path ${JSON.stringify(path.slice(0, 40))}… has ${keys.length} parts (at most ${MAX_SPEC_DEPTH})`,
    );
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
 * A deep copy of JSON data built from null-prototype objects, refusing `__proto__`-like keys and
 * nesting deeper than `MAX_SPEC_DEPTH` (a spec error, exit 2, instead of a stack overflow).
 *
 * @example
 * plainCopy(JSON.parse(text), 'spec.json')
 */
export function plainCopy(value: unknown, source: string): unknown {
  // Check the depth iteratively first, so that the copy below cannot overflow the stack.
  const stack: [unknown, number, string][] = [[value, 0, '']];
  while (stack.length > 0) {
    const [v, depth, at] = stack.pop() as [unknown, number, string];
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= MAX_SPEC_DEPTH)
      throw usageError(
        `${source}: invalid spec: ${at.slice(0, 60) || '(root)'}… nests deeper than ${MAX_SPEC_DEPTH} levels`,
      );
    for (const [k, child] of Object.entries(v)) {
      if (FORBIDDEN_KEYS.has(k))
        throw usageError(`${source}: invalid spec: ${at ? `${at}.` : ''}${k} is not a spec field`);
      stack.push([child, depth + 1, at ? `${at}.${k}` : k]);
    }
  }
  const copy = (v: unknown): unknown => {
    if (typeof v !== 'object' || v === null) return v;
    if (Array.isArray(v)) return v.map(copy);
    const out = Object.create(null) as Record<string, unknown>;
    for (const [k, child] of Object.entries(v)) out[k] = copy(child);
    return out;
  };
  return copy(value);
}

/**
 * Returns a copy of `spec` with `path` set to `value`, creating (null-prototype) objects on the way.
 *
 * @example
 * applySet({ optimizer: { kind: 'sgd', lr: 0.1 } }, 'optimizer.weightDecay', 0.01)
 */
export function applySet(
  spec: unknown,
  path: string,
  value: unknown,
  { flag = '--set', source = flag }: { flag?: string; source?: string } = {},
): unknown {
  const keys = splitPath(path, { flag });
  const root = plainCopy(
    typeof spec === 'object' && spec !== null ? spec : Object.create(null),
    source,
  ) as Record<string | number, unknown>;
  const leaf = plainCopy(value, `${flag} ${path}`);
  let node: Record<string | number, unknown> = root;
  keys.forEach((key, i) => {
    if (i === keys.length - 1) {
      node[key] = leaf;
      return;
    }
    const next = Object.hasOwn(node, key) ? node[key] : undefined;
    if (typeof next !== 'object' || next === null) {
      node[key] = typeof keys[i + 1] === 'number' ? [] : Object.create(null);
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
export function applySets(spec: unknown, sets: readonly string[], source = '--set'): unknown {
  let out = spec;
  for (const set of sets) {
    const eq = set.indexOf('=');
    if (eq <= 0) throw usageError(`--set: expected path=value, got ${JSON.stringify(set)}`);
    out = applySet(out, set.slice(0, eq).trim(), parseValue(set.slice(eq + 1)), { source });
  }
  return out;
}
