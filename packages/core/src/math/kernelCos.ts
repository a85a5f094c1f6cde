// cos on [−π/4, π/4]: fdlibm's __kernel_cos, ported from V8's src/base/ieee754.cc (Node 20).

import { fromWords, highWord } from './words.js';

const C1 = 0.0416666666666666; // 0x3FA55555 5555554C
const C2 = -0.001388888888887411; // 0xBF56C16C 16C15177
const C3 = 0.00002480158728947673; // 0x3EFA01A0 19CB1590
const C4 = -2.7557314351390663e-7; // 0xBE927E4F 809C52AD
const C5 = 2.087572321298175e-9; // 0x3E21EE9E BDB4B1C4
const C6 = -1.1359647557788195e-11; // 0xBDA8FAE9 BE8838D4

/**
 * cos(x + y) for |x + y| ≲ π/4, y the tail of a reduced argument: 1 − x²/2 + x⁴·(C1 + …), a
 * degree-14 even polynomial, with 1 − x²/2 split as (1 − qx) − (x²/2 − qx) above 0.3.
 *
 * @example kernelCos(0.5, 0); // 0.8775825618903728
 */
export function kernelCos(x: number, y: number): number {
  const ix = highWord(x) & 0x7fffffff;
  // |x| < 2^-27: cos x rounds to 1 (C tests (int)x == 0 there, always true, to raise inexact)
  if (ix < 0x3e400000) return 1;
  const z = x * x;
  const r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
  if (ix < 0x3fd33333) return 1 - (0.5 * z - (z * r - x * y)); // |x| < 0.3
  // qx = |x|/4 with the low word cleared, or 0.28125 above 0.78125: 1 − qx and x²/2 − qx are exact
  const qx = ix > 0x3fe90000 ? 0.28125 : fromWords(ix - 0x00200000, 0);
  const iz = 0.5 * z - qx;
  const a = 1 - qx;
  return a - (iz - (z * r - x * y));
}
