import type { Vec2 } from './quadratic';
import { PLANE_LIMIT } from './weightPlane';

/** A label at a point of the weight plane. */
export interface PlaneLabel {
  readonly p: Vec2;
  readonly text: string;
}

/** Options for `planeLabels`. */
export interface PlaneLabelOptions {
  /** Screen pixels per unit of w (the plane's scale). */
  readonly pxPerUnit: number;
  /** Labels whose points are closer than this on screen share one label. Default 16. */
  readonly minPx?: number;
  /** Between the texts of a shared label. Default ', '. */
  readonly joiner?: string;
  /** Where a shared label goes: at its first point or its last. Default 'first'. */
  readonly at?: 'first' | 'last';
}

/**
 * Labels that stay readable at any slider position: a label whose point lies within `minPx` on
 * screen of a point of an earlier label joins it (their texts joined, in order, at the first or
 * the last point of the group), and a label
 * whose point is off the plane is kept at the nearest point of the plane's edge with an arrow
 * pointing the way it went (X3's ball at budget 2.4 encloses the whole plane).
 *
 * @example
 * planeLabels([{ p: [0.2, 0], text: 'A' }, { p: [0.21, 0.02], text: 'B' }], { pxPerUnit: 60 })
 * // [{ p: [0.2, 0], text: 'A, B' }]
 */
export function planeLabels(
  labels: readonly PlaneLabel[],
  { pxPerUnit, minPx = 16, joiner = ', ', at = 'first' }: PlaneLabelOptions,
): PlaneLabel[] {
  const groups: { points: Vec2[]; texts: string[] }[] = [];
  const near = (a: Vec2, b: Vec2) => Math.hypot(a[0] - b[0], a[1] - b[1]) * pxPerUnit < minPx;
  for (const { p, text } of labels.map(onPlane)) {
    const group = groups.find((g) => g.points.some((q) => near(p, q)));
    if (group) {
      group.points.push(p);
      group.texts.push(text);
    } else groups.push({ points: [p], texts: [text] });
  }
  return groups.map((g) => ({
    p: (at === 'first' ? g.points[0] : g.points.at(-1)) as Vec2,
    text: g.texts.join(joiner),
  }));
}

/** Arrows for a point off the plane, by the side(s) it left: [x: −1, 0, 1][y: −1, 0, 1]. */
const ARROWS = [
  ['↙', '←', '↖'],
  ['↓', '', '↑'],
  ['↘', '→', '↗'],
] as const;

function onPlane({ p, text }: PlaneLabel): PlaneLabel {
  const side = (v: number) => (v > PLANE_LIMIT ? 1 : v < -PLANE_LIMIT ? -1 : 0);
  const sx = side(p[0]);
  const sy = side(p[1]);
  if (sx === 0 && sy === 0) return { p, text };
  const clamp = (v: number) => Math.max(-PLANE_LIMIT, Math.min(PLANE_LIMIT, v));
  return { p: [clamp(p[0]), clamp(p[1])], text: `${text} ${ARROWS[sx + 1]?.[sy + 1] ?? ''}` };
}
