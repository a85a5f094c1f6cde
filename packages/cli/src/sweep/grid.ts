import { usageError } from '../cli/cliError.js';
import { applySet, parseValue } from '../spec/applySet.js';

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

/** Reads `--grid optimizer.weightDecay=0,1e-4,1e-3` (values are JSON when they parse). */
export function parseAxis(text: string): Axis {
  const eq = text.indexOf('=');
  if (eq <= 0) throw usageError(`--grid: expected path=v1,v2,..., got ${JSON.stringify(text)}`);
  const values = text
    .slice(eq + 1)
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '')
    .map(parseValue);
  if (values.length === 0) throw usageError(`--grid ${text.slice(0, eq)}: no values`);
  return { path: text.slice(0, eq).trim(), values };
}

/** Every combination of the axes, the last axis varying fastest. */
export function combos(axes: readonly Axis[]): Combo[] {
  let out: unknown[][] = [[]];
  for (const a of axes) out = out.flatMap((prefix) => a.values.map((v) => [...prefix, v]));
  return out.map((values, index) => ({ index, values }));
}

/** Reads `--shard i/n` (1-based i). */
export function parseShard(text: string | undefined): { i: number; n: number } | null {
  if (text === undefined) return null;
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const i = Number(m?.[1]);
  const n = Number(m?.[2]);
  if (!m || n < 1 || i < 1 || i > n)
    throw usageError(
      `--shard: expected i/n with 1 ≤ i ≤ n (e.g. 2/4), got ${JSON.stringify(text)}`,
    );
  return { i, n };
}

/** The combos of shard i of n: every n-th, starting at i − 1 (so shards get similar work). */
export function shardOf(all: readonly Combo[], shard: { i: number; n: number } | null): Combo[] {
  return shard ? all.filter((c) => c.index % shard.n === shard.i - 1) : [...all];
}

/** The spec of one combo. */
export function comboSpec(spec: unknown, axes: readonly Axis[], combo: Combo): unknown {
  return axes.reduce((s, a, k) => applySet(s, a.path, combo.values[k]), spec);
}

/** `03-optimizer.weightDecay=0.001`: a file-safe name, zero-padded to the size of the whole grid. */
export function comboName(axes: readonly Axis[], combo: Combo, total: number): string {
  const idx = String(combo.index + 1).padStart(String(total).length, '0');
  const parts = axes.map(
    (a, k) => `${a.path}=${JSON.stringify(combo.values[k])?.replace(/^"|"$/g, '')}`,
  );
  return `${idx}-${parts.join(',')}`.replace(/[^A-Za-z0-9._=,+-]/g, '_');
}
