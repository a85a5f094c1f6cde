import { formatValue } from './format';

/** Inputs of the stability rule for gradient descent on a quadratic loss. */
export interface GdStabilityOptions {
  /** Learning rate γ. */
  readonly lr: number;
  /** Weight decay (or L2 penalty) λ. */
  readonly lambda: number;
  /** k_max: the largest curvature (Hessian eigenvalue) of the data loss L0. */
  readonly kMax: number;
  /** Heavy-ball momentum μ. Default 0 (plain GD). */
  readonly momentum?: number;
}

/** The rule's numbers: the product that must stay below the limit, and the largest stable λ. */
export interface GdStability {
  /** γ(λ + k_max). */
  readonly product: number;
  /** 2 for plain GD, 2(1 + μ) with momentum μ. */
  readonly limit: number;
  /** The largest λ that keeps the product below the limit (negative: no λ does). */
  readonly lambdaMax: number;
  readonly stable: boolean;
  /** The rule with the numbers filled in, e.g. `γ(λ + k_max) = 0.5 × (1.5 + 2.43) = 1.97 < 2`. */
  readonly sentence: string;
}

const f = (v: number) => formatValue(v, 'sig');

/**
 * Gradient descent on a quadratic with curvature k along some direction multiplies the error
 * along it by 1 − γ(λ + k) per step; it shrinks only while |1 − γ(λ + k)| < 1, so the run
 * diverges once γ(λ + k_max) > 2 (with momentum μ: > 2(1 + μ)).
 *
 * @example
 * gdStability({ lr: 0.5, lambda: 1.5, kMax: 2.43 }).stable // true (1.965 < 2)
 */
export function gdStability({ lr, lambda, kMax, momentum = 0 }: GdStabilityOptions): GdStability {
  const product = lr * (lambda + kMax);
  const limit = 2 * (1 + momentum);
  const stable = product < limit;
  return {
    product,
    limit,
    lambdaMax: limit / lr - kMax,
    stable,
    sentence: `γ(λ + k_max) = ${f(lr)} × (${f(lambda)} + ${f(kMax)}) = ${f(product)} ${stable ? '<' : '>'} ${f(limit)}`,
  };
}

/**
 * k_max of the mean squared error of a polynomial model (features x, x², …, x^degree and a
 * bias) on the training inputs `xs`: the largest eigenvalue of (2/n)·XᵀX, by power iteration.
 *
 * @example
 * maxCurvature([-1, 0, 1], 1) // ≈ 1.33: (2/3)·diag(2, 3) → 2
 */
export function maxCurvature(xs: readonly number[], degree: number): number {
  const rows = xs.map((x) => [...Array.from({ length: degree }, (_, k) => x ** (k + 1)), 1]);
  const n = rows.length;
  const p = degree + 1;
  let v = Array.from({ length: p }, (_, j) => 1 / (j + 1));
  let k = 0;
  for (let it = 0; it < 300; it++) {
    const xv = rows.map((r) => r.reduce((s, a, j) => s + a * (v[j] ?? 0), 0));
    const w = Array.from(
      { length: p },
      (_, j) => (2 / n) * rows.reduce((s, r, i) => s + (r[j] ?? 0) * (xv[i] ?? 0), 0),
    );
    const norm = Math.hypot(...w);
    if (norm === 0) return 0;
    if (Math.abs(norm - k) <= 1e-12 * norm) return norm;
    k = norm;
    v = w.map((a) => a / norm);
  }
  return k;
}
