// x reduced modulo π/2, as fdlibm's __ieee754_rem_pio2 computes it for |x| ≤ 2^19·π/2 (ported
// from V8's src/base/ieee754.cc, Node 20 / V8 11.3, itself FreeBSD msun / Sun fdlibm 5.3):
// integer n and a double-double y0 + y1 with x = n·π/2 + (y0 + y1), |y0 + y1| ≲ π/4. Every step
// is one IEEE + − × ÷, a truncation to int32 or a bit copy, in the same order as the C.

import { highWord } from './words.js';

const invpio2 = 0.6366197723675814; // 0x3FE45F30 6DC9C883: 53 bits of 2/π
const pio2_1 = 1.5707963267341256; // 0x3FF921FB 54400000: first 33 bits of π/2
const pio2_1t = 6.077100506506192e-11; // 0x3DD0B461 1A626331: π/2 − pio2_1
const pio2_2 = 6.077100506303966e-11; // 0x3DD0B461 1A600000: second 33 bits of π/2
const pio2_2t = 2.0222662487959506e-21; // 0x3BA3198A 2E037073: π/2 − (pio2_1 + pio2_2)
const pio2_3 = 2.0222662487111665e-21; // 0x3BA3198A 2E000000: third 33 bits of π/2
const pio2_3t = 8.4784276603689e-32; // 0x397B839A 252049C1: π/2 − (pio2_1 + pio2_2 + pio2_3)

/** High words of n·π/2 for n = 1…32: a reduction near one of them may cancel badly. */
const npio2_hw = new Int32Array([
  0x3ff921fb, 0x400921fb, 0x4012d97c, 0x401921fb, 0x401f6a7a, 0x4022d97c, 0x4025fdbb, 0x402921fb,
  0x402c463a, 0x402f6a7a, 0x4031475c, 0x4032d97c, 0x40346b9c, 0x4035fdbb, 0x40378fdb, 0x403921fb,
  0x403ab41b, 0x403c463a, 0x403dd85a, 0x403f6a7a, 0x40407e4c, 0x4041475c, 0x4042106c, 0x4042d97c,
  0x4043a28c, 0x40446b9c, 0x404534ac, 0x4045fdbb, 0x4046c6cb, 0x40478fdb, 0x404858eb, 0x404921fb,
]);

/**
 * fdlibm's __ieee754_rem_pio2: writes y0 + y1 = x − n·π/2 (|y0 + y1| ≲ π/4) into `y[0]`, `y[1]`
 * and returns n, for |x| ≤ 2^19·π/2 (RangeError above). Exact to the bit of V8's: three steps of a
 * 33+33+53 bit π/2. ±∞ and NaN give NaN.
 *
 * @example const y = new Float64Array(2); remPio2(2, y); // 1, y[0] = 2 − π/2
 */
export function remPio2(x: number, y: Float64Array): number {
  const hx = highWord(x);
  const ix = hx & 0x7fffffff;
  if (ix <= 0x3fe921fb) {
    // |x| ~<= π/4: no reduction
    y[0] = x;
    y[1] = 0;
    return 0;
  }
  if (ix < 0x4002d97c) {
    // |x| < 3π/4: n = ±1
    if (hx > 0) {
      let z = x - pio2_1;
      if (ix !== 0x3ff921fb) {
        // 33+53 bit π is good enough
        const y0 = z - pio2_1t;
        y[0] = y0;
        y[1] = z - y0 - pio2_1t;
      } else {
        // near π/2: 33+33+53 bit π
        z -= pio2_2;
        const y0 = z - pio2_2t;
        y[0] = y0;
        y[1] = z - y0 - pio2_2t;
      }
      return 1;
    }
    let z = x + pio2_1;
    if (ix !== 0x3ff921fb) {
      const y0 = z + pio2_1t;
      y[0] = y0;
      y[1] = z - y0 + pio2_1t;
    } else {
      z += pio2_2;
      const y0 = z + pio2_2t;
      y[0] = y0;
      y[1] = z - y0 + pio2_2t;
    }
    return -1;
  }
  if (ix <= 0x413921fb) {
    // |x| ~<= 2^19·π/2: medium size
    let t = Math.abs(x);
    const n = (t * invpio2 + 0.5) | 0;
    const fn = n;
    let r = t - fn * pio2_1;
    let w = fn * pio2_1t; // first round, good to 85 bits
    let y0: number;
    if (n < 32 && ix !== npio2_hw[n - 1]) {
      y0 = r - w; // quick check: no cancellation
    } else {
      const j = ix >> 20;
      y0 = r - w;
      let i = j - ((highWord(y0) >> 20) & 0x7ff);
      if (i > 16) {
        // second iteration, good to 118 bits
        t = r;
        w = fn * pio2_2;
        r = t - w;
        w = fn * pio2_2t - (t - r - w);
        y0 = r - w;
        i = j - ((highWord(y0) >> 20) & 0x7ff);
        if (i > 49) {
          // third iteration, 151 bits: covers every case
          t = r;
          w = fn * pio2_3;
          r = t - w;
          w = fn * pio2_3t - (t - r - w);
          y0 = r - w;
        }
      }
    }
    const y1 = r - y0 - w;
    if (hx < 0) {
      y[0] = -y0;
      y[1] = -y1;
      return -n;
    }
    y[0] = y0;
    y[1] = y1;
    return n;
  }
  if (ix >= 0x7ff00000) {
    // ±∞ or NaN
    y[0] = x - x;
    y[1] = y[0] as number;
    return 0;
  }
  // Above 2^19·π/2 fdlibm reduces with a table of 2/π (__kernel_rem_pio2: ~1.3 KB gzip, ported and
  // tested in commit 6aae167, dropped to keep the site's budget): the engine never needs it (it
  // calls sin and cos below 2π), and sin and cos use the built-ins there.
  throw new RangeError(`remPio2: |x| = ${Math.abs(x)} is above 2^19·π/2`);
}
