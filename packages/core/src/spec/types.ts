/** One labelled dataset: `x` has one row per example, `y` one target per row. */
export interface Dataset {
  readonly x: readonly (readonly number[])[];
  readonly y: readonly number[];
}

/** Inline data: a training set and an optional validation set. */
export interface InlineData {
  readonly train: Dataset;
  readonly val?: Dataset;
}

/** The explainer's line: y = x + noise, x uniform in [−1, 1]. */
export interface LineData {
  readonly kind: 'line';
  readonly n: number;
  readonly nVal: number;
  readonly noise: number;
}

/** d2l's cubic: y = 5 + 1.2x − 3.4x²/2! + 5.6x³/3! + ε, x ~ N(0, 1), ε ~ N(0, noise²). */
export interface PolynomialData {
  readonly kind: 'polynomial';
  readonly n: number;
  readonly nVal: number;
  readonly noise: number;
}

/** d2l's high-dimensional regression: y = 0.05 + Σ 0.01·xᵢ + ε, x ~ N(0, I), ε ~ N(0, noise²). */
export interface HighdimData {
  readonly kind: 'highdim';
  readonly n: number;
  readonly nVal: number;
  readonly dims: number;
  readonly noise: number;
}

/** Two Gaussian blobs with labels 0 and 1, centred at ±separation/2 on every axis. */
export interface BlobsData {
  readonly kind: 'blobs';
  readonly n: number;
  readonly nVal: number;
  readonly dims: number;
  readonly separation: number;
  readonly std: number;
}

export type GeneratedData = LineData | PolynomialData | HighdimData | BlobsData;

/** A column of the cars table that can be an input (the target is always `mpg`). */
export type CarsColumn =
  | 'cylinders'
  | 'displacement'
  | 'horsepower'
  | 'weight'
  | 'acceleration'
  | 'year';

/** A measurement of the penguins table that can be an input. */
export type PenguinsColumn = 'beakLength' | 'beakDepth' | 'flipperLength' | 'bodyMass';

/** A species of the penguins table. */
export type PenguinSpecies = 'Adelie' | 'Chinstrap' | 'Gentoo';

/**
 * The Auto MPG table (392 cars): predict standardized `mpg` from `columns`. The spec's `seed`
 * splits it: `nVal` rows validate, the rest train.
 */
export interface CarsData {
  readonly kind: 'cars';
  readonly columns: readonly CarsColumn[];
  readonly nVal: number;
}

/**
 * The Palmer penguins (342): `positive` (label 1) against `negative` (label 0: another species or
 * `'rest'`) from `columns`. The spec's `seed` splits it: `nVal` rows validate, the rest train.
 */
export interface PenguinsData {
  readonly kind: 'penguins';
  readonly columns: readonly PenguinsColumn[];
  readonly positive: PenguinSpecies;
  readonly negative: PenguinSpecies | 'rest';
  readonly nVal: number;
}

/** A real table shipped with the library, split and standardized from the spec's seed. */
export type RealData = CarsData | PenguinsData;

export type DataSpec = InlineData | GeneratedData | RealData;

export type Activation = 'tanh' | 'relu' | 'sigmoid';

export type ModelSpec =
  | { readonly kind: 'linear' }
  | { readonly kind: 'logistic' }
  | { readonly kind: 'polynomial'; readonly degree: number }
  | { readonly kind: 'mlp'; readonly hidden: readonly number[]; readonly activation: Activation };

export type LossKind = 'mse' | 'bce-logits';

/** A penalty added to the loss: `l2` is λ/2·Σθ², `l1` is λ·Σ|θ|. */
export interface PenaltySpec {
  readonly kind: 'l1' | 'l2';
  readonly lambda: number;
  /** The parameters it applies to (normalized: always filled in). */
  readonly params: readonly string[];
}

export interface SgdSpec {
  readonly kind: 'sgd';
  readonly lr: number;
  readonly momentum: number;
  readonly dampening: number;
  readonly nesterov: boolean;
  readonly weightDecay: number;
  readonly maximize: boolean;
}

export interface AdamSpec {
  readonly kind: 'adam' | 'adamw';
  readonly lr: number;
  readonly betas: readonly [number, number];
  readonly eps: number;
  readonly weightDecay: number;
  readonly amsgrad: boolean;
  readonly maximize: boolean;
}

export type OptimizerSpec = SgdSpec | AdamSpec;

/** A PyTorch param group: the listed parameters with some hyperparameters overridden. */
export interface ParamGroupSpec {
  readonly params: readonly string[];
  readonly lr?: number;
  readonly weightDecay?: number;
  readonly momentum?: number;
  readonly dampening?: number;
  readonly nesterov?: boolean;
  readonly betas?: readonly [number, number];
  readonly eps?: number;
  readonly amsgrad?: boolean;
  readonly maximize?: boolean;
}

/** How to initialise the parameters: inline values per parameter, seeded normal, or zeros. */
export type InitSpec =
  | { readonly kind: 'normal'; readonly std: number; readonly bias: 'zeros' | 'normal' }
  | { readonly kind: 'zeros' }
  | { readonly [param: string]: readonly number[] };

/** A normalized RunSpec (version 1): what `parseSpec` returns, every default filled in. */
export interface RunSpec {
  readonly version: 1;
  readonly name?: string;
  readonly seed: number;
  readonly data: DataSpec;
  readonly model: ModelSpec;
  readonly init: InitSpec;
  readonly loss: LossKind;
  readonly penalty: PenaltySpec | null;
  readonly optimizer: OptimizerSpec;
  readonly paramGroups: readonly ParamGroupSpec[];
  readonly steps: number;
  /** Rows per step; `null` means the full batch. */
  readonly batchSize: number | null;
}

/** A JSON value, as read from a spec file. */
export type Json =
  | null
  | boolean
  | number
  | string
  | readonly Json[]
  | { readonly [key: string]: Json };
