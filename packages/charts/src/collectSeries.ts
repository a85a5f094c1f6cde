import { downsample } from './downsample.js';
import type { StepLike } from './seriesFromSteps.js';
import type { Point, RunSeries } from './types.js';

/** A step event as a stream gives it: the charts' fields, any of which a partial recording may lack. */
export type PartialStep = { readonly type?: string; readonly step: number } & Partial<
  Omit<StepLike, 'step'>
>;

/**
 * Collects a run's loss and norm curves from its step events one at a time, thinning as it goes
 * (each time a curve reaches 2·max points, every other point goes and the stride doubles), so
 * memory stays flat however long the run is; `series()` then `downsample`s to `max` points.
 * Parameter names are kept in a Map: a name like `__proto__` stays a name.
 *
 * @example
 * const c = collectSeries({ name: 'a' });
 * for await (const e of events) if (e.type === 'step') c.add(e);
 * lossChart(c.series(), { document });
 */
export function collectSeries({ name, max = 1000 }: { name: string; max?: number }) {
  let train: Point[] = [];
  let val: Point[] = [];
  let norms = new Map<string, Point[]>();
  let stride = 1;
  let lastKept = -Infinity;
  let kept = 0;
  let last: PartialStep | null = null;
  const half = (p: Point[]) => p.filter((_, i) => i % 2 === 0);
  const keep = (e: PartialStep): void => {
    lastKept = e.step;
    kept += 1;
    if (e.loss) train.push({ step: e.step, value: e.loss.total });
    if (e.val) val.push({ step: e.step, value: e.val.loss });
    for (const [k, v] of Object.entries(e.norms ?? {})) {
      const points = norms.get(k) ?? [];
      if (points.length === 0) norms.set(k, points);
      points.push({ step: e.step, value: v });
    }
    if (kept >= 2 * max) {
      stride *= 2;
      kept = Math.ceil(kept / 2);
      train = half(train);
      val = half(val);
      norms = new Map([...norms].map(([k, p]) => [k, half(p)]));
    }
  };
  return {
    /** Adds a step event (other events are ignored). */
    add(e: PartialStep): void {
      if (e.type !== undefined && e.type !== 'step') return;
      last = e;
      if (e.step - lastKept >= stride) keep(e);
    },
    /** The curves so far, the last step always included, at most `max` points each. */
    series(): RunSeries {
      if (last && last.step !== lastKept) keep(last);
      const d = (p: Point[]) => downsample(p, { max });
      return {
        name,
        train: d(train),
        ...(val.length ? { val: d(val) } : {}),
        norms: Object.fromEntries([...norms].map(([k, p]) => [k, d(p)])),
      };
    },
  };
}
