import { describe, expect, it } from 'vitest';
import type { RunEvent, StepEvent } from '../events.js';
import { train } from '../train.js';

const steps = (spec: unknown, every = 1): StepEvent[] => {
  const out: StepEvent[] = [];
  train(spec, { every }).subscribe((e: RunEvent) => {
    if (e.type === 'step') out.push(e);
  });
  return out;
};

const mlp = { kind: 'mlp', hidden: [3, 2], activation: 'tanh' };
const names = ['0.weight', '0.bias', '1.weight', '1.bias', '2.weight', '2.bias'];

describe('step events built from the event plan', () => {
  it('keep the format key order in each of the four shapes (decoupledDecay and val present or not)', () => {
    const base = { seed: 2, model: mlp, steps: 2 };
    const line = (nVal: number) => ({ kind: 'line', n: 12, nVal });
    const sgd = { kind: 'sgd', lr: 0.1, weightDecay: 0.1 };
    const adamw = { kind: 'adamw', lr: 0.01, weightDecay: 0.1 };
    const head = ['type', 'step', 'epoch', 'lr', 'loss', 'grad', 'decayGrad'];
    const cases: [unknown, string[]][] = [
      [{ ...base, data: line(0), optimizer: sgd }, [...head, 'params', 'norms']],
      [{ ...base, data: line(4), optimizer: sgd }, [...head, 'params', 'val', 'norms']],
      [
        { ...base, data: line(0), optimizer: adamw },
        [...head, 'decoupledDecay', 'params', 'norms'],
      ],
      [
        { ...base, data: line(4), optimizer: adamw },
        [...head, 'decoupledDecay', 'params', 'val', 'norms'],
      ],
    ];
    for (const [spec, keys] of cases) {
      for (const e of steps(spec)) expect(Object.keys(e)).toEqual(keys);
    }
  });

  it('list every parameter in layout order, and decay terms only where they apply', () => {
    const [e] = steps({
      seed: 3,
      data: { kind: 'line', n: 12, nVal: 0 },
      model: mlp,
      penalty: { kind: 'l1', lambda: 0.01, params: ['2.weight', '0.weight'] },
      optimizer: { kind: 'adamw', lr: 0.01, weightDecay: 0.1 },
      paramGroups: [{ params: ['1.bias', '0.bias'], weightDecay: 0 }],
      steps: 1,
    });
    if (!e) throw new Error('no step event');
    expect(Object.keys(e.grad)).toEqual(names);
    expect(Object.keys(e.params)).toEqual(names);
    expect(Object.keys(e.norms)).toEqual(names);
    expect(Object.keys(e.decayGrad)).toEqual(['0.weight', '2.weight']);
    expect(Object.keys(e.decoupledDecay ?? {})).toEqual([
      '0.weight',
      '1.weight',
      '2.weight',
      '2.bias',
    ]);
    for (const n of names) expect(e.params[n]).toBeInstanceOf(Array);
  });

  it('are copies: an event kept while the run goes on does not change', () => {
    const spec = {
      seed: 4,
      data: { kind: 'highdim', n: 10, nVal: 3, dims: 6 },
      model: { kind: 'linear' },
      penalty: { kind: 'l2', lambda: 0.1 },
      optimizer: { kind: 'sgd', lr: 0.05, momentum: 0.9, weightDecay: 0.01 },
      steps: 5,
    };
    const kept: { event: StepEvent; json: string }[] = [];
    train(spec).subscribe((e) => {
      if (e.type === 'step') kept.push({ event: e, json: JSON.stringify(e) });
    });
    expect(kept).toHaveLength(5);
    for (const { event, json } of kept) expect(JSON.stringify(event)).toBe(json);
    // Consecutive steps moved θ: the events do not share one buffer.
    expect(kept[0]?.event.params.weight).not.toEqual(kept[4]?.event.params.weight);
  });

  it('compute validation loss only on emitted steps, the same value as with every step', () => {
    const spec = {
      seed: 6,
      data: { kind: 'line', n: 12, nVal: 5 },
      model: { kind: 'linear' },
      optimizer: { kind: 'sgd', lr: 0.1 },
      steps: 9,
    };
    const all = steps(spec);
    const some = steps(spec, 4);
    expect(some.map((e) => e.step)).toEqual([4, 8, 9]);
    for (const e of some) expect(e).toEqual(all[e.step - 1]);
  });

  // Traced and untraced steps share the optimizer's state, and a trace over more than 16 values
  // is zeroed with fill (a loop below): both must leave every emitted event as with every = 1.
  it.each([
    [
      'sgd with nesterov momentum',
      { kind: 'sgd', lr: 0.01, momentum: 0.9, nesterov: true, weightDecay: 0.1 },
    ],
    ['adam', { kind: 'adam', lr: 0.01, weightDecay: 0.1 }],
    ['adamw', { kind: 'adamw', lr: 0.01, weightDecay: 0.1 }],
    ['plain sgd', { kind: 'sgd', lr: 0.01, weightDecay: 0.1 }],
  ])('thinned on a 21-value trace give the every-1 events: %s', (_, optimizer) => {
    const spec = {
      seed: 2,
      data: { kind: 'highdim', n: 12, nVal: 4, dims: 20 },
      model: { kind: 'linear' },
      penalty: { kind: 'l1', lambda: 0.01, params: ['weight'] },
      optimizer,
      steps: 10,
    };
    const all = steps(spec);
    const some = steps(spec, 3);
    expect(some).toHaveLength(4);
    for (const e of some) expect(e).toEqual(all[e.step - 1]);
  });
});
