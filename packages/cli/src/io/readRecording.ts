import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { type ReplayError, type RunEvent, recordingReader } from '@decaylab/core';

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
 * Streams a recording as batches of validated RunEvents (one batch per chunk read), by core's
 * `recordingReader` rules (those of `fromNdjson`). A last line without a newline that is not
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
  const read = recordingReader({ source, skipInvalid, onSkip });
  const handle = (line: string, batch: RunEvent[], last: boolean): void => {
    const event = read(line, { last });
    if (event) batch.push(event);
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
