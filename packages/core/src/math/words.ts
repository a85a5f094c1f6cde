// The two 32-bit halves of an IEEE double, as fdlibm's GET_HIGH_WORD, GET_LOW_WORD, INSERT_WORDS,
// SET_HIGH_WORD and SET_LOW_WORD macros read and write them. One shared 8-byte scratch buffer, in
// the platform's byte order (detected once), so no call allocates.

const scratch = new ArrayBuffer(8);
const asDouble = new Float64Array(scratch);
const asWords = new Uint32Array(scratch);
const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
/** Index in `asWords` of the word holding the sign, the exponent and the top 20 mantissa bits. */
const HIGH = littleEndian ? 1 : 0;
/** Index in `asWords` of the word holding the low 32 mantissa bits. */
const LOW = 1 - HIGH;

/**
 * The high 32 bits of `x` (sign, exponent, top 20 mantissa bits) as a signed int32, like
 * fdlibm's `int32_t hx` from GET_HIGH_WORD: negative exactly when the sign bit is set.
 *
 * @example highWord(1); // 0x3ff00000
 */
export function highWord(x: number): number {
  asDouble[0] = x;
  return (asWords[HIGH] as number) | 0;
}

/**
 * The low 32 bits of `x`'s mantissa as an unsigned integer in [0, 2^32), like GET_LOW_WORD.
 *
 * @example lowWord(1 + 2 ** -52); // 1
 */
export function lowWord(x: number): number {
  asDouble[0] = x;
  return asWords[LOW] as number;
}

/**
 * The double whose high and low 32-bit words are `high` and `low` (INSERT_WORDS). Either word may
 * be given signed or unsigned; only its low 32 bits count.
 *
 * @example fromWords(0x3ff00000, 0); // 1
 */
export function fromWords(high: number, low: number): number {
  asWords[HIGH] = high;
  asWords[LOW] = low;
  return asDouble[0] as number;
}

/**
 * `x` with its high word replaced by `high`, its low word kept (SET_HIGH_WORD).
 *
 * @example withHighWord(3, 0x3ff80000); // 1.5
 */
export function withHighWord(x: number, high: number): number {
  asDouble[0] = x;
  asWords[HIGH] = high;
  return asDouble[0] as number;
}

/**
 * `x` with its low word replaced by `low`, its high word kept (SET_LOW_WORD).
 *
 * @example withLowWord(1 + 2 ** -52, 0); // 1
 */
export function withLowWord(x: number, low: number): number {
  asDouble[0] = x;
  asWords[LOW] = low;
  return asDouble[0] as number;
}
