import { paramShapes, sizeOf } from '../models/paramShapes.js';
import { Checker, isObj, join, type Obj } from './check.js';
import { SpecError } from './specError.js';
import type {
  Activation,
  DataSpec,
  Dataset,
  InitSpec,
  LossKind,
  ModelSpec,
  OptimizerSpec,
  ParamGroupSpec,
  PenaltySpec,
  RunSpec,
} from './types.js';

/** The most steps one run may take. */
export const MAX_STEPS = 100_000_000;
const MAX_ROWS = 1_000_000;
const MAX_WIDTH = 4096;

const TOP_KEYS = [
  '$schema',
  'version',
  'name',
  'seed',
  'data',
  'model',
  'init',
  'loss',
  'penalty',
  'optimizer',
  'paramGroups',
  'steps',
  'batchSize',
];

const GENERATORS = {
  line: { n: 20, nVal: 100, noise: 0.3 },
  polynomial: { n: 100, nVal: 100, noise: 0.1 },
  highdim: { n: 20, nVal: 100, dims: 200, noise: 0.01 },
  blobs: { n: 100, nVal: 100, dims: 2, separation: 2, std: 1 },
} as const;

const SGD_KEYS = ['lr', 'momentum', 'dampening', 'nesterov', 'weightDecay', 'maximize'] as const;
const ADAM_KEYS = ['lr', 'betas', 'eps', 'weightDecay', 'amsgrad', 'maximize'] as const;

const positive = { min: 0, minExclusive: true, expected: 'a positive finite number' };
const nonNegative = { min: 0, expected: 'a finite number ≥ 0' };
const count = (max: number) => ({
  min: 1,
  max,
  integer: true,
  expected: `an integer from 1 to ${max}`,
});

/**
 * Validates a RunSpec and returns it normalized, with every default filled in.
 * Throws a `SpecError` that lists every problem with its path.
 *
 * @example
 * const spec = parseSpec({
 *   data: { kind: 'line', n: 20 },
 *   model: { kind: 'polynomial', degree: 9 },
 *   optimizer: { kind: 'sgd', lr: 0.1, weightDecay: 1e-3 },
 *   steps: 200,
 * });
 * spec.optimizer.momentum; // 0
 */
export function parseSpec(json: unknown): RunSpec {
  const c = new Checker();
  const spec = c.object(json, '', TOP_KEYS);
  if (!spec) throw new SpecError(c.issues);

  if (spec.version !== undefined && spec.version !== 1)
    c.fail('version', 'version 1', spec.version);
  if (spec.name !== undefined && typeof spec.name !== 'string')
    c.fail('name', 'a string', spec.name);
  const seed =
    spec.seed === undefined
      ? 0
      : c.number(spec.seed, 'seed', {
          min: 0,
          max: 2 ** 32 - 1,
          integer: true,
          expected: 'an integer from 0 to 4294967295',
        });
  const steps =
    spec.steps === undefined
      ? c.fail('steps', 'the number of steps (missing)')
      : c.number(spec.steps, 'steps', count(MAX_STEPS));

  const model = readModel(c, spec.model);
  const data = readData(c, spec.data);
  const inputDim = data ? inputDimOf(data) : undefined;
  const shapes = model && inputDim !== undefined ? paramShapes(model, inputDim) : undefined;
  const names = shapes?.map(([name]) => name);

  if (model?.kind === 'polynomial' && inputDim !== undefined && inputDim !== 1) {
    c.fail(
      'data',
      `expected a single input column for a polynomial model, got ${inputDim} columns`,
    );
  }
  const loss =
    spec.loss === undefined
      ? model?.kind === 'logistic'
        ? 'bce-logits'
        : 'mse'
      : c.oneOf<LossKind>(spec.loss, 'loss', ['mse', 'bce-logits']);
  if (loss === 'bce-logits' && data && 'train' in data) checkLabels(c, data);

  const init = readInit(c, spec.init, shapes);
  const penalty = readPenalty(c, spec.penalty, names);
  const optimizer = readOptimizer(c, spec.optimizer);
  const paramGroups = readGroups(c, spec.paramGroups, optimizer, names);
  const rows = data ? rowsOf(data) : undefined;
  const batchSize =
    spec.batchSize === undefined || spec.batchSize === null
      ? null
      : c.number(spec.batchSize, 'batchSize', count(rows ?? MAX_ROWS));

  if (c.issues.length > 0) throw new SpecError(c.issues);
  const out: RunSpec = {
    version: 1,
    ...(typeof spec.name === 'string' ? { name: spec.name } : {}),
    seed: seed as number,
    data: data as DataSpec,
    model: model as ModelSpec,
    init: init as InitSpec,
    loss: loss as LossKind,
    penalty: penalty ?? null,
    optimizer: optimizer as OptimizerSpec,
    paramGroups: paramGroups ?? [],
    steps: steps as number,
    batchSize: batchSize ?? null,
  };
  return out;
}

function readModel(c: Checker, value: unknown): ModelSpec | undefined {
  if (value === undefined) return c.fail('model', 'a model (missing)');
  if (!isObj(value)) return c.fail('model', 'an object', value);
  const kind = c.oneOf(value.kind, 'model.kind', ['linear', 'logistic', 'polynomial', 'mlp']);
  if (kind === 'linear' || kind === 'logistic') {
    c.object(value, 'model', ['kind']);
    return { kind };
  }
  if (kind === 'polynomial') {
    c.object(value, 'model', ['kind', 'degree']);
    const degree = c.number(value.degree, 'model.degree', count(30));
    return degree === undefined ? undefined : { kind, degree };
  }
  if (kind === 'mlp') {
    c.object(value, 'model', ['kind', 'hidden', 'activation']);
    let hidden: number[] | undefined;
    if (!Array.isArray(value.hidden) || value.hidden.length === 0) {
      c.fail('model.hidden', 'a non-empty array of layer widths', value.hidden);
    } else {
      hidden = value.hidden.map((w, i) => c.number(w, join('model.hidden', i), count(1024)) ?? 1);
    }
    const activation =
      value.activation === undefined
        ? 'tanh'
        : c.oneOf<Activation>(value.activation, 'model.activation', ['tanh', 'relu', 'sigmoid']);
    return hidden && activation ? { kind, hidden, activation } : undefined;
  }
  return undefined;
}

function readData(c: Checker, value: unknown): DataSpec | undefined {
  if (value === undefined) return c.fail('data', 'data (missing)');
  if (!isObj(value)) return c.fail('data', 'an object', value);
  if (value.kind === undefined) {
    c.object(value, 'data', ['train', 'val']);
    const train = readDataset(c, value.train, 'data.train');
    const val = value.val === undefined ? undefined : readDataset(c, value.val, 'data.val');
    if (train && val && train.x[0]?.length !== val.x[0]?.length) {
      c.fail(
        'data.val.x',
        `expected rows of ${train.x[0]?.length} numbers like data.train.x, got ${val.x[0]?.length}`,
      );
    }
    if (!train) return undefined;
    return val ? { train, val } : { train };
  }
  const kind = c.oneOf(
    value.kind,
    'data.kind',
    Object.keys(GENERATORS) as (keyof typeof GENERATORS)[],
  );
  if (!kind) return undefined;
  const defaults: Record<string, number> = GENERATORS[kind];
  c.object(value, 'data', ['kind', ...Object.keys(defaults)]);
  const out: Record<string, unknown> = { kind };
  for (const [key, fallback] of Object.entries(defaults)) {
    const given = value[key];
    const path = join('data', key);
    if (given === undefined) out[key] = fallback;
    else if (key === 'n') out[key] = c.number(given, path, count(MAX_ROWS));
    else if (key === 'nVal') {
      out[key] = c.number(given, path, {
        min: 0,
        max: MAX_ROWS,
        integer: true,
        expected: `an integer from 0 to ${MAX_ROWS}`,
      });
    } else if (key === 'dims') out[key] = c.number(given, path, count(MAX_WIDTH));
    else if (key === 'std') out[key] = c.number(given, path, positive);
    else out[key] = c.number(given, path, nonNegative);
  }
  return out as unknown as DataSpec;
}

function readDataset(c: Checker, value: unknown, path: string): Dataset | undefined {
  const set = c.object(value, path, ['x', 'y']);
  if (!set) return undefined;
  const { x, y } = set;
  let ok = true;
  if (!Array.isArray(x) || x.length === 0) {
    c.fail(join(path, 'x'), 'a non-empty array of rows', x);
    ok = false;
  } else if (x.length > MAX_ROWS) {
    c.fail(join(path, 'x'), `expected at most ${MAX_ROWS} rows, got ${x.length}`);
    ok = false;
  } else {
    const width = Array.isArray(x[0]) ? x[0].length : -1;
    for (let i = 0; i < x.length; i++) {
      const row: unknown = x[i];
      const rowPath = join(join(path, 'x'), i);
      if (!Array.isArray(row) || row.length === 0) {
        c.fail(rowPath, 'a non-empty array of numbers', row);
        ok = false;
      } else if (row.length !== width) {
        c.fail(rowPath, `expected ${width} numbers like row 0 (x is ragged), got ${row.length}`);
        ok = false;
      } else if (row.length > MAX_WIDTH) {
        c.fail(rowPath, `expected at most ${MAX_WIDTH} numbers, got ${row.length}`);
        ok = false;
      } else {
        const bad = row.findIndex((v) => typeof v !== 'number' || !Number.isFinite(v));
        if (bad >= 0) {
          c.fail(join(rowPath, bad), 'a finite number', row[bad]);
          ok = false;
        }
      }
      if (!ok && c.issues.length > 20) break;
    }
  }
  if (!Array.isArray(y)) {
    c.fail(join(path, 'y'), 'an array of numbers', y);
    ok = false;
  } else {
    if (Array.isArray(x) && y.length !== x.length) {
      c.fail(join(path, 'y'), `expected ${x.length} values (one per row of x), got ${y.length}`);
      ok = false;
    }
    const bad = y.findIndex((v) => typeof v !== 'number' || !Number.isFinite(v));
    if (bad >= 0) {
      c.fail(join(join(path, 'y'), bad), 'a finite number', y[bad]);
      ok = false;
    }
  }
  return ok ? { x: x as number[][], y: y as number[] } : undefined;
}

function checkLabels(c: Checker, data: { train: Dataset; val?: Dataset }): void {
  for (const part of ['train', 'val'] as const) {
    const set = data[part];
    if (!set) continue;
    const bad = set.y.findIndex((v) => v < 0 || v > 1);
    if (bad >= 0) c.fail(`data.${part}.y[${bad}]`, 'a label in [0, 1] for bce-logits', set.y[bad]);
  }
}

/** The number of input features of a (validated) data spec: the model's input width. */
export function inputDimOf(data: DataSpec): number {
  if ('train' in data) return data.train.x[0]?.length ?? 0;
  return data.kind === 'highdim' || data.kind === 'blobs' ? data.dims : 1;
}

function rowsOf(data: DataSpec): number {
  return 'train' in data ? data.train.x.length : data.n;
}

function readInit(
  c: Checker,
  value: unknown,
  shapes: [string, number[]][] | undefined,
): InitSpec | undefined {
  if (value === undefined) return { kind: 'normal', std: 0.1, bias: 'zeros' };
  if (!isObj(value)) return c.fail('init', 'an object', value);
  if (value.kind === 'zeros') {
    c.object(value, 'init', ['kind']);
    return { kind: 'zeros' };
  }
  if (value.kind === 'normal') {
    c.object(value, 'init', ['kind', 'std', 'bias']);
    const std = value.std === undefined ? 0.1 : c.number(value.std, 'init.std', positive);
    const bias =
      value.bias === undefined ? 'zeros' : c.oneOf(value.bias, 'init.bias', ['zeros', 'normal']);
    return std === undefined || !bias ? undefined : { kind: 'normal', std, bias };
  }
  if (value.kind !== undefined && typeof value.kind !== 'object') {
    return c.fail('init.kind', '"normal" or "zeros" (or inline values per parameter)', value.kind);
  }
  if (!shapes) return undefined;
  const names = shapes.map(([n]) => n);
  c.object(value, 'init', names);
  const out: Record<string, number[]> = {};
  for (const [name, dims] of shapes) {
    const path = join('init', name);
    const size = sizeOf(dims);
    const given = value[name];
    if (!Array.isArray(given)) {
      c.fail(path, `${size} numbers for shape [${dims.join(', ')}]`, given);
    } else if (given.length !== size) {
      c.fail(path, `expected ${size} numbers for shape [${dims.join(', ')}], got ${given.length}`);
    } else {
      const bad = given.findIndex((v) => typeof v !== 'number' || !Number.isFinite(v));
      if (bad >= 0) c.fail(join(path, bad), 'a finite number', given[bad]);
      else out[name] = given as number[];
    }
  }
  return out;
}

function readPenalty(
  c: Checker,
  value: unknown,
  names: string[] | undefined,
): PenaltySpec | null | undefined {
  if (value === undefined || value === null) return null;
  const p = c.object(value, 'penalty', ['kind', 'lambda', 'params']);
  if (!p) return undefined;
  const kind = c.oneOf(p.kind, 'penalty.kind', ['l1', 'l2']);
  const lambda = c.number(p.lambda, 'penalty.lambda', nonNegative);
  const params =
    p.params === undefined ? names : names ? c.names(p.params, 'penalty.params', names) : undefined;
  if (!kind || lambda === undefined || !params) return undefined;
  return { kind, lambda, params };
}

function readOptimizer(c: Checker, value: unknown): OptimizerSpec | undefined {
  if (value === undefined) return c.fail('optimizer', 'an optimizer (missing)');
  if (!isObj(value)) return c.fail('optimizer', 'an object', value);
  const kind = c.oneOf(value.kind, 'optimizer.kind', ['sgd', 'adam', 'adamw']);
  if (!kind) return undefined;
  c.object(value, 'optimizer', ['kind', ...(kind === 'sgd' ? SGD_KEYS : ADAM_KEYS)]);
  if (value.lr === undefined) c.fail('optimizer.lr', 'a positive finite number (missing)');
  const h = readHyper(c, value, 'optimizer', kind);
  if (!h) return undefined;
  if (kind === 'sgd') {
    return {
      kind,
      lr: h.lr ?? 0,
      momentum: h.momentum ?? 0,
      dampening: h.dampening ?? 0,
      nesterov: h.nesterov ?? false,
      weightDecay: h.weightDecay ?? 0,
      maximize: h.maximize ?? false,
    };
  }
  return {
    kind,
    lr: h.lr ?? 0,
    betas: h.betas ?? [0.9, 0.999],
    eps: h.eps ?? 1e-8,
    weightDecay: h.weightDecay ?? (kind === 'adamw' ? 0.01 : 0),
    amsgrad: h.amsgrad ?? false,
    maximize: h.maximize ?? false,
  };
}

type Hyper = { -readonly [K in keyof ParamGroupSpec]?: ParamGroupSpec[K] };

/** Reads the hyperparameters present in `o` (an optimizer or a param group). */
function readHyper(
  c: Checker,
  o: Obj,
  path: string,
  kind: OptimizerSpec['kind'],
): Hyper | undefined {
  const before = c.issues.length;
  const h: Hyper = {};
  const at = (key: string) => join(path, key);
  if (o.lr !== undefined) h.lr = c.number(o.lr, at('lr'), positive);
  if (o.weightDecay !== undefined)
    h.weightDecay = c.number(o.weightDecay, at('weightDecay'), nonNegative);
  if (o.maximize !== undefined) h.maximize = c.boolean(o.maximize, at('maximize'));
  if (kind === 'sgd') {
    if (o.momentum !== undefined) h.momentum = c.number(o.momentum, at('momentum'), nonNegative);
    if (o.dampening !== undefined) {
      h.dampening = c.number(o.dampening, at('dampening'), {
        min: 0,
        max: 1,
        expected: 'a number from 0 to 1',
      });
    }
    if (o.nesterov !== undefined) h.nesterov = c.boolean(o.nesterov, at('nesterov'));
  } else {
    if (o.eps !== undefined) h.eps = c.number(o.eps, at('eps'), nonNegative);
    if (o.amsgrad !== undefined) h.amsgrad = c.boolean(o.amsgrad, at('amsgrad'));
    if (o.betas !== undefined) {
      const b = o.betas;
      if (!Array.isArray(b) || b.length !== 2) c.fail(at('betas'), 'two numbers [beta1, beta2]', b);
      else {
        const range = { min: 0, max: 1, maxExclusive: true, expected: 'a number in [0, 1)' };
        const b1 = c.number(b[0], join(at('betas'), 0), range);
        const b2 = c.number(b[1], join(at('betas'), 1), range);
        if (b1 !== undefined && b2 !== undefined) h.betas = [b1, b2];
      }
    }
  }
  return c.issues.length > before ? undefined : h;
}

function checkNesterov(
  c: Checker,
  path: string,
  o: { nesterov?: boolean; momentum?: number; dampening?: number },
) {
  if (o.nesterov && (!o.momentum || o.momentum <= 0)) {
    c.fail(join(path, 'nesterov'), 'nesterov needs momentum > 0 (got momentum 0)');
  } else if (o.nesterov && o.dampening) {
    c.fail(join(path, 'nesterov'), `nesterov needs dampening 0 (got dampening ${o.dampening})`);
  }
}

function readGroups(
  c: Checker,
  value: unknown,
  optimizer: OptimizerSpec | undefined,
  names: string[] | undefined,
): ParamGroupSpec[] | undefined {
  if (optimizer?.kind === 'sgd') checkNesterov(c, 'optimizer', optimizer);
  if (value === undefined) return [];
  if (!Array.isArray(value)) return c.fail('paramGroups', 'an array of param groups', value);
  if (!optimizer || !names) return undefined;
  const owner = new Map<string, number>();
  const groups: ParamGroupSpec[] = [];
  value.forEach((g, i) => {
    const path = join('paramGroups', i);
    const keys = optimizer.kind === 'sgd' ? SGD_KEYS : ADAM_KEYS;
    const o = c.object(g, path, ['params', ...keys]);
    if (!o) return;
    const params = c.names(o.params, join(path, 'params'), names);
    for (const name of params ?? []) {
      const first = owner.get(name);
      if (first !== undefined) {
        c.fail(
          join(path, 'params'),
          `parameter "${name}" is already in paramGroups[${first}] (a parameter may be in one group only)`,
        );
      } else owner.set(name, i);
    }
    const h = readHyper(c, o, path, optimizer.kind);
    if (!h || !params) return;
    const group = { ...optimizerHyper(optimizer), ...h, params } as ParamGroupSpec;
    if (optimizer.kind === 'sgd') checkNesterov(c, path, group);
    groups.push(group);
  });
  return groups;
}

/** The optimizer's hyperparameters, without its kind. */
export function optimizerHyper(optimizer: OptimizerSpec): Omit<ParamGroupSpec, 'params'> {
  const { kind: _kind, ...rest } = optimizer;
  return rest;
}
