import { lossAt, type Quadratic, type Vec2 } from './quadratic.js';

export type PenaltyKind = 'l1' | 'l2';

/** The penalty value: λ/2·‖w‖² (l2) or λ·‖w‖₁ (l1), as @decaylab/core defines them. */
export function penaltyAt(kind: PenaltyKind, lambda: number, w: Vec2): number {
  return kind === 'l2'
    ? (lambda / 2) * (w[0] * w[0] + w[1] * w[1])
    : lambda * (Math.abs(w[0]) + Math.abs(w[1]));
}

/**
 * The exact minimizer of ½(w − w*)ᵀH(w − w*) + λ/2‖w‖²: (H + λI)w = Hw*.
 *
 * @example
 * l2Optimum(quadratic(), 0.5) // the tangent point of an ellipse and a circle
 */
export function l2Optimum(q: Pick<Quadratic, 'H' | 'wStar'>, lambda: number): Vec2 {
  const { a, b, c } = q.H;
  const [u, v] = q.wStar;
  const r0 = a * u + b * v;
  const r1 = b * u + c * v;
  const A = a + lambda;
  const C = c + lambda;
  const det = A * C - b * b;
  return [(C * r0 - b * r1) / det, (A * r1 - b * r0) / det];
}

/**
 * The exact minimizer of ½(w − w*)ᵀH(w − w*) + λ‖w‖₁ in two dimensions. The objective is
 * convex, and on each face of the sign pattern (both free, one coordinate exactly 0, or both 0)
 * it is a smooth quadratic with a closed-form minimizer; the answer is the best candidate that
 * lies on its own face. With diagonal H it reduces to soft-thresholding each coordinate.
 *
 * @example
 * l1Optimum(quadratic({ wStar: [2, 0.2] }), 0.5) // [1.6…, 0]: a coordinate exactly zero
 */
export function l1Optimum(q: Pick<Quadratic, 'H' | 'wStar'>, lambda: number): Vec2 {
  const { a, b, c } = q.H;
  const [u, v] = q.wStar;
  // ∇ of the smooth part at w is H(w − w*); write g = Hw*.
  const g0 = a * u + b * v;
  const g1 = b * u + c * v;
  const candidates: Vec2[] = [[0, 0]];
  // w₂ = 0: minimize ½a·w₁² − g0·w₁ + λ|w₁| → soft-threshold.
  candidates.push([softThreshold(g0, lambda) / a, 0]);
  candidates.push([0, softThreshold(g1, lambda) / c]);
  const det = a * c - b * b;
  for (const s0 of [-1, 1]) {
    for (const s1 of [-1, 1]) {
      // H w = g − λs
      const r0 = g0 - lambda * s0;
      const r1 = g1 - lambda * s1;
      const w0 = (c * r0 - b * r1) / det;
      const w1 = (a * r1 - b * r0) / det;
      if (Math.sign(w0) === s0 && Math.sign(w1) === s1) candidates.push([w0, w1]);
    }
  }
  let best = candidates[0] as Vec2;
  let bestValue = Infinity;
  for (const w of candidates) {
    const value = lossAt(q, w) + penaltyAt('l1', lambda, w);
    if (value < bestValue - 1e-15) {
      best = w;
      bestValue = value;
    }
  }
  return best;
}

/** sign(z)·max(|z| − t, 0): the proximal step of t·|·|. */
export function softThreshold(z: number, t: number): number {
  const m = Math.abs(z) - t;
  return m > 0 ? Math.sign(z) * m : 0;
}

/** The exact regularized optimum for either penalty. */
export function exactOptimum(
  q: Pick<Quadratic, 'H' | 'wStar'>,
  kind: PenaltyKind,
  lambda: number,
): Vec2 {
  return kind === 'l2' ? l2Optimum(q, lambda) : l1Optimum(q, lambda);
}
