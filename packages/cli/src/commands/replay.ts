import {
  NotARecordingError,
  ReplayError,
  type RunEvent,
  type StepEvent,
  type StepField,
  TruncatedError,
} from '@decaylab/core';
import { usageError } from '../cli/cliError.js';
import type { Command } from '../cli/command.js';
import type { Context } from '../cli/context.js';
import { EXIT } from '../cli/exitCodes.js';
import { onInterrupt } from '../cli/interrupt.js';
import { intOption, parse } from '../cli/parse.js';
import { dashboardSink, type Playback } from '../dashboard/dashboardSink.js';
import { listenKeys } from '../dashboard/keys.js';
import { parseFields } from '../format/fields.js';
import { makeSink, readFormat } from '../format/makeSink.js';
import type { Format, Sink } from '../format/sink.js';
import { cannotWrite } from '../io/openOutput.js';
import { output } from '../io/output.js';
import { readRecording } from '../io/readRecording.js';
import { safeText } from '../text/safeText.js';

/** Recordings carry no timestamps, so `--speed 1` replays at this nominal pace (training steps per second). */
export const BASE_STEPS_PER_SECOND = 200;

const help = `Usage: decaylab replay <file.ndjson | -> [options]

Replays a recording through the same pipeline and dashboard as \`run\`. It streams, so memory
stays flat however large the file is, and \`-\` (or a FIFO) is shown as it is written.

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
A recording written with \`run --fields\` replays as ndjson as it is; the other formats say
which fields they need. A malformed line fails with "file:line: what is wrong" (exit 1); a
truncated last line is reported after everything before it was replayed. A range with no
steps (--from past the last step) is a notice, exit 0. Exit 130 when interrupted.`;

function readSpeed(text: string | undefined, dashboard: boolean): number {
  if (text === undefined) return dashboard ? 1 : Infinity;
  if (text === 'max') return Infinity;
  const x = Number(text.replace(/x$/i, ''));
  if (!Number.isFinite(x) || x <= 0)
    throw usageError(`--speed: expected a positive number or max, got ${JSON.stringify(text)}`);
  return x;
}

/** The step fields each way of showing a recording reads (`step` always). */
function needsOf(format: Format | undefined, fields: string[][] | null): StepField[] {
  const tabular: StepField[] = ['epoch', 'lr', 'loss', 'norms'];
  switch (format) {
    case 'ndjson':
      return [];
    case 'csv':
    case 'table':
      return fields ? tabular.filter((f) => fields.some((p) => p[0] === f)) : tabular;
    default:
      // The summary and the dashboard read the losses and norms (epoch and lr when there).
      return ['loss', 'norms'];
  }
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
          if (action === 'quit') {
            quit = true;
            playback.stopped = 'q';
          } else if (action === 'toggle') {
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
  const offInterrupt = onInterrupt(() => {
    interrupted = true;
    quit = true;
    playback.stopped = 'interrupted';
    nudge();
  });

  let skipped = 0;
  let firstSkip: ReplayError | null = null;
  let sawEnd = false;
  let held: StepEvent | null = null;
  let firstStep: number | null = null;
  /** Steps in the recording, and how many were in --from/--to. */
  let stepRange: [number, number] | null = null;
  let inRange = 0;
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
  /** The header waits for the first step or end: a bad line 2 leaves no output behind. */
  let heldRun: RunEvent | null = null;
  const emit = async (e: RunEvent) => {
    if (e.type === 'run') {
      heldRun = e;
      return;
    }
    if (heldRun) {
      sink.event(heldRun);
      heldRun = null;
    }
    if (e.type === 'step') {
      stepRange = stepRange ? [stepRange[0], e.step] : [e.step, e.step];
      if (e.step < from || e.step > to) return;
      inRange += 1;
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
    const needs = needsOf(dashboard ? undefined : (format ?? 'ndjson'), fields);
    for await (const batch of readRecording(input, {
      source,
      needs,
      purpose: dashboard ? "replay's dashboard" : `replay --format ${format ?? 'ndjson'}`,
      skipInvalid: Boolean(values['skip-invalid']),
      onSkip: (error) => {
        skipped += 1;
        firstSkip ??= error;
      },
    })) {
      for (const e of batch) {
        await emit(e);
        if (quit || stdout.closed) break;
      }
      if (quit || stdout.closed) break;
      // Show each batch as it arrives (a pipe still being written), not only every 64 KiB.
      stdout.flush();
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
  if (stdout.closed === 'error') throw cannotWrite('<stdout>', stdout.error);
  const truncated = failure instanceof TruncatedError;
  const notRecording = failure instanceof NotARecordingError;
  if (!notRecording && (completed || truncated || quit)) {
    if (heldRun) sink.event(heldRun);
    await sink.finish();
  } else if (dash && !heldRun) stdout.write('\x1b[?25h\n'); // the dashboard hid the cursor
  await stdout.end();
  if (stdout.closed === 'error') throw cannotWrite('<stdout>', stdout.error);
  const say = (text: string) => ctx.stderr.write(`decaylab: ${safeText(text)}\n`);
  if (failure) {
    say(`${failure.message}${truncated ? ' (the lines before it were replayed)' : ''}`);
    return EXIT.input;
  }
  if (skipped > 0) {
    const first = firstSkip as ReplayError | null;
    say(`skipped ${skipped} invalid line${skipped === 1 ? '' : 's'} (first: ${first?.message})`);
  }
  if (interrupted) return EXIT.interrupted;
  if (quit) return EXIT.ok;
  const range = stepRange as [number, number] | null;
  if (inRange === 0 && range && (from > 0 || to < Infinity))
    say(
      `${source}: no steps in ${from > 0 ? `--from ${from}` : ''}${from > 0 && to < Infinity ? ' ' : ''}${to < Infinity ? `--to ${to}` : ''} (the recording has steps ${range[0]}–${range[1]}); only its header and end were replayed`,
    );
  if (!sawEnd) say(`${source}: no "end" event: the recording is incomplete`);
  return EXIT.ok;
}

/** `decaylab replay`. */
export const replayCommand: Command = {
  name: 'replay',
  summary: 'replay a recording through the same pipeline and dashboard',
  help,
  run,
};
