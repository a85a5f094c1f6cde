import type { Quadratic, Vec2 } from './quadratic.js';

/**
 * The level set {w : ½(w − w*)ᵀH(w − w*) = level} as a closed polyline of `n` + 1 points
 * (an ellipse, parametrized through H's eigen-decomposition).
 *
 * @example
 * ellipse(quadratic(), 0.5, { n: 64 }).length // 65
 */
export function ellipse(
  q: Pick<Quadratic, 'H' | 'wStar'>,
  level: number,
  { n = 96 }: { n?: number } = {},
): Vec2[] {
  const { a, b, c } = q.H;
  const mean = (a + c) / 2;
  const diff = Math.sqrt(((a - c) / 2) ** 2 + b * b);
  const k1 = mean + diff;
  const k2 = mean - diff;
  const theta = 0.5 * Math.atan2(2 * b, a - c);
  const cos = Math.cos(theta);
  const sin = Math.sin(theta);
  const r1 = Math.sqrt((2 * Math.max(level, 0)) / k1);
  const r2 = Math.sqrt((2 * Math.max(level, 0)) / k2);
  const out: Vec2[] = [];
  for (let i = 0; i <= n; i++) {
    const t = (2 * Math.PI * i) / n;
    const p = r1 * Math.cos(t);
    const s = r2 * Math.sin(t);
    out.push([q.wStar[0] + p * cos - s * sin, q.wStar[1] + p * sin + s * cos]);
  }
  return out;
}

/**
 * Contour levels for a plot: `count` levels growing geometrically from `first`, so the rings
 * look evenly spaced near the optimum and still reach the plot's edge.
 *
 * @example
 * contourLevels({ first: 0.05, ratio: 2, count: 4 }) // [0.05, 0.1, 0.2, 0.4]
 */
export function contourLevels({
  first = 0.05,
  ratio = 2,
  count = 8,
}: {
  first?: number;
  ratio?: number;
  count?: number;
} = {}): number[] {
  return Array.from({ length: count }, (_, i) => first * ratio ** i);
}

/**
 * The boundary of the penalty's ball through `radius`: a circle (l2, ‖w‖₂ = radius) or a
 * diamond (l1, ‖w‖₁ = radius), as a closed polyline.
 *
 * @example
 * penaltyBall('l1', 1) // [[1,0],[0,1],[-1,0],[0,-1],[1,0]]
 */
export function penaltyBall(
  kind: 'l1' | 'l2',
  radius: number,
  { n = 96 }: { n?: number } = {},
): Vec2[] {
  if (kind === 'l1') {
    return [
      [radius, 0],
      [0, radius],
      [-radius, 0],
      [0, -radius],
      [radius, 0],
    ];
  }
  return Array.from({ length: n + 1 }, (_, i) => {
    const t = (2 * Math.PI * i) / n;
    return [radius * Math.cos(t), radius * Math.sin(t)] as Vec2;
  });
}
