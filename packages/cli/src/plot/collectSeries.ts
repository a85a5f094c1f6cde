import { downsample, type Point, type RunSeries } from '@decaylab/charts/data';
import type { RunEvent } from '@decaylab/core';

/**
 * Collects a run's loss and norm curves from its events, thinning as it goes so that memory stays
 * flat (at most ~2·max points per curve), then `downsample`s to `max` points.
 *
 * @example
 * const c = collectSeries({ name: 'a' }); events.forEach(c.add); lossChart(c.series(), { document });
 */
export function collectSeries({ name, max = 1000 }: { name: string; max?: number }) {
  let train: Point[] = [];
  let val: Point[] = [];
  // A Map: parameter names are data (a key like `__proto__` must stay a key).
  let norms = new Map<string, Point[]>();
  let stride = 1;
  let lastKept = -Infinity;
  let kept = 0;
  const half = (p: Point[]) => p.filter((_, i) => i % 2 === 0);
  return {
    add(e: RunEvent): void {
      if (e.type !== 'step' || e.step - lastKept < stride) return;
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
    },
    /** Adds the final step even when thinning skipped it. */
    last(e: RunEvent & { type: 'step' }): void {
      if (lastKept === e.step) return;
      stride = 0;
      this.add(e);
    },
    series(): RunSeries {
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
