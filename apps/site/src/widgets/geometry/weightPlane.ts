/** The plane both chapter 5 widgets draw: w₁, w₂ ∈ [−PLANE_LIMIT, PLANE_LIMIT]. */
export const PLANE_LIMIT = 3;

/**
 * Plot options for that square plane in a frame of the given size: equal margins (8 % of the
 * width, at least 28 px) and the w₁/w₂ axes, so the two widgets' planes line up.
 *
 * @example
 * Plot.plot({ ...frame, ...weightPlane(frame), marks })
 */
export function weightPlane({ width }: { width: number }) {
  const m = planeMargin(width);
  const axis = { domain: [-PLANE_LIMIT, PLANE_LIMIT], ticks: 7, labelArrow: 'none' } as const;
  return {
    marginLeft: m,
    marginBottom: m,
    marginTop: m,
    marginRight: m,
    x: { ...axis, label: 'w₁', labelAnchor: 'right' },
    y: { ...axis, label: 'w₂', labelAnchor: 'top' },
  } as const;
}

/** The plane's margin on every side in a frame `width` px wide. */
const planeMargin = (width: number) => Math.round(Math.max(28, width * 0.08));

/**
 * Screen pixels per unit of w on the plane drawn by `weightPlane` in a frame of this width.
 *
 * @example
 * planeScale({ width: 652 }) // 91.3…: (652 − 2 · 52) / 6
 */
export function planeScale({ width }: { width: number }): number {
  return (width - 2 * planeMargin(width)) / (2 * PLANE_LIMIT);
}
