import { describe, expect, it } from 'vitest';
import type { ModelSpec } from '../spec/types.js';
import { createNet } from './createNet.js';
import { paramLayout } from './paramLayout.js';
import { paramShapes } from './paramShapes.js';

describe('paramLayout', () => {
  it('places parameters back to back in order, with names, shapes and sizes', () => {
    const l = paramLayout([
      ['0.weight', [3, 2]],
      ['0.bias', [3]],
      ['1.weight', [1, 3]],
    ]);
    expect(l.names).toEqual(['0.weight', '0.bias', '1.weight']);
    expect(l.shapes).toEqual([[3, 2], [3], [1, 3]]);
    expect(l.sizes).toEqual([6, 3, 3]);
    expect(l.offsets).toEqual([0, 6, 9]);
    expect(l.size).toBe(12);
    expect(l.indexOf('0.bias')).toBe(1);
    expect(l.indexOf('nope')).toBe(-1);
  });

  it("every net's layout is the one paramShapes (and so parseSpec and the run event) describes", () => {
    const models: [ModelSpec, number][] = [
      [{ kind: 'linear' }, 5],
      [{ kind: 'logistic' }, 2],
      [{ kind: 'polynomial', degree: 7 }, 1],
      [{ kind: 'mlp', hidden: [4, 3, 2], activation: 'relu' }, 6],
    ];
    for (const [model, d] of models) {
      const { layout } = createNet(model, d);
      const want = paramLayout(paramShapes(model, d));
      expect({ ...layout, indexOf: null }, model.kind).toEqual({ ...want, indexOf: null });
    }
  });
});
