import { MAX_STEPS } from '@decaylab/core';

const posNum = { type: 'number', exclusiveMinimum: 0 };
const nonNeg = { type: 'number', minimum: 0 };
const rows = { type: 'integer', minimum: 1, maximum: 1_000_000 };
const dataset = {
  type: 'object',
  additionalProperties: false,
  required: ['x', 'y'],
  properties: {
    x: {
      type: 'array',
      minItems: 1,
      maxItems: 1_000_000,
      items: { type: 'array', minItems: 1, maxItems: 4096, items: { type: 'number' } },
    },
    y: { type: 'array', items: { type: 'number' } },
  },
};
const generator = (kind: string, props: Record<string, unknown>, about: string) => ({
  type: 'object',
  description: about,
  additionalProperties: false,
  required: ['kind'],
  properties: { kind: { const: kind }, ...props },
});
const n = { ...rows, default: 20 };
const nVal = { type: 'integer', minimum: 0, maximum: 1_000_000 };
const sgdHyper = {
  lr: posNum,
  momentum: { ...nonNeg, default: 0 },
  dampening: { type: 'number', minimum: 0, maximum: 1, default: 0 },
  nesterov: { type: 'boolean', default: false },
  weightDecay: {
    ...nonNeg,
    default: 0,
    description: 'coupled L2: adds weightDecay·θ to the gradient',
  },
  maximize: { type: 'boolean', default: false },
};
const adamHyper = {
  lr: posNum,
  betas: {
    type: 'array',
    minItems: 2,
    maxItems: 2,
    items: { type: 'number', minimum: 0, exclusiveMaximum: 1 },
    default: [0.9, 0.999],
  },
  eps: { ...nonNeg, default: 1e-8 },
  weightDecay: {
    ...nonNeg,
    description: 'adam: coupled (default 0); adamw: decoupled, θ ← θ − lr·λ·θ (default 0.01)',
  },
  amsgrad: { type: 'boolean', default: false },
  maximize: { type: 'boolean', default: false },
};
const groupOf = (hyper: Record<string, unknown>) => ({
  type: 'object',
  additionalProperties: false,
  required: ['params'],
  properties: {
    params: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string' } },
    ...hyper,
  },
});

/**
 * The JSON Schema (draft 2020-12) of a RunSpec, written to match core's `parseSpec`: the same
 * keys, ranges and defaults. `parseSpec` also checks what a schema cannot (parameter names in
 * `paramGroups`/`penalty.params`, ragged `x`, `y` length, nesterov needing momentum).
 *
 * @example
 * { "$schema": "./runspec.schema.json", "data": { "kind": "line" }, ... }
 */
export const RUN_SPEC_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://decaylab.dev/schema/runspec-v1.json',
  title: 'decaylab RunSpec (version 1)',
  description:
    'What to train: data, model, initialization, loss, penalty, optimizer, param groups and steps.',
  type: 'object',
  additionalProperties: false,
  required: ['data', 'model', 'optimizer', 'steps'],
  properties: {
    $schema: { type: 'string' },
    version: { const: 1 },
    name: { type: 'string' },
    seed: { type: 'integer', minimum: 0, maximum: 4294967295, default: 0 },
    data: {
      oneOf: [
        {
          type: 'object',
          description: 'inline data',
          additionalProperties: false,
          required: ['train'],
          properties: { train: dataset, val: dataset },
        },
        generator(
          'line',
          { n, nVal: { ...nVal, default: 100 }, noise: { ...nonNeg, default: 0.3 } },
          'y = x + noise, x uniform in [−1, 1]',
        ),
        generator(
          'polynomial',
          {
            n: { ...rows, default: 100 },
            nVal: { ...nVal, default: 100 },
            noise: { ...nonNeg, default: 0.1 },
          },
          "d2l's cubic: y = 5 + 1.2x − 3.4x²/2! + 5.6x³/3! + ε",
        ),
        generator(
          'highdim',
          {
            n,
            nVal: { ...nVal, default: 100 },
            dims: { type: 'integer', minimum: 1, maximum: 4096, default: 200 },
            noise: { ...nonNeg, default: 0.01 },
          },
          "d2l's high-dimensional regression: y = 0.05 + Σ 0.01·xᵢ + ε",
        ),
        generator(
          'blobs',
          {
            n: { ...rows, default: 100 },
            nVal: { ...nVal, default: 100 },
            dims: { type: 'integer', minimum: 1, maximum: 4096, default: 2 },
            separation: { ...nonNeg, default: 2 },
            std: { ...posNum, default: 1 },
          },
          'two Gaussian blobs labelled 0 and 1',
        ),
      ],
    },
    model: {
      oneOf: [
        {
          type: 'object',
          additionalProperties: false,
          required: ['kind'],
          properties: { kind: { enum: ['linear', 'logistic'] } },
        },
        {
          type: 'object',
          additionalProperties: false,
          required: ['kind', 'degree'],
          properties: {
            kind: { const: 'polynomial' },
            degree: { type: 'integer', minimum: 1, maximum: 30 },
          },
        },
        {
          type: 'object',
          additionalProperties: false,
          required: ['kind', 'hidden'],
          properties: {
            kind: { const: 'mlp' },
            hidden: {
              type: 'array',
              minItems: 1,
              items: { type: 'integer', minimum: 1, maximum: 1024 },
            },
            activation: { enum: ['tanh', 'relu', 'sigmoid'], default: 'tanh' },
          },
        },
      ],
    },
    init: {
      oneOf: [
        {
          type: 'object',
          additionalProperties: false,
          required: ['kind'],
          properties: {
            kind: { const: 'normal' },
            std: { ...posNum, default: 0.1 },
            bias: { enum: ['zeros', 'normal'], default: 'zeros' },
          },
        },
        {
          type: 'object',
          additionalProperties: false,
          required: ['kind'],
          properties: { kind: { const: 'zeros' } },
        },
        {
          type: 'object',
          description:
            'inline initial values per parameter (flat, row-major), e.g. {"weight": [...], "bias": [0]}',
          not: { required: ['kind'] },
          additionalProperties: { type: 'array', items: { type: 'number' } },
        },
      ],
      default: { kind: 'normal', std: 0.1, bias: 'zeros' },
    },
    loss: {
      enum: ['mse', 'bce-logits'],
      description: 'default: bce-logits for logistic, else mse',
    },
    penalty: {
      oneOf: [
        { type: 'null' },
        {
          type: 'object',
          additionalProperties: false,
          required: ['kind', 'lambda'],
          properties: {
            kind: { enum: ['l1', 'l2'], description: 'l2: λ/2·Σθ²; l1: λ·Σ|θ|' },
            lambda: nonNeg,
            params: {
              type: 'array',
              minItems: 1,
              uniqueItems: true,
              items: { type: 'string' },
              description: 'default: every parameter',
            },
          },
        },
      ],
    },
    optimizer: {
      oneOf: [
        {
          type: 'object',
          additionalProperties: false,
          required: ['kind', 'lr'],
          properties: { kind: { const: 'sgd' }, ...sgdHyper },
        },
        {
          type: 'object',
          additionalProperties: false,
          required: ['kind', 'lr'],
          properties: { kind: { enum: ['adam', 'adamw'] }, ...adamHyper },
        },
      ],
    },
    paramGroups: {
      type: 'array',
      description:
        'PyTorch param groups: the listed parameters with some hyperparameters overridden',
      items: { anyOf: [groupOf(sgdHyper), groupOf(adamHyper)] },
      default: [],
    },
    steps: { type: 'integer', minimum: 1, maximum: MAX_STEPS },
    batchSize: {
      oneOf: [{ type: 'null' }, { type: 'integer', minimum: 1 }],
      default: null,
      description: 'rows per step; null = full batch',
    },
  },
} as const;
