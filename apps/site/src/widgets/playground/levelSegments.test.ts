import { describe, expect, it } from 'vitest';
import { levelSegments } from './levelSegments';

describe('levelSegments', () => {
  it('traces a straight boundary exactly (every endpoint on the line)', () => {
    const segments = levelSegments((x, y) => 2 * x - y + 0.3, {
      x: [-1, 1],
      y: [-2, 2],
      cells: 20,
    });
    expect(segments.length).toBeGreaterThan(10);
    for (const s of segments) {
      expect(2 * s.x1 - s.y1 + 0.3).toBeCloseTo(0, 12);
      expect(2 * s.x2 - s.y2 + 0.3).toBeCloseTo(0, 12);
    }
  });

  it('closes around a circle: the segments’ length is close to its circumference', () => {
    const r = 0.5;
    const segments = levelSegments((x, y) => x * x + y * y - r * r, {
      x: [-1, 1],
      y: [-1, 1],
      cells: 80,
    });
    const length = segments.reduce((s, g) => s + Math.hypot(g.x2 - g.x1, g.y2 - g.y1), 0);
    expect(length).toBeCloseTo(2 * Math.PI * r, 2);
  });

  it('gives nothing when the level is not crossed, and skips non-finite cells', () => {
    expect(levelSegments(() => 1, { x: [0, 1], y: [0, 1] })).toEqual([]);
    expect(levelSegments(() => Number.NaN, { x: [0, 1], y: [0, 1] })).toEqual([]);
  });
});
