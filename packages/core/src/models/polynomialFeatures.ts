import { pow } from '../math/pow.js';
/** Row-major matrix of x¹..xᵈ for scalar inputs (the first column of each row). */
export function polynomialFeatures(
  x: readonly (readonly number[])[],
  degree: number,
): Float64Array {
  const out = new Float64Array(x.length * degree);
  x.forEach((row, i) => {
    const v = row[0] as number;
    for (let k = 1; k <= degree; k++) {
      out[i * degree + k - 1] = k === 1 ? v : k === 2 ? v * v : k === 3 ? v * v * v : pow(v, k);
    }
  });
  return out;
}
