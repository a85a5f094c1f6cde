// A line-by-line port of V8's `base::ieee754::pow` (fdlibm's e_pow.c as V8 carries it), which is
// what Node 20 (V8 11.3) runs for Math.pow and `**`. Only IEEE double + − × ÷, Math.sqrt (IEEE's
// correctly rounded square root in every engine in practice; ECMAScript only says
// "implementation-approximated") and word access, so every JavaScript engine gives the same bits.
//
// Method (from fdlibm): write |x| = 2^n·(1+f); compute log2|x| = t1 + t2 in extra precision, where
// t1 has its low 32 bits zero; form y·log2|x| = p_h + p_l exactly enough; split off the integer
// part n and return 2^n · 2^(p_h + p_l − n) through the exponent bits. Error < 1 ulp.
//
// Two details make the bits V8's rather than fdlibm's: V8 divides z·t1 by (t1 − 2) − (w + z·w)
// where fdlibm computes z·t1/(t1 − 2) − (w + z·w); and V8 keeps the ECMAScript results
// 1 ** NaN = NaN and (±1) ** ±∞ = NaN, where C's pow returns 1.

import { fromWords, highWord, lowWord, withHighWord, withLowWord } from './words.js';

/** log2(1.5), high part. 0x3FE2B803 40000000 */
const DP_H1 = 0.5849624872207642;
/** log2(1.5) − DP_H1. 0x3E4CFDEB 43CFD006 */
const DP_L1 = 1.350039202129749e-8;
/** 2^53. 0x43400000 00000000 */
const TWO53 = 9007199254740992;
/** 1e300: HUGE·HUGE overflows to Infinity. */
const HUGE = 1e300;
/** 1e-300: TINY·TINY underflows to 0. */
const TINY = 1e-300;
// Polynomial coefficients for (3/2)·(log(x) − 2s − (2/3)s³).
/** 0x3FE33333 33333303 */
const L1 = 0.5999999999999946;
/** 0x3FDB6DB6 DB6FABFF */
const L2 = 0.4285714285785502;
/** 0x3FD55555 518F264D */
const L3 = 0.33333332981837743;
/** 0x3FD17460 A91D4101 */
const L4 = 0.272728123808534;
/** 0x3FCD864A 93C9DB65 */
const L5 = 0.23066074577556175;
/** 0x3FCA7E28 4A454EEF */
const L6 = 0.20697501780033842;
// The exp kernel's coefficients (as in exp.ts).
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
/** ln2 (Math.LN2 is that double, 0x3FE62E42 FEFA39EF). */
const LG2 = Math.LN2;
/** ln2, high part. 0x3FE62E43 00000000 */
const LG2_H = 0.6931471824645996;
/** ln2 − LG2_H. 0xBE205C61 0CA86C39 */
const LG2_L = -1.904654299957768e-9;
/** −(1024 − log2(overflow threshold + ulp/2)). */
const OVT = 8.008566259537294e-17;
/** 2/(3·ln2). 0x3FEEC709 DC3A03FD */
const CP = 0.9617966939259756;
/** CP rounded to float. 0x3FEEC709 E0000000 */
const CP_H = 0.9617967009544373;
/** CP − CP_H. 0xBE3E2FE0 145B01F5 */
const CP_L = -7.028461650952758e-9;
/** 1/ln2 (Math.LOG2E is that double, 0x3FF71547 652B82FE). */
const IVLN2 = Math.LOG2E;
/** 1/ln2 to 24 bits. 0x3FF71547 60000000 */
const IVLN2_H = 1.4426950216293335;
/** 1/ln2 − IVLN2_H. 0x3E54AE0B F85DDF44 */
const IVLN2_L = 1.9259629911266175e-8;
/** 1/3 as the C literal 0.3333333333333333333333 rounds. */
const THIRD = 0.3333333333333333;

/** 2^e for an integer e in [−1022, 1023]: exact. */
function twoTo(e: number): number {
  return fromWords((e + 0x3ff) << 20, 0);
}

/** C's scalbn(z, n) for a positive z near 1 and an n that makes the result subnormal: z·2^n, one rounding. */
function scaleToSubnormal(z: number, n: number): number {
  return z * twoTo(n + 100) * twoTo(-100); // the first product is exact; only the second rounds
}

/**
 * x raised to the power y, bit for bit as Node 20's Math.pow and `**` (V8 11.3's fdlibm port)
 * compute it, on any engine; special values follow ECMAScript's Number::exponentiate.
 *
 * @example pow(0.9, 10); // 0.3486784401000001
 */
export function pow(x: number, y: number): number {
  const hx = highWord(x);
  const lx = lowWord(x);
  const hy = highWord(y);
  const ly = lowWord(y);
  let ix = hx & 0x7fffffff;
  const iy = hy & 0x7fffffff;

  // y = ±0: x ** 0 = 1, even for NaN x
  if ((iy | ly) === 0) return 1;

  // NaN in, NaN out (including 1 ** NaN, unlike C)
  if (
    ix > 0x7ff00000 ||
    (ix === 0x7ff00000 && lx !== 0) ||
    iy > 0x7ff00000 ||
    (iy === 0x7ff00000 && ly !== 0)
  ) {
    return x + y;
  }

  // When x < 0: yIsInt = 0 if y is not an integer, 1 if y is odd, 2 if y is even
  let yIsInt = 0;
  let j: number;
  let k: number;
  if (hx < 0) {
    if (iy >= 0x43400000) {
      yIsInt = 2; // |y| ≥ 2^53: an even integer
    } else if (iy >= 0x3ff00000) {
      k = (iy >> 20) - 0x3ff; // exponent of y
      if (k > 20) {
        j = (ly >>> (52 - k)) | 0;
        if (j << (52 - k) === (ly | 0)) yIsInt = 2 - (j & 1);
      } else if (ly === 0) {
        j = iy >> (20 - k);
        if (j << (20 - k) === iy) yIsInt = 2 - (j & 1);
      }
    }
  }

  // Special values of y
  if (ly === 0) {
    if (iy === 0x7ff00000) {
      // y = ±∞
      if (((ix - 0x3ff00000) | lx) === 0) return y - y; // (±1) ** ±∞ = NaN
      if (ix >= 0x3ff00000) return hy >= 0 ? y : 0; // |x| > 1
      return hy < 0 ? -y : 0; // |x| < 1
    }
    if (iy === 0x3ff00000) return hy < 0 ? 1 / x : x; // y = ±1
    if (hy === 0x40000000) return x * x; // y = 2
    if (hy === 0x3fe00000 && hx >= 0) return Math.sqrt(x); // y = 0.5, x ≥ +0
  }

  let ax = Math.abs(x);
  let z: number;
  // Special values of x: ±0, ±∞, ±1
  if (lx === 0 && (ix === 0x7ff00000 || ix === 0 || ix === 0x3ff00000)) {
    z = ax;
    if (hy < 0) z = 1 / z;
    if (hx < 0) {
      if (((ix - 0x3ff00000) | yIsInt) === 0) {
        z = Number.NaN; // (−1) ** non-integer
      } else if (yIsInt === 1) {
        z = -z; // (x < 0) ** odd = −(|x| ** odd)
      }
    }
    return z;
  }

  let n = (hx >> 31) + 1; // 0 when x < 0, else 1

  // (x < 0) ** non-integer = NaN
  if ((n | yIsInt) === 0) return Number.NaN;

  // Sign of the result: −1 for a negative x to an odd power
  const s = (n | (yIsInt - 1)) === 0 ? -1 : 1;

  let t: number;
  let t1: number;
  let t2: number;
  let u: number;
  let v: number;
  let w: number;
  if (iy > 0x41e00000) {
    // |y| > 2^31
    if (iy > 0x43f00000) {
      // |y| > 2^64: must over- or underflow
      if (ix <= 0x3fefffff) return hy < 0 ? HUGE * HUGE : TINY * TINY;
      if (ix >= 0x3ff00000) return hy > 0 ? HUGE * HUGE : TINY * TINY;
    }
    // Over- or underflow if x is not close to 1
    if (ix < 0x3fefffff) return hy < 0 ? s * HUGE * HUGE : s * TINY * TINY;
    if (ix > 0x3ff00000) return hy > 0 ? s * HUGE * HUGE : s * TINY * TINY;
    // Now |1 − x| ≤ 2^-20: log(x) ≈ t − t²/2 + t³/3 − t⁴/4
    t = ax - 1; // t has 20 trailing zeros
    w = t * t * (0.5 - t * (THIRD - t * 0.25));
    u = IVLN2_H * t; // IVLN2_H has 21 significant bits
    v = t * IVLN2_L - w * IVLN2;
    t1 = withLowWord(u + v, 0);
    t2 = v - (t1 - u);
  } else {
    n = 0;
    // Subnormal x: scale up
    if (ix < 0x00100000) {
      ax *= TWO53;
      n -= 53;
      ix = highWord(ax);
    }
    n += (ix >> 20) - 0x3ff;
    j = ix & 0x000fffff;
    // Normalise the mantissa into [1, sqrt(3)) or [1.5, ...) and pick the interval
    ix = j | 0x3ff00000;
    if (j <= 0x3988e) {
      k = 0; // |x| < sqrt(3/2)
    } else if (j < 0xbb67a) {
      k = 1; // |x| < sqrt(3)
    } else {
      k = 0;
      n += 1;
      ix -= 0x00100000;
    }
    ax = withHighWord(ax, ix);
    const bp = k === 0 ? 1.0 : 1.5;
    const dpH = k === 0 ? 0 : DP_H1;
    const dpL = k === 0 ? 0 : DP_L1;

    // ss = s_h + s_l = (x − 1)/(x + 1) or (x − 1.5)/(x + 1.5)
    u = ax - bp;
    v = 1 / (ax + bp);
    const ss = u * v;
    const sH = withLowWord(ss, 0);
    // t_h = ax + bp, high part
    let tH = fromWords(((ix >> 1) | 0x20000000) + 0x00080000 + (k << 18), 0);
    let tL = ax - (tH - bp);
    const sL = v * (u - sH * tH - sH * tL);
    // log(ax)
    let s2 = ss * ss;
    let poly = s2 * s2 * (L1 + s2 * (L2 + s2 * (L3 + s2 * (L4 + s2 * (L5 + s2 * L6)))));
    poly += sL * (sH + ss);
    s2 = sH * sH;
    tH = withLowWord(3.0 + s2 + poly, 0);
    tL = poly - (tH - 3.0 - s2);
    // u + v = ss·(1 + ...)
    u = sH * tH;
    v = sL * tH + tL * ss;
    // 2/(3·ln2)·(ss + ...)
    const logH = withLowWord(u + v, 0);
    const logL = v - (logH - u);
    const zH = CP_H * logH; // CP_H + CP_L = 2/(3·ln2)
    const zL = CP_L * logH + logL * CP + dpL;
    // log2(ax) = (ss + ...)·2/(3·ln2) = n + dp_h + z_h + z_l
    t = n;
    t1 = withLowWord(zH + zL + dpH + t, 0);
    t2 = zL - (t1 - t - dpH - zH);
  }

  // Split y into y1 + y2 and compute (y1 + y2)·(t1 + t2)
  const y1 = withLowWord(y, 0);
  const pL = (y - y1) * t1 + y * t2;
  let pH = y1 * t1;
  z = pL + pH;
  j = highWord(z);
  let i = lowWord(z) | 0;
  if (j >= 0x40900000) {
    // z ≥ 1024
    if (((j - 0x40900000) | i) !== 0) return s * HUGE * HUGE; // z > 1024: overflow
    if (pL + OVT > z - pH) return s * HUGE * HUGE; // overflow
  } else if ((j & 0x7fffffff) >= 0x4090cc00) {
    // z ≤ −1075
    if (((j - 0xc090cc00) | i) !== 0) return s * TINY * TINY; // z < −1075: underflow
    if (pL <= z - pH) return s * TINY * TINY; // underflow
  }

  // 2^(p_h + p_l)
  i = j & 0x7fffffff;
  k = (i >> 20) - 0x3ff;
  n = 0;
  if (i > 0x3fe00000) {
    // |z| > 0.5: n = [z + 0.5]
    n = j + (0x00100000 >> (k + 1));
    k = ((n & 0x7fffffff) >> 20) - 0x3ff; // new k for n
    t = fromWords(n & ~(0x000fffff >> k), 0);
    n = ((n & 0x000fffff) | 0x00100000) >> (20 - k);
    if (j < 0) n = -n;
    pH -= t;
  }
  t = withLowWord(pL + pH, 0);
  u = t * LG2_H;
  v = (pL - (t - pH)) * LG2 + t * LG2_L;
  z = u + v;
  w = v - (z - u);
  t = z * z;
  t1 = z - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  const r = (z * t1) / (t1 - 2 - (w + z * w)); // V8's grouping, not fdlibm's
  z = 1 - (r - z);
  j = (highWord(z) + (n << 20)) | 0;
  if (j >> 20 <= 0) {
    z = scaleToSubnormal(z, n); // subnormal result
  } else {
    z = withHighWord(z, j);
  }
  return s * z;
}
