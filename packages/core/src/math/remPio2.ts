// x reduced modulo π/2, as fdlibm's __ieee754_rem_pio2 and __kernel_rem_pio2 compute it (ported
// from V8's src/base/ieee754.cc, Node 20 / V8 11.3, itself FreeBSD msun / Sun fdlibm 5.3):
// integer n and a double-double y0 + y1 with x = n·π/2 + (y0 + y1), |y0 + y1| ≲ π/4. Every step
// is one IEEE + − × ÷, a truncation to int32 or a bit copy, in the same order as the C.

import { fromWords, highWord, lowWord } from './words.js';

const invpio2 = 0.6366197723675814; // 0x3FE45F30 6DC9C883: 53 bits of 2/π
const pio2_1 = 1.5707963267341256; // 0x3FF921FB 54400000: first 33 bits of π/2
const pio2_1t = 6.077100506506192e-11; // 0x3DD0B461 1A626331: π/2 − pio2_1
const pio2_2 = 6.077100506303966e-11; // 0x3DD0B461 1A600000: second 33 bits of π/2
const pio2_2t = 2.0222662487959506e-21; // 0x3BA3198A 2E037073: π/2 − (pio2_1 + pio2_2)
const pio2_3 = 2.0222662487111665e-21; // 0x3BA3198A 2E000000: third 33 bits of π/2
const pio2_3t = 8.4784276603689e-32; // 0x397B839A 252049C1: π/2 − (pio2_1 + pio2_2 + pio2_3)
const two24 = 16777216; // 0x41700000 00000000
const twon24 = 5.9604644775390625e-8; // 0x3E700000 00000000

/** High words of n·π/2 for n = 1…32: a reduction near one of them may cancel badly. */
const npio2_hw = new Int32Array([
  0x3ff921fb, 0x400921fb, 0x4012d97c, 0x401921fb, 0x401f6a7a, 0x4022d97c, 0x4025fdbb, 0x402921fb,
  0x402c463a, 0x402f6a7a, 0x4031475c, 0x4032d97c, 0x40346b9c, 0x4035fdbb, 0x40378fdb, 0x403921fb,
  0x403ab41b, 0x403c463a, 0x403dd85a, 0x403f6a7a, 0x40407e4c, 0x4041475c, 0x4042106c, 0x4042d97c,
  0x4043a28c, 0x40446b9c, 0x404534ac, 0x4045fdbb, 0x4046c6cb, 0x40478fdb, 0x404858eb, 0x404921fb,
]);

/** 2/π in 24-bit chunks: 396 hex digits, enough for any double's exponent. */
const two_over_pi = new Int32Array([
  0xa2f983, 0x6e4e44, 0x1529fc, 0x2757d1, 0xf534dd, 0xc0db62, 0x95993c, 0x439041, 0xfe5163,
  0xabdebb, 0xc561b7, 0x246e3a, 0x424dd2, 0xe00649, 0x2eea09, 0xd1921c, 0xfe1deb, 0x1cb129,
  0xa73ee8, 0x8235f5, 0x2ebb44, 0x84e99c, 0x7026b4, 0x5f7e41, 0x3991d6, 0x398353, 0x39f49c,
  0x845f8b, 0xbdf928, 0x3b1ff8, 0x97ffde, 0x05980f, 0xef2f11, 0x8b5a0a, 0x6d1f6d, 0x367ecf,
  0x27cb09, 0xb74f46, 0x3f669e, 0x5fea2d, 0x7527ba, 0xc7ebe5, 0xf17b3d, 0x0739f7, 0x8a5292,
  0xea6bfb, 0x5fb11f, 0x8d5d08, 0x560330, 0x46fc7b, 0x6babf0, 0xcfbc20, 0x9af436, 0x1da9e3,
  0x91615e, 0xe61b08, 0x659985, 0x5f14a0, 0x68408d, 0xffd880, 0x4d7327, 0x310606, 0x1556ca,
  0x73a8c9, 0x60e27b, 0xc08c6b,
]);

/** π/2 cut into 24-bit chunks (__kernel_rem_pio2's PIo2). */
const PIo2 = new Float64Array([
  1.570796251296997, // 0x3FF921FB 40000000
  7.549789415861596e-8, // 0x3E74442D 00000000
  5.390302529957765e-15, // 0x3CF84698 80000000
  3.282003415807913e-22, // 0x3B78CC51 60000000
  1.270655753080676e-29, // 0x39F01B83 80000000
  1.2293330898111133e-36, // 0x387A2520 40000000
  2.7337005381646456e-44, // 0x36E38222 80000000
  2.1674168387780482e-51, // 0x3569F31D 00000000
]);

/** x·2^n for the moderate n (|n| < 1000) the reduction uses: exact, as scalbn is. */
function scalbn(x: number, n: number): number {
  return x * fromWords((0x3ff + n) << 20, 0);
}

// __kernel_rem_pio2's work arrays (C stack arrays there), reused across calls.
const tx = new Float64Array(3);
const iq = new Int32Array(20);
const f = new Float64Array(20);
const q = new Float64Array(20);
const fq = new Float64Array(20);

/**
 * fdlibm's __kernel_rem_pio2 at prec = 2 (jk = 4, two output words) on the nx 24-bit chunks of
 * x in `tx`, x[0] scaled by 2^e0: writes y0 + y1 = x·(2/π) mod 1 (times π/2) into `y` and
 * returns the last three bits of n.
 */
function kernelRemPio2(y: Float64Array, e0: number, nx: number): number {
  const jk = 4;
  const jp = jk;
  const jx = nx - 1;
  let jv = Math.trunc((e0 - 3) / 24);
  if (jv < 0) jv = 0;
  let q0 = e0 - 24 * (jv + 1);

  // f[0…jx+jk] = two_over_pi[jv−jx…jv+jk], zero below the table.
  let j = jv - jx;
  const m = jx + jk;
  for (let i = 0; i <= m; i++, j++) f[i] = j < 0 ? 0 : (two_over_pi[j] as number);

  // q[0…jk]
  let fw: number;
  for (let i = 0; i <= jk; i++) {
    fw = 0;
    for (j = 0; j <= jx; j++) fw += (tx[j] as number) * (f[jx + i - j] as number);
    q[i] = fw;
  }

  let jz = jk;
  let z: number;
  let n: number;
  let ih: number;
  for (;;) {
    // Distill q[] into iq[], reversed.
    let i = 0;
    z = q[jz] as number;
    for (j = jz; j > 0; i++, j--) {
      fw = (twon24 * z) | 0;
      iq[i] = (z - two24 * fw) | 0;
      z = (q[j - 1] as number) + fw;
    }

    // n
    z = scalbn(z, q0);
    z -= 8 * Math.floor(z * 0.125); // trim off integers ≥ 8
    n = z | 0;
    z -= n;
    ih = 0;
    if (q0 > 0) {
      // iq[jz−1] holds bits of n
      i = (iq[jz - 1] as number) >> (24 - q0);
      n += i;
      iq[jz - 1] = (iq[jz - 1] as number) - (i << (24 - q0));
      ih = (iq[jz - 1] as number) >> (23 - q0);
    } else if (q0 === 0) {
      ih = (iq[jz - 1] as number) >> 23;
    } else if (z >= 0.5) {
      ih = 2;
    }

    if (ih > 0) {
      // q > 0.5: take 1 − q
      n += 1;
      let carry = 0;
      for (i = 0; i < jz; i++) {
        j = iq[i] as number;
        if (carry === 0) {
          if (j !== 0) {
            carry = 1;
            iq[i] = 0x1000000 - j;
          }
        } else {
          iq[i] = 0xffffff - j;
        }
      }
      if (q0 > 0) {
        // rare: 1 in 12
        if (q0 === 1) iq[jz - 1] = (iq[jz - 1] as number) & 0x7fffff;
        else if (q0 === 2) iq[jz - 1] = (iq[jz - 1] as number) & 0x3fffff;
      }
      if (ih === 2) {
        z = 1 - z;
        if (carry !== 0) z -= scalbn(1, q0);
      }
    }

    // Recompute with more terms of 2/π when the fraction cancelled to zero.
    if (z === 0) {
      j = 0;
      for (i = jz - 1; i >= jk; i--) j |= iq[i] as number;
      if (j === 0) {
        let k = 1;
        while (jk >= k && iq[jk - k] === 0) k++; // k = terms needed
        for (i = jz + 1; i <= jz + k; i++) {
          f[jx + i] = two_over_pi[jv + i] as number;
          fw = 0;
          for (j = 0; j <= jx; j++) fw += (tx[j] as number) * (f[jx + i - j] as number);
          q[i] = fw;
        }
        jz += k;
        continue;
      }
    }
    break;
  }

  // Chop off zero terms, or break z into 24-bit chunks.
  if (z === 0) {
    jz -= 1;
    q0 -= 24;
    while (iq[jz] === 0) {
      jz--;
      q0 -= 24;
    }
  } else {
    z = scalbn(z, -q0);
    if (z >= two24) {
      fw = (twon24 * z) | 0;
      iq[jz] = (z - two24 * fw) | 0;
      jz += 1;
      q0 += 24;
      iq[jz] = fw;
    } else {
      iq[jz] = z | 0;
    }
  }

  // Integer chunks back to doubles.
  fw = scalbn(1, q0);
  for (let i = jz; i >= 0; i--) {
    q[i] = fw * (iq[i] as number);
    fw *= twon24;
  }

  // fq = PIo2[0…jp] · q[jz…0]
  for (let i = jz; i >= 0; i--) {
    fw = 0;
    for (let k = 0; k <= jp && k <= jz - i; k++) fw += (PIo2[k] as number) * (q[i + k] as number);
    fq[jz - i] = fw;
  }

  // Compress fq[] into y0 + y1 (prec 2).
  fw = 0;
  for (let i = jz; i >= 0; i--) fw += fq[i] as number;
  y[0] = ih === 0 ? fw : -fw;
  fw = (fq[0] as number) - fw;
  for (let i = 1; i <= jz; i++) fw += fq[i] as number;
  y[1] = ih === 0 ? fw : -fw;
  return n & 7;
}

/**
 * fdlibm's __ieee754_rem_pio2: writes y0 + y1 = x − n·π/2 (|y0 + y1| ≲ π/4) into `y[0]`, `y[1]`
 * and returns n (or, above 2^19·π/2, n mod 8). Exact to the bit of V8's: three steps of a 33+33+53
 * bit π/2 for |x| ≤ 2^19·π/2, the 2/π table (__kernel_rem_pio2) above. ±∞ and NaN give NaN.
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
  // Large: z = scalbn(|x|, ilogb(x) − 23), cut into three 24-bit chunks.
  const e0 = (ix >> 20) - 1046;
  let z = fromWords(ix - (e0 << 20), lowWord(x));
  for (let i = 0; i < 2; i++) {
    tx[i] = z | 0;
    z = (z - (tx[i] as number)) * two24;
  }
  tx[2] = z;
  let nx = 3;
  while (tx[nx - 1] === 0) nx--; // skip zero terms
  const n = kernelRemPio2(y, e0, nx);
  if (hx < 0) {
    y[0] = -(y[0] as number);
    y[1] = -(y[1] as number);
    return -n;
  }
  return n;
}
