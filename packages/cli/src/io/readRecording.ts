import type { Readable } from 'node:stream';
import {
  type RecordingReaderOptions,
  ReplayError,
  type RunEvent,
  recordingReader,
} from '@decaylab/core';
import { CliError } from '../cli/cliError.js';
import { cannotRead, openInput } from './openInput.js';

/** Options for `readRecording`: core's reader options (the name for messages is required). */
export interface ReadRecordingOptions extends RecordingReaderOptions {
  /** The name used in `file:line` messages. */
  readonly source: string;
  /** Bytes per read. Default 64 KiB. */
  readonly chunkBytes?: number;
}

/**
 * Streams a recording as batches of validated RunEvents (one batch per chunk read, so a pipe
 * that is still being written is read as it arrives), by core's `recordingReader` rules (those of
 * `fromNdjson`). A last line without a newline that is not valid JSON is a `TruncatedError`,
 * raised only after every good line before it was yielded; input without a `run` header is a
 * `NotARecordingError`; a file that cannot be read is a one-line `CliError`. Memory stays flat
 * and time linear, however long a line is: only the current chunk and line are held.
 *
 * @example
 * for await (const batch of readRecording('run.ndjson', { source: 'run.ndjson' })) for (const e of batch) draw(e);
 */
export async function* readRecording(
  input: string | Readable,
  { chunkBytes = 64 * 1024, ...options }: ReadRecordingOptions,
): AsyncGenerator<RunEvent[]> {
  const { source } = options;
  const stream =
    typeof input === 'string' ? await openInput(input, { chunkBytes }) : input.setEncoding('utf8');
  const read = recordingReader(options);
  /** The pieces of a line that spans chunks: joined once, when its newline arrives. */
  let pending: string[] = [];
  let batch: RunEvent[] = [];
  const handle = (line: string, last: boolean): void => {
    const event = read(line, { last });
    if (event) batch.push(event);
  };
  try {
    try {
      for await (const chunk of stream as AsyncIterable<string>) {
        let nl = chunk.indexOf('\n');
        if (nl === -1) {
          pending.push(chunk);
          continue;
        }
        try {
          const head = chunk.slice(0, nl);
          if (pending.length) pending.push(head);
          // One flat copy of a long line (a join, not a join plus a concatenation).
          handle(pending.length ? pending.join('') : head, false);
          pending = [];
          let start = nl + 1;
          nl = chunk.indexOf('\n', start);
          while (nl !== -1) {
            handle(chunk.slice(start, nl), false);
            start = nl + 1;
            nl = chunk.indexOf('\n', start);
          }
          if (start < chunk.length) pending.push(chunk.slice(start));
        } catch (error) {
          if (batch.length) yield batch;
          throw error;
        }
        if (batch.length) {
          const full = batch;
          batch = [];
          yield full;
        }
      }
    } catch (error) {
      if (error instanceof ReplayError || error instanceof CliError) throw error;
      throw cannotRead(source, error);
    }
    if (pending.length) handle(pending.join(''), true);
    if (batch.length) yield batch;
    read.finish();
  } finally {
    if (typeof input === 'string') stream.destroy();
  }
}
