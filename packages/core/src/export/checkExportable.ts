import type { RunSpec } from '../spec/types.js';
import { ExportError } from './exportError.js';

/** Every option of a normalized RunSpec the PyTorch export knows how to write, by where it sits. */
const KNOWN: Record<string, readonly string[]> = {
  '': [
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
  ],
  'model.linear': ['kind'],
  'model.logistic': ['kind'],
  'model.polynomial': ['kind', 'degree'],
  'model.mlp': ['kind', 'hidden', 'activation'],
  penalty: ['kind', 'lambda', 'params'],
  'optimizer.sgd': ['kind', 'lr', 'momentum', 'dampening', 'nesterov', 'weightDecay', 'maximize'],
  'optimizer.adam': ['kind', 'lr', 'betas', 'eps', 'weightDecay', 'amsgrad', 'maximize'],
};

const VALUES: Record<string, readonly unknown[]> = {
  loss: ['mse', 'bce-logits'],
  'penalty.kind': ['l1', 'l2'],
  'model.activation': ['tanh', 'relu', 'sigmoid'],
};

function fail(path: string, what: string): never {
  throw new ExportError(`cannot export ${path} to PyTorch: ${what}`);
}

function keys(value: object, allowed: readonly string[] | undefined, path: string): void {
  if (!allowed) fail(`${path}.kind`, 'the exporter does not know this kind');
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      fail(path ? `${path}.${key}` : key, 'the exporter does not know this option');
    }
  }
}

function oneOf(value: unknown, path: string): void {
  if (!VALUES[path]?.includes(value))
    fail(path, `${JSON.stringify(value)} has no PyTorch equivalent here`);
}

/**
 * Throws an `ExportError` naming the first option of a normalized spec that the PyTorch export
 * cannot write (an option or kind it does not know), so that nothing is silently dropped.
 *
 * @example
 * checkExportable(parseSpec(spec)) // returns, or throws "cannot export optimizer.x to PyTorch: …"
 */
export function checkExportable(spec: RunSpec): void {
  keys(spec, KNOWN[''], '');
  const { model, optimizer, penalty } = spec;
  keys(model, KNOWN[`model.${model.kind}`], 'model');
  if (model.kind === 'mlp') oneOf(model.activation, 'model.activation');
  oneOf(spec.loss, 'loss');
  if (penalty) {
    keys(penalty, KNOWN.penalty, 'penalty');
    oneOf(penalty.kind, 'penalty.kind');
  }
  const family = optimizer.kind === 'adamw' ? 'adam' : optimizer.kind;
  const optimizerKeys = KNOWN[`optimizer.${family}`];
  keys(optimizer, optimizerKeys, 'optimizer');
  spec.paramGroups.forEach((group, i) => {
    keys(
      group,
      ['params', ...(optimizerKeys ?? []).filter((k) => k !== 'kind')],
      `paramGroups[${i}]`,
    );
  });
}
