import {
  CARS_COLUMNS,
  PENGUIN_SPECIES,
  PENGUINS_COLUMNS,
  penguinCount,
} from '../data/realTableFacts.js';
import { CARS_TABLE } from '../data/realTables.js';
import {
  ADAM_DEFAULTS,
  ADAMW_DEFAULTS,
  DATA_DEFAULTS,
  INIT_DEFAULTS,
  MLP_DEFAULTS,
  SGD_DEFAULTS,
  SPEC_DEFAULTS,
} from './defaults.js';
import {
  MAX_DEGREE,
  MAX_HIDDEN_LAYERS,
  MAX_HIDDEN_WIDTH,
  MAX_ROWS,
  MAX_SEED,
  MAX_STEPS,
} from './limits.js';

const posNum = { type: 'number', exclusiveMinimum: 0 };
const nonNeg = { type: 'number', minimum: 0 };
const rows = { type: 'integer', minimum: 1, maximum: MAX_ROWS };
const nVal = { type: 'integer', minimum: 0, maximum: MAX_ROWS };
const dims = {
  type: 'integer',
  minimum: 1,
  description: 'input columns; bounded by the 1 GiB memory budget that parseSpec checks',
};
const dataset = {
  type: 'object',
  additionalProperties: false,
  required: ['x', 'y'],
  properties: {
    x: {
      type: 'array',
      minItems: 1,
      maxItems: MAX_ROWS,
      items: { type: 'array', minItems: 1, items: { type: 'number' } },
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
const sgdHyper = {
  lr: posNum,
  momentum: { ...nonNeg, default: SGD_DEFAULTS.momentum },
  dampening: { type: 'number', minimum: 0, maximum: 1, default: SGD_DEFAULTS.dampening },
  nesterov: { type: 'boolean', default: SGD_DEFAULTS.nesterov },
  weightDecay: {
    ...nonNeg,
    default: SGD_DEFAULTS.weightDecay,
    description: 'coupled L2: adds weightDecay·θ to the gradient',
  },
  maximize: { type: 'boolean', default: SGD_DEFAULTS.maximize },
};
const adamHyper = {
  lr: posNum,
  betas: {
    type: 'array',
    minItems: 2,
    maxItems: 2,
    items: { type: 'number', minimum: 0, exclusiveMaximum: 1 },
    default: [...ADAM_DEFAULTS.betas],
  },
  eps: { ...nonNeg, default: ADAM_DEFAULTS.eps },
  weightDecay: {
    ...nonNeg,
    description: `adam: coupled (default ${ADAM_DEFAULTS.weightDecay}); adamw: decoupled, θ ← θ − lr·λ·θ (default ${ADAMW_DEFAULTS.weightDecay})`,
  },
  amsgrad: { type: 'boolean', default: ADAM_DEFAULTS.amsgrad },
  maximize: { type: 'boolean', default: ADAM_DEFAULTS.maximize },
};
/** A param group: its hyperparameters default to the optimizer's, not to torch's. */
const groupOf = (hyper: Record<string, Node>) => ({
  type: 'object',
  additionalProperties: false,
  required: ['params'],
  properties: {
    params: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string' } },
    ...Object.fromEntries(
      Object.entries(hyper).map(([key, { default: _torch, ...rule }]) => [
        key,
        { ...rule, description: "default: the optimizer's" },
      ]),
    ),
  },
});
type Node = { readonly default?: unknown; readonly [key: string]: unknown };
const { line, polynomial, highdim, blobs, cars, penguins } = DATA_DEFAULTS;
const columnsOf = (choices: readonly string[], fallback: readonly string[]) => ({
  type: 'array',
  minItems: 1,
  uniqueItems: true,
  items: { enum: [...choices] },
  default: [...fallback],
  description: 'input columns, in order',
});
const realNVal = (rows: number, fallback: number, about: string) => ({
  type: 'integer',
  minimum: 0,
  maximum: rows - 1,
  default: fallback,
  description: `validation rows (the rest train; at least one must): ${about}`,
});

/**
 * The JSON Schema (draft 2020-12) of a RunSpec: the same keys, ranges and defaults as
 * `parseSpec`, read from the same tables (`spec/defaults.ts`, `spec/limits.ts`). `parseSpec` also
 * checks what a schema cannot: parameter names in `paramGroups`/`penalty.params`, ragged `x`,
 * `y` length, nesterov needing momentum, and the memory budget.
 *
 * @example
 * fs.writeFileSync('runspec.schema.json', JSON.stringify(runSpecSchema, null, 2));
 * // then in spec.json: { "$schema": "./runspec.schema.json", ... }
 */
export const runSpecSchema = {
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
    seed: { type: 'integer', minimum: 0, maximum: MAX_SEED, default: SPEC_DEFAULTS.seed },
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
          {
            n: { ...rows, default: line.n },
            nVal: { ...nVal, default: line.nVal },
            noise: { ...nonNeg, default: line.noise },
          },
          'y = x + noise, x uniform in [−1, 1]',
        ),
        generator(
          'polynomial',
          {
            n: { ...rows, default: polynomial.n },
            nVal: { ...nVal, default: polynomial.nVal },
            noise: { ...nonNeg, default: polynomial.noise },
          },
          "d2l's cubic: y = 5 + 1.2x − 3.4x²/2! + 5.6x³/3! + ε",
        ),
        generator(
          'highdim',
          {
            n: { ...rows, default: highdim.n },
            nVal: { ...nVal, default: highdim.nVal },
            dims: { ...dims, default: highdim.dims },
            noise: { ...nonNeg, default: highdim.noise },
          },
          "d2l's high-dimensional regression: y = 0.05 + Σ 0.01·xᵢ + ε",
        ),
        generator(
          'blobs',
          {
            n: { ...rows, default: blobs.n },
            nVal: { ...nVal, default: blobs.nVal },
            dims: { ...dims, default: blobs.dims },
            separation: { ...nonNeg, default: blobs.separation },
            std: { ...posNum, default: blobs.std },
          },
          'two Gaussian blobs labelled 0 and 1',
        ),
        generator(
          'cars',
          {
            columns: columnsOf(CARS_COLUMNS, cars.columns),
            nVal: realNVal(CARS_TABLE.count, cars.nVal, `${CARS_TABLE.count} cars`),
          },
          'the Auto MPG table: predict standardized mpg from the columns; split by seed',
        ),
        generator(
          'penguins',
          {
            columns: columnsOf(PENGUINS_COLUMNS, penguins.columns),
            positive: { enum: [...PENGUIN_SPECIES], default: penguins.positive },
            negative: {
              enum: ['rest', ...PENGUIN_SPECIES],
              default: penguins.negative,
              description: 'label 0: another species than positive, or the rest',
            },
            nVal: realNVal(
              penguinCount(penguins.positive, 'rest'),
              penguins.nVal,
              'at most one less than the penguins of the two classes (342 against the rest)',
            ),
          },
          'the Palmer penguins: positive (label 1) against negative (label 0); split by seed',
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
            degree: { type: 'integer', minimum: 1, maximum: MAX_DEGREE },
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
              maxItems: MAX_HIDDEN_LAYERS,
              items: { type: 'integer', minimum: 1, maximum: MAX_HIDDEN_WIDTH },
            },
            activation: { enum: ['tanh', 'relu', 'sigmoid'], default: MLP_DEFAULTS.activation },
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
            std: { ...posNum, default: INIT_DEFAULTS.std },
            bias: { enum: ['zeros', 'normal'], default: INIT_DEFAULTS.bias },
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
      default: { ...INIT_DEFAULTS },
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
      default: SPEC_DEFAULTS.penalty,
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
      default: SPEC_DEFAULTS.batchSize,
      description: 'rows per step; null = full batch',
    },
  },
} as const;
