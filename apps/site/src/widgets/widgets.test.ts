import { type RunEvent, train } from '@decaylab/core';
import { describe, expect, it } from 'vitest';
import { Clock } from './_shared/Clock';
import { RunPlayer } from './_shared/RunPlayer';
import type { Divergence } from './_shared/runBound';
import {
  type RunResult,
  type RunSnapshot,
  sliderValue,
  type WidgetRuns,
} from './_shared/widgetRuns';
import { widgetTable } from './_shared/widgetTable';

// Every widget of widgetTable, run the way its page runs it (same specs, same `every`, same
// bound, through the same RunPlayer, here on a paused clock) for seeds 0–99: at each slider's
// minimum, default and maximum (the other sliders at their defaults), and at each claim's setting.

const SEEDS = Array.from({ length: 100 }, (_, s) => s);

function snapshot(e: Extract<RunEvent, { type: 'step' }>): RunSnapshot {
  return {
    step: e.step,
    data: e.loss.data,
    penalty: e.loss.penalty,
    total: e.loss.total,
    ...(e.val ? { val: e.val.loss } : {}),
    params: e.params,
  };
}

const cache = new Map<string, RunResult[]>();

/** Runs a widget's specs for slider positions `at` (slider units) and one seed (cached). */
function runWidget(
  w: WidgetRuns,
  at: { readonly [name: string]: number },
  seed: number,
): RunResult[] {
  const key = `${w.id} ${JSON.stringify(w.sliders.map((s) => at[s.name] ?? s.value))} ${seed}`;
  const hit = cache.get(key) ?? runFresh(w, at, seed);
  cache.set(key, hit);
  return hit;
}

function runFresh(
  w: WidgetRuns,
  at: { readonly [name: string]: number },
  seed: number,
): RunResult[] {
  const values = Object.fromEntries(
    w.sliders.map((s) => [s.name, sliderValue(s, at[s.name] ?? s.value)]),
  );
  const specs = w.specs(values, seed);
  const firsts: (RunSnapshot | undefined)[] = [];
  const lasts: (RunSnapshot | undefined)[] = [];
  const best: number[] = specs.map(() => Number.POSITIVE_INFINITY);
  const diverged: (Divergence | undefined)[] = [];
  const player = new RunPlayer({ train, Clock });
  player.start(specs, {
    every: w.every,
    playing: false,
    bound: w.bound,
    onEvent: (e, run) => {
      if (e.type !== 'step') return;
      const snap = snapshot(e);
      firsts[run] ??= snap;
      lasts[run] = snap;
      if (snap.val !== undefined && snap.val < (best[run] ?? 0)) best[run] = snap.val;
    },
    onDiverged: (d) => {
      diverged[d.run] = d;
    },
  });
  player.advance(Number.MAX_SAFE_INTEGER);
  expect(player.running).toBe(0);
  return specs.map((spec, run) => ({
    spec,
    first: firsts[run],
    last: lasts[run],
    bestVal: best[run],
    diverged: diverged[run],
  }));
}

/** A run inside its bound: every number finite, the loss below lossFactor × its start. */
function withinBound(w: WidgetRuns, r: RunResult): boolean {
  const { lossFactor = 1e3, maxWeight = 1e6 } = w.bound;
  const last = r.last;
  if (!last || !r.first) return false;
  const weights = Object.values(last.params).flat();
  return (
    weights.every((v) => Number.isFinite(v) && Math.abs(v) <= maxWeight) &&
    Number.isFinite(last.total) &&
    last.total <= lossFactor * r.first.total
  );
}

describe.each(widgetTable.map((w) => [w.id, w] as const))('widget %s', (_, w) => {
  const positions = w.sliders.flatMap((s) =>
    [...new Set([s.min, s.value, s.max])].map((p) => ({ [s.name]: p })),
  );

  it.each(positions.map((at) => [JSON.stringify(at), at] as const))(
    'at %s, seeds 0–99: every run stays within its bound or is reported diverged',
    (_, at) => {
      let divergedRuns = 0;
      for (const seed of SEEDS) {
        for (const r of runWidget(w, at, seed)) {
          if (r.diverged) {
            divergedRuns++;
            // Reported where it left the bound, with the numbers the status line prints.
            expect(r.diverged.step).toBeGreaterThan(0);
            expect(r.last?.step).toBe(r.diverged.step);
          } else {
            expect(withinBound(w, r), `seed ${seed} ${JSON.stringify(at)}`).toBe(true);
            expect(r.last?.step).toBe((r.spec as { steps: number }).steps);
          }
        }
      }
      if (!w.mayDiverge) expect(divergedRuns).toBe(0);
    },
  );

  for (const claim of w.claims ?? []) {
    it(`claim: ${claim.says}`, () => {
      const hits = SEEDS.filter((seed) =>
        claim.holds(
          runWidget(w, claim.at ?? {}, seed),
          claim.versus ? runWidget(w, claim.versus, seed) : [],
        ),
      ).length;
      if (claim.seeds !== undefined) expect(hits).toBe(claim.seeds);
      if (claim.atLeast !== undefined) expect(hits).toBeGreaterThanOrEqual(claim.atLeast);
    });
  }
});
