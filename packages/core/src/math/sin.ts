// Math.sin to the bit as Node 20's V8 computes it (fdlibm's sin, from src/base/ieee754.cc).

import { kernelCos } from './kernelCos.js';
import { kernelSin } from './kernelSin.js';
import { remPio2 } from './remPio2.js';
import { highWord } from './words.js';

const y = new Float64Array(2);

/**
 * The sine of `x`, bit for bit what Node 20's Math.sin returns, in any JS engine (IEEE + − × ÷
 * only), for |x| ≤ 2^19·π/2 ≈ 823,550 (the built-in above). Keeps −0; ±∞ and NaN give NaN.
 *
 * @example sin(1); // 0.8414709848078965
 */
export function sin(x: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix <= 0x3fe921fb) return kernelSin(x, 0, false); // |x| ~<= π/4
  if (ix >= 0x7ff00000) return x - x; // ±∞, NaN
  // Above 2^19·π/2 (≈ 823,550) the built-in: the engine calls sin below 2π only.
  if (ix > 0x413921fb) return Math.sin(x);
  const n = remPio2(x, y);
  const y0 = y[0] as number;
  const y1 = y[1] as number;
  switch (n & 3) {
    case 0:
      return kernelSin(y0, y1, true);
    case 1:
      return kernelCos(y0, y1);
    case 2:
      return -kernelSin(y0, y1, true);
    default:
      return -kernelCos(y0, y1);
  }
}
