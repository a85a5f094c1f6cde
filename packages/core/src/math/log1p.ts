// Math.log1p to the bit as Node 20's V8 computes it (fdlibm's log1p, from src/base/ieee754.cc).

import { highWord, withHighWord } from './words.js';

const ln2_hi = 0.6931471803691238; // 0x3FE62E42 FEE00000: k·ln2_hi is exact for |k| < 2000
const ln2_lo = 1.9082149292705877e-10; // 0x3DEA39EF 35793C76
const two54 = 18014398509481984; // 0x43500000 00000000
const Lp1 = 0.6666666666666735; // 0x3FE55555 55555593
const Lp2 = 0.3999999999940942; // 0x3FD99999 9997FA04
const Lp3 = 0.2857142874366239; // 0x3FD24924 94229359
const Lp4 = 0.22222198432149784; // 0x3FCC71C5 1D8E78AF
const Lp5 = 0.1818357216161805; // 0x3FC74664 96CB03DE
const Lp6 = 0.15313837699209373; // 0x3FC39A09 D078C69F
const Lp7 = 0.14798198605116586; // 0x3FC2F112 DF3E5244

/**
 * log(1 + x), accurate for tiny x, bit for bit what Node 20's Math.log1p returns, in any JS
 * engine (IEEE + − × ÷ only): 1 + x = 2^k·(1 + f) with a correction term c/u for the rounding of
 * u = 1 + x. Keeps −0; log1p(−1) = −∞, log1p(x < −1) = NaN, log1p(∞) = ∞.
 *
 * @example log1p(1e-10); // 9.999999999500001e-11
 */
export function log1p(x: number): number {
  const hx = highWord(x);
  const ax = hx & 0x7fffffff;
  let k = 1;
  let f = 0;
  let hu = 0;
  let c = 0;
  if (hx < 0x3fda827a) {
    // 1 + x < √2+
    if (ax >= 0x3ff00000) {
      // x <= −1
      return x === -1 ? Number.NEGATIVE_INFINITY : Number.NaN;
    }
    if (ax < 0x3e200000) {
      // |x| < 2^-29 (C adds two54 + x > 0, always true, to raise inexact)
      if (two54 + x > 0 && ax < 0x3c900000) return x; // |x| < 2^-54
      return x - x * x * 0.5;
    }
    if (hx > 0 || hx <= (0xbfd2bec4 | 0)) {
      // √2/2− <= 1 + x < √2+: f = x exactly
      k = 0;
      f = x;
      hu = 1;
    }
  }
  if (hx >= 0x7ff00000) return x + x; // ∞, NaN
  if (k !== 0) {
    let u: number;
    if (hx < 0x43400000) {
      u = 1 + x;
      hu = highWord(u);
      k = (hu >> 20) - 1023;
      c = k > 0 ? 1 - (u - x) : x - (u - 1); // correction term
      c /= u;
    } else {
      u = x;
      hu = highWord(u);
      k = (hu >> 20) - 1023;
      c = 0;
    }
    hu &= 0x000fffff;
    if (hu < 0x6a09e) {
      // u ~< √2
      u = withHighWord(u, hu | 0x3ff00000); // normalise u
    } else {
      k += 1;
      u = withHighWord(u, hu | 0x3fe00000); // normalise u/2
      hu = (0x00100000 - hu) >> 2;
    }
    f = u - 1;
  }
  const hfsq = 0.5 * f * f;
  if (hu === 0) {
    // |f| < 2^-20
    if (f === 0) {
      if (k === 0) return 0;
      c += k * ln2_lo;
      return k * ln2_hi + c;
    }
    const R = hfsq * (1 - 0.6666666666666666 * f);
    if (k === 0) return f - R;
    return k * ln2_hi - (R - (k * ln2_lo + c) - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  const R = z * (Lp1 + z * (Lp2 + z * (Lp3 + z * (Lp4 + z * (Lp5 + z * (Lp6 + z * Lp7))))));
  if (k === 0) return f - (hfsq - s * (hfsq + R));
  return k * ln2_hi - (hfsq - (s * (hfsq + R) + (k * ln2_lo + c)) - f);
}
