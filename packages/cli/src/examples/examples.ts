interface ExampleBase {
  readonly name: string;
  /** One line: what it shows. */
  readonly about: string;
  readonly spec: Readonly<Record<string, unknown>>;
}

/** An example that mirrors a docs chapter. */
export interface ChapterExample extends ExampleBase {
  /** The docs chapter it mirrors: its slug under /chapters/ (and /zh-cn/chapters/). */
  readonly chapter: string;
  readonly page?: undefined;
}

/** An example that mirrors a docs page other than a chapter (the playground, for the real data sets). */
export interface PageExample extends ExampleBase {
  readonly chapter?: undefined;
  /** The page it mirrors: its path under the site (and under /zh-cn/), e.g. `playground`. */
  readonly page: string;
}

/** A built-in spec that mirrors a page of the docs: a chapter, or (for the real data) the playground. */
export type Example = ChapterExample | PageExample;

/** A page of the docs site in English and in Chinese. */
export interface PageUrls {
  readonly en: string;
  readonly 'zh-CN': string;
}

/** Where the docs site lives; a page at /PATH/ is at /zh-cn/PATH/ in Chinese. */
export const DOCS_SITE = 'https://decaylab.dev';

/** The docs page at `path` (`chapters/05-geometry`, `playground`), in English and in Chinese. */
function urls(path: string): PageUrls {
  return { en: `${DOCS_SITE}/${path}/`, 'zh-CN': `${DOCS_SITE}/zh-cn/${path}/` };
}

/**
 * The docs page an example mirrors (its chapter, or the playground), in English and in Chinese.
 *
 * @example
 * pageUrls(findExample('penguins')!) // { en: 'https://decaylab.dev/playground/', 'zh-CN': … }
 */
export function pageUrls(example: Example): PageUrls {
  return urls(example.chapter === undefined ? example.page : `chapters/${example.chapter}`);
}

/**
 * The chapter an example mirrors, in English and in Chinese; null for one that mirrors another page.
 *
 * @example
 * chapterUrls(findExample('l1')!) // { en: 'https://decaylab.dev/chapters/05-geometry/', 'zh-CN': … }
 */
export function chapterUrls(example: Example): PageUrls | null {
  return example.chapter === undefined ? null : urls(`chapters/${example.chapter}`);
}

const poly = (name: string, weightDecay: number) => ({
  name,
  seed: 1,
  data: { kind: 'line', n: 20, nVal: 100, noise: 0.3 },
  model: { kind: 'polynomial', degree: 9 },
  optimizer: { kind: 'sgd', lr: 0.3, momentum: 0.9, weightDecay },
  steps: 3000,
});

const highdim = (name: string, lambda: number) => ({
  name,
  seed: 1,
  data: { kind: 'highdim', n: 20, nVal: 100, dims: 200, noise: 0.01 },
  model: { kind: 'linear' },
  init: { kind: 'normal', std: 1, bias: 'zeros' },
  ...(lambda > 0 ? { penalty: { kind: 'l2', lambda, params: ['weight'] } } : {}),
  optimizer: { kind: 'sgd', lr: 0.003 },
  batchSize: 5,
  steps: 400,
});

const adam = (name: string, kind: 'adam' | 'adamw') => ({
  name,
  seed: 3,
  data: { kind: 'line', n: 20, nVal: 100, noise: 0.3 },
  model: { kind: 'mlp', hidden: [16], activation: 'tanh' },
  optimizer: { kind, lr: 0.01, weightDecay: 0.1 },
  steps: 1500,
});

const sparse = (name: string, kind: 'l1' | 'l2') => ({
  name,
  seed: 2,
  data: { kind: 'highdim', n: 40, nVal: 100, dims: 20, noise: 0.01 },
  model: { kind: 'linear' },
  penalty: { kind, lambda: kind === 'l1' ? 0.01 : 0.1, params: ['weight'] },
  optimizer: { kind: 'sgd', lr: 0.05 },
  steps: 2000,
});

const bias = (name: string, decayBias: boolean) => ({
  name,
  seed: 4,
  data: { kind: 'blobs', n: 100, nVal: 100, dims: 2, separation: 2, std: 1 },
  model: { kind: 'logistic' },
  optimizer: { kind: 'sgd', lr: 0.5, weightDecay: 0.05 },
  ...(decayBias ? {} : { paramGroups: [{ params: ['bias'], weightDecay: 0 }] }),
  steps: 500,
});

/** The built-in examples, in the order of the docs' chapters, then the playground's (real data). */
export const EXAMPLES: readonly Example[] = [
  {
    name: 'overfitting',
    chapter: '01-what-weight-decay-is',
    about: 'degree-9 polynomial on 20 noisy points, no decay (λ = 0): it overfits',
    spec: poly('overfitting', 0),
  },
  {
    name: 'overfitting-decay',
    chapter: '01-what-weight-decay-is',
    about: 'the same polynomial with weightDecay λ = 1e-2: smaller weights, lower validation loss',
    spec: poly('overfitting-decay', 1e-2),
  },
  {
    name: 'line',
    chapter: '01-what-weight-decay-is',
    about: 'the noisy y = x line fitted by a linear model with weightDecay 0.1',
    spec: {
      name: 'line',
      seed: 1,
      data: { kind: 'line', n: 20, nVal: 100, noise: 0.3 },
      model: { kind: 'linear' },
      optimizer: { kind: 'sgd', lr: 0.1, weightDecay: 0.1 },
      steps: 300,
    },
  },
  {
    name: 'highdim',
    chapter: '04-penalty-term',
    about: "d2l's high-dimensional regression (200 inputs, 20 examples) without a penalty",
    spec: highdim('highdim', 0),
  },
  {
    name: 'highdim-l2',
    chapter: '04-penalty-term',
    about: "d2l's high-dimensional regression with the L2 penalty λ = 3 on the weights",
    spec: highdim('highdim-l2', 3),
  },
  {
    name: 'adam-l2',
    chapter: '06-where-the-code-puts-it',
    about: 'Adam with coupled weightDecay 0.1 (L2 through the adaptive step)',
    spec: adam('adam-l2', 'adam'),
  },
  {
    name: 'adamw',
    chapter: '06-where-the-code-puts-it',
    about: 'AdamW with decoupled weightDecay 0.1 (compare with adam-l2: they differ)',
    spec: adam('adamw', 'adamw'),
  },
  {
    name: 'l1',
    chapter: '05-geometry',
    about: 'an L1 penalty drives most of 20 weights to (near) zero: sparsity',
    spec: sparse('l1', 'l1'),
  },
  {
    name: 'l2',
    chapter: '05-geometry',
    about: 'an L2 penalty shrinks all 20 weights evenly, none to zero',
    spec: sparse('l2', 'l2'),
  },
  {
    name: 'bias-decay',
    chapter: '07-practical-tips',
    about: 'logistic regression with weightDecay on weights and bias',
    spec: bias('bias-decay', true),
  },
  {
    name: 'no-bias-decay',
    chapter: '07-practical-tips',
    about: 'the same with a param group that exempts the bias from decay',
    spec: bias('no-bias-decay', false),
  },
  {
    name: 'cars',
    page: 'playground',
    about: 'real data: mpg of 300 cars from six correlated columns, linear, weightDecay 0.1',
    spec: {
      name: 'cars',
      seed: 0,
      data: {
        kind: 'cars',
        columns: ['cylinders', 'displacement', 'horsepower', 'weight', 'acceleration', 'year'],
      },
      model: { kind: 'linear' },
      optimizer: { kind: 'sgd', lr: 0.1, weightDecay: 0.1 },
      steps: 1000,
    },
  },
  {
    name: 'penguins',
    page: 'playground',
    about: 'real data: Adelie or not from beak length and depth, logistic, weightDecay 0.01',
    spec: {
      name: 'penguins',
      seed: 0,
      data: {
        kind: 'penguins',
        columns: ['beakLength', 'beakDepth'],
        positive: 'Adelie',
        negative: 'rest',
      },
      model: { kind: 'logistic' },
      loss: 'bce-logits',
      optimizer: { kind: 'sgd', lr: 0.5, weightDecay: 0.01 },
      steps: 1000,
    },
  },
];

/** The example called `name`, or undefined. */
export function findExample(name: string): Example | undefined {
  return EXAMPLES.find((e) => e.name === name);
}
