import type { MessageKey } from '../../i18n/en';
import {
  ACTIVATIONS,
  CARS_COLUMNS,
  DATA_KINDS,
  LOSSES,
  MODEL_KINDS,
  OPTIMIZERS,
  PENALTIES,
  PENGUINS_COLUMNS,
  type PlaygroundForm,
  SPECIES,
} from './playgroundForm';

/** One control of the playground's form: rendered by Playground.astro, read by the element. */
export interface ControlDef {
  /** The `PlaygroundForm` key it edits (also its element id: `pg-<name>`). */
  readonly name: keyof PlaygroundForm | 'csv';
  readonly kind: 'select' | 'number' | 'checkbox' | 'checkboxes' | 'textarea';
  readonly label: MessageKey;
  /** select and checkboxes: the values, each labelled `playground.opt.<value>`. */
  readonly options?: readonly string[];
  readonly min?: number;
  readonly max?: number;
  /** number: `any` or a step. Default `any`. */
  readonly step?: number | 'any';
  /** The RunSpec path its problems are reported at (`fieldProblems`), and its prefix matches. */
  readonly field: string;
  /** Shown only when another control has one of these values. */
  readonly when?: { readonly name: keyof PlaygroundForm; readonly values: readonly string[] };
  /** number: an empty box means this (batch size: the full batch). */
  readonly emptyMeans?: MessageKey;
}

/** A titled group of controls. */
export interface ControlSection {
  readonly name: string;
  readonly legend: MessageKey;
  readonly controls: readonly ControlDef[];
}

const generators = ['line', 'polynomial', 'highdim', 'blobs'];

/** Every control of the playground, in order, by section: the one home of the form's markup. */
export const CONTROL_SECTIONS: readonly ControlSection[] = [
  {
    name: 'data',
    legend: 'playground.sectionData',
    controls: [
      {
        name: 'data',
        kind: 'select',
        label: 'playground.data',
        options: DATA_KINDS,
        field: 'data',
      },
      {
        name: 'n',
        kind: 'number',
        label: 'playground.n',
        min: 2,
        max: 100000,
        step: 1,
        field: 'data.n',
        when: { name: 'data', values: generators },
      },
      {
        name: 'noise',
        kind: 'number',
        label: 'playground.noise',
        min: 0,
        field: 'data.noise',
        when: { name: 'data', values: ['line', 'polynomial', 'highdim'] },
      },
      {
        name: 'dims',
        kind: 'number',
        label: 'playground.dims',
        min: 1,
        max: 2000,
        step: 1,
        field: 'data.dims',
        when: { name: 'data', values: ['highdim'] },
      },
      {
        name: 'carsColumns',
        kind: 'checkboxes',
        label: 'playground.columns',
        options: CARS_COLUMNS,
        field: 'data.columns',
        when: { name: 'data', values: ['cars'] },
      },
      {
        name: 'penguinsColumns',
        kind: 'checkboxes',
        label: 'playground.columns',
        options: PENGUINS_COLUMNS,
        field: 'data.columns',
        when: { name: 'data', values: ['penguins'] },
      },
      {
        name: 'positive',
        kind: 'select',
        label: 'playground.positive',
        options: SPECIES,
        field: 'data.positive',
        when: { name: 'data', values: ['penguins'] },
      },
      {
        name: 'negative',
        kind: 'select',
        label: 'playground.negative',
        options: ['rest', ...SPECIES],
        field: 'data.negative',
        when: { name: 'data', values: ['penguins'] },
      },
      {
        name: 'csv',
        kind: 'textarea',
        label: 'playground.csv',
        field: 'data',
        when: { name: 'data', values: ['csv'] },
      },
    ],
  },
  {
    name: 'model',
    legend: 'playground.sectionModel',
    controls: [
      {
        name: 'model',
        kind: 'select',
        label: 'playground.model',
        options: MODEL_KINDS,
        field: 'model',
      },
      {
        name: 'degree',
        kind: 'number',
        label: 'playground.degree',
        min: 1,
        max: 30,
        step: 1,
        field: 'model.degree',
        when: { name: 'model', values: ['polynomial'] },
      },
      {
        name: 'width',
        kind: 'number',
        label: 'playground.width',
        min: 1,
        max: 256,
        step: 1,
        field: 'model.hidden',
        when: { name: 'model', values: ['mlp'] },
      },
      {
        name: 'depth',
        kind: 'number',
        label: 'playground.depth',
        min: 1,
        max: 8,
        step: 1,
        field: 'model.hidden',
        when: { name: 'model', values: ['mlp'] },
      },
      {
        name: 'activation',
        kind: 'select',
        label: 'playground.activation',
        options: ACTIVATIONS,
        field: 'model.activation',
        when: { name: 'model', values: ['mlp'] },
      },
      { name: 'loss', kind: 'select', label: 'playground.loss', options: LOSSES, field: 'loss' },
    ],
  },
  {
    name: 'optimizer',
    legend: 'playground.sectionOptimizer',
    controls: [
      {
        name: 'optimizer',
        kind: 'select',
        label: 'playground.optimizer',
        options: OPTIMIZERS,
        // Every optimizer problem without a control of its own (`optimizer.lrr`, `betas`) lands here.
        field: 'optimizer',
      },
      { name: 'lr', kind: 'number', label: 'playground.lr', min: 1e-6, field: 'optimizer.lr' },
      {
        name: 'momentum',
        kind: 'number',
        label: 'playground.momentum',
        min: 0,
        max: 1,
        field: 'optimizer.momentum',
        when: { name: 'optimizer', values: ['sgd'] },
      },
      {
        name: 'nesterov',
        kind: 'checkbox',
        label: 'playground.nesterov',
        field: 'optimizer.nesterov',
        when: { name: 'optimizer', values: ['sgd'] },
      },
    ],
  },
  {
    name: 'decay',
    legend: 'playground.sectionDecay',
    controls: [
      {
        name: 'weightDecay',
        kind: 'number',
        label: 'playground.weightDecay',
        min: 0,
        field: 'optimizer.weightDecay',
      },
      {
        name: 'penalty',
        kind: 'select',
        label: 'playground.penalty',
        options: PENALTIES,
        field: 'penalty',
      },
      {
        name: 'lambda',
        kind: 'number',
        label: 'playground.lambda',
        min: 0,
        field: 'penalty.lambda',
        when: { name: 'penalty', values: ['l1', 'l2'] },
      },
      {
        name: 'noBiasDecay',
        kind: 'checkbox',
        label: 'playground.noBiasDecay',
        field: 'paramGroups',
      },
    ],
  },
  {
    name: 'training',
    legend: 'playground.sectionTraining',
    controls: [
      {
        name: 'batchSize',
        kind: 'number',
        label: 'playground.batchSize',
        min: 1,
        step: 1,
        field: 'batchSize',
        emptyMeans: 'playground.fullBatch',
      },
      {
        name: 'steps',
        kind: 'number',
        label: 'playground.steps',
        min: 1,
        max: 100000,
        step: 1,
        field: 'steps',
      },
      {
        name: 'seed',
        kind: 'number',
        label: 'playground.seed',
        min: 0,
        max: 4294967295,
        step: 1,
        field: 'seed',
      },
    ],
  },
];

/** Every control, flat. */
export const CONTROLS: readonly ControlDef[] = CONTROL_SECTIONS.flatMap((s) => s.controls);

/** The catalogue key of an option's label. */
export const optionKey = (value: string, control: string) =>
  (control === 'data' ? `playground.dataKind.${value}` : `playground.opt.${value}`) as MessageKey;
