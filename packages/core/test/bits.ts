// Bit-level helpers for the tests of the engine's own math (src/math).

const view = new DataView(new ArrayBuffer(16));

/**
 * The double whose IEEE 754 bits are the 16 hex digits `bits` (how the committed tables of
 * Node 20's results store numbers).
 *
 * @example
 * fromHex('3ff0000000000000'); // 1
 */
export function fromHex(bits: string): number {
  view.setBigUint64(0, BigInt(`0x${bits}`));
  return view.getFloat64(0);
}

/**
 * How many doubles lie between a and b: 0 when they are equal or both NaN, Infinity when only
 * one is NaN.
 *
 * @example
 * ulps(1, 1 + Number.EPSILON); // 1
 */
export function ulps(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b))
    return Number.isNaN(a) && Number.isNaN(b) ? 0 : Number.POSITIVE_INFINITY;
  view.setFloat64(0, a);
  view.setFloat64(8, b);
  const d = view.getBigInt64(0) - view.getBigInt64(8);
  return Number(d < 0n ? -d : d);
}

/** True on Node 20's V8 (11.3), whose Math.* the ports in src/math reproduce bit for bit. */
export const isNode20V8 = process.versions.v8?.startsWith('11.3.') ?? false;
