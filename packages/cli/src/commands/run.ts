import { usageError } from '../cli/cliError.js';
import type { Command } from '../cli/command.js';
import type { Context } from '../cli/context.js';
import { EXIT } from '../cli/exitCodes.js';
import { onInterrupt } from '../cli/interrupt.js';
import { intOption, parse } from '../cli/parse.js';
import { dashboardSink } from '../dashboard/dashboardSink.js';
import { parseFields } from '../format/fields.js';
import { makeSink, readFormat } from '../format/makeSink.js';
import { ndjsonSink } from '../format/ndjsonSink.js';
import type { Sink } from '../format/sink.js';
import { openOutput, STDOUT } from '../io/openOutput.js';
import { startRun } from '../live/startRun.js';
import { specFromArgs } from '../spec/specFromArgs.js';

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
  --fields LIST    show only these step fields, e.g. step,loss,val,norms (--out records all)
  --out FILE       also record the full NDJSON to FILE (- for stdout). It is written to a
                   temporary file renamed into place at the end, so an earlier FILE is never
                   replaced by a broken one; Ctrl-C, SIGTERM or SIGHUP end it with "cancelled"
  --debug          show stack traces
  -h, --help       show this help

Exit codes: 0 done, 1 runtime or write error, 2 usage or spec error, 3 the run diverged,\n130 interrupted (Ctrl-C, SIGTERM, SIGHUP).

Examples:
  decaylab run overfitting
  decaylab run spec.json --format csv --every 10 > run.csv
  decaylab run overfitting --set optimizer.weightDecay=0.01 --out decay.ndjson`;

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
  const toStdout = values.out === STDOUT;
  const format = readFormat(values.format);
  if (toStdout && format !== undefined && format !== 'ndjson')
    throw usageError(
      `run: --out - records NDJSON on stdout; it cannot also show --format ${format}`,
    );
  if (toStdout && values.fields !== undefined)
    throw usageError(
      'run: --out - records every field on stdout; --fields applies to what is shown',
    );
  const every = intOption(values.every, 'every') ?? 1;
  const fields = parseFields(values.fields);
  const dashboard = !format && !toStdout && ctx.stdout.isTTY;
  // Checks --fields against the format's columns before anything runs.
  const shown = (out: Parameters<typeof makeSink>[1]): Sink =>
    dashboard
      ? dashboardSink(out, { ctx, mode: 'run' })
      : makeSink(toStdout ? 'ndjson' : (format ?? 'ndjson'), out, {
          fields,
          width: ctx.stdout.isTTY ? ctx.width : 100_000,
        });
  const { spec } = await specFromArgs(positionals[0], values, { stdin: ctx.stdin, command: 'run' });

  const stdout = openOutput(STDOUT, { stdout: ctx.stdout });
  const sinks: Sink[] = [shown(stdout)];
  // Opened before training: a bad --out path fails now, not after the run.
  const file =
    values.out !== undefined && !toStdout
      ? openOutput(values.out, { stdout: ctx.stdout, inputs: positionals })
      : null;
  if (file) sinks.push(ndjsonSink(file));

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
  const off = onInterrupt(() => live.cancel());
  let outcome: Awaited<typeof live.done>;
  try {
    outcome = await live.done;
  } catch (error) {
    file?.discard();
    throw error;
  } finally {
    off();
  }
  for (const s of sinks) await s.finish();
  await file?.commit();
  if (stdout.closed === 'epipe') return EXIT.ok;
  await stdout.commit();
  if (outcome.cancelled) {
    ctx.stderr.write(
      `cancelled after ${outcome.end.steps} steps${file ? ` (${file.file} ends with a "cancelled" end event)` : ''}\n`,
    );
    return EXIT.interrupted;
  }
  if (outcome.end.reason === 'diverged') {
    ctx.stderr.write(
      `decaylab: the run diverged at step ${outcome.end.step ?? outcome.end.steps} (loss or parameters became non-finite)\n`,
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
