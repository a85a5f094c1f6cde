import { createHash } from 'node:crypto';
import { usageError } from '../cli/cliError.js';
import { applySet, parseValue, splitPath } from '../spec/applySet.js';

/** One axis of a grid: a spec path and its values. */
export interface Axis {
  readonly path: string;
  readonly values: readonly unknown[];
}

/** One point of the grid: its index in the whole grid and the value per axis. */
export interface Combo {
  readonly index: number;
  readonly values: readonly unknown[];
}

/** The most runs one sweep process takes on; larger grids must be split with --shard. */
export const MAX_RUNS = 10_000;

/** A value longer than this is shortened in file names (start + a hash of the whole). */
export const MAX_NAME_VALUE = 32;

/**
 * Reads `--grid optimizer.weightDecay=0,1e-4,1e-3`: values are JSON when they parse, else
 * strings. When the list holds a `;`, values are separated by `;` instead, so that arrays and
 * objects fit: `--grid 'model.hidden=[8];[16,16];[32,32]'` (a single such value: `[8,8];`).
 *
 * @example
 * parseAxis('optimizer.lr=0.01,0.1') // { path: 'optimizer.lr', values: [0.01, 0.1] }
 */
export function parseAxis(text: string): Axis {
  const eq = text.indexOf('=');
  if (eq <= 0) throw usageError(`--grid: expected path=v1,v2,..., got ${JSON.stringify(text)}`);
  const path = text.slice(0, eq).trim();
  splitPath(path, { flag: '--grid' });
  const list = text.slice(eq + 1);
  const values = list
    .split(list.includes(';') ? ';' : ',')
    .map((v) => v.trim())
    .filter((v) => v !== '')
    .map(parseValue);
  if (values.length === 0) throw usageError(`--grid ${path}: no values`);
  return { path, values };
}

/** Reads every `--grid`; naming the same path twice is an error (not "the last one wins"). */
export function parseGrid(texts: readonly string[]): Axis[] {
  const axes = texts.map(parseAxis);
  const seen = new Map<string, string>();
  for (const a of axes) {
    const key = splitPath(a.path, { flag: '--grid' }).join('.');
    if (seen.has(key))
      throw usageError(
        `--grid ${a.path}: given twice (once per path; list all its values in one --grid)`,
      );
    seen.set(key, a.path);
  }
  return axes;
}

/** The number of combinations (exit 2 past Number.MAX_SAFE_INTEGER). */
export function gridSize(axes: readonly Axis[]): number {
  const n = axes.reduce((p, a) => p * a.values.length, 1);
  if (!Number.isSafeInteger(n)) throw usageError(`--grid: ${n} combinations is too many to count`);
  return n;
}

/** The combination at `index` (the last axis varying fastest), without listing the others. */
export function comboAt(axes: readonly Axis[], index: number): Combo {
  const values: unknown[] = new Array(axes.length);
  let rest = index;
  for (let k = axes.length - 1; k >= 0; k--) {
    const n = (axes[k] as Axis).values.length;
    values[k] = (axes[k] as Axis).values[rest % n];
    rest = Math.floor(rest / n);
  }
  return { index, values };
}

/** Every combination, lazily, in index order. */
export function* combos(axes: readonly Axis[]): Generator<Combo> {
  const total = gridSize(axes);
  for (let i = 0; i < total; i++) yield comboAt(axes, i);
}

/** A shard of a grid: the i-th (1-based) of n. */
export interface Shard {
  readonly i: number;
  readonly n: number;
}

/** How many of `total` combinations shard `shard` takes (every n-th, from i − 1). */
export function shardCount(total: number, shard: Shard | null): number {
  if (!shard) return total;
  return total < shard.i ? 0 : Math.floor((total - shard.i) / shard.n) + 1;
}

/** The indices of a shard, lazily: i − 1, i − 1 + n, … (so shards get similar work). */
export function* shardIndices(total: number, shard: Shard | null): Generator<number> {
  const start = shard ? shard.i - 1 : 0;
  const step = shard ? shard.n : 1;
  for (let k = start; k < total; k += step) yield k;
}

/** The spec of one combo. */
export function comboSpec(spec: unknown, axes: readonly Axis[], combo: Combo): unknown {
  return axes.reduce((s, a, k) => applySet(s, a.path, combo.values[k], { flag: '--grid' }), spec);
}

const hash = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 8);

/**
 * `03-optimizer.weightDecay=0.001`: a file-safe name, zero-padded to the size of the whole grid;
 * a value longer than MAX_NAME_VALUE characters is cut and followed by a hash of the whole value.
 */
export function comboName(axes: readonly Axis[], combo: Combo, total: number): string {
  const idx = String(combo.index + 1).padStart(String(total).length, '0');
  const parts = axes.map((a, k) => {
    let v = (JSON.stringify(combo.values[k]) ?? '').replace(/^"|"$/g, '');
    if (v.length > MAX_NAME_VALUE) v = `${v.slice(0, MAX_NAME_VALUE - 9)}~${hash(v)}`;
    let p = a.path;
    if (p.length > MAX_NAME_VALUE) p = `${p.slice(0, MAX_NAME_VALUE - 9)}~${hash(p)}`;
    return `${p}=${v}`;
  });
  let name = `${idx}-${parts.join(',')}`.replace(/[^A-Za-z0-9._=,+~-]/g, '_');
  if (name.length > 160) name = `${name.slice(0, 150)}~${hash(name)}`;
  return name;
}
