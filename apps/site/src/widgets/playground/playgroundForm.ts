import { DATA_DEFAULTS, type InlineData } from '@decaylab/core';

/** The data choices of the playground: the generators, the two real tables and a pasted CSV. */
export const DATA_KINDS = [
  'line',
  'polynomial',
  'highdim',
  'blobs',
  'cars',
  'penguins',
  'csv',
] as const;
export type DataChoice = (typeof DATA_KINDS)[number];

export const CARS_COLUMNS = [
  'cylinders',
  'displacement',
  'horsepower',
  'weight',
  'acceleration',
  'year',
] as const;
export type CarsColumnChoice = (typeof CARS_COLUMNS)[number];

export const PENGUINS_COLUMNS = ['beakLength', 'beakDepth', 'flipperLength', 'bodyMass'] as const;
export type PenguinsColumnChoice = (typeof PENGUINS_COLUMNS)[number];

export const SPECIES = ['Adelie', 'Chinstrap', 'Gentoo'] as const;
export type Species = (typeof SPECIES)[number];

export const MODEL_KINDS = ['linear', 'polynomial', 'logistic', 'mlp'] as const;
export const ACTIVATIONS = ['tanh', 'relu', 'sigmoid'] as const;
export const LOSSES = ['mse', 'bce-logits'] as const;
export const OPTIMIZERS = ['sgd', 'adam', 'adamw'] as const;
export const PENALTIES = ['none', 'l2', 'l1'] as const;

/** Every control of the playground's form, as plain values. */
export interface PlaygroundForm {
  readonly data: DataChoice;
  /** Training rows of a generator. */
  readonly n: number;
  readonly noise: number;
  /** Input columns of `highdim`. */
  readonly dims: number;
  readonly carsColumns: readonly CarsColumnChoice[];
  readonly penguinsColumns: readonly PenguinsColumnChoice[];
  readonly positive: Species;
  readonly negative: Species | 'rest';
  readonly model: (typeof MODEL_KINDS)[number];
  readonly degree: number;
  /** Hidden units per mlp layer. */
  readonly width: number;
  /** Hidden layers of the mlp. */
  readonly depth: number;
  readonly activation: (typeof ACTIVATIONS)[number];
  readonly loss: (typeof LOSSES)[number];
  readonly optimizer: (typeof OPTIMIZERS)[number];
  readonly lr: number;
  readonly momentum: number;
  readonly nesterov: boolean;
  readonly weightDecay: number;
  readonly penalty: (typeof PENALTIES)[number];
  readonly lambda: number;
  /** A param group with `weightDecay: 0` for the biases (and the penalty on the weights only). */
  readonly noBiasDecay: boolean;
  /** Rows per step; null is the full batch. */
  readonly batchSize: number | null;
  readonly steps: number;
  readonly seed: number;
}

/** The form the playground opens with (cars: horsepower → mpg through a degree-4 polynomial, Adam, an L2 penalty: it learns on every seed 0–99, see playgroundRanges.test.ts, where degree 6 ends far off on a few). */
export const FORM_DEFAULTS: PlaygroundForm = {
  data: 'cars',
  n: 20,
  noise: 0.3,
  dims: 200,
  carsColumns: ['horsepower'],
  penguinsColumns: ['beakLength', 'beakDepth'],
  positive: 'Adelie',
  negative: 'rest',
  model: 'polynomial',
  degree: 4,
  width: 16,
  depth: 1,
  activation: 'tanh',
  loss: 'mse',
  optimizer: 'adam',
  lr: 0.01,
  momentum: 0,
  nesterov: false,
  weightDecay: 0,
  penalty: 'l2',
  lambda: 0.01,
  noBiasDecay: false,
  batchSize: null,
  steps: 500,
  seed: 0,
};

/** The generators' fields the form edits. */
const GENERATOR_FIELDS = ['n', 'noise', 'dims'] as const;

/** Defaults of the generators' fields the form edits (from core's DATA_DEFAULTS, their one home): omitted from the spec when equal. */
const GENERATOR_DEFAULTS: Readonly<Record<string, Readonly<Record<string, number>>>> =
  Object.fromEntries(
    (['line', 'polynomial', 'highdim', 'blobs'] as const).map((kind) => {
      const defaults: Readonly<Record<string, unknown>> = DATA_DEFAULTS[kind];
      return [
        kind,
        Object.fromEntries(
          GENERATOR_FIELDS.filter((f) => typeof defaults[f] === 'number').map((f) => [
            f,
            defaults[f] as number,
          ]),
        ),
      ];
    }),
  );

/** True for data whose labels are classes 0/1 (a `bce-logits` task). */
export function isClassification(data: DataChoice, csvTask?: 'regression' | 'classification') {
  return (
    data === 'blobs' || data === 'penguins' || (data === 'csv' && csvTask === 'classification')
  );
}

/** The parameter names of a model whose name ends in `bias` (one per layer for an mlp). */
export function biasNames(form: Pick<PlaygroundForm, 'model' | 'depth'>): string[] {
  if (form.model !== 'mlp') return ['bias'];
  return Array.from({ length: form.depth + 1 }, (_, i) => `${i}.bias`);
}

/** The weight (non-bias) parameter names of a model. */
export function weightNames(form: Pick<PlaygroundForm, 'model' | 'depth'>): string[] {
  if (form.model !== 'mlp') return ['weight'];
  return Array.from({ length: form.depth + 1 }, (_, i) => `${i}.weight`);
}

/** A spec as the page edits it: plain JSON, not yet checked (`parseSpec` normalizes it). */
export type SpecObject = Record<string, unknown>;

const same = (a: readonly unknown[], b: readonly unknown[]) =>
  a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * The RunSpec the form stands for. Fields the form does not control (`name`, `init`, Adam's
 * `betas`, …) are kept from `base` (the spec being edited); defaults are left out so the spec
 * (and its URL) stays short. `csvData` is the pasted table, for `data: 'csv'`.
 *
 * @example
 * specFromForm({ ...FORM_DEFAULTS, data: 'line', model: 'linear' })
 * // { data: { kind: 'line' }, model: { kind: 'linear' }, optimizer: { kind: 'adam', lr: 0.01 }, … }
 */
export function specFromForm(
  form: PlaygroundForm,
  { base = {}, csvData }: { base?: SpecObject; csvData?: InlineData } = {},
): SpecObject {
  const spec: SpecObject = { ...base };
  spec.seed = form.seed;
  spec.data = dataOf(form, csvData);
  spec.model =
    form.model === 'polynomial'
      ? { kind: 'polynomial', degree: form.degree }
      : form.model === 'mlp'
        ? {
            kind: 'mlp',
            hidden: Array.from({ length: form.depth }, () => form.width),
            ...(form.activation === 'tanh' ? {} : { activation: form.activation }),
          }
        : { kind: form.model };
  const defaultLoss = form.model === 'logistic' ? 'bce-logits' : 'mse';
  if (form.loss === defaultLoss) delete spec.loss;
  else spec.loss = form.loss;
  const baseOptimizer = (base.optimizer ?? {}) as SpecObject;
  const optimizer: SpecObject =
    baseOptimizer.kind === form.optimizer ? { ...baseOptimizer } : { kind: form.optimizer };
  optimizer.lr = form.lr;
  const defaultDecay = form.optimizer === 'adamw' ? 0.01 : 0;
  if (form.weightDecay === defaultDecay) delete optimizer.weightDecay;
  else optimizer.weightDecay = form.weightDecay;
  if (form.optimizer === 'sgd') {
    if (form.momentum === 0) delete optimizer.momentum;
    else optimizer.momentum = form.momentum;
    if (form.nesterov) optimizer.nesterov = true;
    else delete optimizer.nesterov;
  }
  spec.optimizer = optimizer;
  spec.penalty =
    form.penalty === 'none'
      ? undefined
      : {
          kind: form.penalty,
          lambda: form.lambda,
          ...(form.noBiasDecay ? { params: weightNames(form) } : {}),
        };
  if (spec.penalty === undefined) delete spec.penalty;
  if (form.noBiasDecay) spec.paramGroups = [{ params: biasNames(form), weightDecay: 0 }];
  else delete spec.paramGroups;
  if (form.batchSize === null) delete spec.batchSize;
  else spec.batchSize = form.batchSize;
  spec.steps = form.steps;
  return spec;
}

function dataOf(form: PlaygroundForm, csvData: InlineData | undefined): SpecObject | InlineData {
  switch (form.data) {
    case 'csv':
      return csvData ?? { train: { x: [[0]], y: [0] } };
    case 'cars':
      return {
        kind: 'cars',
        ...(same(form.carsColumns, ['horsepower']) ? {} : { columns: [...form.carsColumns] }),
      };
    case 'penguins':
      return {
        kind: 'penguins',
        ...(same(form.penguinsColumns, ['beakLength', 'beakDepth'])
          ? {}
          : { columns: [...form.penguinsColumns] }),
        ...(form.positive === 'Adelie' ? {} : { positive: form.positive }),
        ...(form.negative === 'rest' ? {} : { negative: form.negative }),
      };
    default: {
      const defaults = GENERATOR_DEFAULTS[form.data] ?? {};
      const out: SpecObject = { kind: form.data };
      for (const key of Object.keys(defaults)) {
        const v = form[key as 'n' | 'noise' | 'dims'];
        if (v !== defaults[key]) out[key] = v;
      }
      return out;
    }
  }
}

const num = (v: unknown, fallback: number) =>
  typeof v === 'number' && Number.isFinite(v) ? v : fallback;
const pick = <T extends string>(v: unknown, options: readonly T[], fallback: T): T =>
  options.includes(v as T) ? (v as T) : fallback;
const obj = (v: unknown): SpecObject =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as SpecObject) : {};

/**
 * The form for a spec (from the URL or the JSON box): what the form can show of it; anything
 * else keeps its default. Inverse of `specFromForm` for the specs it makes.
 *
 * @example
 * formFromSpec({ data: { kind: 'line' }, model: { kind: 'linear' }, … }).data // 'line'
 */
export function formFromSpec(input: unknown): PlaygroundForm {
  const spec = obj(input);
  const data = obj(spec.data);
  const model = obj(spec.model);
  const optimizer = obj(spec.optimizer);
  const penalty = spec.penalty === null ? {} : obj(spec.penalty);
  const d = FORM_DEFAULTS;
  const kind: DataChoice =
    data.kind === undefined && 'train' in data ? 'csv' : pick(data.kind, DATA_KINDS, d.data);
  const generator = GENERATOR_DEFAULTS[kind] ?? {};
  const modelKind = pick(model.kind, MODEL_KINDS, d.model);
  const hidden = Array.isArray(model.hidden) ? (model.hidden as unknown[]) : [];
  const optimizerKind = pick(optimizer.kind, OPTIMIZERS, d.optimizer);
  const depth = modelKind === 'mlp' ? Math.max(1, hidden.length) : d.depth;
  const groups = Array.isArray(spec.paramGroups) ? (spec.paramGroups as unknown[]) : [];
  const biases = biasNames({ model: modelKind, depth });
  const noBiasDecay = groups.some((g) => {
    const group = obj(g);
    const params = Array.isArray(group.params) ? group.params : [];
    return group.weightDecay === 0 && same([...params].sort(), [...biases].sort());
  });
  return {
    data: kind,
    n: num(data.n, generator.n ?? d.n),
    noise: num(data.noise, generator.noise ?? d.noise),
    dims: num(data.dims, generator.dims ?? d.dims),
    carsColumns:
      kind === 'cars' && Array.isArray(data.columns)
        ? (data.columns as unknown[]).filter((c): c is CarsColumnChoice =>
            CARS_COLUMNS.includes(c as CarsColumnChoice),
          )
        : d.carsColumns,
    penguinsColumns:
      kind === 'penguins' && Array.isArray(data.columns)
        ? (data.columns as unknown[]).filter((c): c is PenguinsColumnChoice =>
            PENGUINS_COLUMNS.includes(c as PenguinsColumnChoice),
          )
        : d.penguinsColumns,
    positive: pick(data.positive, SPECIES, d.positive),
    negative: pick(data.negative, [...SPECIES, 'rest'] as const, d.negative),
    model: modelKind,
    degree: num(model.degree, d.degree),
    width: num(hidden[0], d.width),
    depth,
    activation: pick(model.activation, ACTIVATIONS, d.activation),
    loss: pick(spec.loss, LOSSES, modelKind === 'logistic' ? 'bce-logits' : 'mse'),
    optimizer: optimizerKind,
    lr: num(optimizer.lr, d.lr),
    momentum: num(optimizer.momentum, 0),
    nesterov: optimizer.nesterov === true,
    weightDecay: num(optimizer.weightDecay, optimizerKind === 'adamw' ? 0.01 : 0),
    penalty: pick(penalty.kind, PENALTIES, 'none'),
    lambda: num(penalty.lambda, d.lambda),
    noBiasDecay,
    batchSize: typeof spec.batchSize === 'number' ? spec.batchSize : null,
    steps: num(spec.steps, d.steps),
    seed: num(spec.seed, 0),
  };
}

/**
 * Keeps a form coherent after the reader changed `changed`: classification data takes a
 * logistic model (or an mlp) with `bce-logits`, regression data drops them; a new data kind
 * starts from its generator's defaults.
 *
 * @example
 * coherentForm({ ...form, data: 'penguins' }, 'data').model // 'logistic'
 */
export function coherentForm(
  form: PlaygroundForm,
  changed: keyof PlaygroundForm | 'csv',
  csvTask?: 'regression' | 'classification',
): PlaygroundForm {
  let next = { ...form };
  const classes = isClassification(next.data, csvTask);
  if (changed === 'data' || changed === 'csv') {
    const generator = GENERATOR_DEFAULTS[next.data];
    if (generator) next = { ...next, ...generator };
    if (classes && (next.model === 'linear' || next.model === 'polynomial'))
      next = { ...next, model: 'logistic' };
    if (!classes && next.model === 'logistic') next = { ...next, model: 'linear' };
    if (next.data === 'highdim' && next.model === 'polynomial') next = { ...next, model: 'linear' };
  }
  if (changed === 'data' || changed === 'csv' || changed === 'model')
    next = {
      ...next,
      loss: classes ? 'bce-logits' : next.model === 'logistic' ? 'bce-logits' : 'mse',
    };
  return next;
}
