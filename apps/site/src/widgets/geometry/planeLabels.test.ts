import { describe, expect, it } from 'vitest';
import { planeLabels } from './planeLabels';
import { PLANE_LIMIT } from './weightPlane';

describe('planeLabels', () => {
  it('keeps labels apart on screen as they are', () => {
    const labels = [
      { p: [0, 0] as const, text: 'A' },
      { p: [1, 0] as const, text: 'B' },
    ];
    expect(planeLabels(labels, { pxPerUnit: 60 })).toEqual(labels);
  });

  it('joins a label closer than minPx on screen to the one before, at the first or last point', () => {
    const labels = [
      { p: [0.2, 0] as const, text: 'X1' },
      { p: [0.3, 0] as const, text: 'X2' },
      { p: [0.5, 0] as const, text: 'X3' },
    ];
    expect(planeLabels(labels, { pxPerUnit: 100, joiner: ' < ' })).toEqual([
      { p: [0.2, 0], text: 'X1 < X2' },
      { p: [0.5, 0], text: 'X3' },
    ]);
    expect(planeLabels(labels, { pxPerUnit: 100, minPx: 25, joiner: ' < ' })).toEqual([
      { p: [0.2, 0], text: 'X1 < X2 < X3' },
    ]);
    expect(planeLabels(labels, { pxPerUnit: 100, minPx: 25, joiner: ' < ', at: 'last' })).toEqual([
      { p: [0.5, 0], text: 'X1 < X2 < X3' },
    ]);
    // A chain: each is near the one before, though the ends are far apart.
    const chain = [0, 0.1, 0.2, 0.3, 0.4].map((x, i) => ({ p: [x, 0] as const, text: `${i}` }));
    expect(planeLabels(chain, { pxPerUnit: 100, minPx: 12 })).toEqual([
      { p: [0, 0], text: '0, 1, 2, 3, 4' },
    ]);
    expect(planeLabels(labels, { pxPerUnit: 300 })).toHaveLength(3);
  });

  it('keeps a label off the plane at its edge, with an arrow the way it went', () => {
    const off = planeLabels([{ p: [-3.48, 3.48], text: 'X3' }], { pxPerUnit: 60 });
    expect(off).toEqual([{ p: [-PLANE_LIMIT, PLANE_LIMIT], text: 'X3 ↖' }]);
    expect(planeLabels([{ p: [4, 0], text: 'A' }], { pxPerUnit: 60 })[0]?.text).toBe('A →');
    expect(planeLabels([{ p: [0, -9], text: 'A' }], { pxPerUnit: 60 })[0]?.text).toBe('A ↓');
  });
});
