import { sizeOf } from './paramShapes.js';

/**
 * Where each parameter lives in the flat parameter vector `theta`, built once per net:
 * parameter `i` is `names[i]` with shape `shapes[i]`, stored at `theta[offsets[i] ..
 * offsets[i] + sizes[i])` in PyTorch's order and (row-major) layout. Internal.
 *
 * @example
 * const l = paramLayout([['weight', [3]], ['bias', [1]]]);
 * l.offsets; // [0, 3]
 * l.size; // 4
 */
export interface ParamLayout {
  readonly names: readonly string[];
  readonly shapes: readonly (readonly number[])[];
  readonly offsets: readonly number[];
  readonly sizes: readonly number[];
  /** Total number of parameter values. */
  readonly size: number;
  /** The index of a parameter name, or -1. */
  indexOf(name: string): number;
}

/** Builds the layout of parameters given as `[name, shape]` pairs, in order. */
export function paramLayout(
  params: readonly (readonly [string, readonly number[]])[],
): ParamLayout {
  const names = params.map(([name]) => name);
  const shapes = params.map(([, shape]) => [...shape]);
  const sizes = shapes.map(sizeOf);
  const offsets: number[] = [];
  let size = 0;
  for (const s of sizes) {
    offsets.push(size);
    size += s;
  }
  const index = new Map(names.map((n, i) => [n, i]));
  return { names, shapes, offsets, sizes, size, indexOf: (name) => index.get(name) ?? -1 };
}
