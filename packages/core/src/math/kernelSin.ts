// sin on [−π/4, π/4]: fdlibm's __kernel_sin, ported from V8's src/base/ieee754.cc (Node 20).

import { highWord } from './words.js';

const S1 = -0.16666666666666632; // 0xBFC55555 55555549
const S2 = 0.00833333333332249; // 0x3F811111 1110F8A6
const S3 = -0.0001984126982985795; // 0xBF2A01A0 19C161D5
const S4 = 0.0000027557313707070068; // 0x3EC71DE3 57B1FE7D
const S5 = -2.5050760253406863e-8; // 0xBE5AE5E6 8A2B9CEB
const S6 = 1.58969099521155e-10; // 0x3DE5D93A 5ACFD57C

/**
 * sin(x + y) for |x + y| ≲ π/4, y the tail of a reduced argument (ignored when `hasTail` is
 * false): x + x³·(S1 + x²·(S2 + …)), a degree-13 odd polynomial, error ≤ 2^-58 before rounding.
 *
 * @example kernelSin(0.5, 0, false); // 0.479425538604203
 */
export function kernelSin(x: number, y: number, hasTail: boolean): number {
  const ix = highWord(x) & 0x7fffffff;
  // |x| < 2^-27: sin x rounds to x (C tests (int)x == 0 there, always true, to raise inexact)
  if (ix < 0x3e400000) return x;
  const z = x * x;
  const v = z * x;
  const r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
  if (!hasTail) return x + v * (S1 + z * r);
  return x - (z * (0.5 * y - v * r) - y - v * S1);
}
