import { train } from '@decaylab/core';
import { overfitSpec } from './overfitSpec';

/** One step of the band: mean and 10th–90th percentile of the validation loss over the seeds. */
export interface BandRow {
  readonly step: number;
  readonly mean: number;
  readonly lo: number;
  readonly hi: number;
}

/** The band of one λ, and how many seeds ended lower than λ = 0 (for λ > 0). */
export interface OverfitBand {
  readonly lambda: number;
  readonly seeds: number;
  readonly rows: readonly BandRow[];
  /** Final validation loss per seed. */
  readonly finals: readonly number[];
}

/** The p-quantile (0–1) of sorted numbers, linearly interpolated. */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const at = (sorted.length - 1) * p;
  const lo = Math.floor(at);
  const a = sorted[lo] ?? Number.NaN;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] ?? a;
  return a + (b - a) * (at - lo);
}

/** Steps the band is sampled at: every step up to 10, then about 30 per decade (log axis). */
export function bandSteps(steps: number): number[] {
  const out = new Set<number>();
  for (let s = 1; s <= Math.min(10, steps); s++) out.add(s);
  for (let e = 1; 10 ** e <= steps * 10; e += 1 / 30) out.add(Math.min(steps, Math.round(10 ** e)));
  out.add(steps);
  return [...out].sort((a, b) => a - b);
}

/**
 * Chapter 1's λ as a band: chapter 1's run for seeds 0…seeds−1, with validation loss mean and
 * 10th–90th percentile at `bandSteps`. Synchronous (it runs in a Worker on the page).
 *
 * @example
 * overfitBand({ lambda: 0.1, seeds: 16 }).rows.at(-1) // { step: 2000, mean: …, lo: …, hi: … }
 */
export function overfitBand({ lambda, seeds }: { lambda: number; seeds: number }): OverfitBand {
  const spec0 = overfitSpec({ lambda, seed: 0 });
  const at = bandSteps(spec0.steps);
  const want = new Set(at);
  const curves: number[][] = [];
  for (let seed = 0; seed < seeds; seed++) {
    const curve: number[] = [];
    // every: 1 builds every step's event; only sampled steps are kept.
    train(overfitSpec({ lambda, seed }), { every: 1 }).subscribe((e) => {
      if (e.type === 'step' && want.has(e.step)) curve.push(e.val?.loss ?? Number.NaN);
    });
    curves.push(curve);
  }
  const rows = at.map((step, i) => {
    const values = curves.map((c) => c[i] ?? Number.NaN).sort((a, b) => a - b);
    return {
      step,
      mean: values.reduce((s, v) => s + v, 0) / values.length,
      lo: quantile(values, 0.1),
      hi: quantile(values, 0.9),
    };
  });
  return { lambda, seeds, rows, finals: curves.map((c) => c.at(-1) ?? Number.NaN) };
}
