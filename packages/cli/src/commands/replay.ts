import { ReplayError, type RunEvent, type StepEvent, TruncatedError } from '@decaylab/core';
import { CliError, usageError } from '../cli/cliError.js';
import type { Command } from '../cli/command.js';
import type { Context } from '../cli/context.js';
import { EXIT } from '../cli/exitCodes.js';
import { onInterrupt } from '../cli/interrupt.js';
import { intOption, parse } from '../cli/parse.js';
import { dashboardSink, type Playback } from '../dashboard/dashboardSink.js';
import { listenKeys } from '../dashboard/keys.js';
import { parseFields } from '../format/fields.js';
import { makeSink, readFormat } from '../format/makeSink.js';
import type { Sink } from '../format/sink.js';
import { output } from '../io/output.js';
import { readRecording } from '../io/readRecording.js';

/** Recordings carry no timestamps, so `--speed 1` replays at this nominal pace (training steps per second). */
export const BASE_STEPS_PER_SECOND = 200;

const help = `Usage: decaylab replay <file.ndjson | -> [options]

Replays a recording through the same pipeline and dashboard as \`run\`. It streams, so memory
stays flat however large the file is.

Options:
  --speed X         a multiple of the nominal pace (1× = ${BASE_STEPS_PER_SECOND} steps/s: recordings carry no
                    timestamps), or max (default: 1 on a TTY dashboard, else max)
  --from STEP       start at this step (the run header and end event always pass)
  --to STEP         stop showing steps after this one
  --every N         keep every N-th step (and always the last)
  --format F        ndjson | csv | table | summary (default: dashboard on a TTY, else ndjson)
  --fields LIST     keep only these step fields (as in run)
  --skip-invalid    skip malformed lines and report how many were skipped
  --debug           show stack traces
  -h, --help        show this help

On a TTY: space pauses and resumes, . steps once, q quits.
A malformed line fails with "file:line: what is wrong" (exit 1); a truncated last line is
reported after everything before it was replayed.`;

function readSpeed(text: string | undefined, dashboard: boolean): number {
  if (text === undefined) return dashboard ? 1 : Infinity;
  if (text === 'max') return Infinity;
  const x = Number(text.replace(/x$/i, ''));
  if (!Number.isFinite(x) || x <= 0)
    throw usageError(`--speed: expected a positive number or max, got ${JSON.stringify(text)}`);
  return x;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function run(argv: readonly string[], ctx: Context): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      speed: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      every: { type: 'string' },
      format: { type: 'string' },
      fields: { type: 'string' },
      'skip-invalid': { type: 'boolean' },
    },
    'replay',
  );
  if (values.help) {
    ctx.stdout.write(`${help}\n`);
    return EXIT.ok;
  }
  const file = positionals[0];
  if (file === undefined)
    throw usageError('replay: missing <file.ndjson | -> (see decaylab replay --help)');
  if (positionals.length > 1)
    throw usageError(
      `replay: expected one recording, got ${positionals.length} (use compare for several)`,
    );
  const format = readFormat(values.format);
  const fields = parseFields(values.fields);
  const from = intOption(values.from, 'from', { min: 0 }) ?? 0;
  const to = intOption(values.to, 'to', { min: 0 }) ?? Infinity;
  if (from > to) throw usageError(`--from ${from} is after --to ${to}`);
  const every = intOption(values.every, 'every') ?? 1;
  const dashboard = !format && Boolean(ctx.stdout.isTTY);
  const speed = readSpeed(values.speed, dashboard);
  const source = file === '-' ? '<stdin>' : file;
  if (file !== '-') {
    const { stat } = await import('node:fs/promises');
    const s = await stat(file).catch(() => null);
    if (!s) throw new CliError(`${file}: no such file`);
    if (!s.isFile()) throw new CliError(`${file}: not a file`);
    if (s.size === 0) throw new CliError(`${file}: empty recording (no "run" header)`);
  }

  const stdout = output(ctx.stdout);
  const playback: Playback = {
    mode: `replay ${speed === Infinity ? 'max' : `×${speed}`}`,
    paused: false,
    pausedMs: 0,
    ...(ctx.stdin.isTTY && file !== '-' ? { keys: 'space pause/resume · . step · q quit' } : {}),
  };
  const dash = dashboard ? dashboardSink(stdout, { ctx, mode: playback.mode, playback }) : null;
  const sink: Sink =
    dash ??
    makeSink(format ?? 'ndjson', stdout, { fields, width: ctx.stdout.isTTY ? ctx.width : 100_000 });

  // Playback control (keys on a TTY).
  let quit = false;
  let stepOnce = false;
  let wake: (() => void) | null = null;
  let pausedAt = 0;
  let pausedTotal = 0;
  const nudge = () => {
    wake?.();
    wake = null;
  };
  const stopKeys =
    dashboard && file !== '-'
      ? listenKeys(ctx, (action) => {
          if (action === 'quit') quit = true;
          else if (action === 'toggle') {
            playback.paused = !playback.paused;
            if (playback.paused) pausedAt = performance.now();
            else {
              pausedTotal += performance.now() - pausedAt;
              playback.pausedMs = pausedTotal;
            }
          } else if (action === 'step') {
            if (!playback.paused) {
              playback.paused = true;
              pausedAt = performance.now();
            }
            stepOnce = true;
          }
          dash?.redraw();
          nudge();
        })
      : () => undefined;
  let interrupted = false;
  const onSigint = () => {
    interrupted = true;
    quit = true;
    nudge();
  };
  const offInterrupt = onInterrupt(onSigint);

  let skipped = 0;
  let firstSkip: ReplayError | null = null;
  let sawEnd = false;
  let sawAny = false;
  let held: StepEvent | null = null;
  let firstStep: number | null = null;
  const start = performance.now();
  const pace = async (e: StepEvent) => {
    if (playback.paused) {
      if (stepOnce) {
        stepOnce = false;
        return;
      }
      while (playback.paused && !quit && !stepOnce) await new Promise<void>((r) => (wake = r));
      if (stepOnce) {
        stepOnce = false;
        return;
      }
    }
    if (speed === Infinity) return;
    firstStep ??= e.step;
    const due = ((e.step - firstStep) / (BASE_STEPS_PER_SECOND * speed)) * 1000;
    const now = performance.now() - start - pausedTotal;
    if (due > now) await sleep(Math.min(due - now, 1000));
  };
  const emit = async (e: RunEvent) => {
    if (e.type === 'step') {
      if (e.step < from || e.step > to) return;
      if (every > 1 && e.step % every !== 0) {
        held = e;
        return;
      }
      held = null;
      if (speed !== Infinity || playback.paused) await pace(e);
    } else if (e.type === 'end') {
      sawEnd = true;
      if (held) sink.event(held);
      held = null;
    }
    sink.event(e);
  };

  let failure: ReplayError | null = null;
  let completed = false;
  try {
    const input = file === '-' ? ctx.stdin : file;
    for await (const batch of readRecording(input, {
      source,
      skipInvalid: Boolean(values['skip-invalid']),
      onSkip: (error) => {
        skipped += 1;
        firstSkip ??= error;
      },
    })) {
      sawAny = true;
      for (const e of batch) {
        await emit(e);
        if (quit || stdout.closed) break;
      }
      if (quit || stdout.closed) break;
      if (stdout.needsDrain) await stdout.drained();
    }
    completed = true;
  } catch (error) {
    if (!(error instanceof ReplayError)) throw error;
    failure = error;
  } finally {
    offInterrupt();
    stopKeys();
  }
  if (stdout.closed === 'epipe') return EXIT.ok;
  const truncated = failure instanceof TruncatedError;
  if (completed || truncated || quit) await sink.finish();
  await stdout.end();
  if (failure) {
    ctx.stderr.write(
      `decaylab: ${failure.message}${truncated ? ' (the lines before it were replayed)' : ''}\n`,
    );
    return EXIT.input;
  }
  if (skipped > 0) {
    const first = firstSkip as ReplayError | null;
    ctx.stderr.write(
      `decaylab: skipped ${skipped} invalid line${skipped === 1 ? '' : 's'} (first: ${first?.message})\n`,
    );
  }
  if (interrupted) return EXIT.interrupted;
  if (!sawAny && !quit) throw new CliError(`${source}: empty recording (no "run" header)`);
  if (!sawEnd && !quit)
    ctx.stderr.write(`decaylab: ${source}: no "end" event: the recording is incomplete\n`);
  return EXIT.ok;
}

/** `decaylab replay`. */
export const replayCommand: Command = {
  name: 'replay',
  summary: 'replay a recording through the same pipeline and dashboard',
  help,
  run,
};
