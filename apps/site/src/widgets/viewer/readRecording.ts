import {
  type EndEvent,
  fromNdjson,
  ReplayError,
  type RunStartEvent,
  type RunSummary,
  type StepEvent,
  summarize,
} from '@decaylab/core';
import { lastValueFrom, tap } from 'rxjs';

/** A line of a recording that could not be read. */
export interface BadLine {
  readonly line: number;
  readonly reason: string;
}

/** Everything the viewer shows about one recording. */
export interface Recording {
  readonly source: string;
  readonly run: RunStartEvent | null;
  readonly steps: StepEvent[];
  readonly end: EndEvent | null;
  readonly summary: RunSummary | null;
  /** Lines that were skipped, in order (the reader keeps going past them). */
  readonly errors: BadLine[];
}

/**
 * Reads an NDJSON recording (made by `decaylab run --out`, or by `encodeEvent` in your own code)
 * with core's `fromNdjson`, skipping bad lines and collecting them as `line N: reason`, and
 * summarizes the run with core's `summarize()`.
 *
 * @example
 * const rec = await readRecording(splitLines(chunksOf(file)), { source: file.name });
 * rec.errors.map((e) => `line ${e.line}: ${e.reason}`)
 */
export async function readRecording(
  lines: AsyncIterable<string>,
  { source = 'recording' }: { source?: string } = {},
): Promise<Recording> {
  const errors: BadLine[] = [];
  let run: RunStartEvent | null = null;
  let end: EndEvent | null = null;
  const steps: StepEvent[] = [];
  let summary: RunSummary | null = null;
  try {
    summary = await lastValueFrom(
      fromNdjson(lines, {
        source,
        skipInvalid: true,
        onSkip: (e) => errors.push({ line: e.line, reason: e.reason }),
      }).pipe(
        tap((e) => {
          if (e.type === 'run') run = e;
          else if (e.type === 'step') steps.push(e);
          else end = e;
        }),
        summarize(),
      ),
      { defaultValue: null },
    );
  } catch (error) {
    // summarize() needs a run header; anything else unreadable is reported the same way.
    if (error instanceof ReplayError) errors.push({ line: error.line, reason: error.reason });
    else if (!run)
      errors.push({ line: 0, reason: error instanceof Error ? error.message : String(error) });
    else throw error;
  }
  return { source, run, steps, end, summary: run ? summary : null, errors };
}
