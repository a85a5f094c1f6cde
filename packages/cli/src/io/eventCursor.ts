import type { RecordingReaderOptions, RunEvent } from '@decaylab/core';
import { readRecording } from './readRecording.js';

/**
 * Pulls a recording's events one at a time (strictly validated, streamed): what `compare` uses to
 * walk several recordings in step with each other. Options are core's reader options
 * (`needs`, `purpose`; `source` defaults to the file name).
 *
 * @example
 * const c = eventCursor('a.ndjson');
 * for (let e = await c.next(); e; e = await c.next()) use(e);
 */
export function eventCursor(file: string, options: RecordingReaderOptions = {}) {
  const source = options.source ?? (file === '-' ? '<stdin>' : file);
  const batches = readRecording(file, { ...options, source });
  let batch: RunEvent[] = [];
  let i = 0;
  let done = false;
  return {
    source,
    /** The next event, or null at the end of the file. */
    async next(): Promise<RunEvent | null> {
      while (i >= batch.length) {
        if (done) return null;
        const r = await batches.next();
        if (r.done) {
          done = true;
          return null;
        }
        batch = r.value;
        i = 0;
      }
      return batch[i++] as RunEvent;
    },
    async close(): Promise<void> {
      await batches.return(undefined);
    },
  };
}

export type EventCursor = ReturnType<typeof eventCursor>;
