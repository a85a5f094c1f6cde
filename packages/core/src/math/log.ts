// Math.log to the bit as Node 20's V8 computes it (fdlibm's log, from src/base/ieee754.cc).

import { highWord, lowWord, withHighWord } from './words.js';

const ln2_hi = 0.6931471803691238; // 0x3FE62E42 FEE00000: k·ln2_hi is exact for |k| < 2000
const ln2_lo = 1.9082149292705877e-10; // 0x3DEA39EF 35793C76
const two54 = 18014398509481984; // 0x43500000 00000000
const Lg1 = 0.6666666666666735; // 0x3FE55555 55555593
const Lg2 = 0.3999999999940942; // 0x3FD99999 9997FA04
const Lg3 = 0.2857142874366239; // 0x3FD24924 94229359
const Lg4 = 0.22222198432149784; // 0x3FCC71C5 1D8E78AF
const Lg5 = 0.1818357216161805; // 0x3FC74664 96CB03DE
const Lg6 = 0.15313837699209373; // 0x3FC39A09 D078C69F
const Lg7 = 0.14798198605116586; // 0x3FC2F112 DF3E5244

/**
 * The natural logarithm of `x`, bit for bit what Node 20's Math.log returns, in any JS engine
 * (IEEE + − × ÷ only): x = 2^k·(1 + f) with √2/2 < 1 + f < √2, log(1 + f) from s = f/(2 + f)
 * and a degree-14 polynomial. log(±0) = −∞, log(x < 0) = NaN, log(∞) = ∞.
 *
 * @example log(2); // 0.6931471805599453
 */
export function log(x: number): number {
  let hx = highWord(x);
  let k = 0;
  if (hx < 0x00100000) {
    // x < 2^-1022: zero, negative or subnormal
    if (((hx & 0x7fffffff) | lowWord(x)) === 0) return Number.NEGATIVE_INFINITY;
    if (hx < 0) return Number.NaN;
    k -= 54;
    x *= two54; // subnormal: scale up
    hx = highWord(x);
  }
  if (hx >= 0x7ff00000) return x + x; // ∞, NaN
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  let i = (hx + 0x95f64) & 0x100000;
  x = withHighWord(x, hx | (i ^ 0x3ff00000)); // normalise x or x/2
  k += i >> 20;
  const f = x - 1;
  if ((0x000fffff & (2 + hx)) < 3) {
    // −2^-20 <= f < 2^-20
    if (f === 0) {
      if (k === 0) return 0;
      return k * ln2_hi + k * ln2_lo;
    }
    const R = f * f * (0.5 - 0.3333333333333333 * f);
    if (k === 0) return f - R;
    return k * ln2_hi - (R - k * ln2_lo - f);
  }
  const s = f / (2 + f);
  const dk = k;
  const z = s * s;
  i = hx - 0x6147a;
  const w = z * z;
  const j = 0x6b851 - hx;
  const t1 = w * (Lg2 + w * (Lg4 + w * Lg6));
  const t2 = z * (Lg1 + w * (Lg3 + w * (Lg5 + w * Lg7)));
  i |= j;
  const R = t2 + t1;
  if (i > 0) {
    const hfsq = 0.5 * f * f;
    if (k === 0) return f - (hfsq - s * (hfsq + R));
    return dk * ln2_hi - (hfsq - (s * (hfsq + R) + dk * ln2_lo) - f);
  }
  if (k === 0) return f - s * (f - R);
  return dk * ln2_hi - (s * (f - R) - dk * ln2_lo - f);
}
