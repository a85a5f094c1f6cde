import { paramShapes } from '../models/paramShapes.js';
import { Checker } from './check.js';
import { defaultLoss, SPEC_DEFAULTS } from './defaults.js';
import { MAX_ROWS, MAX_SEED, MAX_STEPS } from './limits.js';
import { bytes, MAX_LINE_CHARS, MEMORY_BUDGET, memoryEstimate } from './memoryEstimate.js';
import { checkLabels, inputDimOf, isReal, readData, rowsOf } from './readData.js';
import { readGroups } from './readGroups.js';
import { readInit } from './readInit.js';
import { readModel } from './readModel.js';
import { readOptimizer } from './readOptimizer.js';
import { readPenalty } from './readPenalty.js';
import { count } from './rules.js';
import { SpecError } from './specError.js';
import type { DataSpec, InitSpec, LossKind, ModelSpec, OptimizerSpec, RunSpec } from './types.js';

/** The top-level keys of a RunSpec. */
export const TOP_KEYS = [
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
] as const;

/**
 * Validates a RunSpec and returns it normalized, with every default filled in (from
 * `spec/defaults.ts`). Throws a `SpecError` that lists every problem with its path, including a
 * spec whose estimated memory (`memoryEstimate`) exceeds the 1 GiB `MEMORY_BUDGET`.
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
      ? SPEC_DEFAULTS.seed
      : c.number(spec.seed, 'seed', {
          min: 0,
          max: MAX_SEED,
          integer: true,
          expected: `an integer from 0 to ${MAX_SEED}`,
        });
  const steps =
    spec.steps === undefined
      ? c.fail('steps', 'the number of steps (missing)')
      : c.number(spec.steps, 'steps', count(MAX_STEPS));

  const model = readModel(c, spec.model);
  const data = readData(c, spec.data);
  const inputDim = data ? inputDimOf(data) : undefined;
  if (model?.kind === 'polynomial' && inputDim !== undefined && inputDim !== 1) {
    const real = data && isReal(data);
    c.fail(
      real ? 'data.columns' : 'data',
      `expected a single input column for model.kind "polynomial" (features x¹ … xᵏ of one column), got ${inputDim} columns${real ? ` (${data.columns.join(', ')})` : ''}`,
    );
  }
  const shapes = model && inputDim !== undefined ? paramShapes(model, inputDim) : undefined;
  const names = shapes?.map(([name]) => name);
  const loss =
    spec.loss === undefined
      ? model && defaultLoss(model.kind)
      : c.oneOf<LossKind>(spec.loss, 'loss', ['mse', 'bce-logits']);
  if (loss === 'bce-logits' && data && 'train' in data) checkLabels(c, data);
  if (loss === 'bce-logits' && data && 'kind' in data && data.kind === 'cars') {
    // cars is a regression on standardized mpg: no labels in [0, 1] for bce-logits
    if (spec.loss === undefined)
      c.fail(
        'model.kind',
        'a regression model for data.kind "cars" (linear, polynomial or mlp: its target is standardized mpg, not a label in [0, 1])',
        model?.kind,
      );
    else
      c.fail(
        'loss',
        '"mse" for data.kind "cars" (its target is standardized mpg, not a label in [0, 1])',
        loss,
      );
  }

  const init = readInit(c, spec.init, shapes);
  const penalty = readPenalty(c, spec.penalty, names);
  const optimizer = readOptimizer(c, spec.optimizer);
  const paramGroups = readGroups(c, spec.paramGroups, optimizer, names);
  const rows = data ? rowsOf(data).train : undefined;
  const batchSize =
    spec.batchSize === undefined || spec.batchSize === null
      ? SPEC_DEFAULTS.batchSize
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
  checkBudget(c, out);
  if (c.issues.length > 0) throw new SpecError(c.issues);
  return out;
}

/** Refuses a spec whose estimated memory exceeds the budget, or whose events cannot be written. */
function checkBudget(c: Checker, spec: RunSpec): void {
  const estimate = memoryEstimate(spec);
  const top = [...estimate.parts].sort((a, b) => b.bytes - a.bytes)[0];
  if (top && estimate.total > MEMORY_BUDGET) {
    // The largest part's section first, then the rest, each as counted.
    const ordered = [
      ...estimate.parts.filter((p) => p.section === top.section),
      ...estimate.parts.filter((p) => p.section !== top.section),
    ];
    const list = ordered
      .map(
        (p, i) =>
          `${i === 0 && p.label === p.section ? '' : `${p.label} `}${p.how} = ${bytes(p.bytes)}`,
      )
      .join('; ');
    c.fail(
      top.section,
      `${list}: ≈ ${bytes(estimate.total)} in all exceeds the ${bytes(MEMORY_BUDGET)} memory budget`,
    );
  } else if (estimate.eventChars > MAX_LINE_CHARS) {
    // Implied by the 1 GiB budget today (an event that long is past it); guards a raised budget.
    c.fail(
      'model',
      `one step event would be up to ${bytes(estimate.eventChars)} of NDJSON, longer than the longest line JavaScript can hold (${bytes(MAX_LINE_CHARS)})`,
    );
  }
}
