import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { parseEvent, ReplayError, type RunEvent } from '@decaylab/core';

/** A `ReplayError` for the last line of a file that does not end with a newline and is cut off. */
export class TruncatedError extends ReplayError {
  constructor(reason: string, line: number, source?: string) {
    super(`truncated last line (the recording was cut off mid-write): ${reason}`, line, source);
    this.name = 'TruncatedError';
  }
}

/** Options for `readRecording`. */
export interface ReadRecordingOptions {
  /** The name used in `file:line` messages. */
  readonly source: string;
  /** Skip malformed lines, passing each error to `onSkip`. */
  readonly skipInvalid?: boolean;
  readonly onSkip?: (error: ReplayError) => void;
  /** Bytes per read. Default 1 MiB. */
  readonly chunkBytes?: number;
}

/**
 * Streams a recording as batches of validated RunEvents (one batch per chunk read), with the
 * semantics of core's `fromNdjson`: each line through `parseEvent`, blank lines ignored, a `run`
 * header first, steps increasing, nothing after `end`. A last line without a newline that is not
 * valid JSON is a `TruncatedError`, raised only after every good line before it was yielded.
 * Memory stays flat: only the current chunk and line are held.
 *
 * @example
 * for await (const batch of readRecording('run.ndjson', { source: 'run.ndjson' })) for (const e of batch) draw(e);
 */
export async function* readRecording(
  input: string | Readable,
  { source, skipInvalid = false, onSkip, chunkBytes = 64 * 1024 }: ReadRecordingOptions,
): AsyncGenerator<RunEvent[]> {
  const stream =
    typeof input === 'string'
      ? createReadStream(input, { highWaterMark: chunkBytes, encoding: 'utf8' })
      : input.setEncoding('utf8');
  let lineNo = 0;
  let seenRun = false;
  let lastStep = 0;
  let ended = false;
  const handle = (line: string, batch: RunEvent[], last: boolean): void => {
    lineNo += 1;
    if (line.length === 0 || line === '\r' || line === '\uFEFF' || line.trim() === '') return;
    try {
      let event: RunEvent;
      try {
        event = parseEvent(line, lineNo, source);
      } catch (error) {
        if (last && error instanceof ReplayError && error.reason.startsWith('not valid JSON')) {
          throw new TruncatedError(error.reason, lineNo, source);
        }
        throw error;
      }
      if (ended) throw new ReplayError('an event after the end event', lineNo, source);
      if (event.type !== 'run' && !seenRun) {
        throw new ReplayError(
          `expected a "run" header first, got a "${event.type}" event`,
          lineNo,
          source,
        );
      }
      if (event.type === 'run') {
        if (seenRun) throw new ReplayError('a second "run" header', lineNo, source);
        seenRun = true;
      } else if (event.type === 'step') {
        if (event.step <= lastStep)
          throw new ReplayError(
            `step ${event.step} out of order (after step ${lastStep})`,
            lineNo,
            source,
          );
        lastStep = event.step;
      } else ended = true;
      batch.push(event);
    } catch (error) {
      if (skipInvalid && error instanceof ReplayError) onSkip?.(error);
      else throw error;
    }
  };
  let rest = '';
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      const text = rest ? rest + chunk : chunk;
      const batch: RunEvent[] = [];
      let start = 0;
      let nl = text.indexOf('\n');
      try {
        while (nl !== -1) {
          handle(text.slice(start, nl), batch, false);
          start = nl + 1;
          nl = text.indexOf('\n', start);
        }
      } catch (error) {
        if (batch.length) yield batch;
        throw error;
      }
      rest = text.slice(start);
      if (batch.length) yield batch;
    }
    if (rest) {
      const batch: RunEvent[] = [];
      handle(rest, batch, true);
      if (batch.length) yield batch;
    }
  } finally {
    if (typeof input === 'string') (stream as ReturnType<typeof createReadStream>).destroy();
  }
}
