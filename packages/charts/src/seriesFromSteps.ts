import type { Point, RunSeries } from './types.js';

/** The fields of a decaylab `step` event that the charts read (any object with them will do). */
export interface StepLike {
  readonly step: number;
  readonly loss: { readonly total: number };
  readonly val?: { readonly loss: number };
  readonly norms: { readonly [param: string]: number };
}

/**
 * Turns step events (from `train()` or a recording) into the plain series the charts take.
 *
 * @example
 * const steps = [];
 * train(spec).subscribe((e) => e.type === 'step' && steps.push(e));
 * lossChart(seriesFromSteps(steps), { document });
 */
export function seriesFromSteps(
  steps: Iterable<StepLike>,
  { name = 'run' }: { name?: string } = {},
): RunSeries {
  const train: Point[] = [];
  const val: Point[] = [];
  const norms: Record<string, Point[]> = {};
  for (const e of steps) {
    train.push({ step: e.step, value: e.loss.total });
    if (e.val) val.push({ step: e.step, value: e.val.loss });
    for (const [k, v] of Object.entries(e.norms)) {
      norms[k] ??= [];
      norms[k].push({ step: e.step, value: v });
    }
  }
  return { name, train, ...(val.length > 0 ? { val } : {}), norms };
}
