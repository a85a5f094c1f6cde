import type { Point } from './types.js';

/**
 * Keeps at most `max` points, evenly spaced, always with the first and the last: long runs stay
 * light to draw (a 200,000-step run becomes 1,000 points). Works on any rows, not only `Point`s.
 *
 * @example
 * lossChart({ train: downsample(train, { max: 500 }) }, { document });
 */
export function downsample<T = Point>(
  points: readonly T[],
  { max = 1000 }: { max?: number } = {},
): T[] {
  if (points.length <= max || max < 2) return points.slice();
  const out: T[] = [];
  const stride = (points.length - 1) / (max - 1);
  for (let i = 0; i < max; i++) out.push(points[Math.round(i * stride)] as T);
  return out;
}
