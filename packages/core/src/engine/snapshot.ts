import type { ParamValues } from '../events.js';
import type { ParamLayout } from '../models/paramLayout.js';

/** A plain array copy of buf[offset .. offset+size). */
export function slice(buf: Float64Array, offset: number, size: number): number[] {
  const out = new Array<number>(size);
  for (let i = 0; i < size; i++) out[i] = buf[offset + i] as number;
  return out;
}

/** Plain per-parameter arrays copied out of a flat buffer: a snapshot a consumer may keep. */
export function snapshot(buf: Float64Array, layout: ParamLayout): ParamValues {
  const { names, offsets, sizes } = layout;
  const out: Record<string, number[]> = {};
  names.forEach((name, p) => {
    out[name] = slice(buf, offsets[p] as number, sizes[p] as number);
  });
  return out;
}
