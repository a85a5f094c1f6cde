// A line-by-line port of V8's `base::ieee754::exp` (fdlibm's e_exp.c as modified by V8, including
// its special case exp(1) = E), which is what Node 20 (V8 11.3) runs for Math.exp. Only IEEE
// double + − × ÷ and word access, so every JavaScript engine gives the same bits.
//
// Method (from fdlibm): reduce x = k·ln2 + r with |r| ≤ ln2/2, r = hi − lo; approximate exp(r) by
// 1 + r + r·c(r)/(2 − c(r)) with a degree-5 Remez polynomial in r²; scale by 2^k through the
// exponent bits. Error < 1 ulp. Constants carry fdlibm's hex words in comments.

import { fromWords, highWord, lowWord } from './words.js';

/** Above this exp overflows. 0x40862E42 FEFA39EF */
const O_THRESHOLD = 709.782712893384;
/** Below this exp underflows to 0. 0xC0874910 D52D3051 */
const U_THRESHOLD = -745.1332191019411;
/** ln2, high part: its last 32 bits are zero, so k·LN2_HI is exact. 0x3FE62E42 FEE00000 */
const LN2_HI = 0.6931471803691238;
/** ln2 − LN2_HI. 0x3DEA39EF 35793C76 */
const LN2_LO = 1.9082149292705877e-10;
/** 1/ln2 (Math.LOG2E is that double, 0x3FF71547 652B82FE). */
const INV_LN2 = Math.LOG2E;
/** 0x3FC55555 5555553E */
const P1 = 0.16666666666666602;
/** 0xBF66C16C 16BEBD93 */
const P2 = -0.0027777777777015593;
/** 0x3F11566A AF25DE2C */
const P3 = 0.00006613756321437934;
/** 0xBEBBBD41 C5D26BF1 */
const P4 = -0.0000016533902205465252;
/** 0x3E663769 72BEA4D0 */
const P5 = 4.1381367970572385e-8;
/** e rounded to nearest (0x4005BF0A 8B145769), returned for exp(1) as V8 does. */
const E = Math.E;
/** 1e300: HUGE·HUGE overflows to Infinity. */
const HUGE = 1e300;
/** 2^-1000. 0x01700000 00000000 */
const TWO_M1000 = 9.332636185032189e-302;
/** 2^1023. 0x7FE00000 00000000 */
const TWO_1023 = 8.98846567431158e307;

/**
 * e^x, bit for bit as Node 20's Math.exp (V8 11.3's fdlibm port) computes it, on any engine.
 *
 * @example exp(1); // 2.718281828459045
 */
export function exp(x: number): number {
  let hx = highWord(x);
  const negative = hx < 0;
  hx &= 0x7fffffff; // high word of |x|
  let hi = 0;
  let lo = 0;
  let k = 0;

  // Non-finite or |x| ≥ 709.78…
  if (hx >= 0x40862e42) {
    if (hx >= 0x7ff00000) {
      if (((hx & 0xfffff) | lowWord(x)) !== 0) return x + x; // NaN
      return negative ? 0 : x; // exp(+∞) = +∞, exp(−∞) = +0
    }
    if (x > O_THRESHOLD) return HUGE * HUGE; // overflow
    if (x < U_THRESHOLD) return TWO_M1000 * TWO_M1000; // underflow
  }

  // Argument reduction
  if (hx > 0x3fd62e42) {
    // |x| > ln2/2
    if (hx < 0x3ff0a2b2) {
      // and |x| < 1.5·ln2
      if (x === 1) return E;
      if (negative) {
        hi = x + LN2_HI;
        lo = -LN2_LO;
        k = -1;
      } else {
        hi = x - LN2_HI;
        lo = LN2_LO;
        k = 1;
      }
    } else {
      k = (INV_LN2 * x + (negative ? -0.5 : 0.5)) | 0; // C's truncating int cast
      hi = x - k * LN2_HI; // exact
      lo = k * LN2_LO;
    }
    x = hi - lo;
  } else if (hx < 0x3e300000) {
    // |x| < 2^-28
    return 1 + x;
  }

  // x is now in the primary range
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2.0) - x);
  const y = 1 - (lo - (x * c) / (2.0 - c) - hi);
  if (k >= -1021) {
    if (k === 1024) return y * 2.0 * TWO_1023;
    return y * fromWords(0x3ff00000 + (k << 20), 0); // y·2^k
  }
  return y * fromWords(0x3ff00000 + ((k + 1000) << 20), 0) * TWO_M1000;
}
