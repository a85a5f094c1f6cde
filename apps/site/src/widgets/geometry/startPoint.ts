import type { Vec2 } from './quadratic.js';

/**
 * Where gradient descent starts for a given seed: seed 0 is the chapter's [−2, 2.5]; other
 * seeds walk around a circle of radius 2.8 by the golden angle, so every seed gives a
 * different, reproducible start inside the plot.
 *
 * @example
 * startPoint(0) // [-2, 2.5]
 */
export function startPoint(seed: number): Vec2 {
  if (!seed) return [-2, 2.5];
  const angle = 2.2 + seed * 2.399963;
  return [2.8 * Math.cos(angle), 2.8 * Math.sin(angle)];
}
