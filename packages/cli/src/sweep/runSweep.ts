import { join } from 'node:path';
import { usageError } from '../cli/cliError.js';
import { onInterrupt } from '../cli/interrupt.js';
import { checkSpec } from '../spec/specFromArgs.js';
import type { ResultRow } from '../summary/resultsTable.js';
import {
  type Axis,
  comboAt,
  comboName,
  comboSpec,
  gridSize,
  MAX_RUNS,
  type Shard,
  shardCount,
  shardIndices,
} from './grid.js';
import type { Job } from './job.js';
import { type RunResult, runPool } from './pool.js';

/** A checked sweep: the base spec, the grid, this process's shard and where recordings go. */
export interface SweepPlan {
  readonly spec: unknown;
  readonly source: string;
  readonly axes: readonly Axis[];
  readonly shard: Shard | null;
  readonly every: number;
  readonly out: string | undefined;
  /** Combinations in the whole grid. */
  readonly total: number;
  /** Combinations this process runs. */
  readonly count: number;
}

/** Refuses a grid (or shard of one) of more than MAX_RUNS runs, before anything is read (exit 2). */
export function checkGridSize(axes: readonly Axis[], shard: Shard | null): void {
  const total = gridSize(axes);
  const count = shardCount(total, shard);
  const n = (x: number) => x.toLocaleString('en-US');
  if (count > MAX_RUNS)
    throw usageError(
      `--grid: ${n(total)} combinations${shard ? ` (${n(count)} in shard ${shard.i}/${shard.n})` : ''} is more than ${n(MAX_RUNS)} runs per process; split it with --shard i/n or --shard auto`,
    );
}

/** The file name of a combination's recording. */
export const recordingName = (axes: readonly Axis[], index: number, total: number): string =>
  `${comboName(axes, comboAt(axes, index), total)}.ndjson`;

/**
 * Checks every combination's spec of this shard before any run starts (a spec error names the
 * combination, exit 2) and returns the plan.
 *
 * @example
 * const plan = planSweep({ spec, source: 'spec.json', axes, shard: null, every: 1, out: 'runs' });
 */
export function planSweep(options: Omit<SweepPlan, 'total' | 'count'>): SweepPlan {
  const { spec, source, axes, shard } = options;
  checkGridSize(axes, shard);
  const total = gridSize(axes);
  for (const index of shardIndices(total, shard)) {
    const combo = comboAt(axes, index);
    checkSpec(comboSpec(spec, axes, combo), `${source} with ${comboName(axes, combo, total)}`);
  }
  return { ...options, total, count: shardCount(total, shard) };
}

/**
 * Runs a plan on worker threads, its jobs made lazily; Ctrl-C, SIGTERM and SIGHUP stop it (the
 * runs in flight end with a `cancelled` end event), and so does a recording that cannot be
 * written (`fatal`).
 *
 * @example
 * const { results, interrupted, fatal } = await runSweep(plan, { workers: 2 });
 */
export async function runSweep(
  plan: SweepPlan,
  { workers, onProgress }: { workers: number; onProgress?: ((done: number) => void) | undefined },
): Promise<{
  results: RunResult[];
  seconds: number;
  interrupted: boolean;
  fatal: string | null;
}> {
  const { spec, axes, shard, every, out, total } = plan;
  const jobs = function* (): Generator<Job> {
    for (const index of shardIndices(total, shard))
      yield {
        id: index,
        spec: comboSpec(spec, axes, comboAt(axes, index)),
        every,
        outFile: out === undefined ? null : join(out, recordingName(axes, index, total)),
      };
  };
  const t0 = performance.now();
  let fatal: string | null = null;
  const pool = runPool(jobs(), {
    workers: Math.min(workers, plan.count),
    onResult: (r, done) => {
      if ('error' in r && r.fatal && fatal === null) fatal = r.error;
      onProgress?.(done);
    },
  });
  let interrupted = false;
  const off = onInterrupt(() => {
    interrupted = true;
    pool.stop();
  });
  try {
    const results = await pool.done;
    return { results, seconds: (performance.now() - t0) / 1000, interrupted, fatal };
  } finally {
    off();
  }
}

/** The results as rows of the results table (1-based index in the whole grid, the axis values). */
export function sweepRows(results: readonly RunResult[], axes: readonly Axis[]): ResultRow[] {
  return results.map((r) => ({
    index: r.id + 1,
    keys: comboAt(axes, r.id).values,
    report: 'report' in r ? r.report : null,
    ...('error' in r ? { error: r.error } : {}),
  }));
}
