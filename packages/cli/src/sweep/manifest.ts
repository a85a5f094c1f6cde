import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CliError } from '../cli/cliError.js';
import type { Axis, Shard } from './grid.js';
import type { RunResult } from './pool.js';
import { recordingName, type SweepPlan } from './runSweep.js';

/** The manifest file of a sweep's --out folder: `sweep.json`, or `sweep-shard-I-of-N.json`. */
export const manifestName = (shard: Shard | null): string =>
  shard ? `sweep-shard-${shard.i}-of-${shard.n}.json` : 'sweep.json';

/** What a sweep records next to its recordings, so that `decaylab merge` can rebuild its table. */
export interface SweepManifest {
  readonly decaylabSweep: 1;
  /** The spec as given (file name, example:NAME or <stdin>). */
  readonly source: string;
  readonly axes: readonly Axis[];
  readonly total: number;
  readonly shard: Shard | null;
  /** The runs this process made: their index in the grid and file (or why they failed). */
  readonly runs: readonly {
    readonly index: number;
    readonly file?: string;
    readonly error?: string;
  }[];
}

function isManifest(m: unknown): m is SweepManifest {
  const x = m as SweepManifest;
  return (
    typeof m === 'object' &&
    m !== null &&
    x.decaylabSweep === 1 &&
    Array.isArray(x.axes) &&
    x.axes.every((a) => typeof a?.path === 'string' && Array.isArray(a.values)) &&
    Number.isSafeInteger(x.total) &&
    Array.isArray(x.runs) &&
    x.runs.every((r) => Number.isSafeInteger(r?.index) && r.index >= 0 && r.index < x.total)
  );
}

/**
 * Reads every sweep manifest in `dir` (a sweep's --out folder); a folder without one, or a
 * manifest that is not one, is an error naming the file (exit 1).
 *
 * @example
 * const manifests = await readManifests('results/shard-1');
 */
export async function readManifests(
  dir: string,
): Promise<{ file: string; manifest: SweepManifest }[]> {
  const names = await readdir(dir).catch((e: NodeJS.ErrnoException) => {
    throw new CliError(`${dir}: cannot read the folder (${e.code ?? e.message})`);
  });
  const files = names.filter((n) => /^sweep(-shard-\d+-of-\d+)?\.json$/.test(n)).sort();
  if (files.length === 0)
    throw new CliError(`${dir}: no sweep.json (not a folder written by decaylab sweep --out)`);
  const out: { file: string; manifest: SweepManifest }[] = [];
  for (const name of files) {
    const file = join(dir, name);
    const text = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
      throw new CliError(`${file}: cannot read (${e.code ?? e.message})`);
    });
    let manifest: unknown;
    try {
      manifest = JSON.parse(text);
    } catch (error) {
      throw new CliError(`${file}: not valid JSON (${(error as Error).message.split('\n')[0]})`);
    }
    if (!isManifest(manifest)) throw new CliError(`${file}: not a decaylab sweep manifest`);
    out.push({ file, manifest });
  }
  return out;
}

/**
 * The manifest of a sweep's runs, for `merge`: the grid, the shard and each run's recording (or
 * why it failed).
 *
 * @example
 * await writeOutput(join(dir, manifestName(plan.shard)), JSON.stringify(sweepManifest(plan, results)), { stdout });
 */
export function sweepManifest(plan: SweepPlan, results: readonly RunResult[]): SweepManifest {
  return {
    decaylabSweep: 1,
    source: plan.source,
    axes: plan.axes,
    total: plan.total,
    shard: plan.shard,
    runs: results.map((r) =>
      'error' in r
        ? { index: r.id, error: r.error }
        : { index: r.id, file: recordingName(plan.axes, r.id, plan.total) },
    ),
  };
}
