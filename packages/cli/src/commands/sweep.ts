import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { CliError, usageError } from '../cli/cliError.js';
import type { Command } from '../cli/command.js';
import type { Context } from '../cli/context.js';
import { EXIT } from '../cli/exitCodes.js';
import { intOption, parse } from '../cli/parse.js';
import { writeOutput } from '../io/openOutput.js';
import { prepareDir } from '../io/prepareDir.js';
import { specFromArgs } from '../spec/specFromArgs.js';
import { resultsCsv, resultsText } from '../summary/resultsTable.js';
import { MAX_RUNS, parseGrid } from '../sweep/grid.js';
import { manifestName, sweepManifest } from '../sweep/manifest.js';
import { checkGridSize, planSweep, runSweep, sweepRows } from '../sweep/runSweep.js';
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
  checkGridSize(axes, shard);
  const { spec, source } = await specFromArgs(positionals[0], values, {
    stdin: ctx.stdin,
    command: 'sweep',
  });
  const out = values.out;
  const plan = planSweep({ spec, source, axes, shard, every, out });
  if (out !== undefined) await prepareDir(out, { force: values.force === true });
  const progress = ctx.stderr.isTTY && format === 'table';
  const { results, seconds, interrupted, fatal } = await runSweep(plan, {
    workers,
    onProgress: progress
      ? (done) => ctx.stderr.write(`\r\x1b[2K${done}/${plan.count} runs done`)
      : undefined,
  });
  if (progress) ctx.stderr.write('\r\x1b[2K');
  const rows = sweepRows(results, axes);
  const keyHeaders = axes.map((a) => a.path);
  ctx.stdout.write(
    format === 'csv'
      ? resultsCsv(rows, { keyHeaders })
      : `${resultsText(rows, { keyHeaders }).join('\n')}\n`,
  );
  if (out !== undefined)
    await writeOutput(
      join(out, manifestName(shard)),
      `${JSON.stringify(sweepManifest(plan, results), null, 1)}\n`,
      { stdout: ctx.stdout },
    );
  const shardNote = shard
    ? `shard ${shard.i}/${shard.n}: ${results.length} of ${plan.total} runs`
    : `${results.length} runs`;
  const used = Math.min(workers, plan.count);
  ctx.stderr.write(
    `${shardNote} on ${used} worker${used === 1 ? '' : 's'} in ${fmt(seconds, { digits: 3 })}s${out !== undefined ? ` · recordings in ${out}/` : ''}\n`,
  );
  if (fatal !== null) throw new CliError(`${fatal} (the sweep stopped)`);
  if (interrupted) {
    const cut = rows.filter((r) => r.report?.summary.reason === 'cancelled').length;
    ctx.stderr.write(
      `cancelled: ${results.length - cut} of ${plan.count} runs finished, ${cut} stopped${out !== undefined && cut > 0 ? ' (their recordings end with a "cancelled" end event)' : ''}\n`,
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
