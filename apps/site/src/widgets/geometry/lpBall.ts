import type { MessageKey } from '../../i18n/en';
import { lossAt, type Quadratic, type Vec2 } from './quadratic.js';

/** A ball shape: an Lp norm (p = Infinity for the max norm) or the elastic net ½‖w‖₁ + ½‖w‖₂². */
export type BallShape = { readonly kind: 'p'; readonly p: number } | { readonly kind: 'elastic' };

/** The shapes of the widget's slider, in order. */
export const BALL_SHAPES: readonly { readonly shape: BallShape; readonly label: MessageKey }[] = [
  { shape: { kind: 'p', p: 0.5 }, label: 'ball.p05' },
  { shape: { kind: 'p', p: 1 }, label: 'ball.l1' },
  { shape: { kind: 'elastic' }, label: 'ball.elastic' },
  { shape: { kind: 'p', p: 2 }, label: 'ball.l2' },
  { shape: { kind: 'p', p: 4 }, label: 'ball.p4' },
  { shape: { kind: 'p', p: Number.POSITIVE_INFINITY }, label: 'ball.inf' },
];

/**
 * The gauge of `w` for a ball shape: the radius r of the smallest ball of that shape that
 * contains w (‖w‖_p for an Lp ball). The elastic-net ball of radius r is
 * {w : ½‖w‖₁/r + ½‖w‖₂²/r² ≤ 1}, which meets the axes at ±r like the others.
 *
 * @example
 * gauge({ kind: 'p', p: 1 }, [1, -2]) // 3
 */
export function gauge(shape: BallShape, w: Vec2): number {
  const a = Math.abs(w[0]);
  const b = Math.abs(w[1]);
  if (shape.kind === 'elastic') {
    const l1 = a + b;
    const l2 = a * a + b * b;
    if (l1 === 0) return 0;
    // ½·l1·u + ½·l2·u² = 1 with u = 1/r.
    const u = (-0.5 * l1 + Math.sqrt(0.25 * l1 * l1 + 2 * l2)) / l2;
    return 1 / u;
  }
  const { p } = shape;
  if (p === Number.POSITIVE_INFINITY) return Math.max(a, b);
  return (a ** p + b ** p) ** (1 / p);
}

/** The point of the ball's boundary (radius r) in the direction of angle t. */
export function boundaryPoint(shape: BallShape, r: number, t: number): Vec2 {
  const d: Vec2 = [Math.cos(t), Math.sin(t)];
  const g = gauge(shape, d);
  return [(r * d[0]) / g, (r * d[1]) / g];
}

/**
 * The boundary of the ball of radius r as a closed polyline of n + 1 points.
 *
 * @example
 * ballOutline({ kind: 'p', p: 2 }, 1, { n: 4 }) // [[1, 0], [0, 1], [-1, 0], [0, -1], [1, 0]] (up to rounding)
 */
export function ballOutline(shape: BallShape, r: number, { n = 240 }: { n?: number } = {}): Vec2[] {
  return Array.from({ length: n + 1 }, (_, i) => boundaryPoint(shape, r, (2 * Math.PI * i) / n));
}

/**
 * The minimizer of L0 over the ball of radius r (the budget): w* itself when it is inside,
 * otherwise the point of the boundary where L0 is lowest (for a convex L0 with w* outside the
 * ball, the minimum over any star-shaped ball lies on its boundary). Found by a fine scan of the
 * boundary plus a golden-section refinement, so it also finds the corners of p ≤ 1 balls.
 *
 * @example
 * constrainedOptimum(quadratic(), { kind: 'p', p: 1 }, 1) // a corner: [1, 0]
 */
export function constrainedOptimum(
  q: Pick<Quadratic, 'H' | 'wStar'>,
  shape: BallShape,
  r: number,
): Vec2 {
  if (gauge(shape, q.wStar) <= r) return q.wStar;
  const n = 1440;
  const f = (t: number) => lossAt(q, boundaryPoint(shape, r, t));
  let best = 0;
  let bestValue = Number.POSITIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const v = f((2 * Math.PI * i) / n);
    if (v < bestValue) {
      bestValue = v;
      best = i;
    }
  }
  // Golden-section search in the bracket around the best sample.
  const phi = (Math.sqrt(5) - 1) / 2;
  let lo = (2 * Math.PI * (best - 1)) / n;
  let hi = (2 * Math.PI * (best + 1)) / n;
  for (let k = 0; k < 60; k++) {
    const m1 = hi - phi * (hi - lo);
    const m2 = lo + phi * (hi - lo);
    if (f(m1) < f(m2)) hi = m2;
    else lo = m1;
  }
  const t = (lo + hi) / 2;
  // Snap to an exact corner on the axes when the refinement lands within rounding of one.
  const w = boundaryPoint(shape, r, t);
  const snap = (v: number) => (Math.abs(v) < 1e-6 * r ? 0 : v);
  const s: Vec2 = [snap(w[0]), snap(w[1])];
  const k = r / gauge(shape, s);
  return [s[0] * k, s[1] * k];
}

/**
 * Where the boundary of the ball of radius r crosses the contour L0 = level: the boundary
 * points at which L0 − level changes sign (refined by bisection), in angle order.
 *
 * @example
 * crossings(quadratic(), { kind: 'p', p: 2 }, 2, 0.3).length // 2
 */
export function crossings(
  q: Pick<Quadratic, 'H' | 'wStar'>,
  shape: BallShape,
  r: number,
  level: number,
  { n = 720 }: { n?: number } = {},
): Vec2[] {
  const g = (t: number) => lossAt(q, boundaryPoint(shape, r, t)) - level;
  const out: Vec2[] = [];
  for (let i = 0; i < n; i++) {
    let a = (2 * Math.PI * i) / n;
    let b = (2 * Math.PI * (i + 1)) / n;
    let ga = g(a);
    if (Math.sign(ga) === Math.sign(g(b))) continue;
    for (let k = 0; k < 50; k++) {
      const m = (a + b) / 2;
      const gm = g(m);
      if (Math.sign(gm) === Math.sign(ga)) {
        a = m;
        ga = gm;
      } else b = m;
    }
    out.push(boundaryPoint(shape, r, (a + b) / 2));
  }
  return out;
}
