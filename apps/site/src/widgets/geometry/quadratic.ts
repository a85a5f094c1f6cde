/** A symmetric 2×2 matrix [[a, b], [b, c]] stored as { a, b, c }. */
export interface Sym2 {
  readonly a: number;
  readonly b: number;
  readonly c: number;
}

export type Vec2 = readonly [number, number];

/** Options for `quadratic`. */
export interface QuadraticOptions {
  /** The unregularized optimum w* (where L0 is smallest). Default [2, 0.6]. */
  readonly wStar?: Vec2;
  /** The curvatures along the ellipse axes (the Hessian's eigenvalues). Default [1, 0.25]. */
  readonly curvatures?: Vec2;
  /** The angle in radians of the first (steep) axis. Default π/6. */
  readonly angle?: number;
}

/** A two-weight least-squares problem whose loss is exactly L0(w) = ½(w − w*)ᵀH(w − w*). */
export interface Quadratic {
  readonly wStar: Vec2;
  readonly H: Sym2;
  /** Four centred rows ±r₁, ±r₂ with r₁r₁ᵀ + r₂r₂ᵀ = H, so mean((x·w − y)²) = L0(w). */
  readonly x: readonly Vec2[];
  /** y = x·w*, so L0(w*) = 0. */
  readonly y: readonly number[];
}

/**
 * Builds the two-weight problem the geometry chapter trains: data whose mean squared error
 * (PyTorch's MSELoss, with a bias that stays at 0 because the rows are centred) equals
 * ½(w − w*)ᵀH(w − w*) with the given curvatures and tilt.
 *
 * @example
 * const q = quadratic({ wStar: [2, 0.6] });
 * q.x.length // 4
 */
export function quadratic({
  wStar = [2, 0.6],
  curvatures = [1, 0.25],
  angle = Math.PI / 6,
}: QuadraticOptions = {}): Quadratic {
  const [k1, k2] = curvatures;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const r1: Vec2 = [Math.sqrt(k1) * cos, Math.sqrt(k1) * sin];
  const r2: Vec2 = [-Math.sqrt(k2) * sin, Math.sqrt(k2) * cos];
  const H: Sym2 = {
    a: k1 * cos * cos + k2 * sin * sin,
    b: (k1 - k2) * cos * sin,
    c: k1 * sin * sin + k2 * cos * cos,
  };
  const x: Vec2[] = [r1, [-r1[0], -r1[1]], r2, [-r2[0], -r2[1]]];
  const y = x.map((r) => r[0] * wStar[0] + r[1] * wStar[1]);
  return { wStar, H, x, y };
}

/** ½(w − w*)ᵀH(w − w*). */
export function lossAt(q: Pick<Quadratic, 'H' | 'wStar'>, w: Vec2): number {
  const dx = w[0] - q.wStar[0];
  const dy = w[1] - q.wStar[1];
  return 0.5 * (q.H.a * dx * dx + 2 * q.H.b * dx * dy + q.H.c * dy * dy);
}
