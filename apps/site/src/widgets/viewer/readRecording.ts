import { collectSeries, type RunSeries } from '@decaylab/charts/data';
import {
  type EndEvent,
  fromNdjson,
  NotARecordingError,
  ReplayError,
  type RunStartEvent,
  type RunSummary,
  summarize,
} from '@decaylab/core';
import { lastValueFrom, tap } from 'rxjs';

/** A line of a recording that could not be read. */
export interface BadLine {
  readonly line: number;
  readonly reason: string;
}

/** How many bad lines are kept (all are counted). */
export const MAX_KEPT_ERRORS = 200;

/**
 * Everything the viewer shows about one recording: plain data (it crosses from the worker that
 * reads it). The curves are thinned while reading, so memory stays flat however long the run.
 */
export interface Recording {
  readonly source: string;
  readonly run: RunStartEvent | null;
  /** Loss and norm curves, at most ~1000 points each (the last step included). */
  readonly series: RunSeries;
  /** How many step events were read. */
  readonly stepCount: number;
  readonly end: EndEvent | null;
  readonly summary: RunSummary | null;
  /** Lines that were skipped, in order (the first `MAX_KEPT_ERRORS`). */
  readonly errors: BadLine[];
  /** How many lines were skipped in all. */
  readonly errorCount: number;
  /** `not a decaylab recording (why)` when the file is not one at all (empty, blank, binary). */
  readonly notRecording: string | null;
}

/**
 * Reads an NDJSON recording (made by `decaylab run --out`, or by `encodeEvent` in your own code)
 * with core's `fromNdjson` — the rules `decaylab replay` applies — skipping bad lines and
 * collecting them as `line N: reason`, thinning the curves as it goes and summarizing the run
 * with core's `summarize()`.
 *
 * @example
 * const rec = await readRecording(splitLines(chunksOf(file)), { source: file.name });
 * rec.errors.map((e) => `line ${e.line}: ${e.reason}`)
 */
export async function readRecording(
  lines: AsyncIterable<string>,
  { source = 'recording', maxPoints = 1000 }: { source?: string; maxPoints?: number } = {},
): Promise<Recording> {
  const errors: BadLine[] = [];
  let errorCount = 0;
  const skip = (e: { line: number; reason: string }) => {
    errorCount += 1;
    if (errors.length < MAX_KEPT_ERRORS) errors.push({ line: e.line, reason: e.reason });
  };
  let run: RunStartEvent | null = null;
  let end: EndEvent | null = null;
  let stepCount = 0;
  let notRecording: string | null = null;
  const collect = collectSeries({ name: source, max: maxPoints });
  let summary: RunSummary | null = null;
  try {
    summary = await lastValueFrom(
      fromNdjson(lines, { source, skipInvalid: true, onSkip: skip }).pipe(
        tap((e) => {
          if (e.type === 'run') run = e;
          else if (e.type === 'step') {
            stepCount += 1;
            collect.add(e);
          } else end = e;
        }),
        summarize(),
      ),
      { defaultValue: null },
    );
  } catch (error) {
    if (error instanceof NotARecordingError) notRecording = error.reason;
    else if (error instanceof ReplayError) skip(error);
    else throw error;
  }
  const header = run as RunStartEvent | null;
  return {
    source,
    run: header,
    series: { ...collect.series(), name: header?.spec.name ?? source },
    stepCount,
    end,
    summary: header ? summary : null,
    errors,
    errorCount,
    notRecording,
  };
}
