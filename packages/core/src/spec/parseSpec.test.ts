import { describe, expect, it } from 'vitest';
import { INVALID_SPECS as BAD, good } from '../testing.js';
import { parseSpec } from './parseSpec.js';
import { SpecError } from './specError.js';

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
