import { parseSpec } from '@decaylab/core';
import { describe, expect, it } from 'vitest';
import {
  coherentForm,
  FORM_DEFAULTS,
  formFromSpec,
  type PlaygroundForm,
  specFromForm,
} from './playgroundForm';

const forms: [string, PlaygroundForm][] = [
  [
    'line, linear, sgd',
    { ...FORM_DEFAULTS, data: 'line', model: 'linear', optimizer: 'sgd', lr: 0.1, penalty: 'none' },
  ],
  [
    'polynomial data, degree 9, sgd + nesterov, L1 on weights only',
    {
      ...FORM_DEFAULTS,
      data: 'polynomial',
      n: 100,
      noise: 0.1,
      degree: 9,
      optimizer: 'sgd',
      momentum: 0.9,
      nesterov: true,
      penalty: 'l1',
      lambda: 0.001,
      noBiasDecay: true,
    },
  ],
  [
    'highdim, adamw, minibatch',
    {
      ...FORM_DEFAULTS,
      data: 'highdim',
      n: 20,
      noise: 0.01,
      dims: 50,
      model: 'linear',
      optimizer: 'adamw',
      weightDecay: 0.1,
      batchSize: 5,
      seed: 7,
    },
  ],
  [
    'blobs, mlp relu 2×8, no decay on biases',
    {
      ...FORM_DEFAULTS,
      data: 'blobs',
      n: 100,
      model: 'mlp',
      width: 8,
      depth: 2,
      activation: 'relu',
      loss: 'bce-logits',
      optimizer: 'adam',
      weightDecay: 0.01,
      noBiasDecay: true,
    },
  ],
  [
    'logistic on blobs',
    {
      ...FORM_DEFAULTS,
      data: 'blobs',
      n: 100,
      model: 'logistic',
      loss: 'bce-logits',
      penalty: 'l2',
    },
  ],
];

describe('specFromForm and formFromSpec', () => {
  it.each(forms)('%s: a valid spec that reads back as the same form', (_name, form) => {
    const spec = specFromForm(form);
    expect(() => parseSpec(spec)).not.toThrow();
    const back = formFromSpec(spec);
    // Controls that do not apply to this form keep their defaults; compare those that do.
    const used = {
      ...back,
      carsColumns: form.carsColumns,
      penguinsColumns: form.penguinsColumns,
      positive: form.positive,
      negative: form.negative,
    };
    if (form.model !== 'polynomial') used.degree = form.degree;
    if (form.model !== 'mlp')
      Object.assign(used, { width: form.width, depth: form.depth, activation: form.activation });
    if (form.penalty === 'none') used.lambda = form.lambda;
    if (form.optimizer !== 'sgd')
      Object.assign(used, { momentum: form.momentum, nesterov: form.nesterov });
    if (form.data !== 'highdim') used.dims = form.dims;
    if (form.data === 'blobs') Object.assign(used, { noise: form.noise });
    expect(used).toEqual(form);
  });

  it('no decay on biases: a param group with weightDecay 0 for every bias, the penalty on the weights', () => {
    const spec = specFromForm({
      ...FORM_DEFAULTS,
      data: 'line',
      model: 'mlp',
      depth: 2,
      penalty: 'l2',
      noBiasDecay: true,
    });
    expect(spec.paramGroups).toEqual([{ params: ['0.bias', '1.bias', '2.bias'], weightDecay: 0 }]);
    expect(spec.penalty).toEqual({
      kind: 'l2',
      lambda: FORM_DEFAULTS.lambda,
      params: ['0.weight', '1.weight', '2.weight'],
    });
    const run = parseSpec(spec);
    expect(run.paramGroups[0]?.weightDecay).toBe(0);
  });

  it('keeps what the form does not control (name, init, betas) and leaves defaults out', () => {
    const base = {
      name: 'mine',
      init: { kind: 'zeros' },
      optimizer: { kind: 'adam', lr: 1, betas: [0.8, 0.9] },
    };
    const spec = specFromForm(
      { ...FORM_DEFAULTS, data: 'line', model: 'linear', penalty: 'none' },
      { base },
    );
    expect(spec).toMatchObject({
      name: 'mine',
      init: { kind: 'zeros' },
      optimizer: { kind: 'adam', lr: 0.01, betas: [0.8, 0.9] },
    });
    expect(spec.data).toEqual({ kind: 'line' });
    expect(spec).not.toHaveProperty('loss');
    expect(spec).not.toHaveProperty('penalty');
    expect(spec).not.toHaveProperty('batchSize');
  });

  it('reads what it can of a foreign spec, and defaults the rest', () => {
    const form = formFromSpec({
      data: { train: { x: [[1]], y: [2] } },
      model: { kind: 'nope' },
      steps: 'x',
    });
    expect(form.data).toBe('csv');
    expect(form.model).toBe(FORM_DEFAULTS.model);
    expect(form.steps).toBe(FORM_DEFAULTS.steps);
  });
});

describe('coherentForm', () => {
  it('classification data takes a logistic model and bce-logits; regression data gives them up', () => {
    const penguins = coherentForm(
      { ...FORM_DEFAULTS, data: 'penguins', model: 'polynomial' },
      'data',
    );
    expect([penguins.model, penguins.loss]).toEqual(['logistic', 'bce-logits']);
    const line = coherentForm({ ...penguins, data: 'line' }, 'data');
    expect([line.model, line.loss, line.n, line.noise]).toEqual(['linear', 'mse', 20, 0.3]);
    const mlp = coherentForm({ ...FORM_DEFAULTS, data: 'blobs', model: 'mlp' }, 'model');
    expect(mlp.loss).toBe('bce-logits');
    const csv = coherentForm(
      { ...FORM_DEFAULTS, data: 'csv', model: 'linear' },
      'csv',
      'classification',
    );
    expect(csv.model).toBe('logistic');
  });

  it('a setting that does not touch data or model changes nothing else', () => {
    const form = { ...FORM_DEFAULTS, lr: 0.3 };
    expect(coherentForm(form, 'lr')).toEqual(form);
  });
});
