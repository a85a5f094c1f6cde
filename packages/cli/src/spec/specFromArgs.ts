import type { Readable } from 'node:stream';
import { parseSpec, SpecError } from '@decaylab/core';
import { usageError } from '../cli/cliError.js';
import { intOption } from '../cli/parse.js';
import { applySet, applySets, plainCopy } from './applySet.js';
import { loadSpec } from './loadSpec.js';

/** The spec-changing flags shared by `run` and `sweep`. */
export interface SpecArgs {
  readonly set?: readonly string[];
  readonly steps?: string;
  readonly seed?: string;
}

/**
 * Reads `<spec.json | example-name | ->` and applies `--set`, `--steps` and `--seed` in that
 * order, on null-prototype copies; validates the result (a SpecError becomes exit 2 naming the source).
 *
 * @example
 * const { spec, source } = await specFromArgs('overfitting', { steps: '100' }, { stdin, command: 'run' });
 */
export async function specFromArgs(
  arg: string | undefined,
  values: SpecArgs,
  { stdin, command }: { stdin: Readable; command: string },
): Promise<{ spec: unknown; source: string }> {
  if (arg === undefined)
    throw usageError(
      `${command}: missing <spec.json | example-name | -> (see decaylab ${command} --help)`,
    );
  const steps = intOption(values.steps, 'steps');
  const seed = intOption(values.seed, 'seed', { min: 0 });
  const loaded = await loadSpec(arg, stdin);
  let spec = plainCopy(loaded.spec, loaded.source);
  spec = applySets(spec, values.set ?? [], loaded.source);
  if (steps !== undefined) spec = applySet(spec, 'steps', steps, { flag: '--steps' });
  if (seed !== undefined) spec = applySet(spec, 'seed', seed, { flag: '--seed' });
  checkSpec(spec, loaded.source);
  return { spec, source: loaded.source };
}

/** Validates `spec`, turning a SpecError into a usage error (exit 2) prefixed with `where`. */
export function checkSpec(spec: unknown, where: string): void {
  try {
    parseSpec(spec);
  } catch (error) {
    if (error instanceof SpecError) throw usageError(`${where}: ${error.message}`);
    if (error instanceof RangeError)
      throw usageError(`${where}: invalid spec: too large or too deeply nested (${error.message})`);
    throw error;
  }
}
