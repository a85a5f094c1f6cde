import { createWriteStream } from 'node:fs';
import { parseSpec, SpecError } from '@decaylab/core';
import { CliError, usageError } from '../cli/cliError.js';
import type { Command } from '../cli/command.js';
import type { Context } from '../cli/context.js';
import { EXIT } from '../cli/exitCodes.js';
import { intOption, parse } from '../cli/parse.js';
import { dashboardSink } from '../dashboard/dashboardSink.js';
import { parseFields } from '../format/fields.js';
import { makeSink, readFormat } from '../format/makeSink.js';
import { ndjsonSink } from '../format/ndjsonSink.js';
import type { Sink } from '../format/sink.js';
import { type Output, output } from '../io/output.js';
import { startRun } from '../io/runEvents.js';
import { applySets } from '../spec/applySet.js';
import { loadSpec } from '../spec/loadSpec.js';

const help = `Usage: decaylab run <spec.json | example-name | -> [options]

Trains the model a RunSpec describes and streams what happens. On a terminal it shows a live
dashboard; otherwise it writes NDJSON (one RunEvent per line).

Options:
  --format F       ndjson | csv | table | summary (default: dashboard on a TTY, else ndjson)
  --every N        emit every N-th step (and always the last)
  --steps N        override the spec's number of steps
  --seed N         override the spec's seed
  --set PATH=V     override any spec field, e.g. --set optimizer.weightDecay=0.01 (repeatable;
                   V is JSON when it parses, else a string)
  --fields LIST    keep only these step fields, e.g. step,loss,val,norms (drops gradients)
  --out FILE       also record NDJSON to FILE (Ctrl-C leaves it valid, ending with "cancelled")
  --debug          show stack traces
  -h, --help       show this help

Exit codes: 0 done, 1 runtime error, 2 usage or spec error, 3 the run diverged, 130 Ctrl-C.

Examples:
  decaylab run overfitting
  decaylab run spec.json --format csv --every 10 > run.csv
  decaylab run overfitting --set optimizer.weightDecay=0.01 --out decay.ndjson`;

/** Reads the spec argument with every override applied, validated (SpecError → exit 2). */
export async function specFromArgs(
  arg: string | undefined,
  values: { set?: string[]; steps?: string; seed?: string },
  ctx: Context,
  command: string,
): Promise<{ spec: unknown; source: string }> {
  if (arg === undefined)
    throw usageError(
      `${command}: missing <spec.json | example-name | -> (see decaylab ${command} --help)`,
    );
  const loaded = await loadSpec(arg, ctx.stdin);
  let spec = applySets(loaded.spec, values.set ?? []);
  const steps = intOption(values.steps, 'steps');
  const seed = intOption(values.seed, 'seed', { min: 0 });
  if (steps !== undefined || seed !== undefined) {
    if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) spec = {};
    spec = {
      ...(spec as object),
      ...(steps !== undefined ? { steps } : {}),
      ...(seed !== undefined ? { seed } : {}),
    };
  }
  try {
    parseSpec(spec);
  } catch (error) {
    if (error instanceof SpecError) throw usageError(`${loaded.source}: ${error.message}`);
    throw error;
  }
  return { spec, source: loaded.source };
}

/** Opens `--out FILE` for writing, as a batching Output. */
export function openOut(file: string): Output {
  const stream = createWriteStream(file);
  const out = output(stream, { batchBytes: 1 << 18 });
  stream.on('error', () => undefined);
  return out;
}

async function run(argv: readonly string[], ctx: Context): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      format: { type: 'string' },
      every: { type: 'string' },
      steps: { type: 'string' },
      seed: { type: 'string' },
      set: { type: 'string', multiple: true },
      fields: { type: 'string' },
      out: { type: 'string', short: 'o' },
    },
    'run',
  );
  if (values.help) {
    ctx.stdout.write(`${help}\n`);
    return EXIT.ok;
  }
  if (positionals.length > 1)
    throw usageError(`run: expected one spec, got ${positionals.length} arguments`);
  const format = readFormat(values.format);
  const every = intOption(values.every, 'every') ?? 1;
  const fields = parseFields(values.fields);
  const { spec } = await specFromArgs(positionals[0], values, ctx, 'run');

  const stdout = output(ctx.stdout);
  const file = values.out ? openOut(values.out) : null;
  const dashboard = !format && ctx.stdout.isTTY;
  const sinks: Sink[] = [];
  if (dashboard) sinks.push(dashboardSink(stdout, { ctx, mode: 'run' }));
  else
    sinks.push(
      makeSink(format ?? 'ndjson', stdout, {
        fields,
        width: ctx.stdout.isTTY ? ctx.width : 100_000,
      }),
    );
  if (file) sinks.push(ndjsonSink(file, { fields }));

  const live = startRun(spec, {
    every,
    sinks,
    gate: () => {
      if (stdout.needsDrain) return stdout.drained().then(() => file?.drained());
      if (file?.needsDrain) return file.drained();
      return undefined;
    },
  });
  stdout.whenClosed(() => live.cancel());
  file?.whenClosed(() => live.cancel());
  const onSigint = () => live.cancel();
  process.on('SIGINT', onSigint);
  let outcome: Awaited<typeof live.done>;
  try {
    outcome = await live.done;
  } finally {
    process.off('SIGINT', onSigint);
  }
  for (const s of sinks) await s.finish();
  await stdout.end();
  if (file) {
    await file.end({ close: true });
    if (file.closed)
      throw new CliError(`${values.out}: cannot write (${file.error?.message ?? 'error'})`);
  }
  if (stdout.closed === 'epipe') return EXIT.ok;
  if (outcome.cancelled) {
    ctx.stderr.write(
      `cancelled after ${outcome.end.steps} steps${values.out ? ` (${values.out} ends with a "cancelled" end event)` : ''}\n`,
    );
    return 130;
  }
  if (outcome.end.reason === 'diverged') {
    ctx.stderr.write(
      `the run diverged at step ${outcome.end.step ?? outcome.end.steps} (loss or parameters became non-finite)\n`,
    );
    return EXIT.diverged;
  }
  return EXIT.ok;
}

/** `decaylab run`. */
export const runCommand: Command = {
  name: 'run',
  summary: 'train a spec and stream its events (live dashboard on a TTY)',
  help,
  run,
};
