/**
 * The value of decaylab's polynomial model at x: bias + Σₖ weight[k−1]·xᵏ — the model's own
 * definition (features x¹..xᵈ, see core's polynomialFeatures), used to draw fitted curves from
 * the parameters a `train()` step event carries.
 *
 * @example
 * polyEval({ weight: [1, 0.5], bias: [0] }, 2) // 2 + 0.5·4 = 4
 */
export function polyEval(
  params: { readonly [name: string]: readonly number[] },
  x: number,
): number {
  const weight = params.weight ?? [];
  let y = params.bias?.[0] ?? 0;
  let power = 1;
  for (const w of weight) {
    power *= x;
    y += w * power;
  }
  return y;
}

/** `n` evenly spaced points from `lo` to `hi`, inclusive. */
export function grid(lo: number, hi: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1));
}
