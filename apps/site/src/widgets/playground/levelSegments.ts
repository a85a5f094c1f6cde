/** A straight piece of a level line, from (x1, y1) to (x2, y2). */
export interface Segment {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

/** Options of `levelSegments`: the rectangle and how finely it is sampled. */
export interface LevelOptions {
  readonly x: readonly [number, number];
  readonly y: readonly [number, number];
  /** The value whose level line is traced. Default 0. */
  readonly level?: number;
  /** Cells along each axis. Default 60. */
  readonly cells?: number;
}

/**
 * The level line f(x, y) = level over a rectangle as straight segments (marching squares on a
 * grid, each crossing placed by linear interpolation along the cell's edge): the decision
 * boundary of a classifier, drawn as `Plot.link`s (Plot's contour mark needs d3-geo, which the
 * site leaves out).
 *
 * @example
 * levelSegments((x, y) => x + y, { x: [-1, 1], y: [-1, 1] }) // pieces of the line y = −x
 */
export function levelSegments(
  f: (x: number, y: number) => number,
  { x: [x0, x1], y: [y0, y1], level = 0, cells = 60 }: LevelOptions,
): Segment[] {
  const n = cells + 1;
  const xs = Array.from({ length: n }, (_, i) => x0 + ((x1 - x0) * i) / cells);
  const ys = Array.from({ length: n }, (_, j) => y0 + ((y1 - y0) * j) / cells);
  const v = ys.map((y) => xs.map((x) => f(x, y) - level));
  const out: Segment[] = [];
  const cross = (xa: number, ya: number, va: number, xb: number, yb: number, vb: number) => {
    const t = va / (va - vb);
    return [xa + (xb - xa) * t, ya + (yb - ya) * t] as const;
  };
  for (let j = 0; j < cells; j++) {
    for (let i = 0; i < cells; i++) {
      const a = v[j]?.[i] as number; // (xi, yj)
      const b = v[j]?.[i + 1] as number; // (xi+1, yj)
      const c = v[j + 1]?.[i + 1] as number; // (xi+1, yj+1)
      const d = v[j + 1]?.[i] as number; // (xi, yj+1)
      if (![a, b, c, d].every(Number.isFinite)) continue;
      const xa = xs[i] as number;
      const xb = xs[i + 1] as number;
      const ya = ys[j] as number;
      const yb = ys[j + 1] as number;
      const points: (readonly [number, number])[] = [];
      if (a < 0 !== b < 0) points.push(cross(xa, ya, a, xb, ya, b));
      if (b < 0 !== c < 0) points.push(cross(xb, ya, b, xb, yb, c));
      if (c < 0 !== d < 0) points.push(cross(xb, yb, c, xa, yb, d));
      if (d < 0 !== a < 0) points.push(cross(xa, yb, d, xa, ya, a));
      // Two crossings: one segment; four (a saddle): two, paired around the cell's corners.
      for (let k = 0; k + 1 < points.length; k += 2) {
        const p = points[k] as readonly [number, number];
        const q = points[k + 1] as readonly [number, number];
        out.push({ x1: p[0], y1: p[1], x2: q[0], y2: q[1] });
      }
    }
  }
  return out;
}
