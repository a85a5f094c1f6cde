import { mkdir, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { parseSpec, SpecError } from '@decaylab/core';
import { CliError, usageError } from '../cli/cliError.js';
import type { Command } from '../cli/command.js';
import type { Context } from '../cli/context.js';
import { EXIT } from '../cli/exitCodes.js';
import { intOption, parse } from '../cli/parse.js';
import { fmt, pad } from '../format/fmt.js';
import { comboName, comboSpec, combos, parseAxis, parseShard, shardOf } from '../sweep/grid.js';
import { type Job, runJob } from '../sweep/job.js';
import { runPool } from '../sweep/pool.js';
import { specFromArgs } from './run.js';

const help = `Usage: decaylab sweep <spec.json | example-name | -> --grid PATH=V1,V2,... [options]

Runs every combination of the grid in parallel on worker threads (one per core), then prints
final train and validation loss and ‖θ‖ per combination, marking the best by validation loss.

Options:
  --grid PATH=V,...  an axis, e.g. --grid optimizer.weightDecay=0,1e-4,1e-3,1e-2,1e-1
                     (repeatable: the grid is every combination)
  --out DIR          record each run's NDJSON as DIR/<index>-<path=value>.ndjson
  --shard i/n        run only the i-th of n slices of the grid (1 ≤ i ≤ n), for job runners
                     (GNU parallel, a Kubernetes indexed Job, a Slurm array); merge the
                     results with decaylab compare DIR/*.ndjson
  --workers N        worker threads (default: one per core)
  --every N          record every N-th step (with --out)
  --steps N, --seed N, --set PATH=V   as in run, applied before the grid
  --format F         table (default) | csv
  -h, --help         show this help`;

/** Creates DIR (and missing parents); an error is one line (exit 1). */
async function makeDir(dir: string): Promise<void> {
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
}

async function run(argv: readonly string[], ctx: Context): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      grid: { type: 'string', multiple: true },
      out: { type: 'string', short: 'o' },
      shard: { type: 'string' },
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
  const format = values.format ?? 'table';
  if (format !== 'table' && format !== 'csv')
    throw usageError(`--format: expected table or csv, got ${JSON.stringify(format)}`);
  const axes = (values.grid ?? []).map(parseAxis);
  if (axes.length === 0)
    throw usageError(
      'sweep: expected at least one --grid PATH=V1,V2,... (see decaylab sweep --help)',
    );
  const shard = parseShard(values.shard);
  const workers = intOption(values.workers, 'workers') ?? availableParallelism();
  const every = intOption(values.every, 'every') ?? 1;
  const { spec, source } = await specFromArgs(positionals[0], values, ctx, 'sweep');
  const all = combos(axes);
  const mine = shardOf(all, shard);
  const names = mine.map((c) => comboName(axes, c, all.length));
  const specs = mine.map((c, k) => {
    const s = comboSpec(spec, axes, c);
    try {
      parseSpec(s);
    } catch (error) {
      if (error instanceof SpecError)
        throw usageError(`${source} with ${names[k]}: ${error.message}`);
      throw error;
    }
    return s;
  });
  if (values.out) await makeDir(values.out);
  const jobs: Job[] = mine.map((c, k) => ({
    id: c.index,
    spec: specs[k],
    every,
    outFile: values.out ? join(values.out, `${names[k]}.ndjson`) : null,
  }));
  const t0 = performance.now();
  const progress = ctx.stderr.isTTY && format === 'table';
  const results =
    workers <= 1 && jobs.length === 1
      ? jobs.map(runJob)
      : await runPool(jobs, {
          workers,
          onResult: (_, done) => {
            if (progress) ctx.stderr.write(`\r\x1b[2K${done}/${jobs.length} runs done`);
          },
        });
  if (progress) ctx.stderr.write('\r\x1b[2K');
  const seconds = (performance.now() - t0) / 1000;

  const params = new Set<string>();
  for (const r of results)
    if ('report' in r)
      for (const p of Object.keys(r.report.summary.final?.norms ?? {})) params.add(p);
  const paramNames = [...params].slice(0, 4);
  let best = -1;
  results.forEach((r, k) => {
    const v = 'report' in r ? r.report.summary.final?.val : undefined;
    const b = best >= 0 ? results[best] : undefined;
    const bv = b && 'report' in b ? b.report.summary.final?.val : undefined;
    if (v !== undefined && (bv === undefined || v < bv)) best = k;
  });
  const header = [
    '#',
    ...axes.map((a) => a.path),
    'end',
    'train',
    'val',
    'best val @ step',
    ...paramNames.map((p) => `‖${p}‖`),
  ];
  const rows = results.map((r, k) => {
    const combo = mine[k] as (typeof mine)[number];
    const vals = combo.values.map((v) => (typeof v === 'number' ? String(v) : JSON.stringify(v)));
    if (!('report' in r))
      return [
        String(combo.index + 1),
        ...vals,
        `error: ${r.error}`,
        '',
        '',
        '',
        ...paramNames.map(() => ''),
      ];
    const s = r.report.summary;
    return [
      `${combo.index + 1}${k === best ? '*' : ''}`,
      ...vals,
      s.reason ?? '',
      fmt(s.final?.loss.total),
      fmt(s.final?.val),
      s.best?.metric === 'val' ? `${fmt(s.best.value)} @ ${s.best.step}` : '',
      ...paramNames.map((p) => fmt(s.final?.norms[p])),
    ];
  });
  if (format === 'csv') {
    const q = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
    ctx.stdout.write(`${[header, ...rows].map((r) => r.map(q).join(',')).join('\n')}\n`);
  } else {
    const widths = header.map((h, c) =>
      Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)),
    );
    const line = (r: string[]) =>
      r.map((v, c) => pad(v, widths[c] as number, { right: true })).join('  ');
    const lines = [line(header), ...rows.map(line)];
    if (best >= 0) lines.push('* lowest final validation loss');
    const shardNote = shard
      ? `shard ${shard.i}/${shard.n}: ${mine.length} of ${all.length} runs`
      : `${mine.length} runs`;
    lines.push(
      `${shardNote} on ${Math.min(workers, jobs.length)} worker${workers === 1 ? '' : 's'} in ${fmt(seconds, { digits: 3 })}s${values.out ? ` · recordings in ${values.out}/` : ''}`,
    );
    ctx.stdout.write(`${lines.join('\n')}\n`);
  }
  return results.some((r) => !('report' in r)) ? EXIT.input : EXIT.ok;
}

/** `decaylab sweep`. */
export const sweepCommand: Command = {
  name: 'sweep',
  summary: 'run a grid of specs in parallel (worker threads) and rank them',
  help,
  run,
};
