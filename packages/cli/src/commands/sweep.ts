import { mkdir, readdir, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { CliError, usageError } from '../cli/cliError.js';
import type { Command } from '../cli/command.js';
import type { Context } from '../cli/context.js';
import { EXIT } from '../cli/exitCodes.js';
import { onInterrupt } from '../cli/interrupt.js';
import { intOption, parse } from '../cli/parse.js';
import { writeOutput } from '../io/openOutput.js';
import { checkSpec, specFromArgs } from '../spec/specFromArgs.js';
import { type ResultRow, resultsCsv, resultsText } from '../summary/resultsTable.js';
import {
  comboAt,
  comboName,
  comboSpec,
  gridSize,
  MAX_RUNS,
  parseGrid,
  shardCount,
  shardIndices,
} from '../sweep/grid.js';
import type { Job } from '../sweep/job.js';
import { manifestName } from '../sweep/manifest.js';
import { runPool } from '../sweep/pool.js';
import { parseShard } from '../sweep/shard.js';
import { fmt } from '../text/fmt.js';

const help = `Usage: decaylab sweep <spec.json | example-name | -> --grid PATH=V1,V2,... [options]

Runs every combination of the grid in parallel on worker threads (one per core), then prints
final train and validation loss and ‖θ‖ per combination, marking the best by validation loss.

Options:
  --grid PATH=V,...  an axis, e.g. --grid optimizer.weightDecay=0,1e-4,1e-3,1e-2,1e-1
                     (repeatable, once per path: the grid is every combination). Values are
                     JSON; separate them with ; to give arrays: --grid 'model.hidden=[8];[16,16]'
  --out DIR          record each run's NDJSON as DIR/<index>-<path=value>.ndjson, and
                     DIR/sweep.json for decaylab merge (DIR must be empty, unless --force)
  --force            write into a non-empty --out DIR
  --shard i/n        run only the i-th of n slices of the grid (1 ≤ i ≤ n), for job runners;
                     --shard auto reads Slurm, Kubernetes Indexed Job or AWS Batch array
                     variables (with --shards N for Kubernetes and AWS Batch); then
                     decaylab merge DIR... prints the whole sweep's table
  --shards N         the number of shards, with --shard auto
  --workers N        worker threads (default and most: one per core)
  --every N          record every N-th step (with --out)
  --steps N, --seed N, --set PATH=V   as in run, applied before the grid
  --format F         table (default) | csv (data: full precision, a best column)
  -h, --help         show this help

At most ${MAX_RUNS.toLocaleString('en-US')} runs per process: split larger grids with --shard.
Ctrl-C, SIGTERM or SIGHUP stop the sweep: it prints the table of the runs so far, ends each open
recording with a "cancelled" end event, and exits 130.`;

/** Creates DIR (and missing parents); refuses a non-empty one unless `force`; errors are one line. */
async function prepareDir(dir: string, { force }: { force: boolean }): Promise<void> {
  const fail = (e: NodeJS.ErrnoException) => {
    throw new CliError(`${dir}: cannot create the directory (${e.code ?? e.message})`);
  };
  // A plain mkdir first: Node's recursive mkdir can hang on special file systems such as /proc.
  const made = await mkdir(dir).then(
    () => true,
    (e: NodeJS.ErrnoException) =>
      e.code === 'EEXIST' ? true : e.code === 'ENOENT' ? false : fail(e),
  );
  if (!made)
    await mkdir(dirname(dir), { recursive: true })
      .then(() => mkdir(dir))
      .catch(fail);
  const s = await stat(dir);
  if (!s.isDirectory()) throw new CliError(`${dir}: not a directory`);
  const entries = await readdir(dir).catch(fail);
  if (entries.length > 0 && !force)
    throw usageError(
      `${dir}: not empty (${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}; use an empty folder, or --force to write into it)`,
    );
}

async function run(argv: readonly string[], ctx: Context): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      grid: { type: 'string', multiple: true },
      out: { type: 'string', short: 'o' },
      force: { type: 'boolean' },
      shard: { type: 'string' },
      shards: { type: 'string' },
      workers: { type: 'string' },
      every: { type: 'string' },
      steps: { type: 'string' },
      seed: { type: 'string' },
      set: { type: 'string', multiple: true },
      format: { type: 'string' },
    },
    'sweep',
  );
  if (values.help) {
    ctx.stdout.write(`${help}\n`);
    return EXIT.ok;
  }
  if (positionals.length > 1)
    throw usageError(`sweep: expected one spec, got ${positionals.length} arguments`);
  const format = values.format ?? 'table';
  if (format !== 'table' && format !== 'csv')
    throw usageError(`--format: expected table or csv, got ${JSON.stringify(format)}`);
  const axes = parseGrid(values.grid ?? []);
  if (axes.length === 0)
    throw usageError(
      'sweep: expected at least one --grid PATH=V1,V2,... (see decaylab sweep --help)',
    );
  if (values.out === '-' || values.out === '')
    throw usageError(
      `sweep: --out takes a folder for the recordings, got ${JSON.stringify(values.out)} (the table goes to stdout)`,
    );
  const shard = parseShard(values.shard, { env: ctx.env, shards: values.shards });
  const cores = availableParallelism();
  const workers = Math.min(intOption(values.workers, 'workers') ?? cores, cores);
  const every = intOption(values.every, 'every') ?? 1;
  const total = gridSize(axes);
  const count = shardCount(total, shard);
  if (count > MAX_RUNS)
    throw usageError(
      `--grid: ${total.toLocaleString('en-US')} combinations${shard ? ` (${count.toLocaleString('en-US')} in shard ${shard.i}/${shard.n})` : ''} is more than ${MAX_RUNS.toLocaleString('en-US')} runs per process; split it with --shard i/n or --shard auto`,
    );
  const { spec, source } = await specFromArgs(positionals[0], values, {
    stdin: ctx.stdin,
    command: 'sweep',
  });
  // Every combination's spec is checked before any run starts.
  for (const index of shardIndices(total, shard)) {
    const combo = comboAt(axes, index);
    checkSpec(comboSpec(spec, axes, combo), `${source} with ${comboName(axes, combo, total)}`);
  }
  const out = values.out;
  if (out !== undefined) await prepareDir(out, { force: values.force === true });
  const jobs = function* (): Generator<Job> {
    for (const index of shardIndices(total, shard)) {
      const combo = comboAt(axes, index);
      yield {
        id: index,
        spec: comboSpec(spec, axes, combo),
        every,
        outFile: out === undefined ? null : join(out, `${comboName(axes, combo, total)}.ndjson`),
      };
    }
  };
  const t0 = performance.now();
  const progress = ctx.stderr.isTTY && format === 'table';
  let fatal: string | null = null;
  const pool = runPool(jobs(), {
    workers: Math.min(workers, count),
    onResult: (r, done) => {
      if ('error' in r && r.fatal && fatal === null) fatal = r.error;
      if (progress) ctx.stderr.write(`\r\x1b[2K${done}/${count} runs done`);
    },
  });
  let interrupted = false;
  const off = onInterrupt(() => {
    interrupted = true;
    pool.stop();
  });
  let results: Awaited<typeof pool.done>;
  try {
    results = await pool.done;
  } finally {
    off();
  }
  if (progress) ctx.stderr.write('\r\x1b[2K');
  const seconds = (performance.now() - t0) / 1000;

  const rows: ResultRow[] = results.map((r) => ({
    index: r.id + 1,
    keys: comboAt(axes, r.id).values,
    report: 'report' in r ? r.report : null,
    ...('error' in r ? { error: r.error } : {}),
  }));
  const keyHeaders = axes.map((a) => a.path);
  ctx.stdout.write(
    format === 'csv'
      ? resultsCsv(rows, { keyHeaders })
      : `${resultsText(rows, { keyHeaders }).join('\n')}\n`,
  );
  if (out !== undefined) {
    const manifest = {
      decaylabSweep: 1,
      source,
      axes,
      total,
      shard,
      runs: results.map((r) => {
        const combo = comboAt(axes, r.id);
        return 'error' in r
          ? { index: r.id, error: r.error }
          : { index: r.id, file: `${comboName(axes, combo, total)}.ndjson` };
      }),
    };
    await writeOutput(join(out, manifestName(shard)), `${JSON.stringify(manifest, null, 1)}\n`, {
      stdout: ctx.stdout,
    });
  }
  const shardNote = shard
    ? `shard ${shard.i}/${shard.n}: ${results.length} of ${total} runs`
    : `${results.length} runs`;
  const used = Math.min(workers, count);
  ctx.stderr.write(
    `${shardNote} on ${used} worker${used === 1 ? '' : 's'} in ${fmt(seconds, { digits: 3 })}s${out !== undefined ? ` · recordings in ${out}/` : ''}\n`,
  );
  if (fatal !== null) throw new CliError(`${fatal} (the sweep stopped)`);
  if (interrupted) {
    const cut = rows.filter((r) => r.report?.summary.reason === 'cancelled').length;
    ctx.stderr.write(
      `cancelled: ${results.length - cut} of ${count} runs finished, ${cut} stopped${out !== undefined && cut > 0 ? ' (their recordings end with a "cancelled" end event)' : ''}\n`,
    );
    return EXIT.interrupted;
  }
  return results.some((r) => 'error' in r) ? EXIT.input : EXIT.ok;
}

/** `decaylab sweep`. */
export const sweepCommand: Command = {
  name: 'sweep',
  summary: 'run a grid of specs in parallel (worker threads) and rank them',
  help,
  run,
};
