import type { RunStartEvent, StepEvent } from '@decaylab/core';

/** A column of the csv and table formats: a name and how to read it from a step event. */
export interface Column {
  readonly name: string;
  readonly get: (e: StepEvent) => number | undefined;
}

/**
 * The columns for a run: step, epoch, lr, the three losses, val.loss, then norms.<param>.
 * With `fields`, only columns equal to or under one of them (`loss` keeps all three losses).
 *
 * @example
 * columns(runEvent, [['step'], ['loss', 'total']]).map((c) => c.name) // ['step', 'loss.total']
 */
export function columns(
  run: RunStartEvent,
  fields: readonly (readonly string[])[] | null,
): Column[] {
  const all: Column[] = [
    { name: 'step', get: (e) => e.step },
    { name: 'epoch', get: (e) => e.epoch },
    { name: 'lr', get: (e) => e.lr },
    { name: 'loss.data', get: (e) => e.loss?.data },
    { name: 'loss.penalty', get: (e) => e.loss?.penalty },
    { name: 'loss.total', get: (e) => e.loss?.total },
    { name: 'val.loss', get: (e) => e.val?.loss },
    ...Object.keys(run.shapes).map((p) => ({
      name: `norms.${p}`,
      get: (e: StepEvent) => e.norms?.[p],
    })),
  ];
  if (!fields) return all;
  const wanted = fields.map((f) => f.join('.'));
  return all.filter((c) => wanted.some((w) => c.name === w || c.name.startsWith(`${w}.`)));
}
