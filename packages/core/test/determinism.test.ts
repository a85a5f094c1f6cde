import { describe, expect, it } from 'vitest';
import { encodeEvent, train } from '../src/index.js';

const ndjson = (spec: unknown) => {
  let out = '';
  train(spec).subscribe((e) => {
    out += `${encodeEvent(e)}\n`;
  });
  return out;
};

const SPECS: [string, unknown][] = [
  [
    'generated data, normal init, minibatches',
    {
      seed: 11,
      data: { kind: 'highdim', n: 20, nVal: 10 },
      model: { kind: 'linear' },
      optimizer: { kind: 'sgd', lr: 0.01, momentum: 0.9, weightDecay: 3 },
      batchSize: 6,
      steps: 40,
    },
  ],
  [
    'an mlp with AdamW and param groups',
    {
      seed: 3,
      data: { kind: 'blobs', n: 30, nVal: 10 },
      model: { kind: 'mlp', hidden: [5, 3], activation: 'relu' },
      init: { kind: 'normal', std: 0.5, bias: 'normal' },
      loss: 'bce-logits',
      optimizer: { kind: 'adamw', lr: 0.01, amsgrad: true },
      paramGroups: [{ params: ['0.bias', '1.bias', '2.bias'], weightDecay: 0 }],
      steps: 30,
    },
  ],
];

describe('determinism', () => {
  for (const [what, spec] of SPECS) {
    it(`the same spec gives byte-identical NDJSON: ${what}`, () => {
      const a = ndjson(spec);
      expect(a.split('\n').length).toBeGreaterThan(10);
      expect(ndjson(JSON.parse(JSON.stringify(spec)))).toBe(a);
    });
  }

  it('a different seed gives different data and so different bytes', () => {
    const [, spec] = SPECS[0] as [string, Record<string, unknown>];
    expect(ndjson({ ...spec, seed: 12 })).not.toBe(ndjson(spec));
  });

  it('minibatches visit every row once per epoch', () => {
    const spec = { ...(SPECS[0]?.[1] as object), steps: 8 };
    const epochs: number[] = [];
    train(spec).subscribe((e) => {
      if (e.type === 'step') epochs.push(e.epoch);
    });
    // 20 rows in batches of 6: 4 steps per epoch (6, 6, 6, 2)
    expect(epochs).toEqual([1, 1, 1, 1, 2, 2, 2, 2]);
  });
});
