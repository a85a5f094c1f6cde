import type { ParamValues } from '../events.js';

/** A plain array copy of buf[offset .. offset+size). */
export function slice(buf: Float64Array, offset: number, size: number): number[] {
  const out = new Array<number>(size);
  for (let i = 0; i < size; i++) out[i] = buf[offset + i] as number;
  return out;
}

/** Plain per-parameter arrays copied out of a flat buffer: a snapshot a consumer may keep. */
export function snapshot(
  buf: Float64Array,
  names: readonly string[],
  offsets: readonly number[],
  sizes: readonly number[],
): ParamValues {
  const out: Record<string, number[]> = {};
  names.forEach((name, p) => {
    out[name] = slice(buf, offsets[p] as number, sizes[p] as number);
  });
  return out;
}
