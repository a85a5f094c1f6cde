import { materialize, parseSpec, type StepEvent, train } from '@decaylab/core';
import { lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { predictor } from './predict';

const mse = (ys: number[], ts: readonly number[]) =>
  ys.reduce((s, y, i) => s + (y - (ts[i] as number)) ** 2, 0) / ys.length;
const bce = (zs: number[], ts: readonly number[]) =>
  zs.reduce(
    (s, z, i) => s + Math.max(z, 0) - z * (ts[i] as number) + Math.log1p(Math.exp(-Math.abs(z))),
    0,
  ) / zs.length;

// The forward pass the charts draw must agree with the engine: the validation loss the engine
// reports after each step is recomputed from that step's parameters.
describe('predictor', () => {
  it.each([
    ['linear', { data: { kind: 'highdim', dims: 5 }, model: { kind: 'linear' } }],
    ['polynomial', { data: { kind: 'line' }, model: { kind: 'polynomial', degree: 7 } }],
    ['logistic', { data: { kind: 'blobs' }, model: { kind: 'logistic' } }],
    ['mlp tanh', { data: { kind: 'line' }, model: { kind: 'mlp', hidden: [5, 3] } }],
    [
      'mlp relu',
      { data: { kind: 'polynomial' }, model: { kind: 'mlp', hidden: [4], activation: 'relu' } },
    ],
    [
      'mlp sigmoid (classes)',
      {
        data: { kind: 'blobs' },
        model: { kind: 'mlp', hidden: [6], activation: 'sigmoid' },
        loss: 'bce-logits',
      },
    ],
  ])('%s: recomputes the engine’s validation loss', async (_name, partial) => {
    const spec = parseSpec({
      ...partial,
      optimizer: { kind: 'adam', lr: 0.05 },
      steps: 20,
      seed: 3,
    });
    const data = materialize(spec.data, spec.seed);
    const val = data.val;
    if (!val) throw new Error('no validation data');
    const events = await lastValueFrom(train(spec).pipe(toArray()));
    const steps = events.filter((e): e is StepEvent => e.type === 'step');
    expect(steps).toHaveLength(20);
    for (const e of steps) {
      const f = predictor(spec.model, e.params);
      const out = val.x.map((row) => f(row));
      const loss = spec.loss === 'mse' ? mse(out, val.y) : bce(out, val.y);
      expect(loss).toBeCloseTo(e.val?.loss ?? Number.NaN, 10);
    }
  });
});
