/**
 * buf[o .. o + size) as a new plain array. One- and two-value slices are array literals; longer
 * ones start as a slice of the packed-double `blank` (one block copy, whose element kind the
 * stores keep; `new Array(size)` would be holey), filled four values a turn. A plain function,
 * not a closure made per run, so that V8 can inline it where an event is built. Internal.
 *
 * @example
 * copySlice(packedBlank(3), Float64Array.of(1, 2, 3, 4), 1, 3); // [2, 3, 4]
 */
export function copySlice(
  blank: readonly number[],
  buf: Float64Array,
  o: number,
  size: number,
): number[] {
  if (size === 1) return [buf[o] as number];
  if (size === 2) return [buf[o] as number, buf[o + 1] as number];
  const out = blank.slice(0, size);
  let i = 0;
  for (; i + 4 <= size; i += 4) {
    out[i] = buf[o + i] as number;
    out[i + 1] = buf[o + i + 1] as number;
    out[i + 2] = buf[o + i + 2] as number;
    out[i + 3] = buf[o + i + 3] as number;
  }
  for (; i < size; i++) out[i] = buf[o + i] as number;
  return out;
}

/**
 * `size` doubles in a packed array, the `blank` `copySlice` slices (at least `size` long).
 *
 * @example
 * packedBlank(200); // 200 × 0.5, element kind PACKED_DOUBLE_ELEMENTS
 */
export function packedBlank(size: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < size; i++) out.push(0.5);
  return out;
}
