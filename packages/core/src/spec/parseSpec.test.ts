import { describe, expect, it } from 'vitest';
import { parseSpec } from './parseSpec.js';
import { SpecError } from './specError.js';

const good = {
  data: { train: { x: [[0], [1], [2]], y: [0, 1, 2] } },
  model: { kind: 'linear' },
  optimizer: { kind: 'sgd', lr: 0.1 },
  steps: 10,
};

/** [what, spec, the path the error must name, a fragment of its message] */
const BAD: [string, unknown, string, string][] = [
  [
    'negative lr',
    { ...good, optimizer: { kind: 'sgd', lr: -1 } },
    'optimizer.lr',
    'expected a positive finite number, got -1',
  ],
  ['NaN lr', { ...good, optimizer: { kind: 'sgd', lr: Number.NaN } }, 'optimizer.lr', 'got NaN'],
  ['string lr', { ...good, optimizer: { kind: 'sgd', lr: '0.1' } }, 'optimizer.lr', 'got "0.1"'],
  ['missing lr', { ...good, optimizer: { kind: 'sgd' } }, 'optimizer.lr', 'missing'],
  [
    'unknown optimizer',
    { ...good, optimizer: { kind: 'rmsprop', lr: 0.1 } },
    'optimizer.kind',
    '"sgd", "adam", "adamw"',
  ],
  [
    'nesterov without momentum',
    { ...good, optimizer: { kind: 'sgd', lr: 0.1, nesterov: true } },
    'optimizer.nesterov',
    'momentum > 0',
  ],
  [
    'nesterov with dampening',
    { ...good, optimizer: { kind: 'sgd', lr: 0.1, momentum: 0.9, dampening: 0.1, nesterov: true } },
    'optimizer.nesterov',
    'dampening 0',
  ],
  [
    'beta1 = 1',
    { ...good, optimizer: { kind: 'adam', lr: 0.1, betas: [1, 0.999] } },
    'optimizer.betas[0]',
    'in [0, 1)',
  ],
  [
    'beta2 < 0',
    { ...good, optimizer: { kind: 'adam', lr: 0.1, betas: [0.9, -0.1] } },
    'optimizer.betas[1]',
    'in [0, 1)',
  ],
  [
    'betas not a pair',
    { ...good, optimizer: { kind: 'adamw', lr: 0.1, betas: [0.9] } },
    'optimizer.betas',
    'two numbers',
  ],
  [
    'momentum on adam',
    { ...good, optimizer: { kind: 'adam', lr: 0.1, momentum: 0.9 } },
    'optimizer.momentum',
    'unknown key',
  ],
  [
    'negative weightDecay',
    { ...good, optimizer: { kind: 'sgd', lr: 0.1, weightDecay: -0.1 } },
    'optimizer.weightDecay',
    '≥ 0',
  ],
  [
    'ragged x',
    { ...good, data: { train: { x: [[0, 1], [1], [2, 3]], y: [0, 1, 2] } } },
    'data.train.x[1]',
    'ragged',
  ],
  [
    'y length mismatch',
    { ...good, data: { train: { x: [[0], [1]], y: [0, 1, 2] } } },
    'data.train.y',
    '2 values',
  ],
  [
    'non-numeric x',
    { ...good, data: { train: { x: [[0], ['a']], y: [0, 1] } } },
    'data.train.x[1][0]',
    'a finite number',
  ],
  [
    'val width differs',
    { ...good, data: { train: good.data.train, val: { x: [[1, 2]], y: [1] } } },
    'data.val.x',
    'rows of 1',
  ],
  [
    'init of the wrong length',
    { ...good, init: { weight: [1, 2], bias: [0] } },
    'init.weight',
    '1 numbers for shape [1], got 2',
  ],
  ['init missing a parameter', { ...good, init: { weight: [1] } }, 'init.bias', '1 numbers'],
  [
    'init for an unknown parameter',
    { ...good, init: { weight: [1], bias: [0], gamma: [1] } },
    'init.gamma',
    'unknown key',
  ],
  [
    'unknown parameter in paramGroups',
    { ...good, paramGroups: [{ params: ['bais'], weightDecay: 0 }] },
    'paramGroups[0].params[0]',
    'a parameter name',
  ],
  [
    'unknown parameter in penalty.params',
    { ...good, penalty: { kind: 'l2', lambda: 0.1, params: ['w'] } },
    'penalty.params[0]',
    'a parameter name',
  ],
  [
    'a parameter in two groups',
    { ...good, paramGroups: [{ params: ['bias'] }, { params: ['bias', 'weight'] }] },
    'paramGroups[1].params',
    'already in paramGroups[0]',
  ],
  ['steps 0', { ...good, steps: 0 }, 'steps', 'an integer from 1 to 100000000'],
  ['steps 1e12', { ...good, steps: 1e12 }, 'steps', 'got 1000000000000'],
  ['fractional steps', { ...good, steps: 2.5 }, 'steps', 'an integer'],
  ['unknown top-level key', { ...good, stpes: 10 }, 'stpes', 'unknown key'],
  [
    'unknown optimizer key',
    { ...good, optimizer: { kind: 'sgd', lr: 0.1, weight_decay: 0.1 } },
    'optimizer.weight_decay',
    'unknown key',
  ],
  ['unknown model', { ...good, model: { kind: 'transformer' } }, 'model.kind', '"linear"'],
  [
    'polynomial degree 0',
    { ...good, model: { kind: 'polynomial', degree: 0 } },
    'model.degree',
    'from 1 to 30',
  ],
  [
    'polynomial on 2 columns',
    { ...good, model: { kind: 'polynomial', degree: 3 }, data: { train: { x: [[0, 1]], y: [0] } } },
    'data',
    'single input column',
  ],
  [
    'mlp without layers',
    { ...good, model: { kind: 'mlp', hidden: [] } },
    'model.hidden',
    'non-empty array',
  ],
  [
    'bad activation',
    { ...good, model: { kind: 'mlp', hidden: [4], activation: 'gelu' } },
    'model.activation',
    '"tanh"',
  ],
  [
    'labels outside [0, 1] for bce',
    { ...good, loss: 'bce-logits' },
    'data.train.y[2]',
    'a label in [0, 1]',
  ],
  ['unknown loss', { ...good, loss: 'huber' }, 'loss', '"mse", "bce-logits"'],
  [
    'negative penalty lambda',
    { ...good, penalty: { kind: 'l2', lambda: -1 } },
    'penalty.lambda',
    '≥ 0',
  ],
  [
    'unknown penalty',
    { ...good, penalty: { kind: 'l3', lambda: 1 } },
    'penalty.kind',
    '"l1", "l2"',
  ],
  ['batchSize above the row count', { ...good, batchSize: 4 }, 'batchSize', 'from 1 to 3'],
  ['negative seed', { ...good, seed: -1 }, 'seed', 'from 0 to 4294967295'],
  ['wrong version', { ...good, version: 2 }, 'version', 'version 1'],
  ['unknown data generator', { ...good, data: { kind: 'mnist' } }, 'data.kind', '"line"'],
  [
    'generator with a bad size',
    { ...good, data: { kind: 'line', n: -5 } },
    'data.n',
    'an integer from 1',
  ],
  [
    'group override of the wrong type',
    { ...good, paramGroups: [{ params: ['bias'], lr: 'fast' }] },
    'paramGroups[0].lr',
    'got "fast"',
  ],
  ['missing model', { data: good.data, optimizer: good.optimizer, steps: 1 }, 'model', 'missing'],
  ['not an object', [1, 2], '', 'expected an object, got an array of 2'],
];

describe('parseSpec rejects bad specs, naming the path', () => {
  for (const [what, spec, path, fragment] of BAD) {
    it(what, () => {
      let error: unknown;
      try {
        parseSpec(spec);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(SpecError);
      const issue = (error as SpecError).issues.find((i) => i.path === path);
      expect(issue, `issues: ${JSON.stringify((error as SpecError).issues)}`).toBeDefined();
      expect(issue?.message).toContain(fragment);
      expect((error as SpecError).message).toContain(path ? `${path}: ` : fragment);
    });
  }

  it('lists every problem at once', () => {
    try {
      parseSpec({ ...good, steps: 0, optimizer: { kind: 'sgd', lr: -1 }, extra: 1 });
      expect.unreachable();
    } catch (e) {
      expect((e as SpecError).issues.map((i) => i.path).sort()).toEqual([
        'extra',
        'optimizer.lr',
        'steps',
      ]);
    }
  });
});

describe('parseSpec normalizes', () => {
  it('fills in every default', () => {
    const spec = parseSpec(good);
    expect(spec).toEqual({
      version: 1,
      seed: 0,
      data: good.data,
      model: { kind: 'linear' },
      init: { kind: 'normal', std: 0.1, bias: 'zeros' },
      loss: 'mse',
      penalty: null,
      optimizer: {
        kind: 'sgd',
        lr: 0.1,
        momentum: 0,
        dampening: 0,
        nesterov: false,
        weightDecay: 0,
        maximize: false,
      },
      paramGroups: [],
      steps: 10,
      batchSize: null,
    });
  });

  it('defaults adamw to weightDecay 0.01 and logistic to bce-logits, and fills groups and penalty params', () => {
    const spec = parseSpec({
      ...good,
      data: { kind: 'blobs' },
      model: { kind: 'logistic' },
      optimizer: { kind: 'adamw', lr: 0.01 },
      penalty: { kind: 'l1', lambda: 0.1 },
      paramGroups: [{ params: ['bias'], weightDecay: 0 }],
    });
    expect(spec.loss).toBe('bce-logits');
    expect(spec.optimizer).toMatchObject({
      weightDecay: 0.01,
      betas: [0.9, 0.999],
      eps: 1e-8,
      amsgrad: false,
    });
    expect(spec.penalty?.params).toEqual(['weight', 'bias']);
    expect(spec.paramGroups[0]).toMatchObject({
      params: ['bias'],
      weightDecay: 0,
      lr: 0.01,
      betas: [0.9, 0.999],
    });
    expect(spec.data).toEqual({ kind: 'blobs', n: 100, nVal: 100, dims: 2, separation: 2, std: 1 });
  });

  it('is idempotent', () => {
    const once = parseSpec({ ...good, paramGroups: [{ params: ['bias'], weightDecay: 0 }] });
    expect(parseSpec(JSON.parse(JSON.stringify(once)))).toEqual(once);
  });
});
